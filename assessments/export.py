"""Export of a case list selection as CSV (Excel-friendly UTF-8 with BOM) and XLSX (openpyxl).

One row per case: the dossier's facts, the five current ratings and answers, the date of the
current check and the dossier's absolute URL. Text that a spreadsheet would read as a formula
(starting with = + - @, or a tab or carriage return) is neutralised: in the CSV by a leading
apostrophe (OWASP's advice), in the XLSX by storing every text cell as a string, never a formula.

In the XLSX, numbers are numbers, the dossier's URL is a hyperlink and the dates are typed dates,
so Excel sorts and filters them as dates. A partial date becomes the first day it can mean, shown
no more precisely than it is known: "2012" is the date 1-1-2012 with the number format "jjjj"
(it reads 2012 and sorts and filters with the full dates under the year 2012), "2012-07" is
1-7-2012 shown as "07-2012", "2012-07-01" is shown as "01-07-2012".
"""

import csv
import io
from collections.abc import Callable, Iterable, Iterator

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from assessments.choices import Criterion, Rating
from assessments.current import current_check, with_current_check
from core.dates import parse_partial_date

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
CHUNK_SIZE = 500
CSV_BOM = "\ufeff"


def export_queryset(queryset: QuerySet) -> QuerySet:
    """The selection with what a row needs: participants and the current check (three queries)."""
    return with_current_check(queryset.with_participants())


def headers() -> list[str]:
    """The Dutch column headers, in row order."""
    check = []
    for criterion in Criterion:
        check += [f"{criterion.label}: {_('oordeel')}", f"{criterion.label}: {_('antwoord')}"]
    return [
        _("Nummer"),
        _("Titel"),
        _("Organisatie"),
        _("Gemeenten (rol)"),
        _("Vorm van samenwerking"),
        _("Uitkomst"),
        _("Jaar"),
        _("Begin"),
        _("Einde"),
        *check,
        _("Datum vijfpuntscheck"),
        _("Dossier"),
    ]


# Column widths in characters, in the order of headers().
WIDTHS = [8, 40, 30, 45, 30, 24, 7, 11, 11, *[18, 50] * len(Criterion), 14, 50]
# Which columns hold partial dates and which one the dossier's URL, in the order of headers().
DATE_COLUMNS = frozenset({7, 8, 9 + 2 * len(Criterion)})
URL_COLUMN = 10 + 2 * len(Criterion)
# Excel number formats per precision of a partial date (len of its ISO text).
DATE_FORMATS = {4: "yyyy", 7: "mm-yyyy", 10: "dd-mm-yyyy"}


def municipalities_with_roles(case) -> str:
    """ "Blaricum (Partner); Eemnes (Gastheer)"."""
    return "; ".join(f"{p.municipality.name} ({p.get_role_display()})" for p in case.participations.all())


def case_row(case, absolute_url: Callable[[str], str]) -> list:
    """One row of the export; `absolute_url` turns the dossier's path into a full URL."""
    check = current_check(case)
    ratings = []
    for criterion in Criterion.values:
        rating = getattr(check, f"{criterion}_rating", "") if check else ""
        ratings += [str(Rating(rating).label) if rating else "", getattr(check, f"{criterion}_answer", "")]
    return [
        case.number,
        case.title,
        case.organisation_name,
        municipalities_with_roles(case),
        case.get_arrangement_type_display(),
        case.get_outcome_display(),
        case.year,
        case.start_date,
        case.end_date,
        *ratings,
        check.assessed_on if check else "",
        absolute_url(case.get_absolute_url()),
    ]


def rows(queryset: QuerySet, absolute_url: Callable[[str], str]) -> Iterator[list]:
    """The rows of the selection, read in chunks so that memory stays bounded."""
    for case in export_queryset(queryset).iterator(chunk_size=CHUNK_SIZE):
        yield case_row(case, absolute_url)


def csv_safe(value) -> str:
    """A value as CSV text; text a spreadsheet would run as a formula gets a leading apostrophe."""
    text = "" if value is None else str(value)
    return f"'{text}" if text.startswith(FORMULA_PREFIXES) else text


class _Line:
    """A write-only buffer for csv.writer that hands back each line it was given."""

    def write(self, value: str) -> str:
        return value


def csv_lines(data: Iterable[list]) -> Iterator[str]:
    """The CSV file line by line: BOM, headers, rows; separator ";" as Dutch Excel expects."""
    writer = csv.writer(_Line(), delimiter=";")
    yield CSV_BOM + writer.writerow(headers())
    for row in data:
        yield writer.writerow([csv_safe(value) for value in row])


def xlsx_cell(sheet, value, *, bold: bool = False) -> WriteOnlyCell:
    """A write-only cell; text is always stored as text, never as a formula."""
    cell = WriteOnlyCell(sheet, value=value)
    if isinstance(value, str):
        cell.data_type = "s"
    if bold:
        cell.font = Font(bold=True)
    return cell


def xlsx_date_cell(sheet, value: str) -> WriteOnlyCell:
    """A partial date as a typed date, formatted to the precision it is known to (module docstring)."""
    if not value:
        return WriteOnlyCell(sheet, value=None)
    cell = WriteOnlyCell(sheet, value=parse_partial_date(value))
    cell.number_format = DATE_FORMATS[len(value)]
    return cell


def xlsx_link_cell(sheet, url: str) -> WriteOnlyCell:
    """The dossier's URL as a clickable hyperlink; the shown text stays a string."""
    cell = xlsx_cell(sheet, url)
    cell.hyperlink = url
    cell.style = "Hyperlink"
    return cell


def xlsx_row(sheet, row: list) -> list[WriteOnlyCell]:
    """A row of the export as typed cells: dates as dates, the URL as a link, the rest as given."""
    cells = []
    for index, value in enumerate(row):
        if index in DATE_COLUMNS:
            cells.append(xlsx_date_cell(sheet, value))
        elif index == URL_COLUMN:
            cells.append(xlsx_link_cell(sheet, value))
        else:
            cells.append(xlsx_cell(sheet, value))
    return cells


def xlsx_bytes(data: Iterable[list]) -> bytes:
    """The XLSX file: a bold, frozen header row, column widths, one row per case (write-only mode)."""
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(_("Casussen"))
    for index, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    sheet.freeze_panes = "C2"
    sheet.append([xlsx_cell(sheet, header, bold=True) for header in headers()])
    for row in data:
        sheet.append(xlsx_row(sheet, row))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
