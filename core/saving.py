"""The one way a record is written: texts normalised, validated with full_clean(), saved with its author.

Every write goes through `instance_save`: the services of every app and the seed loaders, so a
save that changes nothing but line endings or trailing blanks records nothing in the history.

A model's check constraints are checked by PostgreSQL as the row is written, not beforehand by
`full_clean()`, which runs one query per constraint (half of the seed loader's time went there).
A row PostgreSQL refuses comes back as the ValidationError `full_clean()` would have raised, with
the constraint's message, and nothing is written.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, router, transaction

from core.text import instance_texts_normalise


def instance_save(
    instance: models.Model,
    *,
    user: AbstractBaseUser | None = None,
    exclude: list[str] | None = None,
    reason: str = "",
) -> None:
    """Normalise the instance's texts, full_clean() it and save it; `user` and `reason` go to its history."""
    using = router.db_for_write(type(instance), instance=instance)
    instance_texts_normalise(instance)
    instance.full_clean(exclude=exclude, validate_constraints=False)
    _constraints_but_checks_validate(instance, exclude=exclude, using=using)
    instance._history_user = user
    if reason:
        instance._change_reason = reason
    _save_or_refuse(instance, using=using)


def _constraints_but_checks_validate(
    instance: models.Model, *, exclude: list[str] | None, using: str
) -> None:
    """Django's Model.validate_constraints() without the check constraints, which PostgreSQL checks
    on save (Django's method has no way to leave some out)."""
    errors: dict = {}
    for model, constraints in instance.get_constraints():
        for constraint in constraints:
            if isinstance(constraint, models.CheckConstraint):
                continue
            try:
                constraint.validate(model, instance, exclude=exclude, using=using)
            except ValidationError as error:
                if getattr(error, "code", None) == "unique" and len(constraint.fields) == 1:
                    errors.setdefault(constraint.fields[0], []).append(error)
                else:
                    errors = error.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)


def _save_or_refuse(instance: models.Model, *, using: str) -> None:
    """Save in a savepoint; a check constraint's refusal becomes the ValidationError full_clean() gives."""
    try:
        with transaction.atomic(using=using):
            instance.save()
    except IntegrityError as error:
        constraint = _check_constraint_named(instance, _violated_constraint_name(error))
        if constraint is None:
            raise
        message, code = constraint.get_violation_error_message(), constraint.violation_error_code
        refusal = ValidationError(message, code=code)
        raise ValidationError({NON_FIELD_ERRORS: [refusal]}) from error


def _violated_constraint_name(error: IntegrityError) -> str | None:
    diagnostics = getattr(error.__cause__, "diag", None)
    return getattr(diagnostics, "constraint_name", None)


def _check_constraint_named(instance: models.Model, name: str | None) -> models.CheckConstraint | None:
    for _model, constraints in instance.get_constraints():
        for constraint in constraints:
            if isinstance(constraint, models.CheckConstraint) and constraint.name == name:
                return constraint
    return None
