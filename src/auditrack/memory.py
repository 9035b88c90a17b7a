"""A ceiling on how much more memory the process may take while some code runs."""

from __future__ import annotations

import contextlib
import os


@contextlib.contextmanager
def memory_ceiling(extra_bytes: int):
    """Let the code inside map at most `extra_bytes` more address space; past that, it gets MemoryError.

    With RLIMIT_AS, which the kernel enforces on every allocation, so one operation in C that would build a
    huge value (`'%999999999d' % 1`) fails at once instead of finishing first. The previous limit is put back
    afterwards. Only where RLIMIT_AS and /proc/self/statm exist (Linux); elsewhere nothing is limited.
    """
    try:
        import resource

        with open("/proc/self/statm", encoding="ascii") as statm:
            mapped = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    except (ImportError, OSError, ValueError, AttributeError):
        yield
        return
    ceiling = mapped + extra_bytes
    if hard != resource.RLIM_INFINITY:
        ceiling = min(ceiling, hard)
    if soft != resource.RLIM_INFINITY and soft <= ceiling:  # already at least as tight
        yield
        return
    resource.setrlimit(resource.RLIMIT_AS, (ceiling, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_AS, (soft, hard))
