"""Minimise a crasher by delta debugging: fewer files, then fewer lines, then fewer options, as long as the
case still fails the same way (same class, same signature)."""

from __future__ import annotations

import copy
from typing import Callable, Sequence

from .cases import Case, Command, Entry
from .engine import reproduces
from .execute import Failure, Target


class Budget(Exception):
    pass


def ddmin(items: Sequence, test: Callable[[list], bool]) -> list:
    """Zeller's ddmin, complement side: a smallest-found list of items for which test() still holds."""
    items = list(items)
    if len(items) > 0 and test([]):
        return []
    n = 2
    while len(items) >= 2:
        chunk = -(-len(items) // n)
        for start in range(0, len(items), chunk):
            rest = items[:start] + items[start + chunk:]
            if test(rest):
                items = rest
                n = max(n - 1, 2)
                break
        else:
            if n >= len(items):
                break
            n = min(len(items), 2 * n)
    return items


class Minimizer:
    def __init__(self, case: Case, failure: Failure, target: Target, max_tests: int = 400, timeout: float | None = None,
                 log: Callable[[str], None] = lambda s: None):
        self.case = case
        self.failure = failure
        self.target = target
        self.max_tests = max_tests
        self.tests = 0
        self.timeout = timeout
        self.log = log

    def still_fails(self, case: Case) -> bool:
        if self.tests >= self.max_tests:
            raise Budget()
        self.tests += 1
        return reproduces(case, self.target, self.failure, timeout=self.timeout)

    def with_(self, entries=None, commands=None) -> Case:
        return Case(self.case.id, self.case.origin, entries if entries is not None else self.case.entries,
                    commands if commands is not None else self.case.commands, self.case.mutations, self.case.committed)

    def run(self) -> Case:
        try:
            self.commands()
            for _ in range(2):
                before = size(self.case)
                self.entries()
                self.lines()
                self.options()
                self.environment()
                if size(self.case) == before:
                    break
        except Budget:
            self.log(f"stopped after {self.tests} tests (the --max-tests budget)")
        return self.case

    def commands(self) -> None:
        kept = ddmin(self.case.commands, lambda cs: bool(cs) and self.still_fails(self.with_(commands=cs)))
        self.case = self.with_(commands=kept)
        self.log(f"{len(kept)} commands after {self.tests} tests")

    def entries(self) -> None:
        kept = ddmin(self.case.entries, lambda es: self.still_fails(self.with_(entries=es)))
        self.case = self.with_(entries=kept)
        self.log(f"{len(kept)} entries after {self.tests} tests")

    def lines(self) -> None:
        for idx in sorted(range(len(self.case.entries)), key=lambda i: -len(self.case.entries[i].data)):
            e = self.case.entries[idx]
            if e.kind != "file" or not e.data:
                continue
            lines = e.data.split(b"\n")

            def test(kept: list, idx=idx, e=e) -> bool:
                entries = list(self.case.entries)
                entries[idx] = Entry(e.path, e.kind, b"\n".join(kept), e.mode)
                return self.still_fails(self.with_(entries=entries))

            kept = ddmin(lines, test)
            entries = list(self.case.entries)
            entries[idx] = Entry(e.path, e.kind, b"\n".join(kept), e.mode)
            self.case = self.with_(entries=entries)
            self.log(f"{e.path}: {len(lines)} -> {len(kept)} lines ({self.tests} tests)")

    def options(self) -> None:
        """Leave out options (a flag, or a flag and its value) while the failure stays."""
        i = 1
        while i < len(self.case.commands[0].args):
            removed = False
            for width in (2, 1):
                cmds = copy.deepcopy(self.case.commands)
                token = cmds[0].args[i:i + width]
                if len(token) < width or not token[0].startswith("-"):
                    continue
                for c in cmds:  # twins lose the same option
                    for j in range(1, len(c.args) - width + 1):
                        if c.args[j:j + width] == token:
                            del c.args[j:j + width]
                            break
                if self.still_fails(self.with_(commands=cmds)):
                    self.case = self.with_(commands=cmds)
                    removed = True
                    break
            if not removed:
                i += 1

    def environment(self) -> None:
        for k in sorted({k for c in self.case.commands for k in c.env}):
            cmds = copy.deepcopy(self.case.commands)
            for c in cmds:
                c.env.pop(k, None)
            if self.still_fails(self.with_(commands=cmds)):
                self.case = self.with_(commands=cmds)


def size(case: Case) -> tuple[int, int, int]:
    return (len(case.entries), sum(len(e.data) for e in case.entries), sum(len(c.args) for c in case.commands))


def minimize(case: Case, failure: Failure, target: Target, max_tests: int = 400, timeout: float | None = None,
             log: Callable[[str], None] = lambda s: None) -> tuple[Case, int, Failure]:
    from .engine import run_case

    found = run_case(case, target, timeout=timeout, retry=False).failures
    same = [f for f in found if (f.kind, f.signature) == (failure.kind, failure.signature)]
    if not same:
        # the same class; or a class the harness has split off since (exit 3 is an internal error now)
        kin = [f for f in found if f.kind == failure.kind or (failure.kind, f.kind) == ("exit-code", "internal-error")]
        if not kin:
            raise ValueError("the case does not fail (any more) the way it is said to")
        log(f"it fails as {kin[0].signature!r} now (the harness names it so): minimising that")
        failure = kin[0]
    m = Minimizer(case, failure, target, max_tests, timeout, log)
    return m.run(), m.tests, failure


def only(case: Case, indexes: list[int]) -> Case:
    """The case reduced to the commands that show a failure (a twin's base comes just before it); when an
    action comes before them, everything up to them (what the action acts on was left by earlier runs)."""
    last = max(indexes)
    if any(c.args[0].startswith("@") for c in case.commands[:last]):
        indexes = list(range(last + 1))
    cmds: list[Command] = [copy.deepcopy(case.commands[i]) for i in sorted(set(indexes))]
    return Case(case.id, case.origin, case.entries, cmds, case.mutations, case.committed)
