"""The one contract for a selection of cases: the case list's filters, read the same way by the
list, the analysis, CSV, XLSX and the report PDF.

Every consumer builds its filterset here, on a queryset that carries what every filter needs
(the current check's ratings), so a filter the list accepts never fails elsewhere, and an invalid
one is the same form error everywhere.
"""

from django.http import QueryDict

from cases.filters import CaseFilterSet
from cases.models import Case


def selection_queryset():
    """The cases every selection filters: with the current check's ratings annotated."""
    return Case.objects.with_list_annotations()


def selection_filterset(data: QueryDict, queryset=None) -> CaseFilterSet:
    """The case list's filterset bound to `data`, on `queryset` (a `selection_queryset()` chain)."""
    return CaseFilterSet(data, queryset=selection_queryset() if queryset is None else queryset)


def selection_query(data: QueryDict) -> str:
    """The selection as one text: only the filters the list declares (no page, no unknown
    parameters), without empty values, sorted. Two URLs of the same selection give the same text."""
    known = set(CaseFilterSet().filters)  # with the filters higher apps registered (cases.hooks)
    pairs = sorted(
        (key, value) for key, values in data.lists() if key in known for value in values if value.strip()
    )
    normalized = QueryDict(mutable=True)
    for key, value in pairs:
        normalized.appendlist(key, value)
    return normalized.urlencode()


def selection_fields(query: str) -> list[tuple[str, str]]:
    """(name, value) of each filter of a `selection_query` text, for hidden fields of a form that
    carries the selection along (the list's compare form, the compare chooser's search)."""
    return [(key, value) for key, values in QueryDict(query).lists() for value in values]
