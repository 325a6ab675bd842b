"""The current five-point check in the dossier PDF and the report's overview, registered with
cases.hooks (DOSSIER_PDF_PARTS, REPORT_OVERVIEW_COLUMNS) by AssessmentsConfig.ready()."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet

from assessments.choices import Criterion, Rating
from assessments.models import Assessment
from cases.pdf.documents import RatingCell, source_text
from core.dates import format_partial_date
from core.pdf.text import normalize_text

CURRENT_LIST = "current_assessment_list"


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


def with_current_check(queryset: QuerySet) -> QuerySet:
    """Prefetch each case's current check (with its source) for many dossiers at once."""
    current = Assessment.objects.current().select_related("source")
    return queryset.prefetch_related(Prefetch("assessments", queryset=current, to_attr=CURRENT_LIST))


def current_check(case) -> Assessment | None:
    """The case's current check: prefetched by `with_current_check`, else read on its own."""
    if hasattr(case, CURRENT_LIST):
        return next(iter(getattr(case, CURRENT_LIST)), None)
    return Assessment.objects.select_related("source").current_of(case)


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
