"""Cases side by side, on the page and as PDF (made by the worker). Thin: permission, the form."""

from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from assessments.compare import CompareForm, cases_in_order
from assessments.compare_page import compare_page
from assessments.pdf import COMPARE, compare_query
from cases.permissions import ReaderRequiredMixin
from core.pdf.views import PdfPlan, PdfStartView


class CompareView(ReaderRequiredMixin, View):
    """GET /cases/compare/?case=<slug>&case=<slug>…[&<the case list's filters>]: 2 to 6 cases in
    aligned rows; the chooser offers the cases of the list's selection (cases.selection)."""

    template_name = "assessments/compare.html"

    def get(self, request):
        page = compare_page(request.GET)
        return TemplateResponse(request, self.template_name, page.context, status=page.status)


class ComparePdfView(PdfStartView):
    """GET /cases/compare/pdf/?case=…: what the comparison PDF holds and a button; POST queues it."""

    permission_required = "cases.export_pdf"

    def plan(self, request):
        form = CompareForm(request.GET)
        if not form.is_valid():
            return HttpResponseBadRequest(
                " ".join(form.errors["case"]), content_type="text/plain; charset=utf-8"
            )
        slugs = form.cleaned_data["case"]
        titles = [case.title for case in cases_in_order(slugs)]
        return PdfPlan(
            kind=COMPARE,
            heading=_("PDF van de vergelijking"),
            filename=f"seta-vergelijking-{timezone.localdate().isoformat()}.pdf",
            back_url=f"{reverse('case-compare')}?{compare_query(slugs)}",
            lines=[_("De casussen naast elkaar, met hun vijfpuntscheck:"), *titles],
            query=compare_query(slugs),
        )
