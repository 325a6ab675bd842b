"""The XLSX export types its cells as Excel users expect: dates, numbers and a clickable dossier link."""

import datetime
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import AssessmentFactory, CaseFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def reader(client, raadslid):
    client.force_login(raadslid)
    return client


def sheet_of(response):
    return load_workbook(io.BytesIO(response.content)).active


def column(sheet, header):
    headers = [cell.value for cell in sheet[1]]
    return headers.index(header)


def test_dates_are_typed_dates_shown_no_more_precisely_than_known(reader):
    AssessmentFactory(
        case=CaseFactory(number=1, start_date="2012", end_date="2014-07"), assessed_on="2017-03-05"
    )
    AssessmentFactory(case=CaseFactory(number=2, start_date="2013-02-01", end_date=""), assessed_on="2016")

    sheet = sheet_of(reader.get(reverse("case-export-xlsx")))
    first, second = list(sheet.iter_rows(min_row=2))
    begin, end, checked = (
        column(sheet, "Begin"),
        column(sheet, "Einde"),
        column(sheet, "Datum vijfpuntscheck"),
    )

    assert first[begin].is_date and first[begin].value == datetime.datetime(2012, 1, 1)
    assert first[begin].number_format == "yyyy"
    assert first[end].value == datetime.datetime(2014, 7, 1) and first[end].number_format == "mm-yyyy"
    assert (
        first[checked].value == datetime.datetime(2017, 3, 5) and first[checked].number_format == "dd-mm-yyyy"
    )
    assert (
        second[begin].value == datetime.datetime(2013, 2, 1) and second[begin].number_format == "dd-mm-yyyy"
    )
    assert second[end].value is None
    assert second[checked].value == datetime.datetime(2016, 1, 1) and second[checked].number_format == "yyyy"


def test_numbers_are_numbers_and_a_missing_year_is_an_empty_cell(reader):
    CaseFactory(number=7, year=2013)
    CaseFactory(number=8, year=None)

    sheet = sheet_of(reader.get(reverse("case-export-xlsx")))
    rows = list(sheet.iter_rows(min_row=2))
    year = column(sheet, "Jaar")

    assert [row[0].value for row in rows] == [7, 8]
    assert {row[0].data_type for row in rows} == {"n"}
    assert rows[0][year].value == 2013 and rows[0][year].data_type == "n"
    assert rows[1][year].value is None


def test_the_dossier_is_a_hyperlink_to_its_page(reader):
    case = CaseFactory(number=3, slug="bel-gemeenten")

    sheet = sheet_of(reader.get(reverse("case-export-xlsx")))
    link = sheet.cell(row=2, column=column(sheet, "Dossier") + 1)

    url = f"http://testserver{case.get_absolute_url()}"
    assert link.value == url and link.data_type == "s"
    assert link.hyperlink.target == url
    assert link.style == "Hyperlink"


def test_headers_are_dutch_and_english_through_i18n(client, raadslid):
    client.force_login(raadslid)
    CaseFactory(number=1)

    dutch = [cell.value for cell in sheet_of(client.get(reverse("case-export-xlsx")))[1]]
    client.post(reverse("set_language"), {"language": "en", "next": reverse("case-list")})
    english = [cell.value for cell in sheet_of(client.get(reverse("case-export-xlsx")))[1]]

    assert dutch[:3] == ["Nummer", "Titel", "Organisatie"] and "Datum vijfpuntscheck" in dutch
    assert english[:3] == ["Number", "Title", "Organisation"] and "Date of the five-point check" in english
