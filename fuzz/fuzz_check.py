#!/usr/bin/env python3
"""Fuzz auditrack's check: any bytes as a data file must end in findings, never an exception or an I001.

With atheris (coverage-guided, libFuzzer):

    pip install atheris
    python fuzz/fuzz_check.py -dict=fuzz/yaml.dict -timeout=5 -rss_limit_mb=512 fuzz/corpus tests/hostile

Without atheris (plain random mutation of the seed files, for any platform):

    python fuzz/fuzz_check.py --plain [SECONDS] [SEED_DIR ...]

See fuzz/README.md for long runs. Not part of CI.
"""

from __future__ import annotations

import io
import os
import random
import sys
import time
from datetime import date
from pathlib import Path

HERE = Path(__file__).resolve().parent
AS_OF = date(2024, 6, 30)
ORG_FILE = ("governance/acme/organisation.yaml", b"kind: organisation\nid: acme\nname: Acme kommun\n")
BOARD_FILE = ("governance/acme/bodies/ks.yaml", b"kind: body\nid: ks\norganisation: acme\nname: KS\ntype: board\nstanding: true\n")
SUMMARY = os.environ.get("FUZZ_SUMMARY") == "1"  # also render the Markdown job summary (slower)


def _import_auditrack():
    global Config, check_sources, Category, FORMATS, get_formatter, render_gap_summary
    from auditrack.config import Config
    from auditrack.engine import check_sources
    from auditrack.findings import Category
    from auditrack.formatters import FORMATS, get_formatter
    from auditrack.reports import render_gap_summary
    from auditrack.rules import load_rules

    load_rules()
    for name in FORMATS:  # import every formatter now, so the fuzzer instruments them
        get_formatter(name)

    # auditrack turns a bug inside a rule, a file's validation or the index into an I001 finding; here the
    # original exception is raised instead, so the fuzzer reports it with the traceback to the faulty line.
    import auditrack.engine as engine

    def raise_it(where, exc, *args, **kwargs):
        raise exc

    engine.internal_finding = raise_it


class InternalError(Exception):
    """auditrack reported an I001: one of its guards caught a bug. The input that caused it is the crash."""


def check(data: bytes) -> None:
    result = check_sources([ORG_FILE, BOARD_FILE, ("governance/acme/fuzz.yaml", data)], Config(), AS_OF)
    for name in FORMATS:
        get_formatter(name)(result, io.StringIO())
    if SUMMARY:
        render_gap_summary(result)
    internal = [f.message for f in result.findings if f.category is Category.INTERNAL]
    if internal:
        raise InternalError("; ".join(internal))


# --------------------------------------------------------------------------- atheris


def run_atheris(argv: list[str]) -> None:
    import atheris

    with atheris.instrument_imports(include=["auditrack", "yaml", "pydantic"]):
        _import_auditrack()

    def test_one_input(data: bytes) -> None:
        check(data)

    atheris.Setup(argv, test_one_input)
    atheris.Fuzz()


# --------------------------------------------------------------------------- plain random mutation

_TOKENS = [line.split("=", 1)[1].strip().strip('"').encode().decode("unicode_escape").encode("latin-1")
           for line in (HERE / "yaml.dict").read_text().splitlines() if "=" in line and not line.startswith("#")]


def _mutate(data: bytes, rng: random.Random) -> bytes:
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        how = rng.randrange(6)
        at = rng.randint(0, len(out))
        if how == 0 and out:
            out[min(at, len(out) - 1)] = rng.randrange(256)
        elif how == 1:
            out[at:at] = rng.choice(_TOKENS)
        elif how == 2 and out:
            del out[at:at + rng.randint(1, 16)]
        elif how == 3 and out:
            start = rng.randrange(len(out))
            out[at:at] = out[start:start + rng.randint(1, 64)]  # duplicate a slice
        elif how == 4:
            out[at:at] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 8)))
        elif how == 5:
            out[at:at] = rng.choice(_TOKENS) * rng.randint(2, 200)  # repetition: nesting, long lines
    return bytes(out[: 1 << 20])


def run_plain(seconds: float, seed_dirs: list[Path]) -> int:
    _import_auditrack()
    seeds = [p.read_bytes() for d in seed_dirs for p in sorted(d.rglob("*")) if p.is_file() and p.stat().st_size < 1 << 20]
    seeds = seeds or [ORG_FILE[1]]
    crashes = HERE / "crashes"
    rng = random.Random(int(os.environ.get("FUZZ_SEED", "0")) or None)
    end, runs, found = time.monotonic() + seconds, 0, 0
    while time.monotonic() < end:
        data = _mutate(rng.choice(seeds), rng)
        started = time.monotonic()
        try:
            check(data)
        except Exception as exc:  # noqa: BLE001 - every exception is a finding of the fuzzer
            found += 1
            crashes.mkdir(exist_ok=True)
            path = crashes / f"crash-{int(time.time())}-{found}.yaml"
            path.write_bytes(data)
            print(f"{type(exc).__name__}: {str(exc)[:200]}\n  input saved to {path}", flush=True)
        if time.monotonic() - started > 5:
            crashes.mkdir(exist_ok=True)
            path = crashes / f"slow-{int(time.time())}.yaml"
            path.write_bytes(data)
            print(f"slow input ({time.monotonic() - started:.1f} s) saved to {path}", flush=True)
        runs += 1
        if runs % 5000 == 0:
            print(f"{runs:,} runs, {found} failures", flush=True)
    print(f"done: {runs:,} runs, {found} failures")
    return 1 if found else 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--plain"]:
        rest = sys.argv[2:]
        seconds = float(rest.pop(0)) if rest and rest[0].replace(".", "", 1).isdigit() else 60.0
        dirs = [Path(d) for d in rest] or [HERE / "corpus", HERE.parent / "tests" / "hostile"]
        sys.exit(run_plain(seconds, dirs))
    run_atheris(sys.argv)
