"""Django admin for five-point checks."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assessments.models import Assessment
from assessments.services import current_check_refresh
from cases.services import case_search_refresh


@admin.register(Assessment)
class AssessmentAdmin(SimpleHistoryAdmin):
    list_display = [
        "case",
        "assessed_on",
        "assessor",
        "urgency_rating",
        "benefits_rating",
        "trust_rating",
        "images_rating",
        "partners_rating",
    ]
    list_filter = ["urgency_rating", "benefits_rating", "trust_rating", "images_rating", "partners_rating"]
    search_fields = ["case__title", "assessor"]
    autocomplete_fields = ["case", "source"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        case_ids = {obj.case_id, form.initial.get("case") or obj.case_id}
        current_check_refresh(case_ids=case_ids)
        case_search_refresh(case_ids=case_ids)

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        current_check_refresh(case_ids=[obj.case_id])

    def delete_queryset(self, request, queryset):
        case_ids = set(queryset.values_list("case_id", flat=True))
        super().delete_queryset(request, queryset)
        current_check_refresh(case_ids=case_ids)
