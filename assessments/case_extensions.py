"""What the five-point check adds to the dossiers, registered with cases.hooks by AssessmentsConfig.ready().

`cases` never imports this app; through its hooks the case list annotates and filters on the
current check (one LEFT JOIN on the CurrentCheck table, kept by the assessments services) and
shows its traffic light, the search vector includes the check answers, the dossier page shows
the checks and its history their changes.
"""

import django_filters
from django.contrib.postgres.aggregates import StringAgg
from django.db.models import (
    Case,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Concat
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from assessments.analysis import analyse
from assessments.case_pdf import check_part, check_texts, overview_cells, overview_headers
from assessments.charts import with_charts
from assessments.choices import Criterion, Rating
from assessments.current import checks_of, current_check, with_checks, with_current_check
from assessments.models import Assessment
from assessments.templatetags.checks import traffic_light
from cases.hooks import (
    CASE_DETAIL_QUERYSET,
    CASE_DETAIL_SECTIONS,
    CASE_FILTER_GROUPS,
    CASE_HISTORY_SOURCES,
    CASE_LIST_ANNOTATIONS,
    CASE_LIST_COLUMNS,
    CASE_SEARCH_TEXTS,
    DOSSIER_PDF_PARTS,
    REPORT_OVERVIEW_COLUMNS,
    REPORT_SECTIONS,
    DossierPdfPart,
    FilterGroup,
    HistorySource,
    ListColumn,
    OverviewColumns,
)
from core.dates import format_partial_date
from core.registry import PageSection

YES_COUNT_FEWER = "lt5"
YES_COUNT_NONE = "none"


def annotate_current_ratings(queryset: QuerySet) -> QuerySet:
    """Annotate `current_<criterion>` with the ratings of each case's current check (one LEFT JOIN)."""
    return queryset.annotate(
        **{f"current_{criterion}": F(f"current_check__{criterion}_rating") for criterion in Criterion.values}
    )


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


def _yes_count_filter(queryset, name, value):
    """Cases whose current check rates `value` criteria "ja"; "lt5": fewer than five; "none"."""
    if value == YES_COUNT_NONE:
        condition = Q(yes_count__isnull=True)
    elif value == YES_COUNT_FEWER:
        condition = Q(yes_count__lt=5)
    else:
        condition = Q(yes_count=int(value))
    return queryset.annotate(yes_count=yes_count_expression()).filter(condition)


def current_check_filters() -> dict[str, django_filters.Filter]:
    """The criterion filters and `yes_count` on the current check (the list annotates the ratings)."""
    return {
        **{criterion.value: _current_rating_filter(criterion) for criterion in Criterion},
        "yes_count": django_filters.ChoiceFilter(
            label=_("Aantal keer ja"),
            choices=YES_COUNT_CHOICES,
            method=_yes_count_filter,
            empty_label=_("Alle"),
        ),
    }


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


def checks_context(case) -> dict:
    """`current` and `earlier` checks of a dossier read with_checks(), for its page (no query)."""
    assessments = checks_of(case)
    return {"current": current_check(case), "earlier": assessments[1:]}


def check_subject(record) -> str:
    return gettext("Vijfpuntscheck van %(date)s") % {"date": format_partial_date(record.assessed_on)}


def check_history(case_id: int) -> QuerySet:
    """The history records of every check of a case, oldest first, with their users."""
    return (
        Assessment.history.filter(case_id=case_id)
        .select_related("history_user")
        .order_by("history_date", "history_id")
    )


def selection_analysis(cases) -> dict:
    """The analysis of the five-point check over `cases` (annotated with current ratings), for a PDF.

    Returns the template context of templates/assessments/pdf/analysis.html; links are left out.
    """
    return with_charts(analyse(cases), prefix="pdf-grafiek")


def analysis_context(cases) -> dict:
    return {"analysis": selection_analysis(cases)}


def traffic_light_cell(case) -> str:
    return traffic_light(case, "")


def case_extensions_register() -> None:
    """Register the check with the dossiers' hooks (called once, from AssessmentsConfig.ready)."""
    CASE_LIST_ANNOTATIONS.register(annotate_current_ratings)
    CASE_FILTER_GROUPS.register(
        FilterGroup(legend=_("Vijfpuntscheck (huidig)"), filters=current_check_filters)
    )
    CASE_LIST_COLUMNS.register(
        ListColumn(label=_("Vijfpuntscheck"), css_class="cases__check", render=traffic_light_cell)
    )
    CASE_SEARCH_TEXTS.register(check_answers_subquery)
    CASE_DETAIL_QUERYSET.register(with_checks)
    CASE_DETAIL_SECTIONS.register(PageSection("assessments/includes/case_checks.html", checks_context))
    CASE_HISTORY_SOURCES.register(
        HistorySource(model=Assessment, records=check_history, subject=check_subject)
    )
    REPORT_SECTIONS.register(PageSection("assessments/pdf/analysis.html", analysis_context))
    DOSSIER_PDF_PARTS.register(
        DossierPdfPart(
            template="assessments/pdf/dossier_check.html",
            context=check_part,
            prefetch=with_current_check,
            texts=check_texts,
        )
    )
    REPORT_OVERVIEW_COLUMNS.register(OverviewColumns(headers=overview_headers, cells=overview_cells))
