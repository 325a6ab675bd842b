"""The one reader of a case's current check: its latest check by date, then by id.

The rule itself is AssessmentQuerySet's (`current()` for many cases, `current_of()` for one; the
case list reads the same rows mirrored in CurrentCheck). Pages that show many cases prefetch with
`with_current_check()`; everything reads a case's check with `current_check()`.
"""

from django.db.models import Prefetch, QuerySet

from assessments.models import Assessment

CURRENT_ATTR = "current_check_list"


def with_current_check(queryset: QuerySet) -> QuerySet:
    """Prefetch each case's current check with its source (one query for all the cases)."""
    current = Assessment.objects.current().select_related("source")
    return queryset.prefetch_related(Prefetch("assessments", queryset=current, to_attr=CURRENT_ATTR))


def current_check(case) -> Assessment | None:
    """The case's current check: prefetched by `with_current_check()`, else read on its own."""
    if hasattr(case, CURRENT_ATTR):
        return next(iter(getattr(case, CURRENT_ATTR)), None)
    return Assessment.objects.select_related("source").current_of(case)
