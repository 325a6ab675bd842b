"""What a council member reads in the PDFs, and the PDFs' accessibility and typography."""

import datetime
import logging

import pytest
from django.http import QueryDict
from django.utils import timezone, translation

from assessments.choices import Rating
from cases.choices import ArrangementType, EventKind, Outcome, ParticipationRole
from cases.filters import CaseFilterSet
from cases.models import Case
from cases.pdf.documents import with_pdf_relations
from cases.pdf.rendering import case_pdf, case_pdf_filename, report_pdf, report_pdf_filename
from tests.factories import (
    AssessmentFactory,
    CaseFactory,
    EventFactory,
    MunicipalityFactory,
    ParticipationFactory,
    SourceFactory,
)
from tests.pdf_support import outline_pages, page_texts, pdf_reader, pdf_text, squash

pytestmark = pytest.mark.django_db

NOW = timezone.make_aware(datetime.datetime(2026, 11, 22, 14, 30))
ANSWERS = {
    "urgency": "Ja, de raad van Ëemnes wil door.",
    "benefits": "Ja, maar de voordelen worden pas na 2016 zichtbaar.",
    "trust": "Twijfelachtig: één wethouder is naïef over de kosten.",
    "images": "Weet niet.",
    "partners": "Niet van toepassing.",
}


def render_case(case: Case, **kwargs) -> bytes:
    """The dossier PDF of `case`, loaded as the view loads it."""
    loaded = with_pdf_relations(Case.objects.with_participants()).get(pk=case.pk)
    return case_pdf(loaded, now=NOW, **kwargs)


def render_report(query: str = "") -> bytes:
    """The selection report for a /cases/ query string."""
    queryset = Case.objects.with_list_annotations().with_participants()
    filterset = CaseFilterSet(QueryDict(query), queryset=queryset)
    assert filterset.is_valid(), filterset.errors
    return report_pdf(filterset, now=NOW)


@pytest.fixture
def dossier_case():
    """A complete case: participants with roles, events, sources, two checks, lessons."""
    case = CaseFactory(
        title="Gemeenten Ëemnes en Laren",
        slug="eemnes-laren",
        arrangement_type=ArrangementType.GASTHEER,
        outcome=Outcome.REALISED,
        start_date="2008-03",
        year=2008,
        summary="Eemnes en Laren voegen hun ambtelijke organisaties samen in één gebouw.",
        lessons="Begin klein en bouw vertrouwen op.",
    )
    for name, role in [
        ("Eemnes", ParticipationRole.HOST),
        ("Laren", ParticipationRole.PARTNER),
        ("Blaricum", ParticipationRole.DROPPED_OUT),
    ]:
        ParticipationFactory(case=case, municipality=MunicipalityFactory(name=name), role=role)
    source = SourceFactory(author="Korsten", date="2017", title="Overzicht van ambtelijke fusies")
    case.sources.add(source)
    EventFactory(
        case=case, date="2015-07-07", kind=EventKind.EVALUATION, description="Evaluatie door de raden."
    )
    EventFactory(case=case, date="2008-03", kind=EventKind.START, description="Start van de werkorganisatie.")
    AssessmentFactory(case=case, assessed_on="2012", urgency_answer="Verouderd antwoord uit 2012.")
    AssessmentFactory(
        case=case,
        assessed_on="2017",
        assessor="Korsten",
        source=source,
        urgency_rating=Rating.YES,
        benefits_rating=Rating.YES_WITH_RESERVATIONS,
        trust_rating=Rating.LIMITED,
        images_rating=Rating.UNKNOWN,
        partners_rating=Rating.NOT_APPLICABLE,
        **{f"{criterion}_answer": answer for criterion, answer in ANSWERS.items()},
    )
    return case


def test_dossier_shows_heading_check_and_every_part(dossier_case):
    text = pdf_text(render_case(dossier_case))
    flat = squash(text)

    assert "Gemeenten Ëemnes en Laren" in text
    assert squash("Blaricum (afgehaakt), Eemnes (gastheer), Laren") in flat
    assert "Gastheer- of centrumconstructie" in text
    assert "Gerealiseerd" in text
    assert squash("vanaf maart 2008") in flat
    assert "Vijfpuntscheck" in text
    for answer in ANSWERS.values():
        assert squash(answer) in flat
    for label in ("Ja", "Ja, met kanttekeningen", "Beperkt", "Onbekend", "Niet van toepassing"):
        assert squash(label) in flat
    assert "Verouderd antwoord" not in text
    assert squash("Eemnes en Laren voegen hun ambtelijke organisaties samen in één gebouw.") in flat
    assert squash("7 juli 2015") in flat and "Evaluatie door de raden." in text
    assert text.index("Start van de werkorganisatie.") < text.index("Evaluatie door de raden.")
    assert "Afgehaakt" in text
    assert squash("Korsten (2017). Overzicht van ambtelijke fusies.") in flat
    assert "Begin klein en bouw vertrouwen op." in text


def test_dossier_footer_has_generation_date_and_page_x_of_y(dossier_case):
    EventFactory.create_batch(40, case=dossier_case, description="Een overleg van de stuurgroep.")

    pages = page_texts(render_case(dossier_case))

    assert len(pages) > 1
    for number, page in enumerate(pages, start=1):
        assert "Gegenereerd op 22 november 2026" in page
        assert f"pagina {number} van {len(pages)}" in page


def test_the_current_check_is_the_latest_by_date_then_by_id():
    case = CaseFactory()
    AssessmentFactory(case=case, assessed_on="2017-05", urgency_answer="Het nieuwste antwoord.")
    AssessmentFactory(case=case, assessed_on="2016", urgency_answer="Een ouder antwoord.")
    AssessmentFactory(case=case, assessed_on="2017-05", urgency_answer="Even oud, later vastgelegd.")

    dossier = pdf_text(render_case(case))
    report = pdf_text(render_report())

    for text in (dossier, report):
        assert "Even oud, later vastgelegd." in text
        assert "Het nieuwste antwoord." not in text
        assert "Een ouder antwoord." not in text


def test_a_case_without_check_says_so():
    case = CaseFactory(summary="", lessons="")

    text = pdf_text(render_case(case))

    assert "nog geen vijfpuntscheck vastgelegd" in text
    assert "Geen samenvatting." in text


def test_pdf_is_tagged_with_title_language_and_author(dossier_case):
    reader = pdf_reader(render_case(dossier_case))
    catalog = reader.trailer["/Root"]

    assert catalog["/Lang"] == "nl"
    assert bool(catalog["/MarkInfo"]["/Marked"])
    assert "/StructTreeRoot" in catalog
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert reader.metadata.title == "Dossier Gemeenten Ëemnes en Laren"
    assert reader.metadata.author == "SETA dossiers"
    assert b"pdfuaid" in catalog["/Metadata"].get_object().get_data()


def test_pdf_is_a4_with_the_shipped_fonts_embedded(dossier_case):
    reader = pdf_reader(render_case(dossier_case))

    fonts = {}
    for page in reader.pages:
        assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (595, 842)
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            fonts[str(font["/BaseFont"])] = "/FontFile2" in descriptor
    assert fonts and all(fonts.values())
    assert all(name.split("+")[1].startswith("SETA-Sans") for name in fonts)
    assert "Ëemnes" in pdf_text(render_case(dossier_case))


def test_pdf_is_dutch_whatever_language_the_request_has(dossier_case):
    with translation.override("en"):
        text = pdf_text(render_case(dossier_case))

    assert "Gerealiseerd" in text
    assert "Ja, met" in text
    assert squash("vanaf maart 2008") in squash(text)
    assert "Gegenereerd op 22 november 2026" in text


def test_rendering_is_clean_every_resource_found_every_style_understood(dossier_case, caplog):
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        render_case(dossier_case)
        render_report()

    assert [record.getMessage() for record in caplog.records if record.name.startswith("weasyprint")] == []


def test_table_headers_repeat_and_rows_stay_on_one_page():
    case = CaseFactory()
    for number in range(60):
        EventFactory(
            case=case, date=f"{1960 + number}", description=f"Gebeurtenis nummer {number} van de reeks."
        )

    pages = page_texts(render_case(case))

    timeline_pages = [page for page in pages if "Gebeurtenis nummer" in page]
    assert len(timeline_pages) > 1
    for page in timeline_pages:
        assert squash("Datum Soort Gebeurtenis") in squash(page)
    for number in range(60):
        row = squash(f"Gebeurtenis nummer {number} van de reeks.")
        assert sum(row in squash(page) for page in pages) == 1


def test_report_states_filters_date_and_the_selected_cases_only():
    wanted = [
        CaseFactory(title=f"Gastheer gerealiseerd {n}", arrangement_type="gastheer", outcome="realised")
        for n in range(2)
    ]
    CaseFactory(title="Gastheer niet gerealiseerd", arrangement_type="gastheer", outcome="not_realised")
    CaseFactory(title="Werkorganisatie gerealiseerd", arrangement_type="werkorganisatie", outcome="realised")

    content = render_report("arrangement_type=gastheer&outcome=realised")
    pages = page_texts(content)
    first = squash(pages[0])

    assert squash("Vorm van samenwerking: Gastheer- of centrumconstructie") in first
    assert squash("Uitkomst: Gerealiseerd") in first
    assert squash("Datum 22 november 2026") in first
    assert squash("Aantal casussen 2") in first
    text = pdf_text(content)
    assert "niet gerealiseerd" not in text and "Werkorganisatie gerealiseerd" not in text
    sections = [(title, page) for title, level, page in outline_pages(content) if level == 2]
    assert [title for title, _page in sections] == ["Overzicht", *(case.title for case in wanted)]


def test_report_has_one_section_per_case_each_on_a_new_page():
    cases = [CaseFactory(title=f"Casus {n:02d}", number=n + 1) for n in range(4)]
    for case in cases:
        AssessmentFactory(case=case, urgency_answer=f"Urgentie van {case.title}.")

    content = render_report("sort=number")
    pages = page_texts(content)

    headings = [(title, page) for title, level, page in outline_pages(content) if level == 2][1:]
    assert [title for title, _page in headings] == [case.title for case in cases]
    section_pages = [page for _title, page in headings]
    assert section_pages == sorted(set(section_pages)) and section_pages[0] > 0
    for case, page in zip(cases, section_pages, strict=True):
        assert f"Urgentie van {case.title}." in pages[page]
        assert sum(f"Urgentie van {other.title}." in pages[page] for other in cases) == 1


def test_report_overview_lists_name_municipalities_year_and_ratings():
    case = CaseFactory(title="Overzichtscasus", year=2011, outcome="merged")
    ParticipationFactory(case=case, municipality=MunicipalityFactory(name="Ten Boer"))
    AssessmentFactory(case=case, trust_rating=Rating.NO)

    overview = squash(page_texts(render_report())[0])

    assert squash("Overzichtscasus Ten Boer 2011 Ambtelijke fusie in een werkorganisatie") in overview
    assert squash("Overgegaan in bestuurlijke fusie Ja Ja Nee Ja Ja") in overview
    assert squash("Geen filters: alle casussen.") in overview


def test_report_of_nothing_says_so():
    CaseFactory(outcome="realised")

    text = pdf_text(render_report("outcome=ended"))

    assert "Geen casussen voldoen aan deze filters." in text
    assert squash("Uitkomst: Beëindigd of ontvlochten") in squash(text)


def test_file_names_carry_the_slug_and_the_date():
    case = CaseFactory(slug="bel-gemeenten")

    assert case_pdf_filename(case, datetime.date(2026, 11, 22)) == "seta-bel-gemeenten-2026-11-22.pdf"
    assert report_pdf_filename(datetime.date(2026, 11, 22)) == "seta-selectie-2026-11-22.pdf"
