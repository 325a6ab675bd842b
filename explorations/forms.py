"""Forms of the exploration pages: input validation only; the rules live in the services."""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.forms import DATE_HELP, NamedEmptyChoicesMixin
from cases.models import Case, Municipality
from cases.municipality_field import MunicipalityNamesField
from core.client_numbers import BoundedInlineFormSet, VersionedFormMixin, VersionField, formset_limits
from core.fields import PartialDateFormField
from explorations.choices import Score
from explorations.models import (
    EXPLORATION_EDITABLE_FIELDS,
    SECTION_FIELDS,
    Exploration,
    FrameworkTemplate,
    Precondition,
    Variant,
    VariantScore,
)
from explorations.parts import FRAMEWORK_PARTS
from explorations.services.exploration import VARIANT_FIELDS


class ExplorationCreateForm(forms.Form):
    """A new exploration: title, municipalities and the toetsingskader template to start from."""

    title = forms.CharField(label=_("Titel"), max_length=200)
    start_date = PartialDateFormField(label=_("Begin"), max_length=10, required=False, help_text=DATE_HELP)
    partners = MunicipalityNamesField(
        label=_("Verkennende gemeenten"),
        slots=8,
        item_label=_("Verkennende gemeente"),
        queryset=Municipality.objects.filter(merged_into__isnull=True),
        help_text=_("Minstens twee. Typ de naam van een gemeente; de lijst vult zich aan terwijl u typt."),
    )
    considered = MunicipalityNamesField(
        label=_("Mogelijke latere partners"),
        slots=4,
        item_label=_("Mogelijke latere partner"),
        queryset=Municipality.objects.filter(merged_into__isnull=True),
        required=False,
    )
    template = forms.ModelChoiceField(
        label=_("Toetsingskader starten vanuit"),
        queryset=FrameworkTemplate.objects.all(),
        required=False,
        empty_label=_("Geen sjabloon: zelf opbouwen"),
    )
    with_variants = forms.BooleanField(
        label=_("Neem de samenwerkingsvormen van het sjabloon over als startset van varianten"),
        required=False,
        initial=True,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["template"].initial = FrameworkTemplate.objects.filter(is_default=True).first()


class VersionedModelForm(VersionedFormMixin, NamedEmptyChoicesMixin, forms.ModelForm):
    """A model form with the version the editor started from; after a colleague's save its fields
    merge in the view, and a field both changed comes back as a signed choice (core.editing)."""

    version = VersionField()


class ExplorationForm(VersionedModelForm):
    """The exploration's own fields and sections, plus the version the editor started from."""

    class Meta:
        model = Exploration
        fields = EXPLORATION_EDITABLE_FIELDS
        widgets = {name: forms.Textarea(attrs={"rows": 8}) for name in SECTION_FIELDS}
        help_texts = {"start_date": DATE_HELP}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["case"].queryset = Case.objects.order_by("number", "title")


class LinesField(forms.CharField):
    """A list of texts, typed one per line; empty lines are dropped."""

    widget = forms.Textarea(attrs={"rows": 5})

    def prepare_value(self, value):
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value):
        return [line.strip() for line in (value or "").splitlines() if line.strip()]

    def run_validators(self, value):
        # Per line: on the list, the NUL-character check would read its repr and let "\x00" through.
        for line in value:
            super().run_validators(line)


class VariantForm(VersionedModelForm):
    """A form of cooperation with its SWOT (one point per line)."""

    strengths = LinesField(label=_("Sterktes"), required=False, help_text=_("Eén punt per regel."))
    weaknesses = LinesField(label=_("Zwaktes"), required=False, help_text=_("Eén punt per regel."))
    opportunities = LinesField(label=_("Kansen"), required=False, help_text=_("Eén punt per regel."))
    threats = LinesField(label=_("Bedreigingen"), required=False, help_text=_("Eén punt per regel."))

    class Meta:
        model = Variant
        fields = VARIANT_FIELDS
        widgets = {
            name: forms.Textarea(attrs={"rows": 5}) for name in ("description", "needed", "reflection")
        }

    def __init__(self, *args, exploration: Exploration, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["failed_precondition"].queryset = Precondition.objects.filter(exploration=exploration)
        self.fields["failed_precondition"].empty_label = _("Voldoet aan alle randvoorwaarden (of nog open)")


class VersionForm(VersionedFormMixin, forms.Form):
    """Only the version the editor started from (pages whose data come in formsets)."""

    version = VersionField()


class FrameworkRowForm(NamedEmptyChoicesMixin, forms.ModelForm):
    """One row of the toetsingskader."""


def _framework_formset(part):
    """The formset of one part of the toetsingskader (explorations.parts): its fields, long texts
    as small text areas."""
    text_fields = [
        name
        for name in part.framework_fields
        if isinstance(part.model._meta.get_field(name), models.TextField)
    ]
    return forms.inlineformset_factory(
        Exploration,
        part.model,
        form=FrameworkRowForm,
        formset=BoundedInlineFormSet,
        fields=list(part.framework_fields),
        extra=1,
        can_delete=True,
        widgets={name: forms.Textarea(attrs={"rows": 2}) for name in text_fields},
        **formset_limits(),
    )


# The framework editor's formsets by form prefix, in the order of explorations.parts.
FRAMEWORK_FORMSETS = {part.framework_prefix: _framework_formset(part) for part in FRAMEWORK_PARTS}


class MatrixForm(VersionForm):
    """One score and one motivation per cell of variants × criteria."""

    def __init__(self, *args, variants, criteria, scores: dict, **kwargs):
        super().__init__(*args, **kwargs)
        self.cells = []
        for variant in variants:
            for criterion in criteria:
                key = f"{variant.pk}_{criterion.pk}"
                stored = scores.get((variant.pk, criterion.pk))
                label = f"{variant.name} × {criterion.name}"
                self.fields[f"score_{key}"] = forms.ChoiceField(
                    label=_("Score: %(cell)s") % {"cell": label},
                    choices=Score.choices,
                    required=False,
                    initial=stored.score if stored else "",
                )
                self.fields[f"motivation_{key}"] = forms.CharField(
                    label=_("Motivering: %(cell)s") % {"cell": label},
                    required=False,
                    widget=forms.Textarea(attrs={"rows": 2}),
                    initial=stored.motivation if stored else "",
                    # The model's text limit, so a long motivation is a form error, not a failed save.
                    validators=VariantScore._meta.get_field("motivation").validators,
                )
                self.cells.append((variant, criterion, key))

    def initial_values(self) -> dict[str, str]:
        """The stored cells as form data (score_<v>_<c>, motivation_<v>_<c>)."""
        return {name: field.initial for name, field in self.fields.items() if name != "version"}

    def cell_values(self) -> dict[tuple[int, int], dict]:
        return {
            (variant.pk, criterion.pk): {
                "score": self.cleaned_data[f"score_{key}"],
                "motivation": self.cleaned_data[f"motivation_{key}"].strip(),
            }
            for variant, criterion, key in self.cells
        }


def formset_rows(formset) -> list[dict]:
    """The rows a formset keeps, as dicts with `id` for existing rows (order defaults to position)."""
    rows = []
    for index, form in enumerate(formset.forms, start=1):
        if not form.has_changed() and form.instance.pk is None:
            continue
        if form.cleaned_data.get("DELETE"):
            continue
        row = {name: form.cleaned_data.get(name) for name in form._meta.fields}
        row["id"] = form.instance.pk
        if row.get("order") is None:
            row["order"] = index
        for name, value in row.items():
            if value is None and name not in ("id", "weight"):
                row[name] = ""
        rows.append(row)
    return rows
