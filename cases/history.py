"""A dossier's change history in words: who changed what, when, with old and new values.

Reads the simple-history tables of the case and of its participations, events and checks in a
fixed number of queries, whatever the length of the history.
"""

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import models
from django.utils.translation import gettext as _

from assessments.interface import Assessment, check_history
from cases.dates import format_partial_date
from cases.fields import PartialDateField
from cases.models import Case, Event, Municipality, Participation, Source
from cases.seed.loader import CHANGE_REASON as LOADER_REASON
from cases.text import is_long_text, text_normalise, word_diff

LOADER_GAP = timedelta(minutes=10)  # a loader run's records of one dossier lie closer together

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
    """One field's old and new value; a long text also as a word diff (see cases.text.word_diff)."""

    label: str
    old: str
    new: str
    diff: list[tuple[str, str]] | None = None


@dataclass
class HistoryEntry:
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


def _entries(model, records, subject, names) -> list[HistoryEntry]:
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


def dossier_history(case: Case) -> list[HistoryEntry]:
    """Every recorded change of the dossier, newest first."""
    order = ("history_date", "history_id")
    case_records = list(case.history.select_related("history_user").order_by(*order))
    participations = list(
        Participation.history.filter(case_id=case.pk).select_related("history_user").order_by(*order)
    )
    events = list(Event.history.filter(case_id=case.pk).select_related("history_user").order_by(*order))
    assessments = list(check_history(case.pk))
    names = _names(participations, events, assessments, case_records)
    entries = (
        _entries(Case, case_records, lambda r: _("Dossier"), names)
        + _entries(
            Participation,
            participations,
            lambda r: _("Deelname %(name)s") % {"name": names.get((Municipality, r.municipality_id), "")},
            names,
        )
        + _entries(
            Event, events, lambda r: _("Gebeurtenis %(date)s") % {"date": format_partial_date(r.date)}, names
        )
        + _entries(
            Assessment,
            assessments,
            lambda r: _("Vijfpuntscheck van %(date)s") % {"date": format_partial_date(r.assessed_on)},
            names,
        )
    )
    return _loader_runs_grouped(sorted(entries, key=lambda entry: entry.when, reverse=True))


def _loader_runs_grouped(entries: list[HistoryEntry]) -> list[HistoryEntry]:
    """One line per loader run ("Geladen uit de bronnen") instead of one per record it wrote."""
    grouped: list[HistoryEntry] = []
    for entry in entries:
        if entry.reason != LOADER_REASON:
            grouped.append(entry)
            continue
        last = grouped[-1] if grouped else None
        if last and last.loaded and last.who == entry.who and last.when - entry.when < LOADER_GAP:
            continue
        grouped.append(
            HistoryEntry(
                when=entry.when, who=entry.who, subject=_("Dossier"), action=_("geladen uit de bronnen"),
                loaded=True,
            )
        )  # fmt: skip
    return grouped


def _names(participations, events, assessments, case_records) -> dict:
    """Labels of the municipalities and sources the records point at (two queries)."""
    municipality_ids = {r.municipality_id for r in participations}
    source_ids = {r.source_id for r in [*events, *assessments]}
    source_ids |= {r.provenance_source_id for r in case_records}
    source_ids.discard(None)
    names = {(Municipality, m.pk): m.name for m in Municipality.objects.filter(pk__in=municipality_ids)}
    names |= {(Source, s.pk): str(s) for s in Source.objects.filter(pk__in=source_ids)}
    return names


def changes_since(case: Case, version: int) -> list[HistoryEntry]:
    """What others saved after the editor loaded `version` (for the conflict message).

    Every write bumps the version before it writes anything else (services, admin, loader), so the
    changes since `version` are the records from the first case record with a higher version on.
    """
    since = (
        case.history.filter(version__gt=version)
        .order_by("history_date")
        .values_list("history_date", flat=True)
        .first()
    )
    if since is None:
        return []
    return [entry for entry in dossier_history(case) if entry.when >= since]
