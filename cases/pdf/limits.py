"""The budgets of a PDF render: text size for the request, time per part, memory per render process.

Hostile or merely huge text must end in a clear message, never in a hung worker: each WeasyPrint
render of a part (the dossier, the report's overview, one case's section) gets
settings.SETA_PDF_PART_SECONDS; the whole render process (cases/pdf/subprocess.py) gets an address
space limit of settings.SETA_PDF_MEMORY_MB and a wall-clock limit of SETA_PDF_JOB_SECONDS.
"""

import contextlib
import resource
import signal
import threading

from django.conf import settings

from cases.models import Case
from cases.pdf.documents import current_assessment

MIB = 1024 * 1024


class RenderBudgetExceeded(Exception):
    """A part of a PDF took longer than its time budget; the message says which, in Dutch."""


@contextlib.contextmanager
def part_time_budget(label: str, seconds: float | None = None):
    """Raise RenderBudgetExceeded when the block runs longer than `seconds` (default: the setting).

    Uses SIGALRM, so it acts only in a process's main thread (the render process and the tests);
    elsewhere the render process's wall-clock limit is the backstop.
    """
    seconds = settings.SETA_PDF_PART_SECONDS if seconds is None else seconds
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expired(signum, frame):
        raise RenderBudgetExceeded(
            f"Het opmaken van {label} duurde langer dan {seconds:g} seconden en is afgebroken. "
            "Kort de teksten van deze casus in of neem contact op met een beheerder."
        )

    previous = signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def apply_memory_limit(megabytes: int | None = None) -> None:
    """Limit this process's address space (RLIMIT_AS); an allocation beyond it fails."""
    megabytes = settings.SETA_PDF_MEMORY_MB if megabytes is None else megabytes
    if megabytes > 0:
        limit = megabytes * MIB
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def dossier_text_size(case: Case) -> int:
    """Characters of free text a dossier PDF typesets (a case loaded with `with_pdf_relations`).

    The dossier view renders in the request only up to settings.SETA_PDF_INLINE_TEXT_BUDGET.
    """
    texts = [case.title, case.summary, case.lessons, case.source_notes]
    texts += [participation.note for participation in case.participations.all()]
    texts += [event.description for event in case.events.all()]
    assessment = current_assessment(case)
    if assessment is not None:
        texts += [item["answer"] for item in assessment.criteria()] + [assessment.note]
    return sum(len(text or "") for text in texts)


def renders_in_request(case: Case) -> bool:
    """Whether the dossier PDF of `case` is small enough to render while the user waits."""
    return dossier_text_size(case) <= settings.SETA_PDF_INLINE_TEXT_BUDGET
