"""The case list's one FilterSet: search, facets, year range, check ratings and ordering."""

import django_filters
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from assessments.interface import CurrentCheckFilterSet
from cases.choices import ArrangementType, Outcome, ParticipationRole, Province
from cases.models import Case, Municipality, Participation


class CaseFilterSet(CurrentCheckFilterSet):
    """Filters of /cases/; its query string is also the selection of the PDF report."""

    q = django_filters.CharFilter(label=_("Zoeken"), method="search")
    arrangement_type = django_filters.ChoiceFilter(
        label=_("Vorm van samenwerking"), choices=ArrangementType.choices, empty_label=_("Alle vormen")
    )
    outcome = django_filters.ChoiceFilter(
        label=_("Uitkomst"), choices=Outcome.choices, empty_label=_("Alle uitkomsten")
    )
    province = django_filters.ChoiceFilter(
        label=_("Provincie"),
        choices=Province.choices,
        method="filter_province",
        empty_label=_("Alle provincies"),
    )
    municipality = django_filters.ModelChoiceFilter(
        label=_("Gemeente"),
        queryset=Municipality.objects.filter(participations__isnull=False).distinct().order_by("name"),
        to_field_name="slug",
        method="filter_municipality",
        empty_label=_("Alle gemeenten"),
    )
    year_from = django_filters.NumberFilter(label=_("Jaar vanaf"), field_name="year", lookup_expr="gte")
    year_to = django_filters.NumberFilter(label=_("Jaar tot en met"), field_name="year", lookup_expr="lte")
    sort = django_filters.OrderingFilter(
        label=_("Sorteren"),
        fields=(
            ("number", "number"),
            ("title", "title"),
            ("year", "year"),
            ("outcome", "outcome"),
            ("arrangement_type", "arrangement_type"),
        ),
        field_labels={
            "number": _("Nummer"),
            "title": _("Titel"),
            "year": _("Jaar"),
            "outcome": _("Uitkomst"),
            "arrangement_type": _("Vorm"),
        },
    )

    class Meta:
        model = Case
        fields: list[str] = []

    def search(self, queryset, name, value):
        return queryset.search(value).order_by("-rank", "number") if value.strip() else queryset

    def filter_province(self, queryset, name, value):
        # A municipality the story only mentions does not place the case in its province.
        taking_part = Participation.objects.exclude(role=ParticipationRole.MENTIONED)
        return queryset.filter(Exists(taking_part.filter(case=OuterRef("pk"), municipality__province=value)))

    def filter_municipality(self, queryset, name, value):
        return queryset.filter(Exists(Participation.objects.filter(case=OuterRef("pk"), municipality=value)))

    def active_filters(self) -> list[tuple[str, str]]:
        """(label, value) of every filter in use, in words, for the page and the PDF report."""
        if not self.is_bound or not self.is_valid():
            return []
        active = []
        for name, value in self.form.cleaned_data.items():
            if value in (None, "", []) or name == "sort":
                continue
            field = self.form.fields[name]
            shown = (
                dict(field.choices).get(value, value)
                if hasattr(field, "choices") and not hasattr(value, "pk")
                else value
            )
            active.append((str(field.label), str(shown)))
        return active
