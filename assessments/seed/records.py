"""Reading fixture files into validated records (no database access)."""

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.utils.text import slugify

from assessments.choices import Criterion, Rating
from cases.choices import (
    ArrangementType,
    EventKind,
    LegalForm,
    Outcome,
    ParticipationRole,
    Province,
    SourceKind,
)
from core.seed.tables import Table, is_integer, read_rows, read_toml


@dataclass(frozen=True)
class MunicipalityRecord:
    name: str
    slug: str
    province: str
    cbs_code: str
    population: int | None
    population_year: int | None
    merged_into: str
    merged_on: str
    facts_source: str


@dataclass(frozen=True)
class SourceRecord:
    key: str
    kind: str
    author: str
    title: str
    date: str
    publisher: str
    url: str
    note: str


@dataclass(frozen=True)
class ParticipantRecord:
    municipality: str
    role: str
    joined_on: str
    left_on: str
    note: str


@dataclass(frozen=True)
class EventRecord:
    date: str
    kind: str
    description: str
    source: str
    citation: str


@dataclass(frozen=True)
class AssessmentRecord:
    assessed_on: str
    assessor: str
    source: str
    ratings: dict[str, str]
    answers: dict[str, str]
    questions: dict[str, str]


@dataclass
class CaseRecord:
    file: Path
    number: int
    fields: dict[str, Any]
    provenance_source: str
    provenance_location: str
    participants: list[ParticipantRecord]
    events: list[EventRecord]
    sources: list[SourceRecord]
    assessment: AssessmentRecord
    cited_keys: set[str] = field(default_factory=set)


def parse_municipalities(file: Path) -> list[MunicipalityRecord]:
    records = []
    for row in read_rows(file, "municipality"):
        row.reject_unknown(
            {
                "name",
                "slug",
                "province",
                "cbs_code",
                "population",
                "population_year",
                "merged_into",
                "merged_on",
                "facts_source",
            }
        )
        name = row.text("name", required=True)
        record = MunicipalityRecord(
            name=name,
            slug=row.text("slug") or slugify(name),
            province=row.text("province", required=True, choices=Province.values),
            cbs_code=row.text("cbs_code"),
            population=row.integer("population"),
            population_year=row.integer("population_year"),
            merged_into=row.text("merged_into"),
            merged_on=row.text("merged_on", date=True),
            facts_source=row.text("facts_source"),
        )
        if (record.population or record.merged_into or record.cbs_code) and not record.facts_source:
            raise row.error("facts_source", "verplicht zodra inwoners, fusie of CBS-code is ingevuld")
        records.append(record)
    return records


def parse_source(row: Table) -> SourceRecord:
    row.reject_unknown({"key", "kind", "author", "title", "date", "publisher", "url", "note"})
    if not (row.text("author") or row.text("title")):
        raise row.error("title", "een bron heeft een auteur of een titel nodig")
    return SourceRecord(
        key=row.text("key", required=True),
        kind=row.text("kind", required=True, choices=SourceKind.values),
        author=row.text("author"),
        title=row.text("title"),
        date=row.text("date", date=True),
        publisher=row.text("publisher"),
        url=row.text("url", url=True),
        note=row.text("note"),
    )


def parse_sources(file: Path) -> list[SourceRecord]:
    return [parse_source(row) for row in read_rows(file, "sources")]


CASE_KEYS = {
    "number",
    "slug",
    "title",
    "organisation_name",
    "arrangement_type",
    "outcome",
    "year",
    "start",
    "planned_start",
    "end",
    "as_of",
    "legal_form",
    "seat",
    "summary",
    "lessons",
    "source_notes",
    "narrative",
    "provenance",
    "participants",
    "events",
    "sources",
    "assessment",
}


def parse_case(file: Path) -> CaseRecord:
    data = read_toml(file)
    number = data.get("number")
    top = Table(data, file, number if isinstance(number, int) else None)
    top.integer("number", required=True)
    top.reject_unknown(CASE_KEYS)
    fields = {
        "number": number,
        "slug": top.text("slug", required=True),
        "title": top.text("title", required=True),
        "organisation_name": top.text("organisation_name"),
        "arrangement_type": top.text("arrangement_type", required=True, choices=ArrangementType.values),
        "outcome": top.text("outcome", required=True, choices=Outcome.values),
        "year": top.integer("year"),
        "start_date": top.text("start", date=True),
        "planned_start": top.text("planned_start", date=True),
        "end_date": top.text("end", date=True),
        "legal_form": top.text("legal_form", choices=LegalForm.values),
        "seat": top.text("seat"),
        "summary": top.text("summary", required=True),
        "narrative": top.text("narrative", required=True),
        "lessons": top.text("lessons"),
        "source_notes": top.text("source_notes"),
        "as_of": top.text("as_of", date=True),
    }
    provenance = top.table("provenance")
    provenance_source = provenance.text("source", required=True)
    return CaseRecord(
        file=file,
        number=number,
        fields=fields,
        provenance_source=provenance_source,
        provenance_location=_provenance_location(provenance),
        participants=[_parse_participant(row) for row in top.tables("participants")],
        events=[_parse_event(row) for row in top.tables("events")],
        sources=[parse_source(row) for row in top.tables("sources")],
        assessment=_parse_assessment(top.table("assessment")),
    )


def _provenance_location(provenance: Table) -> str:
    provenance.reject_unknown({"source", "lines", "tabel2_row", "tabel1_rows"})
    lines = provenance.data.get("lines")
    if not (isinstance(lines, list) and len(lines) == 2 and all(is_integer(n) for n in lines)):
        raise provenance.error("lines", "twee regelnummers verwacht, bijvoorbeeld [715, 743]")
    parts = [f"regels {lines[0]}–{lines[1]}"]
    if provenance.integer("tabel2_row"):
        parts.append(f"Tabel 2, rij {provenance.data['tabel2_row']}")
    tabel1 = provenance.data.get("tabel1_rows", [])
    if not (isinstance(tabel1, list) and all(is_integer(row) for row in tabel1)):
        raise provenance.error("tabel1_rows", f"een lijst van rijnummers verwacht, niet {tabel1!r}")
    if tabel1:
        parts.append(f"Tabel 1, rij {', '.join(str(row) for row in tabel1)}")
    return "; ".join(parts)


def _parse_participant(row: Table) -> ParticipantRecord:
    row.reject_unknown({"municipality", "role", "joined", "left", "note"})
    return ParticipantRecord(
        municipality=row.text("municipality", required=True),
        role=row.text("role", required=True, choices=ParticipationRole.values),
        joined_on=row.text("joined", date=True),
        left_on=row.text("left", date=True),
        note=row.text("note"),
    )


def _parse_event(row: Table) -> EventRecord:
    row.reject_unknown({"date", "kind", "description", "source", "citation"})
    return EventRecord(
        date=row.text("date", required=True, date=True),
        kind=row.text("kind", required=True, choices=EventKind.values),
        description=row.text("description", required=True),
        source=row.text("source"),
        citation=row.text("citation"),
    )


def _parse_assessment(table: Table) -> AssessmentRecord:
    table.reject_unknown({"assessed_on", "assessor", "source", *Criterion.values})
    ratings, answers, questions = {}, {}, {}
    for criterion in Criterion.values:
        item = table.table(criterion)
        item.reject_unknown({"rating", "answer", "question"})
        ratings[criterion] = item.text("rating", required=True, choices=Rating.values)
        answers[criterion] = item.text("answer", required=True)
        questions[criterion] = item.text("question")
    return AssessmentRecord(
        assessed_on=table.text("assessed_on", required=True, date=True),
        assessor=table.text("assessor", required=True),
        source=table.text("source"),
        ratings=ratings,
        answers=answers,
        questions=questions,
    )
