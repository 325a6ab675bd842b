"""Pages of the advisor workspace. Thin: permissions, forms and templates; writes go to services."""

from django.contrib.auth.mixins import LoginRequiredMixin, PermissionRequiredMixin
from django.db.models import Count, Prefetch
from django.views.generic import DetailView, ListView
from django_filters.views import FilterView

from assessments.interface import case_explorations, checks_prefetch
from cases.filters import CaseFilterSet
from cases.history import dossier_history
from cases.models import Case, Event, Municipality, Participation, SourceMention


class ReaderRequiredMixin(LoginRequiredMixin, PermissionRequiredMixin):
    """Anonymous visitors go to the login page; a logged-in user without the permission gets 403."""

    permission_required = "cases.view_case"


class CaseListView(ReaderRequiredMixin, FilterView):
    filterset_class = CaseFilterSet
    queryset = Case.objects.with_current_ratings().with_participants()
    template_name = "cases/case_list.html"
    paginate_by = 20


class CaseDetailView(ReaderRequiredMixin, DetailView):
    template_name = "cases/case_detail.html"
    queryset = (
        Case.objects.with_participants()
        .select_related("provenance_source")
        .prefetch_related(
            "sources",
            Prefetch("events", queryset=Event.objects.select_related("source").order_by("date", "id")),
            checks_prefetch(),
            Prefetch("mentions", queryset=SourceMention.objects.in_order()),
        )
    )

    def get_context_data(self, **kwargs):
        assessments = list(self.object.assessments.all())
        return super().get_context_data(
            current=assessments[0] if assessments else None,
            earlier=assessments[1:],
            explorations=case_explorations(self.object.pk),
            history=dossier_history(self.object),
            **kwargs,
        )


class MunicipalityListView(ReaderRequiredMixin, ListView):
    template_name = "cases/municipality_list.html"
    permission_required = "cases.view_municipality"
    queryset = Municipality.objects.select_related("merged_into").annotate(case_count=Count("participations"))


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
