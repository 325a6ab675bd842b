"""The selection report PDF carries the analysis of its selection: tables and charts."""

import pytest
from django.http import QueryDict

from assessments.choices import Rating
from cases.filters import CaseFilterSet
from cases.models import Case
from cases.pdf.rendering import report_pdf
from tests.factories import AssessmentFactory, CaseFactory
from tests.pdf_support import outline_pages, page_texts, squash

pytestmark = pytest.mark.django_db


def test_the_report_has_the_analysis_after_the_overview():
    for n, outcome in enumerate(["realised", "realised", "not_realised"]):
        AssessmentFactory(case=CaseFactory(title=f"Casus {n}", number=n + 1, outcome=outcome))
    AssessmentFactory(case=CaseFactory(title="Wantrouwen", number=9, outcome="ended"), trust_rating=Rating.NO)
    # The worker renders the report (tests/core/test_pdf_exports.py); here the same function in-process.
    filterset = CaseFilterSet(QueryDict(), queryset=Case.objects.with_list_annotations().with_participants())
    content = report_pdf(filterset)

    pages = page_texts(content)
    outline = [(title, level) for title, level, _page in outline_pages(content)]
    titles = [title for title, _level in outline]
    assert titles.index("Overzicht") < titles.index("Analyse van de vijfpuntscheck") < titles.index("Casus 0")
    assert ("Analyse van de vijfpuntscheck", 3) in outline
    analysis_page = next(i for i, text in enumerate(pages) if "Deze selectie telt 4 casussen." in text)
    analysis = squash(" ".join(pages[analysis_page : analysis_page + 4]))
    assert squash("3 casussen met alle vijf voorwaarden ‘ja’; daarvan gerealiseerd: 2 (67%).") in analysis
    assert squash("1 casus met minder dan vijf keer ‘ja’; daarvan gerealiseerd: 0 (0%).") in analysis
    assert squash("Minder dan 5 casussen: een aanwijzing, geen bewijs.") in analysis
    assert squash("Vertrouwen: oordeel en uitkomst (n = 4)") in analysis
    # the charts: their legends and per-bar totals are drawn as text in the PDF
    assert squash("Beëindigd of ontvlochten") in analysis and "n=3*" in analysis
    assert "casussen bekijken" not in analysis  # no links in print
