"""Writes of five-point checks. Each is atomic, validated, counted as a new dossier version."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from assessments.choices import Criterion
from assessments.models import Assessment
from cases.services import case_lock_current, case_search_refresh, case_version_bump, validated_save

ASSESSMENT_FIELDS = ["assessed_on", "assessor", "note"] + [
    f"{criterion}_{part}" for criterion in Criterion.values for part in ("rating", "answer")
]


@transaction.atomic
def assessment_create(
    *, case_id: int, user: AbstractBaseUser, expected_version: int, data: dict
) -> Assessment:
    """Record a new five-point check; it becomes the current one."""
    case = case_lock_current(case_id=case_id, expected_version=expected_version)
    case_version_bump(case=case, user=user)  # first, so that the history of this version starts here
    assessment = Assessment(case=case, **{name: data[name] for name in ASSESSMENT_FIELDS})
    validated_save(assessment, user)
    case_search_refresh(case_ids=[case.pk])
    return assessment


@transaction.atomic
def assessment_update(
    *, assessment_id: int, user: AbstractBaseUser, expected_version: int, data: dict
) -> Assessment:
    """Correct an existing five-point check, unless the dossier changed in the meantime."""
    assessment = Assessment.objects.select_related("case").get(pk=assessment_id)
    case = case_lock_current(case_id=assessment.case_id, expected_version=expected_version)
    case_version_bump(case=case, user=user)
    for name in ASSESSMENT_FIELDS:
        setattr(assessment, name, data[name])
    validated_save(assessment, user)
    case_search_refresh(case_ids=[case.pk])
    return assessment
