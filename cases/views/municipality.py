"""The municipality pages: every municipality with its number of cases, and one with its cases."""

from django.db.models import Count, Prefetch
from django.views.generic import DetailView
from django_filters.views import FilterView

from cases.filters import MunicipalityFilterSet
from cases.models import Municipality, Participation, SourceMention
from cases.permissions import ReaderRequiredMixin


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
