"""Pages of the advisor workspace. Thin: permissions, forms and templates; writes go to services."""

import datetime
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch
from django.http import QueryDict
from django.urls import reverse
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _
from django.views.generic import DetailView
from django_filters.views import FilterView

from assessments.interface import annotate_case_explorations, case_explorations, checks_prefetch
from cases.filters import CaseFilterSet, MunicipalityFilterSet
from cases.history import dossier_history
from cases.models import RECENT_SAVES, Case, Event, Municipality, Participation, SourceMention
from cases.search import (
    case_snippets,
    gin_index_preferred,
    matches_in_list_order,
    rank_within_page,
    search_suggestion,
)
from cases.seed.loader import CHANGE_REASON as LOADER_REASON


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


class ReaderRequiredMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Anonymous visitors go to the login page; a logged-in user without the permission gets 403."""

    permission_required = "cases.view_case"


class CountedPaginator(Paginator):
    """A paginator told its count, when the view had to count already."""

    def __init__(self, object_list, per_page, *, count: int | None = None, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        if count is not None:
            self.__dict__["count"] = count  # fills the cached_property


class CaseListView(ReaderRequiredMixin, FilterView):
    filterset_class = CaseFilterSet
    paginator_class = CountedPaginator
    ranked_within_page = False
    match_count: int | None = None
    queryset = Case.objects.for_list().with_current_ratings().with_participant_names()
    template_name = "cases/case_list.html"
    paginate_by = 20

    def get(self, request, *args, **kwargs):
        if not request.GET.get("q", "").strip():
            return super().get(request, *args, **kwargs)
        with gin_index_preferred():
            return super().get(request, *args, **kwargs).render()

    def paginate_queryset(self, queryset, page_size):
        if self.filterset.search_text and not self.request.GET.get("sort"):
            queryset, self.match_count, self.ranked_within_page = matches_in_list_order(queryset)
        return super().paginate_queryset(queryset, page_size)

    def get_paginator(self, queryset, per_page, orphans=0, allow_empty_first_page=True, **kwargs):
        return super().get_paginator(
            queryset, per_page, orphans, allow_empty_first_page, count=self.match_count
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        text = self.filterset.search_text
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        cases = list(context["object_list"])
        context["ranked_within_page"] = self.ranked_within_page
        if self.ranked_within_page:
            cases = rank_within_page(cases)
        snippets = case_snippets([case.pk for case in cases], text)
        for case in cases:
            case.snippet = snippets.get(case.pk)
        context["object_list"] = cases
        context["suggestion"] = search_suggestion(text) if text and not page.paginator.count else None
        # Each dossier link carries these exact results, so the dossier can lead back to them.
        context["back_query"] = urlencode({"back": self.request.get_full_path()})
        return context


def case_list_return_url(value: str) -> str:
    """The case list URL (with its filters, sort and page) a dossier was opened from, or "".

    Only a relative URL of the case list itself passes: no scheme, host, backslash or other path,
    so the link cannot lead anywhere else (the query string is re-encoded)."""
    if not value or len(value) > 2000 or "\\" in value:
        return ""
    parts = urlsplit(value)
    if parts.scheme or parts.netloc or parts.path != reverse("case-list"):
        return ""
    query = QueryDict(parts.query).urlencode()
    return parts.path + (f"?{query}" if query else "")


class CaseDetailView(ReaderRequiredMixin, DetailView):
    """A dossier; its latest saves come with the case row, the full history has its own page."""

    template_name = "cases/case_detail.html"
    queryset = annotate_case_explorations(
        Case.objects.with_participants()
        .with_recent_saves(RECENT_SAVES)
        .with_mention_list()
        .select_related("provenance_source")
        .prefetch_related(
            "sources",
            Prefetch("events", queryset=Event.objects.select_related("source").order_by("date", "id")),
            checks_prefetch(),
        )
    )

    def get_context_data(self, **kwargs):
        assessments = list(self.object.assessments.all())
        return super().get_context_data(
            current=assessments[0] if assessments else None,
            earlier=assessments[1:],
            explorations=case_explorations(self.object),
            recent_saves=[RecentSave.from_json(item) for item in self.object.recent_saves],
            back_url=case_list_return_url(self.request.GET.get("back", "")),
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
            page_obj=page,
            page_range=paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            **kwargs,
        )


class MunicipalityListView(ReaderRequiredMixin, FilterView):
    """All municipalities by name, with their number of cases; searchable and filterable."""

    template_name = "cases/municipality_list.html"
    permission_required = "cases.view_municipality"
    filterset_class = MunicipalityFilterSet
    queryset = (
        Municipality.objects.select_related("merged_into")
        .annotate(case_count=Count("participations"))
        .order_by("name")
    )
    paginate_by = 50

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        page = context["page_obj"]
        context["page_range"] = page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1)
        return context


class MunicipalityDetailView(ReaderRequiredMixin, DetailView):
    template_name = "cases/municipality_detail.html"
    permission_required = "cases.view_municipality"
    queryset = Municipality.objects.select_related("merged_into").prefetch_related(
        "merged_from",
        Prefetch(
            "participations",
            queryset=Participation.objects.select_related("case").order_by("case__number", "case__title"),
        ),
        Prefetch("mentions", queryset=SourceMention.objects.in_order()),
    )
