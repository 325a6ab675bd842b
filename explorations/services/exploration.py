"""Writes to explorations. Every write is atomic, validated, versioned and recorded in history.

Every edit names the exploration version the editor started from; the row is locked and a
StaleExplorationError is raised when someone saved in between (see merge.py for what follows).
"""

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.saving import instance_save
from core.text import instance_values_assign
from core.versioning import StaleVersionError, version_bump, version_lock
from explorations.choices import ExplorationRole, TemplateItemKind
from explorations.models import (
    EXPLORATION_EDITABLE_FIELDS,
    Exploration,
    ExplorationMunicipality,
    FrameworkCriterion,
    FrameworkTemplate,
    Precondition,
    Variant,
    WorkPoint,
)
from explorations.parts import FRAMEWORK_PARTS

VARIANT_FIELDS = [
    "name", "description", "arrangement_type", "strengths", "weaknesses", "opportunities", "threats",
    "needed", "reflection", "failed_precondition", "order",
]  # fmt: skip


class StaleExplorationError(StaleVersionError):
    """The exploration changed since the editor opened it; nothing was saved."""

    @property
    def exploration(self) -> Exploration:
        return self.instance


def assign(instance, name: str, value) -> None:
    """Set a field; a foreign key may come as an instance or (from a merge) as an id or None."""
    model_field = instance._meta.get_field(name)
    if model_field.is_relation and not hasattr(value, "_meta"):
        setattr(instance, model_field.attname, value or None)
    else:
        setattr(instance, name, value)


def lock_current(exploration_id: int, expected_version: int) -> Exploration:
    """Lock the exploration row; raise StaleExplorationError if it is no longer `expected_version`."""
    return version_lock(
        Exploration, pk=exploration_id, expected_version=expected_version, error=StaleExplorationError
    )


def unique_slug(title: str) -> str:
    base = slugify(title)[:90] or "verkenning"
    slug, n = base, 2
    while Exploration.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def exploration_create(
    *,
    user: AbstractBaseUser,
    data: dict,
    partners: list,
    considered: list,
    template: FrameworkTemplate | None,
    with_variants: bool,
) -> Exploration:
    """Start an exploration for `partners` (at least two), its toetsingskader copied from `template`."""
    if len(partners) < 2:
        raise ValidationError(_("Een verkenning heeft minstens twee verkennende gemeenten."), code="too_few")
    overlap = {m.pk for m in partners} & {m.pk for m in considered}
    if overlap:
        raise ValidationError(_("Een gemeente is partner of mogelijke latere partner, niet allebei."))
    exploration = Exploration(slug=unique_slug(data["title"]))
    for name in EXPLORATION_EDITABLE_FIELDS:
        if name in data:
            setattr(exploration, name, data[name])
    instance_save(exploration, user=user)
    for role, municipalities in (
        (ExplorationRole.PARTNER, partners),
        (ExplorationRole.CONSIDERED, considered),
    ):
        for municipality in municipalities:
            instance_save(
                ExplorationMunicipality(exploration=exploration, municipality=municipality, role=role),
                user=user,
            )
    if template is not None:
        _copy_template(exploration, template, user, with_variants)
    return exploration


def _copy_template(exploration: Exploration, template: FrameworkTemplate, user, with_variants: bool) -> None:
    makers = {
        TemplateItemKind.PRECONDITION: lambda item: Precondition(name=item.name, motivation=item.explanation),
        TemplateItemKind.CRITERION: lambda item: FrameworkCriterion(
            name=item.name, explanation=item.explanation
        ),
        TemplateItemKind.POINT: lambda item: WorkPoint(name=item.name, elaboration=item.explanation),
        TemplateItemKind.VARIANT: lambda item: Variant(name=item.name, description=item.explanation),
    }
    for item in template.items.order_by("kind", "order", "id"):
        if item.kind == TemplateItemKind.VARIANT and not with_variants:
            continue
        part = makers[item.kind](item)
        part.exploration = exploration
        part.order = item.order
        instance_save(part, user=user)


@transaction.atomic
def exploration_update(
    *, exploration_id: int, user: AbstractBaseUser, expected_version: int, data: dict
) -> Exploration:
    """Save the exploration's own fields and sections, unless someone saved since `expected_version`."""
    exploration = lock_current(exploration_id, expected_version)
    values = {name: data[name] for name in EXPLORATION_EDITABLE_FIELDS}
    if not instance_values_assign(exploration, values, setter=assign):
        return exploration  # nothing changed: no new version, no history line
    exploration.version = expected_version + 1
    instance_save(exploration, user=user)
    return exploration


@transaction.atomic
def framework_update(
    *,
    exploration_id: int,
    user: AbstractBaseUser,
    expected_version: int,
    rows: dict[str, list[dict]],
) -> Exploration:
    """Make the toetsingskader exactly these rows (each may carry the `id` of an existing row).

    `rows` has the rows of every part of the toetsingskader (explorations.parts.FRAMEWORK_PARTS)
    under its form prefix."""
    exploration = lock_current(exploration_id, expected_version)
    if set(rows) != {part.framework_prefix for part in FRAMEWORK_PARTS}:
        raise ValueError(f"Rows for {sorted(rows)}, not for every part of the toetsingskader")
    plans = [
        _plan(exploration, part.model, rows[part.framework_prefix], list(part.framework_fields))
        for part in FRAMEWORK_PARTS
    ]
    if not any(deletes or saves for deletes, saves in plans):
        return exploration  # nothing changed: no new version
    version_bump(instance=exploration, user=user)  # first: the parts' history falls inside its version
    for deletes, saves in plans:
        for obj in deletes:
            obj._history_user = user
            obj.delete()
        for obj in saves:
            instance_save(obj, user=user)
    return exploration


def _plan(exploration: Exploration, model, rows: list[dict], fields: list[str]) -> tuple[list, list]:
    """The rows to delete and the (changed, unsaved) rows to save to make the parts exactly `rows`."""
    existing = {obj.pk: obj for obj in model.objects.filter(exploration=exploration)}
    keep = {row.get("id") for row in rows}
    deletes = [obj for pk, obj in existing.items() if pk not in keep]
    saves = []
    for row in rows:
        obj = existing.get(row.get("id")) or model(exploration=exploration)
        changed = instance_values_assign(obj, {name: row[name] for name in fields})
        if obj.pk is None or changed:
            saves.append(obj)
    return deletes, saves


@transaction.atomic
def variant_save(
    *, exploration_id: int, user: AbstractBaseUser, expected_version: int, variant_id: int | None, data: dict
) -> Variant:
    """Create a variant or save an edited one (SWOT as lists of lines)."""
    exploration = lock_current(exploration_id, expected_version)
    variant = Variant(exploration=exploration)
    if variant_id is not None:
        variant = Variant.objects.get(pk=variant_id, exploration=exploration)
    changed = instance_values_assign(variant, {name: data[name] for name in VARIANT_FIELDS}, setter=assign)
    if variant.pk is not None and not changed:
        return variant  # nothing changed: no new version
    if (
        variant.failed_precondition_id
        and not exploration.preconditions.filter(pk=variant.failed_precondition_id).exists()
    ):
        raise ValidationError(_("Die randvoorwaarde hoort niet bij deze verkenning."))
    version_bump(
        instance=exploration, user=user
    )  # first, so that a part's history falls inside its version (merge.py)
    instance_save(variant, user=user)
    return variant


@transaction.atomic
def variant_delete(
    *, exploration_id: int, user: AbstractBaseUser, expected_version: int, variant_id: int
) -> None:
    """Remove a variant and its scores from the comparison."""
    exploration = lock_current(exploration_id, expected_version)
    variant = Variant.objects.get(pk=variant_id, exploration=exploration)
    version_bump(instance=exploration, user=user)
    for score in variant.scores.all():
        score._history_user = user
        score.delete()
    variant._history_user = user
    variant.delete()
