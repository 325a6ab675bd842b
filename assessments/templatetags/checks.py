"""Template filters for five-point checks: rating symbols and labels, the traffic light."""

from functools import lru_cache

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

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
    """The five criteria of a case annotated with_list_annotations(), for the traffic light."""
    return [
        {"label": criterion.label, "rating": getattr(case, f"current_{criterion.value}", None) or ""}
        for criterion in Criterion
    ]


@lru_cache(maxsize=256)
def _light(language: str, criterion: str, rating: str) -> str:
    """The <li> of one criterion's rating; the same few dozen per language, so built once."""
    text = f"{Criterion(criterion).label}: {rating_label(rating) or '—'}"
    return format_html(
        '<li class="light light--{}" title="{}"><span aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span></li>',
        rating or "none",
        text,
        rating_symbol(rating) or "·",
        text,
    )


@register.simple_tag
def traffic_light(case, label: str = "") -> str:
    """The five lights of a case's current check, built in Python: one per list row, so much cheaper
    than a template include. The same markup as assessments/includes/traffic_light.html."""
    language = get_language()
    label = label or gettext("Vijfpuntscheck van %(title)s") % {"title": case.title}
    lights = "".join(
        _light(language, criterion, getattr(case, f"current_{criterion}", None) or "")
        for criterion in Criterion.values
    )
    # Safe: every <li> came from format_html() in _light().
    return format_html('<ul class="lights" aria-label="{}">{}</ul>', label, mark_safe(lights))
