"""Model and form fields of the cases app."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from core.dates import INPUT_ERROR, format_partial_date_input, parse_dutch_date_input, validate_partial_date


class PartialDateFormField(forms.CharField):
    """Accepts dates as Dutch users type them (20-11-2026, 1-1-2010, 11-2026, 2026, 2026-11-20),
    cleans them to an ISO partial date and shows stored dates back the Dutch way."""

    def to_python(self, value):
        value = super().to_python(value)
        if value in self.empty_values:
            return value
        try:
            return parse_dutch_date_input(value)
        except ValueError:
            raise ValidationError(INPUT_ERROR, code="invalid_partial_date") from None

    def prepare_value(self, value):
        return format_partial_date_input(value)


class PartialDateField(models.CharField):
    """A date known to the year, month or day: "2013", "2013-06" or "2013-06-01"."""

    default_validators = [validate_partial_date]
    description = _("Datum (JJJJ, JJJJ-MM of JJJJ-MM-DD)")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": PartialDateFormField, **kwargs})


# Longest texts a council document needs (the longest seed narrative is about 10,700 characters).
SHORT_TEXT_LIMIT = 2000
TEXT_LIMIT = 5000
NARRATIVE_LIMIT = 30000


def text_limit(limit: int) -> list[MaxLengthValidator]:
    """Validators that cap a text field at `limit` characters, with a Dutch message."""
    message = _(
        "Deze tekst is te lang: hoogstens %(limit_value)d tekens, het zijn er nu %(show_value)d. "
        "Kort de tekst in; een raadsdocument heeft niet meer nodig."
    )
    return [MaxLengthValidator(limit, message=message)]
