"""The PDF machinery in core/ is one straight line that knows no app above it (issue 17): every
import in core/, inside functions too, stays in core, Django and libraries; the cases' report
gets the check's analysis as a section assessments registers (cases.hooks), not by importing it; files are
stored in PostgreSQL, streamed back, and deleted with their chunks."""

import ast
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.template.loader import get_template

from cases.hooks import REPORT_SECTIONS
from core.pdf.models import StoredFile, StoredFileChunk
from core.pdf.registry import get_document
from core.pdf.storage import CHUNK_SIZE

HIGHER = ("cases", "assessments", "explorations", "seta")


def imported_modules(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_core_imports_no_app_above_it():
    for path in (settings.BASE_DIR / "core").rglob("*.py"):
        upward = {name for name in imported_modules(path) if name.split(".")[0] in HIGHER}
        assert not upward, f"{path} imports {upward}"


def test_the_pdf_machinery_imports_in_one_direction():
    """request service → task → worker → storage/progress: no module imports one before it."""
    order = ["requests", "tasks", "worker", "progress", "models"]
    folder = settings.BASE_DIR / "core" / "pdf"
    for position, name in enumerate(order):
        earlier = {f"core.pdf.{other}" for other in order[:position]}
        assert not imported_modules(folder / f"{name}.py") & earlier, name


def test_the_report_gets_its_analysis_as_a_registered_section():
    for path in (settings.BASE_DIR / "cases" / "pdf").rglob("*.py"):
        assert "selection_analysis" not in path.read_text(), path
    for name in ("report.html", "report_overview.html"):
        source = get_template(f"pdf/{name}").template.source
        assert "assessments/" not in source, name
    assert "assessments/pdf/analysis.html" in [section.template for section in REPORT_SECTIONS]


def test_every_pdf_the_app_makes_is_a_registered_document():
    for kind in ("dossier", "report", "compare", "exploration"):
        assert get_document(kind).kind == kind


@pytest.mark.django_db
def test_files_are_stored_in_postgresql_in_chunks_and_streamed_back():
    storage = storages["pdf_exports"]
    content = bytes(range(256)) * (CHUNK_SIZE // 256 * 2 + 10)  # two chunks and a bit

    name = storage.save("exports/test.pdf", ContentFile(content))

    assert StoredFileChunk.objects.filter(file__name=name).count() == 3
    assert storage.exists(name) and storage.size(name) == len(content)
    with storage.open(name) as handle:
        assert handle.read(10) == content[:10]
        assert handle.read() == content[10:]
    assert storage.save("exports/test.pdf", ContentFile(b"other")) != name  # never overwritten
    storage.delete(name)
    assert not storage.exists(name) and not StoredFile.objects.filter(name=name).exists()
    with pytest.raises(FileNotFoundError):
        storage.open(name)
