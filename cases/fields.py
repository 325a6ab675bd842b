"""Model fields of the cases app."""

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
