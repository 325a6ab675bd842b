"""Server-rendered SVG charts of the analysis: one 100 % stacked bar per table row.

Only geometry is computed here; templates/assessments/includes/chart.svg draws it. Every
outcome has its own pattern as well as its own colour, and every segment wide enough carries
its count, so the chart never relies on colour alone. The table next to it is the alternative.
"""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from assessments.analysis import CrossTable

WIDTH = 640
LABEL_WIDTH = 190
TOTAL_WIDTH = 60
BAR_HEIGHT = 22
ROW_GAP = 8
TOP = 8
LEGEND_ROW = 22
LEGEND_COLUMNS = 2
MIN_LABELLED_WIDTH = 22
BAR_WIDTH = WIDTH - LABEL_WIDTH - TOTAL_WIDTH

# (fill colour, pattern kind) per outcome column position; patterns: see chart.svg.
STYLES = [
    ("#1f4e79", "solid"),
    ("#2e7d32", "diagonal"),
    ("#b35c00", "dots"),
    ("#6a1b9a", "cross"),
    ("#8a6d00", "horizontal"),
    ("#455a64", "vertical"),
]


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    count: int
    style: int
    show_count: bool

    @property
    def text_x(self) -> float:
        return round(self.x + self.width / 2, 2)

    @property
    def chip_x(self) -> float:
        return round(self.text_x - 10, 2)


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    total: int
    small: bool
    segments: list[Segment]

    @property
    def text_y(self) -> float:
        return self.y + BAR_HEIGHT / 2 + 4

    @property
    def chip_y(self) -> float:
        return self.y + 4


@dataclass(frozen=True)
class LegendItem:
    label: str
    style: int
    x: float
    y: float

    @property
    def text_x(self) -> float:
        return self.x + 22

    @property
    def text_y(self) -> float:
        return self.y + 11


@dataclass(frozen=True)
class Chart:
    """The geometry of one chart: bars, legend, size, and the pattern styles it uses."""

    id: str
    title: str
    description: str
    width: int
    height: float
    bars: list[Bar]
    legend: list[LegendItem]
    styles: list[tuple[int, str, str]]
    label_x: int = LABEL_WIDTH - 8
    bar_x: int = LABEL_WIDTH
    bar_width: int = BAR_WIDTH
    bar_height: int = BAR_HEIGHT
    total_x: int = WIDTH - 4


def bar_segments(cells, total: int) -> list[Segment]:
    """The segments of one row, left to right in outcome order; empty for a row of no cases."""
    segments, x = [], float(LABEL_WIDTH)
    for index, cell in enumerate(cells):
        if not total or not cell.count:
            continue
        width = BAR_WIDTH * cell.count / total
        segments.append(Segment(round(x, 2), round(width, 2), cell.count, index, width >= MIN_LABELLED_WIDTH))
        x += width
    return segments


def chart(table: CrossTable, *, chart_id: str, title: str, description: str) -> Chart:
    """A stacked bar chart of a cross table, rows as bars, outcomes as patterned segments."""
    bars = [
        Bar(
            row.label,
            TOP + i * (BAR_HEIGHT + ROW_GAP),
            row.total.count,
            row.small,
            bar_segments(row.cells, row.total.count),
        )
        for i, row in enumerate(table.rows)
    ]
    legend_top = TOP + len(bars) * (BAR_HEIGHT + ROW_GAP) + 8
    legend = [
        LegendItem(
            label,
            index,
            LABEL_WIDTH + (index % LEGEND_COLUMNS) * (BAR_WIDTH / LEGEND_COLUMNS),
            legend_top + (index // LEGEND_COLUMNS) * LEGEND_ROW,
        )
        for index, (_value, label) in enumerate(table.columns)
    ]
    legend_rows = -(-len(legend) // LEGEND_COLUMNS)
    return Chart(
        id=chart_id,
        title=title,
        description=description,
        width=WIDTH,
        height=legend_top + legend_rows * LEGEND_ROW + 4,
        bars=bars,
        legend=legend,
        styles=[(index, *STYLES[index % len(STYLES)]) for index in range(len(table.columns))],
    )


def table_chart(table: CrossTable, prefix: str) -> Chart:
    """The chart of a cross table, titled and described for screen readers."""
    return chart(
        table,
        chart_id=f"{prefix}-{table.key}",
        title=_("%(title)s en de uitkomst: per rij de verdeling over de uitkomsten") % {"title": table.title},
        description=_(
            "Per rij een balk van 100 procent, verdeeld over de uitkomsten; elk vlak heeft een eigen "
            "patroon en toont het aantal casussen, rechts staat het totaal n (met * bij minder dan "
            "vijf casussen). De tabel bij deze grafiek geeft dezelfde cijfers."
        ),
    )


def with_charts(analysis: dict, prefix: str = "grafiek") -> dict:
    """The analysis with a chart beside each table: `yes_section` and `criterion_sections`."""
    return {
        **analysis,
        "yes_section": {"table": analysis["yes_table"], "chart": table_chart(analysis["yes_table"], prefix)},
        "criterion_sections": [
            {"table": table, "chart": table_chart(table, prefix)} for table in analysis["criterion_tables"]
        ],
    }
