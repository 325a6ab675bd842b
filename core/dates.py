"""Partial dates: a date known to the year, the month or the day, as sources give them.

They are stored as ISO text ("2013", "2013-06", "2013-06-01"), which sorts in date order
and never claims more precision than the source has.
"""

import datetime
import re

from django.core.exceptions import ValidationError
from django.db.models import F, Q
from django.db.models.functions import Left, Length
from django.utils import formats
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

PARTIAL_DATE_REGEX = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"
_PATTERN = re.compile(PARTIAL_DATE_REGEX)


def parse_partial_date(text: str) -> datetime.date:
    """The first day a partial date can mean; ValueError when it is no valid date."""
    if not _PATTERN.match(text):
        raise ValueError(text)
    parts = [int(part) for part in text.split("-")]
    year, month, day = [*parts, 1, 1][:3]
    return datetime.date(year, month, day)


def validate_partial_date(value: str) -> None:
    if not value:
        return
    try:
        parse_partial_date(value)
    except ValueError:
        raise ValidationError(
            _("Geef een datum als JJJJ, JJJJ-MM of JJJJ-MM-DD, bijvoorbeeld 2013 of 2013-06-01."),
            code="invalid_partial_date",
        ) from None


_DUTCH_INPUT = [
    (re.compile(r"^(?P<year>[0-9]{4})$"), ""),
    (re.compile(r"^(?P<month>[0-9]{1,2})[-/.](?P<year>[0-9]{4})$"), "month"),
    (re.compile(r"^(?P<day>[0-9]{1,2})[-/.](?P<month>[0-9]{1,2})[-/.](?P<year>[0-9]{4})$"), "day"),
    (re.compile(r"^(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})$"), "month"),
    (re.compile(r"^(?P<year>[0-9]{4})-(?P<month>[0-9]{1,2})-(?P<day>[0-9]{1,2})$"), "day"),
]
INPUT_ERROR = _(
    "Geef een datum als dd-mm-jjjj, mm-jjjj of jjjj (of jjjj-mm-dd), "
    "bijvoorbeeld 20-11-2026, 11-2026 of 2026."
)


def parse_dutch_date_input(text: str) -> str:
    """What a Dutch user types ("1-1-2010", "20-11-2026", "11-2026", "2026", "2026-11-20") as an
    ISO partial date ("2010-01-01", "2026-11-20", "2026-11", "2026"); ValueError if it is none."""
    text = text.strip()
    for pattern, precision in _DUTCH_INPUT:
        match = pattern.match(text)
        if match:
            year = int(match["year"])
            month = int(match["month"]) if precision else 1
            day = int(match["day"]) if precision == "day" else 1
            datetime.date(year, month, day)  # raises ValueError for 31-02-2020 or month 13
            return (
                f"{year:04d}"
                + (f"-{month:02d}" if precision else "")
                + (f"-{day:02d}" if precision == "day" else "")
            )
    raise ValueError(text)


def format_partial_date_input(value: str) -> str:
    """An ISO partial date the way a Dutch user types it: "20-11-2026", "11-2026", "2026".
    Anything else (what someone typed that was refused) is returned unchanged."""
    if not isinstance(value, str) or not _PATTERN.match(value):
        return value
    return "-".join(reversed(value.split("-")))


def partial_date_before(later: str, earlier: str) -> bool:
    """True when `later` certainly lies before `earlier` (compared at the coarser precision)."""
    if not later or not earlier:
        return False
    return later < earlier[: len(later)]


def format_partial_date(value: str) -> str:
    """Render a partial date no more precisely than it is known: "2013", "juni 2013", "7 juli 2015"."""
    if not value:
        return ""
    date = parse_partial_date(value)
    if len(value) == 4:
        return value
    if len(value) == 7:
        return formats.date_format(date, "F Y")
    return formats.date_format(date, "j F Y")


def partial_date_format_q(field: str) -> Q:
    """A check-constraint condition: the field is empty or a well-formed partial date."""
    return Q(**{field: ""}) | Q(**{f"{field}__regex": PARTIAL_DATE_REGEX})


def partial_date_order_q(start: str, end: str) -> Q:
    """A check-constraint condition: `end` does not lie before `start`."""
    return Q(**{start: ""}) | Q(**{end: ""}) | Q(**{f"{end}__gte": Left(F(start), Length(F(end)))})


def format_period(start: str, end: str) -> str:
    """The one way a period is shown: "2008 – 2014", "maart 2012 – 2016", "vanaf 2008"; "" if unknown.

    An open end is not called "heden": the source only tells what held when it was written.
    """
    if not start and not end:
        return ""
    if not end:
        return gettext("vanaf %(start)s") % {"start": format_partial_date(start)}
    return f"{format_partial_date(start) or '?'} – {format_partial_date(end)}"
