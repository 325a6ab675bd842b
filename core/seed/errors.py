"""The one error type of seed loading: it names the file, the case and the field."""

from pathlib import Path


class SeedError(Exception):
    """An invalid or inconsistent fixture record. Nothing has been written when it is raised."""

    def __init__(self, file: Path | str, message: str, *, case: int | None = None, field: str = ""):
        self.file = str(file)
        self.case = case
        self.field = field
        self.message = message
        where = [self.file]
        if case is not None:
            where.append(f"casus {case}")
        if field:
            where.append(f"veld {field}")
        super().__init__(f"{', '.join(where)}: {message}")
