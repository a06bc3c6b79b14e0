import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from xmledger.cli import app

TESTS = Path(__file__).parent
REPO = TESTS.parent


@pytest.fixture
def cli():
    """Run the real command line in-process: cli("check", "-L", path) -> Result."""
    runner = CliRunner()

    def run(*args, env=None):
        return runner.invoke(app, [str(a) for a in args], env=env, catch_exceptions=False)

    return run


def run_process(*args, env=None, timeout=60, cwd=None):
    """Run `python -m xmledger` as a separate process, as cron would."""
    full_env = {k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "XMLEDGER_LEDGER")}
    full_env.update(env or {})
    return subprocess.run([sys.executable, "-m", "xmledger", *map(str, args)], capture_output=True,
                          timeout=timeout, env=full_env, cwd=cwd)


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory, monkeypatch):
    """Tests never read or write the user's parse cache."""
    monkeypatch.setenv("XMLEDGER_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
