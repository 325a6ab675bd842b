"""The documents the PDF machinery can make, registered by the apps in their AppConfig.ready.

The core knows no document: an app registers a `PdfDocument` (how to render it to a file, which
permission it needs, what to call it, where "try again" and "back" lead) and, for the data its
documents show, a data-version function, so that the same document over unchanged data is served
from the stored file. (A document's own parts added by higher apps, such as the check's analysis
in the cases' report, use that app's hooks: cases.hooks.REPORT_SECTIONS.)
"""

from collections.abc import Callable
from dataclasses import dataclass, field

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PdfDocument:
    """A kind of PDF export.

    `render(export, target, progress)` writes the PDF of `export` to `target` (in the limited
    render process) and calls `progress(done, total)`; a RenderBudgetExceeded (core/pdf/limits.py)
    fails the export with its Dutch message. `retry_url(export)` leads to where the export is
    asked for again, `back_url(export)` back to what it shows; `title(export)` names it on
    the progress page ("de selectie"); `progress_noun` counts the parts there ("casus"). Small
    documents are taken from the queue before large ones.
    """

    kind: str
    permission: str
    render: Callable[..., None]
    title: Callable[..., str]
    retry_url: Callable[..., str]
    back_url: Callable[..., str]
    small: bool = False
    progress_noun: str = ""  # may be a lazy translation


@dataclass
class Registry:
    documents: dict[str, PdfDocument] = field(default_factory=dict)
    data_versions: list[Callable[[], str]] = field(default_factory=list)


registry = Registry()


def register_document(document: PdfDocument) -> None:
    registry.documents[document.kind] = document


def get_document(kind: str) -> PdfDocument:
    """The registered document of `kind` (KeyError for a kind no app registered)."""
    return registry.documents[kind]


def register_data_version(function: Callable[[], str]) -> None:
    if function not in registry.data_versions:
        registry.data_versions.append(function)


def data_version() -> str:
    """Changes whenever anything a PDF shows may have changed (joined from every app's part)."""
    return "|".join(function() for function in registry.data_versions)


def export_permissions() -> set[str]:
    """The permissions of the registered documents: a user with none of them may see no export."""
    return {document.permission for document in registry.documents.values()}
