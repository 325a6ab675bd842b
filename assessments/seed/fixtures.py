"""The whole fixture set, read and checked for consistency across files."""

from dataclasses import dataclass
from pathlib import Path

from assessments.seed.mentions import MentionRecord, mentions_check, parse_mentions
from assessments.seed.records import (
    CaseRecord,
    MunicipalityRecord,
    SourceRecord,
    parse_case,
    parse_municipalities,
    parse_sources,
)
from core.seed.errors import SeedError


@dataclass
class FixtureSet:
    municipalities: list[MunicipalityRecord]
    sources: dict[str, SourceRecord]
    cases: list[CaseRecord]
    mentions: list[MentionRecord]
    # Where each source is described: file, case number and field, to blame the right place.
    source_origins: dict[str, tuple[Path, int | None, str]]


def fixtures_read(directory: Path) -> FixtureSet:
    """Parse every fixture file and check references between them; no database access."""
    if not directory.is_dir():
        raise SeedError(
            directory, "de map met fixtures bestaat niet" if not directory.exists() else "is geen map"
        )
    municipalities = parse_municipalities(directory / "municipalities.toml")
    _check_municipalities(directory / "municipalities.toml", municipalities)
    sources, origins = _read_sources(directory / "sources.toml")
    case_files = sorted((directory / "cases").glob("*.toml"))
    if not case_files:
        raise SeedError(directory / "cases", "geen casusbestanden (*.toml) gevonden")
    cases = [parse_case(file) for file in case_files]
    _check_unique_cases(cases)
    known = {record.name for record in municipalities}
    for case in cases:
        _collect_sources(case, sources, origins)
    for case in cases:
        _check_case_references(case, known, sources)
        # A case describes the situation at the date of its source, unless it says otherwise.
        case.fields["as_of"] = case.fields["as_of"] or sources[case.provenance_source].date
    mentions = parse_mentions(directory / "mentions.toml")
    mentions_check(mentions, sources, known, {case.number for case in cases})
    by_number = {case.number: case for case in cases}
    for mention in mentions:
        for number in mention.cases:
            by_number[number].cited_keys.add(mention.source)
    return FixtureSet(municipalities, sources, sorted(cases, key=lambda case: case.number), mentions, origins)


def _read_sources(file: Path) -> tuple[dict[str, SourceRecord], dict]:
    sources, origins = {}, {}
    for index, record in enumerate(parse_sources(file), start=1):
        if record.key in sources:
            raise SeedError(file, f"bron {record.key!r} staat er twee keer in", field=f"sources[{index}].key")
        sources[record.key] = record
        origins[record.key] = (file, None, f"sources[{index}].")
    return sources, origins


def _check_municipalities(file: Path, records: list[MunicipalityRecord]) -> None:
    names, slugs = set(), set()
    for index, record in enumerate(records, start=1):
        if record.name in names:
            raise SeedError(
                file, f"{record.name!r} staat er twee keer in", field=f"municipality[{index}].name"
            )
        if record.slug in slugs:
            raise SeedError(
                file, f"slug {record.slug!r} komt twee keer voor", field=f"municipality[{index}].slug"
            )
        names.add(record.name)
        slugs.add(record.slug)
    for index, record in enumerate(records, start=1):
        if record.merged_into and record.merged_into not in names:
            raise SeedError(
                file, f"onbekende gemeente {record.merged_into!r}", field=f"municipality[{index}].merged_into"
            )


def _check_unique_cases(cases: list[CaseRecord]) -> None:
    seen: dict[tuple[str, object], CaseRecord] = {}
    for case in cases:
        for key in ("number", "slug"):
            value = case.fields[key]
            other = seen.get((key, value))
            if other is not None:
                raise SeedError(
                    case.file,
                    f"{key} {value!r} staat ook in {other.file.name}",
                    case=case.number,
                    field=key,
                )
            seen[(key, value)] = case


def _collect_sources(case: CaseRecord, sources: dict[str, SourceRecord], origins: dict) -> None:
    for index, record in enumerate(case.sources, start=1):
        existing = sources.get(record.key)
        if existing is not None and existing != record:
            raise SeedError(
                case.file,
                f"bron {record.key!r} is elders anders beschreven",
                case=case.number,
                field=f"sources[{index}].key",
            )
        sources[record.key] = record
        origins.setdefault(record.key, (case.file, case.number, f"sources[{index}]."))


def _check_case_references(case: CaseRecord, municipalities: set[str], sources: dict) -> None:
    def require_source(key: str, field: str) -> None:
        if key and key not in sources:
            raise SeedError(case.file, f"onbekende bron {key!r}", case=case.number, field=field)
        if key:
            case.cited_keys.add(key)

    names = set()
    for index, participant in enumerate(case.participants, start=1):
        field = f"participants[{index}].municipality"
        if participant.municipality not in municipalities:
            raise SeedError(
                case.file, f"onbekende gemeente {participant.municipality!r}", case=case.number, field=field
            )
        if participant.municipality in names:
            raise SeedError(
                case.file, f"{participant.municipality!r} doet twee keer mee", case=case.number, field=field
            )
        names.add(participant.municipality)
    require_source(case.provenance_source, "provenance.source")
    require_source(case.assessment.source, "assessment.source")
    for index, event in enumerate(case.events, start=1):
        require_source(event.source, f"events[{index}].source")
    for record in case.sources:
        case.cited_keys.add(record.key)
