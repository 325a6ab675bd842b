"""What the compare page shows for its query string: the comparison, the chooser that adds or
removes cases, and the case list's selection the chooser draws from (cases.selection)."""

from dataclasses import dataclass

from django.http import QueryDict

from assessments.chooser import case_candidates, chooser_query, removals
from assessments.compare import CompareForm, cases_picked, comparison
from cases.selection import selection_fields, selection_filterset, selection_query


@dataclass(frozen=True)
class ComparePage:
    """The template context and the status: 400 when the selection's filters are refused."""

    context: dict
    status: int = 200


def compare_page(params: QueryDict) -> ComparePage:
    """The compare page for `params`: `case` (2 to 6 slugs), `find` (the chooser's search) and
    the case list's filters, which the chooser draws its candidates from."""
    selection = selection_filterset(params)
    query = selection_query(params)
    context = {"selection": selection, "selection_query": query, "find": params.get("find", "")}
    if not selection.is_valid():
        # The same refusal as the analysis; the way out keeps the chosen cases.
        context["without_selection"] = chooser_query(chosen=params.getlist("case"))
        return ComparePage(context, status=400)
    form = CompareForm(params)
    context["form"] = form
    if form.is_valid():
        context.update(comparison(form.cleaned_data["case"]))
    else:
        # Fewer than two known cases is a comparison being started (from a dossier), not an error.
        context["picked"] = cases_picked(params.getlist("case"))
    cases = context.get("cases", [])
    chosen = [case.slug for case in cases] or params.getlist("case")
    context["chosen"] = chosen
    context["candidates"] = case_candidates(
        find=context["find"],
        chosen=chosen,
        selection=selection.qs if query else None,
        selection_query=query,
    )
    context["removals"] = removals(cases=cases, chosen=chosen, selection_query=query)
    context["selection_fields"] = selection_fields(query)
    return ComparePage(context)
