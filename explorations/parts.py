"""The one list of an exploration's parts: adding a part to an exploration means adding it here.

Each part says how the history names it, which fields the seed fixture gives (its key there), and,
for the rows of the toetsingskader, the form prefix, the fields the framework editor saves and the
title of its formset (in the editor's order). The history, the seed loader, the framework editor
(its formsets, merge and service) and the roles read this list.
"""

from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext_lazy as _

from explorations.models import (
    Assignment,
    Experience,
    ExplorationMunicipality,
    FrameworkCriterion,
    Precondition,
    SimilarCaseDecision,
    Variant,
    VariantScore,
    WorkPoint,
)
from explorations.seed_records import SWOT


@dataclass(frozen=True)
class Part:
    """One kind of part of an exploration (a model with a foreign key `exploration`)."""

    model: type[models.Model]
    label: str
    seed_key: str = ""  # the fixture's list of these parts, synced by name; "" when loaded otherwise
    seed_fields: tuple[str, ...] = ()
    framework_prefix: str = ""  # a row of the toetsingskader, edited on the framework page
    framework_fields: tuple[str, ...] = ()
    framework_title: str = ""  # the heading of its formset on the framework page


VARIANT_SEED_FIELDS = ("name", "arrangement_type", "description", *SWOT, "needed", "reflection", "citation")

PARTS = [
    Part(ExplorationMunicipality, _("Gemeente")),
    Part(Assignment, _("Raadsopdracht"), "assignments", ("council", "text", "source", "citation")),
    Part(Experience, _("Ervaring elders")),
    Part(SimilarCaseDecision, _("Vergelijkbare casus")),
    Part(
        Precondition, _("Randvoorwaarde"), "preconditions", ("name", "judgement", "motivation"),
        "pre", ("name", "judgement", "motivation", "order"), _("Randvoorwaarden (stap 2)"),
    ),
    Part(
        FrameworkCriterion, _("Criterium"), "criteria", ("name", "explanation", "weight"),
        "crit", ("name", "explanation", "weight", "order"), _("Criteria (stap 3)"),
    ),
    Part(
        WorkPoint, _("Uit te werken punt"), "points", ("name", "elaboration"),
        "point", ("name", "elaboration", "order"), _("Uit te werken punten (stap 4)"),
    ),
    Part(Variant, _("Variant"), "variants", VARIANT_SEED_FIELDS),
]  # fmt: skip

SEEDED_PARTS = [part for part in PARTS if part.seed_key]
FRAMEWORK_PARTS = [part for part in PARTS if part.framework_prefix]  # in the editor's order
# Every model an advisor edits as part of an exploration (the roles grant them together).
PART_MODELS = [part.model for part in PARTS] + [VariantScore]
