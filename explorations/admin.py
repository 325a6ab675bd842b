"""Django admin for the toetsingskader templates (admins keep them) and the explorations."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from explorations.models import Exploration, ExplorationMunicipality, FrameworkTemplate, FrameworkTemplateItem


class FrameworkTemplateItemInline(admin.TabularInline):
    model = FrameworkTemplateItem
    extra = 1
    fields = ["kind", "order", "name", "explanation"]


@admin.register(FrameworkTemplate)
class FrameworkTemplateAdmin(SimpleHistoryAdmin):
    list_display = ["name", "is_default"]
    inlines = [FrameworkTemplateItemInline]


class ExplorationMunicipalityInline(admin.TabularInline):
    model = ExplorationMunicipality
    extra = 0
    autocomplete_fields = ["municipality"]


@admin.register(Exploration)
class ExplorationAdmin(SimpleHistoryAdmin):
    """Read and correct explorations; advisors normally work on the exploration pages."""

    list_display = ["title", "status", "start_date", "version"]
    list_filter = ["status"]
    search_fields = ["title"]
    readonly_fields = ["version"]
    autocomplete_fields = ["case"]
    inlines = [ExplorationMunicipalityInline]

    def save_model(self, request, obj, form, change):
        if change:
            obj.version += 1  # an admin correction is a new version too, so open editors notice it
        super().save_model(request, obj, form, change)
