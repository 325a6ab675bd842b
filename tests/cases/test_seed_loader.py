"""load_seed_cases: atomic, idempotent, respectful of advisors' edits."""

import re
import shutil
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from assessments.models import Assessment
from cases.models import Case, Event, Municipality, Participation, Source, SourceMention

pytestmark = pytest.mark.django_db


def load(*args) -> str:
    out = StringIO()
    call_command("load_seed_cases", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Case, Municipality, Participation, Event, Source, Assessment, SourceMention)
    } | {"history": Case.history.count()}


@pytest.fixture
def fixture_copy(tmp_path, settings):
    target = tmp_path / "fixtures"
    shutil.copytree(settings.BASE_DIR / "fixtures", target)
    return target


def edit(path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def test_first_run_creates_everything_and_reports_it():
    output = load()
    assert Case.objects.count() == 45
    assert Assessment.objects.count() == 45
    assert "casussen: 45 aangemaakt" in output
    assert "vijfpuntschecks: 45 aangemaakt" in output
    assert f"vermeldingen: {SourceMention.objects.count()} aangemaakt" in output
    assert SourceMention.objects.count() > 10


def test_second_run_changes_nothing_and_says_so():
    load()
    before = snapshot()
    output = load()
    assert snapshot() == before
    assert "casussen: 0 aangemaakt, 0 bijgewerkt, 45 ongewijzigd" in output
    assert "Niets gewijzigd" in output


def test_dry_run_validates_without_writing():
    output = load("--dry-run")
    assert Case.objects.count() == 0
    assert "niets geschreven" in output


def test_an_advisors_edit_survives_a_rerun_and_update_overwrites_it():
    load()
    case = Case.objects.get(number=8)
    case.summary = "Door een adviseur herschreven."
    case.save()
    output = load()
    case.refresh_from_db()
    assert case.summary == "Door een adviseur herschreven."
    assert "behouden: 8." in output
    load("--update")
    case.refresh_from_db()
    assert case.summary != "Door een adviseur herschreven."


def test_an_advisors_corrected_check_answer_survives_a_rerun():
    load()
    assessment = Assessment.objects.get(case__number=4)
    assessment.trust_answer = "Gecorrigeerd."
    assessment.save()
    load()
    assessment.refresh_from_db()
    assert assessment.trust_answer == "Gecorrigeerd."


def test_a_corrected_fixture_is_applied_where_nobody_edited_the_case(fixture_copy):
    load("--fixtures", str(fixture_copy))
    file = next((fixture_copy / "cases").glob("14-*.toml"))
    edit(file, 'title = "', 'title = "Gecorrigeerd: ')
    output = load("--fixtures", str(fixture_copy))
    assert Case.objects.get(number=14).title.startswith("Gecorrigeerd: ")
    assert "casussen: 0 aangemaakt, 1 bijgewerkt, 44 ongewijzigd" in output


@pytest.mark.parametrize(
    ("case", "old", "new", "message"),
    [
        ("05", "\nsummary = ", "\nsummary_typo = ", r"casus 5, veld summary_typo: onbekend veld"),
        ("05", 'title = "', 'titel = "', r"casus 5, veld titel: onbekend veld"),
        (
            "08",
            'municipality = "Ridderkerk"',
            'municipality = "Riderkerk"',
            r"casus 8, veld participants\[\d\]\.municipality: onbekende gemeente 'Riderkerk'",
        ),
        (
            "04",
            'rating = "yes"',
            'rating = "misschien"',
            r"casus 4, veld assessment\.\w+\.rating: 'misschien'",
        ),
        ("12", "number = 12", "number = 11", r"casus 11, veld number: number 11 staat ook in"),
        ("23", 'start = "', 'start = "2017-13', r"casus 23, veld start: '2017-13"),
    ],
)
def test_a_broken_fixture_fails_with_its_message_and_leaves_the_database_unchanged(
    fixture_copy, case, old, new, message
):
    load("--fixtures", str(fixture_copy))
    Case.objects.filter(number=3).update(title="Door adviseur gewijzigd")
    before = snapshot()
    file = next((fixture_copy / "cases").glob(f"{case}-*.toml"))
    edit(file, old, new)
    with pytest.raises(CommandError) as error:
        load("--fixtures", str(fixture_copy), "--update")
    assert re.search(message, str(error.value)), str(error.value)
    assert file.name in str(error.value)
    assert snapshot() == before
    assert Case.objects.get(number=3).title == "Door adviseur gewijzigd"


def test_a_database_level_error_rolls_back_everything_before_it(fixture_copy):
    # An advisor's own case already uses the slug of seed case 30: the loader gets to case 30
    # after writing 29 cases, and must undo all of them.
    from tests.factories import CaseFactory

    file = next((fixture_copy / "cases").glob("30-*.toml"))
    slug = re.search(r'^slug = "(.+)"', file.read_text(encoding="utf-8"), re.M).group(1)
    CaseFactory(slug=slug, number=None)
    with pytest.raises(CommandError, match=rf"{file.name}, casus 30, veld slug"):
        load("--fixtures", str(fixture_copy))
    assert Case.objects.count() == 1
    assert Municipality.objects.count() == 0
