"""The FilterSet of the exploration list."""

import django_filters
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cases.models import Municipality
from explorations.choices import ExplorationStatus
from explorations.models import Exploration


class ExplorationFilterSet(django_filters.FilterSet):
    """Search in title and sections; filter on status and municipality."""

    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=ExplorationStatus.choices, empty_label=_("Alle")
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Gemeente"),
        queryset=Municipality.objects.filter(exploration_memberships__isnull=False).distinct(),
        field_name="memberships__municipality",
        empty_label=_("Alle"),
    )

    class Meta:
        model = Exploration
        fields = ["q", "status", "municipality"]

    def search(self, queryset, name, value):
        return queryset.filter(
            Q(title__icontains=value) | Q(urgency__icontains=value) | Q(introduction__icontains=value)
        ).distinct()
