"""The one entry point through which the `cases` app uses the five-point check.

`assessments` depends on `cases`; `cases` imports nothing from `assessments` but this module.
It offers what a dossier needs of its checks, and nothing more:

- the vocabulary: `Criterion`, `Rating`, `QUESTIONS` and the `Assessment` model (for the seed
  loader, the history and the PDFs, which read checks but never write them outside services);
- `annotate_current_ratings(queryset)`: `current_<criterion>` on every case of a list, read with
  one join from the CurrentCheck table (kept by the assessments services);
- `current_checks_refresh(case_ids)`: bring that table up to date after checks were written
  outside the services (the seed loader, the synthetic data builder);
- `CurrentCheckFilterSet`: the five criterion filters the case list inherits;
- `check_answers_subquery()`: the answers of a case's checks, for its full-text vector;
- `checks_prefetch()`: a dossier's checks, newest first, for its page;
- `check_history(case_id)`: the history records of a case's checks.
"""

from collections.abc import Iterable

import django_filters
from django.contrib.postgres.aggregates import StringAgg
from django.db.models import F, OuterRef, Prefetch, QuerySet, Subquery, TextField, Value
from django.db.models.functions import Concat
from django.utils.translation import gettext_lazy as _

from assessments.choices import QUESTIONS, Criterion, Rating
from assessments.models import Assessment

__all__ = [
    "QUESTIONS",
    "Assessment",
    "Criterion",
    "CurrentCheckFilterSet",
    "Rating",
    "annotate_current_ratings",
    "check_answers_subquery",
    "check_history",
    "checks_prefetch",
    "current_checks_refresh",
]


def annotate_current_ratings(queryset: QuerySet) -> QuerySet:
    """Annotate `current_<criterion>` with the ratings of each case's current check (one LEFT JOIN)."""
    return queryset.annotate(
        **{f"current_{criterion}": F(f"current_check__{criterion}_rating") for criterion in Criterion.values}
    )


def current_checks_refresh(*, case_ids: Iterable[int] | None = None) -> None:
    """Mirror the latest check of the given cases (all when None) into the CurrentCheck table."""
    from assessments.services import current_check_refresh  # services import cases.services

    current_check_refresh(case_ids=case_ids)


def _current_rating_filter(criterion: Criterion) -> django_filters.ChoiceFilter:
    """Filter on a criterion's rating in each case's current check (see annotate_current_ratings)."""
    return django_filters.ChoiceFilter(
        label=criterion.label,
        choices=Rating.choices,
        field_name=f"current_{criterion.value}",
        empty_label=_("Alle"),
    )


class CurrentCheckFilterSet(django_filters.FilterSet):
    """The five criterion filters on the current check; the queryset must be annotated first."""

    urgency = _current_rating_filter(Criterion.URGENCY)
    benefits = _current_rating_filter(Criterion.BENEFITS)
    trust = _current_rating_filter(Criterion.TRUST)
    images = _current_rating_filter(Criterion.IMAGES)
    partners = _current_rating_filter(Criterion.PARTNERS)


def _spaced(expressions):
    for expression in expressions:
        yield expression
        yield Value(" ")


def check_answers_subquery() -> Subquery:
    """All check answers of the outer case as one text, for its search vector."""
    return Subquery(
        Assessment.objects.filter(case=OuterRef("pk"))
        .values("case")
        .annotate(
            text=StringAgg(
                Concat(*_spaced(F(f"{c}_answer") for c in Criterion.values), output_field=TextField()),
                delimiter=" ",
            )
        )
        .values("text")
    )


def checks_prefetch() -> Prefetch:
    """Prefetch a dossier's checks, newest first, with their sources (`case.assessments.all()`)."""
    return Prefetch("assessments", queryset=Assessment.objects.select_related("source").newest_first())


def check_history(case_id: int) -> QuerySet:
    """The history records of every check of a case, oldest first, with their users."""
    return (
        Assessment.history.filter(case_id=case_id)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )
