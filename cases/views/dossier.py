"""Pages of the advisor workspace. Thin: permissions, forms and templates; writes go to services."""

import datetime
from dataclasses import dataclass

from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from cases.back import back_context, back_query
from cases.filters import CaseFilterSet
from cases.history import dossier_history
from cases.hooks import CASE_DETAIL_QUERYSET, CASE_DETAIL_SECTIONS, CASE_LIST_COLUMNS
from cases.models import RECENT_SAVES, Case, Event
from cases.permissions import ReaderRequiredMixin
from cases.search import gin_index_preferred, search_suggestion
from cases.selection import selection_fields, selection_query
from core.seed.actions import CHANGE_REASON as LOADER_REASON


@dataclass
class RecentSave:
    """One save of a dossier as the dossier page lists it."""

    when: datetime.datetime
    who: str
    version: int
    created: bool
    reason: str

    @classmethod
    def from_json(cls, item: dict) -> "RecentSave":
        name = f"{item['first_name'] or ''} {item['last_name'] or ''}".strip()
        return cls(
            when=parse_datetime(item["when"]),
            who=name or item["username"] or _("systeem"),
            version=item["version"],
            created=item["type"] == "+",
            # The loader's stored marker is for machines; people read where the dossier came from.
            reason=_("geladen uit de bronnen") if item["reason"] == LOADER_REASON else item["reason"] or "",
        )


class CountedPaginator(Paginator):
    """A paginator told its count, when the view had to count already."""

    def __init__(self, object_list, per_page, *, count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        if count is not None:
            self.__dict__["count"] = count  # fills the cached_property


class CaseListView(ReaderRequiredMixin, FilterView):
    """The case list: the filterset decides matching, ranking and order (its search plan)."""

    filterset_class = CaseFilterSet
    paginator_class = CountedPaginator
    queryset = Case.objects.for_list().with_participant_names()
    template_name = "cases/case_list.html"
    paginate_by = 20

    def get_queryset(self):
        return super().get_queryset().with_list_annotations()

    def get_filterset(self, filterset_class):
        if getattr(self, "filterset", None) is None:
            self.filterset = super().get_filterset(filterset_class)
        return self.filterset

    def get(self, request, *args, **kwargs):
        if not self.get_filterset(self.get_filterset_class()).search_text:
            return super().get(request, *args, **kwargs)
        with gin_index_preferred():
            return super().get(request, *args, **kwargs).render()

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        plan = getattr(self.filterset, "plan", None)
        return super().get_paginator(
            queryset, per_page, orphans, allow_empty_first_page, count=plan.count if plan else None
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        plan, text = getattr(self.filterset, "plan", None), self.filterset.search_text
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        cases = list(context["object_list"])
        context["object_list"] = plan.page(cases) if plan else cases
        context["ranked_within_page"] = bool(plan and plan.ranked_within_page)
        context["list_columns"] = list(CASE_LIST_COLUMNS)
        context["suggestion"] = search_suggestion(text) if text and not page.paginator.count else None
        # Each dossier link carries these exact results, so the dossier can lead back to them.
        context["back_query"] = back_query(self.request.get_full_path())
        # The selection (without page) travels to the compare chooser, which offers its cases.
        context["selection_query"] = selection_query(self.request.GET)
        context["selection_fields"] = selection_fields(context["selection_query"])
        return context


class CaseDetailView(ReaderRequiredMixin, DetailView):
    """A dossier; its latest saves come with the case row, the full history has its own page."""

    template_name = "cases/case_detail.html"
    queryset = (
        Case.objects.with_participants()
        .with_recent_saves(RECENT_SAVES)
        .with_mention_list()
        .select_related("provenance_source")
        .prefetch_related(
            "sources",
            Prefetch("events", queryset=Event.objects.select_related("source").order_by("date", "id")),
        )
    )

    def get_queryset(self):
        queryset = super().get_queryset()
        for extend in CASE_DETAIL_QUERYSET:
            queryset = extend(queryset)
        return queryset

    def get_context_data(self, **kwargs):
        sections = list(CASE_DETAIL_SECTIONS)
        for section in sections:
            kwargs |= section.context(self.object)
        return super().get_context_data(
            sections=[section.template for section in sections],
            recent_saves=[RecentSave.from_json(item) for item in self.object.recent_saves],
            **back_context(self.request),
            **kwargs,
        )


class CaseHistoryView(ReaderRequiredMixin, DetailView):
    """Every recorded change of a dossier with its details, newest first, a page at a time."""

    template_name = "cases/case_history.html"
    queryset = Case.objects.only("pk", "slug", "title", "version")
    paginate_by = 25

    def get_context_data(self, **kwargs):
        paginator = Paginator(dossier_history(self.object), self.paginate_by)
        page = paginator.get_page(self.request.GET.get("page"))
        return super().get_context_data(
            **back_context(self.request),
            page_obj=page,
            page_range=paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            **kwargs,
        )
