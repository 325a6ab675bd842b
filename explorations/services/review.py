"""Writes of the comparison: the matrix, the five-point checks and the similar-case pins."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from assessments.choices import Criterion
from assessments.models import Assessment
from core.saving import instance_save
from core.text import instance_values_assign, text_normalise
from core.versioning import version_bump
from explorations.choices import PinDecision
from explorations.models import FrameworkCriterion, SimilarCaseDecision, Variant, VariantScore
from explorations.services.exploration import lock_current

CHECK_FIELDS = ["assessed_on", "assessor", "note"] + [
    f"{criterion}_{part}" for criterion in Criterion.values for part in ("rating", "answer")
]


@transaction.atomic
def matrix_update(
    *, exploration_id: int, user: AbstractBaseUser, expected_version: int, cells: dict[tuple[int, int], dict]
) -> None:
    """Save the cells of the matrix: {(variant_id, criterion_id): {"score": ..., "motivation": ...}}.

    Only changed cells are written; a cell back at "niet beoordeeld" without motivation is removed.
    """
    exploration = lock_current(exploration_id, expected_version)
    variant_ids = set(Variant.objects.filter(exploration=exploration).values_list("pk", flat=True))
    criterion_ids = set(
        FrameworkCriterion.objects.filter(exploration=exploration).values_list("pk", flat=True)
    )
    existing = {
        (s.variant_id, s.criterion_id): s for s in VariantScore.objects.filter(variant_id__in=variant_ids)
    }
    deletes, saves = [], []
    for (variant_id, criterion_id), value in cells.items():
        if variant_id not in variant_ids or criterion_id not in criterion_ids:
            continue
        cell = existing.get((variant_id, criterion_id))
        empty = not value["score"] and not text_normalise(value["motivation"])
        if cell is not None and empty:
            deletes.append(cell)
        elif not empty:
            cell = cell or VariantScore(variant_id=variant_id, criterion_id=criterion_id)
            changed = instance_values_assign(cell, {name: value[name] for name in ("score", "motivation")})
            if cell.pk is None or changed:
                saves.append(cell)
    if not deletes and not saves:
        return  # nothing changed: no new version
    version_bump(instance=exploration, user=user)  # first: the cells' history falls inside its version
    for cell in deletes:
        cell._history_user = user
        cell.delete()
    for cell in saves:
        instance_save(cell, user=user)


@transaction.atomic
def exploration_assessment_create(
    *, exploration_id: int, user: AbstractBaseUser, expected_version: int, data: dict
) -> Assessment:
    """Record Korsten's five-point check for the partnership; the newest is the current one."""
    exploration = lock_current(exploration_id, expected_version)
    version_bump(instance=exploration, user=user)
    assessment = Assessment(exploration=exploration, **{name: data[name] for name in CHECK_FIELDS})
    instance_save(assessment, user=user)
    return assessment


@transaction.atomic
def similar_case_decide(
    *, exploration_id: int, case_id: int, user: AbstractBaseUser, decision: str, note: str = ""
) -> SimilarCaseDecision | None:
    """Pin or dismiss a suggested similar case; decision "" takes the advisor's earlier choice back."""
    current = SimilarCaseDecision.objects.filter(exploration_id=exploration_id, case_id=case_id).first()
    if not decision:
        if current is not None:
            current._history_user = user
            current.delete()
        return None
    current = current or SimilarCaseDecision(exploration_id=exploration_id, case_id=case_id)
    changed = instance_values_assign(current, {"decision": PinDecision(decision), "note": note})
    if current.pk is None or changed:
        instance_save(current, user=user)
    return current


@transaction.atomic
def exploration_assessment_update(
    *, exploration_id: int, assessment_id: int, user: AbstractBaseUser, expected_version: int, data: dict
) -> Assessment:
    """Correct one of the exploration's five-point checks, unless the exploration changed meanwhile."""
    exploration = lock_current(exploration_id, expected_version)
    assessment = Assessment.objects.get(pk=assessment_id, exploration=exploration)
    if not instance_values_assign(assessment, {name: data[name] for name in CHECK_FIELDS}):
        return assessment  # nothing changed: no new version
    version_bump(instance=exploration, user=user)  # first: the check's history falls inside its version
    instance_save(assessment, user=user)
    return assessment
