"""Django admin for the case dossiers (for staff; advisors work in the app itself)."""

from django.contrib import admin
from django.contrib.postgres.search import SearchQuery
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from cases.admin_forms import VersionGuardAdminForm
from cases.models import Case, Event, Municipality, Participation, Source, SourceMention
from cases.services import case_search_refresh, case_touch


class CaseAdminForm(VersionGuardAdminForm):
    class Meta:
        model = Case
        fields = "__all__"


class CaseChildAdmin(SimpleHistoryAdmin):
    """Participations and events edited on their own still count as a new version of their dossier."""

    def save_model(self, request, obj, form, change):
        case_touch(case_id=obj.case_id, user=request.user)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        case_touch(case_id=obj.case_id, user=request.user)
        super().delete_model(request, obj)


# Stacked, not tabular, and plain selects, not select2's autocomplete: every field keeps its label
# and every select its name (WCAG 2.1 AA, tests/test_browser_axe.py), and a case with many rows
# stays within 1280 px. A case is picked by its number (raw id) where there can be thousands.


class ParticipationInline(admin.StackedInline):
    model = Participation
    extra = 0


class EventInline(admin.StackedInline):
    model = Event
    extra = 0


@admin.register(Case)
class CaseAdmin(SimpleHistoryAdmin):
    list_display = ["number", "title", "organisation_name", "arrangement_type", "outcome", "year"]
    list_display_links = ["number", "title"]
    list_filter = ["arrangement_type", "outcome"]
    search_fields = ["title", "organisation_name"]
    search_help_text = _("Zoekt in titel en organisatie, de volledige tekst en de namen van de gemeenten.")
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ParticipationInline, EventInline]
    form = CaseAdminForm

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1  # the row is locked by CaseAdminForm.clean(); same guard as the app
        super().save_model(request, obj, form, change)

    def get_search_results(self, request, queryset, search_term):
        """Full-text vector and an EXISTS on the participants instead of a join over all of them
        (which made the admin sort and de-duplicate every participation of every case)."""
        term = search_term.strip()
        if not term:
            return queryset, False
        participants = Participation.objects.filter(case=OuterRef("pk"), municipality__name__icontains=term)
        matches = (
            Q(title__icontains=term)
            | Q(organisation_name__icontains=term)
            | Q(search_vector=SearchQuery(term, config="dutch", search_type="websearch"))
            | Q(Exists(participants))
        )
        return queryset.filter(matches), False

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        case_search_refresh(case_ids=[form.instance.pk])


@admin.register(Municipality)
class MunicipalityAdmin(SimpleHistoryAdmin):
    list_display = ["name", "province", "cbs_code", "population", "merged_into"]
    list_filter = ["province"]
    search_fields = ["name", "cbs_code"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Source)
class SourceAdmin(SimpleHistoryAdmin):
    list_display = ["key", "author", "title", "date", "kind"]
    list_filter = ["kind"]
    search_fields = ["key", "author", "title"]


@admin.register(Participation)
class ParticipationAdmin(CaseChildAdmin):
    list_display = ["case", "municipality", "role"]
    list_filter = ["role"]
    search_fields = ["case__title", "municipality__name"]
    raw_id_fields = ["case"]


@admin.register(Event)
class EventAdmin(CaseChildAdmin):
    list_display = ["case", "date", "kind", "description"]
    list_filter = ["kind"]
    search_fields = ["case__title", "description"]
    raw_id_fields = ["case"]


@admin.register(SourceMention)
class SourceMentionAdmin(SimpleHistoryAdmin):
    list_display = ["source", "first_line", "last_line", "passage"]
    list_filter = ["source"]
    search_fields = ["passage", "source__title", "cases__title", "municipalities__name"]
    raw_id_fields = ["cases"]
