"""Links from a count of the analysis to the case list showing exactly those cases."""

from django import template
from django.urls import reverse

register = template.Library()


@register.simple_tag(takes_context=True)
def case_list_url(context, params: dict) -> str:
    """/cases/?<the page's own filters>&<params>: the selection narrowed to one count's cases."""
    query = context["request"].GET.copy()
    query.pop("page", None)
    for key, value in params.items():
        query[key] = value
    return f"{reverse('case-list')}?{query.urlencode()}" if query else reverse("case-list")
