"""Starting fast without behaving differently: the console script as a real process (its exit codes, its output
through pipes, a closed pipe), the command built alone reading as the whole app does, and what a one-file check
does not import."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import auditrack
from conftest import run_cli

SCRIPT = Path(sys.executable).parent / ("auditrack.exe" if os.name == "nt" else "auditrack")
needs_script = pytest.mark.skipif(not SCRIPT.exists(), reason="the console script is not installed next to python")

ORGANISATION = "kind: organisation\nid: acme\nname: Acme kommun\n"
BROKEN = "kind: organisation\nid: o{n}\n"  # no name: S002, an error


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "NO_COLOR", "FORCE_COLOR", "TERM",
                        "PYTHONUNBUFFERED", "PYDANTIC_DISABLE_PLUGINS")}
    env.update(COLUMNS="200", **extra)
    return env


def _script(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([str(SCRIPT), *args], cwd=cwd, capture_output=True, env=_env(**env), timeout=60)


def _one_file(tmp_path: Path, text: str = ORGANISATION) -> Path:
    """The benchmark's one-file repository: one organisation file, no auditrack.yaml."""
    (tmp_path / "governance" / "acme").mkdir(parents=True)
    (tmp_path / "governance" / "acme" / "organisation.yaml").write_text(text, encoding="utf-8")
    return tmp_path


def _many_errors(tmp_path: Path, files: int) -> Path:
    (tmp_path / "governance").mkdir(parents=True)
    for n in range(files):
        (tmp_path / "governance" / f"o{n}.yaml").write_text(BROKEN.format(n=n), encoding="utf-8")
    return tmp_path


# --------------------------------------------------------------------------- the console script


@needs_script
def test_version_from_the_console_script(tmp_path):
    done = _script("--version", cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, f"auditrack {auditrack.__version__}\n".encode(), b"")


@needs_script
@pytest.mark.parametrize(("text", "code"), [(ORGANISATION, 0), ("kind: organisation\nid: acme\n", 3)])
def test_the_console_script_prints_and_exits_as_the_app_does(tmp_path, text, code):
    """Ending the process without the interpreter's teardown loses no output and keeps the exit code."""
    root = _one_file(tmp_path, text)
    for output_format in ("text", "json"):
        args = ("check", ".", "--format", output_format, "--as-of", "2024-01-01")
        done = _script(*args, cwd=root)
        in_process = run_cli(*args, cwd=root)
        assert done.returncode == in_process.code == code
        assert done.stdout.decode() == in_process.stdout
        assert done.stderr.decode() == in_process.stderr


@needs_script
def test_output_larger_than_a_pipe_holds_arrives_whole(tmp_path):
    root = _many_errors(tmp_path, 600)
    done = _script("check", ".", "--format", "json", cwd=root)
    assert done.returncode == 3
    assert len(done.stdout) > 150_000  # more than twice what a pipe holds before its reader reads
    assert [f["code"] for f in json.loads(done.stdout)["findings"]] == ["S002"] * 600


def _into_closed_pipe(args: list[str], cwd: Path, **env: str) -> tuple[int, str]:
    read, write = os.pipe()
    os.close(read)
    try:
        done = subprocess.run(args, cwd=cwd, stdout=write, stderr=subprocess.PIPE, env=_env(**env), timeout=60)
    finally:
        os.close(write)
    return done.returncode, done.stderr.decode()


CLOSED_PIPE = "BrokenPipeError: [Errno 32] Broken pipe"


@needs_script
@pytest.mark.parametrize("args", [["check", "."], ["check", ".", "--format", "json"], ["--version"]])
def test_a_closed_pipe_ends_the_script_as_the_interpreter_always_did(tmp_path, args):
    """Buffered output that cannot be flushed at the end: the interpreter's own exit, its one-line report and
    its exit code 120, never a traceback (`auditrack check | head -1` when head has gone)."""
    code, stderr = _into_closed_pipe([str(SCRIPT), *args], _one_file(tmp_path))
    assert code == 120
    assert stderr.splitlines()[-1] == CLOSED_PIPE
    assert "Traceback" not in stderr


@needs_script
@pytest.mark.parametrize("args", [["check", "."], ["--version"]])
def test_a_closed_pipe_unbuffered_is_exit_1_without_a_word(tmp_path, args):
    """Unbuffered, the write itself fails: click's answer (exit 1, nothing said), for --version too."""
    assert _into_closed_pipe([str(SCRIPT), *args], _one_file(tmp_path), PYTHONUNBUFFERED="1") == (1, "")


# The console script's function, run as a real process with something besides the command that needs the
# interpreter's ordinary end: an exit function, a thread still working.
ENDING = """
import atexit, os, sys, threading, time
sys.argv = ["auditrack", *sys.argv[1:]]
atexit.register(lambda: print("exit function:", os.environ.get("PYDANTIC_DISABLE_PLUGINS"), flush=True))
if os.environ.get("WITH_THREAD"):
    threading.Thread(target=lambda: (time.sleep(1.5), print("thread done", flush=True))).start()
from auditrack import main
main()
"""


@pytest.mark.parametrize(("env", "after"), [
    ({}, ["exit function: __all__"]),
    ({"PYDANTIC_DISABLE_PLUGINS": "some-plugin"}, ["exit function: some-plugin"]),  # the user's setting is kept
    ({"WITH_THREAD": "1"}, ["thread done", "exit function: __all__"]),  # a thread still working is waited for
])
def test_exit_functions_and_threads_finish_before_the_process_ends(tmp_path, env, after):
    root = _one_file(tmp_path, "kind: organisation\nid: acme\n")
    done = subprocess.run([sys.executable, "-c", ENDING, "check", ".", "--format", "text"], cwd=root,
                          capture_output=True, text=True, env=_env(**env), timeout=60)
    lines = done.stdout.splitlines()
    assert done.returncode == 3
    assert [line for line in lines if "S002" in line][0].startswith("governance/acme/organisation.yaml:")
    assert lines[-1] == after[-1]  # the exit functions run last, once
    assert [line for line in lines if line in after] == after


# --------------------------------------------------------------------------- the command built alone


@pytest.mark.parametrize("args", [
    ["check", "--help"], ["check", "--bogus"], ["check", ".", "--format", "nope"], ["check", ".", "--lang", "xx"],
    ["check", "--version"], ["export"], ["export", "--help"], ["export", "plan", "--help"], ["export", "bogus"],
    ["import", "report", "--help"], ["report"], ["rules", "--help"], ["new", "--help"], ["due", "--within", "x"],
])
def test_a_command_built_alone_reads_as_in_the_whole_app(tmp_path, monkeypatch, args):
    from typer.testing import CliRunner

    from auditrack.cli import app, only

    alone = only(args[0])
    assert [c.callback.__name__ for c in alone.registered_commands] + [g.name for g in alone.registered_groups] \
        == [args[0]]
    runner = CliRunner()
    env = {"COLUMNS": "120", "NO_COLOR": None, "TERM": None, "GITHUB_ACTIONS": None, "GITHUB_STEP_SUMMARY": None}
    monkeypatch.chdir(tmp_path)
    whole = runner.invoke(app, args, prog_name="auditrack", env=env)
    built_alone = runner.invoke(alone, args, prog_name="auditrack", env=env)
    assert (built_alone.exit_code, built_alone.output) == (whole.exit_code, whole.output)


@pytest.mark.parametrize("name", [None, "--help", "--version", "chek", "plan"])
def test_anything_but_a_command_gets_the_whole_app(name):
    from auditrack.cli import app, only

    assert only(name) is app


# --------------------------------------------------------------------------- what a one-file check imports

NOT_FOR_ONE_FILE = {
    "jinja2", "markupsafe", "rich", "auditrack.reports", "auditrack.models.audit", "auditrack.models.tracking",
    "auditrack.municipalities", "auditrack.formatters.json", "auditrack.formatters.sarif",
    "auditrack.formatters.junit", "auditrack.formatters.github", "auditrack.commands.report",
    "auditrack.commands.due", "auditrack.commands.new", "auditrack.commands.diff",
}

PROBE = """
import json, sys
import typer  # what typer imports of itself is not ours to avoid: older typers import rich when it is installed
stack = set(sys.modules)
sys.argv = ["auditrack", "check", ".", "--format", "text", "--as-of", "2024-01-01"]
from auditrack.cli import main
try:
    main()
except SystemExit as exc:
    code = exc.code
print(json.dumps({"code": code, "modules": sorted(set(sys.modules) - stack)}), file=sys.stderr)
"""


def test_a_one_file_check_imports_nothing_it_does_not_need(tmp_path):
    root = _one_file(tmp_path)
    done = subprocess.run([sys.executable, "-c", PROBE], cwd=root, capture_output=True, text=True, env=_env(),
                          timeout=60)
    probe = json.loads(done.stderr.splitlines()[-1])
    assert probe["code"] == 0
    assert done.stdout == "0 errors, 0 warnings, 0 info in 1 file (as of 2024-01-01)\n"
    assert NOT_FOR_ONE_FILE & set(probe["modules"]) == set()
    assert "auditrack.models.organisation" in probe["modules"]  # the probe did check the file


# --------------------------------------------------------------------------- the configuration without a file


def test_the_defaults_without_a_file_are_what_validating_nothing_gives():
    from auditrack.config import Config, Horizons, LimitsConfig, Reporting, defaults

    built = defaults()
    assert built == Config() == Config.model_validate({})
    assert repr(built) == repr(Config.model_validate({}))
    assert (built.horizons, built.reporting, built.limits) == (Horizons(), Reporting(), LimitsConfig())
    assert built.model_fields_set == Config.model_validate({}).model_fields_set == set()
    # A section left out of a file gets the same defaults as a section written empty.
    assert Config.model_validate({"lang": "sv"}).horizons == Config.model_validate({"horizons": {}}).horizons


CHILD = """
import multiprocessing, sys, time
sys.argv = ["auditrack", *sys.argv[1:]]

def child():
    time.sleep(1.0)
    print("child done", flush=True)

if __name__ == "__main__":
    multiprocessing.Process(target=child).start()
    from auditrack import main
    main()
"""


def test_a_child_process_still_running_is_waited_for(tmp_path):
    script = tmp_path / "child.py"
    script.write_text(CHILD, encoding="utf-8")
    done = subprocess.run([sys.executable, str(script), "check", ".", "--format", "text"],
                          cwd=_one_file(tmp_path / "repo"), capture_output=True, text=True, env=_env(), timeout=60)
    assert done.returncode == 0
    assert "child done" in done.stdout.splitlines()


COLLECTIONS = """
import atexit, gc, sys
from auditrack import main
sys.argv = ["auditrack", *sys.argv[1:]]
made = []
gc.callbacks.append(lambda phase, info: made.append(info["generation"]) if phase == "stop" else None)
atexit.register(lambda: print("collections:", len(made), file=sys.stderr))
main()
"""


@pytest.mark.parametrize(("args", "collected"), [(["check", "."], False), (["rules"], True)])
def test_check_runs_without_collections_from_its_start_and_other_commands_collect(tmp_path, args, collected):
    """check pauses the cyclic collector for its whole run, start-up included: what the imports build lives until
    the process ends, so a collection would only scan it. Other commands collect as they always did."""
    done = subprocess.run([sys.executable, "-c", COLLECTIONS, *args], cwd=_one_file(tmp_path), capture_output=True,
                          text=True, env=_env(), timeout=60)
    assert done.returncode == 0
    count = int(done.stderr.splitlines()[-1].removeprefix("collections: "))
    assert (count > 0) is collected
