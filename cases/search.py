"""The search of the case list, planned in one place: matching and ranking (search_plan, used by
the case filterset), why a case matched (snippets) and "did you mean" (pg_trgm).

Both work on the current page or on small tables only, so they cost the same at 45 and at
10,000 cases.
"""

import contextlib
import re
from dataclasses import dataclass

from django.contrib.postgres.search import SearchHeadline, SearchQuery, TrigramSimilarity
from django.db import connection, transaction
from django.db.models import F, QuerySet, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from cases.hooks import CASE_SEARCH_TEXTS
from cases.models import Case, Municipality

# Markers ts_headline puts around a hit; control characters that never occur in typed text.
START, STOP = "\x02", "\x03"
_MARKED = re.compile(re.escape(escape(START)) + "(.*?)" + re.escape(escape(STOP)), re.DOTALL)
MIN_SIMILARITY = 0.4
WORD = re.compile(r"\w{4,}")


def search_query(text: str) -> SearchQuery:
    """The one way the app reads a search box: Dutch stemming, web-search syntax."""
    return SearchQuery(text, config="dutch", search_type="websearch")


def registered_search_text():
    """The texts higher apps add to a case's search (cases.hooks.CASE_SEARCH_TEXTS) as one expression,
    for instance the answers of its checks; "" when none is registered."""
    parts = [Coalesce(text(), Value(""), output_field=TextField()) for text in CASE_SEARCH_TEXTS]
    if len(parts) < 2:
        return parts[0] if parts else Value("", output_field=TextField())
    spaced = [part for expression in parts for part in (expression, Value(" "))][:-1]
    return Concat(*spaced, output_field=TextField())


def highlighted(text: str) -> SafeString:
    """Escape `text` and turn only the hit markers into <mark> elements."""
    escaped = _MARKED.sub(r"<mark>\1</mark>", escape(text))
    # Safe: every character came through escape(); only the <mark> tags above were added.
    return mark_safe(escaped.replace(escape(START), "").replace(escape(STOP), ""))


def _headlines(case_ids: list[int], text: str, document) -> dict[int, SafeString]:
    headline = SearchHeadline(
        document,
        search_query(text),
        config="dutch",
        start_sel=START,
        stop_sel=STOP,
        max_fragments=2,
        max_words=22,
        min_words=8,
        fragment_delimiter=" … ",
    )
    rows = Case.objects.filter(pk__in=case_ids).annotate(snippet=headline).values_list("pk", "snippet")
    return {pk: highlighted(snippet) for pk, snippet in rows if START in (snippet or "")}


def case_snippets(case_ids: list[int], text: str) -> dict[int, SafeString]:
    """For each case on a page, the passages of its texts that match `text`, hits marked.

    First the short texts (summary, check answers, lessons); only the cases without a hit there
    have their long narrative parsed (a second query), which keeps a common word cheap."""
    if not case_ids or not text.strip():
        return {}
    short = Concat(
        F("summary"),
        Value("\n"),
        registered_search_text(),
        Value("\n"),
        F("lessons"),
        output_field=TextField(),
    )
    snippets = _headlines(case_ids, text, short)
    rest = [pk for pk in case_ids if pk not in snippets]
    if rest:
        snippets |= _headlines(rest, text, F("narrative"))
    return snippets


def _closest(word: str) -> str | None:
    """The municipality name closest to `word` by trigram similarity, if it is close enough."""
    match = (
        Municipality.objects.annotate(similarity=TrigramSimilarity("name", word))
        .filter(similarity__gte=MIN_SIMILARITY)
        .order_by("-similarity", "name")
        .values_list("name", flat=True)
        .first()
    )
    if match is None:
        match = (
            Case.objects.filter(title__trigram_similar=word)
            .annotate(similarity=TrigramSimilarity("title", word))
            .filter(similarity__gte=MIN_SIMILARITY)
            .order_by("-similarity", "title")
            .values_list("title", flat=True)
            .first()
        )
    return match if match and match.lower() != word.lower() else None


def search_suggestion(text: str) -> str | None:
    """A corrected search text ("Barendrect" → "Barendrecht"), or None when nothing is closer."""
    suggestion, changed = text, False
    for word in dict.fromkeys(WORD.findall(text)):
        closest = _closest(word)
        if closest:
            suggestion = re.sub(rf"\b{re.escape(word)}\b", lambda _match, name=closest: name, suggestion)
            changed = True
    return suggestion if changed else None


RANK_ALL_LIMIT = 500  # up to this many matches all are ranked; beyond, each page is ranked by itself


@contextlib.contextmanager
def gin_index_preferred():
    """Run a search's queries in a transaction that prefers the full-text GIN index.

    PostgreSQL estimates that a common word ("samenwerking", in 98 % of the dossiers) is found
    faster by reading every row than through the GIN index, not counting that each row's full
    vector must then be fetched from TOAST: 100 ms instead of 7 at 10,000 cases.
    """
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        yield


@dataclass
class SearchPlan:
    """How one list request is searched and ordered, decided once (by the case filterset).

    Without a search text, or when the user chose a sort, the filters' order stands. With a text,
    up to RANK_ALL_LIMIT matches are ordered best first over all pages; beyond, ranking every
    match would read every dossier, so the matches are ordered by number and title and each page
    is ranked by itself (`ranked_within_page`, said on the page). The queryset is ordered once.
    """

    queryset: QuerySet
    text: str = ""
    count: int | None = None  # counted already (a search), so the paginator need not count again
    ranked_within_page: bool = False

    def page(self, cases: list) -> list:
        """One page of the list as shown: best first within the page when so planned, each case
        with the passage that matched (`snippet`, None without a search)."""
        if self.ranked_within_page:
            cases = sorted(cases, key=lambda case: -case.rank)
        snippets = case_snippets([case.pk for case in cases], self.text)
        for case in cases:
            case.snippet = snippets.get(case.pk)
        return cases


def search_plan(queryset: QuerySet, *, text: str, sorted_by_user: bool) -> SearchPlan:
    """The plan for a filtered list (`queryset` matches `text` and carries `rank` when text is set)."""
    if not text or sorted_by_user:
        return SearchPlan(queryset, text)
    count = queryset.count()
    if count > RANK_ALL_LIMIT:
        return SearchPlan(queryset.order_by("number", "title"), text, count, ranked_within_page=True)
    return SearchPlan(queryset.order_by("-rank", "number", "title"), text, count)
