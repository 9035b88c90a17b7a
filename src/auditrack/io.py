"""Writing files safely: only to regular files, atomically, not at all when nothing changed, and never
leaving a temporary file behind.

Every file auditrack writes goes through this module (tests/test_hostile.py checks it). A target that
exists and is not a regular file (a device such as /dev/null, a named pipe, a socket, a folder, or any
symbolic link) is refused with :class:`NotARegularFile` before anything is opened: replacing it would
turn /dev/null into a file (as root), and opening a named pipe blocks until someone reads it.
A symbolic link is refused even when it points to a regular file: writing through it would let a link
in a pull request send a report anywhere the CI job can write, and replacing it would change the
repository's structure behind its author's back.
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
import stat
from pathlib import Path

_KINDS = {
    stat.S_IFDIR: ("a folder", "en mapp"),
    stat.S_IFIFO: ("a named pipe (FIFO)", "en namngiven pipe (FIFO)"),
    stat.S_IFCHR: ("a character device", "en teckenenhet"),
    stat.S_IFBLK: ("a block device", "en blockenhet"),
    stat.S_IFSOCK: ("a socket", "en socket"),
    stat.S_IFLNK: ("a symbolic link", "en symbolisk länk"),
}
_ENDING_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))
_BLOCKED_SIGNALS = {*_ENDING_SIGNALS, signal.SIGINT}


class NotARegularFile(OSError):
    """The path exists and is not a regular file; it was neither opened nor replaced."""

    def __init__(self, path: Path, mode: int):
        self.kind = _KINDS.get(stat.S_IFMT(mode), ("not a regular file", "inte en vanlig fil"))
        super().__init__(errno.EINVAL, self._reason("en"), str(path))

    def _reason(self, lang: str) -> str:
        if lang == "sv":
            return (f"det är {self.kind[1]}, inte en vanlig fil; auditrack skriver bara till vanliga filer "
                    "och har inte rört den")
        return f"it is {self.kind[0]}, not a regular file; auditrack writes only to regular files and has not touched it"

    def message(self, lang: str = "en") -> str:
        """One line naming the path, in English or Swedish."""
        if lang == "sv":
            return f"kan inte skriva {self.filename}: {self._reason('sv')}"
        return f"cannot write {self.filename}: {self._reason('en')}"


class LinkedFolder(NotARegularFile):
    """A folder on the way to the path, inside the working folder, is a symbolic link; nothing was written.

    A data repository (a pull request's, say) can hold a link such as `reports -> /etc`: a workflow writing
    `--output reports/status.md` must not follow it out."""

    def __init__(self, path: Path, folder: Path):
        self.folder = folder
        OSError.__init__(self, errno.EINVAL, self._reason("en"), str(path))

    def _reason(self, lang: str) -> str:
        if lang == "sv":
            return (f"mappen {self.folder} är en symbolisk länk; auditrack skriver inte genom länkar i "
                    "arbetsmappen och har inte rört något")
        return (f"its folder {self.folder} is a symbolic link; auditrack does not write through links inside "
                "the working folder and has not touched anything")


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived during a write; the temporary file is removed. Exit with `exit_code`.

    A BaseException, like KeyboardInterrupt, so that no `except Exception` on the way out swallows it."""

    def __init__(self, signum: int):
        super().__init__(f"stopped by {signal.Signals(signum).name} while writing a file; the file was left as it was")
        self.exit_code = 128 + signum


def refuse_unless_regular(path: Path) -> None:
    """Raise NotARegularFile when `path` exists and is not a regular file (a symbolic link never is), and
    LinkedFolder when a folder on the way to it, below the working folder, is a symbolic link."""
    _refuse_linked_folders(path)
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISREG(mode):
        raise NotARegularFile(path, mode)


def _refuse_linked_folders(path: Path) -> None:
    """Links above the working folder are the machine's own (/tmp on macOS is one) and are followed; below it,
    they may come from the repository's content. A folder that does not exist yet is created by the write."""
    here = Path.cwd()
    full = Path(os.path.normpath(path if path.is_absolute() else here / path))
    try:
        below = full.parent.relative_to(here)
    except ValueError:
        return
    folder = here
    for part in below.parts:
        folder = folder / part
        try:
            mode = os.lstat(folder).st_mode
        except OSError:
            return
        if stat.S_ISLNK(mode):
            raise LinkedFolder(path, folder.relative_to(here))


def write_atomic(path: Path, text: str) -> bool:
    """Write `text` to `path` atomically. Returns False, and leaves the file untouched, when it already holds `text`.

    Raises NotARegularFile, and touches nothing, when `path` is not a regular file. The text goes to a
    temporary file beside `path` that is renamed over it; whatever ends the write (an error, Ctrl-C, SIGTERM,
    SIGHUP), the temporary file is removed. SIGTERM and SIGHUP then raise Terminated.
    """
    return write_bytes_atomic(path, text.encode("utf-8"))


def write_bytes_atomic(path: Path, data: bytes) -> bool:
    """`write_atomic` for bytes (a spreadsheet): the same refusals, the same clean-up."""
    import tempfile

    refuse_unless_regular(path)
    if _holds(path, data):
        return False
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _mode_for(path)
    with _ending_signals_raise():
        tmp = None
        try:
            with _signals_blocked():  # no signal lands between the file's creation and `tmp` naming it
                fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
            os.chmod(tmp, mode)  # mkstemp makes the file private (0600); the result should not be
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
            refuse_unless_regular(path)  # again: something else may have been put there meanwhile
            os.replace(tmp, path)
        except BaseException:
            if tmp is not None:
                with _signals_blocked(), contextlib.suppress(OSError):
                    os.unlink(tmp)
            raise
    return True


def append_text(path: Path, text: str) -> None:
    """Append `text` to the regular file `path`, creating it if needed (for the CI job summary).

    Raises NotARegularFile for anything else. A named pipe is never opened for writing without O_NONBLOCK,
    so the call cannot wait for a reader; the opened file is checked again, so a swap after the first look
    is refused too.
    """
    refuse_unless_regular(path)
    flags = os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o666)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENXIO):  # a link, or a pipe without a reader, put there meanwhile
            refuse_unless_regular(path)
        raise
    with os.fdopen(fd, "a", encoding="utf-8") as handle:
        opened = os.fstat(fd).st_mode
        if not stat.S_ISREG(opened):
            raise NotARegularFile(path, opened)
        handle.write(text)


def _holds(path: Path, data: bytes) -> bool:
    """Whether the regular file `path` holds exactly `data` (read only when the size matches)."""
    try:
        return path.stat().st_size == len(data) and path.read_bytes() == data
    except OSError:
        return False


def _mode_for(path: Path) -> int:
    """The replaced file's permissions, or what a newly created file would get under the current umask."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


@contextlib.contextmanager
def _ending_signals_raise():
    """While inside, SIGTERM and SIGHUP raise Terminated instead of ending the process on the spot.

    Only where the signal has its default action (a SIGHUP ignored under nohup stays ignored, and an
    embedding program's own handler is left alone), and only in the main thread, where Python runs handlers.
    """
    raised = []

    def raise_terminated(signum, frame):
        if not raised:  # once: a second signal must not interrupt the clean-up the first one started
            raised.append(signum)
            raise Terminated(signum)

    replaced = {}
    try:
        for signum in _ENDING_SIGNALS:
            if signal.getsignal(signum) is signal.SIG_DFL:
                replaced[signum] = signal.signal(signum, raise_terminated)
    except ValueError:  # not the main thread: signals cannot be handled here
        pass
    try:
        yield
    finally:
        for signum, previous in replaced.items():
            signal.signal(signum, previous)


@contextlib.contextmanager
def _signals_blocked():
    """Hold SIGTERM, SIGHUP and SIGINT back while inside; one that arrived meanwhile is handled on leaving."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, _BLOCKED_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
