"""The models of explorations: the exploration itself and its toetsingskader (framework)."""

from explorations.models.exploration import (
    EXPLORATION_EDITABLE_FIELDS,
    SECTION_FIELDS,
    Assignment,
    Experience,
    Exploration,
    ExplorationMunicipality,
    SimilarCaseDecision,
)
from explorations.models.framework import (
    FrameworkCriterion,
    FrameworkTemplate,
    FrameworkTemplateItem,
    Precondition,
    Variant,
    VariantScore,
    WorkPoint,
)

__all__ = [
    "EXPLORATION_EDITABLE_FIELDS",
    "SECTION_FIELDS",
    "Assignment",
    "Experience",
    "Exploration",
    "ExplorationMunicipality",
    "FrameworkCriterion",
    "FrameworkTemplate",
    "FrameworkTemplateItem",
    "Precondition",
    "SimilarCaseDecision",
    "Variant",
    "VariantScore",
    "WorkPoint",
]
