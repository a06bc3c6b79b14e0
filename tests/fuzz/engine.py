"""Run a whole case (its ledger, then its commands one after the other) and find its failures.

Besides what each run shows on its own (execute.judge), runs are compared:
- twins: the parse cache, the locale and the way the ledger is found never change the output; a full disk
  or a closed stdout is an error (exit != 0), never a silent success;
- check and the reports agree: a report refuses (exit 1, without --allow-errors) exactly the ledgers `check`
  fails.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import actions
from . import cases as C
from .cases import Case, Command
from .execute import Failure, Outcome, Target, judge, option, run

INTERNAL = b"internal error ("  # xmledger's catch-all: one line, exit 3; XMLEDGER_DEBUG=1 shows the traceback
FILTERS = ("--level", "--category", "--location", "--unit", "--leader", "--tag", "--project-category",
           "--project-level", "--project", "--assignee-unit", "--select", "--ignore")


@dataclass
class CaseResult:
    case: Case
    outcomes: list[Outcome] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)


def fmt_of(cmd: Command) -> str | None:
    f = option(cmd, "--format")
    return {"text": "plain"}.get(f, f)


def run_case(case: Case, target: Target, scratch: str | None = None, keep: bool = False,
             timeout: float | None = None, retry: bool = True) -> CaseResult:
    """Materialize the case in a fresh work folder, run its commands, judge them; the folder is removed."""
    work = Path(tempfile.mkdtemp(prefix=f"fz-{case.id}-", dir=scratch))
    ledger = work / "ledger"
    result = CaseResult(case)
    try:
        (work / "home").mkdir()
        (work / "cache").mkdir()
        if case.committed is not None:
            C.materialize_git(case, ledger)
        else:
            C.materialize(case, ledger)
        obey = case.has_modes()  # root reads anything: such runs drop the capabilities that let it
        for n, cmd in enumerate(case.commands):
            if cmd.args and cmd.args[0].startswith("@"):  # an action between runs, not a run
                what = actions.act(cmd.args[0][1:], int(cmd.args[1]) if len(cmd.args) > 1 else n, ledger, work)
                result.outcomes.append(Outcome(0, b"", what.encode(), 0.0))
                continue
            out = run(cmd, ledger, work, target, obey, timeout)
            if out.timed_out and retry:  # a slow machine is not a hang: once more, with time to spare
                out = run(cmd, ledger, work, target, obey, 3 * (timeout or target.timeout))
            if out.rc == 3 and INTERNAL in out.stderr:  # the program's last line of defence: what was it?
                again = Command(list(cmd.args), {**cmd.env, "XMLEDGER_DEBUG": "1"}, cmd.stdout, cmd.columns, cmd.cwd)
                out.debug = run(again, ledger, work, target, obey, timeout).stderr
            result.outcomes.append(out)
        result.failures = find_failures(case, result.outcomes)
        if (work / actions.MARKER).exists():
            result.failures.append(Failure("code-execution", "a planted cache file ran code",
                                           "the pickle planted in the cache folder was loaded",
                                           list(range(len(case.commands)))))
    finally:
        if not keep:
            C.remove(work)
    return result


# what must never reach a reader: Python's reprs, unfilled templates, exponent notation, "1 projects"
LEAKS = [(re.compile(p), why) for p, why in [
    (r"\bNone\b", "None"), (r"\b(nan|NaN|inf|Infinity)\b", "nan/inf"), (r"Decimal\(|datetime\.date\(|object at 0x",
                                                                        "a Python repr"),
    (r"\{[a-z_]+(![rsa])?(:[<>^=]?[0-9,.]*[a-z%]?)?\}", "an unfilled template field"), (r"\b\d+(\.\d+)?E[+-]?\d{1,2}\b", "exponent notation"),
    (r"(?<![\d.])1 (projects|errors|warnings|issues|problems|cards|files|records|are)\b", "\"1\" with a plural"),
]]


def leaks(case: Case, cmd: Command, out: Outcome) -> Failure | None:
    """Human text (tables, the circular, messages) that shows a leak the ledger and the command did not put
    there."""
    fmt = fmt_of(cmd)
    texts = [out.stderr] + ([out.stdout] if fmt not in ("json", "csv", "tsv") else [])
    given = "\n".join([e.data.decode("utf-8", "replace") + "\n" + e.path for e in case.entries] + cmd.args)
    for data in texts:
        text = data.decode("utf-8", "replace")
        for pattern, why in LEAKS:
            for m in pattern.finditer(text):
                if m[0].lower() not in given.lower():  # "NaN" explains a ".nan" of the ledger
                    line = text[text.rfind("\n", 0, m.start()) + 1: text.find("\n", m.end()) % (len(text) + 1)]
                    return Failure("bad-text", f"{cmd.args[0]}: {why} in the text", line.strip()[:200])
    return None


def find_failures(case: Case, outcomes: list[Outcome]) -> list[Failure]:
    failures: list[Failure] = []
    for i, (cmd, out) in enumerate(zip(case.commands, outcomes)):
        if cmd.args and cmd.args[0].startswith("@"):
            continue
        f = judge(cmd, out, fmt_of(cmd)) or (leaks(case, cmd, out) if not out.timed_out else None)
        if f:
            f.commands = [i]
            failures.append(f)
            continue
        if cmd.twin and i > 0:
            f = compare_twin(case, case.commands[i - 1], outcomes[i - 1], cmd, out)
            if f:
                f.commands = [i - 1, i]
                failures.append(f)
    failures += check_agrees(case, outcomes)
    return failures


def compare_twin(case: Case, base: Command, b: Outcome, twin: Command, t: Outcome) -> Failure | None:
    name = base.args[0]
    if b.timed_out or b.rc not in (0, 1, 2) or name in ("init", "export", "explain"):
        return None  # they write files (the second run rightly refuses to overwrite), or read no ledger
    if twin.twin == "cwd" and not any(e.path == "ledger.yaml" for e in case.entries):
        return None  # no ledger.yaml at the folder: the search goes on upwards and finds none (exit 2), rightly
    if twin.twin in ("cache", "lang-c", "cwd"):
        if (b.rc, b.stdout) != (t.rc, t.stdout):
            what = {"cache": "the parse cache", "lang-c": "LANG=C", "cwd": "finding the ledger from the folder"}
            diff = _first_difference(b.stdout, t.stdout)
            return Failure("twin-mismatch", f"{what[twin.twin]} changes the output of {name}",
                           f"exit {b.rc} vs {t.rc}; {diff}")
    if twin.twin in ("full", "closed") and b.rc == 0 and b.stdout and t.rc == 0:
        return Failure("silent-write-failure", f"{name} exits 0 when stdout is {twin.twin}",
                       f"{len(b.stdout)} bytes of output were lost")
    return None


def _first_difference(a: bytes, b: bytes) -> str:
    la, lb = a.decode("utf-8", "replace").splitlines(), b.decode("utf-8", "replace").splitlines()
    for i, (x, y) in enumerate(zip(la, lb)):
        if x != y:
            return f"line {i + 1}: {x[:100]!r} vs {y[:100]!r}"
    return f"{len(la)} vs {len(lb)} lines"


REFUSING = {"status", "starts", "completion", "progress", "summary", "issues", "leaders", "rank"}


def _plain_report(cmd: Command) -> bool:
    a = cmd.args
    return (a[0] in REFUSING and "--allow-errors" not in a and not any(f in a for f in FILTERS + ("--rev",))
            and cmd.stdout == "pipe" and not cmd.twin and "{W}/nowhere" not in a)


def _plain_check(cmd: Command) -> bool:
    a = cmd.args
    return a[0] == "check" and not any(f in a for f in ("--strict", "--select", "--ignore", "--rev")) \
        and cmd.stdout == "pipe" and not cmd.twin and "{W}/nowhere" not in a


def check_agrees(case: Case, outcomes: list[Outcome]) -> list[Failure]:
    """`check` passes exactly the ledgers the reports accept (runs before any action: an action may edit)."""
    end = next((i for i, c in enumerate(case.commands) if c.args[0].startswith("@")), len(case.commands))
    outcomes = outcomes[:end]
    checks = [(i, o.rc) for i, (c, o) in enumerate(zip(case.commands, outcomes)) if _plain_check(c) and o.rc in (0, 1)]
    if not checks:
        return []
    ci, verdict = checks[0]
    for i, (c, o) in enumerate(zip(case.commands, outcomes)):
        if not _plain_report(c) or o.rc not in (0, 1):
            continue
        if verdict == 0 and o.rc == 1:
            return [Failure("check-mismatch", f"{c.args[0]} refuses a ledger that check passes",
                            o.stderr.decode("utf-8", "replace")[-300:], [ci, i])]
        if verdict == 1 and o.rc == 0:
            return [Failure("check-mismatch", f"{c.args[0]} reports on a ledger that check fails",
                            outcomes[ci].stdout.decode("utf-8", "replace")[:300], [ci, i])]
    return []


def reproduces(case: Case, target: Target, failure: Failure, scratch: str | None = None,
               timeout: float | None = None) -> bool:
    """Does the case (reduced to the commands of `failure`) still fail the same way?"""
    result = run_case(case, target, scratch, timeout=timeout, retry=False)
    return any(f.kind == failure.kind and f.signature == failure.signature for f in result.failures)
