"""The matrix of variants × criteria as a readable table (no verdict).

Totals appear only when every criterion carries a weight; they sum weight × score over the
assessed cells (−− = −2 … ++ = +2) and always sit beside the scores they come from.
"""

from dataclasses import dataclass

from explorations.choices import SCORE_POINTS, Score


@dataclass
class Cell:
    score: str
    label: str
    motivation: str


@dataclass
class Row:
    variant: object
    cells: list[Cell]
    total: int | None
    assessed: int


@dataclass
class Matrix:
    criteria: list
    rows: list[Row]
    weighted: bool

    @property
    def empty(self) -> bool:
        return not self.criteria or not self.rows

    @property
    def by_criterion(self) -> list[tuple[object, list[Cell]]]:
        """The same table turned: one line per criterion, one cell per variant (for print)."""
        return [(criterion, [row.cells[i] for row in self.rows]) for i, criterion in enumerate(self.criteria)]

    @property
    def unassessed(self) -> int:
        return sum(1 for row in self.rows for cell in row.cells if not cell.score)


def matrix_build(variants: list, criteria: list, scores: list) -> Matrix:
    """Arrange the stored scores; a missing cell is "niet beoordeeld"."""
    by_cell = {(s.variant_id, s.criterion_id): s for s in scores}
    weighted = bool(criteria) and all(c.weight for c in criteria)
    rows = []
    for variant in variants:
        cells, total, assessed = [], 0, 0
        for criterion in criteria:
            stored = by_cell.get((variant.pk, criterion.pk))
            score = stored.score if stored else ""
            cells.append(Cell(score, str(Score(score).label), stored.motivation if stored else ""))
            if score:
                assessed += 1
                total += SCORE_POINTS[Score(score)] * (criterion.weight or 0)
        show_total = weighted and variant.worked_out and assessed > 0
        rows.append(Row(variant, cells, total if show_total else None, assessed))
    return Matrix(list(criteria), rows, weighted)
