"""The command line: a thin typer layer over the library.

Each command parses its options, calls the core (load -> metrics -> report)
and maps the outcome to an exit code: 0 fine, 1 the ledger has errors (or
warnings under --strict), 2 wrong usage. Heavy modules are imported inside the
commands, so `--help` and small commands start fast.
"""

import typer

from .. import __version__

app = typer.Typer(
    name="xmledger",
    help="Ledger (台账) of key construction projects: check the YAML records, compute start rates, "
    "plan completion, traffic lights, problems and rankings, and print tables and the circular (通报).",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"xmledger {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the version and exit."),
) -> None:
    """Ledger (台账) of key construction projects."""


from . import ledgercmds, reportcmds, problemcmds, diffcmds, ingestcmds, exportcmds, explaincmds  # noqa: E402,F401,E501  (registers commands)


def main() -> None:
    """Run the command line. What can go wrong outside the ledger never ends in a traceback: output that cannot
    be written (a full disk, a closed stdout) is one line on stderr and exit 1; a reader that stops reading
    (`| head`) ends the command quietly; anything unforeseen is one line with exit 3, the traceback only with
    XMLEDGER_DEBUG=1."""
    import gc
    import os
    import sys

    from .options import OutputError

    # A command is one short process that builds a ledger's values (lazily: facts and views after loading too)
    # and holds no reference cycles worth collecting: collection passes over 40,000 records and their views
    # cost a warm `status` a third of its time. A process-wide setting, so made here, at the edge.
    gc.disable()
    try:
        app()
    except BrokenPipeError:
        _quiet_stdout()
        sys.exit(1)
    except OutputError as e:
        _quiet_stdout()
        _stderr(f"xmledger: cannot write the output: {e}")
        sys.exit(1)
    except Exception as e:  # noqa: BLE001 - the last line of defence
        if os.environ.get("XMLEDGER_DEBUG"):
            raise
        _stderr(f"xmledger: internal error ({type(e).__name__}: {e}); please report it with the command that "
                "caused it (XMLEDGER_DEBUG=1 shows the traceback)")
        sys.exit(3)


def _quiet_stdout() -> None:
    """Point stdout at /dev/null so that Python's flush at exit raises nothing more."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
    except OSError:
        pass
    sys.stdout = None


def _stderr(text: str) -> None:
    import sys

    try:
        if sys.stderr is not None:
            sys.stderr.buffer.write((text + "\n").encode("utf-8", "backslashreplace"))
            sys.stderr.flush()
    except OSError:
        pass
