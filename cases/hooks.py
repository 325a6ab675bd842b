"""The extension points of the dossiers: what higher apps (the check, explorations) add to them.

Higher apps register in their AppConfig.ready(); cases reads these hooks and never imports them.
"""

from collections.abc import Callable
from dataclasses import dataclass

from core.registry import Hook


@dataclass(frozen=True)
class FilterGroup:
    """Filters of the case list a higher app adds, shown together under `legend`.

    `filters()` returns {name: django_filters.Filter}; they may read annotations that the
    app registered with CASE_LIST_ANNOTATIONS.
    """

    legend: str
    filters: Callable[[], dict]


@dataclass(frozen=True)
class ListColumn:
    """A column of the case list: its header and `render(case)`, the cell's HTML built in Python."""

    label: str
    css_class: str
    render: Callable


@dataclass(frozen=True)
class HistorySource:
    """History records of a dossier's parts kept by a higher app, for the dossier's history.

    `records(case_id)` returns simple-history records, oldest first, with `history_user`;
    `subject(record)` names the part in words.
    """

    model: type
    records: Callable
    subject: Callable


# Callables (CaseQuerySet) -> CaseQuerySet that annotate what registered filters and columns read.
CASE_LIST_ANNOTATIONS = Hook("case_list_annotations")
# FilterGroup: filters of the case list (and so of the analysis, export and report selection).
CASE_FILTER_GROUPS = Hook("case_filter_groups")
# ListColumn: columns of the case list after the dossier's own.
CASE_LIST_COLUMNS = Hook("case_list_columns")
# Callables () -> a text expression of the outer case (OuterRef("pk")), indexed and searched with
# the summary (weight B) and shown in the search snippets.
CASE_SEARCH_TEXTS = Hook("case_search_texts")
# Callables (CaseQuerySet) -> CaseQuerySet that read what registered dossier sections show.
CASE_DETAIL_QUERYSET = Hook("case_detail_queryset")
# core.registry.PageSection: sections of the dossier page after the summary.
CASE_DETAIL_SECTIONS = Hook("case_detail_sections")
# HistorySource: parts of a dossier with their own history.
CASE_HISTORY_SOURCES = Hook("case_history_sources")
# core.registry.PageSection: parts of the selection report after its overview; `context(cases)`.
REPORT_SECTIONS = Hook("report_sections")
