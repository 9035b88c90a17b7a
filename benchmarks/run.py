#!/usr/bin/env python3
"""Benchmark `auditrack check` against the floor, the peer and the interpreter's own start-up.

    python benchmarks/run.py                      # corpora of 1,000, 3,000 and 10,000 files
    python benchmarks/run.py --files 3000         # one size
    python benchmarks/run.py --no-peer            # skip check-jsonschema

For each size, on the same generated corpus (benchmarks/corpus-N, made by
generate.py when missing or stale), in one run:

* floor: one Python process that walks the data folders and parses every file
  with libyaml's CSafeLoader, nothing more;
* check: `auditrack check CORPUS --format json` as a new process, and its peak
  resident memory (ru_maxrss of that child, from wait4);
* peer: check-jsonschema validating the same files against the exported
  schemas, one process per kind (it takes one schema per run), summed;
* version / one file / python: `auditrack --version`, `auditrack check` on a
  repository holding one file, and `python -c pass`.

Corpus-level figures are the best of --repeat runs (default 5; the peer, which
takes ten times as long, --peer-repeat, default 3), alternating floor, check and
peer so that load from other processes falls on all alike; start-up figures are
the median of --startup-repeat runs (default 7, taking turns) after a warm-up.
The check's output is verified: only gap findings (no Y/S/X/C/I codes).

With three or more sizes, linearity compares the cost of one more file
between the middle size and the largest with that between the smallest and the
middle: (check_large - check_middle) / (files_large - files_middle) over the
same for the lower pair, the median of --linearity-rounds rounds (default 9),
each timing the three checks seconds apart. The same figure for the floor,
whose work is linear, shows how far the machine moves it.

The last line printed is one JSON object with the figures for the largest size.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
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
                    yaml.load(handle.read(), Loader=CSafeLoader)
                n += 1
print(n)
"""

TARGETS = {
    "ratio_to_floor": 1.5,
    "peer_ratio": 4.0,
    "linearity": 0.10,
    "version_ms": 60.0,
    "one_file_ms": 150.0,
}


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
    if regenerate or any(info.get(k) != v for k, v in wanted.items()):
        print(f"generating {corpus} ...", flush=True)
        info = generate.write_corpus(corpus, files, seed)
    else:
        generate.write_schemas(corpus / "schemas")  # the schemas may have changed since
    return corpus, info


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


def verify_check(output: Path, files: int) -> Counter:
    document = json.loads(output.read_text(encoding="utf-8"))
    if document["files"] != files:
        raise SystemExit(f"auditrack check read {document['files']} files, the corpus has {files}")
    codes = Counter(f["code"] for f in document["findings"])
    bad = {code: n for code, n in codes.items() if code[0] in "YSXCI"}
    if bad:
        raise SystemExit(f"the corpus has data findings, it must only have gaps: {bad}")
    return codes


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


def measure(files: int, args, tools: dict, startup: dict) -> tuple[dict, Path]:
    corpus, info = ensure_corpus(files, args.seed, args.corpus_base, args.regenerate)
    by_kind = data_files(corpus)
    count = sum(len(v) for v in by_kind.values())
    size = sum((corpus / p).stat().st_size for paths in by_kind.values() for p in paths)
    print(f"\n== {count:,} files, {info.get('organisations', '?')} organisations, {size / 1e6:.1f} MB ({corpus})", flush=True)

    floor, check, peer = Best(), Best(), Best()
    floor_cmd = [sys.executable, "-c", FLOOR, str(corpus)]
    check_cmd = [tools["auditrack"], "check", str(corpus), "--format", "json"]
    codes: Counter = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "check.json"
        # The runs alternate (floor, check, peer, floor, check, ...) so that load from other
        # processes falls on all three alike; the best run of each counts.
        for run in range(max(args.repeat, args.peer_repeat if tools.get("peer") else 0)):
            wall, cpu, _, code = timed(floor_cmd)
            if code != 0:
                raise SystemExit(f"the floor script exited with {code}")
            floor.add(wall, cpu)
            with out.open("wb") as handle:
                wall, cpu, rss, code = timed(check_cmd, stdout=handle)
            if code not in (0, 1):
                raise SystemExit(f"auditrack check exited with {code}")
            check.add(wall, cpu, rss)
            codes = verify_check(out, count)
            if tools.get("peer") and run < args.peer_repeat:
                wall = cpu = 0.0
                for kind, paths in sorted(by_kind.items()):
                    schema = str(corpus / "schemas" / f"{kind}.json")
                    w, c, _, code = timed([tools["peer"], "--schemafile", schema, *paths], cwd=corpus)
                    if code != 0:
                        raise SystemExit(f"check-jsonschema found errors in the {kind} files (exit {code})")
                    wall, cpu = wall + w, cpu + c
                peer.add(wall, cpu)
    floor_s, check_s, peak_mb = floor.wall, check.wall, check.rss / 1024
    peer_s = peer.wall if tools.get("peer") else None
    print(f"floor  (CSafeLoader, one process)    {floor_s:8.3f} s  cpu {floor.cpu:6.3f} s")
    print(f"check  (auditrack check, end to end) {check_s:8.3f} s  cpu {check.cpu:6.3f} s   {check_s / floor_s:5.2f} x floor "
          f"(cpu {check.cpu / floor.cpu:.2f} x)   peak RSS {peak_mb:6.1f} MB   "
          f"{sum(codes.values()):,} gap findings from {len(codes)} rules")
    if peer_s is not None:
        print(f"peer   (check-jsonschema, {len(by_kind)} kinds)   {peer_s:8.3f} s  cpu {peer.cpu:6.3f} s   "
              f"auditrack is {peer_s / check_s:5.2f} x faster")
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
    }
    print(f"figures: {json.dumps(figures)}")
    return figures, corpus


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
                if code not in (0, 1):
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


def measure_startup(args, tools: dict, one: Path) -> dict:
    (python_s, python_best), (stack_s, stack_best), (version_s, version_best), (one_s, one_best) = medians(
        [[sys.executable, "-c", "pass"], [sys.executable, "-c", STACK_IMPORTS], [tools["auditrack"], "--version"],
         [tools["auditrack"], "check", str(one)]],
        args.startup_repeat,
    )
    print(f"\n== start-up (median of {args.startup_repeat}; best in brackets)")
    print(f"python -c pass                       {python_s * 1000:8.1f} ms  ({python_best * 1000:.1f})")
    print(f"python: import typer and pydantic    {stack_s * 1000:8.1f} ms  ({stack_best * 1000:.1f})   "
          f"+{(stack_s - python_s) * 1000:.1f} ms over python")
    print(f"auditrack --version                  {version_s * 1000:8.1f} ms  ({version_best * 1000:.1f})   "
          f"+{(version_s - python_s) * 1000:.1f} ms over python")
    print(f"auditrack check (one-file repo)      {one_s * 1000:8.1f} ms  ({one_best * 1000:.1f})   "
          f"+{(one_s - stack_s) * 1000:.1f} ms over the typer and pydantic imports")
    return {"version_ms": round(version_s * 1000, 1), "one_file_ms": round(one_s * 1000, 1),
            "python_ms": round(python_s * 1000, 1), "stack_ms": round(stack_s * 1000, 1)}


def verdicts(result: dict, linearity: float | None) -> list[str]:
    lines = []

    def line(name: str, ok: bool | None, text: str) -> None:
        mark = "n/a " if ok is None else ("met " if ok else "MISS")
        lines.append(f"  [{mark}] {name:<14} {text}")

    line("check/floor", result["ratio_to_floor"] <= TARGETS["ratio_to_floor"],
         f"{result['ratio_to_floor']:.2f} (target <= {TARGETS['ratio_to_floor']})")
    if result["peer_ratio"] is None:
        line("vs peer", None, "check-jsonschema not installed")
    else:
        line("vs peer", result["peer_ratio"] >= TARGETS["peer_ratio"], f"{result['peer_ratio']:.1f} x faster (target >= {TARGETS['peer_ratio']})")
    if linearity is None:
        line("linearity", None, "needs three sizes (e.g. --files 1000 3000 10000)")
    else:
        line("linearity", abs(linearity - 1) <= TARGETS["linearity"],
             f"{linearity:.3f} cost per file, upper pair of sizes / lower pair (target 1 +- {TARGETS['linearity']})")
    limit = 4 * result["corpus_mb"] + 100
    line("peak memory", result["peak_rss_mb"] <= limit, f"{result['peak_rss_mb']:.0f} MB (target <= 4 x {result['corpus_mb']:.1f} + 100 = {limit:.0f} MB)")
    line("--version", result["version_ms"] <= TARGETS["version_ms"], f"{result['version_ms']:.0f} ms (target <= {TARGETS['version_ms']:.0f})")
    line("one-file", result["one_file_ms"] <= TARGETS["one_file_ms"], f"{result['one_file_ms']:.0f} ms (target <= {TARGETS['one_file_ms']:.0f})")
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, nargs="+", default=[1000, 3000, 10000],
                        help="corpus sizes; linearity needs three (default 1000 3000 10000)")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=5, help="runs of the floor and the check per size; the best counts (default 5)")
    parser.add_argument("--peer-repeat", type=int, default=3, help="runs of the peer per size; the best counts (default 3)")
    parser.add_argument("--linearity-rounds", type=int, default=9, help="rounds for linearity; the median counts (default 9)")
    parser.add_argument("--startup-repeat", type=int, default=7, help="runs per start-up figure; the median counts (default 7)")
    parser.add_argument("--corpus-base", type=Path, default=HERE, help="where corpus-N folders live (default benchmarks/)")
    parser.add_argument("--regenerate", action="store_true", help="regenerate the corpora even when up to date")
    parser.add_argument("--no-peer", action="store_true", help="skip check-jsonschema")
    args = parser.parse_args(argv)

    tools = {"auditrack": find_tool("auditrack"), "peer": None if args.no_peer else find_tool("check-jsonschema")}
    if tools["auditrack"] is None:
        raise SystemExit("auditrack is not installed in this environment")
    print(f"machine: {machine()}")
    if tools["peer"]:
        version = subprocess.run([tools["peer"], "--version"], capture_output=True, text=True).stdout.strip()
        print(f"peer: {version}")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    compile_bytecode()
    sizes = sorted(set(args.files))
    first_corpus, _ = ensure_corpus(sizes[0], args.seed, args.corpus_base, args.regenerate)
    with tempfile.TemporaryDirectory() as tmp:
        startup = measure_startup(args, tools, one_file_repo(first_corpus, Path(tmp)))
        measured = [measure(n, args, tools, startup) for n in sizes]
        results = [figures for figures, _ in measured]
        linearity = floor_linearity = None
        if len(results) > 2:
            chosen = [measured[0], measured[len(measured) // 2], measured[-1]]
            linearity, floor_linearity = measure_linearity(args, tools, [(f["files"], c) for f, c in chosen])

    final = dict(results[-1])
    if linearity is not None:
        final["linearity"] = round(linearity, 3)
        final["floor_linearity"] = round(floor_linearity, 3)
    print(f"\n== targets at {final['files']:,} files")
    print("\n".join(verdicts(final, linearity)))
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(json.dumps(final))
    return 0


if __name__ == "__main__":
    sys.exit(main())
