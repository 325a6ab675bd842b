"""A broken fixture set ends in one clear message naming file, case and field; nothing is written.

A small valid set (two cases) is loaded once; each test breaks one thing in a copy of its files and
loads again.
"""

import re
import shutil
import tomllib
from io import StringIO

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from assessments.models import Assessment
from cases.models import Case, Event, Municipality, Participation, Source, SourceMention
from tests.seed_db import rolled_back_with_the_module

pytestmark = pytest.mark.django_db

MENTION = """[[mentions]]
source = "korsten-2017"
lines = [715, 716]
passage = "Een passage."
cases = [1]
municipalities = ["Blaricum"]
"""


@pytest.fixture(scope="module")
def loaded_set(tmp_path_factory, django_db_setup, django_db_blocker):
    """A valid set with cases 1 and 3 and one mention, loaded once for the module."""
    target = tmp_path_factory.mktemp("valid") / "fixtures"
    source = settings.BASE_DIR / "fixtures"
    (target / "cases").mkdir(parents=True)
    shutil.copy(source / "sources.toml", target / "sources.toml")
    names = {"Blaricum", "Aalsmeer"}
    for number in ("01", "03"):
        file = next((source / "cases").glob(f"{number}-*.toml"))
        shutil.copy(file, target / "cases" / file.name)
        names |= {row["municipality"] for row in tomllib.loads(file.read_text("utf-8"))["participants"]}
    (target / "municipalities.toml").write_text(municipalities_named(source / "municipalities.toml", names))
    (target / "mentions.toml").write_text(MENTION, encoding="utf-8")
    with rolled_back_with_the_module(django_db_blocker):
        load(target)
        yield target


@pytest.fixture
def fixtures(loaded_set, db, tmp_path):
    """The loaded set's files, for this test to break."""
    return shutil.copytree(loaded_set, tmp_path / "fixtures")


def municipalities_named(file, names: set[str]) -> str:
    """The blocks of municipalities.toml for `names` (and what they merged into): a small, fast set."""
    blocks = file.read_text(encoding="utf-8").split("[[municipality]]")[1:]
    parsed = {tomllib.loads(f"[[municipality]]{block}")["municipality"][0]["name"]: block for block in blocks}
    wanted = names | {
        tomllib.loads(f"[[municipality]]{parsed[n]}")["municipality"][0].get("merged_into", "") for n in names
    }
    return "".join(f"[[municipality]]{parsed[name]}" for name in sorted(wanted) if name)


def load(directory, *args) -> str:
    out = StringIO()
    call_command("load_seed_cases", "--fixtures", str(directory), *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    models = (Case, Municipality, Participation, Event, Source, Assessment, SourceMention)
    return {model.__name__: sorted(model.objects.values_list("pk", flat=True)) for model in models} | {
        "titles": sorted(Case.objects.values_list("title", flat=True)),
        "history": Case.history.count() + Source.history.count() + Municipality.history.count(),
    }


def case_file(directory, number: str):
    return next((directory / "cases").glob(f"{number}-*.toml"))


def sub(path, pattern: str, new: str) -> None:
    """Replace the first match of `pattern` (a regex, multiline) in the file."""
    text = path.read_text(encoding="utf-8")
    changed, count = re.subn(pattern, new, text, count=1, flags=re.M)
    assert count == 1, f"{pattern!r} not in {path.name}"
    path.write_text(changed, encoding="utf-8")


def fails(directory, *expected: str) -> str:
    """Load, expect a CommandError with every expected regex in it, and no change to the database."""
    before = snapshot()
    with pytest.raises(CommandError) as error:
        load(directory, "--update")
    message = str(error.value)
    assert message.startswith("Niets geladen."), message
    assert "Traceback" not in message
    for pattern in expected:
        assert re.search(pattern, message), f"{pattern!r} not in {message!r}"
    assert snapshot() == before
    return message


def test_non_utf8_bytes_name_the_file_and_line(fixtures):
    file = case_file(fixtures, "03")
    file.write_bytes(file.read_bytes().replace(b"OVER", b"\xffOVER", 1))
    fails(fixtures, rf"{file.name}: geen geldige UTF-8 \(regel \d+, byte \d+\)")


def test_a_nul_character_in_a_string_names_case_and_field(fixtures):
    sub(case_file(fixtures, "03"), r'^title = "', r'title = "\\u0000')
    fails(fixtures, r"03-[\w-]+\.toml, casus 3, veld title: bevat een niet toegestaan stuurteken \(U\+0000\)")


def test_a_nul_character_in_a_list_of_names(fixtures):
    sub(fixtures / "mentions.toml", r'"Blaricum"', r'"Blari\\u0000cum"')
    fails(
        fixtures, r"mentions\.toml, veld mentions\[1\]\.municipalities: bevat een niet toegestaan stuurteken"
    )


@pytest.mark.parametrize(
    ("target", "pattern", "new", "expected"),
    [
        ("03", r"^tabel1_rows = .*$", "tabel1_rows = 3", r"casus 3, veld provenance\.tabel1_rows: een lijst"),
        ("03", r"^lines = .*$", "lines = 715", r"casus 3, veld provenance\.lines: twee regelnummers"),
        ("03", r'^title = ".*"$', "title = 5", r"casus 3, veld title: tekst verwacht, niet 5"),
        ("03", r"^year = .*$", 'year = "2014"', r"casus 3, veld year: geheel getal verwacht"),
        ("03", r'^start = ".*"$', "start = 2014-01-01", r"casus 3, veld start: tekst verwacht"),
        ("03", r'rating = "\w+"', "rating = 1", r"casus 3, veld assessment\.\w+\.rating: tekst verwacht"),
        ("03", r"^\[assessment\]$", "assessment = 5\n[assessment_x]", r"casus 3, veld assessment"),
        (
            "mentions",
            r"^cases = .*$",
            "cases = 1",
            r"veld mentions\[1\]\.cases: een lijst van gehele getallen",
        ),
        ("mentions", r"^lines = .*$", "lines = [716, 715]", r"veld mentions\[1\]\.lines: twee regelnummers"),
        (
            "municipalities",
            r"^population = \d+$",
            'population = "30000"',
            r"veld municipality\[\d+\]\.population",
        ),
        (
            "sources",
            r'^kind = "report"$',
            "kind = true",
            r"sources\.toml, veld sources\[1\]\.kind: tekst verwacht",
        ),
    ],
)
def test_a_wrong_type_names_file_case_and_field(fixtures, target, pattern, new, expected):
    file = case_file(fixtures, target) if target.isdigit() else fixtures / f"{target}.toml"
    sub(file, pattern, new)
    message = fails(fixtures, expected)
    assert file.name in message


def test_a_missing_municipalities_file(fixtures):
    (fixtures / "municipalities.toml").unlink()
    fails(fixtures, r"municipalities\.toml: bestand ontbreekt")


def test_a_missing_fixtures_folder(fixtures):
    fails(fixtures.parent / "bestaat-niet", r"bestaat-niet: de map met fixtures bestaat niet")


def test_a_folder_named_like_a_case_file(fixtures):
    (fixtures / "cases" / "99-map.toml").mkdir()
    fails(fixtures, r"99-map\.toml: is een map, geen bestand")


def test_a_folder_named_municipalities_toml(fixtures):
    (fixtures / "municipalities.toml").unlink()
    (fixtures / "municipalities.toml").mkdir()
    fails(fixtures, r"municipalities\.toml: is een map, geen bestand")


@pytest.mark.parametrize("name", ["municipalities.toml", "sources.toml", "mentions.toml", "cases/03"])
def test_an_empty_file(fixtures, name):
    file = case_file(fixtures, "03") if name.startswith("cases/") else fixtures / name
    file.write_text("\n  \n", encoding="utf-8")
    fails(fixtures, rf"{re.escape(file.name)}: het bestand is leeg")


def test_a_file_with_only_comments_has_no_entries(fixtures):
    (fixtures / "municipalities.toml").write_text("# nog niets\n", encoding="utf-8")
    fails(fixtures, r"municipalities\.toml, veld municipality: geen enkele \[\[municipality\]\] gevonden")


@pytest.mark.parametrize(
    ("target", "pattern", "new", "expected"),
    [
        (
            "municipalities",
            r"^\[\[municipality\]\]$",
            "[[municipalitie]]",
            r"veld municipalitie: onbekend veld",
        ),
        ("sources", r"^note = ", "notitie = ", r"veld sources\[1\]\.notitie: onbekend veld"),
        ("mentions", r"^passage = ", "passages = ", r"veld mentions\[1\]\.passages: onbekend veld"),
        ("03", r"^publisher = ", "uitgever = ", r"casus 3, veld sources\[1\]\.uitgever: onbekend veld"),
        ("03", r"^(\w+ = \{ rating)", r"\1_x", r"casus 3, veld assessment\.\w+\.rating_x: onbekend veld"),
    ],
)
def test_an_unknown_key_names_file_case_and_field(fixtures, target, pattern, new, expected):
    file = case_file(fixtures, target) if target.isdigit() else fixtures / f"{target}.toml"
    sub(file, pattern, new)
    assert file.name in fails(fixtures, expected)


def test_a_bad_url_in_a_case_file_is_blamed_on_that_case_file(fixtures):
    file = case_file(fixtures, "03")
    sub(file, r'^url = "http[^"]*"$', 'url = "htp:/kapot adres"')
    message = fails(
        fixtures, rf"{file.name}, casus 3, veld sources\[1\]\.url: 'htp:/kapot adres' is geen geldig"
    )
    assert "sources.toml" not in message


def test_a_database_check_on_a_case_files_source_is_blamed_on_that_case_file(fixtures):
    file = case_file(fixtures, "03")
    sub(file, r'^(key = "c03[^"]*"\n(?:.*\n)*?)title = "[^"]*"$', r'\1title = "' + "x" * 301 + '"')
    message = fails(fixtures, rf"{file.name}, casus 3, veld sources\[1\]\.title: ")
    assert "sources.toml" not in message


@pytest.mark.parametrize(
    ("new", "expected"),
    [
        ('source = "onbekend"', r"veld mentions\[1\]\.source: onbekende bron 'onbekend'"),
        ("cases = [44]", r"veld mentions\[1\]\.cases: onbekende casus 44"),
        (
            'municipalities = ["Atlantis"]',
            r"veld mentions\[1\]\.municipalities: onbekende gemeente 'Atlantis'",
        ),
    ],
)
def test_a_mention_refers_only_to_what_exists(fixtures, new, expected):
    key = new.split(" = ")[0]
    sub(fixtures / "mentions.toml", rf"^{key} = .*$", new)
    fails(fixtures, r"mentions\.toml, " + expected)


def test_the_valid_small_set_loads_and_reloads_unchanged(fixtures):
    assert Case.objects.count() == 2
    assert SourceMention.objects.get().cases.get().number == 1
    assert "Niets gewijzigd" in load(fixtures)


def test_the_keys_of_issue_13_are_read(fixtures):
    file = case_file(fixtures, "03")
    sub(file, r'^start = ".*"$', 'start = ""\nplanned_start = "2018-01-01"\nas_of = "2016"')
    sub(
        file,
        r'^urgency\s*= \{ rating = ("\w+"), answer = ',
        r'urgency = { rating = \1, question = "Urgentie?", answer = ',
    )
    sub(
        file,
        r"^\[\[participants\]\]$",
        '[[participants]]\nmunicipality = "Aalsmeer"\nrole = "mentioned"\n\n[[participants]]',
    )
    sub(
        file,
        r"^\[\[events\]\]$",
        '[[events]]\ndate = "2018"\nkind = "planned"\ndescription = "Beoogd."\n\n[[events]]',
    )
    load(fixtures)
    case = Case.objects.get(number=3)
    assert (case.start_date, case.planned_start, case.as_of) == ("", "2018-01-01", "2016")
    assert case.assessments.get().urgency_question == "Urgentie?"
    assert case.participations.get(municipality__name="Aalsmeer").role == "mentioned"
    assert case.events.filter(kind="planned", date="2018").exists()
    assert Case.objects.get(number=1).as_of == "2017"  # the date of its provenance source
    assert "Niets gewijzigd" in load(fixtures)


def test_a_bad_planned_start_names_case_and_field(fixtures):
    sub(case_file(fixtures, "03"), r'^start = ".*"$', 'planned_start = "begin 2018"')
    fails(fixtures, r"casus 3, veld planned_start: 'begin 2018' is geen datum")
