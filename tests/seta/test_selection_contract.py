"""One contract for a selection (issue 20): every filter the case list declares, each value, bad
values and a combination, gives the same selection or the same refusal in the list, the analysis,
the compare chooser, CSV, XLSX and the report PDF. The filters are read from the filterset itself,
so a filter added later is covered without touching this test."""

import io

import django_filters
import pytest
from django.urls import reverse
from openpyxl import load_workbook

from cases.filters import CaseFilterSet
from core.pdf.models import PdfExport
from tests.factories import AssessmentFactory, CaseFactory, MunicipalityFactory, ParticipationFactory

BAD = "ongeldig-Ω"


def values_of(name: str, declared) -> tuple[list[str], list[str]]:
    """Valid and invalid values of one declared filter."""
    if isinstance(declared, django_filters.OrderingFilter):
        options = [value for value, _ in declared.extra["choices"]]
        return options, [BAD]
    if isinstance(declared, django_filters.ChoiceFilter):
        choices = declared.extra["choices"]
        choices = choices() if callable(choices) else choices
        return [str(value) for value, _ in choices if value != ""], [BAD]
    if isinstance(declared, django_filters.NumberFilter):
        return ["2010", "-3"], ["abc", "1e999"]
    if isinstance(declared, django_filters.CharFilter):
        return ["Oost", "samenwerking", "<b>"], []
    raise AssertionError(f"no values for filter {name} ({type(declared).__name__}): add them here")


FILTERS = list(CaseFilterSet().filters)  # the app's registered filters included
COMBINATIONS = "combinations"


def queries(group: str) -> list[tuple[dict, bool]]:
    """(query, valid) pairs of one filter (each value, bad values), or of the combinations: all
    filters at once, a reversed year range, an unknown parameter with a page number."""
    declared = CaseFilterSet().filters
    if group != COMBINATIONS:
        valid, invalid = values_of(group, declared[group])
        return [({group: value}, True) for value in valid] + [({group: value}, False) for value in invalid]
    combined = {name: values_of(name, filter_)[0][0] for name, filter_ in declared.items()}
    return [
        (combined, True),
        ({"year_from": "2015", "year_to": "2010"}, False),
        ({"outcome": "realised", "onbekend": "1", "page": "1"}, True),
    ]


@pytest.fixture
def selection_data(db):
    for number, (outcome, rating) in enumerate(
        [("realised", "yes"), ("not_realised", "no"), ("realised", "")]
    ):
        case = CaseFactory(
            title=f"Samenwerking {number}", outcome=outcome, number=number + 1, year=2008 + 4 * number
        )
        ParticipationFactory(case=case, municipality=MunicipalityFactory(name=f"Oost {number}"))
        if rating:
            AssessmentFactory(case=case, urgency_rating=rating, trust_rating=rating)


def xlsx_rows(response) -> int:
    sheet = load_workbook(io.BytesIO(response.content), read_only=True).active
    return sum(1 for _ in sheet.iter_rows()) - 1


@pytest.mark.django_db
@pytest.mark.parametrize("group", [*FILTERS, COMBINATIONS])
def test_every_filter_gives_the_same_selection_or_refusal_everywhere(client, raadslid, selection_data, group):
    client.force_login(raadslid)
    for query, valid in queries(group):
        listing = client.get(reverse("case-list"), query)
        assert listing.status_code == 200, query
        assert listing.context["filter"].is_valid() is valid, query
        answers = {
            name: client.get(reverse(name), query)
            for name in ("analysis", "case-compare", "case-export-csv", "case-export-xlsx", "case-report-pdf")
        }
        for name, response in answers.items():
            # The report refuses an empty selection too (checked below).
            assert response.status_code == (200 if valid else 400) or (name == "case-report-pdf" and valid), (
                name,
                query,
                response.status_code,
            )
        if not valid:
            # The same form error, in the same words, on the page.
            errors = answers["analysis"].context["filter"].errors
            assert errors and answers["case-compare"].context["selection"].errors == errors, query
            for name in ("analysis", "case-compare"):
                page = answers[name].content.decode()
                assert "Deze selectie bevat een ongeldig filter" in page, (name, query)
            continue
        count = listing.context["page_obj"].paginator.count
        assert answers["analysis"].context["n"] == count, query
        candidates = answers["case-compare"].context["candidates"]
        assert candidates.total == len(candidates.shown) == count, query
        csv_lines = b"".join(answers["case-export-csv"].streaming_content).decode("utf-8-sig").splitlines()
        assert len(csv_lines) - 1 == count, query
        assert xlsx_rows(answers["case-export-xlsx"]) == count, query
        report = answers["case-report-pdf"]
        if count:
            assert report.status_code == 200, query
            assert report.context["plan"].lines[0].startswith(f"{count} casus"), query
        else:  # an empty selection offers no PDF and queues nothing
            assert report.status_code == 400 and "geen casussen" in report.content.decode(), query
            assert "Download selectie als PDF" not in listing.content.decode()
            assert (
                client.post(f"{reverse('case-report-pdf')}?{report.request['QUERY_STRING']}").status_code
                == 400
            )
    assert not PdfExport.objects.exists()


@pytest.mark.django_db
def test_a_report_on_a_check_criterion_is_queued_not_a_500(client, raadslid, selection_data):
    """The issue's example: /cases/report.pdf?urgency=yes answered 500 (FieldError current_urgency)."""
    client.force_login(raadslid)

    response = client.post(reverse("case-report-pdf") + "?urgency=yes&sort=-year")

    assert response.status_code == 303
    assert PdfExport.objects.get().query == "sort=-year&urgency=yes"
