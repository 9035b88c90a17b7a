#!/usr/bin/env python3
"""Benchmark auditrack against the targets of issue 19: the floor, the peer, start-up, pre-commit, diff, reports.

    python benchmarks/run.py                      # corpora of 1,000, 3,000, 10,000 and 30,000 files (~20 min)
    python benchmarks/run.py --files 3000         # one size
    python benchmarks/run.py --files 300 600 1000 --repeat 1 --report-repeat 1 --peer-repeat 1 \\
        --linearity-rounds 1 --startup-repeat 1 --precommit-files 600 --diff-files 1000   # a try-out, ~1 min
    python benchmarks/run.py --no-peer            # skip check-jsonschema

For each size, on the same generated corpus (benchmarks/corpus-N, made by
generate.py when missing or stale; one organisation in ten carries planted
data errors, about 1.3 % of the files), in one run:

* floor: one Python process that walks the data folders and parses every file
  with libyaml's CSafeLoader, nothing more (a file it cannot parse is skipped);
* check: `auditrack check CORPUS --format json` as a new process, and its peak
  resident memory (ru_maxrss of that child, from wait4); its output must hold
  exactly the data findings corpus.json lists for the planted errors, and it
  must exit 3 for them; with `--jobs` offered, also `check --jobs 1`;
* report status / report governance: `auditrack report KIND CORPUS -o FILE`,
  time and peak resident memory;
* peer: check-jsonschema validating the same files against the exported
  schemas, one process per kind (it takes one schema per run), summed; only
  up to --peer-max-files (default 10,000), and without the files that carry a
  planted YAML or schema error (it would rightly reject them).

Once: start-up (`auditrack --version`, `auditrack check` on a repository
holding one file, check-jsonschema on that file, `python -c pass`); pre-commit
at 3,000 files (`auditrack check --fail-on never FILE` from the repository's
root, one data file named, as .pre-commit-hooks.yaml runs it) against the full
check; diff at 10,000 files (`auditrack diff HEAD~1 HEAD --format json` in a
git repository where the last commit changes 10 files in 10 organisations)
against the full check of that repository.

Corpus-level figures are the best of --repeat runs (default 5; reports
--report-repeat, default 2; the peer --peer-repeat, default 2), alternating so
that load from other processes falls on all alike; start-up figures are the
median of --startup-repeat runs (default 7, taking turns) after a warm-up.

With three or more sizes, linearity compares the cost of one more file
between the middle size and the largest with that between the smallest and the
middle: (check_large - check_middle) / (files_large - files_middle) over the
same for the lower pair, the median of --linearity-rounds rounds (default 7),
each timing the three checks seconds apart. The same figure for the floor,
whose work is linear, shows how far the machine moves it.

The last line printed is one JSON object with the figures for the largest size,
plus the figures set at other sizes (ratio_to_floor_10k, precommit_*, diff_*).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import generate  # noqa: E402

FLOOR = r"""
import os, sys, yaml
from yaml import CSafeLoader
root, n = sys.argv[1], 0
for top in ("recommendations", "governance"):
    for folder, dirs, files in os.walk(os.path.join(root, top)):
        for name in files:
            if name.endswith((".yaml", ".yml")):
                with open(os.path.join(folder, name), "rb") as handle:
                    try:
                        yaml.load(handle.read(), Loader=CSafeLoader)
                    except (yaml.YAMLError, ValueError):  # a syntax error, or a date such as 2023-02-30
                        pass
                n += 1
print(n)
"""

TARGETS = {
    "ratio_to_floor_10k": 1.0,   # check / floor at 10,000 files
    "peer_ratio": 4.0,           # check-jsonschema / check, at the largest size the peer ran (10,000 files)
    "linearity": 0.10,           # 1 +- this, from the smallest size to the largest (1,000 to 30,000 files)
    "version_ms": 30.0,
    "one_file_ratio": 0.7,       # one-file check / check-jsonschema's one-file time
    "precommit_ratio": 0.3,      # pre-commit with one file named / full check, at 3,000 files
    "diff_ratio": 0.3,           # diff of 10 changed files / full check, at 10,000 files
    "report_rss_mb": 150.0,      # peak RSS of report status and report governance at 30,000 files
}
TARGET_SIZES = {"ratio_to_floor": 10000, "precommit": 3000, "diff": 10000, "report_rss": 30000}
"""The sizes the issue sets the targets at (issue 19)."""
ERROR_CODES = ("Y", "S001", "S002", "S003", "S004", "X001", "X002")
"""Data findings that make `check` exit 3 (S005 is a warning, X003 information)."""


def timed(cmd: list[str], *, stdout=subprocess.DEVNULL, cwd: Path | None = None) -> tuple[float, float, int, int]:
    """Run `cmd` to the end: (wall seconds, CPU seconds, peak RSS of that child in KiB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.DEVNULL, cwd=cwd)
    _, status, usage = os.wait4(proc.pid, 0)
    elapsed = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, proc.returncode


class Best:
    """The best wall time (with the CPU time of that run) and the highest peak RSS over repeated runs."""

    def __init__(self) -> None:
        self.wall, self.cpu, self.rss = float("inf"), float("inf"), 0

    def add(self, wall: float, cpu: float, rss: int = 0) -> None:
        if wall < self.wall:
            self.wall, self.cpu = wall, cpu
        self.rss = max(self.rss, rss)


def medians(commands: list[list[str]], repeat: int) -> list[tuple[float, float]]:
    """(median, best) wall time of each command over `repeat` rounds, after a warm-up round.
    The commands take turns, so that load from other processes falls on all alike."""
    times: list[list[float]] = [[] for _ in commands]
    for round_ in range(repeat + 1):
        for cmd, record in zip(commands, times):
            elapsed, _, _, code = timed(cmd)
            if code != 0:
                raise SystemExit(f"{' '.join(cmd)} exited with {code}")
            if round_:  # the first round warms the page cache and the .pyc files
                record.append(elapsed)
    return [(statistics.median(record), min(record)) for record in times]


def ensure_corpus(files: int, seed: int, base: Path, regenerate: bool) -> tuple[Path, dict]:
    corpus = base / f"corpus-{files}"
    info_file = corpus / "corpus.json"
    info = json.loads(info_file.read_text()) if info_file.is_file() else {}
    wanted = {"generator": generate.GENERATOR_VERSION, "seed": seed, "files": files}
    # In a process of its own, as everything big here: see `helper`.
    if regenerate or any(info.get(k) != v for k, v in wanted.items()):
        print(f"generating {corpus} ...", flush=True)
        subprocess.run([sys.executable, str(HERE / "generate.py"), "--files", str(files), "--out", str(corpus),
                        "--seed", str(seed)], check=True, stderr=subprocess.DEVNULL)
        info = json.loads(info_file.read_text())
    else:  # the schemas may have changed since
        helper("import generate; generate.write_schemas(Path(sys.argv[1]))", str(corpus / "schemas"))
    return corpus, info


def helper(code: str, *argv: str) -> str:
    """Run `code` in a new Python process (with generate.py importable) and return what it printed.

    The peak RSS that wait4 reports for a child is at least this process's own peak: the child starts as
    this process (vfork or fork) and exec keeps the larger of the two. So this process must stay small: the
    work that needs memory (generating a corpus, reading a check's JSON output) is done by helpers."""
    prologue = f"import json, sys; from pathlib import Path; sys.path.insert(0, {str(HERE)!r})\n"
    return subprocess.run([sys.executable, "-c", prologue + code, *argv], check=True, capture_output=True,
                          text=True).stdout


def own_peak_mb() -> float:
    """This process's peak RSS: a floor under every child's figure (see `helper`)."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def data_files(corpus: Path) -> dict[str, list[str]]:
    """The data files by kind (read from the `$schema=` line), as paths relative to the corpus."""
    by_kind: dict[str, list[str]] = {}
    for top in generate.DATA_FOLDERS:
        for folder, _, names in os.walk(corpus / top):
            for name in sorted(names):
                if name.endswith((".yaml", ".yml")):
                    path = Path(folder, name)
                    with path.open(encoding="utf-8") as handle:
                        first = handle.readline()
                    kind = first.rsplit("schemas/", 1)[1].split(".json")[0]
                    by_kind.setdefault(kind, []).append(str(path.relative_to(corpus)))
    return by_kind


def compile_bytecode() -> None:
    """Compile auditrack's modules as `pip install` does. An editable install compiles them on first use,
    unless PYTHONDONTWRITEBYTECODE is set (as on some CI machines): then every run would compile every
    module again, and the start-up figures would measure the compiler."""
    spec = importlib.util.find_spec("auditrack")
    if spec is not None and spec.submodule_search_locations:
        subprocess.run([sys.executable, "-m", "compileall", "-q", *spec.submodule_search_locations], check=True,
                       env={**os.environ, "PYTHONDONTWRITEBYTECODE": ""})


def find_tool(name: str) -> str | None:
    candidate = Path(sys.executable).parent / name
    if candidate.is_file():
        return str(candidate)
    from shutil import which

    return which(name)


def expected_exit(info: dict) -> int | None:
    """The exit code the full check must give: 3 when planted errors are data errors; else 0 or 1 (None)."""
    return 3 if any(code.startswith(ERROR_CODES) for code in info.get("data_findings", {})) else None


def verify_check(output: Path, files: int, info: dict, code: int) -> Counter:
    """The check read every file, gave exactly the data findings the generator planted (corpus.json), and
    exited as those findings require (3 with data errors, else 0 or 1 for the gaps)."""
    document = json.loads(helper(
        "from collections import Counter; d = json.load(open(sys.argv[1], encoding='utf-8'));"
        "print(json.dumps({'files': d['files'], 'codes': Counter(f['code'] for f in d['findings'])}))", str(output)))
    if document["files"] != files:
        raise SystemExit(f"auditrack check read {document['files']} files, the corpus has {files}")
    codes = Counter(document["codes"])
    data = {c: n for c, n in sorted(codes.items()) if c[0] in "YSXCI"}
    wanted = info.get("data_findings", {})
    if data != wanted:
        raise SystemExit(f"auditrack check gave the data findings {data}; the planted errors must give {wanted}")
    wanted_exit = expected_exit(info)
    if (code != wanted_exit) if wanted_exit is not None else code not in (0, 1):
        raise SystemExit(f"auditrack check exited with {code}, expected {wanted_exit or '0 or 1'}")
    return codes


def jobs_option(auditrack: str) -> bool:
    """Whether `auditrack check` takes --jobs N (checking on several cores; 1 = one core)."""
    out = subprocess.run([auditrack, "check", "--help"], capture_output=True, text=True,
                         env={**os.environ, "COLUMNS": "200"}).stdout
    return "--jobs" in out


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    try:
        mem = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines() if line.startswith("MemTotal"))
        mem_text = f", {mem / 1048576:.0f} GiB RAM"
    except (OSError, StopIteration):
        mem_text = ""
    import yaml

    return (f"{cpu}, {os.cpu_count()} cores{mem_text}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}; PyYAML {yaml.__version__} (libyaml {yaml.__with_libyaml__})")


def peer_files(by_kind: dict[str, list[str]], info: dict) -> dict[str, list[str]]:
    """The files check-jsonschema is given: all but those with a planted YAML or schema error, which it would
    rightly reject (the peer stops at none of them: it validates each file it is given)."""
    invalid = {entry["path"] for entry in info.get("planted", []) if any(c[0] in "YS" for c in entry["findings"])}
    return {kind: [p for p in paths if p not in invalid] for kind, paths in by_kind.items()}


def measure(files: int, args, tools: dict, startup: dict) -> tuple[dict, Path]:
    corpus, info = ensure_corpus(files, args.seed, args.corpus_base, args.regenerate)
    by_kind = data_files(corpus)
    count = sum(len(v) for v in by_kind.values())
    size = sum((corpus / p).stat().st_size for paths in by_kind.values() for p in paths)
    planted = info.get("planted", [])
    print(f"\n== {count:,} files, {info.get('organisations', '?')} organisations, {size / 1e6:.1f} MB, "
          f"{len(planted)} files with planted errors ({corpus})", flush=True)

    run_peer = bool(tools.get("peer")) and files <= args.peer_max_files
    floor, check, check_1core, peer = Best(), Best(), Best(), Best()
    reports = {kind: Best() for kind in ("status", "governance")}
    floor_cmd = [sys.executable, "-c", FLOOR, str(corpus)]
    check_cmd = [tools["auditrack"], "check", str(corpus), "--format", "json"]
    codes: Counter = Counter()
    peer_by_kind = peer_files(by_kind, info)
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "check.json"
        # The runs alternate (floor, check, reports, peer, floor, check, ...) so that load from other
        # processes falls on all alike; the best run of each counts, and the highest peak memory.
        rounds = max(args.repeat, args.report_repeat, args.peer_repeat if run_peer else 0)
        for run in range(rounds):
            if run < args.repeat:
                wall, cpu, _, code = timed(floor_cmd)
                if code != 0:
                    raise SystemExit(f"the floor script exited with {code}")
                floor.add(wall, cpu)
                with out.open("wb") as handle:
                    wall, cpu, rss, code = timed(check_cmd, stdout=handle)
                codes = verify_check(out, count, info, code)
                check.add(wall, cpu, rss)
                if tools.get("jobs"):
                    with out.open("wb") as handle:
                        wall, cpu, rss, code = timed([*check_cmd, "--jobs", "1"], stdout=handle)
                    verify_check(out, count, info, code)
                    check_1core.add(wall, cpu, rss)
            if run < args.report_repeat:
                for kind, best in reports.items():
                    wall, cpu, rss, code = timed([tools["auditrack"], "report", kind, str(corpus), "-o",
                                                  str(Path(tmp) / f"{kind}.md")])
                    if code != 0:
                        raise SystemExit(f"auditrack report {kind} exited with {code}")
                    best.add(wall, cpu, rss)
            if run_peer and run < args.peer_repeat:
                wall = cpu = 0.0
                for kind, paths in sorted(peer_by_kind.items()):
                    schema = str(corpus / "schemas" / f"{kind}.json")
                    w, c, _, code = timed([tools["peer"], "--schemafile", schema, *paths], cwd=corpus)
                    if code != 0:
                        raise SystemExit(f"check-jsonschema found errors in the {kind} files (exit {code})")
                    wall, cpu = wall + w, cpu + c
                peer.add(wall, cpu)
    floor_s, check_s, peak_mb = floor.wall, check.wall, check.rss / 1024
    peer_s = peer.wall if run_peer else None
    data = sum(n for c, n in codes.items() if c[0] in "YSXCI")
    print(f"floor  (CSafeLoader, one process)    {floor_s:8.3f} s  cpu {floor.cpu:6.3f} s")
    print(f"check  (auditrack check, end to end) {check_s:8.3f} s  cpu {check.cpu:6.3f} s   {check_s / floor_s:5.2f} x floor "
          f"(cpu {check.cpu / floor.cpu:.2f} x)   peak RSS {peak_mb:6.1f} MB   "
          f"{sum(codes.values()) - data:,} gap findings, {data} data findings as planted")
    if tools.get("jobs"):
        print(f"check  --jobs 1 (one core)           {check_1core.wall:8.3f} s  cpu {check_1core.cpu:6.3f} s   "
              f"{check_1core.wall / floor_s:5.2f} x floor   peak RSS {check_1core.rss / 1024:6.1f} MB")
    for kind, best in reports.items():
        print(f"report {kind:<29} {best.wall:8.3f} s  cpu {best.cpu:6.3f} s   peak RSS {best.rss / 1024:6.1f} MB")
    if peer_s is not None:
        skipped = count - sum(len(v) for v in peer_by_kind.values())
        print(f"peer   (check-jsonschema, {len(by_kind)} kinds)   {peer_s:8.3f} s  cpu {peer.cpu:6.3f} s   "
              f"auditrack is {peer_s / check_s:5.2f} x faster   ({skipped} files with planted YAML/schema errors left out)")
    elif tools.get("peer"):
        print(f"peer   (check-jsonschema)            skipped above {args.peer_max_files:,} files (--peer-max-files)")
    else:
        print("peer   (check-jsonschema)            not installed or --no-peer: skipped")

    figures = {
        "files": count,
        "floor_s": round(floor_s, 3),
        "check_s": round(check_s, 3),
        "ratio_to_floor": round(check_s / floor_s, 3),
        "peer_s": round(peer_s, 3) if peer_s is not None else None,
        "peer_ratio": round(peer_s / check_s, 2) if peer_s is not None else None,
        **startup,
        "peak_rss_mb": round(peak_mb, 1),
        "corpus_mb": round(size / 1048576, 2),
        "check_1core_s": round(check_1core.wall, 3) if tools.get("jobs") else None,
        "report_status_s": round(reports["status"].wall, 3),
        "report_status_rss_mb": round(reports["status"].rss / 1024, 1),
        "report_governance_s": round(reports["governance"].wall, 3),
        "report_governance_rss_mb": round(reports["governance"].rss / 1024, 1),
        "planted_error_files": len(planted),
    }
    print(f"figures: {json.dumps(figures)}")
    return figures, corpus


def clean_orgs(corpus: Path, info: dict) -> list[str]:
    """The organisations of `corpus` without planted errors, in order."""
    broken = {entry["path"].split("/")[1] for entry in info.get("planted", [])}
    return [p.name for p in sorted((corpus / "governance").iterdir()) if p.is_dir() and p.name not in broken]


def measure_precommit(args, tools: dict) -> dict:
    """What the pre-commit hook runs (.pre-commit-hooks.yaml: `auditrack check --fail-on never FILE...`) with one
    changed file named, from the repository's root, against the full check of the same repository, taking
    turns; the best of --repeat runs of each."""
    corpus, info = ensure_corpus(args.precommit_files, args.seed, args.corpus_base, args.regenerate)
    orgs = clean_orgs(corpus, info)
    org = orgs[len(orgs) // 2]
    named = sorted((corpus / "recommendations" / org).glob("*/report.yaml"))[0].relative_to(corpus)
    hook = [tools["auditrack"], "check", "--fail-on", "never", str(named)]
    full = [tools["auditrack"], "check", str(corpus), "--format", "json"]
    one, whole = Best(), Best()
    for _ in range(args.repeat):
        wall, cpu, rss, code = timed(hook, cwd=corpus)
        if code != 0:
            raise SystemExit(f"the pre-commit check of {named} exited with {code}")
        one.add(wall, cpu, rss)
        wall, cpu, rss, code = timed(full)
        if code not in (0, 1, 3):
            raise SystemExit(f"auditrack check exited with {code}")
        whole.add(wall, cpu, rss)
    ratio = one.wall / whole.wall
    files = info["files"]
    print(f"\n== pre-commit at {files:,} files: `auditrack check --fail-on never {named}` from the repository root")
    print(f"pre-commit (one file named)          {one.wall:8.3f} s  cpu {one.cpu:6.3f} s   peak RSS {one.rss / 1024:6.1f} MB")
    print(f"full check                           {whole.wall:8.3f} s  cpu {whole.cpu:6.3f} s   pre-commit is {ratio:.3f} x the full check")
    return {"precommit_files": files, "precommit_s": round(one.wall, 3), "precommit_full_s": round(whole.wall, 3),
            "precommit_ratio": round(ratio, 3)}


def _git(repo: Path, *argv: str) -> None:
    # gc.autoDetach=false: committing 10,000 new files makes git pack them (gc --auto), which by default runs in
    # the background while the first rounds are timed; here the commit waits for it, and the repository is then
    # packed as a clone is.
    subprocess.run(["git", "-c", "user.name=bench", "-c", "user.email=bench@example.org", "-c", "commit.gpgsign=false",
                    "-c", "gc.autoDetach=false", *argv], cwd=repo, check=True, capture_output=True)


def change_ten(repo: Path, info: dict) -> list[str]:
    """Change one response in each of 10 organisations spread over the corpus, as a week's work does: an action
    in progress marked done on a date (with its evidence), or else a response's date corrected."""
    orgs = clean_orgs(repo, info)
    chosen = [orgs[i * len(orgs) // 10] for i in range(10)] if len(orgs) >= 10 else orgs
    changed = []
    for org in chosen:
        responses = sorted((repo / "recommendations" / org).glob("*/response.yaml"))
        for path in responses:
            text = path.read_text(encoding="utf-8")
            at = text.find("\n    status: in-progress\n")
            if at >= 0:
                text = (text[:at] + "\n    status: done\n    done: 2026-05-12\n    evidence: [KS 2026-05-12 § 101]\n"
                        + text[at + len("\n    status: in-progress\n"):])
                break
        else:
            if not responses:
                continue
            path = responses[0]
            text = re.sub(r"^date: (\d{4}-\d\d)-\d\d$", r"date: \1-27", path.read_text(encoding="utf-8"),
                          count=1, flags=re.M)
        path.write_text(text, encoding="utf-8")
        changed.append(str(path.relative_to(repo)))
    return changed


def measure_diff(args, tools: dict) -> dict:
    """`auditrack diff HEAD~1 HEAD --format json` in a git repository holding the corpus, after a commit that
    changes 10 files in 10 organisations, against the full check of that corpus, taking turns."""
    corpus, info = ensure_corpus(args.diff_files, args.seed, args.corpus_base, args.regenerate)
    with tempfile.TemporaryDirectory() as tmp:
        repo = Path(tmp) / "repo"
        shutil.copytree(corpus, repo)
        _git(repo, "init", "-q", "-b", "main")
        _git(repo, "add", "-A")
        _git(repo, "commit", "-q", "-m", "corpus")
        changed = change_ten(repo, info)
        _git(repo, "commit", "-q", "-am", "ten changes")
        diff_cmd = [tools["auditrack"], "diff", "HEAD~1", "HEAD", "--format", "json"]
        full = [tools["auditrack"], "check", str(repo), "--format", "json"]
        out = Path(tmp) / "diff.json"
        diff, whole = Best(), Best()
        for _ in range(args.repeat):
            with out.open("wb") as handle:
                wall, cpu, rss, diff_code = timed(diff_cmd, stdout=handle, cwd=repo)
            # 1: the changes introduce a gap (an action marked done without a follow-up can); 3: an organisation
            # with planted errors could not be compared, when diff compares every organisation.
            if diff_code not in (0, 1, 3):
                raise SystemExit(f"auditrack diff exited with {diff_code}")
            try:
                keys = helper("d = json.load(open(sys.argv[1], encoding='utf-8'));"
                              "print(', '.join(sorted(d)) if isinstance(d, dict) else type(d).__name__)", str(out)).strip()
            except subprocess.CalledProcessError:
                raise SystemExit("auditrack diff --format json gave no JSON") from None
            diff.add(wall, cpu, rss)
            wall, cpu, rss, code = timed(full)
            if code not in (0, 1, 3):
                raise SystemExit(f"auditrack check exited with {code}")
            whole.add(wall, cpu, rss)
    ratio = diff.wall / whole.wall
    print(f"\n== diff at {info['files']:,} files: `auditrack diff HEAD~1 HEAD --format json`, {len(changed)} files changed "
          f"in {len({c.split('/')[1] for c in changed})} organisations (exit {diff_code}; JSON with {keys})")
    print(f"diff                                 {diff.wall:8.3f} s  cpu {diff.cpu:6.3f} s   peak RSS {diff.rss / 1024:6.1f} MB")
    print(f"full check                           {whole.wall:8.3f} s  cpu {whole.cpu:6.3f} s   diff is {ratio:.3f} x the full check")
    return {"diff_files": info["files"], "diff_changed": len(changed), "diff_s": round(diff.wall, 3),
            "diff_full_s": round(whole.wall, 3), "diff_ratio": round(ratio, 3), "diff_rss_mb": round(diff.rss / 1024, 1)}


def measure_linearity(args, tools: dict, sizes: list[tuple[int, Path]]) -> tuple[float, float]:
    """How the cost of one more file changes from the smallest size to the largest, for the check and, as a
    control, for the floor: the cost per file from the middle size to the largest over that from the
    smallest to the middle (1.0 is linear); the median over --linearity-rounds rounds, each of which runs
    the floor and the check at the three sizes in turn.

    Slopes between sizes, not times over a fixed cost: a check pays some costs once, when it first meets
    a kind of record or a branch of a rule, and a small repository meets fewer of them, so no small check
    measures "the fixed cost". Each round's figure, from runs seconds apart, and the median of the rounds:
    this machine's speed changes within seconds and over minutes, and the best of several runs favours
    the short runs, which fit between slow spells more often (that made even the floor 1.15 to 1.5)."""
    (small, small_corpus), (middle, middle_corpus), (large, large_corpus) = sizes
    commands = {
        "floor": lambda corpus: [sys.executable, "-c", FLOOR, str(corpus)],
        "check": lambda corpus: [tools["auditrack"], "check", str(corpus), "--format", "json"],
    }
    figures: dict[str, list[float]] = {"floor": [], "check": []}
    for _ in range(args.linearity_rounds):
        for what, command in commands.items():
            times = []
            for corpus in (small_corpus, middle_corpus, large_corpus):
                wall, _, _, code = timed(command(corpus))
                if code not in (0, 1, 3):
                    raise SystemExit(f"{' '.join(command(corpus))} exited with {code}")
                times.append(wall)
            lower = (times[1] - times[0]) / (middle - small)
            upper = (times[2] - times[1]) / (large - middle)
            figures[what].append(upper / lower)
    check, floor = statistics.median(figures["check"]), statistics.median(figures["floor"])
    print(f"\n== linearity: cost per file from {middle:,} to {large:,} files over that from {small:,} to {middle:,}, "
          f"median of {args.linearity_rounds} rounds")
    print(f"check  {check:.3f}   (rounds: {' '.join(f'{x:.2f}' for x in figures['check'])})")
    print(f"floor  {floor:.3f}   (rounds: {' '.join(f'{x:.2f}' for x in figures['floor'])}): linear work, so how far "
          "this machine moves the figure")
    return check, floor


def one_file_repo(corpus: Path, where: Path) -> Path:
    """A repository holding one file: the first organisation file of `corpus`."""
    org_file = next((corpus / "governance").glob("*/organisation.yaml"))
    target = where / "one" / org_file.relative_to(corpus)
    target.parent.mkdir(parents=True)
    target.write_bytes(org_file.read_bytes())
    return where / "one"


STACK_IMPORTS = "import typer, typer._adapters; from pydantic import BaseModel"
"""What any command of a typer and pydantic program imports before its own code runs (typer builds its
parameters with pydantic): the floor under the one-file check that auditrack's code cannot lower."""


def measure_startup(args, tools: dict, one: Path, schemas: Path) -> dict:
    commands = [[sys.executable, "-c", "pass"], [sys.executable, "-c", STACK_IMPORTS], [tools["auditrack"], "--version"],
                [tools["auditrack"], "check", str(one)]]
    one_file = next((one / "governance").glob("*/organisation.yaml"))
    if tools.get("peer"):
        commands.append([tools["peer"], "--schemafile", str(schemas / "organisation.json"), str(one_file)])
    timings = medians(commands, args.startup_repeat)
    (python_s, python_best), (stack_s, stack_best), (version_s, version_best), (one_s, one_best) = timings[:4]
    print(f"\n== start-up (median of {args.startup_repeat}; best in brackets)")
    print(f"python -c pass                       {python_s * 1000:8.1f} ms  ({python_best * 1000:.1f})")
    print(f"python: import typer and pydantic    {stack_s * 1000:8.1f} ms  ({stack_best * 1000:.1f})   "
          f"+{(stack_s - python_s) * 1000:.1f} ms over python")
    print(f"auditrack --version                  {version_s * 1000:8.1f} ms  ({version_best * 1000:.1f})   "
          f"+{(version_s - python_s) * 1000:.1f} ms over python")
    print(f"auditrack check (one-file repo)      {one_s * 1000:8.1f} ms  ({one_best * 1000:.1f})   "
          f"+{(one_s - stack_s) * 1000:.1f} ms over the typer and pydantic imports")
    figures = {"version_ms": round(version_s * 1000, 1), "one_file_ms": round(one_s * 1000, 1),
               "python_ms": round(python_s * 1000, 1), "stack_ms": round(stack_s * 1000, 1),
               "peer_one_file_ms": None, "one_file_ratio": None}
    if tools.get("peer"):
        peer_s, peer_best = timings[4]
        print(f"check-jsonschema (the same file)     {peer_s * 1000:8.1f} ms  ({peer_best * 1000:.1f})   "
              f"auditrack's one-file check is {one_s / peer_s:.2f} x its time")
        figures.update(peer_one_file_ms=round(peer_s * 1000, 1), one_file_ratio=round(one_s / peer_s, 3))
    return figures


def verdicts(result: dict, linearity: float | None) -> list[str]:
    lines = []

    def line(name: str, ok: bool | None, text: str) -> None:
        mark = "n/a " if ok is None else ("met " if ok else "MISS")
        lines.append(f"  [{mark}] {name:<18} {text}")

    def at(size: int, measured: int | None) -> str:
        return "" if measured == size else f" [measured at {measured:,} files, the target is set at {size:,}]"

    ratio = result.get("ratio_to_floor_10k")
    if ratio is None:
        line("check/floor", None, "needs the 10,000-file size (--files ... 10000 ...)")
    else:
        line("check/floor 10k", ratio <= TARGETS["ratio_to_floor_10k"],
             f"{ratio:.2f} at 10,000 files (target <= {TARGETS['ratio_to_floor_10k']})")
    if result.get("peer_ratio_10k") is None:
        line("vs peer", None, "check-jsonschema not installed, or not run")
    else:
        line("vs peer", result["peer_ratio_10k"] >= TARGETS["peer_ratio"],
             f"{result['peer_ratio_10k']:.1f} x faster at {result['peer_ratio_files']:,} files (target >= {TARGETS['peer_ratio']})")
    if linearity is None:
        line("linearity", None, "needs three sizes (e.g. --files 1000 3000 10000 30000)")
    else:
        line("linearity", abs(linearity - 1) <= TARGETS["linearity"],
             f"{linearity:.3f} cost per file, upper pair of sizes / lower pair (target 1 +- {TARGETS['linearity']})")
    limit = 4 * result["corpus_mb"] + 100
    line("check memory", result["peak_rss_mb"] <= limit,
         f"{result['peak_rss_mb']:.0f} MB at {result['files']:,} files (target <= 4 x {result['corpus_mb']:.1f} + 100 = {limit:.0f} MB)")
    for kind in ("status", "governance"):
        rss = result[f"report_{kind}_rss_mb"]
        line(f"report {kind}", rss <= TARGETS["report_rss_mb"],
             f"{rss:.0f} MB peak (target <= {TARGETS['report_rss_mb']:.0f} MB at 30,000 files)"
             + at(TARGET_SIZES["report_rss"], result["files"]))
    if result.get("precommit_ratio") is None:
        line("pre-commit", None, "not measured (--no-precommit)")
    else:
        line("pre-commit", result["precommit_ratio"] <= TARGETS["precommit_ratio"],
             f"{result['precommit_ratio']:.3f} x the full check, one file named (target <= {TARGETS['precommit_ratio']})"
             + at(TARGET_SIZES["precommit"], result["precommit_files"]))
    if result.get("diff_ratio") is None:
        line("diff", None, "not measured (--no-diff)")
    else:
        line("diff", result["diff_ratio"] <= TARGETS["diff_ratio"],
             f"{result['diff_ratio']:.3f} x the full check, {result['diff_changed']} files changed (target <= {TARGETS['diff_ratio']})"
             + at(TARGET_SIZES["diff"], result["diff_files"]))
    line("--version", result["version_ms"] <= TARGETS["version_ms"], f"{result['version_ms']:.0f} ms (target <= {TARGETS['version_ms']:.0f})")
    if result.get("one_file_ratio") is None:
        line("one-file", None, f"{result['one_file_ms']:.0f} ms; check-jsonschema not installed, so no ratio")
    else:
        line("one-file", result["one_file_ratio"] <= TARGETS["one_file_ratio"],
             f"{result['one_file_ratio']:.2f} x check-jsonschema's one-file time ({result['one_file_ms']:.0f} ms against "
             f"{result['peer_one_file_ms']:.0f} ms; target <= {TARGETS['one_file_ratio']})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, nargs="+", default=[1000, 3000, 10000, 30000],
                        help="corpus sizes; linearity needs three (default 1000 3000 10000 30000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5,
                        help="runs of the floor and the check per size, and of pre-commit and diff; the best counts (default 5)")
    parser.add_argument("--report-repeat", type=int, default=2,
                        help="runs of report status and report governance per size; the best time and the highest peak count (default 2)")
    parser.add_argument("--peer-repeat", type=int, default=2, help="runs of the peer per size; the best counts (default 2)")
    parser.add_argument("--peer-max-files", type=int, default=10000,
                        help="run the peer only at sizes up to this many files (default 10000; it is slow)")
    parser.add_argument("--linearity-rounds", type=int, default=7, help="rounds for linearity; the median counts (default 7)")
    parser.add_argument("--startup-repeat", type=int, default=7, help="runs per start-up figure; the median counts (default 7)")
    parser.add_argument("--precommit-files", type=int, default=TARGET_SIZES["precommit"],
                        help="corpus size for the pre-commit figure (default 3000)")
    parser.add_argument("--diff-files", type=int, default=TARGET_SIZES["diff"], help="corpus size for the diff figure (default 10000)")
    parser.add_argument("--no-precommit", action="store_true", help="skip the pre-commit figure")
    parser.add_argument("--no-diff", action="store_true", help="skip the diff figure")
    parser.add_argument("--corpus-base", type=Path, default=HERE, help="where corpus-N folders live (default benchmarks/)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the corpora even when up to date")
    parser.add_argument("--no-peer", action="store_true", help="skip check-jsonschema")
    args = parser.parse_args(argv)

    started = time.perf_counter()
    tools = {"auditrack": find_tool("auditrack"), "peer": None if args.no_peer else find_tool("check-jsonschema")}
    if tools["auditrack"] is None:
        raise SystemExit("auditrack is not installed in this environment")
    tools["jobs"] = jobs_option(tools["auditrack"])
    print(f"machine: {machine()}")
    if tools["peer"]:
        version = subprocess.run([tools["peer"], "--version"], capture_output=True, text=True).stdout.strip()
        print(f"peer: {version}")
    print(f"check --jobs: {'yes, so check_1core_s times --jobs 1' if tools['jobs'] else 'not offered'}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    compile_bytecode()
    sizes = sorted(set(args.files))
    first_corpus, _ = ensure_corpus(sizes[0], args.seed, args.corpus_base, args.regenerate)
    with tempfile.TemporaryDirectory() as tmp:
        startup = measure_startup(args, tools, one_file_repo(first_corpus, Path(tmp)), first_corpus / "schemas")
        measured = [measure(n, args, tools, startup) for n in sizes]
        results = [figures for figures, _ in measured]
        linearity = floor_linearity = None
        if len(results) > 2:
            chosen = [measured[0], measured[len(measured) // 2], measured[-1]]
            linearity, floor_linearity = measure_linearity(args, tools, [(f["files"], c) for f, c in chosen])
    extra: dict = {"precommit_files": None, "precommit_s": None, "precommit_full_s": None, "precommit_ratio": None}
    if not args.no_precommit:
        extra.update(measure_precommit(args, tools))
    extra.update({"diff_files": None, "diff_changed": None, "diff_s": None, "diff_full_s": None, "diff_ratio": None,
                  "diff_rss_mb": None})
    if not args.no_diff:
        extra.update(measure_diff(args, tools))

    final = dict(results[-1])
    if linearity is not None:
        final["linearity"] = round(linearity, 3)
        final["floor_linearity"] = round(floor_linearity, 3)
    final["linearity_files"] = [f["files"] for f in (results[0], results[len(results) // 2], results[-1])] \
        if linearity is not None else None
    at_10k = next((f for f in results if f["files"] == TARGET_SIZES["ratio_to_floor"]), None)
    final["ratio_to_floor_10k"] = at_10k["ratio_to_floor"] if at_10k else None
    with_peer = [f for f in results if f["peer_ratio"] is not None]
    final["peer_ratio_10k"] = with_peer[-1]["peer_ratio"] if with_peer else None
    final["peer_ratio_files"] = with_peer[-1]["files"] if with_peer else None
    final.update(extra)
    final["run_s"] = round(time.perf_counter() - started, 1)
    final["runner_rss_mb"] = round(own_peak_mb(), 1)
    print(f"\n== targets (issue 19); figures at {final['files']:,} files unless said")
    print("\n".join(verdicts(final, linearity)))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}; the run took {final['run_s'] / 60:.1f} minutes; "
          f"run.py's own peak RSS, a floor under every peak RSS above, {final['runner_rss_mb']:.1f} MB")
    print(json.dumps(final))
    return 0


if __name__ == "__main__":
    sys.exit(main())
