"""What the council PDFs say: plain, preformatted data for the print templates.

The print templates get text only (dates in words, choice labels, joined names), so they need
no template tags and every value is escaped by Django's autoescaping like any other text.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import formats, timezone

from assessments.choices import Criterion, Rating
from assessments.models import Assessment
from cases.choices import ParticipationRole
from cases.hooks import REPORT_SECTIONS
from cases.models import Case, Event, Participation, Source
from cases.pdf.queries import current_assessment, with_pdf_relations  # noqa: F401  (imported from here too)
from core.dates import format_partial_date, format_period
from core.pdf.text import normalize_text

AUTHOR = "SETA dossiers"


@dataclass(frozen=True)
class RatingCell:
    """One criterion's rating: the stored value (for the colour) and its Dutch label."""

    value: str
    label: str


@dataclass(frozen=True)
class CriterionRow:
    """One line of the five-point check table."""

    label: str
    question: str
    rating: RatingCell
    answer: str


@dataclass(frozen=True)
class CheckView:
    """The current five-point check of a case."""

    assessed_on: str
    assessor: str
    source: str
    note: str
    rows: list[CriterionRow]


@dataclass(frozen=True)
class SourceEntry:
    """A cited document as one line of text, with a web address when it has one."""

    text: str
    url: str


@dataclass(frozen=True)
class CaseDossier:
    """Everything the PDF shows of one case."""

    case: Case
    municipalities: str
    period: str
    facts: list[tuple[str, str]]
    check: CheckView | None
    title: str = ""
    summary: str = ""
    lessons: str = ""
    source_notes: str = ""
    events: list[dict] = field(default_factory=list)
    participants: list[dict] = field(default_factory=list)
    sources: list[SourceEntry] = field(default_factory=list)
    provenance: str = ""
    as_of: str = ""


def date_in_words(value: datetime.date) -> str:
    """A full date in the active language: "22 november 2026"."""
    return formats.date_format(value, "j F Y")


def rating_cell(value: str | None) -> RatingCell:
    """A rating value as a cell; "—" when the case has no check yet."""
    if not value:
        return RatingCell("", "—")
    return RatingCell(value, str(Rating(value).label))


def source_text(source: Source | None) -> str:
    """A source as "Author (date). Title. Publisher" ("" for none)."""
    if source is None:
        return ""
    head = " ".join(part for part in (source.author, f"({source.date})" if source.date else "") if part)
    parts = [head, source.title, source.publisher]
    return ". ".join(part.strip().rstrip(".") for part in parts if part and part.strip())


def source_entry(source: Source) -> SourceEntry:
    """A source for the list of sources, with its web address only when that is http(s)."""
    url = source.url if source.url.startswith(("https://", "http://")) else ""
    return SourceEntry(f"{source_text(source)}.", url)


def case_period(case: Case) -> str:
    """The period in words (core.dates.format_period): "vanaf 2008", "maart 2012 – 2016"; "" if unknown."""
    return format_period(case.start_date, case.end_date)


def municipality_names(participations: list[Participation]) -> str:
    """The participating municipalities, a role other than partner in brackets; not the mentioned ones."""
    names = []
    for participation in participations:
        if participation.role == ParticipationRole.MENTIONED:
            continue
        name = participation.municipality.name
        if participation.role != ParticipationRole.PARTNER:
            name = f"{name} ({participation.get_role_display().lower()})"
        names.append(name)
    return ", ".join(names)


def mentioned_names(participations: list[Participation]) -> str:
    """The municipalities the story only mentions, joined."""
    return ", ".join(p.municipality.name for p in participations if p.role == ParticipationRole.MENTIONED)


def check_view(assessment: Assessment | None) -> CheckView | None:
    """The five-point check as table rows, answers verbatim."""
    if assessment is None:
        return None
    rows = [
        CriterionRow(
            label=str(item["criterion"].label),
            question=str(item["question"]),
            rating=rating_cell(item["rating"]),
            answer=normalize_text(item["answer"]),
        )
        for item in assessment.criteria()
    ]
    return CheckView(
        assessed_on=format_partial_date(assessment.assessed_on),
        assessor=assessment.assessor,
        source=source_text(assessment.source),
        note=normalize_text(assessment.note),
        rows=rows,
    )


def event_rows(events: list[Event]) -> list[dict]:
    """The timeline, dates in words and each event's source citation."""
    rows = []
    for event in events:
        citation = ", ".join(part for part in (source_text(event.source), event.citation) if part)
        rows.append(
            {
                "date": format_partial_date(event.date),
                "kind": event.get_kind_display(),
                "description": normalize_text(event.description),
                "citation": normalize_text(citation),
            }
        )
    return rows


def participant_rows(participations: list[Participation]) -> list[dict]:
    """The participants with province, role, dates and note."""
    return [
        {
            "name": participation.municipality.name,
            "province": participation.municipality.get_province_display(),
            "role": participation.get_role_display(),
            "joined": format_partial_date(participation.joined_on),
            "left": format_partial_date(participation.left_on),
            "note": normalize_text(participation.note),
        }
        for participation in participations
    ]


def case_facts(case: Case, municipalities: str, period: str, mentioned: str = "") -> list[tuple[str, str]]:
    """The heading block: label and value of each known fact."""
    planned = f"{format_partial_date(case.planned_start)} (gepland)" if case.planned_start else ""
    facts = [
        ("Gemeenten", municipalities or "—"),
        ("Alleen genoemd in de bron", mentioned),
        ("Vorm van samenwerking", case.get_arrangement_type_display()),
        ("Uitkomst", case.get_outcome_display()),
        ("Periode", period or ("" if case.year or case.planned_start else "onbekend")),
        ("Gepland begin", planned),
        ("Jaar van fusie of besluit", str(case.year or "")),
        ("Organisatie", case.organisation_name),
        ("Rechtsvorm", case.get_legal_form_display() if case.legal_form else ""),
        ("Vestigingsplaats", case.seat),
        ("Casusnummer (Korsten 2017)", str(case.number or "")),
    ]
    return [(label, value) for label, value in facts if value]


def provenance_text(case: Case) -> str:
    """Where the dossier comes from: "Korsten (2017) …, regels 715–743"."""
    parts = [source_text(case.provenance_source), case.provenance_location]
    return ", ".join(part for part in parts if part)


def case_dossier(case: Case, assessment: Assessment | None) -> CaseDossier:
    """The PDF view of a case loaded with `with_pdf_relations` and its current assessment."""
    participations = list(case.participations.all())
    municipalities = municipality_names(participations)
    period = case_period(case)
    return CaseDossier(
        case=case,
        municipalities=municipalities,
        period=period,
        facts=case_facts(case, municipalities, period, mentioned_names(participations)),
        check=check_view(assessment),
        title=normalize_text(case.title),
        summary=normalize_text(case.summary),
        lessons=normalize_text(case.lessons),
        source_notes=normalize_text(case.source_notes),
        events=event_rows(list(case.events.all())),
        participants=participant_rows(participations),
        sources=[source_entry(source) for source in case.sources.all()],
        provenance=provenance_text(case),
        as_of=format_partial_date(case.as_of),
    )


def dossier_context(case: Case, *, now: datetime.datetime | None = None) -> dict:
    """Template context of the dossier PDF of one case."""
    now = now or timezone.localtime()
    dossier = case_dossier(case, current_assessment(case))
    return {
        "document_title": f"Dossier {case.title}",
        "description": "Dossier van een ambtelijke samenwerking van gemeenten, met de vijfpuntscheck.",
        "author": AUTHOR,
        "generated_at": now,
        "generated_on": date_in_words(now.date()),
        "dossier": dossier,
    }


def report_row(case: Case) -> dict:
    """A line of the report's overview table: the case, its municipalities, the five current ratings.

    `case` comes from a queryset with `with_list_annotations()` and `with_participants()`.
    """
    ratings = [getattr(case, f"current_{criterion}", None) for criterion in Criterion.values]
    return {
        "case": case,
        "title": normalize_text(case.title),
        "municipalities": municipality_names(list(case.participations.all())),
        "ratings": [rating_cell(rating) for rating in ratings],
    }


def report_context(filterset, *, now: datetime.datetime | None = None) -> dict:
    """Template context of the selection report's first part: title, filters and overview.

    The case sections are rendered separately (`report_section_context`), so this holds only
    one overview row per case. Further parts of the front matter after the overview (the analysis of
    the checks) are registered by higher apps with cases.hooks.REPORT_SECTIONS.
    """
    now = now or timezone.localtime()
    rows = [report_row(case) for case in filterset.qs]
    cases = [row["case"] for row in rows]
    sections = list(REPORT_SECTIONS)  # registered by higher apps, e.g. the analysis of the checks
    extra = {key: value for section in sections for key, value in section.context(cases).items()}
    return {
        "document_title": "Selectie van casussen",
        "description": "Overzicht en dossiers van een selectie van ambtelijke samenwerkingen van gemeenten.",
        "author": AUTHOR,
        "generated_at": now,
        "generated_on": date_in_words(now.date()),
        "filters": filterset.active_filters(),
        "criteria": [str(criterion.label) for criterion in Criterion],
        "rows": rows,
        "count": len(rows),
        "report_sections": [section.template for section in sections],
        **extra,
    }
