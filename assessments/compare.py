"""Cases side by side: which cases (2 to 6, chosen by slug in the URL) and their aligned rows."""

from dataclasses import dataclass

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from assessments.choices import QUESTIONS, Criterion, Rating
from assessments.current import current_check, with_current_check
from cases.models import Case
from core.dates import format_partial_date, format_period

MIN_CASES = 2
MAX_CASES = 6


class CompareForm(forms.Form):
    """The `case` parameters of /cases/compare/: 2 to 6 existing cases, in the order given."""

    case = forms.Field(required=False, widget=forms.MultipleHiddenInput)

    def clean_case(self) -> list[str]:
        chosen = list(dict.fromkeys(self.cleaned_data["case"] or []))
        if len(chosen) < MIN_CASES:
            raise forms.ValidationError(
                _("Kies ten minste %(min)d casussen om te vergelijken (nu: %(count)d).")
                % {"min": MIN_CASES, "count": len(chosen)}
            )
        if len(chosen) > MAX_CASES:
            raise forms.ValidationError(
                _("Kies ten hoogste %(max)d casussen om te vergelijken (nu: %(count)d).")
                % {"max": MAX_CASES, "count": len(chosen)}
            )
        found = set(Case.objects.filter(slug__in=chosen).values_list("slug", flat=True))
        missing = [slug for slug in chosen if slug not in found]
        if missing:
            raise forms.ValidationError(
                _("Deze casus bestaat niet (meer): %(slugs)s. Kies de casussen opnieuw.")
                % {"slugs": ", ".join(missing)}
            )
        return chosen


def cases_picked(slugs: list[str]) -> list[Case] | None:
    """The cases of a comparison still being put together: fewer than MIN_CASES, all of them known,
    in the order given; None when that is not the situation (too many or unknown cases: an error)."""
    slugs = list(dict.fromkeys(slugs))
    if len(slugs) >= MIN_CASES:
        return None
    found = {case.slug: case for case in Case.objects.filter(slug__in=slugs).only("slug", "number", "title")}
    if len(found) != len(slugs):
        return None
    return [found[slug] for slug in slugs]


def compare_queryset() -> QuerySet:
    """Cases with participants and their current check (three queries in all)."""
    return with_current_check(Case.objects.with_participants())


def cases_in_order(slugs: list[str]) -> list[Case]:
    """The cases of `slugs`, in that order."""
    by_slug = {case.slug: case for case in compare_queryset().filter(slug__in=slugs)}
    return [by_slug[slug] for slug in slugs if slug in by_slug]


@dataclass(frozen=True)
class FactRow:
    label: str
    values: list[str]


@dataclass(frozen=True)
class CriterionRow:
    label: str
    question: str
    cells: list[dict]


def period(case: Case) -> str:
    """ "2008 – 2014", "vanaf 2008", or "—" (core.dates.format_period)."""
    return format_period(case.start_date, case.end_date) or "—"


def participants(case: Case) -> str:
    """One line per municipality with its role."""
    return "\n".join(f"{p.municipality.name} ({p.get_role_display()})" for p in case.participations.all())


def fact_rows(cases: list[Case]) -> list[FactRow]:
    """The dossier facts, one row each, one value per case."""
    facts = [
        (_("Vorm van samenwerking"), lambda c: c.get_arrangement_type_display()),
        (_("Uitkomst"), lambda c: c.get_outcome_display()),
        (_("Periode"), period),
        (_("Jaar"), lambda c: str(c.year or "—")),
        (_("Gemeenten (rol)"), participants),
        (_("Organisatie"), lambda c: c.organisation_name or "—"),
        (_("Rechtsvorm"), lambda c: c.get_legal_form_display() or "—"),
    ]
    return [FactRow(str(label), [value(case) for case in cases]) for label, value in facts]


def criterion_rows(cases: list[Case]) -> list[CriterionRow]:
    """Per criterion the rating and verbatim answer of each case's current check."""
    checks = [current_check(case) for case in cases]
    rows = []
    for criterion in Criterion:
        cells = []
        for check in checks:
            rating = getattr(check, f"{criterion.value}_rating", "") if check else ""
            cells.append(
                {
                    "rating": rating,
                    "label": str(Rating(rating).label) if rating else _("Geen vijfpuntscheck"),
                    "answer": getattr(check, f"{criterion.value}_answer", "") if check else "",
                }
            )
        rows.append(CriterionRow(str(criterion.label), str(QUESTIONS[criterion]), cells))
    return rows


def check_dates(cases: list[Case]) -> list[str]:
    """The date and assessor of each case's current check."""
    dates = []
    for case in cases:
        check = current_check(case)
        dates.append(f"{format_partial_date(check.assessed_on)}, {check.assessor}" if check else "—")
    return dates


def comparison(slugs: list[str]) -> dict:
    """Template context of the comparison of the cases `slugs`."""
    cases = cases_in_order(slugs)
    return {
        "cases": cases,
        "facts": fact_rows(cases),
        "criteria": criterion_rows(cases),
        "check_dates": check_dates(cases),
    }
