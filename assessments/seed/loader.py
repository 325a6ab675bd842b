"""Writing the seed fixtures into the database: one atomic, idempotent service."""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from assessments.choices import Criterion
from assessments.models import Assessment
from assessments.seed.fixtures import FixtureSet, fixtures_read
from assessments.seed.mentions import load_mentions
from assessments.seed.records import CaseRecord, MunicipalityRecord
from assessments.seed.state import (
    ASSESSMENT_FIELDS,
    MUNICIPALITY_FIELDS,
    SOURCE_FIELDS,
    case_db_state,
    case_fixture_state,
    municipality_db_state,
    municipality_fixture_state,
    seed_assessment,
    source_db_state,
    source_fixture_state,
)
from assessments.services import current_check_refresh
from cases.models import Case, Event, Municipality, Participation, Source
from cases.services import case_search_refresh
from core.seed.actions import CHANGE_REASON, Action, Tally, decide, fingerprint, seed_save


@dataclass
class SeedReport:
    dry_run: bool
    tallies: dict[str, Tally] = field(
        default_factory=lambda: {
            kind: Tally() for kind in ("gemeenten", "bronnen", "casussen", "vijfpuntschecks", "vermeldingen")
        }
    )

    @property
    def changed(self) -> bool:
        return any(t.count(Action.CREATE) or t.count(Action.UPDATE) for t in self.tallies.values())


def seed_cases_load(*, directory: Path, update: bool = False, dry_run: bool = False) -> SeedReport:
    """Load municipalities, sources, cases and mentions from `directory` in one transaction.

    Raises SeedError (naming file, case and field) on any invalid or inconsistent record; the
    database is then exactly as before. With dry_run everything is validated and rolled back.
    """
    fixtures = fixtures_read(directory)
    report = SeedReport(dry_run=dry_run)
    with transaction.atomic():
        municipalities = _load_municipalities(fixtures, report, update, directory / "municipalities.toml")
        sources = _load_sources(fixtures, report, update, directory / "sources.toml")
        written = [_load_case(record, municipalities, sources, report, update) for record in fixtures.cases]
        load_mentions(
            fixtures.mentions,
            sources=sources,
            municipalities=municipalities,
            decide=lambda db, state, stored: decide(db, state, stored, update=update),
            save=seed_save,
            tally=report.tallies["vermeldingen"],
        )
        stale = Case.objects.filter(search_vector__isnull=True).values_list("pk", flat=True)
        refreshed = {case.pk for case in written if case is not None}
        case_search_refresh(case_ids=refreshed | set(stale))
        unmirrored = Case.objects.filter(current_check__isnull=True).values_list("pk", flat=True)
        current_check_refresh(case_ids=refreshed | set(unmirrored))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _upsert(
    current, make, state: dict, db_state, *, update: bool, assign, file: Path, label: str, tally, origin=None
):
    """Create, update or leave one municipality or source, as decide() says; return the record.

    `origin` (file, case, field prefix) says where the record is described, for error messages.
    """
    action = decide(
        db_state(current) if current else None,
        state,
        current.seed_fingerprint if current else "",
        update=update,
    )
    if action in (Action.CREATE, Action.UPDATE):
        current = current or make()
        assign(current)
        current.seed_fingerprint = fingerprint(state)
        file, case, prefix = origin or (file, None, f"{label}: ")
        seed_save(current, file=file, case=case, prefix=prefix)
    tally.add(action, label)
    return current


def _load_municipalities(fixtures: FixtureSet, report: SeedReport, update: bool, file: Path) -> dict:
    existing = {m.name: m for m in Municipality.objects.select_related("merged_into")}
    # Municipalities that merged into another come last, so that their successor exists.
    for record in sorted(fixtures.municipalities, key=lambda r: bool(r.merged_into)):
        existing[record.name] = _upsert(
            existing.get(record.name),
            Municipality,
            municipality_fixture_state(record),
            municipality_db_state,
            update=update,
            assign=lambda m, record=record: _assign_municipality(m, record, existing),
            file=file,
            label=record.name,
            tally=report.tallies["gemeenten"],
        )
    return existing


def _assign_municipality(municipality: Municipality, record: MunicipalityRecord, existing: dict) -> None:
    _assign(municipality, record, MUNICIPALITY_FIELDS)
    municipality.merged_into = existing.get(record.merged_into) if record.merged_into else None


def _load_sources(fixtures: FixtureSet, report: SeedReport, update: bool, file: Path) -> dict:
    existing = {s.key: s for s in Source.objects.all()}
    for record in fixtures.sources.values():
        existing[record.key] = _upsert(
            existing.get(record.key),
            Source,
            source_fixture_state(record),
            source_db_state,
            update=update,
            assign=lambda source, record=record: _assign(source, record, SOURCE_FIELDS),
            file=file,
            label=record.key,
            tally=report.tallies["bronnen"],
            origin=fixtures.source_origins[record.key],
        )
    return existing


def _assign(instance, record, names) -> None:
    for name in names:
        setattr(instance, name, getattr(record, name))


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
    if case is not None:
        case.version += 1  # an overwrite is a new version: an editor opened before it gets a merge
    case = case or Case()
    for name, value in record.fields.items():
        setattr(case, name, value)
    case.provenance_source = sources[record.provenance_source]
    case.provenance_location = record.provenance_location
    case.seed_fingerprint = fingerprint(state)
    seed_save(case, file=record.file, case=record.number)
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
        seed_save(
            participation,
            file=record.file,
            case=record.number,
            exclude=["case"],
            prefix=f"participants[{index}].",
        )


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
        seed_save(event, file=record.file, case=record.number, exclude=["case"], prefix=f"events[{index}].")


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
        setattr(assessment, f"{criterion}_question", values.questions[criterion])
    if action is Action.UPDATE and not _assessment_changed(assessment):
        return Action.UNCHANGED
    seed_save(assessment, file=record.file, case=record.number, exclude=["case"], prefix="assessment.")
    return action


def _assessment_changed(assessment: Assessment) -> bool:
    stored = Assessment.objects.get(pk=assessment.pk)
    return any(
        getattr(stored, name) != getattr(assessment, name) for name in [*ASSESSMENT_FIELDS, "source_id"]
    )
