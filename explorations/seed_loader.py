"""Writing the seed explorations: atomic, idempotent, and an advisor's edits are kept.

Same guarantees as load_seed_cases: a record is created when missing, left alone when it matches
its fixture, updated when the fixture changed and nobody edited it in the app (its fingerprint is
what the loader last wrote), and kept, and reported, when an advisor changed it (unless --update).
Lists (criteria, variants, ...) are matched by name, so that scores in the matrix survive.
"""

from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction

from cases.models import Case, Municipality
from core.seed.actions import CHANGE_REASON, Action, decide, fingerprint, seed_save
from core.seed.errors import SeedError
from explorations.models import (
    SECTION_FIELDS,
    Experience,
    Exploration,
    ExplorationMunicipality,
)
from explorations.parts import SEEDED_PARTS
from explorations.seed_records import exploration_read

FIELDS = ["slug", "title", "status", "start_date", "end_date", *SECTION_FIELDS, "provenance"]


@dataclass
class ExplorationSeedReport:
    dry_run: bool
    actions: dict[str, Action] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return any(action in (Action.CREATE, Action.UPDATE) for action in self.actions.values())


def state_of(exploration: Exploration) -> dict:
    """The exploration in the database, in the shape of seed_records.exploration_read()."""
    fields = {name: getattr(exploration, name) for name in FIELDS}
    fields["case"] = exploration.case.number if exploration.case and exploration.case.number else 0
    state = {"fields": fields}
    state["municipalities"] = [
        [m.municipality.name, m.role, m.note]
        for m in exploration.memberships.select_related("municipality").order_by("id")
    ]
    for part in SEEDED_PARTS:
        state[part.seed_key] = [
            [getattr(obj, n) for n in part.seed_fields]
            for obj in part.model.objects.filter(exploration=exploration)
        ]
    state["experiences"] = [
        [e.name, e.text, e.case.number if e.case and e.case.number else 0, e.citation]
        for e in exploration.experience_links.select_related("case")
    ]
    return state


def _comparable(state: dict) -> dict:
    """Fingerprints ignore the order of municipalities (the page sorts them anyway)."""
    return {**state, "municipalities": sorted(state["municipalities"])}


def seed_explorations_load(
    *, directory: Path, update: bool = False, dry_run: bool = False
) -> ExplorationSeedReport:
    """Load every fixtures/explorations/*.toml in one transaction; SeedError leaves the database as it was."""
    files = sorted(directory.glob("*.toml"))
    if not files:
        raise SeedError(directory, "geen verkenningen (*.toml) gevonden")
    report = ExplorationSeedReport(dry_run=dry_run)
    with transaction.atomic():
        for file in files:
            wanted = exploration_read(file)
            report.actions[wanted["fields"]["title"]] = _load(file, wanted, update)
        if dry_run:
            transaction.set_rollback(True)
    return report


def _load(file: Path, wanted: dict, update: bool) -> Action:
    exploration = Exploration.objects.filter(slug=wanted["fields"]["slug"]).select_related("case").first()
    action = decide(
        _comparable(state_of(exploration)) if exploration else None,
        _comparable(wanted),
        exploration.seed_fingerprint if exploration else "",
        update=update,
    )
    if action not in (Action.CREATE, Action.UPDATE):
        return action
    exploration = exploration or Exploration()
    for name in FIELDS:
        setattr(exploration, name, wanted["fields"][name])
    exploration.case = _case(file, wanted["fields"]["case"], "case")
    exploration.seed_fingerprint = fingerprint(_comparable(wanted))
    seed_save(exploration, file=file)
    _sync_municipalities(file, exploration, wanted["municipalities"])
    for part in SEEDED_PARTS:
        _sync_by_name(file, exploration, part.model, part.seed_fields, wanted[part.seed_key], part.seed_key)
    _sync_experiences(file, exploration, wanted["experiences"])
    return action


def _case(file: Path, number: int, field: str) -> Case | None:
    if not number:
        return None
    case = Case.objects.filter(number=number).first()
    if case is None:
        raise SeedError(file, f"casus {number} bestaat niet; laad eerst load_seed_cases", field=field)
    return case


def _delete(obj) -> None:
    obj._change_reason = CHANGE_REASON
    obj.delete()


def _sync_municipalities(file: Path, exploration: Exploration, rows: list) -> None:
    current = {m.municipality.name: m for m in exploration.memberships.select_related("municipality")}
    for name, membership in current.items():
        if name not in {row[0] for row in rows}:
            _delete(membership)
    for index, (name, role, note) in enumerate(rows, start=1):
        municipality = Municipality.objects.filter(name=name).first()
        if municipality is None:
            raise SeedError(file, f"onbekende gemeente {name!r}", field=f"municipalities[{index}].name")
        membership = current.get(name) or ExplorationMunicipality(
            exploration=exploration, municipality=municipality
        )
        membership.role, membership.note = role, note
        seed_save(membership, file=file, prefix=f"municipalities[{index}].", exclude=["exploration"])


def _sync_by_name(
    file: Path, exploration: Exploration, model, names: list[str], rows: list, key: str
) -> None:
    current = {}
    for obj in model.objects.filter(exploration=exploration):
        current.setdefault(getattr(obj, names[0]), obj)
    wanted = {row[0] for row in rows}
    for name, obj in current.items():
        if name not in wanted:
            _delete(obj)
    for index, row in enumerate(rows, start=1):
        obj = current.get(row[0]) or model(exploration=exploration)
        for name, value in zip(names, row, strict=True):
            setattr(obj, name, value)
        obj.order = index
        seed_save(obj, file=file, prefix=f"{key}[{index}].", exclude=["exploration"])


def _sync_experiences(file: Path, exploration: Exploration, rows: list) -> None:
    for experience in exploration.experience_links.all():
        _delete(experience)
    for index, (name, text, number, citation) in enumerate(rows, start=1):
        experience = Experience(
            exploration=exploration,
            name=name,
            text=text,
            case=_case(file, number, f"experiences[{index}].case"),
            citation=citation,
            order=index,
        )
        seed_save(experience, file=file, prefix=f"experiences[{index}].", exclude=["exploration"])
