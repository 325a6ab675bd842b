"""Render processes that die with their job: own process group, parent-death signal, deadline.

The worker starts each render in a new session (its own process group, so a Ctrl-C or SIGTERM
meant for the worker does not hit the render, and the worker can kill the render with everything
it forked); every render process asks the kernel, first thing, for SIGKILL when its parent dies
(Linux PR_SET_PDEATHSIG; no code runs between fork and exec, which is unsafe in the threaded
worker), so a worker killed with `kill -9` leaves no orphan rendering on; and the render
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
PARENT_VARIABLE = "SETA_PDF_WORKER_PID"


def die_with_parent(expected_parent: int | None = None) -> None:
    """Ask for SIGKILL when the parent process (thread) ends; a no-op where prctl does not exist.

    With `expected_parent`, a process whose parent died before it could ask ends at once.
    """
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(None, use_errno=True)
    libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    if expected_parent is not None and os.getppid() != expected_parent:
        os.kill(os.getpid(), signal.SIGKILL)


def die_with_worker() -> None:
    """In the render process: die with the worker that started it (its pid is in the environment)."""
    parent = os.environ.get(PARENT_VARIABLE)
    if parent:
        die_with_parent(int(parent))


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
