"""Export of a selection: CSV (UTF-8 with BOM, formula-safe) and XLSX, read back as a user would."""

import csv
import datetime
import io
import tomllib

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("seed_cases")]

FIXTURES = settings.BASE_DIR / "fixtures" / "cases"
HEADERS = [
    "Nummer", "Titel", "Organisatie", "Gemeenten (rol)", "Vorm van samenwerking", "Uitkomst", "Jaar",
    "Begin", "Einde", "Urgentie: oordeel", "Urgentie: antwoord", "Voordelen: oordeel",
    "Voordelen: antwoord", "Vertrouwen: oordeel", "Vertrouwen: antwoord", "Beelden: oordeel",
    "Beelden: antwoord", "Partners: oordeel", "Partners: antwoord", "Datum vijfpuntscheck", "Dossier",
]  # fmt: skip


def fixtures_where(**wanted) -> list[dict]:
    found = []
    for path in sorted(FIXTURES.glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if all(data[key] == value for key, value in wanted.items()):
            found.append(data)
    return sorted(found, key=lambda data: data["number"])


@pytest.fixture
def reader(client, raadslid):
    client.force_login(raadslid)
    return client


def read_csv(response) -> list[list[str]]:
    body = b"".join(response.streaming_content)
    assert body.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM, so that Excel reads the accents right"
    return list(csv.reader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_csv_of_the_gastheer_cases(reader):
    expected = fixtures_where(arrangement_type="gastheer")

    response = reader.get(reverse("case-export-csv"), {"arrangement_type": "gastheer"})

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    header, *rows = read_csv(response)
    assert header == HEADERS
    assert [int(row[0]) for row in rows] == [data["number"] for data in expected]
    for row, data in zip(rows, expected, strict=True):
        assert row[1] == data["title"]
        assert row[10] == data["assessment"]["urgency"]["answer"]
        assert row[-1] == f"http://testserver/cases/{data['slug']}/"
        for participant in data["participants"]:
            assert participant["municipality"] in row[3]


def test_xlsx_of_the_realised_cases_has_header_frozen_panes_and_widths(reader):
    expected = fixtures_where(outcome="realised")

    response = reader.get(reverse("case-export-xlsx"), {"outcome": "realised"})

    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "C2"
    assert sheet.column_dimensions["B"].width >= 30
    assert [row[0] for row in rows[1:]] == [data["number"] for data in expected]
    assert {row[5] for row in rows[1:]} == {"Gerealiseerd"}
    bel = next(row for row in rows[1:] if row[0] == 1)
    assert bel[9] == "Ja" and bel[10] == "Ja." and bel[19] == datetime.datetime(2017, 1, 1)


def test_an_invalid_filter_is_a_clear_message(reader):
    response = reader.get(reverse("case-export-xlsx"), {"year_from": "abc"})
    assert response.status_code == 400
    assert "ongeldig filter" in response.content.decode()


def test_the_exports_run_a_fixed_number_of_queries(reader, django_assert_num_queries):
    with django_assert_num_queries(6):  # session, user, permissions, cases, participants, checks
        read_csv(reader.get(reverse("case-export-csv")))
    with django_assert_num_queries(6):
        read_csv(reader.get(reverse("case-export-csv"), {"outcome": "merged"}))
    with django_assert_num_queries(6):
        reader.get(reverse("case-export-xlsx"))
