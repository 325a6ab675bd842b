"""The export neutralises text a spreadsheet would run as a formula."""

import csv
import io

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tests.factories import AssessmentFactory, CaseFactory

pytestmark = pytest.mark.django_db

DANGEROUS = ['=HYPERLINK("http://evil.invalid","klik")', "+1+1", "-2+3", "@SUM(A1)"]


@pytest.fixture
def reader(client, raadslid):
    client.force_login(raadslid)
    return client


def test_formulas_become_plain_text_in_csv_and_xlsx(reader):
    for n, text in enumerate(DANGEROUS):
        AssessmentFactory(case=CaseFactory(number=n + 1, title=text), trust_answer=text)

    body = b"".join(reader.get(reverse("case-export-csv")).streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(body), delimiter=";"))[1:]
    assert [row[1] for row in rows] == [f"'{text}" for text in DANGEROUS]
    assert [row[14] for row in rows] == [f"'{text}" for text in DANGEROUS]

    sheet = load_workbook(io.BytesIO(reader.get(reverse("case-export-xlsx")).content)).active
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert [cell.value for cell in cells] == DANGEROUS
    assert {cell.data_type for cell in cells} == {"s"}
