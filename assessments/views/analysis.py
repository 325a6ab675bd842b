"""The analysis page: what the five-point check says about the outcome, for a case list selection."""

from django.template.response import TemplateResponse
from django.views import View

from assessments.analysis import analyse
from assessments.charts import with_charts
from cases.permissions import ReaderRequiredMixin
from cases.selection import selection_filterset, selection_query


class AnalysisView(ReaderRequiredMixin, View):
    """GET /analysis/?<the case list's filters>: cross tables, charts and the essay's comparison."""

    template_name = "assessments/analysis.html"

    def get(self, request):
        filterset = selection_filterset(request.GET)
        context = {"filter": filterset, "selection_query": selection_query(request.GET)}
        if not filterset.is_valid():
            return TemplateResponse(request, self.template_name, context, status=400)
        analysis = with_charts(analyse(filterset.qs.only("pk", "outcome")))
        return TemplateResponse(request, self.template_name, context | analysis)
