"""Cases side by side, on the page and as PDF (made by the worker). Thin: permission, the form."""

from django.http import HttpResponseBadRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View

from assessments.chooser import case_candidates, chooser_query, removals
from assessments.compare import CompareForm, cases_in_order, cases_picked, comparison
from assessments.pdf import COMPARE, compare_query
from cases.permissions import ReaderRequiredMixin
from cases.selection import selection_fields, selection_filterset, selection_query
from core.pdf.views import PdfPlan, PdfStartView


class CompareView(ReaderRequiredMixin, View):
    """GET /cases/compare/?case=<slug>&case=<slug>…[&<the case list's filters>]: 2 to 6 cases in
    aligned rows; the chooser offers the cases of the list's selection (cases.selection)."""

    template_name = "assessments/compare.html"

    def get(self, request):
        selection = selection_filterset(request.GET)
        query = selection_query(request.GET)
        context = {"selection": selection, "selection_query": query, "find": request.GET.get("find", "")}
        if not selection.is_valid():
            # The same refusal as the analysis; the way out keeps the chosen cases.
            context["without_selection"] = chooser_query(chosen=request.GET.getlist("case"))
            return TemplateResponse(request, self.template_name, context, status=400)
        form = CompareForm(request.GET)
        context["form"] = form
        if form.is_valid():
            context.update(comparison(form.cleaned_data["case"]))
        else:
            # Fewer than two known cases is a comparison being started (from a dossier), not an error.
            context["picked"] = cases_picked(request.GET.getlist("case"))
        chosen = [case.slug for case in context.get("cases", [])] or request.GET.getlist("case")
        context["chosen"] = chosen
        context["candidates"] = case_candidates(
            find=context["find"],
            chosen=chosen,
            selection=selection.qs if query else None,
            selection_query=query,
        )
        context["removals"] = removals(cases=context.get("cases", []), chosen=chosen, selection_query=query)
        context["selection_fields"] = selection_fields(query)
        return TemplateResponse(request, self.template_name, context)


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
