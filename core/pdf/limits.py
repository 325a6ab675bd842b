"""The budgets of a render process: time per part and memory per process.

Hostile or merely huge text must end in a clear message, never in a hung worker: each WeasyPrint
render of a part gets settings.SETA_PDF_PART_SECONDS; the whole render process (core/pdf/worker.py)
gets an address space limit of settings.SETA_PDF_MEMORY_MB and a wall-clock limit of
SETA_PDF_JOB_SECONDS.
"""

import contextlib
import resource
import signal
import threading

from django.conf import settings

MIB = 1024 * 1024


class RenderFailed(Exception):
    """A document cannot be made; the message says why, in Dutch (shown on the progress page)."""


class RenderBudgetExceeded(RenderFailed):
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
            "Kort de teksten in of neem contact op met een beheerder."
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
