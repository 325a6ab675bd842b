"""Django admin for five-point checks."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from assessments.models import Assessment
from assessments.services import current_check_refresh
from cases.admin_forms import VersionGuardAdminForm
from cases.services import case_search_refresh, case_touch


class AssessmentAdminForm(VersionGuardAdminForm):
    """The check's form in the admin, guarded by its dossier's version like the app's editor."""

    class Meta:
        model = Assessment
        fields = "__all__"

    @staticmethod
    def case_of(instance):
        return instance.case


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

    form = AssessmentAdminForm

    def delete_model(self, request, obj):
        case_touch(case_id=obj.case_id, user=request.user)
        super().delete_model(request, obj)
        if obj.case_id:
            current_check_refresh(case_ids=[obj.case_id])
            case_search_refresh(case_ids=[obj.case_id])

    def save_model(self, request, obj, form, change):
        case_touch(case_id=obj.case_id, user=request.user)  # a new version, before the check is written
        super().save_model(request, obj, form, change)
        if obj.case_id:
            case_ids = {obj.case_id, form.initial.get("case") or obj.case_id}
            current_check_refresh(case_ids=case_ids)
            case_search_refresh(case_ids=case_ids)

    def delete_queryset(self, request, queryset):
        case_ids = set(queryset.exclude(case=None).values_list("case_id", flat=True))
        for case_id in case_ids:
            case_touch(case_id=case_id, user=request.user)
        super().delete_queryset(request, queryset)
        current_check_refresh(case_ids=case_ids)
        case_search_refresh(case_ids=case_ids)
