"""A wall-clock limit on Python code running in the main thread."""

from __future__ import annotations

import contextlib
import signal
import threading


@contextlib.contextmanager
def time_limit(seconds: float, error: BaseException):
    """Raise `error` in the code running inside once `seconds` of wall-clock time have passed.

    With SIGALRM, whose handler Python runs between two steps of Python code, so the traceback shows where
    the time ran out; one long operation in C finishes first. Only in the main thread (where Python runs
    signal handlers) and where setitimer exists; elsewhere nothing is limited.
    """
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "setitimer"):
        yield
        return

    def stop(signum, frame):
        raise error

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
