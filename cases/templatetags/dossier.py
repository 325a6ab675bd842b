"""Template filters for dossiers."""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe

from core.dates import format_partial_date, format_period

register = template.Library()
REQUIRED_MARK = mark_safe(' <span class="required" aria-hidden="true">*</span>')  # a constant


@register.filter
def partial_date(value: str) -> str:
    """ "2013" → "2013", "2013-06" → "juni 2013", "2013-06-01" → "1 juni 2013"."""
    return format_partial_date(value or "")


@register.filter
def period(record) -> str:
    """A case's or an exploration's period, the one way (core.dates.format_period)."""
    return format_period(record.start_date, record.end_date)


@register.simple_tag
def filter_field(field) -> str:
    """One labelled filter field, the markup of includes/field.html built in Python: a list page
    renders a dozen of them on every request, which as template includes cost more than its rows."""
    help_html = (
        format_html('<p class="help" id="{}_helptext">{}</p>', field.auto_id, field.help_text)
        if field.help_text
        else ""
    )
    errors = (
        format_html(
            '<ul class="errorlist" id="{}_error">{}</ul>',
            field.auto_id,
            format_html_join("", "<li>{}</li>", ((error,) for error in field.errors)),
        )
        if field.errors
        else ""
    )
    required = (
        mark_safe(' <span class="required" aria-hidden="true">*</span>') if field.field.required else ""
    )
    return format_html(
        '<div class="field{}">\n  <label for="{}">{}{}</label>\n  {}{}{}\n</div>',
        " field--error" if field.errors else "",
        field.id_for_label,
        field.label,
        required,
        help_html,
        errors,
        field.as_widget(),
    )


@register.simple_tag
def column_cell(column, case) -> str:
    """The cell of a column a higher app added to the case list (cases.hooks.ListColumn)."""
    return column.render(case)
