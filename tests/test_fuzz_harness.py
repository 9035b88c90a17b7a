"""The fuzz harness (fuzz/): its documented commands name files that exist, the script runs as a command
(libFuzzer's -fork=N starts each worker that way), and its entry point checks inputs with the real code.
atheris is not a test dependency: the entry point is run without it."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from test_hostile import run_cli

ROOT = Path(__file__).resolve().parent.parent
HARNESS = ROOT / "fuzz" / "fuzz_check.py"
README = ROOT / "fuzz" / "README.md"
MADE_BY_THE_RECIPE = {"fuzz/work", "fuzz/crashes", "fuzz/work/", "fuzz/crashes/"}  # `mkdir -p` makes them


def test_the_harness_runs_as_a_command():
    assert HARNESS.read_text().startswith("#!/usr/bin/env python3\n")
    assert os.access(HARNESS, os.X_OK)


def test_the_readme_commands_name_files_that_exist():
    blocks = re.findall(r"```sh\n(.*?)```", README.read_text(), re.S)
    assert blocks
    named = set()
    for block in blocks:
        named |= set(re.findall(r"(?<![\w/])((?:fuzz|tests)/[\w./-]*[\w/])", block))
        assert all(line.startswith(("python fuzz/fuzz_check.py", "FUZZ_SEED=42 python fuzz/fuzz_check.py"))
                   for line in block.splitlines() if "fuzz_check" in line)
    assert "fuzz/fuzz_check.py" in named and "fuzz/yaml.dict" in named
    for name in sorted(named - MADE_BY_THE_RECIPE):
        assert (ROOT / name).exists(), name


def test_the_entry_point_checks_an_input_with_the_real_code(tmp_path):
    # What the atheris entry point calls for each input, without atheris: a valid record and a broken one.
    program = (
        "import sys; sys.path.insert(0, sys.argv[1]); import fuzz_check as f; f._import_auditrack()\n"
        "for path in sys.argv[2:]: f.check(open(path, 'rb').read())\n"
        "print('checked', len(sys.argv) - 2)\n"
    )
    broken = tmp_path / "broken.yaml"
    broken.write_bytes(b"kind: goal\nid: [\x00\n")
    run = run_cli(tmp_path, "-c", program, str(HARNESS.parent), str(ROOT / "fuzz/corpus/goal.yaml"), str(broken),
                        runner=[sys.executable])
    assert (run.code, run.stdout, run.stderr) == (0, "checked 2\n", "")


def test_the_plain_mutator_fuzzes_when_run_as_a_command(tmp_path):
    # As -fork=N starts a worker: the script itself is the command, its shebang finds this environment's python3.
    path = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    run = run_cli(tmp_path, "--plain", "2", str(ROOT / "fuzz/corpus"),
                        runner=[str(HARNESS)], env={"FUZZ_SEED": "42", "PATH": path})
    assert run.code == 0, run.stdout + run.stderr
    runs = re.fullmatch(r"done: ([\d,]+) runs, 0 failures\n", run.stdout)
    assert runs and int(runs.group(1).replace(",", "")) > 0, run.stdout
