"""Chainable reads of cases (the manager of cases.models.Case)."""

from django.contrib.postgres.expressions import ArraySubquery
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import models
from django.db.models import F, OuterRef
from django.db.models.functions import JSONObject

from cases.choices import ParticipationRole
from cases.hooks import CASE_LIST_ANNOTATIONS


class CaseQuerySet(models.QuerySet):
    """Chainable reads of cases."""

    def _related(self, name: str) -> type[models.Model]:
        """The model of a case's relation (participations, mentions), without importing cases.models."""
        return self.model._meta.get_field(name).related_model

    def search(self, text: str) -> "CaseQuerySet":
        """Dutch full-text search ("samenwerkingen" finds "samenwerking"), annotated with `rank`.

        Matching uses the full vector (GIN index); ranking reads only the small title/summary
        vector, so that a common word does not detoast every match's full text.
        """
        query = SearchQuery(text, config="dutch", search_type="websearch")
        return self.filter(search_vector=query).annotate(rank=SearchRank(F("rank_vector"), query))

    def for_list(self) -> "CaseQuerySet":
        """Leave out the long texts and vectors a list row never shows."""
        return self.defer(
            "narrative", "lessons", "source_notes", "search_vector", "rank_vector", "seed_fingerprint"
        )

    def with_list_annotations(self) -> "CaseQuerySet":
        """Annotate what the filters and columns that higher apps registered read (cases.hooks)."""
        queryset = self
        for annotate in CASE_LIST_ANNOTATIONS:
            queryset = annotate(queryset)
        return queryset

    def with_recent_saves(self, limit: int) -> "CaseQuerySet":
        """Annotate `recent_saves`: the latest `limit` saves of each dossier (one per version), with
        when, who and how, read in the same query as the case (a history page shows the details).
        """
        saves = (
            self.model.history.filter(id=OuterRef("pk"))
            .order_by("-history_date", "-history_id")
            .values(
                json=JSONObject(
                    when="history_date",
                    type="history_type",
                    version="version",
                    reason="history_change_reason",
                    username="history_user__username",
                    first_name="history_user__first_name",
                    last_name="history_user__last_name",
                )
            )[:limit]
        )
        return self.annotate(recent_saves=ArraySubquery(saves))

    def with_participant_names(self) -> "CaseQuerySet":
        """Annotate `participant_names`: (name, role) of each participant by name, in the same query
        as the case (a list row needs no more; a dossier uses with_participants)."""
        names = (
            self._related("participations")
            .objects.filter(case=OuterRef("pk"))
            .exclude(role=ParticipationRole.MENTIONED)  # only in the story: not shown in a list row
            .order_by("municipality__name")
            .values(json=JSONObject(name="municipality__name", role="role"))
        )
        return self.annotate(participant_list=ArraySubquery(names))

    def seeded(self) -> "CaseQuerySet":
        return self.filter(number__isnull=False)

    def with_participants(self) -> "CaseQuerySet":
        return self.prefetch_related(
            models.Prefetch(
                "participations",
                queryset=self._related("participations")
                .objects.select_related("municipality")
                .order_by("municipality__name"),
            )
        )

    def with_mention_list(self) -> "CaseQuerySet":
        """Annotate `mention_list`: the passages of other sources that speak of each case, with their
        source, in the same query as the case (see Case.mention_entries)."""
        mentions = (
            self._related("mentions")
            .objects.filter(cases=OuterRef("pk"))
            .order_by("source__date", "source__key", "first_line")
            .values(
                json=JSONObject(
                    passage="passage",
                    first_line="first_line",
                    last_line="last_line",
                    author="source__author",
                    date="source__date",
                    title="source__title",
                )
            )
        )
        return self.annotate(mention_list=ArraySubquery(mentions))
