"""What explorations add to the dossiers and the menu, registered by ExplorationsConfig.ready().

A case page lists the explorations that became that case, read in the case's own query.
"""

from django.contrib.postgres.expressions import ArraySubquery
from django.db.models import OuterRef, QuerySet
from django.db.models.functions import JSONObject
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cases.hooks import CASE_DETAIL_QUERYSET, CASE_DETAIL_SECTIONS
from core.registry import MENU_ITEMS, MenuItem, PageSection
from explorations.models import Exploration


def annotate_case_explorations(queryset: QuerySet) -> QuerySet:
    """Annotate `exploration_list` on each case: its explorations, read in the same query as the case."""
    rows = (
        Exploration.objects.filter(case=OuterRef("pk"))
        .order_by("-start_date", "title")
        .values(json=JSONObject(title="title", slug="slug", status="status", start="start_date"))
    )
    return queryset.annotate(exploration_list=ArraySubquery(rows))


def case_explorations(case) -> dict:
    """`explorations`: those that became `case` (read with annotate_case_explorations), newest first,
    as plain dicts (title, url, status, start), without a query."""
    statuses = dict(Exploration._meta.get_field("status").flatchoices)
    return {
        "explorations": [
            {
                "title": row["title"],
                "url": reverse("exploration-detail", kwargs={"slug": row["slug"]}),
                "status": statuses.get(row["status"], row["status"]),
                "start": row["start"],
            }
            for row in case.exploration_list
        ]
    }


def case_extensions_register() -> None:
    """Register with the dossiers' hooks and the menu (called once, from ExplorationsConfig.ready)."""
    CASE_DETAIL_QUERYSET.register(annotate_case_explorations)
    CASE_DETAIL_SECTIONS.register(
        PageSection("explorations/includes/case_explorations.html", case_explorations)
    )
    MENU_ITEMS.register(
        MenuItem(_("Verkenningen"), "exploration-list", "explorations.view_exploration", "/explorations/")
    )
