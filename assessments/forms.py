"""The five-point check's form: input validation only; the rules live in assessments.services."""

from django import forms
from django.utils import timezone

from assessments.models import Assessment
from assessments.services import ASSESSMENT_FIELDS
from cases.forms import DATE_HELP, MergeableFormMixin


class AssessmentForm(MergeableFormMixin, forms.ModelForm):
    """A five-point check: a rating for every criterion and the verbatim answer."""

    class Meta:
        model = Assessment
        fields = [
            "assessed_on",
            "assessor",
            "urgency_rating",
            "urgency_answer",
            "benefits_rating",
            "benefits_answer",
            "trust_rating",
            "trust_answer",
            "images_rating",
            "images_answer",
            "partners_rating",
            "partners_answer",
            "note",
        ]
        widgets = {
            f"{c}_answer": forms.Textarea(attrs={"rows": 2})
            for c in ("urgency", "benefits", "trust", "images", "partners")
        }
        help_texts = {"assessed_on": DATE_HELP}


def new_check_initial(*, previous: Assessment | None, user) -> dict:
    """A new check starts from the previous one (its ratings and answers), dated today, by this user."""
    initial = {name: getattr(previous, name) for name in ASSESSMENT_FIELDS} if previous else {}
    return initial | {
        "assessed_on": timezone.localdate().isoformat(),
        "assessor": user.get_full_name() or user.get_username(),
    }
