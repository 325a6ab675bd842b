"""The seed exploration (shared/seeds/003) against its source text, and its loader's guarantees."""

from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from explorations.models import Exploration, VariantScore
from explorations.similarity import similar_cases

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_explorations")]

SOURCE_FILE = settings.BASE_DIR.parent / "shared" / "seeds" / "003_21fe8ac6f2fa6560.txt"
SOURCE = SOURCE_FILE.read_text(encoding="utf-8") if SOURCE_FILE.exists() else ""
needs_source = pytest.mark.skipif(not SOURCE, reason="the seed text 003 is not beside the checkout")
FLAT = " ".join(SOURCE.split())
SLUG = "oldenzaal-noaberkracht-2022"


@pytest.fixture
def seeded():
    return Exploration.objects.get(slug=SLUG)


def variant(exploration, number):
    return exploration.variants.get(name__startswith=f"Vorm {number} ")


def test_the_three_municipalities_explore_and_losser_may_join_later(seeded):
    roles = {m.municipality.name: m.role for m in seeded.memberships.select_related("municipality")}
    assert roles == {
        "Oldenzaal": "partner",
        "Dinkelland": "partner",
        "Tubbergen": "partner",
        "Losser": "considered",
    }


@needs_source
def test_the_two_preconditions_and_seven_criteria_and_six_points_as_printed(seeded):
    assert [p.name for p in seeded.preconditions.all()] == [
        "gezonde financiële positie van de gemeenten niet wordt aangetast",
        "autonome positie van gemeenteraden gewaarborgd is",
    ]
    criteria = [c.name for c in seeded.criteria.all()]
    assert len(criteria) == 7
    assert criteria[0] == "mogelijke versterking strategisch vermogen organisaties"
    assert criteria[6] == "mogelijke versterking bestuurlijke slagkracht/slagvaardigheid"
    assert all(f"• {name}" in FLAT for name in criteria)
    points = [p.name for p in seeded.work_points.all()]
    assert (
        len(points) == 6 and points[-1] == "Invloed op regionale verhoudingen (onder andere positie Losser)"
    )
    assert all(c.weight is None for c in seeded.criteria.all())


@needs_source
def test_the_five_forms_with_their_swot_bullets_verbatim(seeded):
    assert [v.name for v in seeded.variants.all()] == [
        "Vorm 1 Organisch samenwerken",
        "Vorm 2 Opgavegericht samenwerken",
        "Vorm 3 Gezamenlijke taakuitvoering",
        "Vorm 4 Ambtelijke fusie",
        "Vorm 5 Zelf bouwen; het combinatiemodel",
    ]
    assert variant(seeded, 1).weaknesses[-1] == "Stap van te weinig betekenis"
    assert "Gemakkelijk te beeindigen" in variant(seeded, 1).strengths  # spelling kept
    assert variant(seeded, 2).weaknesses[1] == "Kan losgezongen onderdeel worden naast staande organisaties"
    assert variant(seeded, 3).opportunities == ["Opvangen meerkosten", "Toetreding mogelijk"]
    assert variant(seeded, 4).threats[0] == "Werken voor drie besturen ingewikkeld"
    assert variant(seeded, 4).opportunities[0] == "Effecitviteit in de regio door gezamenlijk optrekken"
    assert variant(seeded, 5).threats == [
        "Weglekken van energie",
        "Opgaven die niet gelijk zijn of in elkaars verlengde liggen",
        "Systemen die niet geintegreerd zijn",
        "Niet bespreken onderstroom",
        "Onduidelijk perspectief",
    ]
    for v in seeded.variants.all():
        for item in v.strengths + v.weaknesses + v.opportunities + v.threats:
            words = item.replace("-", "- ").split()
            assert " ".join(words) in FLAT.replace("•", "• ").replace("- ", "- ") or item in FLAT, item


@needs_source
def test_descriptions_and_reflections_are_the_source_text(seeded):
    fusie = variant(seeded, 4)
    assert fusie.description.startswith("Noaberkracht is een voorbeeld van een ambtelijke fusie.")
    assert fusie.reflection.startswith("Ook op dit model is in de verkenning gereflecteerd.")
    for paragraph in (fusie.description + "\n\n" + fusie.reflection).split("\n\n"):
        assert paragraph in FLAT
    assert "regels" in fusie.citation


def test_the_source_draws_no_conclusion_so_no_cell_is_scored(seeded):
    assert not VariantScore.objects.filter(variant__exploration=seeded).exists()
    assert all(v.worked_out for v in seeded.variants.all())


def test_assignments_name_their_source_and_lines(seeded):
    councils = {a.council: a for a in seeded.assignments.all()}
    assert "hou zeker de deur naar Losser open." in councils["De raden van Dinkelland en Tubbergen"].text
    assert councils["De raad van Oldenzaal"].source == "Raadsinformatiebrief Oldenzaal, 23 november 2021"
    assert councils["De raad van Oldenzaal"].citation == "regels 131-158"


def test_experiences_link_the_cases_the_text_names(seeded):
    linked = {
        e.name: e.case.number if e.case else None for e in seeded.experience_links.select_related("case")
    }
    assert linked["BAR-gemeenten"] == 8
    assert linked["Voorne Putten"] == 24
    assert linked["Noaberkracht (Dinkelland en Tubbergen)"] == 6
    assert linked["Meerinzicht"] is None


def test_similar_cases_include_korstens_cases_about_dinkelland_tubbergen_and_losser(seeded):
    result = similar_cases(Exploration.objects.with_municipalities().get(pk=seeded.pk))
    by_number = {s.case.number: s for s in result.suggested}
    same = next(reason for reason in by_number[6].reasons if reason.startswith("dezelfde gemeente"))
    assert "Dinkelland" in same and "Tubbergen" in same
    assert by_number[6].reasons[0].startswith("genoemd in de verkenning")
    assert any(reason.startswith("dezelfde gemeente: Losser") for reason in by_number[44].reasons)
    assert result.suggested[0].case.number == 6
    assert all(s.reasons for s in result.suggested)


def test_a_second_run_changes_nothing():
    out = StringIO()
    call_command("load_seed_explorations", stdout=out)
    assert "ongewijzigd" in out.getvalue()


def test_an_advisors_edit_is_kept_and_update_restores_the_fixture(seeded):
    Exploration.objects.filter(pk=seeded.pk).update(urgency="Aangepast door een adviseur.")
    out = StringIO()
    call_command("load_seed_explorations", stdout=out)
    assert "behouden" in out.getvalue()
    assert Exploration.objects.get(pk=seeded.pk).urgency == "Aangepast door een adviseur."
    call_command("load_seed_explorations", "--update", stdout=StringIO())
    assert Exploration.objects.get(pk=seeded.pk).urgency.startswith("De vraag is waar de samenwerking")


def test_an_invalid_fixture_names_file_and_field_and_writes_nothing(tmp_path: Path, seeded):
    text = (settings.BASE_DIR / "fixtures" / "explorations" / f"{SLUG}.toml").read_text(encoding="utf-8")
    (tmp_path / "broken.toml").write_text(text.replace('judgement = "met"', 'judgement = "half"', 1))
    before = Exploration.history.count()
    with pytest.raises(CommandError) as error:
        call_command("load_seed_explorations", "--fixtures", str(tmp_path), stdout=StringIO())
    assert "broken.toml" in str(error.value)
    assert "framework.preconditions[1].judgement" in str(error.value)
    assert Exploration.history.count() == before
