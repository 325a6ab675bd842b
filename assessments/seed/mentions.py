"""mentions.toml: passages of sources that speak of cases and municipalities, read and loaded."""

from dataclasses import dataclass
from pathlib import Path

from cases.models import Case, SourceMention
from core.seed.actions import fingerprint
from core.seed.errors import SeedError
from core.seed.tables import Table, is_integer, read_rows

MENTION_KEYS = {"source", "lines", "passage", "cases", "municipalities"}


@dataclass(frozen=True)
class MentionRecord:
    file: Path
    index: int
    source: str
    first_line: int
    last_line: int
    passage: str
    cases: tuple[int, ...]
    municipalities: tuple[str, ...]

    @property
    def label(self) -> str:
        return f"{self.source}, regels {self.first_line}–{self.last_line}"


def parse_mentions(file: Path) -> list[MentionRecord]:
    """The mentions of `file`; none when the fixture set has no mentions.toml."""
    if not file.exists():
        return []
    rows = read_rows(file, "mentions", required=False)
    return [_parse_mention(row, file, index) for index, row in enumerate(rows, start=1)]


def _parse_mention(row: Table, file: Path, index: int) -> MentionRecord:
    row.reject_unknown(MENTION_KEYS)
    lines = row.data.get("lines")
    if not (
        isinstance(lines, list)
        and len(lines) == 2
        and all(is_integer(n) and n >= 1 for n in lines)
        and lines[0] <= lines[1]
    ):
        raise row.error("lines", "twee regelnummers verwacht (eerste ≤ laatste), bijvoorbeeld [13, 14]")
    return MentionRecord(
        file=file,
        index=index,
        source=row.text("source", required=True),
        first_line=lines[0],
        last_line=lines[1],
        passage=row.text("passage", required=True),
        cases=_unique(row, "cases", row.integers("cases")),
        municipalities=_unique(row, "municipalities", row.strings("municipalities")),
    )


def _unique(row: Table, key: str, values: list) -> tuple:
    if len(set(values)) != len(values):
        raise row.error(key, "een waarde staat er twee keer in")
    if not values and key == "municipalities" and not row.data.get("cases"):
        raise row.error("cases", "een vermelding noemt minstens één casus of gemeente")
    return tuple(values)


def mentions_check(
    mentions: list[MentionRecord], sources: dict, municipalities: set[str], case_numbers: set[int]
) -> None:
    """Every reference of every mention exists, and no line range of a source is given twice."""
    seen = set()
    for mention in mentions:
        prefix = f"mentions[{mention.index}]."
        if mention.source not in sources:
            raise SeedError(mention.file, f"onbekende bron {mention.source!r}", field=f"{prefix}source")
        for number in mention.cases:
            if number not in case_numbers:
                raise SeedError(mention.file, f"onbekende casus {number}", field=f"{prefix}cases")
        for name in mention.municipalities:
            if name not in municipalities:
                raise SeedError(mention.file, f"onbekende gemeente {name!r}", field=f"{prefix}municipalities")
        key = (mention.source, mention.first_line, mention.last_line)
        if key in seen:
            raise SeedError(mention.file, f"{mention.label} staat er twee keer in", field=f"{prefix}lines")
        seen.add(key)


def mention_fixture_state(record: MentionRecord) -> dict:
    return {
        "source": record.source,
        "lines": [record.first_line, record.last_line],
        "passage": record.passage,
        "cases": sorted(record.cases),
        "municipalities": sorted(record.municipalities),
    }


def mention_db_state(mention: SourceMention) -> dict:
    return {
        "source": mention.source.key,
        "lines": [mention.first_line, mention.last_line],
        "passage": mention.passage,
        "cases": sorted(case.number for case in mention.cases.all()),
        "municipalities": sorted(municipality.name for municipality in mention.municipalities.all()),
    }


def load_mentions(mentions: list[MentionRecord], *, sources: dict, municipalities: dict, decide, save, tally):
    """Create, update or keep each mention, as `decide` says; `save` validates and records history."""
    existing = {
        (m.source.key, m.first_line, m.last_line): m
        for m in SourceMention.objects.select_related("source").prefetch_related("cases", "municipalities")
    }
    numbers = {number for mention in mentions for number in mention.cases}
    cases = {case.number: case for case in Case.objects.filter(number__in=numbers)}
    for record in mentions:
        current = existing.get((record.source, record.first_line, record.last_line))
        state = mention_fixture_state(record)
        action = decide(
            mention_db_state(current) if current else None,
            state,
            current.seed_fingerprint if current else "",
        )
        tally.add(action, record.label)
        if action.name not in ("CREATE", "UPDATE"):
            continue
        mention = current or SourceMention(
            source=sources[record.source], first_line=record.first_line, last_line=record.last_line
        )
        mention.passage = record.passage
        mention.seed_fingerprint = fingerprint(state)
        save(mention, file=record.file, prefix=f"mentions[{record.index}].")
        mention.cases.set([cases[number] for number in record.cases])
        mention.municipalities.set([municipalities[name] for name in record.municipalities])
