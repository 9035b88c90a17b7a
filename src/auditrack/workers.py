"""Judging organisations on several cores.

A check judges one organisation at a time (engine._check), and organisations share nothing but the
organisation files, which every part has loaded before this starts. So at national scale the parts can be
spread over processes: each worker is a fork of the checking process, holding the sources and the loaded
organisation files already, and sends back only what the result keeps of each organisation (its findings,
its valid files and names). Nothing goes to a worker but its list of organisations.

The output is byte-identical to one core's: the engine merges each organisation's outcome in the same
order as a serial check, whatever order the workers finish in. The organisations are dealt out before the
workers start (largest first, each to the least loaded worker), so which worker judges what does not depend
on timing either. A worker that dies (killed, out of memory) is no hang: its pipe closes, and the
organisations it had not sent back are judged again in this process.

Smaller jobs of a few parts, each with one result (reading the openings of the files `check FILE...` looks
into, the two revisions of a diff), use `in_parallel`: a bare fork and a pipe per part, the first part done
in this process meanwhile, without multiprocessing's machinery, which costs more to import than such a job
saves.

Fork is used where the platform has it and it is safe (Linux); elsewhere a check stays on one core, since a
spawned worker would import everything again and read nothing it was not sent.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from typing import Callable, Iterator

from auditrack.findings import Finding

PARALLEL_FROM_FILES = 500
"""Below this many data files a check stays in one process: starting a worker and sending its findings back
costs about what its share saves (on two cores: even at 300 files, 8 % faster at 600, a third at 3,000)."""


@dataclass
class Outcome:
    """What a check keeps of one organisation once it is judged (engine._merge adds it to the result)."""

    files: int = 0
    findings: list[Finding] = field(default_factory=list)
    """Its data findings (YAML, schema, references), in the order they were found."""
    gaps: list[Finding] = field(default_factory=list)
    """Its gap findings, to be judged with the others (engine._judged)."""
    valid_files: list[str] = field(default_factory=list)
    organisations: dict[str, str] = field(default_factory=dict)
    file_organisation: dict[str, str] = field(default_factory=dict)
    collected: object = None
    """What the check's `each_index` collected from the organisation, when it hands it over (engine.hands_over)."""


Judge = Callable[[object], Outcome]
"""Judges one organisation (by its id, or None for the files that name none)."""


def usable_cores() -> int:
    """The cores this process may run on (its affinity where the system says, else every core)."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def jobs_for(requested: int, files: int) -> int:
    """How many processes judge a check of `files` data files: `requested` when it is positive, else every
    usable core at national scale and one below it; always one where workers cannot be forked."""
    if not _can_fork():
        return 1
    if requested > 0:
        return requested
    return usable_cores() if files >= PARALLEL_FROM_FILES else 1


def _can_fork() -> bool:
    # macOS offers fork, but system libraries there are not fork-safe; Windows has none.
    return hasattr(os, "fork") and sys.platform.startswith("linux")


def deal(weights: dict, jobs: int) -> list[list]:
    """The organisations (keys of `weights`, their size in bytes) dealt to `jobs` workers: the largest first,
    each to the least loaded worker, ties to the lower-numbered; each worker's share in the given order."""
    loads = [0] * jobs
    shares: list[list] = [[] for _ in range(jobs)]
    order = {owner: n for n, owner in enumerate(weights)}
    for owner in sorted(weights, key=lambda o: (-weights[o], order[o])):
        worker = loads.index(min(loads))
        shares[worker].append(owner)
        loads[worker] += weights[owner]
    for share in shares:
        share.sort(key=order.__getitem__)
    return [share for share in shares if share]


def judge_all(owners: list, weights: dict, judge: Judge, jobs: int) -> Iterator[tuple[object, Outcome]]:
    """Each organisation's outcome, in the order of `owners`: judged by `jobs` forked workers, or here when
    `jobs` is 1. An organisation whose worker died before sending it back is judged here."""
    if jobs <= 1 or len(owners) < 2:
        for owner in owners:
            yield owner, judge(owner)
        return
    outcomes = _gather(deal({owner: weights.get(owner, 0) for owner in owners}, jobs), judge)
    for owner in owners:
        outcome = outcomes.pop(owner, None)
        yield owner, outcome if outcome is not None else judge(owner)


def in_parallel(parts: list, work: Callable[[object], object], jobs: int) -> list:
    """`[work(part) for part in parts]`, the parts after the first done at the same time as it when `jobs` is
    more than 1, each in a forked worker that sends back its one result; the first is done here meanwhile. A
    part whose worker died, or whose result did not come back whole, is done here. Lighter than `judge_all`'s
    workers (a pipe and os.fork, no multiprocessing), for work that is over in tens of milliseconds."""
    threads = sys.modules.get("threading")
    if jobs <= 1 or len(parts) < 2 or not _can_fork() or (threads is not None and threads.active_count() > 1):
        return [work(part) for part in parts]
    import pickle

    workers = []
    try:
        for n in range(1, len(parts)):
            try:
                receiving, sending = os.pipe()
            except OSError:  # out of descriptors: what has no worker is done here
                break
            try:
                pid = os.fork()
            except OSError:  # out of processes or memory: likewise
                os.close(receiving)
                os.close(sending)
                break
            if pid == 0:  # the worker
                os.close(receiving)
                try:
                    left = memoryview(pickle.dumps(work(parts[n]), protocol=pickle.HIGHEST_PROTOCOL))
                    while left:  # into the pipe: the parent reads it whole once its own part is done
                        left = left[os.write(sending, left):]
                finally:
                    os._exit(0)
            os.close(sending)
            workers.append((n, pid, receiving))
        results = [work(parts[0])]
        for n, pid, receiving in workers:
            with open(receiving, "rb", closefd=False) as pipe:
                sent = pipe.read()
            try:
                results.append(pickle.loads(sent))
            except Exception:  # the worker died before it sent all of it
                results.append(work(parts[n]))
        return results + [work(part) for part in parts[len(results):]]
    finally:
        for _, pid, receiving in workers:
            os.close(receiving)
            os.waitpid(pid, 0)


def _gather(shares: list[list], judge: Judge) -> dict:
    """Fork one worker per share and collect what they send back, by organisation, until every pipe closes."""
    import multiprocessing
    import pickle
    from multiprocessing.connection import wait

    context = multiprocessing.get_context("fork")
    pipes, workers = [], []
    for share in shares:
        receiving, sending = context.Pipe(duplex=False)
        worker = context.Process(target=_work, args=(share, judge, sending), daemon=True)
        worker.start()
        sending.close()  # the worker holds its own copy: this end closing tells us when it is done
        pipes.append(receiving)
        workers.append(worker)
    outcomes: dict = {}
    while pipes:
        for pipe in wait(pipes):
            try:
                owner, outcome = pipe.recv()
            except (EOFError, OSError, pickle.UnpicklingError):
                pipes.remove(pipe)
                pipe.close()
                continue
            outcomes[owner] = outcome
    for worker in workers:
        worker.join()
    return outcomes


def _work(share: list, judge: Judge, pipe) -> None:
    """A worker: judge each organisation of its share and send it back as soon as it is judged, so that
    the parent's memory and the pipe hold one organisation's outcome at a time. The worker ends without the
    interpreter's shutdown: it owns nothing the parent still needs to be flushed or freed."""
    try:
        for owner in share:
            pipe.send((owner, judge(owner)))
    except Exception:  # the parent judges what was not sent; a bug there is reported there
        pass
    finally:
        pipe.close()
        os._exit(0)
