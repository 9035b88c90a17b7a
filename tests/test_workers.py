"""`check --jobs`: organisations judged by forked workers give byte for byte what one process gives
(auditrack.workers)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from auditrack.engine import OPENINGS_IN_PARALLEL_FROM
from auditrack.workers import PARALLEL_FROM_FILES, Outcome, deal, in_parallel, jobs_for, judge_all

ROOT = Path(__file__).parents[1]
forking = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="workers are forked on Linux only")


def test_organisations_are_dealt_largest_first_to_the_least_loaded_worker():
    weights = {"a": 10, "b": 50, "c": 30, "d": 30, None: 5}
    # b to worker 0, c to 1, d to 1 (30 < 50), a to 0 (50 < 60), None to 0 (60 = 60: the lower-numbered);
    # each share in the order given.
    assert deal(weights, 2) == [["a", "b", None], ["c", "d"]]
    assert deal({"a": 1}, 3) == [["a"]]  # no empty shares
    assert deal(weights, 2) == deal(dict(weights), 2)


@forking
def test_how_many_workers():
    assert jobs_for(3, 10) == 3
    assert jobs_for(0, PARALLEL_FROM_FILES - 1) == 1
    assert jobs_for(0, PARALLEL_FROM_FILES) == len(os.sched_getaffinity(0))


@forking
def test_outcomes_come_in_the_given_order_whoever_judged_them():
    parent = os.getpid()

    def judge(owner):
        return Outcome(files=1, valid_files=[f"{owner}:{'worker' if os.getpid() != parent else 'parent'}"])

    judged = list(judge_all(["b", "a", "c", None], {"a": 3, "b": 2, "c": 1}, judge, 2))
    assert [owner for owner, _ in judged] == ["b", "a", "c", None]
    assert [outcome.valid_files for _, outcome in judged] == [["b:worker"], ["a:worker"], ["c:worker"], ["None:worker"]]


@forking
def test_what_a_dying_worker_had_not_sent_is_judged_here():
    parent = os.getpid()

    def judge(owner):
        if owner == "b" and os.getpid() != parent:
            os._exit(9)  # killed, out of memory: the pipe closes without b
        return Outcome(files=1, valid_files=[f"{owner}:{'worker' if os.getpid() != parent else 'parent'}"])

    judged = dict(judge_all(["a", "b", "c"], {"a": 1, "b": 1, "c": 1}, judge, 2))
    assert judged["b"].valid_files == ["b:parent"]
    assert judged["a"].valid_files == ["a:worker"]


@forking
def test_parts_are_done_at_once_and_come_back_in_order():
    parent = os.getpid()

    def work(part):
        return [part, "worker" if os.getpid() != parent else "parent", os.getpid()]

    done = in_parallel(["a", "b", "c"], work, 3)
    assert [d[:2] for d in done] == [["a", "parent"], ["b", "worker"], ["c", "worker"]]
    assert len({d[2] for d in done}) == 3
    assert in_parallel(["a", "b"], work, 1) == [["a", "parent", parent], ["b", "parent", parent]]


@forking
def test_a_part_whose_worker_died_or_failed_is_done_here():
    parent = os.getpid()

    def work(part):
        if os.getpid() != parent:
            if part == "dies":
                os._exit(9)
            if part == "fails":
                raise ValueError(part)
        return (part, "worker" if os.getpid() != parent else "parent")

    assert in_parallel(["a", "dies", "fails", "b"], work, 4) == [
        ("a", "parent"), ("dies", "parent"), ("fails", "parent"), ("b", "worker")]


@forking
def test_a_failure_here_is_raised_once_the_workers_are_gone():
    parent = os.getpid()

    def work(part):
        if os.getpid() == parent:
            raise KeyError(part)
        return "x" * 1_000_000  # more than a pipe holds: the worker would wait for it to be read

    with pytest.raises(KeyError):
        in_parallel(["a", "b"], work, 2)
    with pytest.raises(ChildProcessError):  # every worker was waited for
        os.waitpid(-1, os.WNOHANG)


@forking
def test_parts_are_done_here_when_no_worker_can_be_started():
    # One descriptor left: a pipe needs two. Run in a process of its own, whose limit this lowers.
    code = """
import os, resource
from auditrack.workers import in_parallel
parent = os.getpid()
import pickle  # what in_parallel imports, while descriptors are free to read it
resource.setrlimit(resource.RLIMIT_NOFILE, (64, resource.getrlimit(resource.RLIMIT_NOFILE)[1]))
held = []
try:
    while True:
        held.append(os.open(os.devnull, os.O_RDONLY))
except OSError:
    os.close(held.pop())
print(in_parallel(["a", "b", "c"], lambda part: (part, os.getpid() == parent), 3))
"""
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout == "[('a', True), ('b', True), ('c', True)]\n"


def _national(tmp_path: Path, files: int = 600) -> Path:
    """A generated national repository (benchmarks/generate.py), with the seed organisations beside it and
    some of their files broken, so data findings, held-back gaps (X003) and suggestions are in the output."""
    corpus = tmp_path / "corpus"
    subprocess.run([sys.executable, str(ROOT / "benchmarks" / "generate.py"), "--files", str(files), "--out", str(corpus)],
                   check=True, capture_output=True)
    for top in ("recommendations", "governance"):
        shutil.copytree(ROOT / top, corpus / top, dirs_exist_ok=True)
    response = next((corpus / "recommendations").glob("*/*/response*.yaml"))
    response.write_text(response.read_text(encoding="utf-8").replace("kind: response", "kind: respons", 1),
                        encoding="utf-8")
    report = next((corpus / "recommendations").glob("*/*/report.yaml"))
    report.write_text(report.read_text(encoding="utf-8") + "  broken: [\n", encoding="utf-8")
    (corpus / "recommendations" / "stray.yaml").write_text("kind: goal\nid: lost\ntext: Ingen organisation\n",
                                                           encoding="utf-8")
    return corpus


@forking
@pytest.mark.parametrize("output_format", ["json", "text", "sarif", "junit"])
def test_several_workers_print_byte_for_byte_what_one_prints(tmp_path, output_format):
    corpus = _national(tmp_path)

    def check(jobs: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "auditrack", "check", str(corpus), "--format", output_format,
                               "--jobs", jobs, "--lang", "sv"], capture_output=True, cwd=tmp_path)

    one, two = check("1"), check("2")
    assert one.returncode == two.returncode == 3
    assert two.stdout == one.stdout
    assert two.stderr == one.stderr
    assert b"X003" in one.stdout and b"G1" in one.stdout  # data findings and gaps both


@forking
def test_the_job_summary_is_the_same_from_several_workers(tmp_path):
    # The gaps report in the job summary collects each audit's observations where the index is, in the workers.
    corpus = _national(tmp_path)

    def check(jobs: str) -> tuple[bytes, bytes]:
        summary = tmp_path / f"summary-{jobs}.md"
        run = subprocess.run([sys.executable, "-m", "auditrack", "check", str(corpus), "--jobs", jobs],
                             capture_output=True, cwd=tmp_path,
                             env={**os.environ, "GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
        assert run.returncode == 3
        return run.stdout, summary.read_bytes()

    one, two = check("1"), check("2")
    assert two == one
    assert one[1].count(b"### Observations of the audits") == 11  # generated and seed audits, tables from workers


@forking
def test_checking_named_files_reads_the_openings_in_several_processes_with_the_same_result(tmp_path):
    corpus = _national(tmp_path, OPENINGS_IN_PARALLEL_FROM + 100)
    named = [str(next((corpus / "recommendations").glob("*/*/response*.yaml")).relative_to(corpus)),
             "recommendations/bracke/2023-sjalvforsorjning/report.yaml"]

    def check(jobs: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "auditrack", "check", *named, "--format", "json", "--jobs", jobs],
                              capture_output=True, cwd=corpus)

    one, two = check("1"), check("2")
    assert one.returncode == two.returncode == 3  # the response named is broken
    assert two.stdout == one.stdout
    assert b'"S001"' in one.stdout and b'"bracke"' in one.stdout
