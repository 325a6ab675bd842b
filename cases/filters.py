"""The case list's one FilterSet: search, facets, year range, check ratings and ordering."""

import django_filters
from django import forms
from django.db.models import Exists, F, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from cases.choices import ArrangementType, Outcome, ParticipationRole, Province
from cases.hooks import CASE_FILTER_GROUPS
from cases.models import Case, Municipality, Participation
from cases.search import search_plan
from core.widgets import python_rendered


class FastFilterForm(forms.Form):
    """A filter form whose widgets render in Python (see core.widgets)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        python_rendered(self)


class CaseFilterForm(FastFilterForm):
    """Cross-field checks of the filters: a year range must not be reversed."""

    def clean(self):
        cleaned = super().clean()
        year_from, year_to = cleaned.get("year_from"), cleaned.get("year_to")
        if year_from is not None and year_to is not None and year_from > year_to:
            self.add_error(
                "year_to",
                _("“Jaar tot en met” (%(to)s) ligt vóór “Jaar vanaf” (%(from)s); draai ze om.")
                % {"to": year_to, "from": year_from},
            )
        return cleaned


class NullsLastOrderingFilter(django_filters.OrderingFilter):
    """Sort on a field in either direction with the empty values last, then by number and title."""

    def get_ordering_value(self, param):
        name = super().get_ordering_value(param)
        field = F(name.lstrip("-"))
        return field.desc(nulls_last=True) if name.startswith("-") else field.asc(nulls_last=True)

    def filter(self, qs, value):
        qs = super().filter(qs, value)
        return qs.order_by(*qs.query.order_by, "number", "title") if value else qs


class CaseFilterSet(django_filters.FilterSet):
    """Filters of /cases/; its query string is also the selection of the PDF report.

    Higher apps add filter groups (cases.hooks.CASE_FILTER_GROUPS), for instance the ratings of the
    current check; the queryset must carry their annotations (CaseQuerySet.with_list_annotations).
    """

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
    # A text field rather than a select of every municipality: the page stays small and fast.
    municipality = django_filters.CharFilter(
        label=_("Gemeente"),
        method="filter_municipality",
        help_text=_("Typ (een deel van) de naam."),
    )
    year_from = django_filters.NumberFilter(label=_("Jaar vanaf"), field_name="year", lookup_expr="gte")
    year_to = django_filters.NumberFilter(label=_("Jaar tot en met"), field_name="year", lookup_expr="lte")
    sort = NullsLastOrderingFilter(
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
        form = CaseFilterForm

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filter_groups: list[tuple[str, list[str]]] = []
        for group in CASE_FILTER_GROUPS:
            filters = group.filters()
            for filter_ in filters.values():
                filter_.model, filter_.parent = self.queryset.model, self
            self.filters.update(filters)
            self.filter_groups.append((group.legend, list(filters)))

    def grouped_fields(self) -> list[tuple[str, list]]:
        """(legend, bound fields) of the registered filter groups, for the filter form."""
        return [(legend, [self.form[name] for name in names]) for legend, names in self.filter_groups]

    def search(self, queryset, name, value):
        """The matches of `value`, annotated with `rank`; their order is planned in filter_queryset."""
        return queryset.search(value) if value.strip() else queryset

    def filter_queryset(self, queryset):
        """Filter, then order once as the search plan says (cases.search.search_plan)."""
        queryset = super().filter_queryset(queryset)
        self.plan = search_plan(
            queryset, text=self.search_text, sorted_by_user=bool(self.form.cleaned_data.get("sort"))
        )
        return self.plan.queryset

    def filter_province(self, queryset, name, value):
        # A municipality the story only mentions does not place the case in its province.
        taking_part = Participation.objects.exclude(role=ParticipationRole.MENTIONED)
        return queryset.filter(Exists(taking_part.filter(case=OuterRef("pk"), municipality__province=value)))

    def filter_municipality(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        matches = Q(municipality__slug=value) | Q(municipality__name__icontains=value)
        return queryset.filter(Exists(Participation.objects.filter(matches, case=OuterRef("pk"))))

    @property
    def search_text(self) -> str:
        """The search text of a valid filter, stripped ("" when there is none)."""
        if not self.is_bound or not self.is_valid():
            return ""
        return (self.form.cleaned_data.get("q") or "").strip()

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

    def active_filter_chips(self) -> list[dict]:
        """Every filter in use as a chip: its label, its value in words and the query string of
        the same list without it (nor the page), so each chip removes itself alone. Also for a
        filter that is invalid (for example a reversed year range), with the value as typed."""
        words = dict(self.active_filters())
        chips = []
        for name, field in self.form.fields.items():
            raw = [value for value in self.data.getlist(name) if value.strip()] if self.is_bound else []
            if not raw or name == "sort":
                continue
            rest = self.data.copy()
            for other in (name, "page"):
                rest.pop(other, None)
            label = str(field.label)
            chips.append(
                {"label": label, "value": words.get(label, ", ".join(raw)), "remove": rest.urlencode()}
            )
        return chips


class MunicipalityFilterSet(django_filters.FilterSet):
    """Filters of /municipalities/: a name (or CBS code) search, province and whether it still exists."""

    EXISTS, MERGED = "exists", "merged"

    q = django_filters.CharFilter(label=_("Zoeken"), method="search", help_text=_("Naam of CBS-code"))
    province = django_filters.ChoiceFilter(
        label=_("Provincie"), choices=Province.choices, empty_label=_("Alle provincies")
    )
    status = django_filters.ChoiceFilter(
        label=_("Bestaat nog of opgegaan in"),
        choices=[(EXISTS, _("Bestaat nog")), (MERGED, _("Opgegaan in een andere gemeente"))],
        method="filter_status",
        empty_label=_("Alle gemeenten"),
    )

    class Meta:
        model = Municipality
        fields: list[str] = []
        form = FastFilterForm

    def search(self, queryset, name, value):
        value = value.strip()
        return queryset.filter(Q(name__icontains=value) | Q(cbs_code__iexact=value)) if value else queryset

    def filter_status(self, queryset, name, value):
        return queryset.filter(merged_into__isnull=value == self.EXISTS)
