"""The one entry point through which the `cases` app uses the five-point check.

`assessments` depends on `cases`; `cases` imports nothing from `assessments` but this module.
It offers what a dossier needs of its checks, and nothing more:

- the vocabulary: `Criterion`, `Rating`, `QUESTIONS` and the `Assessment` model (for the seed
  loader, the history and the PDFs, which read checks but never write them outside services);
- `annotate_current_ratings(queryset)`: `current_<criterion>` on every case of a list, read with
  one join from the CurrentCheck table (kept by the assessments services);
- `current_checks_refresh(case_ids)`: bring that table up to date after checks were written
  outside the services (the seed loader, the synthetic data builder);
- `CurrentCheckFilterSet`: the five criterion filters and `yes_count` the case list inherits;
- `selection_analysis(cases)`: the analysis of a selection (tables and charts) for the PDF report;
- `check_answers_subquery()`: the answers of a case's checks, for its full-text vector;
- `checks_prefetch()`: a dossier's checks, newest first, for its page;
- `check_history(case_id)`: the history records of a case's checks.
- `annotate_case_explorations(queryset)` and `case_explorations(case)`: the explorations that
  became a case, for its page, read in the case's own query.
"""

from collections.abc import Iterable

import django_filters
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import (
    Case,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat, JSONObject
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from assessments.analysis import analyse
from assessments.charts import with_charts
from assessments.choices import QUESTIONS, Criterion, Rating
from assessments.models import Assessment

__all__ = [
    "QUESTIONS",
    "Assessment",
    "Criterion",
    "CurrentCheckFilterSet",
    "Rating",
    "annotate_case_explorations",
    "annotate_current_ratings",
    "case_explorations",
    "check_answers_subquery",
    "check_history",
    "checks_prefetch",
    "current_checks_refresh",
    "selection_analysis",
]

YES_COUNT_FEWER = "lt5"
YES_COUNT_NONE = "none"


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


def yes_count_expression() -> Case:
    """How many of the five current ratings are "ja" (0-5); NULL for a case without a check."""
    yes = [Case(When(**{f"current_{c}": Rating.YES}, then=1), default=0) for c in Criterion.values]
    return Case(
        When(**{f"current_{Criterion.URGENCY.value}__isnull": True}, then=Value(None)),
        default=sum(yes[1:], start=yes[0]),
        output_field=IntegerField(),
    )


YES_COUNT_CHOICES = [
    *[(str(count), str(count)) for count in range(6)],
    (YES_COUNT_FEWER, _("Minder dan vijf")),
    (YES_COUNT_NONE, _("Geen vijfpuntscheck")),
]


class CurrentCheckFilterSet(django_filters.FilterSet):
    """The criterion filters and `yes_count` on the current check; annotate the queryset first."""

    urgency = _current_rating_filter(Criterion.URGENCY)
    benefits = _current_rating_filter(Criterion.BENEFITS)
    trust = _current_rating_filter(Criterion.TRUST)
    images = _current_rating_filter(Criterion.IMAGES)
    partners = _current_rating_filter(Criterion.PARTNERS)
    yes_count = django_filters.ChoiceFilter(
        label=_("Aantal keer ja"),
        choices=YES_COUNT_CHOICES,
        method="filter_yes_count",
        empty_label=_("Alle"),
    )

    def filter_yes_count(self, queryset, name, value):
        """Cases whose current check rates `value` criteria "ja"; "lt5": fewer than five; "none"."""
        if value == YES_COUNT_NONE:
            condition = Q(yes_count__isnull=True)
        elif value == YES_COUNT_FEWER:
            condition = Q(yes_count__lt=5)
        else:
            condition = Q(yes_count=int(value))
        return queryset.annotate(yes_count=yes_count_expression()).filter(condition)


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


def annotate_case_explorations(queryset: QuerySet) -> QuerySet:
    """Annotate `exploration_list` on each case: its explorations, read in the same query as the case."""
    from explorations.models import Exploration

    rows = (
        Exploration.objects.filter(case=OuterRef("pk"))
        .order_by("-start_date", "title")
        .values(json=JSONObject(title="title", slug="slug", status="status", start="start_date"))
    )
    return queryset.annotate(exploration_list=ArraySubquery(rows))


def case_explorations(case) -> list[dict]:
    """The explorations that became `case` (read with annotate_case_explorations), newest first, as
    plain dicts (title, url, status, start), without a query."""
    from explorations.models import Exploration

    statuses = dict(Exploration._meta.get_field("status").flatchoices)
    return [
        {
            "title": row["title"],
            "url": reverse("exploration-detail", kwargs={"slug": row["slug"]}),
            "status": statuses.get(row["status"], row["status"]),
            "start": row["start"],
        }
        for row in case.exploration_list
    ]


def selection_analysis(cases) -> dict:
    """The analysis of the five-point check over `cases` (annotated with current ratings), for a PDF.

    Returns the template context of templates/assessments/pdf/analysis.html; links are left out.
    """
    return with_charts(analyse(cases), prefix="pdf-grafiek")
