"""The council PDF of an exploration: an advisor's report, rendered like the other council PDFs,
by the background worker within the same budgets (registered from AssessmentsConfig.ready)."""

import datetime

from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from core.pdf.limits import RenderFailed
from core.pdf.registry import PdfDocument, register_data_version, register_document
from core.pdf.text import normalize_text

EXPLORATION = "exploration"
TEMPLATE = "explorations/pdf/exploration.html"


def explorations_data_version() -> str:
    from django.db.models import Count, Max, Sum

    from explorations.models import Exploration

    data = Exploration.objects.aggregate(
        count=Count("pk"), changed=Max("updated_at"), versions=Sum("version")
    )
    return f"{data['count']}|{data['changed']}|{data['versions']}"


def exploration_html(exploration, *, now: datetime.datetime | None = None) -> str:
    """The report's HTML in Dutch whatever language was asked for (the document declares lang="nl")."""
    from cases.pdf.documents import AUTHOR, date_in_words
    from explorations.reads import exploration_context

    now = now or timezone.localtime()
    with translation.override("nl"):
        context = exploration_context(exploration)
        names = ", ".join(m.municipality.name for m in context["partners"])
        context.update(
            document_title=f"Verkenning: {exploration.title}",
            author=AUTHOR,
            description=f"Raadsrapportage over de verkenning van {names}",
            generated_at=now,
            generated_on=date_in_words(now.date()),
            municipality_names=names,
        )
        # As the dossiers' texts: no run of combining marks or blank lines can make the render explode.
        return normalize_text(render_to_string(TEMPLATE, context))


def exploration_pdf(exploration, *, now: datetime.datetime | None = None, url_fetcher=None) -> bytes:
    """The report as bytes (tests and the benchmark; the app has the worker make it)."""
    from core.pdf.rendering import html_to_pdf

    return html_to_pdf(exploration_html(exploration, now=now), url_fetcher=url_fetcher)


def exploration_pdf_filename(exploration, day: datetime.date | None = None) -> str:
    """ "seta-verkenning-<slug>-2026-11-28.pdf"."""
    return f"seta-verkenning-{exploration.slug}-{(day or timezone.localdate()).isoformat()}.pdf"


def render_exploration(export, target, progress) -> None:
    from core.pdf.rendering import render_part
    from explorations.reads import exploration_for_page

    exploration = exploration_for_page().filter(pk=export.subject_id).first()
    if exploration is None:
        raise RenderFailed("Deze verkenning bestaat niet meer.")
    progress(0, 1)
    render_part(exploration_html(exploration), target, f"de verkenning ‘{exploration.title}’")
    progress(1, 1)


def exploration_url(name: str, export) -> str:
    from explorations.models import Exploration

    exploration = Exploration.objects.filter(pk=export.subject_id).only("slug").first()
    return reverse(name, kwargs={"slug": exploration.slug}) if exploration else reverse("exploration-list")


def exploration_title(export) -> str:
    from explorations.models import Exploration

    exploration = Exploration.objects.filter(pk=export.subject_id).only("title").first()
    return exploration.title if exploration else export.filename


def register() -> None:
    register_data_version(explorations_data_version)
    register_document(
        PdfDocument(
            kind=EXPLORATION,
            permission="explorations.export_exploration_pdf",
            render=render_exploration,
            title=exploration_title,
            retry_url=lambda export: exploration_url("exploration-pdf", export),
            back_url=lambda export: exploration_url("exploration-detail", export),
            small=True,
        )
    )
