"""Issue 13 in the loaded seed: the municipalities the text names, the date of the source, the other
seed documents as sources (the seed loaded once for this module, read-only)."""

import re
import tomllib

import pytest
from django.urls import reverse

from cases.models import Case, Municipality, Source, SourceMention
from cases.pdf.rendering import case_pdf
from tests.pdf_support import pdf_text, squash

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


SEED_FILES = {
    "nieuwsbericht-ambtelijke-fusie": "001_99ac8b58f3efacb4.txt",
    "artikel-ambtelijke-wil-bestuurlijke-lef": "002_df335782eef6db43.txt",
    "verkenning-oldenzaal-noaberkracht-2022": "003_21fe8ac6f2fa6560.txt",
    "brief-minister-bzk-2016-02-25": "004_83d0c00add292206.txt",
}


def test_the_other_seed_documents_are_sources_with_what_their_texts_say():
    sources = {source.key: source for source in Source.objects.filter(key__in=SEED_FILES)}
    assert sorted(sources) == sorted(SEED_FILES)
    letter = sources["brief-minister-bzk-2016-02-25"]
    assert (letter.kind, letter.date) == ("letter", "2016-02-25")
    assert letter.author.startswith("R.H.A. Plasterk")
    assert sources["artikel-ambtelijke-wil-bestuurlijke-lef"].title == (
        "Gemeentelijke samenwerking: ambtelijke wil, bestuurlijke lef"
    )
    assert sources["verkenning-oldenzaal-noaberkracht-2022"].date == "2022"
    assert sources["nieuwsbericht-ambtelijke-fusie"].date == ""  # the article gives none


def test_bel_gemeenten_lists_the_news_article_and_shows_its_passage(client, raadslid):
    case = Case.objects.get(slug="bel-gemeenten")
    assert "nieuwsbericht-ambtelijke-fusie" in set(case.sources.values_list("key", flat=True))
    client.force_login(raadslid)
    html = client.get(case.get_absolute_url()).content.decode()
    mentioned = html.partition("Ook genoemd in")[2]
    assert "Door uitbreiding van taken en geldtekort" in mentioned
    assert "Blaricum, Eemnes en Laren waren in 2008 de eerste gemeenten" in mentioned
    assert "regels 13–14" in mentioned


@pytest.mark.parametrize(
    ("number", "key"),
    [
        (1, "nieuwsbericht-ambtelijke-fusie"),
        (4, "nieuwsbericht-ambtelijke-fusie"),
        (6, "nieuwsbericht-ambtelijke-fusie"),
        (6, "verkenning-oldenzaal-noaberkracht-2022"),
        (8, "verkenning-oldenzaal-noaberkracht-2022"),
        (10, "nieuwsbericht-ambtelijke-fusie"),
        (21, "nieuwsbericht-ambtelijke-fusie"),
    ],
)
def test_the_cases_the_documents_speak_of_are_linked(number, key):
    assert SourceMention.objects.filter(cases__number=number, source__key=key).exists()
    assert Case.objects.get(number=number).sources.filter(key=key).exists()


def test_a_municipality_page_shows_where_else_it_is_mentioned(client, raadslid):
    client.force_login(raadslid)
    html = client.get(reverse("municipality-detail", args=["ameland"])).content.decode()
    mentioned = html.partition("Ook genoemd in")[2]
    assert "Gemeentelijke samenwerking: ambtelijke wil, bestuurlijke lef" in mentioned
    assert "De kans dat Ameland zal fuseren is klein." in mentioned
    tubbergen = client.get(reverse("municipality-detail", args=["tubbergen"])).content.decode()
    assert "Twentse gemeenten Dinkelland en Tubbergen per 2013" in tubbergen


def test_every_passage_stands_verbatim_in_the_lines_it_cites(settings):
    seeds = settings.BASE_DIR.parent / "shared" / "seeds"
    if not seeds.exists():
        pytest.skip("the seed texts are not next to this checkout")
    squash = lambda text: re.sub(r"\s+", "", text)  # noqa: E731  (line breaks and hyphen joins)
    fixtures = tomllib.loads((settings.BASE_DIR / "fixtures" / "mentions.toml").read_text(encoding="utf-8"))
    for mention in fixtures["mentions"]:
        lines = (seeds / SEED_FILES[mention["source"]]).read_text(encoding="utf-8").splitlines()
        first, last = mention["lines"]
        cited = squash("".join(lines[first - 1 : last]))
        passage = squash(mention["passage"])
        assert passage in cited, mention["passage"]
        assert cited.startswith(squash(lines[first - 1])) and passage[:10] in squash(lines[first - 1])
