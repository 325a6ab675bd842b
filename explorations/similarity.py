"""Which past cases resemble an exploration, and why.

How the ranking works, in a few lines (no hidden score):
  1. A case is suggested when at least one plain reason holds: the exploration names it as an
     experience elsewhere; it involved one of the same municipalities (one its text only mentions
     does not count); its current five-point
     check shares weak points (Beperkt/Nee) with the exploration's current check (one reason,
     however many criteria); it has the form of cooperation of a variant still being worked out;
     it had as many cooperating partners; or one of its municipalities lies in the same province.
  2. Those reasons are listed in that order of strength, and every suggestion shows them all.
  3. Cases the exploration names come first, then cases of the same municipalities (more shared
     municipalities first): no number of weaker reasons outweighs shared partners. Within each
     group, and for the others, cases are ordered by the number of reasons, then by their
     strongest reason, then by Korsten's case number. Pinned cases come first; dismissed ones drop
     out of the list.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from assessments.analysis import SMALL_N
from assessments.choices import Criterion, Rating
from assessments.current import current_check
from assessments.models import Assessment
from cases.choices import ArrangementType, ParticipationRole, Province
from cases.models import Case
from cases.services import COOPERATING_ROLES
from explorations.choices import ExplorationRole, PinDecision

WEAK = {Rating.LIMITED, Rating.NO}
LIMIT = 10
NUMBER_WORDS = {2: "twee", 3: "drie", 4: "vier", 5: "vijf", 6: "zes"}
ALSO_FORM = {
    ArrangementType.WERKORGANISATIE: gettext_lazy("ook een ambtelijke fusie in een werkorganisatie"),
    ArrangementType.GASTHEER: gettext_lazy("ook een gastheerconstructie"),
    ArrangementType.PARTIAL: gettext_lazy("ook een partiële samenwerking"),
    ArrangementType.BESTUURLIJKE_FUSIE: gettext_lazy("ook een bestuurlijke fusie"),
}


@dataclass
class Suggestion:
    """A past case with the reasons it resembles the exploration (strongest first)."""

    case: Case
    reasons: list[str]
    strength: int
    shared: int = 0  # how many of the exploration's municipalities the case involved
    decision: str = ""
    note: str = ""


@dataclass
class SimilarCases:
    pinned: list[Suggestion] = field(default_factory=list)
    suggested: list[Suggestion] = field(default_factory=list)
    dismissed: list[Suggestion] = field(default_factory=list)


def _profile(exploration) -> dict:
    memberships = list(exploration.memberships.all())  # prefetched with their municipality
    current = current_check(exploration)
    return {
        "named": {e.case_id: e.name for e in exploration.experience_links.all() if e.case_id},
        "municipalities": {m.municipality_id: m.municipality.name for m in memberships},
        "provinces": {m.municipality.province for m in memberships},
        "partners": sum(1 for m in memberships if m.role == ExplorationRole.PARTNER),
        "forms": {
            v.arrangement_type for v in exploration.variants.all() if v.arrangement_type and v.worked_out
        },
        "weak": [c for c in Criterion if current and getattr(current, f"{c.value}_rating") in WEAK],
    }


def _reasons(case: Case, profile: dict) -> tuple[list[str], int, int]:
    """The reasons that hold for `case`, the rank (0 = strongest) of the first one, and the
    number of shared municipalities."""
    participations = list(case.participations.all())
    cooperating = [p for p in participations if p.role in COOPERATING_ROLES]
    found: list[tuple[int, str]] = []
    if case.pk in profile["named"]:
        found.append((0, _("genoemd in de verkenning (%(name)s)") % {"name": profile["named"][case.pk]}))
    # A municipality the case text only mentions took no part in it, so it is no shared partner.
    shared = sorted({profile["municipalities"][p.municipality_id] for p in participations
                     if p.municipality_id in profile["municipalities"]
                     and p.role != ParticipationRole.MENTIONED})  # fmt: skip
    if shared:
        found.append((1, _("dezelfde gemeente: %(names)s") % {"names": ", ".join(shared)}))
    weak = [
        str(c.label).lower() for c in profile["weak"] if getattr(case, f"current_{c.value}", None) in WEAK
    ]
    if weak:
        text = ngettext("zelfde zwak punt: %(criterion)s", "zelfde zwakke punten: %(criterion)s", len(weak))
        found.append((2, text % {"criterion": ", ".join(weak)}))
    if case.arrangement_type in profile["forms"]:
        found.append((3, str(ALSO_FORM[case.arrangement_type])))
    if profile["partners"] >= 2 and len(cooperating) == profile["partners"]:
        count = NUMBER_WORDS.get(len(cooperating), str(len(cooperating)))
        found.append((4, _("ook %(count)s partners") % {"count": count}))
    provinces = {p.municipality.province for p in participations} & profile["provinces"]
    if provinces:
        names = ", ".join(sorted(str(Province(p).label) for p in provinces))
        found.append((5, _("zelfde provincie: %(names)s") % {"names": names}))
    found.sort(key=lambda pair: pair[0])
    return [text for _rank, text in found], (found[0][0] if found else 99), len(shared)


def _order(suggestion: Suggestion) -> tuple:
    """Named cases, then shared municipalities (more first), then the rest; see the module docstring."""
    group = min(suggestion.strength, 2)  # 0 named, 1 same municipality, 2 any other reason
    return (
        group,
        -suggestion.shared,
        -len(suggestion.reasons),
        suggestion.strength,
        suggestion.case.number or 9999,
    )


def similar_cases(exploration, *, limit: int = LIMIT) -> SimilarCases:
    """The knowledge base's cases that resemble `exploration`, split into pinned, suggested, dismissed."""
    profile = _profile(exploration)
    decisions = {d.case_id: d for d in exploration.case_decisions.all()}
    result = SimilarCases()
    cases = Case.objects.with_list_annotations().with_participants().order_by("number", "title")
    ranked = []
    for case in cases:
        reasons, strength, shared = _reasons(case, profile)
        decision = decisions.get(case.pk)
        if not reasons and decision is None:
            continue
        ranked.append(
            Suggestion(
                case,
                reasons,
                strength,
                shared,
                decision.decision if decision else "",
                decision.note if decision else "",
            )
        )
    ranked.sort(key=_order)
    for suggestion in ranked:
        if suggestion.decision == PinDecision.PINNED:
            result.pinned.append(suggestion)
        elif suggestion.decision == PinDecision.DISMISSED:
            result.dismissed.append(suggestion)
        elif len(result.suggested) < limit:
            result.suggested.append(suggestion)
    return result


def check_comparison(exploration_check: Assessment | None) -> list[dict]:
    """Per criterion: the exploration's current rating and how past cases with that rating ended.

    One query: the current checks of all cases with their outcome.
    """
    if exploration_check is None:
        return []
    rows = list(
        Assessment.objects.current().values("case__outcome", *[f"{c}_rating" for c in Criterion.values])
    )
    comparison = []
    for criterion in Criterion:
        rating = getattr(exploration_check, f"{criterion.value}_rating")
        same = [row["case__outcome"] for row in rows if row[f"{criterion.value}_rating"] == rating]
        comparison.append(
            {
                "criterion": criterion.label,
                "rating": Rating(rating).label,
                "rating_value": rating,
                "same": len(same),
                "small": len(same) < SMALL_N,
                "realised": sum(1 for outcome in same if outcome in ("realised", "merged")),
                "not_realised": sum(1 for outcome in same if outcome in ("not_realised", "ended")),
            }
        )
    return comparison
