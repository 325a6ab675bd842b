"""Template filters of the core's conflict screen (templates/core/includes/merge_choices.html)."""

from django import template
from django.utils.html import format_html, format_html_join

from core.text import word_diff_marks

register = template.Library()


@register.filter
def marked_against(value, other) -> str:
    """A version of a text in full, what it has that `other` lacks in <mark> (conflict screens)."""
    runs = word_diff_marks("" if other is None else str(other), "" if value is None else str(value))
    return format_html_join(
        "", "{}", ((format_html("<mark>{}</mark>", text) if differs else text,) for differs, text in runs)
    )
