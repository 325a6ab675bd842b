"""Numbers a client sends that the app loops over or compares: formset counts and record versions.

Both are checked before use. A count is a plain decimal number of at most `MAX_FORMSET_ROWS`
rows (Django's formsets are capped at the same number, `formset_limits()`); a version is a whole
number from 0 up to the record's current version (a higher one was never handed out).
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_FORMSET_ROWS = 50  # the seed dossiers have at most 24 events
MAX_VERSION = 2_147_483_647
ROWS_ERROR = _(
    "Het aantal rijen in het formulier is ongeldig; laad de pagina opnieuw en probeer het nog eens."
)
VERSION_ERROR = _(
    "Het formulier hoort bij een onbekende versie; laad de pagina opnieuw en probeer het nog eens."
)


def client_count(value, *, limit: int = MAX_FORMSET_ROWS) -> int | None:
    """A posted count as a number from 0 to `limit`, or None when it is anything else."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(limit)):
        return None
    number = int(text)
    return number if number <= limit else None


def management_counts(data, prefix: str) -> tuple[int, int] | None:
    """A formset's posted (TOTAL_FORMS, INITIAL_FORMS), checked, or None when either is not a count."""
    total = client_count(data.get(f"{prefix}-TOTAL_FORMS"))
    initial = client_count(data.get(f"{prefix}-INITIAL_FORMS"))
    if total is None or initial is None:
        return None
    return total, min(initial, total)


def formset_limits() -> dict:
    """Keyword arguments for Django's formset factories: no more than MAX_FORMSET_ROWS rows, ever.

    Django builds min(TOTAL_FORMS, absolute_max) forms and refuses a larger count with a form error.
    """
    return {"max_num": MAX_FORMSET_ROWS, "absolute_max": MAX_FORMSET_ROWS, "validate_max": True}


class BoundedFormSetMixin:
    """A formset that trusts its posted row counts only when they are counts within the limit.

    Django refuses a count above `absolute_max` with a form error, but still builds (and the page
    renders) `absolute_max` rows for it, and it takes a negative count for "no rows", which would
    save the formset as emptied. Here any count that is not a plain number up to the limit is a
    form error, and only the stored rows come back.
    """

    def _counts_valid(self) -> bool:
        return management_counts(self.data, self.prefix) is not None

    def _stored_rows(self) -> int:
        get_queryset = getattr(self, "get_queryset", None)  # model formsets know their stored rows
        return min(len(get_queryset()), self.absolute_max) if get_queryset else 0

    def total_form_count(self):
        if self.is_bound and not self._counts_valid():
            return self._stored_rows()
        return super().total_form_count()

    def initial_form_count(self):
        if self.is_bound and not self._counts_valid():
            return self._stored_rows()
        return super().initial_form_count()

    def full_clean(self):
        super().full_clean()
        if self.is_bound and not self._counts_valid() and not self._non_form_errors:
            self._non_form_errors.append(ValidationError(ROWS_ERROR, code="invalid_count"))


class BoundedInlineFormSet(BoundedFormSetMixin, forms.BaseInlineFormSet):
    """Django's inline formset with `BoundedFormSetMixin` (use with `formset_limits()`)."""


class VersionField(forms.IntegerField):
    """The version an editor started from (hidden): a whole number 0..MAX_VERSION."""

    widget = forms.HiddenInput

    def __init__(self, **kwargs):
        messages = {"invalid": VERSION_ERROR, "min_value": VERSION_ERROR, "max_value": VERSION_ERROR}
        super().__init__(min_value=0, max_value=MAX_VERSION, error_messages=messages, **kwargs)


class VersionedFormMixin:
    """A form with a `version` field: never above the current version, and its error shown at the top.

    The current version is the form's initial `version` (the views give it on every request).
    """

    def clean_version(self):
        version = self.cleaned_data.get("version")
        current = self.initial.get("version")
        if version is not None and current is not None and version > int(current):
            raise ValidationError(VERSION_ERROR, code="unknown_version")
        return version

    def clean(self):
        cleaned = super().clean()
        if self.has_error("version"):
            self.add_error(None, VERSION_ERROR)  # the field is hidden: say it where it is read
        return cleaned
