"""The documents the PDF machinery can make, registered by the apps in their AppConfig.ready.

The core knows no document: an app registers a `PdfDocument` (how to render it to a file, which
permission it needs, what to call it, where "try again" and "back" lead) and, for the data its
documents show, a data-version function, so that the same document over unchanged data is served
from the stored file. A document made of sections (the selection report) lets higher apps add a
section with `register_section` (the check's analysis in the report): the lower app never
imports them.
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


@dataclass(frozen=True)
class Section:
    """A part a higher app adds to a registered document: a template and its context."""

    name: str
    template: str
    context: Callable[..., dict]
    order: int = 0


@dataclass
class Registry:
    documents: dict[str, PdfDocument] = field(default_factory=dict)
    sections: dict[str, list[Section]] = field(default_factory=dict)
    data_versions: list[Callable[[], str]] = field(default_factory=list)


registry = Registry()


def register_document(document: PdfDocument) -> None:
    registry.documents[document.kind] = document


def get_document(kind: str) -> PdfDocument:
    """The registered document of `kind` (KeyError for a kind no app registered)."""
    return registry.documents[kind]


def register_section(document_kind: str, section: Section) -> None:
    sections = [s for s in registry.sections.get(document_kind, []) if s.name != section.name]
    registry.sections[document_kind] = sorted([*sections, section], key=lambda s: s.order)


def sections_of(document_kind: str, *args, **kwargs) -> list[dict]:
    """The sections added to `document_kind`, each as {"name", "template", "context"}."""
    return [
        {"name": s.name, "template": s.template, "context": s.context(*args, **kwargs)}
        for s in registry.sections.get(document_kind, [])
    ]


def register_data_version(function: Callable[[], str]) -> None:
    if function not in registry.data_versions:
        registry.data_versions.append(function)


def data_version() -> str:
    """Changes whenever anything a PDF shows may have changed (joined from every app's part)."""
    return "|".join(function() for function in registry.data_versions)


def export_permissions() -> set[str]:
    """The permissions of the registered documents: a user with none of them may see no export."""
    return {document.permission for document in registry.documents.values()}
