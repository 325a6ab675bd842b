"""The PDFs of the 45 seed cases (read-only, the seed loaded once for this module)."""

from urllib.parse import urlencode

import pytest
from django.http import QueryDict
from django.urls import reverse

from assessments.choices import Criterion
from assessments.models import Assessment
from cases.filters import CaseFilterSet
from cases.models import Case
from cases.pdf.rendering import report_pdf
from core.pdf.models import PdfExport
from tests.pdf_support import outline_pages, page_texts, pdf_reader, squash

SEED_CASES = 45


@pytest.fixture(scope="module")
def full_report(seed_cases, django_db_blocker) -> bytes:
    """The report of all seed cases, rendered once (it takes several seconds)."""
    with django_db_blocker.unblock():
        queryset = Case.objects.with_list_annotations().with_participants()
        return report_pdf(CaseFilterSet(QueryDict(), queryset=queryset))


@pytest.fixture(scope="module")
def current_answers(seed_cases, django_db_blocker) -> dict[str, list[str]]:
    """Per case title, the five verbatim answers of its current check."""
    with django_db_blocker.unblock():
        current = Assessment.objects.current().select_related("case")
        return {
            item.case.title: [getattr(item, f"{criterion}_answer") for criterion in Criterion.values]
            for item in current
        }


@pytest.mark.django_db
def test_the_report_of_all_45_cases_has_one_section_per_case(full_report, current_answers):
    pages = page_texts(full_report)
    headings = [(title, page) for title, level, page in outline_pages(full_report) if level == 2][1:]

    assert squash(f"Aantal casussen {SEED_CASES}") in squash(pages[0])
    assert "Geen filters: alle casussen." in pages[0]
    assert len(headings) == SEED_CASES
    assert sorted(title for title, _page in headings) == sorted(current_answers)
    section_pages = [page for _title, page in headings]
    assert section_pages == sorted(set(section_pages))
    boundaries = [*section_pages, len(pages)]
    for (title, _page), start, end in zip(headings, boundaries, boundaries[1:], strict=False):
        section = squash(" ".join(pages[start:end]))
        for answer in current_answers[title]:
            assert squash(answer) in section, (title, answer)


@pytest.mark.django_db
def test_the_report_is_tagged_and_every_page_counts_along(full_report):
    reader = pdf_reader(full_report)
    pages = page_texts(full_report)

    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.metadata.title == "Selectie van casussen"
    assert reader.trailer["/Root"]["/StructTreeRoot"]["/K"][0]["/S"] == "/Document"
    for number, page in enumerate(pages, start=1):
        # Rendered in parts and joined, the report numbers its pages on without "van M".
        assert page.rstrip().endswith(f"pagina {number}")


@pytest.mark.django_db
def test_a_raadslid_downloads_the_realised_gastheer_cases(client, raadslid, seed_cases):
    """The issue's 'done when': the list filtered to realised gastheer cases, as a PDF."""
    client.force_login(raadslid)
    query = {"arrangement_type": "gastheer", "outcome": "realised"}
    expected = list(Case.objects.filter(**query).values_list("title", flat=True))

    response = client.post(f"{reverse('case-report-pdf')}?{urlencode(query, doseq=True)}")

    assert response.status_code == 303  # to the progress page; the worker renders exactly this query:
    export = PdfExport.objects.get()
    assert export.query == "arrangement_type=gastheer&outcome=realised"
    queryset = Case.objects.with_list_annotations().with_participants()
    content = report_pdf(CaseFilterSet(QueryDict(export.query), queryset=queryset))
    assert expected, "the seed has realised gastheer cases"
    first = squash(page_texts(content)[0])
    assert squash("Vorm van samenwerking: Gastheer- of centrumconstructie; Uitkomst: Gerealiseerd") in first
    assert squash(f"Aantal casussen {len(expected)}") in first
    headings = [title for title, level, _page in outline_pages(content) if level == 2][1:]
    assert sorted(headings) == sorted(expected)


@pytest.mark.django_db
def test_the_bel_dossier_quotes_its_check_verbatim(client, raadslid, current_answers):
    client.force_login(raadslid)
    case = Case.objects.get(slug="bel-gemeenten")

    response = client.get(reverse("case-pdf", kwargs={"slug": case.slug}))

    text = squash(" ".join(page_texts(response.content)))
    assert squash(case.title) in text
    for answer in current_answers[case.title]:
        assert squash(answer) in text
    assert squash("Blaricum, Eemnes, Laren") in text
