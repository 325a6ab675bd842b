"""A dossier's change history in words: who changed what, when, with old and new values.

Reads the simple-history tables of the case, its participations and events, and the parts higher
apps registered (cases.hooks.CASE_HISTORY_SOURCES, such as the checks), in a fixed number of
queries, whatever the length of the history.
"""

from datetime import timedelta

from django.utils.translation import gettext as _

from cases.hooks import CASE_HISTORY_SOURCES
from cases.models import Case, Event, Municipality, Participation, Source
from core.dates import format_partial_date
from core.history import HistoryEntry, history_entries
from core.seed.actions import CHANGE_REASON as LOADER_REASON

LOADER_GAP = timedelta(minutes=10)  # a loader run's records of one dossier lie closer together


def dossier_history(case: Case) -> list[HistoryEntry]:
    """Every recorded change of the dossier, newest first."""
    order = ("history_date", "history_id")
    case_records = list(case.history.select_related("history_user").order_by(*order))
    participations = list(
        Participation.history.filter(case_id=case.pk).select_related("history_user").order_by(*order)
    )
    events = list(Event.history.filter(case_id=case.pk).select_related("history_user").order_by(*order))
    parts = [(source, list(source.records(case.pk))) for source in CASE_HISTORY_SOURCES]
    names = _names(participations, events, [r for _source, records in parts for r in records], case_records)
    entries = (
        history_entries(Case, case_records, lambda r: _("Dossier"), names)
        + history_entries(
            Participation,
            participations,
            lambda r: _("Deelname %(name)s") % {"name": names.get((Municipality, r.municipality_id), "")},
            names,
        )
        + history_entries(
            Event, events, lambda r: _("Gebeurtenis %(date)s") % {"date": format_partial_date(r.date)}, names
        )
    )
    for source, records in parts:
        entries += history_entries(source.model, records, source.subject, names)
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


def _names(participations, events, parts, case_records) -> dict:
    """Labels of the municipalities and sources the records point at (two queries)."""
    municipality_ids = {r.municipality_id for r in participations}
    source_ids = {r.source_id for r in events} | {getattr(r, "source_id", None) for r in parts}
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
