"""Typed, checked access to TOML fixture files: every problem becomes a SeedError naming file and field."""

import tomllib
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator

from core.dates import parse_partial_date
from core.seed.errors import SeedError

# Characters PostgreSQL text cannot hold (NUL) or that no fixture text needs (other C0 controls).
FORBIDDEN = {chr(code) for code in range(32)} - {"\n", "\t", "\r"}


def is_integer(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def check_characters(value: str) -> str:
    """ "" when `value` is clean, else what is wrong with it."""
    bad = sorted({char for char in value if char in FORBIDDEN})
    if not bad:
        return ""
    names = ", ".join(f"U+{ord(char):04X}" for char in bad)
    return f"bevat een niet toegestaan stuurteken ({names}), bijvoorbeeld \\u0000"


class Table:
    """Typed access to one TOML table, raising SeedError that names file, case and field."""

    def __init__(self, data: dict, file: Path, case: int | None, prefix: str = ""):
        self.data, self.file, self.case, self.prefix = data, file, case, prefix

    def error(self, key: str, message: str) -> SeedError:
        return SeedError(self.file, message, case=self.case, field=f"{self.prefix}{key}")

    def text(
        self, key: str, *, required: bool = False, choices=None, date: bool = False, url: bool = False
    ) -> str:
        value = self.data.get(key, "")
        if not isinstance(value, str):
            raise self.error(key, f"tekst verwacht, niet {value!r}")
        if problem := check_characters(value):
            raise self.error(key, problem)
        value = value.strip()
        if required and not value:
            raise self.error(key, "ontbreekt of is leeg")
        if choices is not None and value and value not in choices:
            raise self.error(key, f"{value!r} is geen van {', '.join(choices)}")
        if date and value:
            try:
                parse_partial_date(value)
            except ValueError:
                raise self.error(key, f"{value!r} is geen datum JJJJ, JJJJ-MM of JJJJ-MM-DD") from None
        if url and value:
            try:
                URLValidator(schemes=["http", "https"])(value)
            except ValidationError:
                raise self.error(key, f"{value!r} is geen geldig webadres (http of https)") from None
        return value

    def integer(self, key: str, *, required: bool = False) -> int | None:
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.error(key, "ontbreekt")
            return None
        if not is_integer(value):
            raise self.error(key, f"geheel getal verwacht, niet {value!r}")
        return value

    def strings(self, key: str) -> list[str]:
        """A list of non-empty texts (empty list when absent)."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise self.error(key, f"een lijst van teksten verwacht, niet {value!r}")
        for item in value:
            if problem := check_characters(item):
                raise self.error(key, problem)
        return [item.strip() for item in value]

    def integers(self, key: str) -> list[int]:
        """A list of whole numbers (empty list when absent)."""
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(is_integer(item) for item in value):
            raise self.error(key, f"een lijst van gehele getallen verwacht, niet {value!r}")
        return value

    def table(self, key: str) -> "Table":
        value = self.data.get(key)
        if not isinstance(value, dict):
            raise self.error(key, "ontbreekt (een tabel verwacht)")
        return Table(value, self.file, self.case, f"{self.prefix}{key}.")

    def tables(self, key: str) -> list["Table"]:
        value = self.data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(item, dict) for item in value):
            raise self.error(key, "een lijst van tabellen verwacht")
        return [
            Table(item, self.file, self.case, f"{self.prefix}{key}[{index}].")
            for index, item in enumerate(value, start=1)
        ]

    def reject_unknown(self, allowed: set[str]) -> None:
        for key in self.data:
            if key not in allowed:
                raise self.error(key, f"onbekend veld (verwacht: {', '.join(sorted(allowed))})")


def read_toml(file: Path) -> dict:
    """The parsed file; a missing, unreadable, empty, non-UTF-8 or invalid file is a SeedError."""
    try:
        content = file.read_bytes()
    except FileNotFoundError:
        raise SeedError(file, "bestand ontbreekt") from None
    except IsADirectoryError:
        raise SeedError(file, "is een map, geen bestand") from None
    except OSError as error:
        raise SeedError(file, f"kan niet gelezen worden ({error.strerror})") from None
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError as error:
        line = content[: error.start].count(b"\n") + 1
        raise SeedError(file, f"geen geldige UTF-8 (regel {line}, byte {error.start + 1})") from None
    if not text.strip():
        raise SeedError(file, "het bestand is leeg")
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise SeedError(file, f"geen geldige TOML: {error}") from None


def read_rows(file: Path, key: str, *, required: bool = True) -> list[Table]:
    """The `[[key]]` tables of a file that holds nothing else."""
    top = Table(read_toml(file), file, None)
    top.reject_unknown({key})
    rows = top.tables(key)
    if required and not rows:
        raise top.error(key, f"geen enkele [[{key}]] gevonden")
    return rows
