"""Writes to case dossiers. Every write is atomic, validated, versioned and recorded in history."""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.contrib.postgres.aggregates import StringAgg
from django.contrib.postgres.search import SearchVector
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, OuterRef, Subquery, TextField, Value
from django.db.models.functions import Coalesce, Concat
from django.utils.translation import gettext as _

from assessments.choices import Criterion
from assessments.models import Assessment
from cases.choices import ParticipationRole
from cases.models import CASE_EDITABLE_FIELDS, Case, Event, Participation

COOPERATING_ROLES = {ParticipationRole.PARTNER, ParticipationRole.HOST, ParticipationRole.JOINED_LATER}
PARTICIPATION_FIELDS = ["municipality", "role", "joined_on", "left_on", "note"]
EVENT_FIELDS = ["date", "kind", "description", "source", "citation"]
ASSESSMENT_FIELDS = ["assessed_on", "assessor", "note"] + [
    f"{criterion}_{part}" for criterion in Criterion.values for part in ("rating", "answer")
]


@dataclass
class StaleDossierError(Exception):
    """The dossier changed since the editor opened it; nothing was saved."""

    case: Case
    expected_version: int


def _spaced(expressions):
    for expression in expressions:
        yield expression
        yield Value(" ")


def case_search_refresh(*, case_ids: Iterable[int]) -> None:
    """Rebuild the Dutch full-text vector of the given cases, including their check answers."""
    answers = (
        Assessment.objects.filter(case=OuterRef("pk"))
        .values("case")
        .annotate(
            text=StringAgg(
                Concat(*_spaced(F(f"{c}_answer") for c in Criterion.values), output_field=TextField()),
                delimiter=" ",
            )
        )
        .values("text")
    )
    Case.objects.filter(pk__in=list(case_ids)).update(
        search_vector=SearchVector("title", weight="A", config="dutch")
        + SearchVector("organisation_name", weight="A", config="dutch")
        + SearchVector("summary", weight="B", config="dutch")
        + SearchVector(
            Coalesce(Subquery(answers), Value(""), output_field=TextField()), weight="B", config="dutch"
        )
        + SearchVector("narrative", "lessons", weight="C", config="dutch")
    )


def _save(instance, user: AbstractBaseUser | None, exclude: list[str] | None = None) -> None:
    instance.full_clean(exclude=exclude)
    instance._history_user = user
    instance.save()


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


def _lock_current(case_id: int, expected_version: int) -> Case:
    case = Case.objects.select_for_update().get(pk=case_id)
    if case.version != expected_version:
        raise StaleDossierError(case=case, expected_version=expected_version)
    return case


def _bump(case: Case, user: AbstractBaseUser | None) -> None:
    """Count a change to the dossier's checks as a new version (the row is locked)."""
    case.version += 1
    case._history_user = user
    case.save(update_fields=["version", "updated_at"])


def _replace_children(case: Case, user, model, rows: list[dict], fields: list[str]) -> None:
    """Make the case's participations or events exactly `rows` (each may carry an `id`)."""
    existing = {obj.pk: obj for obj in model.objects.filter(case=case)}
    keep = {row["id"] for row in rows if row.get("id") in existing}
    for pk, obj in existing.items():
        if pk not in keep:
            obj._history_user = user
            obj.delete()
    for row in rows:
        obj = existing.get(row.get("id")) or model(case=case)
        changed = obj.pk is None or any(getattr(obj, name) != row[name] for name in fields)
        if changed:
            for name in fields:
                setattr(obj, name, row[name])
            _save(obj, user)


@transaction.atomic
def case_create(*, user: AbstractBaseUser, data: dict, participants: list[dict], events: list[dict]) -> Case:
    """Create a case dossier with its participants and events."""
    _validate_participants(participants)
    return _write_dossier(Case(), user, data, participants, events)


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
    """Save an edited dossier, unless someone else saved it since `expected_version`."""
    _validate_participants(participants)
    case = _lock_current(case_id, expected_version)
    case.version = expected_version + 1
    return _write_dossier(case, user, data, participants, events)


def _write_dossier(case: Case, user, data: dict, participants: list[dict], events: list[dict]) -> Case:
    for name in CASE_EDITABLE_FIELDS:
        setattr(case, name, data[name])
    _save(case, user)
    _replace_children(case, user, Participation, participants, PARTICIPATION_FIELDS)
    _replace_children(case, user, Event, events, EVENT_FIELDS)
    case_search_refresh(case_ids=[case.pk])
    return case


@transaction.atomic
def assessment_create(
    *, case_id: int, user: AbstractBaseUser, expected_version: int, data: dict
) -> Assessment:
    """Record a new five-point check; it becomes the current one."""
    case = _lock_current(case_id, expected_version)
    assessment = Assessment(case=case, **{name: data[name] for name in ASSESSMENT_FIELDS})
    _save(assessment, user)
    _bump(case, user)
    case_search_refresh(case_ids=[case.pk])
    return assessment


@transaction.atomic
def assessment_update(
    *, assessment_id: int, user: AbstractBaseUser, expected_version: int, data: dict
) -> Assessment:
    """Correct an existing five-point check, unless the dossier changed in the meantime."""
    assessment = Assessment.objects.select_related("case").get(pk=assessment_id)
    case = _lock_current(assessment.case_id, expected_version)
    for name in ASSESSMENT_FIELDS:
        setattr(assessment, name, data[name])
    _save(assessment, user)
    _bump(case, user)
    case_search_refresh(case_ids=[case.pk])
    return assessment
