"""What the five-point check says about the outcome: cross tables over a selection's current checks.

Pure functions: they take the selected cases (with `current_<criterion>` annotated by
`annotate_current_ratings`) and count; nothing here queries the database. A count carries the
filter parameters that select exactly its cases on /cases/, so every number can be followed.
Percentages are row percentages; a row resting on fewer than `SMALL_N` cases is marked as such.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from assessments.choices import Criterion, Rating
from cases.choices import Outcome

SMALL_N = 5
NO_CHECK = "none"
YES_COUNT_FILTER = "yes_count"
FEWER_THAN_FIVE = "lt5"


@dataclass(frozen=True)
class CaseFacts:
    """What the analysis needs of one case: its outcome and its current ratings (None: no check)."""

    outcome: str
    ratings: dict[str, str | None]

    @property
    def yes_count(self) -> int | None:
        if self.ratings.get(Criterion.URGENCY.value) is None:
            return None
        return sum(1 for rating in self.ratings.values() if rating == Rating.YES)


@dataclass(frozen=True)
class Cell:
    """A count of cases, the row total it is a share of, and the filters that list them."""

    count: int
    base: int
    params: dict[str, str]

    @property
    def percent(self) -> int | None:
        return round(100 * self.count / self.base) if self.base else None


@dataclass(frozen=True)
class Row:
    """One rating (or number of "ja") against every outcome, with its total."""

    value: str
    label: str
    cells: list[Cell]
    total: Cell

    @property
    def small(self) -> bool:
        return 0 < self.total.count < SMALL_N


@dataclass(frozen=True)
class CrossTable:
    """A table rating × outcome: rows, the outcome columns in the selection, totals."""

    key: str
    title: str
    row_heading: str
    columns: list[tuple[str, str]]
    rows: list[Row]
    column_totals: list[Cell]
    total: Cell

    @property
    def small(self) -> bool:
        return 0 < self.total.count < SMALL_N

    @property
    def has_small_rows(self) -> bool:
        return self.small or any(row.small for row in self.rows)


@dataclass(frozen=True)
class Group:
    """A group of cases in a comparison: how many, and how many of them were realised."""

    label: str
    all: Cell
    realised: Cell

    @property
    def small(self) -> bool:
        return self.all.count < SMALL_N


@dataclass(frozen=True)
class Comparison:
    """Two groups side by side, e.g. five times "ja" against fewer."""

    title: str
    groups: list[Group] = field(default_factory=list)

    @property
    def small(self) -> bool:
        return any(group.small for group in self.groups)


def case_facts(cases: Iterable) -> list[CaseFacts]:
    """The facts of cases annotated with `current_<criterion>`."""
    return [
        CaseFacts(case.outcome, {c: getattr(case, f"current_{c}", None) for c in Criterion.values})
        for case in cases
    ]


def outcome_columns(facts: list[CaseFacts]) -> list[tuple[str, str]]:
    """The outcomes that occur in the selection, in the order of the outcome scale."""
    present = {fact.outcome for fact in facts}
    return [(value, str(label)) for value, label in Outcome.choices if value in present]


def cross_table(
    facts: list[CaseFacts],
    *,
    key: str,
    title: str,
    row_heading: str,
    rows: list[tuple[str, str, dict[str, str]]],
    value_of,
) -> CrossTable:
    """Count `value_of(fact)` per row value × outcome; `rows` are (value, label, filter params)."""
    columns = outcome_columns(facts)
    grand = len(facts)
    built = []
    for value, label, params in rows:
        in_row = [fact for fact in facts if value_of(fact) == value]
        cells = [
            Cell(sum(1 for f in in_row if f.outcome == outcome), len(in_row), {**params, "outcome": outcome})
            for outcome, _label in columns
        ]
        built.append(Row(value, label, cells, Cell(len(in_row), grand, params)))
    column_totals = [
        Cell(sum(1 for f in facts if f.outcome == outcome), grand, {"outcome": outcome})
        for outcome, _label in columns
    ]
    return CrossTable(key, title, row_heading, columns, built, column_totals, Cell(grand, grand, {}))


def no_check_row(facts: list[CaseFacts]) -> list[tuple[str, str, dict[str, str]]]:
    """The row of cases without a check, only when the selection has any."""
    if any(fact.yes_count is None for fact in facts):
        return [(NO_CHECK, str(_("Geen vijfpuntscheck")), {YES_COUNT_FILTER: NO_CHECK})]
    return []


def criterion_table(facts: list[CaseFacts], criterion: Criterion) -> CrossTable:
    """Rating of one criterion × outcome."""
    rows = [(value, str(label), {criterion.value: value}) for value, label in Rating.choices]
    return cross_table(
        facts,
        key=criterion.value,
        title=str(criterion.label),
        row_heading=str(_("Oordeel")),
        rows=rows + no_check_row(facts),
        value_of=lambda fact: fact.ratings[criterion.value] or NO_CHECK,
    )


def yes_count_table(facts: list[CaseFacts]) -> CrossTable:
    """The check as a whole: number of criteria rated "ja" (0-5) × outcome."""
    rows = [(str(n), str(n), {YES_COUNT_FILTER: str(n)}) for n in range(5, -1, -1)]
    return cross_table(
        facts,
        key=YES_COUNT_FILTER,
        title=str(_("Aantal keer ja")),
        row_heading=str(_("Keer ja")),
        rows=rows + no_check_row(facts),
        value_of=lambda fact: NO_CHECK if fact.yes_count is None else str(fact.yes_count),
    )


def group(label: str, members: list[CaseFacts], params: dict[str, str]) -> Group:
    """A comparison group; its realised count links to its cases with outcome "realised"."""
    realised = sum(1 for fact in members if fact.outcome == Outcome.REALISED)
    return Group(
        label,
        Cell(len(members), len(members), params),
        Cell(realised, len(members), {**params, "outcome": Outcome.REALISED.value}),
    )


def whole_check_comparison(facts: list[CaseFacts]) -> Comparison:
    """All five "ja" against fewer (cases without a check left out), as the essay argues."""
    checked = [fact for fact in facts if fact.yes_count is not None]
    return Comparison(
        str(_("De vijfpuntscheck als geheel")),
        [
            group(
                str(_("met alle vijf voorwaarden ‘ja’")),
                [f for f in checked if f.yes_count == 5],
                {YES_COUNT_FILTER: "5"},
            ),
            group(
                str(_("met minder dan vijf keer ‘ja’")),
                [f for f in checked if f.yes_count < 5],
                {YES_COUNT_FILTER: FEWER_THAN_FIVE},
            ),
        ],
    )


def criterion_comparison(facts: list[CaseFacts], criterion: Criterion) -> Comparison:
    """For one criterion: the cases rated "ja" against those rated "nee"."""
    return Comparison(
        str(criterion.label),
        [
            group(
                _("met ‘%(rating)s’ voor %(criterion)s")
                % {"rating": str(rating.label).lower(), "criterion": str(criterion.label).lower()},
                [f for f in facts if f.ratings[criterion.value] == rating],
                {criterion.value: rating.value},
            )
            for rating in (Rating.YES, Rating.NO)
        ],
    )


def analyse(cases: Iterable) -> dict:
    """Every table and comparison of a selection, as template context (without URLs)."""
    facts = case_facts(cases)
    return {
        "n": len(facts),
        "small_n": SMALL_N,
        "realised_label": str(Outcome.REALISED.label),
        "whole": whole_check_comparison(facts),
        "yes_table": yes_count_table(facts),
        "criterion_comparisons": [criterion_comparison(facts, criterion) for criterion in Criterion],
        "criterion_tables": [criterion_table(facts, criterion) for criterion in Criterion],
    }
