"""The history engine: simple-history records read as entries in words (who, when, what changed).

Every app builds its own history page from these entries; long texts show as a word diff.
"""

from dataclasses import dataclass, field
from datetime import datetime

from django.db import models
from django.utils.translation import gettext as _

from core.dates import format_partial_date
from core.fields import PartialDateField
from core.text import is_long_text, text_normalise, word_diff

IGNORED = {
    "id",
    "version",
    "case",
    "history_id",
    "history_date",
    "history_change_reason",
    "history_type",
    "history_user",
    "history_relation",
}


@dataclass
class FieldChange:
    """One field's old and new value; a long text also as a word diff (see core.text.word_diff)."""

    label: str
    old: str
    new: str
    diff: list[tuple[str, str]] | None = None


@dataclass
class HistoryEntry:
    """One change in words: when, who, what (subject and action) and the field changes."""

    when: datetime
    who: str
    subject: str
    action: str
    reason: str = ""
    changes: list[FieldChange] = field(default_factory=list)
    loaded: bool = False  # one line for all the records a seed loader run wrote


def _display(model: type[models.Model], name: str, value, names: dict) -> str:
    model_field = model._meta.get_field(name)
    if value in (None, ""):
        return "—"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, PartialDateField):
        return format_partial_date(value)
    if isinstance(model_field, models.ForeignKey):
        return names.get((model_field.related_model, value), str(value))
    return str(value)


def _comparable(value):
    """Texts as normalised on input today, so older records with \r\n show no phantom change."""
    return text_normalise(value) if isinstance(value, str) else value


def _change(model, model_field, old, new, names) -> FieldChange:
    label = str(model_field.verbose_name)
    if isinstance(old, str) and isinstance(new, str) and not model_field.choices and is_long_text(old, new):
        return FieldChange(label, old, new, diff=word_diff(old, new))
    return FieldChange(
        label, _display(model, model_field.name, old, names), _display(model, model_field.name, new, names)
    )


def _tracked_fields(model: type[models.Model]) -> list[models.Field]:
    return [f for f in model._meta.concrete_fields if f.name not in IGNORED and f.editable]


def history_entries(model, records, subject, names) -> list[HistoryEntry]:
    """Entries of `records` (oldest first); a change that changed no tracked field is left out."""
    entries, previous = [], {}
    labels = {"+": _("aangemaakt"), "~": _("gewijzigd"), "-": _("verwijderd")}
    for record in records:
        before = previous.get(record.id)
        changes = []
        if record.history_type == "~" and before is not None:
            for model_field in _tracked_fields(model):
                attname = model_field.attname
                old, new = _comparable(getattr(before, attname)), _comparable(getattr(record, attname))
                if old != new:
                    changes.append(_change(model, model_field, old, new, names))
            if not changes:
                previous[record.id] = record
                continue
        user = record.history_user
        entries.append(
            HistoryEntry(
                when=record.history_date,
                who=(user.get_full_name() or user.username) if user else _("systeem"),
                subject=subject(record),
                action=labels[record.history_type],
                reason=record.history_change_reason or "",
                changes=changes,
            )
        )
        previous[record.id] = record
    return entries
