"""Writes of five-point checks. Each is atomic, validated, counted as a new dossier version."""

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from assessments.choices import Criterion
from assessments.models import Assessment, CurrentCheck
from cases.services import case_lock_current, case_search_refresh, case_version_bump
from core.saving import instance_save
from core.text import instance_values_assign

ASSESSMENT_FIELDS = ["assessed_on", "assessor", "note"] + [
    f"{criterion}_{part}" for criterion in Criterion.values for part in ("rating", "answer")
]
RATING_FIELDS = [f"{criterion}_rating" for criterion in Criterion.values]


@transaction.atomic
def current_check_refresh(*, case_ids: Iterable[int] | None = None) -> None:
    """Mirror the latest check of the given cases (all cases when None) into CurrentCheck."""
    checks = Assessment.objects.all()
    stale = CurrentCheck.objects.all()
    if case_ids is not None:
        case_ids = list(case_ids)
        checks = checks.filter(case_id__in=case_ids)
        stale = stale.filter(case_id__in=case_ids)
    current = list(checks.current().only("id", "case_id", "assessed_on", *RATING_FIELDS))
    stale.exclude(case_id__in=[a.case_id for a in current]).delete()
    CurrentCheck.objects.bulk_create(
        [
            CurrentCheck(
                case_id=a.case_id,
                assessment_id=a.pk,
                assessed_on=a.assessed_on,
                **{name: getattr(a, name) for name in RATING_FIELDS},
            )
            for a in current
        ],
        update_conflicts=True,
        unique_fields=["case"],
        update_fields=["assessment", "assessed_on", *RATING_FIELDS],
        batch_size=1000,
    )


@transaction.atomic
def assessment_create(
    *, case_id: int, user: AbstractBaseUser, expected_version: int, data: dict
) -> Assessment:
    """Record a new five-point check; it becomes the current one."""
    case = case_lock_current(case_id=case_id, expected_version=expected_version)
    case_version_bump(case=case, user=user)  # first, so that the history of this version starts here
    assessment = Assessment(case=case, **{name: data[name] for name in ASSESSMENT_FIELDS})
    instance_save(assessment, user=user)
    current_check_refresh(case_ids=[case.pk])
    case_search_refresh(case_ids=[case.pk])
    return assessment


@transaction.atomic
def assessment_update(
    *, assessment_id: int, user: AbstractBaseUser, expected_version: int, data: dict
) -> Assessment:
    """Correct an existing five-point check, unless the dossier changed in the meantime.

    A correction that changes nothing writes nothing (no new dossier version)."""
    assessment = Assessment.objects.select_related("case").get(pk=assessment_id)
    case = case_lock_current(case_id=assessment.case_id, expected_version=expected_version)
    if not instance_values_assign(assessment, {name: data[name] for name in ASSESSMENT_FIELDS}):
        return assessment
    case_version_bump(case=case, user=user)
    instance_save(assessment, user=user)
    current_check_refresh(case_ids=[case.pk])
    case_search_refresh(case_ids=[case.pk])
    return assessment
