"""Comparable snapshots of what the fixtures say and what the database holds.

Both sides are reduced to the same plain structure, so that a fingerprint tells whether a
record matches its fixture, and whether it still is what the loader last wrote.
"""

from dataclasses import asdict

from assessments.choices import Criterion
from assessments.models import Assessment
from assessments.seed.records import CaseRecord, MunicipalityRecord, SourceRecord
from cases.models import CASE_EDITABLE_FIELDS, Case, Municipality, Source

CASE_FIELDS = ["number", *CASE_EDITABLE_FIELDS]
SOURCE_FIELDS = ["key", "kind", "author", "title", "date", "publisher", "url", "note"]
MUNICIPALITY_FIELDS = [
    "name",
    "slug",
    "province",
    "cbs_code",
    "population",
    "population_year",
    "merged_on",
    "facts_source",
]
ASSESSMENT_FIELDS = ["assessed_on", "assessor"] + [
    f"{criterion}_{part}" for criterion in Criterion.values for part in ("rating", "answer", "question")
]


def municipality_fixture_state(record: MunicipalityRecord) -> dict:
    return asdict(record)


def municipality_db_state(municipality: Municipality) -> dict:
    state = {name: getattr(municipality, name) for name in MUNICIPALITY_FIELDS}
    state["merged_into"] = municipality.merged_into.name if municipality.merged_into else ""
    return state


def source_fixture_state(record: SourceRecord) -> dict:
    return asdict(record)


def source_db_state(source: Source) -> dict:
    return {name: getattr(source, name) for name in SOURCE_FIELDS}


def case_fixture_state(record: CaseRecord) -> dict:
    assessment = record.assessment
    return {
        "fields": dict(record.fields),
        "provenance": [record.provenance_source, record.provenance_location],
        "sources": sorted(record.cited_keys),
        "participants": sorted(
            [p.municipality, p.role, p.joined_on, p.left_on, p.note] for p in record.participants
        ),
        "events": sorted([e.date, e.kind, e.description, e.source, e.citation] for e in record.events),
        "assessment": {
            "assessed_on": assessment.assessed_on,
            "assessor": assessment.assessor,
            "source": assessment.source,
            **{f"{c}_rating": assessment.ratings[c] for c in Criterion.values},
            **{f"{c}_answer": assessment.answers[c] for c in Criterion.values},
            **{f"{c}_question": assessment.questions[c] for c in Criterion.values},
        },
    }


def seed_assessment(case: Case, source_key: str) -> Assessment | None:
    """The assessment the loader manages: the first one citing the fixture's source."""
    candidates = [a for a in case.assessments.all() if (a.source.key if a.source else "") == source_key]
    return min(candidates, key=lambda a: a.id, default=None)


def case_db_state(case: Case, assessment_source: str) -> dict:
    assessment = seed_assessment(case, assessment_source)
    return {
        "fields": {name: getattr(case, name) for name in CASE_FIELDS},
        "provenance": [
            case.provenance_source.key if case.provenance_source else "",
            case.provenance_location,
        ],
        "sources": sorted(source.key for source in case.sources.all()),
        "participants": sorted(
            [p.municipality.name, p.role, p.joined_on, p.left_on, p.note] for p in case.participations.all()
        ),
        "events": sorted(
            [e.date, e.kind, e.description, e.source.key if e.source else "", e.citation]
            for e in case.events.all()
        ),
        "assessment": None
        if assessment is None
        else {
            **{name: getattr(assessment, name) for name in ASSESSMENT_FIELDS},
            "source": assessment.source.key if assessment.source else "",
        },
    }
