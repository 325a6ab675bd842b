"""Writing the seed fixtures into the database: one atomic, idempotent service."""

from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from assessments.choices import Criterion
from assessments.models import Assessment
from cases.models import Case, Event, Municipality, Participation, Source
from cases.seed.errors import SeedError
from cases.seed.fixtures import FixtureSet, fixtures_read
from cases.seed.records import CaseRecord, MunicipalityRecord, SourceRecord
from cases.seed.state import (
    case_db_state,
    case_fixture_state,
    fingerprint,
    municipality_db_state,
    municipality_fixture_state,
    seed_assessment,
    source_db_state,
    source_fixture_state,
)
from cases.services import case_search_refresh

CHANGE_REASON = "Geladen uit fixtures"


class Action(Enum):
    CREATE = "aangemaakt"
    UPDATE = "bijgewerkt"
    UNCHANGED = "ongewijzigd"
    KEEP = "behouden (in de app gewijzigd)"


@dataclass
class Tally:
    """What happened to the records of one kind, by action."""

    names: dict[Action, list[str]] = field(default_factory=lambda: {action: [] for action in Action})

    def add(self, action: Action, name: str) -> None:
        self.names[action].append(name)

    def count(self, action: Action) -> int:
        return len(self.names[action])


@dataclass
class SeedReport:
    dry_run: bool
    tallies: dict[str, Tally] = field(
        default_factory=lambda: {
            kind: Tally() for kind in ("gemeenten", "bronnen", "casussen", "vijfpuntschecks")
        }
    )

    @property
    def changed(self) -> bool:
        return any(t.count(Action.CREATE) or t.count(Action.UPDATE) for t in self.tallies.values())


def decide(db_state: dict | None, fixture_state: dict, stored: str, *, update: bool) -> Action:
    """Create what is missing; touch nothing that matches; never overwrite an app edit unless asked."""
    if db_state is None:
        return Action.CREATE
    current = fingerprint(db_state)
    if current == fingerprint(fixture_state):
        return Action.UNCHANGED
    if update or current == stored:
        return Action.UPDATE
    return Action.KEEP


def seed_cases_load(*, directory: Path, update: bool = False, dry_run: bool = False) -> SeedReport:
    """Load municipalities, sources and cases from `directory` in one transaction.

    Raises SeedError (naming file, case and field) on any invalid or inconsistent record; the
    database is then exactly as before. With dry_run everything is validated and rolled back.
    """
    fixtures = fixtures_read(directory)
    report = SeedReport(dry_run=dry_run)
    with transaction.atomic():
        municipalities = _load_municipalities(fixtures, report, update, directory / "municipalities.toml")
        sources = _load_sources(fixtures, report, update, directory / "sources.toml")
        written = [_load_case(record, municipalities, sources, report, update) for record in fixtures.cases]
        stale = Case.objects.filter(search_vector__isnull=True).values_list("pk", flat=True)
        case_search_refresh(case_ids={case.pk for case in written if case is not None} | set(stale))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _save(instance, file: Path, case: int | None = None, exclude: list[str] | None = None, prefix: str = ""):
    try:
        instance.full_clean(exclude=exclude)
    except ValidationError as error:
        name, messages = next(iter(error.message_dict.items()))
        raise SeedError(file, " ".join(messages), case=case, field=f"{prefix}{name}") from None
    instance._change_reason = CHANGE_REASON
    instance.save()


def _load_municipalities(fixtures: FixtureSet, report: SeedReport, update: bool, file: Path) -> dict:
    existing = {m.name: m for m in Municipality.objects.select_related("merged_into")}
    records = sorted(fixtures.municipalities, key=lambda r: bool(r.merged_into))
    for record in records:
        municipality = existing.get(record.name)
        state = municipality_fixture_state(record)
        action = decide(
            municipality and municipality_db_state(municipality),
            state,
            municipality.seed_fingerprint if municipality else "",
            update=update,
        )
        if action in (Action.CREATE, Action.UPDATE):
            municipality = municipality or Municipality()
            _assign_municipality(municipality, record, existing)
            municipality.seed_fingerprint = _fingerprint_of(state)
            _save(municipality, file, prefix=f"{record.name}: ")
            existing[record.name] = municipality
        report.tallies["gemeenten"].add(action, record.name)
    return existing


def _assign_municipality(municipality: Municipality, record: MunicipalityRecord, existing: dict) -> None:
    for name in (
        "name",
        "slug",
        "province",
        "cbs_code",
        "population",
        "population_year",
        "merged_on",
        "facts_source",
    ):
        setattr(municipality, name, getattr(record, name))
    municipality.merged_into = existing.get(record.merged_into) if record.merged_into else None


def _load_sources(fixtures: FixtureSet, report: SeedReport, update: bool, file: Path) -> dict:
    existing = {s.key: s for s in Source.objects.all()}
    for record in fixtures.sources.values():
        source = existing.get(record.key)
        state = source_fixture_state(record)
        action = decide(
            source and source_db_state(source),
            state,
            source.seed_fingerprint if source else "",
            update=update,
        )
        if action in (Action.CREATE, Action.UPDATE):
            source = source or Source()
            _assign(source, record, ("key", "kind", "author", "title", "date", "publisher", "url", "note"))
            source.seed_fingerprint = _fingerprint_of(state)
            _save(source, file, prefix=f"{record.key}: ")
            existing[record.key] = source
        report.tallies["bronnen"].add(action, record.key)
    return existing


def _assign(instance, record: SourceRecord, names) -> None:
    for name in names:
        setattr(instance, name, getattr(record, name))


def _fingerprint_of(state: dict) -> str:
    return fingerprint(state)


def _load_case(record: CaseRecord, municipalities: dict, sources: dict, report: SeedReport, update: bool):
    case = (
        Case.objects.filter(number=record.number)
        .select_related("provenance_source")
        .prefetch_related("sources", "participations__municipality", "events__source", "assessments__source")
        .first()
    )
    state = case_fixture_state(record)
    action = decide(
        case and case_db_state(case, record.assessment.source),
        state,
        case.seed_fingerprint if case else "",
        update=update,
    )
    label = f"{record.number}. {record.fields['title']}"
    report.tallies["casussen"].add(action, label)
    if action not in (Action.CREATE, Action.UPDATE):
        report.tallies["vijfpuntschecks"].add(action, label)
        return None
    case = case or Case()
    for name, value in record.fields.items():
        setattr(case, name, value)
    case.provenance_source = sources[record.provenance_source]
    case.provenance_location = record.provenance_location
    case.seed_fingerprint = fingerprint(state)
    _save(case, record.file, record.number)
    case.sources.set([sources[key] for key in sorted(record.cited_keys)])
    _sync_participants(case, record, municipalities)
    _replace_events(case, record, sources)
    assessment_action = _sync_assessment(case, record, sources)
    report.tallies["vijfpuntschecks"].add(assessment_action, label)
    return case


def _sync_participants(case: Case, record: CaseRecord, municipalities: dict) -> None:
    current = {p.municipality.name: p for p in case.participations.select_related("municipality")}
    wanted = {p.municipality for p in record.participants}
    for name, participation in current.items():
        if name not in wanted:
            participation._change_reason = CHANGE_REASON
            participation.delete()
    for index, participant in enumerate(record.participants, start=1):
        participation = current.get(participant.municipality) or Participation(
            case=case, municipality=municipalities[participant.municipality]
        )
        for name in ("role", "joined_on", "left_on", "note"):
            setattr(participation, name, getattr(participant, name))
        _save(participation, record.file, record.number, exclude=["case"], prefix=f"participants[{index}].")


def _replace_events(case: Case, record: CaseRecord, sources: dict) -> None:
    for event in case.events.all():
        event._change_reason = CHANGE_REASON
        event.delete()
    for index, item in enumerate(record.events, start=1):
        event = Event(
            case=case,
            date=item.date,
            kind=item.kind,
            description=item.description,
            source=sources.get(item.source) if item.source else None,
            citation=item.citation,
        )
        _save(event, record.file, record.number, exclude=["case"], prefix=f"events[{index}].")


def _sync_assessment(case: Case, record: CaseRecord, sources: dict) -> Action:
    assessment = seed_assessment(case, record.assessment.source)
    action = Action.CREATE if assessment is None else Action.UPDATE
    assessment = assessment or Assessment(case=case)
    values = record.assessment
    assessment.assessed_on = values.assessed_on
    assessment.assessor = values.assessor
    assessment.source = sources.get(values.source) if values.source else None
    for criterion in Criterion.values:
        setattr(assessment, f"{criterion}_rating", values.ratings[criterion])
        setattr(assessment, f"{criterion}_answer", values.answers[criterion])
    if action is Action.UPDATE and not _assessment_changed(assessment):
        return Action.UNCHANGED
    _save(assessment, record.file, record.number, exclude=["case"], prefix="assessment.")
    return action


def _assessment_changed(assessment: Assessment) -> bool:
    stored = Assessment.objects.get(pk=assessment.pk)
    names: list[str] = ["assessed_on", "assessor", "source_id"]
    names += [f"{c}_{part}" for c in Criterion.values for part in ("rating", "answer")]
    return any(getattr(stored, name) != getattr(assessment, name) for name in names)
