"""Everything the exploration page and its council PDF show, read in a fixed number of queries."""

from django.db.models import Prefetch

from assessments.analysis import SMALL_N
from assessments.current import checks_of, current_check, with_checks
from explorations.matrix import matrix_build
from explorations.models import Exploration, Variant, VariantScore
from explorations.similarity import check_comparison, similar_cases


def exploration_for_page():
    """The exploration queryset with every part the page and the PDF show."""
    queryset = (
        Exploration.objects.with_municipalities()
        .select_related("case")
        .prefetch_related(
            "assignments",
            "preconditions",
            "criteria",
            "work_points",
            Prefetch("variants", queryset=Variant.objects.select_related("failed_precondition")),
            Prefetch("experience_links__case"),
            "case_decisions",
        )
    )
    return with_checks(queryset)


def exploration_context(exploration: Exploration) -> dict:
    """The parts of an exploration, its matrix, its checks compared with cases, and similar cases."""
    variants = list(exploration.variants.all())
    criteria = list(exploration.criteria.all())
    scores = list(VariantScore.objects.filter(variant__exploration=exploration))
    checks = checks_of(exploration)
    current = current_check(exploration)
    memberships = list(exploration.memberships.all())
    comparison = check_comparison(current)
    return {
        "exploration": exploration,
        "partners": [m for m in memberships if m.role == "partner"],
        "considered": [m for m in memberships if m.role != "partner"],
        "variants": variants,
        "worked_out": [v for v in variants if v.worked_out],
        "not_worked_out": [v for v in variants if not v.worked_out],
        "matrix": matrix_build(variants, criteria, scores),
        "checks": checks,
        "current_check": current,
        "comparison": comparison,
        "comparison_small": any(row["small"] for row in comparison),
        "small_n": SMALL_N,
        "similar": similar_cases(exploration),
    }
