"""A test-only app registering a slow PDF document, so the worker tests can stop a render midway
(used by the worker processes the tests start, through tests/pdf_worker_settings.py)."""

import time

from django.apps import AppConfig

SLOW = "slow"
STEPS = 20
STEP_SECONDS = 0.15


def render_slowly(export, target, progress) -> None:
    """Twenty steps of 0.15 s with progress, then a real (small) PDF."""
    from core.pdf.rendering import html_to_pdf

    for step in range(STEPS):
        progress(step, STEPS)
        time.sleep(STEP_SECONDS)
    target.write_bytes(html_to_pdf(f"<html lang='nl'><title>Traag</title><p>Export {export.pk}</p></html>"))
    progress(STEPS, STEPS)


def register() -> None:
    from core.pdf.registry import PdfDocument, register_document

    register_document(
        PdfDocument(
            kind=SLOW,
            permission="cases.export_pdf",
            render=render_slowly,
            title=lambda export: "de trage test-PDF",
            retry_url=lambda export: "/",
            back_url=lambda export: "/",
            progress_noun="stap",
        )
    )


class SlowPdfConfig(AppConfig):
    name = "tests.slow_pdf"
    label = "slow_pdf"

    def ready(self):
        register()
