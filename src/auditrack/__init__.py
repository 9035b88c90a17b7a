"""auditrack: governance-as-code for Swedish municipal audits."""

__version__ = "0.1.0"


def main() -> None:
    """The console script. `--version` is answered before the command machinery (typer) is imported."""
    import sys

    if sys.argv[1:] == ["--version"]:
        print(f"auditrack {__version__}")
        return
    import gc

    from auditrack.cli import main as run

    try:
        run()
    finally:
        # What the command built lives until the process ends: moved out of the collector's reach, the
        # interpreter's shutdown does not walk it once more.
        gc.freeze()
