"""Filter-form widgets rendered in Python: the same HTML as Django's, without a template per option.

A list page renders a dozen filters on every request; Django's template-based widgets made that
about a third of the page's time.
"""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join

SELECTED = {True: " selected", False: ""}


class PythonSelect(forms.Select):
    """A single <select> without option groups."""

    def render(self, name, value, attrs=None, renderer=None):
        chosen = {str(item) for item in self.format_value(value)}
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            ((key, SELECTED[str(key) in chosen], label) for key, label in self.choices),
        )
        return format_html(
            '<select name="{}"{}>{}</select>', name, flatatt(self.build_attrs(self.attrs, attrs)), options
        )


class PythonInput(forms.widgets.Input):
    """A text or number <input>."""

    def render(self, name, value, attrs=None, renderer=None):
        final = self.build_attrs(self.attrs, {"type": self.input_type, **(attrs or {})})
        shown = self.format_value(value)
        if shown is not None:
            final["value"] = shown
        return format_html('<input name="{}"{}>', name, flatatt(final))


def python_rendered(form: forms.Form) -> None:
    """Swap the form's plain selects and text/number inputs for the Python-rendered ones."""
    for field in form.fields.values():
        widget = field.widget
        if type(widget) is forms.Select:
            field.widget = PythonSelect(attrs=widget.attrs, choices=widget.choices)
        elif type(widget) in (forms.TextInput, forms.NumberInput):
            replacement = PythonInput(attrs=widget.attrs)
            replacement.input_type = widget.input_type
            field.widget = replacement
