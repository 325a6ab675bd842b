"""Model fields of the cases app."""

from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cases.dates import validate_partial_date


class PartialDateField(models.CharField):
    """A date known to the year, month or day: "2013", "2013-06" or "2013-06-01"."""

    default_validators = [validate_partial_date]
    description = _("Datum (JJJJ, JJJJ-MM of JJJJ-MM-DD)")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", 10)
        kwargs.setdefault("blank", True)
        kwargs.setdefault("default", "")
        super().__init__(*args, **kwargs)


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
