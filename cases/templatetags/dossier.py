"""Template filters for dossiers."""

from django import template

from cases.dates import format_partial_date

register = template.Library()


@register.filter
def partial_date(value: str) -> str:
    """ "2013" → "2013", "2013-06" → "juni 2013", "2013-06-01" → "1 juni 2013"."""
    return format_partial_date(value or "")
