"""auditrack: governance-as-code for Swedish municipal audits."""

__version__ = "0.1.0"


def main() -> None:
    """The console script (and `python -m auditrack`). `--version` is answered before the command machinery
    (typer) is imported; a command ends the process without the interpreter's teardown when nothing needs it."""
    import sys

    if sys.argv[1:] == ["--version"]:
        try:
            print(f"auditrack {__version__}")
        except BrokenPipeError:  # unbuffered output to a closed pipe: as a command's output there (click's answer)
            _quiet_stdout()
            sys.exit(1)
        return
    import gc
    import os

    if sys.argv[1:2] == ["check"]:
        # check runs with the cyclic collector paused (commands.check.run): paused from here, it spares the
        # start-up its collections too (some seventy, a tenth of a one-file check), which find no garbage: what
        # the imports build lives until the process ends. Other commands collect as they always did.
        gc.disable()
    # pydantic looks for plugins (importlib.metadata reads every installed package's entry points) when it
    # builds its first validator; auditrack's models want none, and typer turns them off for its own already.
    # PYDANTIC_DISABLE_PLUGINS is pydantic's documented switch; one set by the user is kept.
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from auditrack.cli import main as run

    try:
        run()
    except SystemExit as exc:
        code = exc.code
    else:
        code = 0
    finally:
        # What the command built lives until the process ends: moved out of the collector's reach, the
        # interpreter's shutdown does not walk it once more (nor does the fallback below).
        gc.freeze()
    _end(code)


def _end(code) -> None:
    """Exit with `code` as `sys.exit` would, without the interpreter's teardown (freeing every module and object
    one by one, some milliseconds of a one-file check) when nothing needs it: output flushed, exit functions
    run, no other thread, no child processes. Otherwise, or if the output cannot be flushed (a closed pipe),
    the ordinary exit, which behaves as it always did."""
    import os
    import sys
    import threading

    processes = sys.modules.get("multiprocessing")  # a pool's or executor's own threads count among the threads
    orderly = (not isinstance(code, (int, type(None))) or threading.active_count() != 1
               or (processes is not None and processes.active_children()))
    # CPython's own, which multiprocessing's children call before os._exit too.
    run_exit_functions = getattr(__import__("atexit"), "_run_exitfuncs", None)
    if orderly or run_exit_functions is None:
        raise SystemExit(code)
    run_exit_functions()  # they run once: the ordinary exit below finds none left
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:  # None when started without them (pythonw)
                stream.flush()
    except (OSError, ValueError):  # the ordinary exit reports it as it always has
        raise SystemExit(code) from None
    os._exit(code or 0)


def _quiet_stdout() -> None:
    """Point standard output at the null device, so the interpreter's own flush at exit has nowhere to fail."""
    import os
    import sys

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):
        pass
