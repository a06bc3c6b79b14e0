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


from . import exportcmds, ledgercmds, problemcmds, reportcmds  # noqa: E402,F401  (registers commands)


def main() -> None:
    app()
