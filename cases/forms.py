"""Forms of the dossier editor: input validation only; business rules live in services."""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from cases.models import CASE_EDITABLE_FIELDS, Case, Event, Municipality, Participation
from cases.municipality_field import MunicipalityLookup, MunicipalityNameField
from core.text import NormalisedTextFormMixin

DATE_HELP = _("dd-mm-jjjj, mm-jjjj of jjjj, bijvoorbeeld 20-11-2026")


class MergeableFormMixin(NormalisedTextFormMixin, forms.Form):
    """The version the editor started from, the signed values it was loaded with, open choices."""

    version = forms.IntegerField(widget=forms.HiddenInput, required=False)
    base = forms.CharField(widget=forms.HiddenInput, required=False)
    choices = forms.CharField(widget=forms.HiddenInput, required=False)


class CaseForm(MergeableFormMixin, forms.ModelForm):
    """The dossier's own fields, plus the version the editor started from."""

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
            "planned_start": _(
                "Een begin dat de bron alleen als voornemen geeft. JJJJ, JJJJ-MM of JJJJ-MM-DD"
            ),
            "as_of": _("De datum van de toestand die het dossier beschrijft. JJJJ, JJJJ-MM of JJJJ-MM-DD"),
            "end_date": DATE_HELP,
            "slug": _(
                "Deel van het webadres: kleine letters, cijfers en streepjes. "
                "Leeg laten: gemaakt uit de titel."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # A new dossier gets a slug made from its title when none is given (see case_create).
        self.fields["slug"].required = self.instance.pk is not None
        self.fields["slug"].widget.attrs["data-slug-from"] = self["title"].auto_id


class SharedChoicesFormSet(forms.BaseInlineFormSet):
    """Query each select's choices once for the whole formset instead of once per row."""

    verbose_name = ""

    @cached_property
    def empty_form(self):
        """One empty form (Django builds a new one on every access), sharing the choices below."""
        return super().empty_form

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        shared: dict[str, list] = {}
        self.municipalities = MunicipalityLookup()
        for form in [*self.forms, self.empty_form]:
            for name, field in form.fields.items():
                if isinstance(field, MunicipalityNameField):
                    field.lookup = self.municipalities
                elif isinstance(field, forms.ModelChoiceField) and not field.widget.is_hidden:
                    if name not in shared:
                        shared[name] = list(field.choices)
                    field.choices = shared[name]


class ParticipationForm(NormalisedTextFormMixin, forms.ModelForm):
    municipality = MunicipalityNameField(label=_("Gemeente"))

    class Meta:
        model = Participation
        fields = ["municipality", "role", "joined_on", "left_on", "note"]
        widgets = {"note": forms.TextInput}


class EventForm(NormalisedTextFormMixin, forms.ModelForm):
    class Meta:
        model = Event
        fields = ["date", "kind", "description", "source", "citation"]
        widgets = {"description": forms.TextInput}


def participation_formset(extra: int):
    """Participants with `extra` empty rows (enough to save several partners without JavaScript)."""
    formset = forms.inlineformset_factory(
        Case,
        Participation,
        form=ParticipationForm,
        formset=SharedChoicesFormSet,
        extra=extra,
        can_delete=True,
    )
    formset.verbose_name = _("Deelname")
    return formset


def event_formset(extra: int):
    formset = forms.inlineformset_factory(
        Case, Event, form=EventForm, formset=SharedChoicesFormSet, extra=extra, can_delete=True
    )
    formset.verbose_name = _("Gebeurtenis")
    return formset


ParticipationFormSet = participation_formset(extra=2)
EventFormSet = event_formset(extra=2)
NewParticipationFormSet = participation_formset(extra=4)
NewEventFormSet = event_formset(extra=3)


class MunicipalityForm(NormalisedTextFormMixin, forms.ModelForm):
    """A new municipality, added by an advisor (for instance from the dossier editor)."""

    class Meta:
        model = Municipality
        fields = ["name", "province", "cbs_code", "population", "population_year"]


def formset_rows(formset, detached: dict | None = None) -> list[dict]:
    """The rows a formset keeps, as plain dicts for the services (with `id` for existing rows).

    `detached` maps row numbers to the ids rows had before someone else deleted them (for a merge);
    pass it to get those ids back instead of None.
    """
    rows = []
    for index, form in enumerate(formset.forms):
        if not form.has_changed() and form.instance.pk is None:
            continue
        if formset.can_delete and form.cleaned_data.get("DELETE"):
            continue
        row = {name: form.cleaned_data.get(name) for name in formset.form.base_fields if name != "DELETE"}
        row.pop("id", None)
        row.pop("case", None)
        row["id"] = form.instance.pk or (detached or {}).get(index)
        for name, value in row.items():
            if value is None and name not in ("id", "source", "municipality"):
                row[name] = ""
        rows.append(row)
    return rows
