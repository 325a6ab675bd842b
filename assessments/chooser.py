"""The compare chooser: which cases it offers to add to a comparison, and the links it builds.

The candidates are a selection of the case list (cases.selection: the same filters, the same
refusals as the list, the analysis and the exports), narrowed by the chooser's own search box and
without the cases already chosen. Without a selection the chooser only searches, so it stays small
at any number of cases.
"""

from dataclasses import dataclass

from django.db.models import Q, QuerySet
from django.http import QueryDict

from cases.models import Case

CANDIDATE_LIMIT = 10
# A case number is a PostgreSQL integer; longer digit strings are searched as text only.
MAX_NUMBER_DIGITS = 9


@dataclass(frozen=True)
class Candidate:
    case: Case
    query: str  # the chooser's query string with this case added


@dataclass(frozen=True)
class Candidates:
    """The first CANDIDATE_LIMIT candidates and how many there are in all."""

    shown: list[Candidate]
    total: int

    @property
    def capped(self) -> bool:
        return self.total > len(self.shown)


def chooser_query(*, chosen: list[str], selection: str = "", find: str = "") -> str:
    """The chooser's query string: the chosen cases in order, the selection it draws from, the search."""
    query = QueryDict(selection, mutable=True)
    query.setlist("case", chosen)
    if find.strip():
        query["find"] = find.strip()
    ordered = QueryDict(mutable=True)
    ordered.setlist("case", chosen)  # the cases first, as the links always had them
    for key, values in query.lists():
        if key != "case":
            ordered.setlist(key, values)
    return ordered.urlencode()


def find_matches(find: str) -> Q:
    """Title, organisation or (a number) the case number match `find`."""
    matches = Q(title__icontains=find) | Q(organisation_name__icontains=find)
    if find.isdigit() and len(find) <= MAX_NUMBER_DIGITS:
        matches |= Q(number=int(find))
    return matches


def case_candidates(
    *, find: str, chosen: list[str], selection: QuerySet | None = None, selection_query: str = ""
) -> Candidates:
    """Cases to add to a comparison: those of `selection` (a filtered case list queryset, in its
    order) or, without one, of all cases by number, matching `find`; never one already chosen.

    Without a selection and without `find` there are none: a search, not a list of every case.
    """
    find = find.replace("\x00", "").strip()  # PostgreSQL text cannot hold NUL
    if selection is None:
        if not find:
            return Candidates([], 0)
        selection = Case.objects.order_by("number", "title")
    cases = selection.filter(find_matches(find)) if find else selection
    cases = cases.exclude(slug__in=chosen)
    shown = list(cases.only("slug", "number", "title")[:CANDIDATE_LIMIT])
    total = len(shown) if len(shown) < CANDIDATE_LIMIT else cases.count()
    return Candidates(
        [
            Candidate(case, chooser_query(chosen=[*chosen, case.slug], selection=selection_query))
            for case in shown
        ],
        total,
    )


def removals(*, cases: list[Case], chosen: list[str], selection_query: str) -> list[Candidate]:
    """For a comparison of more than two cases: each case with the query string without it."""
    if len(cases) <= 2:
        return []
    return [
        Candidate(
            case,
            chooser_query(chosen=[slug for slug in chosen if slug != case.slug], selection=selection_query),
        )
        for case in cases
    ]
