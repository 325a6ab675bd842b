"""Hostile and huge text: normalised before rendering, limited on save, stopped by the render budget."""

import pytest
from django.http import QueryDict
from django.urls import reverse

from cases.filters import CaseFilterSet
from cases.models import Case
from cases.pdf.documents import with_pdf_relations
from cases.pdf.limits import renders_in_request
from cases.pdf.rendering import case_pdf, report_pdf
from core.pdf.limits import RenderBudgetExceeded
from core.pdf.text import normalize_text
from tests.factories import AssessmentFactory, CaseFactory, MunicipalityFactory, ParticipationFactory
from tests.helpers import submitted
from tests.pdf_support import outline_pages, page_texts, pdf_reader, squash

pytestmark = pytest.mark.django_db

COMBINING_ACUTE = "\u0301"
HOSTILE = "Zalgo " + COMBINING_ACUTE * 200_000 + " einde."


def loaded(case: Case) -> Case:
    return with_pdf_relations(Case.objects.with_participants()).get(pk=case.pk)


def test_text_is_nfc_with_combining_runs_and_blank_lines_collapsed():
    assert normalize_text("e" + COMBINING_ACUTE) == "é"
    assert normalize_text("a" + COMBINING_ACUTE * 50 + "b") == "á" + COMBINING_ACUTE * 3 + "b"
    assert normalize_text("één\r\n\r\n \n\n\ntwee\n\ndrie\nvier") == "één\n\ntwee\n\ndrie\nvier"
    assert normalize_text("nul\x00byte") == "nulbyte"
    assert len(normalize_text(HOSTILE)) < 20


def test_the_editor_refuses_200_kb_of_combining_marks_with_a_dutch_message(client, adviseur):
    case = CaseFactory(slug="bar")
    for name in ("Barendrecht", "Albrandswaard"):
        ParticipationFactory(case=case, municipality=MunicipalityFactory(name=name))
    client.force_login(adviseur)
    url = reverse("case-edit", args=[case.slug])
    data = submitted(client.get(url))
    data["summary"] = HOSTILE

    response = client.post(url, data)

    assert response.status_code == 200
    assert "Deze tekst is te lang: hoogstens 5000 tekens, het zijn er nu 200013." in response.content.decode()
    case.refresh_from_db()
    assert case.summary == "Twee gemeenten voegen hun ambtelijke organisaties samen."


def test_a_stored_hostile_text_renders_collapsed_and_goes_through_the_worker():
    case = CaseFactory(title="Vijandige tekst")
    Case.objects.filter(pk=case.pk).update(summary=HOSTILE)  # as if stored before the limits existed

    assert not renders_in_request(loaded(case))
    text = "\n".join(page_texts(case_pdf(loaded(case))))
    assert "einde." in text and len(page_texts(case_pdf(loaded(case)))) <= 2


def test_the_time_budget_stops_a_render_with_a_clear_message(settings):
    settings.SETA_PDF_PART_SECONDS = 0.001
    case = CaseFactory(title="Traag dossier")

    with pytest.raises(RenderBudgetExceeded) as stopped:
        case_pdf(loaded(case))

    assert "Het opmaken van het dossier ‘Traag dossier’ duurde langer dan 0.001 seconden" in str(
        stopped.value
    )


def test_the_report_parts_number_their_pages_on_and_nest_their_bookmarks():
    cases = [CaseFactory(title=f"Casus {n}", number=n) for n in range(1, 4)]
    for case in cases:
        AssessmentFactory(case=case)
    filterset = CaseFilterSet(QueryDict("sort=number"), queryset=Case.objects.with_list_annotations())
    assert filterset.is_valid()

    content = report_pdf(filterset)

    pages = page_texts(content)
    for number, text in enumerate(pages, start=1):
        assert f"pagina {number}" in text and "van" not in text.split(f"pagina {number}")[-1]
    outline = outline_pages(content)
    assert outline[0][:2] == ("Selectie van casussen", 1)
    assert [(title, level) for title, level, _page in outline if level == 2] == [
        ("Overzicht", 2),
        *((case.title, 2) for case in cases),
    ]
    section_pages = [page for title, level, page in outline if level == 2][1:]
    assert section_pages == sorted(set(section_pages))
    assert all("Casus" in pages[page] for page in section_pages)


def test_the_joined_report_stays_tagged_with_one_structure_tree():
    for number in range(1, 4):
        CaseFactory(title=f"Casus {number}", number=number)
    filterset = CaseFilterSet(QueryDict(""), queryset=Case.objects.with_list_annotations())
    assert filterset.is_valid()

    reader = pdf_reader(report_pdf(filterset))

    catalog = reader.trailer["/Root"]
    assert catalog["/MarkInfo"]["/Marked"] == True and catalog["/Lang"] == "nl"  # noqa: E712 (a PDF boolean)
    assert reader.metadata.title == "Selectie van casussen"
    structure = catalog["/StructTreeRoot"]
    document = structure["/K"][0].get_object()
    assert document["/S"] == "/Document"
    assert [element.get_object()["/S"] for element in document["/K"]] == ["/Sect"] * 4  # overview + 3 cases
    keys = [page["/StructParents"] for page in reader.pages]
    assert keys == list(range(len(reader.pages)))
    assert structure["/ParentTreeNextKey"] >= len(keys)
    nums = structure["/ParentTree"]["/Nums"]
    assert nums[::2] == sorted(set(nums[::2]))


def test_a_long_overview_goes_on_in_further_parts_with_every_row_once(monkeypatch):
    monkeypatch.setattr("cases.pdf.rendering.OVERVIEW_ROWS_PER_PART", 2)
    for number in range(1, 6):
        CaseFactory(title=f"Overzichtsrij {number}", number=number)
    filterset = CaseFilterSet(QueryDict("sort=number"), queryset=Case.objects.with_list_annotations())
    assert filterset.is_valid()

    content = report_pdf(filterset)

    pages = page_texts(content)
    text = "\f".join(pages)
    for number in range(1, 6):
        assert text.count(f"Overzichtsrij {number}") >= 2  # a row in the overview, and its section
    assert text.count("De oordelen komen uit de actuele vijfpuntscheck") == 1
    assert squash("Aantal casussen 5") in squash(pages[0])
    assert [f"pagina {n}" in page for n, page in enumerate(pages, start=1)] == [True] * len(pages)
