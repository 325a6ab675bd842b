"""The models of the dossiers: cases with their participations and events, the reference data
(municipalities, sources), the passages of sources that mention cases, and the PDF exports."""

from cases.models.case import (
    CASE_EDITABLE_FIELDS,
    RECENT_SAVES,
    Case,
    Event,
    ParticipantName,
    Participation,
)
from cases.models.mention import SourceMention
from cases.models.reference import Municipality, Source

__all__ = [
    "CASE_EDITABLE_FIELDS",
    "RECENT_SAVES",
    "Case",
    "Event",
    "Municipality",
    "ParticipantName",
    "Participation",
    "Source",
    "SourceMention",
]
