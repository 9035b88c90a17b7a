"""Small data repositories and random changes to them, for the tests of incremental checks (issue 19).

A repository has a few organisations, each with its organisation file, its board and a role (governance
files), and audit reports with responses (actions with owners, due dates and statuses) and follow-ups. A change
is a list of operations on the files: edit a status or a date, add, delete or rename a file, move a file to
another organisation by changing `organisation:`, break a file's YAML, take away its organisation, change
auditrack.yaml or an organisation file. The texts are real YAML that `check` reads, not mocks.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from hypothesis import strategies as st

ORGANISATIONS = ("alfa", "beta", "gamma")
AS_OF = "2024-06-30"
CONFIG = "auditrack.yaml"

GIT_ENV = {
    "GIT_CONFIG_GLOBAL": os.devnull, "GIT_CONFIG_NOSYSTEM": "1",
    "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.org",
    "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.org",
}


def git(root: Path, *args: str) -> str:
    done = subprocess.run(["git", *args], cwd=root, env={**os.environ, **GIT_ENV}, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def commit(root: Path, message: str) -> str:
    git(root, "add", "-A")
    git(root, "commit", "-q", "--no-gpg-sign", "--allow-empty", "-m", message)
    return git(root, "rev-parse", "HEAD")


# --------------------------------------------------------------------------- the files


def organisation(org: str, name: str | None = None) -> str:
    return f"kind: organisation\nid: {org}\nname: {name or org.capitalize() + ' kommun'}\n"


def board(org: str) -> str:
    return f"kind: body\nid: ks\norganisation: {org}\nname: Kommunstyrelsen\ntype: board\nstanding: true\n"


def role(org: str) -> str:
    return f"kind: role\nid: chef\norganisation: {org}\nname: Kommunchef\nstanding: true\n"


def report(org: str, k: int) -> str:
    return (f"kind: audit-report\nid: r{k}\norganisation: {org}\ntitle: Granskning {k}\naudit_firm: KPMG AB\n"
            f"date: 2022-0{k}-15\naudit_plan_year: 2022\naddressees: [ks]\npurpose: Att granska.\n"
            f"response_request: {{requested_on: 2022-0{k}-15, requested_from: [ks]}}\n"
            f"recommendations:\n  - id: r{k}-rek-1\n    text: Gör något.\n  - id: r{k}-rek-2\n    text: Gör mer.\n")


def response(org: str, k: int, status: str = "planned", due: str = "2023-12-31") -> str:
    return (f"kind: response\nid: svar-{k}\norganisation: {org}\nreport: r{k}\ndecided_by: ks\ndate: 2022-0{k}-28\n"
            f"actions:\n  - id: a{k}\n    recommendations: [r{k}-rek-1]\n    text: Ta fram mål.\n    owner: chef\n"
            f"    due: {due}\n    status: {status}\n")


def follow_up(org: str, k: int, grade: str = "partly-implemented") -> str:
    return (f"kind: follow-up\nid: uppf-{k}\norganisation: {org}\nreport: r{k}\ndate: 2023-0{k}-01\n"
            f"assessor: KPMG AB\nassessments:\n  - recommendation: r{k}-rek-1\n    status: {grade}\n")


def audit(org: str, k: int) -> str:
    return f"recommendations/{org}/2022-granskning-{k}"


@dataclass(frozen=True)
class Shape:
    """Which files a generated repository has: per organisation, per audit 1..3, how far it has come
    (0 a report only, 1 with its response, 2 with a follow-up too)."""

    audits: tuple[tuple[int, ...], ...]
    statuses: tuple[str, ...]


STATUSES = ("planned", "in-progress", "done", "cancelled")
GRADES = ("implemented", "partly-implemented", "not-implemented")


def shapes(organisations: int | None = None) -> st.SearchStrategy[Shape]:
    counts = st.just(organisations) if organisations else st.integers(2, 3)
    return counts.flatmap(lambda n: st.builds(
        Shape,
        st.tuples(*[st.lists(st.integers(0, 2), min_size=1, max_size=2).map(tuple) for _ in range(n)]),
        st.tuples(*[st.sampled_from(STATUSES) for _ in range(n)]),
    ))


def files_of(shape: Shape) -> dict[str, str]:
    files = {CONFIG: f"as_of: {AS_OF}\n"}
    for org, audits, status in zip(ORGANISATIONS, shape.audits, shape.statuses):
        files[f"governance/{org}/organisation.yaml"] = organisation(org)
        files[f"governance/{org}/bodies/ks.yaml"] = board(org)
        files[f"governance/{org}/roles/chef.yaml"] = role(org)
        for k, stage in enumerate(audits, start=1):
            files[f"{audit(org, k)}/report.yaml"] = report(org, k)
            if stage >= 1:
                files[f"{audit(org, k)}/response.yaml"] = response(org, k, status)
            if stage >= 2:
                files[f"{audit(org, k)}/follow-up-2023.yaml"] = follow_up(org, k)
    return files


# --------------------------------------------------------------------------- the changes

# Each operation is a tuple: its name, then numbers that pick a file, an organisation or a value (taken modulo
# what there is, so every operation applies to every repository).
OPERATIONS = st.one_of(
    st.tuples(st.just("status"), st.integers(0, 99), st.sampled_from(STATUSES)),
    st.tuples(st.just("date"), st.integers(0, 99), st.sampled_from(["2021-01-31", "2023-06-30", "2025-12-31"])),
    st.tuples(st.just("grade"), st.integers(0, 99), st.sampled_from(GRADES)),
    st.tuples(st.just("add"), st.integers(0, 2), st.integers(1, 3)),
    st.tuples(st.just("delete"), st.integers(0, 99)),
    st.tuples(st.just("rename"), st.integers(0, 99), st.integers(0, 2)),
    st.tuples(st.just("move"), st.integers(0, 99), st.integers(0, 2)),
    st.tuples(st.just("break"), st.integers(0, 99), st.sampled_from(["unclosed", "schema", "reference"])),
    st.tuples(st.just("orphan"), st.integers(0, 99)),
    st.tuples(st.just("config"), st.sampled_from(["ignore: [R103]\n", "horizons: {follow_up_months: 6}\n"])),
    st.tuples(st.just("organisation"), st.integers(0, 2), st.sampled_from(["rename", "break", "duplicate"])),
)


def changes(max_size: int = 3) -> st.SearchStrategy[list[tuple]]:
    return st.lists(OPERATIONS, min_size=1, max_size=max_size)


def _data_files(files: dict[str, str]) -> list[str]:
    return sorted(p for p in files if p != CONFIG and not p.endswith("organisation.yaml"))


def _organisations(files: dict[str, str]) -> list[str]:
    return sorted({p.split("/")[1] for p in files if p.endswith("/organisation.yaml")}) or list(ORGANISATIONS)


def apply(files: dict[str, str], operation: tuple) -> None:
    """Change `files` (path → text) in place by one operation."""
    name, *args = operation
    data = _data_files(files)
    orgs = _organisations(files)
    pick = (lambda n: data[n % len(data)]) if data else (lambda n: None)
    if name == "status":
        path = pick(args[0])
        if path and "    status: " in files[path] and "kind: response" in files[path]:
            head, _, rest = files[path].partition("    status: ")
            files[path] = head + "    status: " + args[1] + "\n" + rest.partition("\n")[2]
    elif name == "grade":
        path = pick(args[0])
        if path and "kind: follow-up" in files[path]:
            head, _, rest = files[path].partition("    status: ")
            files[path] = head + "    status: " + args[1] + "\n" + rest.partition("\n")[2]
    elif name == "date":
        path = pick(args[0])
        if path:
            key = "    due: " if "    due: " in files[path] else "date: "
            head, found, rest = files[path].partition(key)
            if found:
                files[path] = head + key + args[1] + "\n" + rest.partition("\n")[2]
    elif name == "add":
        org, k = orgs[args[0] % len(orgs)], args[1]
        folder = audit(org, k)
        for path, text in ((f"{folder}/report.yaml", report(org, k)), (f"{folder}/response.yaml", response(org, k)),
                           (f"{folder}/follow-up-2023.yaml", follow_up(org, k))):
            if path not in files:
                files[path] = text
                break
    elif name == "delete":
        path = pick(args[0])
        if path:
            del files[path]
    elif name == "rename":
        path = pick(args[0])
        if path:
            # into another organisation's folder, or beside itself: the file keeps its `organisation:`
            folder = path.split("/")
            folder[1] = orgs[args[1] % len(orgs)]
            target = "/".join(folder[:-1] + ["moved-" + folder[-1]])
            if target not in files:
                files[target] = files.pop(path)
    elif name == "move":
        path = pick(args[0])
        if path:
            org = orgs[args[1] % len(orgs)]
            head, found, rest = files[path].partition("organisation: ")
            if found:
                files[path] = head + "organisation: " + org + "\n" + rest.partition("\n")[2]
    elif name == "break":
        path = pick(args[0])
        if path:
            files[path] += {"unclosed": "extra: [unclosed\n", "schema": "unknown_key: 1\n",
                            "reference": "see_also: nothing\n"}[args[1]]
            if args[1] == "reference" and "report: " in files[path]:
                files[path] = files[path].replace("report: ", "report: nosuch-", 1).replace("see_also: nothing\n", "")
    elif name == "orphan":
        path = pick(args[0])
        if path:
            head, found, rest = files[path].partition("organisation: ")
            if found:
                files[path] = head + rest.partition("\n")[2]
    elif name == "config":
        files[CONFIG] = f"as_of: {AS_OF}\n" + args[0]  # one key more, never the same key twice
    elif name == "organisation":
        org = orgs[args[0] % len(orgs)]
        path = f"governance/{org}/organisation.yaml"
        if path in files:
            if args[1] == "rename":
                files[path] = organisation(org, f"{org.capitalize()} stad")
            elif args[1] == "break":
                files[path] += "municipality_code: nope\n"
            else:
                files[f"governance/{org}/organisation-copy.yaml"] = files[path]


def write(root: Path, files: dict[str, str]) -> None:
    """Make the folder `root` hold exactly `files` (besides .git)."""
    for path in sorted(root.rglob("*"), reverse=True):
        if ".git" in path.relative_to(root).parts:
            continue
        if path.is_file():
            path.unlink()
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    for relative, text in files.items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
