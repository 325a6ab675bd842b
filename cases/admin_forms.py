"""The Django admin's share of the version guard: staff saves are checked and counted like app saves."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

from cases.services import StaleDossierError, case_lock_current
from core.text import NormalisedTextFormMixin


class VersionGuardAdminForm(NormalisedTextFormMixin, forms.ModelForm):
    """An admin change form that refuses to save over a dossier someone changed since it was opened.

    `case_of(instance)` names the guarded case: the instance itself, or the case of a check.
    """

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    @staticmethod
    def case_of(instance):
        return instance

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.case_of(self.instance).version

    def clean(self):
        cleaned = super().clean()
        if self.instance.pk:
            # The admin saves in one transaction: the row stays locked until the save is done.
            try:
                case_lock_current(
                    case_id=self.case_of(self.instance).pk,
                    expected_version=cleaned.get("expected_version") or 0,
                )
            except StaleDossierError as stale:
                raise ValidationError(stale_message(stale), code="stale") from None
        return cleaned


def stale_message(stale: StaleDossierError) -> str:
    last = stale.case.history.select_related("history_user").first()
    who = (
        (last.history_user.get_full_name() or last.history_user.username)
        if last and last.history_user
        else "?"
    )
    when = formats.date_format(timezone.localtime(last.history_date), "DATETIME_FORMAT") if last else "?"
    return _(
        "Niet opgeslagen: %(who)s heeft dit dossier op %(when)s gewijzigd nadat u deze pagina opende "
        "(nu versie %(version)s). Uw invoer staat hieronder nog; open de pagina opnieuw in een ander "
        "tabblad, neem uw wijzigingen daar over en sla daar op."
    ) % {"who": who, "when": when, "version": stale.case.version}
