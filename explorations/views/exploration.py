"""Exploration pages that read: the list, one exploration, its council PDF; and starting a new one.

Thin views: every view checks its permission (LoginRequired + PermissionRequired in dispatch)
before it looks anything up; writes go to the services.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import DetailView
from django_filters.views import FilterView

from cases.permissions import ReaderRequiredMixin
from core.pdf.views import PdfPlan, PdfStartView
from explorations.filters import ExplorationFilterSet
from explorations.forms import ExplorationCreateForm
from explorations.history import exploration_history
from explorations.models import Exploration
from explorations.pdf import EXPLORATION, exploration_pdf_filename
from explorations.reads import exploration_context, exploration_for_page
from explorations.services.exploration import exploration_create


class ExplorationReaderMixin(ReaderRequiredMixin):
    """Anonymous visitors go to the login page; users without the permission get 403."""

    permission_required = "explorations.view_exploration"


class ExplorationListView(ExplorationReaderMixin, FilterView):
    filterset_class = ExplorationFilterSet
    queryset = Exploration.objects.with_municipalities().order_by("-start_date", "title")
    template_name = "explorations/list.html"
    paginate_by = 20


class ExplorationDetailView(ExplorationReaderMixin, DetailView):
    template_name = "explorations/detail.html"
    queryset = exploration_for_page()

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            **exploration_context(self.object), history=exploration_history(self.object)[:30], **kwargs
        )


class ExplorationPdfView(PdfStartView):
    """GET /explorations/<slug>/pdf/: what the council report holds and a button; POST queues it."""

    permission_required = "explorations.export_exploration_pdf"

    def plan(self, request, slug):
        exploration = get_object_or_404(Exploration.objects.only("pk", "slug", "title"), slug=slug)
        return PdfPlan(
            kind=EXPLORATION,
            heading=_("Raads-PDF van %(title)s") % {"title": exploration.title},
            filename=exploration_pdf_filename(exploration),
            back_url=exploration.get_absolute_url(),
            lines=[
                _(
                    "De raadsrapportage van de verkenning %(title)s: opdracht, onderbouwing, "
                    "toetsingskader, varianten en vijfpuntscheck."
                )
                % {"title": exploration.title}
            ],
            subject_id=exploration.pk,
        )


class ExplorationCreateView(ExplorationReaderMixin, View):
    permission_required = "explorations.add_exploration"
    template_name = "explorations/create.html"

    def get(self, request):
        return TemplateResponse(request, self.template_name, {"form": ExplorationCreateForm()})

    def post(self, request):
        form = ExplorationCreateForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            try:
                exploration = exploration_create(
                    user=request.user,
                    data={"title": data["title"], "start_date": data["start_date"], "status": "preparing"},
                    partners=list(data["partners"]),
                    considered=list(data["considered"]),
                    template=data["template"],
                    with_variants=data["with_variants"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("De verkenning is aangemaakt."))
                return HttpResponseRedirect(exploration.get_absolute_url())
        return TemplateResponse(request, self.template_name, {"form": form})
