"""The current five-point check in the dossier PDF and the report's overview, registered with
cases.hooks (DOSSIER_PDF_PARTS, REPORT_OVERVIEW_COLUMNS) by AssessmentsConfig.ready()."""

from dataclasses import dataclass

from assessments.choices import Criterion, Rating
from assessments.current import current_check
from assessments.models import Assessment
from cases.pdf.documents import RatingCell, source_text
from core.dates import format_partial_date
from core.pdf.text import normalize_text


@dataclass(frozen=True)
class CriterionRow:
    """One line of the five-point check table."""

    label: str
    question: str
    rating: RatingCell
    answer: str


@dataclass(frozen=True)
class CheckView:
    """The current five-point check of a case."""

    assessed_on: str
    assessor: str
    source: str
    note: str
    rows: list[CriterionRow]


def rating_cell(value: str | None) -> RatingCell:
    """A rating value as a cell; "—" when the case has no check yet."""
    if not value:
        return RatingCell("", "—")
    return RatingCell(value, str(Rating(value).label))


def check_view(assessment: Assessment | None) -> CheckView | None:
    """The five-point check as table rows, answers verbatim."""
    if assessment is None:
        return None
    rows = [
        CriterionRow(
            label=str(item["criterion"].label),
            question=str(item["question"]),
            rating=rating_cell(item["rating"]),
            answer=normalize_text(item["answer"]),
        )
        for item in assessment.criteria()
    ]
    return CheckView(
        assessed_on=format_partial_date(assessment.assessed_on),
        assessor=assessment.assessor,
        source=source_text(assessment.source),
        note=normalize_text(assessment.note),
        rows=rows,
    )


def check_part(case) -> CheckView | None:
    return check_view(current_check(case))


def check_texts(case) -> list[str]:
    """The answers and the note of the current check, as the PDF typesets them."""
    assessment = current_check(case)
    if assessment is None:
        return []
    return [item["answer"] for item in assessment.criteria()] + [assessment.note]


def overview_headers() -> list[str]:
    return [str(criterion.label) for criterion in Criterion]


def overview_cells(case) -> list[RatingCell]:
    """The five current ratings of a case annotated by the case list (`current_<criterion>`)."""
    return [rating_cell(getattr(case, f"current_{criterion}", None)) for criterion in Criterion.values]
