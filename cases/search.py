"""Search helpers of the case list: why a case matched (snippets) and "did you mean" (pg_trgm).

Both work on the current page or on small tables only, so they cost the same at 45 and at
10,000 cases.
"""

import contextlib
import re

from django.contrib.postgres.search import SearchHeadline, SearchQuery, TrigramSimilarity
from django.db import connection, transaction
from django.db.models import F, QuerySet, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from assessments.interface import check_answers_subquery
from cases.models import Case, Municipality

# Markers ts_headline puts around a hit; control characters that never occur in typed text.
START, STOP = "\x02", "\x03"
_MARKED = re.compile(re.escape(escape(START)) + "(.*?)" + re.escape(escape(STOP)), re.DOTALL)
MIN_SIMILARITY = 0.4
WORD = re.compile(r"\w{4,}")


def search_query(text: str) -> SearchQuery:
    """The one way the app reads a search box: Dutch stemming, web-search syntax."""
    return SearchQuery(text, config="dutch", search_type="websearch")


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
        Coalesce(check_answers_subquery(), Value(""), output_field=TextField()),
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


def matches_in_list_order(queryset: QuerySet) -> tuple[QuerySet, int, bool]:
    """The matches of a search, their count, and whether they are too many to rank all at once.

    A word found in very many dossiers would mean ranking every one of them: beyond RANK_ALL_LIMIT
    the matches come in list order and each page is ranked by itself (rank_within_page).
    """
    count = queryset.count()
    if count > RANK_ALL_LIMIT:
        return queryset.order_by("number", "title"), count, True
    return queryset, count, False


def rank_within_page(cases: list) -> list:
    """One page of matches, best first (cases annotated with `rank`)."""
    return sorted(cases, key=lambda case: -case.rank)
