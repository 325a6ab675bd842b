"""The "compare with…" chooser of a dossier page."""

from django import template

from assessments.compare import case_choices

register = template.Library()


@register.simple_tag
def compare_choices(case) -> list[tuple[str, str]]:
    """(slug, label) of every other case (one query)."""
    return [(slug, label) for slug, label in case_choices() if slug != case.slug]
