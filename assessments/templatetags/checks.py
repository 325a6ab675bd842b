"""Template filters for five-point checks: rating symbols and labels, the traffic light."""

from django import template
from django.utils.html import format_html, format_html_join

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


@register.simple_tag
def traffic_light(case, label: str) -> str:
    """The five lights of a case's current check, built in Python: one per list row, so much cheaper
    than a template include. The same markup as includes/traffic_light.html."""
    rows = []
    for item in current_ratings(case):
        rating = item["rating"]
        text = f"{item['label']}: {rating_label(rating) or '—'}"
        rows.append((rating or "none", text, rating_symbol(rating) or "·", text))
    lights = format_html_join(
        "",
        '<li class="light light--{}" title="{}"><span aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span></li>',
        rows,
    )
    return format_html('<ul class="lights" aria-label="{}">{}</ul>', label, lights)
