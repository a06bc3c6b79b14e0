"""The fuzz harness (tests/fuzz): a short run in CI, every saved crasher replayed, and the harness itself.

The short run is a fixed seed and a small count of mutated and generated ledgers, every command a real
process; it fails on any failure and prints the harness's own summary (the crasher it saved is in the
temporary folder it names). The harness is checked against a planted program that fails on purpose, so
that a run that finds nothing means the command line held, not that the harness saw nothing.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import pytest

from conftest import TESTS

RUN = TESTS / "fuzz" / "run.py"
CRASHERS = TESTS / "fuzz" / "crashers"


def harness(*args, timeout=300, cwd=None):
    return subprocess.run([sys.executable, str(RUN), *map(str, args)], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd)


# ---------------------------------------------------------------- the short run of CI

@pytest.mark.parametrize("mode, seed, count", [("mutation", 1, 6), ("structure", 1, 4)])
def test_short_fuzz_run_finds_nothing(tmp_path, mode, seed, count):
    r = harness("--seed", seed, "--count", count, "--jobs", 2, "--out", tmp_path / "crashers",
                *(["--structure"] if mode == "structure" else []))
    assert r.returncode == 0, r.stdout + r.stderr
    assert f"{count} ledgers" in r.stdout and "0 failures" in r.stdout, r.stdout + r.stderr
    assert "HARNESS ERROR" not in r.stderr, r.stderr


def saved_crashers() -> list:
    """Each crasher kept in tests/fuzz/crashers; one still marked `open` (a defect not fixed yet, with its
    reason) is expected to fail, strictly: once it passes, the mark must go."""
    found = sorted(p for p in CRASHERS.glob("*") if (p / "case.json").exists()) if CRASHERS.exists() else []
    params = []
    for p in found:
        reason = json.loads((p / "case.json").read_text(encoding="utf-8")).get("open")
        marks = [pytest.mark.xfail(reason=f"open: {reason}", strict=True)] if reason else []
        params.append(pytest.param(p, id=p.name, marks=marks))
    return params


@pytest.mark.parametrize("crasher", saved_crashers())
def test_saved_crasher_no_longer_fails(crasher):
    """Every crasher kept in tests/fuzz/crashers is a regression test: it must not fail any more."""
    r = harness("--replay", crasher, "--verbose")
    assert r.returncode == 0, r.stdout + r.stderr


# ---------------------------------------------------------------- the harness sees failures

PLANTED = '''\
"""A stand-in for xmledger that fails on purpose, one way per command."""
import os, sys, time
args = sys.argv[1:]
cmd = args[0] if args else ""
ledger = args[args.index("-L") + 1] if "-L" in args else os.environ.get("XMLEDGER_LEDGER", ".")
if ledger.rstrip("/").endswith("ledger.yaml"):
    ledger = os.path.dirname(ledger.rstrip("/"))
fmt = args[args.index("--format") + 1] if "--format" in args else "table"
if cmd == "status":  # a traceback, but only while projects/base.yaml still says P-1 (for the minimiser)
    try:
        text = open(os.path.join(ledger, "projects", "base.yaml"), encoding="utf-8", errors="replace").read()
    except OSError:
        text = ""
    if "id: P-1" in text:
        raise ValueError("planted")
    sys.exit(0)
if cmd == "summary":
    time.sleep(60)
if cmd == "rank":
    os.kill(os.getpid(), 9)
if cmd == "leaders":
    sys.exit(3)
if cmd == "starts":  # xmledger's own last line of defence: one line and exit 3, the traceback when debugging
    if os.environ.get("XMLEDGER_DEBUG"):
        raise KeyError("planted")
    sys.stderr.write("xmledger: internal error (KeyError: 'planted'); please report it\\n")
    sys.exit(3)
if cmd == "issues":
    sys.stdout.write("a,b\\n1,2,3\\n" if fmt in ("csv", "tsv") else "{not json" if fmt == "json" else "\\x1b[31mred\\n")
    sys.exit(0)
sys.stdout.write("ok\\n")
'''


@pytest.fixture(scope="module")
def planted(tmp_path_factory):
    """A fuzz run against the planted program: (its source folder, the run, the crashers' folder)."""
    root = tmp_path_factory.mktemp("planted")
    src = root / "src"
    (src / "xmledger").mkdir(parents=True)
    (src / "xmledger" / "__init__.py").write_text("")
    (src / "xmledger" / "__main__.py").write_text(PLANTED)
    out = root / "crashers"
    run = harness("--seed", 3, "--count", 10, "--jobs", 2, "--src", src, "--timeout", 1, "--out", out,
                  "--commands", 4)
    return src, run, out


def test_harness_reports_each_failure_class_and_saves_crashers(planted):
    _, r, out = planted
    assert r.returncode == 1, r.stdout + r.stderr
    for kind, sig in [("traceback", "ValueError in xmledger/__main__.py:<module>"), ("hang", "summary did not end"),
                      ("signal", "rank killed by SIGKILL"), ("exit-code", "leaders exits 3"),
                      ("internal-error", "KeyError in xmledger/__main__.py:<module>")]:
        assert f"FAIL {kind}: {sig}" in r.stdout, r.stdout
    assert any(f"FAIL {k}" in r.stdout for k in ("bad-csv", "bad-json", "control-chars")), r.stdout
    assert "failures per class: " in r.stdout
    saved = {p.name.split("-")[0] for p in out.iterdir()}
    assert {"traceback", "hang", "signal", "exit"} <= saved, saved
    crasher = next(out.glob("traceback-valueerror-*"))
    doc = json.loads((crasher / "case.json").read_text())
    assert doc["failure"]["kind"] == "traceback" and doc["commands"][0]["args"][0] == "status"
    assert "planted" in (crasher / "stderr-0.txt").read_text()
    assert "python -m xmledger status" in (crasher / "command.txt").read_text()


def test_replay_and_minimize_a_crasher(planted):
    planted, _, out = planted
    crasher = next(out.glob("traceback-valueerror-*"))
    r = harness("--replay", crasher, "--src", planted)
    assert r.returncode == 1 and "STILL FAILS" in r.stdout, r.stdout + r.stderr
    r = harness("--minimize", crasher, "--src", planted)
    assert r.returncode == 0, r.stdout + r.stderr
    small = json.loads((crasher / "min" / "case.json").read_text())
    files = [e for e in small["entries"] if e["kind"] == "file"]
    assert [e["path"] for e in files] == ["projects/base.yaml"], small["entries"]
    assert files[0]["text"].strip() == "id: P-1"
    assert small["commands"][0]["args"][:1] == ["status"] and len(small["commands"]) == 1
    # the real command line does not fail on it: replaying against xmledger itself passes
    r = harness("--replay", crasher / "min")
    assert r.returncode == 0 and "passes" in r.stdout, r.stdout + r.stderr


def test_a_seed_gives_the_same_cases():
    shown = [harness("--seed", 5, "--only", i, "--show").stdout for i in (0, 7)]
    again = [harness("--seed", 5, "--only", i, "--show").stdout for i in (0, 7)]
    assert shown == again and shown[0] != shown[1]
    assert harness("--seed", 6, "--only", 0, "--show").stdout != shown[0]


# ---------------------------------------------------------------- the oracles, one by one

sys.path.insert(0, str(TESTS))
from fuzz.execute import (judge_delimited, judge_json, judge_output, judge_status,  # noqa: E402
                          traceback_signature)


def test_output_oracles():
    assert judge_json('{"a": 1}') is None
    assert judge_json('{"a": NaN}').kind == "bad-json"
    assert judge_delimited("a,b\n1,2\n\nc\n3\n", ",", "csv") is None  # two tables, an empty line between
    assert judge_delimited("# groups\na,b\n1,2\n\n# months\nc\n3\n", ",", "csv") is None  # named tables
    assert judge_delimited("a,b\n1,2,3\n", ",", "csv").kind == "bad-csv"
    assert judge_delimited("a,b\n-12.5,'=1\n", ",", "csv") is None  # numbers stay numbers; neutralised text
    assert judge_delimited("a,b\nx,=HYPERLINK(1)\n", ",", "csv").kind == "csv-injection"
    assert judge_delimited("a\n＝1\n", ",", "csv").kind == "csv-injection"
    assert judge_output("项目\t1\n".encode(), "plain") is None
    assert judge_output("红\x1b[0m\n".encode(), "plain").kind == "control-chars"
    assert judge_output(b"\xff\n", "plain").kind == "bad-output"


def test_text_leaks_unless_the_ledger_put_them_there():
    from fuzz.cases import Case, Command, Entry
    from fuzz.engine import leaks
    from fuzz.execute import Outcome

    case = Case("x", "test", [Entry("projects/a.yaml", "file", "name: None of them\n".encode())])
    cmd = Command(["summary", "--lang", "en"])

    def seen(text: str):
        f = leaks(case, cmd, Outcome(0, text.encode(), b"", 0.0))
        return f and f.signature

    assert seen("2 projects are on schedule; 1 project is late.\n") is None
    assert seen("1 projects are on schedule\n") == 'summary: "1" with a plural in the text'
    assert seen("total None\n") is None  # the ledger says "None"
    assert seen("rate nan%\n") == "summary: nan/inf in the text"
    assert seen("completed 2.5E+4 of 30000\n") == "summary: exponent notation in the text"
    assert seen("{count} problems\n") == "summary: an unfilled template field in the text"


def test_status_invariants(cli, tmp_path):
    from ledgers import write_ledger

    r = cli("status", "-L", write_ledger(tmp_path / "l"), "--as-of", "2019-05-31", "--format", "json", "--by", "unit")
    doc = json.loads(r.stdout)
    assert judge_status(doc) is None
    doc["groups"][0]["lights"]["red"] += 1
    assert judge_status(doc).signature == "status: lights do not add up to the projects"
    doc = json.loads(r.stdout)
    doc["issues"]["closed"] = doc["issues"]["resolved"] + 1
    assert judge_status(doc).signature == "status: closed > resolved"


def test_traceback_signature_names_the_exception_and_our_frame():
    stderr = textwrap.dedent('''\
        Traceback (most recent call last):
          File "/x/src/xmledger/cli/options.py", line 9, in out
            write()
          File "/usr/lib/python3.11/site-packages/rich/markup.py", line 3, in render
            raise MarkupError(x)
        rich.errors.MarkupError: closing tag '[/x]' at position 0 doesn't match any open tag
        ''')
    sig, _ = traceback_signature(stderr)
    assert sig == "rich.errors.MarkupError in rich/markup.py:render via xmledger/cli/options.py:out"
