"""Cases side by side, on the page and as PDF. Thin: permission, the form, rendering."""

from django.http import HttpResponseBadRequest
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.views import View

from assessments.compare import CompareForm, case_candidates, comparison
from cases.pdf.documents import AUTHOR, date_in_words
from cases.pdf.views import PdfExportMixin, pdf_response
from cases.permissions import ReaderRequiredMixin


class CompareView(ReaderRequiredMixin, View):
    """GET /cases/compare/?case=<slug>&case=<slug>…: 2 to 6 cases in aligned rows."""

    template_name = "assessments/compare.html"

    def get(self, request):
        form = CompareForm(request.GET)
        context = {"form": form, "find": request.GET.get("find", "")}
        if form.is_valid():
            context.update(comparison(form.cleaned_data["case"]))
        context["chosen"] = [case.slug for case in context.get("cases", [])] or request.GET.getlist("case")
        context["candidates"] = case_candidates(find=context["find"], chosen=context["chosen"])
        return TemplateResponse(request, self.template_name, context)


class ComparePdfView(PdfExportMixin, View):
    """GET /cases/compare/pdf/?case=…: the same comparison as a PDF, in Dutch."""

    template_name = "assessments/pdf/compare.html"

    def get(self, request):
        form = CompareForm(request.GET)
        if not form.is_valid():
            return HttpResponseBadRequest(
                " ".join(form.errors["case"]), content_type="text/plain; charset=utf-8"
            )
        from cases.pdf.rendering import PDF_LANGUAGE, html_to_pdf  # WeasyPrint: not at URLconf import

        now = timezone.localtime()
        with translation.override(PDF_LANGUAGE):
            context = comparison(form.cleaned_data["case"])
            titles = ", ".join(case.title for case in context["cases"])
            html = render_to_string(
                self.template_name,
                {
                    **context,
                    "document_title": f"Vergelijking: {titles}",
                    "description": "Casussen naast elkaar, met hun vijfpuntscheck.",
                    "author": AUTHOR,
                    "generated_at": now,
                    "generated_on": date_in_words(now.date()),
                },
            )
        return pdf_response(html_to_pdf(html), f"seta-vergelijking-{now.date().isoformat()}.pdf")
