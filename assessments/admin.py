"""Django admin for five-point checks."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assessments.models import Assessment
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
        if obj.case_id:
            case_search_refresh(case_ids=[obj.case_id])


from assessments.explorations import admin as explorations_admin  # noqa: E402, F401  (registers)
