"""Nothing replaced, nothing left behind: auditrack writes only to regular files, and no ending of the process
that Python can see leaves a temporary file beside the target.

Every run is the real CLI in a subprocess (tests/test_hostile.py's run_cli: bounded time and memory).
"""

from __future__ import annotations

import os
import signal
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from test_hostile import TIMEOUT, run_cli

AS_OF = "2022-03-20"
REFUSAL = {
    "en": "auditrack: cannot write {path}: it is {what}, not a regular file; auditrack writes only to regular files "
          "and has not touched it; give --output - to write the report to standard output\n",
    "sv": "auditrack: kan inte skriva {path}: det är {what}, inte en vanlig fil; auditrack skriver bara till vanliga "
          "filer och har inte rört den; ange --output - för att skriva rapporten till standard ut (stdout)\n",
}


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _socket(path: Path) -> None:
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    server.close()  # the socket file stays


def _character_device(path: Path) -> None:
    """A node for the same device as /dev/null (1, 3): only root may make one; it is never opened here."""
    try:
        os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    except PermissionError:
        pytest.skip("making a device node needs root (the case the issue found: /dev/null replaced by a file)")


def _link_to_null(path: Path) -> None:
    path.symlink_to("/dev/null")


def _link_to_a_file(path: Path) -> None:
    (path.parent / "elsewhere.md").write_text("someone else's file\n", encoding="utf-8")
    path.symlink_to(path.parent / "elsewhere.md")


MAKERS = {
    "fifo": (_fifo, "a named pipe (FIFO)", "en namngiven pipe (FIFO)"),
    "socket": (_socket, "a socket", "en socket"),
    "device": (_character_device, "a character device", "en teckenenhet"),
    "link-to-dev-null": (_link_to_null, "a symbolic link", "en symbolisk länk"),
    "link-to-a-file": (_link_to_a_file, "a symbolic link", "en symbolisk länk"),
}


def _state(folder: Path) -> dict:
    """Every entry of `folder`: its type, inode and link target or content, without opening anything but files."""
    out = {}
    for entry in sorted(folder.iterdir()):
        info = entry.lstat()
        if stat.S_ISLNK(info.st_mode):
            detail = os.readlink(entry)
        elif stat.S_ISREG(info.st_mode):
            detail = entry.read_bytes()
        else:
            detail = None
        out[entry.name] = (stat.S_IFMT(info.st_mode), info.st_ino, detail)
    return out


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize("kind", list(MAKERS))
def test_report_output_that_is_not_a_regular_file_is_refused_and_untouched(tmp_path, repo, kind, lang):
    make, what_en, what_sv = MAKERS[kind]
    out = tmp_path / "out"
    out.mkdir()
    make(out / "report.md")
    before = _state(out)
    run = run_cli(tmp_path, "report", "status", str(repo.root), "--as-of", AS_OF, "--lang", lang,
                  "--output", str(out / "report.md"))
    assert run.code == 2
    what = what_sv if lang == "sv" else what_en
    assert run.stderr == REFUSAL[lang].format(path=out / "report.md", what=what)
    assert run.stdout == ""
    assert _state(out) == before  # nothing replaced, nothing beside it


def test_output_dash_is_standard_output(tmp_path, repo):
    plain = run_cli(tmp_path, "report", "status", str(repo.root), "--as-of", AS_OF)
    dashed = run_cli(tmp_path, "report", "status", str(repo.root), "--as-of", AS_OF, "--output", "-")
    assert dashed.code == 0 and dashed.stderr == ""
    assert dashed.stdout == plain.stdout and dashed.stdout.startswith("# Status of audit recommendations\n")
    assert not (tmp_path / "-").exists()


def test_schema_refuses_a_fifo_in_the_output_folder(tmp_path):
    out = tmp_path / "schemas"
    out.mkdir()
    os.mkfifo(out / "organisation.json")  # a name `auditrack schema` writes
    run = run_cli(tmp_path, "schema", "--output-dir", str(out))
    assert run.code == 2
    assert run.stderr == (f"auditrack: cannot write {out / 'organisation.json'}: it is a named pipe (FIFO), not a regular "
                          "file; auditrack writes only to regular files and has not touched it\n")
    assert stat.S_ISFIFO((out / "organisation.json").lstat().st_mode)
    assert not [p.name for p in out.iterdir() if p.name.endswith(".tmp")]


# --------------------------------------------------------------------------- the job summary


@pytest.mark.parametrize("lang, message", [
    ("en", "auditrack: GITHUB_STEP_SUMMARY: cannot write {path}: it is a named pipe (FIFO), not a regular file; "
           "auditrack writes only to regular files and has not touched it\n"),
    ("sv", "auditrack: GITHUB_STEP_SUMMARY: kan inte skriva {path}: det är en namngiven pipe (FIFO), inte en vanlig "
           "fil; auditrack skriver bara till vanliga filer och har inte rört den\n"),
])
def test_job_summary_on_a_fifo_is_refused_without_waiting(tmp_path, repo, lang, message):
    summary = tmp_path / "summary"
    os.mkfifo(summary)  # opening it for writing would wait for a reader forever
    run = run_cli(tmp_path, "check", str(repo.root), "--as-of", AS_OF, "--lang", lang, "--format", "github",
                  env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert run.code == 2
    assert run.stderr == message.format(path=summary)
    assert stat.S_ISFIFO(summary.lstat().st_mode)


def test_job_summary_is_appended_to_a_regular_file(tmp_path, repo):
    summary = tmp_path / "summary.md"
    summary.write_text("# Earlier step\n", encoding="utf-8")
    run = run_cli(tmp_path, "check", str(repo.root), "--as-of", AS_OF, "--format", "github",
                  env={"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)})
    assert run.code == 0, run.stderr
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# Earlier step\n# ") and len(text) > len("# Earlier step\n# ")


# --------------------------------------------------------------------------- signals during a write

# A repository template makes the report about 30 MB (15 million 'å', two bytes each), so writing and fsyncing it
# takes long enough to be seen; it stays under the output limit for a repository's templates.
BIG_TEMPLATE = "{% for i in range(1000) %}{% for j in range(150) %}" + "å" * 99 + "\n{% endfor %}{% endfor %}"


def _stop_inside_the_write(process: subprocess.Popen, folder: Path, target: Path, old: bytes) -> bool:
    """Stop `process` while its temporary file exists beside `target`: True when caught there, False if it ended.

    The check is made while the process is stopped (waitpid confirms it), so once it is True the process is
    known to be between creating the temporary file and renaming it, whatever the machine's speed.
    """
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and process.poll() is None:
        if any(name.endswith(".tmp") for name in os.listdir(folder)):
            os.kill(process.pid, signal.SIGSTOP)
            os.waitpid(process.pid, os.WUNTRACED)
            if any(name.endswith(".tmp") for name in os.listdir(folder)) and target.read_bytes() == old:
                return True
            os.kill(process.pid, signal.SIGCONT)
    return False


def _default_action() -> None:
    """In the child: the signals' default actions, whatever the test runner inherited (under `nohup` SIGHUP is
    ignored, and auditrack rightly leaves an ignored signal ignored, so the test would see the write finish)."""
    for signum in (signal.SIGTERM, signal.SIGHUP, signal.SIGINT):
        signal.signal(signum, signal.SIG_DFL)


@pytest.mark.parametrize("signum, code", [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)])
def test_a_signal_during_the_write_leaves_no_temporary_file_and_the_target_untouched(tmp_path, repo, signum, code):
    """SIGTERM, SIGHUP or SIGINT sent while the report is being written to --output.

    No mock and no test hook in auditrack: the report is made big (a repository template, about 30 MB), and the
    test watches the target's folder, stops the process with SIGSTOP as soon as a `.report.md.*.tmp` file
    appears, and confirms, while it is stopped, that the temporary file is still there and the target still
    old. Only then is the signal sent and the process continued, so the signal is known to arrive during the
    write. If the machine is so fast that the write ends between two looks, the run is repeated (at most
    five times) rather than passing by luck; the assertions themselves never depend on timing.
    """
    (repo.root / "templates").mkdir()
    (repo.root / "templates" / "status.md.j2").write_text(BIG_TEMPLATE, encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    target = out / "report.md"
    target.write_text("the old report\n", encoding="utf-8")
    command = [sys.executable, "-m", "auditrack", "report", "status", str(repo.root), "--as-of", AS_OF,
               "--output", str(target)]
    for _attempt in range(5):
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                                   preexec_fn=_default_action)
        try:
            caught = _stop_inside_the_write(process, out, target, b"the old report\n")
            if caught:
                os.kill(process.pid, signum)
                os.kill(process.pid, signal.SIGCONT)
            stdout, stderr = process.communicate(timeout=TIMEOUT)
        finally:
            if process.poll() is None:
                process.kill()
                process.wait()
        if caught:
            break
        assert process.returncode == 0, stderr  # missed: the report was written before it could be stopped
        target.write_text("the old report\n", encoding="utf-8")
    else:
        pytest.fail("the write was never caught in progress in five runs")
    assert process.returncode == code, stderr
    assert b"Traceback" not in stderr
    expected = b"" if signum == signal.SIGINT else (  # Ctrl-C: typer exits 130 quietly, as before
        f"auditrack: stopped by {signal.Signals(signum).name} while writing a file; the file was left as it was\n".encode())
    assert stderr == expected and stdout == b""
    assert sorted(os.listdir(out)) == ["report.md"]  # no temporary file left
    assert target.read_bytes() == b"the old report\n"


LINKED_FOLDER = {
    "en": "auditrack: cannot write {path}: its folder {folder} is a symbolic link; auditrack does not write through "
          "links inside the working folder and has not touched anything; give --output - to write the report to "
          "standard output\n",
    "sv": "auditrack: kan inte skriva {path}: mappen {folder} är en symbolisk länk; auditrack skriver inte genom länkar "
          "i arbetsmappen och har inte rört något; ange --output - för att skriva rapporten till standard ut (stdout)\n",
}


@pytest.mark.parametrize("lang", ["en", "sv"])
@pytest.mark.parametrize(("output", "folder"), [
    ("reports/status.md", "reports"),  # a repository's `reports -> outside` followed out of it
    ("site/reports/status.md", "site"),  # the link higher up
    ("gone/status.md", "gone"),  # a broken link: was a bare 'File exists'
])
def test_report_output_through_a_linked_folder_in_the_working_folder_is_refused(tmp_path, repo, output, folder, lang):
    work, outside = tmp_path / "work", tmp_path / "outside"
    work.mkdir()
    (outside / "reports").mkdir(parents=True)
    (outside / "status.md").write_text("not ours\n", encoding="utf-8")
    (work / "reports").symlink_to(outside)
    (work / "site").symlink_to(outside)
    (work / "gone").symlink_to(tmp_path / "missing")
    before = _state(outside), _state(outside / "reports")
    run = run_cli(work, "report", "status", str(repo.root), "--as-of", AS_OF, "--lang", lang, "--output", output)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == LINKED_FOLDER[lang].format(path=output, folder=folder)
    assert (_state(outside), _state(outside / "reports")) == before
    assert not (tmp_path / "missing").exists()


def test_report_output_through_a_link_above_the_working_folder_is_written(tmp_path, repo):
    """Links above the working folder are the machine's (macOS's /tmp is one): they are followed."""
    (tmp_path / "real" / "work").mkdir(parents=True)
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    work = tmp_path / "alias" / "work"
    run = run_cli(work, "report", "status", str(repo.root), "--as-of", AS_OF, "--output", "new/status.md")
    assert run.code == 0, run.stderr
    assert run.stderr == "auditrack: wrote new/status.md\n"
    assert (tmp_path / "real" / "work" / "new" / "status.md").read_text(encoding="utf-8").startswith("# Status")
