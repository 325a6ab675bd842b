"""Reading an exploration fixture (fixtures/explorations/*.toml) into one plain, checked state.

The state is what the loader writes and what state_of() reads back from the database, so that
one fingerprint tells whether the database matches the fixture (see assessments/seed/state.py).
"""

import tomllib
from pathlib import Path

from cases.choices import ArrangementType
from core.seed.errors import SeedError
from explorations.choices import ExplorationRole, ExplorationStatus, Judgement
from explorations.models import SECTION_FIELDS

SWOT = ["strengths", "weaknesses", "opportunities", "threats"]


def lines_text(lines, file: Path, field: str) -> str:
    """[a, b] or [[a, b], [c, d]] as "regels a-b, c-d"."""
    ranges = lines if lines and isinstance(lines[0], list) else [lines]
    if not ranges or any(
        len(r) != 2 or not all(isinstance(n, int) for n in r) or r[0] > r[1] for r in ranges
    ):
        raise SeedError(file, "geef regels als [begin, eind] of een lijst daarvan", field=field)
    return "regels " + ", ".join(f"{a}-{b}" if a != b else str(a) for a, b in ranges)


class _Reader:
    def __init__(self, file: Path, data: dict):
        self.file, self.data = file, data

    def get(self, table: dict, key: str, field: str, kind=str, choices=None, required=True):
        value = table.get(key, None if required else kind())
        if value is None:
            raise SeedError(self.file, "ontbreekt", field=field)
        if not isinstance(value, kind):
            raise SeedError(self.file, f"verwacht {kind.__name__}, niet {type(value).__name__}", field=field)
        if choices is not None and value not in choices:
            raise SeedError(self.file, f"{value!r} is geen van {', '.join(map(repr, choices))}", field=field)
        if kind is list and not all(isinstance(item, str) and item.strip() for item in value):
            raise SeedError(self.file, "verwacht een lijst van niet-lege teksten", field=field)
        return value.strip() if kind is str else value

    def rows(self, table: dict, key: str, field: str) -> list[tuple[str, dict]]:
        rows = table.get(key, [])
        if not isinstance(rows, list) or not all(isinstance(row, dict) for row in rows):
            raise SeedError(self.file, "verwacht een lijst van tabellen ([[...]])", field=field)
        return [(f"{field}[{index}]", row) for index, row in enumerate(rows, start=1)]


def exploration_read(file: Path) -> dict:
    """Parse and check one fixture; raises SeedError naming file and field. No database access."""
    try:
        data = tomllib.loads(file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise SeedError(file, f"geen geldige TOML: {error}") from None
    r = _Reader(file, data)
    source = r.get(data, "source", "source")
    sections = data.get("sections", {})
    fields = {
        "slug": r.get(data, "slug", "slug"),
        "title": r.get(data, "title", "title"),
        "status": r.get(data, "status", "status", choices=ExplorationStatus.values),
        "start_date": r.get(data, "start_date", "start_date", required=False),
        "end_date": r.get(data, "end_date", "end_date", required=False),
        "case": r.get(data, "case", "case", kind=int, required=False),
    }
    provenance = [source]
    for name in SECTION_FIELDS:
        section = sections.get(name, {})
        fields[name] = r.get(section, "text", f"sections.{name}.text", required=False)
        if fields[name]:
            where = lines_text(section.get("lines"), file, f"sections.{name}.lines")
            provenance.append(f"{name}: {where}")
    fields["provenance"] = "; ".join(provenance)
    framework = data.get("framework", {})

    def cite(row, field):
        return lines_text(row.get("lines"), file, f"{field}.lines")

    return {
        "fields": fields,
        "municipalities": [
            [r.get(m, "name", f"{f}.name"), r.get(m, "role", f"{f}.role", choices=ExplorationRole.values),
             r.get(m, "note", f"{f}.note", required=False)]
            for f, m in r.rows(data, "municipalities", "municipalities")
        ],
        "assignments": [
            [r.get(a, "council", f"{f}.council"), r.get(a, "text", f"{f}.text"),
             r.get(a, "source", f"{f}.source", required=False), cite(a, f)]
            for f, a in r.rows(data, "assignments", "assignments")
        ],
        "preconditions": [
            [r.get(p, "name", f"{f}.name"), r.get(p, "judgement", f"{f}.judgement", choices=Judgement.values),
             r.get(p, "motivation", f"{f}.motivation", required=False)]
            for f, p in r.rows(framework, "preconditions", "framework.preconditions")
        ],
        "criteria": [
            [r.get(c, "name", f"{f}.name"), r.get(c, "explanation", f"{f}.explanation", required=False),
             c.get("weight")]
            for f, c in r.rows(framework, "criteria", "framework.criteria")
        ],
        "points": [
            [r.get(p, "name", f"{f}.name"), r.get(p, "elaboration", f"{f}.elaboration", required=False)]
            for f, p in r.rows(framework, "points", "framework.points")
        ],
        "variants": [_variant(r, f, v, cite(v, f)) for f, v in r.rows(data, "variants", "variants")],
        "experiences": [
            [r.get(e, "name", f"{f}.name"), r.get(e, "text", f"{f}.text"),
             r.get(e, "case", f"{f}.case", kind=int, required=False), cite(e, f)]
            for f, e in r.rows(data, "experiences", "experiences")
        ],
    }  # fmt: skip


def _variant(r: _Reader, f: str, v: dict, citation: str) -> list:
    return [
        r.get(v, "name", f"{f}.name"),
        r.get(
            v,
            "arrangement_type",
            f"{f}.arrangement_type",
            choices=["", *ArrangementType.values],
            required=False,
        ),
        r.get(v, "description", f"{f}.description", required=False),
        *[r.get(v, key, f"{f}.{key}", kind=list, required=False) for key in SWOT],
        r.get(v, "needed", f"{f}.needed", required=False),
        r.get(v, "reflection", f"{f}.reflection", required=False),
        citation,
    ]
