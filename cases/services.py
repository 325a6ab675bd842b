"""Writes to case dossiers. Every write is atomic, validated, versioned and recorded in history."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from cases.choices import FULL_PARTNER_ROLES
from cases.models import CASE_EDITABLE_FIELDS, Case, Event, Municipality, Participation
from cases.search import registered_search_text
from core.saving import instance_save
from core.text import instance_values_assign, text_as_meant, text_normalise
from core.versioning import StaleVersionError, version_bump, version_lock

COOPERATING_ROLES = FULL_PARTNER_ROLES
PARTICIPATION_FIELDS = ["municipality", "role", "joined_on", "left_on", "note"]
EVENT_FIELDS = ["date", "kind", "description", "source", "citation"]


class StaleDossierError(StaleVersionError):
    """The dossier changed since the editor opened it; nothing was saved."""

    @property
    def case(self) -> Case:
        return self.instance


def case_search_refresh(*, case_ids: Iterable[int]) -> None:
    """Rebuild the Dutch full-text vectors of the given cases (search: all texts, including those higher
    apps registered such as the check answers; rank: title, organisation, summary)."""
    Case.objects.filter(pk__in=list(case_ids)).update(
        search_vector=SearchVector("title", weight="A", config="dutch")
        + SearchVector("organisation_name", weight="A", config="dutch")
        + SearchVector("summary", weight="B", config="dutch")
        + SearchVector(registered_search_text(), weight="B", config="dutch")
        + SearchVector("narrative", "lessons", weight="C", config="dutch"),
        rank_vector=SearchVector("title", weight="A", config="dutch")
        + SearchVector("organisation_name", weight="A", config="dutch")
        + SearchVector("summary", weight="B", config="dutch"),
    )


def _validate_participants(participants: list[dict]) -> None:
    municipalities = [row["municipality"] for row in participants]
    duplicates = sorted({m.name for m in municipalities if municipalities.count(m) > 1})
    if duplicates:
        raise ValidationError(
            _("Een gemeente kan maar één keer meedoen: %(names)s staat er dubbel in.")
            % {"names": ", ".join(duplicates)},
            code="duplicate_municipality",
        )
    cooperating = [row for row in participants if row["role"] in COOPERATING_ROLES]
    if len(cooperating) < 2:
        raise ValidationError(
            _(
                "Een casus heeft minstens twee samenwerkende gemeenten "
                "(partner, gastheer of later aangesloten)."
            ),
            code="too_few_partners",
        )


def case_lock_current(*, case_id: int, expected_version: int) -> Case:
    """Lock the case row; raise StaleDossierError when it is no longer at `expected_version`."""
    return version_lock(Case, pk=case_id, expected_version=expected_version, error=StaleDossierError)


def case_version_bump(*, case: Case, user: AbstractBaseUser | None) -> None:
    """Count a change to the dossier's checks as a new version (the row is locked)."""
    version_bump(instance=case, user=user)


def _normalised(values: dict) -> dict:
    return {
        name: text_normalise(value) if isinstance(value, str) else value for name, value in values.items()
    }


def _children_plan(case: Case, model, rows: list[dict], fields: list[str]) -> tuple[list, list[tuple]]:
    """What makes the case's participations or events exactly `rows` (each may carry an `id`):
    the rows to delete and (row object, values) to save; both empty when nothing would change."""
    rows = [_normalised(row) for row in rows]
    existing = {obj.pk: obj for obj in model.objects.filter(case=case)} if case.pk else {}
    keep = {row["id"] for row in rows if row.get("id") in existing}
    deletes = [obj for pk, obj in existing.items() if pk not in keep]
    saves = []
    for row in rows:
        obj = existing.get(row.get("id")) or model(case=case)
        if obj.pk is None or any(text_as_meant(getattr(obj, name)) != row[name] for name in fields):
            saves.append((obj, row))
    return deletes, saves


def _children_apply(user, plan: tuple[list, list[tuple]], fields: list[str]) -> None:
    deletes, saves = plan
    for obj in deletes:
        obj._history_user = user
        obj.delete()
    for obj, row in saves:
        for name in fields:
            setattr(obj, name, row[name])
        instance_save(obj, user=user)


def _fields_assign(case: Case, data: dict) -> bool:
    """Put the edited values on the case, texts normalised; True when any differs from before."""
    return instance_values_assign(case, {name: data[name] for name in CASE_EDITABLE_FIELDS})


@transaction.atomic
def case_create(*, user: AbstractBaseUser, data: dict, participants: list[dict], events: list[dict]) -> Case:
    """Create a case dossier with its participants and events; an empty slug is made from the title."""
    _validate_participants(participants)
    data = dict(data)
    if not data.get("slug"):
        data["slug"] = case_slug_propose(title=data.get("title") or "")
    return _write_dossier(Case(), user, data, participants, events)


def case_slug_propose(*, title: str) -> str:
    """A free slug made from the title: `title`, else `title-2`, `title-3`, ..."""
    base = slugify(title)[:90] or "casus"
    taken = set(Case.objects.filter(slug__startswith=base).values_list("slug", flat=True))
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}-{number}"
    return candidate


@transaction.atomic
def case_update(
    *,
    case_id: int,
    user: AbstractBaseUser,
    expected_version: int,
    data: dict,
    participants: list[dict],
    events: list[dict],
) -> Case:
    """Save an edited dossier, unless someone else saved it since `expected_version`.

    A save that changes nothing writes nothing: no new version, no history line."""
    _validate_participants(participants)
    case = case_lock_current(case_id=case_id, expected_version=expected_version)
    fields_changed = _fields_assign(case, data)
    plans = [
        _children_plan(case, Participation, participants, PARTICIPATION_FIELDS),
        _children_plan(case, Event, events, EVENT_FIELDS),
    ]
    if not fields_changed and not any(deletes or saves for deletes, saves in plans):
        case.refresh_from_db()
        return case
    case.version = expected_version + 1
    return _write_dossier(case, user, data, participants, events)


def _write_dossier(case: Case, user, data: dict, participants: list[dict], events: list[dict]) -> Case:
    _fields_assign(case, data)
    try:
        with transaction.atomic():
            instance_save(case, user=user)
    except IntegrityError as error:
        # Two saves with the same slug at once: full_clean() passed for both, the database refused one.
        if "slug" not in str(error):
            raise
        raise ValidationError(
            {"slug": _("Dit webadres is intussen al in gebruik voor een andere casus; kies een ander.")},
            code="slug_taken",
        ) from None
    for model, rows, fields in (
        (Participation, participants, PARTICIPATION_FIELDS),
        (Event, events, EVENT_FIELDS),
    ):
        _children_apply(user, _children_plan(case, model, rows, fields), fields)
    case_search_refresh(case_ids=[case.pk])
    return case


@transaction.atomic
def municipality_create(*, user: AbstractBaseUser, data: dict) -> Municipality:
    """Add a municipality (for instance from the dossier editor); its slug is made from the name."""
    municipality = Municipality(**data)
    if not municipality.slug:
        municipality.slug = slugify(municipality.name)[:100]
    instance_save(municipality, user=user)
    return municipality


@transaction.atomic
def case_touch(*, case_id: int, user: AbstractBaseUser | None) -> Case:
    """Lock the case and count a change to it (made by the caller, in the same transaction) as a version."""
    case = Case.objects.select_for_update().get(pk=case_id)
    case_version_bump(case=case, user=user)
    return case
