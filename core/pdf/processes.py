"""Render processes that die with their job: own process group, parent-death signal, deadline.

The worker starts each render in a new session (its own process group, so a Ctrl-C or SIGTERM
meant for the worker does not hit the render, and the worker can kill the render with everything
it forked); every render process asks the kernel for SIGKILL when its parent dies (Linux
PR_SET_PDEATHSIG), so a worker killed with `kill -9` leaves no orphan rendering on; and the render
process kills its own group at the job's deadline, whoever outlives whom.
"""

import contextlib
import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable

PR_SET_PDEATHSIG = 1
DEADLINE_VARIABLE = "SETA_PDF_DEADLINE"


def die_with_parent() -> None:
    """Ask for SIGKILL when the parent process (thread) ends; a no-op where prctl does not exist."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)


def start_in_own_group() -> None:
    """preexec_fn of a render process: its own session and process group, dying with the worker."""
    os.setsid()
    die_with_parent()


def kill_group(pid: int) -> None:
    """SIGKILL the process group led by `pid` (the render process and what it forked)."""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pid, signal.SIGKILL)


def enforce_deadline(on_expiry: Callable[[], None]) -> threading.Timer | None:
    """In the render process: at the deadline the worker set, call `on_expiry` and kill the
    process group. The timer thread is a daemon: it never keeps a finished render alive."""
    deadline = os.environ.get(DEADLINE_VARIABLE)
    if not deadline:
        return None

    def expire():
        try:
            on_expiry()
        finally:
            # The group when this process leads one (started by the worker), else only itself: its
            # forked helpers die with it (die_with_parent).
            if os.getpgrp() == os.getpid():
                os.killpg(os.getpgrp(), signal.SIGKILL)
            os.kill(os.getpid(), signal.SIGKILL)

    timer = threading.Timer(max(float(deadline) - time.time(), 0.0), expire)
    timer.daemon = True
    timer.start()
    return timer
