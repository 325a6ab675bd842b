"""Forms of the dossier editor: input validation only; business rules live in services."""

from django import forms
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from cases.models import CASE_EDITABLE_FIELDS, Case, Event, Municipality, Participation
from cases.municipality_field import MunicipalityLookup, MunicipalityNameField
from core.client_numbers import BoundedInlineFormSet, VersionedFormMixin, VersionField, formset_limits
from core.text import NormalisedTextFormMixin

DATE_HELP = _("dd-mm-jjjj, mm-jjjj of jjjj, bijvoorbeeld 20-11-2026")


EMPTY_CHOICE = "---------"


class NamedEmptyChoicesMixin:
    """Selects say what their empty choice means instead of Django's "---------"."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            label = _("— kies —") if field.required else _("— geen —")
            if isinstance(field, forms.ModelChoiceField):
                if field.empty_label == EMPTY_CHOICE:
                    field.empty_label = label
            elif isinstance(field, forms.ChoiceField):
                choices = list(field.choices)
                if any(name == EMPTY_CHOICE for _value, name in choices):
                    field.choices = [(v, label if name == EMPTY_CHOICE else name) for v, name in choices]


class MergeableFormMixin(VersionedFormMixin, NamedEmptyChoicesMixin, NormalisedTextFormMixin, forms.Form):
    """The version the editor started from, the signed values it was loaded with, open choices."""

    version = VersionField(required=False)
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
                "Een begin dat de bron alleen als voornemen geeft. dd-mm-jjjj, mm-jjjj of jjjj, "
                "bijvoorbeeld 1-1-2027"
            ),
            "as_of": _(
                "De datum van de toestand die het dossier beschrijft. dd-mm-jjjj, mm-jjjj of jjjj, "
                "bijvoorbeeld 11-2016"
            ),
            "end_date": DATE_HELP,
            "slug": _(
                "Deel van het webadres: kleine letters, cijfers en streepjes. "
                "Leeg laten: gemaakt uit de titel."
            ),
        }
        error_messages = {"slug": {"unique": _("Er is al een casus met dit webadres; kies een ander.")}}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["slug"].label = _("Webadres")
        # A new dossier gets a slug made from its title when none is given (see case_create).
        self.fields["slug"].required = self.instance.pk is not None
        self.fields["slug"].widget.attrs["data-slug-from"] = self["title"].auto_id


class SharedChoicesFormSet(BoundedInlineFormSet):
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


class ParticipationForm(NamedEmptyChoicesMixin, NormalisedTextFormMixin, forms.ModelForm):
    municipality = MunicipalityNameField(label=_("Gemeente"))

    class Meta:
        model = Participation
        fields = ["municipality", "role", "joined_on", "left_on", "note"]
        widgets = {"note": forms.TextInput}


class EventForm(NamedEmptyChoicesMixin, NormalisedTextFormMixin, forms.ModelForm):
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
        **formset_limits(),
    )
    formset.verbose_name = _("Deelname")
    return formset


def event_formset(extra: int):
    formset = forms.inlineformset_factory(
        Case,
        Event,
        form=EventForm,
        formset=SharedChoicesFormSet,
        extra=extra,
        can_delete=True,
        **formset_limits(),
    )
    formset.verbose_name = _("Gebeurtenis")
    return formset


ParticipationFormSet = participation_formset(extra=2)
EventFormSet = event_formset(extra=2)
NewParticipationFormSet = participation_formset(extra=4)
NewEventFormSet = event_formset(extra=3)


class MunicipalityForm(NamedEmptyChoicesMixin, NormalisedTextFormMixin, forms.ModelForm):
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
