"""load_seed_cases into an empty database: everything, nothing on a dry run, nothing on an error.

Runs over the 45 seed fixtures, so these are in the seed lane; reruns over a loaded seed are in
`test_seed_loader_rerun.py`."""

import re
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from assessments.models import Assessment
from cases.models import Case, Event, Municipality, Participation, Source, SourceMention

pytestmark = [pytest.mark.django_db, pytest.mark.seed]


def load(*args) -> str:
    out = StringIO()
    call_command("load_seed_cases", *args, stdout=out)
    return out.getvalue()


def snapshot() -> dict:
    return {
        model.__name__: sorted(model.objects.values_list("pk", flat=True))
        for model in (Case, Municipality, Participation, Event, Source, Assessment, SourceMention)
    } | {"history": Case.history.count()}


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


def test_dry_run_validates_without_writing():
    output = load("--dry-run")
    assert Case.objects.count() == 0
    assert "niets geschreven" in output


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
