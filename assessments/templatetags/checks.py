"""Template filters for five-point checks: rating symbols and labels, the traffic light."""

from django import template

from assessments.choices import Criterion, Rating

register = template.Library()

SYMBOLS = {
    Rating.YES: "✓",
    Rating.YES_WITH_RESERVATIONS: "✓?",
    Rating.LIMITED: "~",
    Rating.NO: "✗",
    Rating.UNKNOWN: "?",
    Rating.NOT_APPLICABLE: "–",
}


@register.filter
def rating_symbol(rating: str) -> str:
    return SYMBOLS.get(rating, "")


@register.filter
def rating_label(rating: str) -> str:
    return Rating(rating).label if rating in Rating.values else ""


@register.simple_tag
def current_ratings(case) -> list[dict]:
    """The five criteria of a case annotated with_current_ratings(), for the traffic light."""
    return [
        {"label": criterion.label, "rating": getattr(case, f"current_{criterion.value}", None) or ""}
        for criterion in Criterion
    ]
