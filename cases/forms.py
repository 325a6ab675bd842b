"""Forms of the dossier editor: input validation only; business rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from cases.models import CASE_EDITABLE_FIELDS, Case, Event, Participation

DATE_HELP = _("dd-mm-jjjj, mm-jjjj of jjjj, bijvoorbeeld 20-11-2026")


class CaseForm(forms.ModelForm):
    """The dossier's own fields, plus the version the editor started from."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = Case
        fields = CASE_EDITABLE_FIELDS
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 6}),
            "narrative": forms.Textarea(attrs={"rows": 10}),
            "lessons": forms.Textarea(attrs={"rows": 4}),
            "source_notes": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "start_date": DATE_HELP,
            "end_date": DATE_HELP,
            "slug": _("Deel van het webadres: kleine letters, cijfers en streepjes."),
        }


class SharedChoicesFormSet(forms.BaseInlineFormSet):
    """Query each select's choices once for the whole formset instead of once per row."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shared: dict[str, list] = {}
        for form in [*self.forms, self.empty_form]:
            for name, field in form.fields.items():
                if isinstance(field, forms.ModelChoiceField) and not field.widget.is_hidden:
                    if name not in shared:
                        shared[name] = list(field.choices)
                    field.choices = shared[name]


ParticipationFormSet = forms.inlineformset_factory(
    Case,
    Participation,
    formset=SharedChoicesFormSet,
    fields=["municipality", "role", "joined_on", "left_on", "note"],
    extra=1,
    can_delete=True,
    widgets={"note": forms.TextInput},
)
EventFormSet = forms.inlineformset_factory(
    Case,
    Event,
    formset=SharedChoicesFormSet,
    fields=["date", "kind", "description", "source", "citation"],
    extra=1,
    can_delete=True,
    widgets={"description": forms.TextInput},
)


def formset_rows(formset) -> list[dict]:
    """The rows a formset keeps, as plain dicts for the services (with `id` for existing rows)."""
    rows = []
    for form in formset.forms:
        if not form.has_changed() and form.instance.pk is None:
            continue
        if formset.can_delete and form.cleaned_data.get("DELETE"):
            continue
        row = {name: form.cleaned_data.get(name) for name in formset.form.base_fields if name != "DELETE"}
        row.pop("id", None)
        row.pop("case", None)
        row["id"] = form.instance.pk
        for name, value in row.items():
            if value is None and name not in ("id", "source", "municipality"):
                row[name] = ""
        rows.append(row)
    return rows
