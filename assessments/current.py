"""The one reader of the current check of a case or an exploration: its latest check by date, then
by id.

The rule itself is AssessmentQuerySet's (`NEWEST_FIRST`: `current()` for many cases, `current_of()`
for one case or exploration; the case list reads the same rows mirrored in CurrentCheck). Pages that
show many cases prefetch with `with_current_check()`, pages that show all checks of a case or an
exploration with `with_checks()`; everything reads the current check with `current_check()` and
all checks with `checks_of()`.
"""

from django.db.models import Prefetch, QuerySet

from assessments.models import Assessment

CURRENT_ATTR = "current_check_list"
CHECKS_ATTR = "checks_newest_first"


def with_current_check(queryset: QuerySet) -> QuerySet:
    """Prefetch each case's current check with its source (one query for all the cases)."""
    current = Assessment.objects.current().select_related("source")
    return queryset.prefetch_related(Prefetch("assessments", queryset=current, to_attr=CURRENT_ATTR))


def with_checks(queryset: QuerySet) -> QuerySet:
    """Prefetch every check of each case or exploration with its source, the current one first."""
    checks = Assessment.objects.select_related("source").newest_first()
    return queryset.prefetch_related(Prefetch("assessments", queryset=checks, to_attr=CHECKS_ATTR))


def checks_of(owner) -> list[Assessment]:
    """All checks of a case or an exploration, the current one first: prefetched, else read."""
    if hasattr(owner, CHECKS_ATTR):
        return list(getattr(owner, CHECKS_ATTR))
    return list(Assessment.objects.select_related("source").of(owner).newest_first())


def current_check(owner) -> Assessment | None:
    """The current check of a case or an exploration: prefetched by `with_current_check()` or
    `with_checks()`, else read on its own."""
    for attr in (CURRENT_ATTR, CHECKS_ATTR):
        if hasattr(owner, attr):
            return next(iter(getattr(owner, attr)), None)
    return Assessment.objects.select_related("source").current_of(owner)
