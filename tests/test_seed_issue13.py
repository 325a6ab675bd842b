"""Issue 13 in the loaded seed: the municipalities the text names, the date of the source, the other
seed documents as sources (the seed loaded once for this module, read-only)."""

import pytest

from cases.models import Case, Municipality
from cases.pdf.rendering import case_pdf
from tests.test_pdf_support import pdf_text, squash

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_cases")]

NAMED = [
    "Muiden", "Bussum", "Amsterdam", "Meierijstad", "Buren", "Neder-Betuwe", "'s-Hertogenbosch",
    "Landerd", "Kerkrade", "Meerssen", "Gemert-Bakel", "Helmond", "Laarbeek", "Hengelo", "Almelo", "Borne",
]  # fmt: skip
MERGED = {
    "Wieringen": ("Hollands Kroon", "2012-01-01"),
    "Wieringermeer": ("Hollands Kroon", "2012-01-01"),
    "Niedorp": ("Hollands Kroon", "2012-01-01"),
    "Harenkarspel": ("Schagen", "2013-01-01"),
    "Avereest": ("Hardenberg", "2001"),
    "Gramsbergen": ("Hardenberg", "2001"),
    "Weerselo": ("Dinkelland", ""),
    "Ootmarsum": ("Dinkelland", ""),
    "Denekamp": ("Dinkelland", ""),
    "Geffen": ("Maasdonk", "1993"),
    "Nuland": ("Maasdonk", "1993"),
    "Broekhuizen": ("Horst aan de Maas", ""),
    "Grubbenvorst": ("Horst aan de Maas", ""),
    "Sevenum": ("Horst aan de Maas", ""),
}


def test_every_municipality_issue_13_names_is_there_with_its_province():
    found = dict(Municipality.objects.filter(name__in=NAMED).values_list("name", "province"))
    assert sorted(found) == sorted(NAMED)
    assert all(found.values())
    assert found["Kerkrade"] == "limburg" and found["'s-Hertogenbosch"] == "noord-brabant"


def test_former_municipalities_name_their_successor_and_quote_the_text():
    rows = Municipality.objects.filter(name__in=MERGED).select_related("merged_into")
    assert {m.name: (m.merged_into.name, m.merged_on) for m in rows} == MERGED
    for municipality in rows:
        assert municipality.facts_source.startswith("Korsten (2017), regels ")
        assert municipality.name in municipality.facts_source


def test_the_line_cited_for_a_merger_carries_it(settings):
    path = settings.BASE_DIR.parent / "shared" / "seeds" / "000_65f30098ae6125f4.txt"
    if not path.exists():
        pytest.skip("the seed text is not next to this checkout")
    text = path.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert "Avereest en Gramsbergen" in lines[990 - 1]
    assert "Weerselo, Ootmarsum en Denekamp tot gemeente Dinkelland" in lines[1155 - 1]
    assert "gemeenten Geffen en Nuland" in lines[2615 - 1]
    assert "De gemeenten Broekhuizen," in lines[2757 - 1]


def test_every_seeded_dossier_carries_the_date_of_its_source(client, raadslid):
    assert set(Case.objects.values_list("as_of", flat=True)) == {"2017"}
    client.force_login(raadslid)
    for case in Case.objects.filter(number__in=[20, 45]):
        assert "Stand van de bron: 2017." in client.get(case.get_absolute_url()).content.decode()


def test_the_pdf_of_a_seeded_dossier_carries_the_date_of_its_source():
    text = squash(pdf_text(case_pdf(Case.objects.get(number=20))))
    assert squash("Stand van de bron: 2017.") in text
