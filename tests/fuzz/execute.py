"""Run one command as a real process, and judge what it did.

Every run goes through a tiny launcher (`python -I -S -c LAUNCH`) that limits memory and file size, can close
stdout or make root obey file modes (so that an unreadable folder is unreadable), then execs
`python -m xmledger ...`: the program under test runs exactly as cron would run it. Output is read from pipes, or from a pseudo-terminal for `tty` runs (rich tables).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import selectors
import signal
import struct
import subprocess
import sys
import time
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .cases import Command

MEMORY_LIMIT = 3 << 30  # bytes of address space; an unbounded read (/dev/zero) ends as MemoryError, not swap
FILE_LIMIT = 256 << 20  # no single file written larger (a runaway cache)
OUTPUT_LIMIT = 32 << 20  # captured bytes per stream; more is drained and dropped

LAUNCH = r"""
import json, os, resource, sys
s = json.loads(sys.argv[1])
resource.setrlimit(resource.RLIMIT_AS, (s["mem"], s["mem"]))
resource.setrlimit(resource.RLIMIT_FSIZE, (s["fsize"], s["fsize"]))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
if s["drop_dac"]:  # root that obeys file modes: no CAP_DAC_OVERRIDE (1), CAP_DAC_READ_SEARCH (2), even after exec
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in (1, 2):
        if libc.prctl(24, cap, 0, 0, 0):  # PR_CAPBSET_DROP
            sys.exit("fuzz launcher: cannot drop capability %d (errno %d)" % (cap, ctypes.get_errno()))
if s["close_stdout"]:
    os.close(1)
os.execv(sys.argv[2], sys.argv[2:])
"""


@dataclass
class Target:
    """What runs: an interpreter, and optionally a source folder put first on PYTHONPATH (a snapshot of main)."""
    python: str = sys.executable
    src: str | None = None
    timeout: float = 20.0


@dataclass
class Outcome:
    rc: int | None  # None: killed after the timeout
    stdout: bytes
    stderr: bytes
    seconds: float
    timed_out: bool = False
    debug: bytes = b""  # stderr of the same run with XMLEDGER_DEBUG=1, after an internal error

    @property
    def signal(self) -> int | None:
        return -self.rc if self.rc is not None and self.rc < 0 else None


@dataclass
class Failure:
    kind: str  # the class: traceback, hang, signal, exit-code, bad-json, control-chars ... (README.md lists them)
    signature: str  # what groups failures of one cause: the exception and where it was raised, the reason
    detail: str = ""
    commands: list[int] = field(default_factory=list)  # indexes into the case's commands that show it


# ---------------------------------------------------------------- running

def base_env(work: Path, ledger: Path, target: Target) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(work / "home"),
        "LANG": "C.UTF-8",
        "XMLEDGER_CACHE_DIR": str(work / "cache"),
    }
    if target.src:
        env["PYTHONPATH"] = target.src
    return env


def substitute(text: str, ledger: Path, work: Path) -> str:
    return text.replace("{L}", str(ledger)).replace("{W}", str(work))


def run(cmd: Command, ledger: Path, work: Path, target: Target, obey_modes: bool = False,
        timeout: float | None = None) -> Outcome:
    """Run `cmd` on the ledger at `ledger` (inside the work folder `work`)."""
    env = base_env(work, ledger, target)
    for k, v in cmd.env.items():
        if v is None:
            env.pop(k, None)
        else:
            env[k] = substitute(v, ledger, work)
    args = [substitute(a, ledger, work) for a in cmd.args]
    spec = {"mem": MEMORY_LIMIT, "fsize": FILE_LIMIT, "drop_dac": obey_modes and os.geteuid() == 0,
            "close_stdout": cmd.stdout == "closed"}
    argv = [sys.executable, "-I", "-S", "-c", LAUNCH, json.dumps(spec), target.python, "-m", "xmledger", *args]
    cwd = substitute(cmd.cwd, ledger, work)
    if not os.path.isdir(cwd):
        cwd = str(work)
    if cmd.stdout == "tty":
        env["COLUMNS"] = str(cmd.columns)
        env.setdefault("TERM", "xterm-256color")
    return _spawn(argv, env, cwd, cmd.stdout, cmd.columns, timeout or target.timeout)


def _spawn(argv, env, cwd, mode: str, columns: int, timeout: float) -> Outcome:
    start = time.monotonic()
    master = slave = None
    devfull = None
    if mode == "tty":
        import fcntl
        import termios

        master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 50, columns, 0, 0))
        stdout = slave
    elif mode == "full":
        devfull = open("/dev/full", "wb")
        stdout = devfull
    elif mode == "closed":
        stdout = subprocess.DEVNULL  # the launcher closes it before exec
    else:
        stdout = subprocess.PIPE
    try:
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=stdout, stderr=subprocess.PIPE, env=env,
                                cwd=cwd, start_new_session=True)
    finally:
        if slave is not None:
            os.close(slave)
        if devfull is not None:
            devfull.close()
    err_fd = proc.stderr.fileno()
    out_fd = master if mode == "tty" else proc.stdout.fileno() if mode == "pipe" else None
    streams = {err_fd: bytearray()}
    if out_fd is not None:
        streams[out_fd] = bytearray()
    timed_out = _drain(streams, proc, start + timeout)
    if timed_out:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    rc = proc.wait()
    for f in (proc.stdout, proc.stderr):
        if f is not None:
            f.close()
    if master is not None:
        os.close(master)
    stdout_bytes = bytes(streams[out_fd]) if out_fd is not None else b""
    if mode == "tty":
        stdout_bytes = stdout_bytes.replace(b"\r\n", b"\n")
    return Outcome(None if timed_out else rc, stdout_bytes, bytes(streams[err_fd]),
                   time.monotonic() - start, timed_out)


def _drain(streams: dict[int, bytearray], proc: subprocess.Popen, deadline: float) -> bool:
    """Read every stream to its end (as cron would: a pipe ends when every process holding it has ended), or
    to the deadline; True if the deadline came first."""
    sel = selectors.DefaultSelector()
    for fd in streams:
        sel.register(fd, selectors.EVENT_READ)
    try:
        while sel.get_map():
            left = deadline - time.monotonic()
            if left <= 0:
                return True
            for key, _ in sel.select(min(left, 1.0)):
                try:
                    chunk = os.read(key.fd, 1 << 16)
                except OSError:  # a pseudo-terminal whose other end has closed: EIO
                    chunk = b""
                if not chunk:
                    sel.unregister(key.fd)
                    continue
                buf = streams[key.fd]
                if len(buf) < OUTPUT_LIMIT:
                    buf += chunk
        left = deadline - time.monotonic()
        try:
            proc.wait(max(left, 0.01))
        except subprocess.TimeoutExpired:
            return True
        return False
    finally:
        sel.close()


# ---------------------------------------------------------------- judging one run

TRACEBACK = "Traceback (most recent call last):"
_FRAME = re.compile(r'^  File "(.*)", line \d+, in (.+)$')
# control characters that must never reach output: C0 but tab and newline, DEL, C1
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]")
_CONTROL_DELIMITED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f]")  # a CR inside a quoted cell is data
_NUMBER = re.compile(r"[+-]?[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?")
_INJECTION_START = tuple("=+-@\t\r＝＋－＠")


def where(path: str) -> str:
    """A frame's file, short: xmledger/read/yamlread.py, rich/markup.py, <frozen runpy>."""
    parts = path.replace("\\", "/").split("/")
    for anchor in ("xmledger", "site-packages"):
        if anchor in parts:
            i = len(parts) - 1 - parts[::-1].index(anchor)
            return "/".join(parts[i if anchor == "xmledger" else i + 1:])
    return "/".join(parts[-2:])


def traceback_signature(stderr: str) -> tuple[str, str]:
    """(signature, the traceback's last lines) of the last traceback in stderr."""
    block = stderr[stderr.rindex(TRACEBACK):] if TRACEBACK in stderr else stderr
    lines = block.splitlines()
    frames = [(m[1], m[2]) for m in map(_FRAME.match, lines) if m]
    exc = next((ln for ln in reversed(lines) if ln and not ln.startswith(" ")), "?")
    exc_type = exc.split(":", 1)[0].strip()
    ours = [f for f in frames if "xmledger" in f[0].replace("\\", "/").split("/")]
    parts = [exc_type]
    if frames:
        innermost = frames[-1]
        parts.append(f"in {where(innermost[0])}:{innermost[1]}")
        if ours and ours[-1] != innermost:
            parts.append(f"via {where(ours[-1][0])}:{ours[-1][1]}")
    return " ".join(parts), "\n".join(lines[-6:])


def judge(cmd: Command, out: Outcome, fmt: str | None) -> Failure | None:
    """The failure this one run shows, if any (the checks of a single run; twins are judged in oracles)."""
    stderr = out.stderr.decode("utf-8", "replace")
    if out.timed_out:
        return Failure("hang", f"{command_name(cmd)} did not end", f"killed after {out.seconds:.0f} s")
    if TRACEBACK in stderr:
        sig, tail = traceback_signature(stderr)
        return Failure("traceback", sig, tail)
    if "Exception ignored" in stderr:
        line = next((ln for ln in stderr.splitlines() if ln and not ln.startswith((" ", "Exception ignored"))), "")
        return Failure("traceback", f"exception ignored: {line.split(':', 1)[0]}", stderr[-400:])
    if out.signal:
        try:
            name = signal.Signals(out.signal).name
        except ValueError:
            name = str(out.signal)
        return Failure("signal", f"{command_name(cmd)} killed by {name}", stderr[-400:])
    if out.rc == 3 and "internal error (" in stderr:
        debug = out.debug.decode("utf-8", "replace")
        if TRACEBACK in debug:
            sig, tail = traceback_signature(debug)
        else:
            line = stderr[stderr.index("internal error ("):].splitlines()[0]
            sig, tail = line[len("internal error ("):].split(":", 1)[0], line
        return Failure("internal-error", sig, tail)
    if out.rc not in (0, 1, 2):
        return Failure("exit-code", f"{command_name(cmd)} exits {out.rc}", stderr[-400:])
    if cmd.stdout == "tty":
        return judge_terminal(out)
    if cmd.stdout != "pipe" or (not out.stdout and out.rc != 0):
        return None  # a refusal or a usage error prints nothing on stdout
    f = judge_output(out.stdout, fmt, command_name(cmd))
    if f is None and fmt == "json" and out.rc == 0 and command_name(cmd) == "status":
        f = judge_status(json.loads(out.stdout))
    return f


def judge_output(data: bytes, fmt: str | None, name: str = "?") -> Failure | None:
    """Is what a run printed valid for its format? (Signatures name the command: causes differ by command
    far more than by format or by character.)"""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        return Failure("bad-output", f"{name}: stdout is not UTF-8", str(e))
    m = (_CONTROL_DELIMITED if fmt in ("csv", "tsv") else _CONTROL).search(text)
    if m:
        around = text[max(0, m.start() - 30): m.end() + 30]
        return Failure("control-chars", f"{name}: control characters in the output",
                       f"{fmt or 'table'}: {m[0]!r} in {around!r}")
    f = None
    if fmt == "json":
        f = judge_json(text)
    elif fmt in ("csv", "tsv"):
        f = judge_delimited(text, "," if fmt == "csv" else "\t", fmt)
    if f:
        f.signature = f"{name} {f.signature}"
    return f


def _no_constant(name: str):
    raise ValueError(f"{name} is not JSON")


def judge_json(text: str) -> Failure | None:
    try:
        json.loads(text, parse_constant=_no_constant)
    except ValueError as e:
        return Failure("bad-json", "json: does not parse", f"{e}: {text[:300]}")
    return None


def judge_delimited(text: str, delimiter: str, fmt: str) -> Failure | None:
    """Tables one after another, an empty line between, each may be named by a line `# key` before its header;
    in each, every row as wide as its header."""
    if not text.strip():
        return None
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    width = None
    for i, row in enumerate(rows):
        if not row:
            width = None  # the line between two tables
            continue
        if width is None:
            if len(row) == 1 and row[0].startswith("# "):
                continue  # the table's name
            width = len(row)
            continue
        if len(row) != width:
            return Failure("bad-csv", f"{fmt}: a row not as wide as its header",
                           f"row {i + 1} of {len(row)} cells under a header of {width}: {row!r}"[:300])
        for cell in row:
            if cell.startswith(_INJECTION_START) and not _NUMBER.fullmatch(cell):
                return Failure("csv-injection", f"{fmt}: a text cell starts with a formula character",
                               repr(cell)[:200])
    return None


def judge_status(doc) -> Failure | None:
    """The figures of `status --format json` hold together (docs/metrics.md), in total and in every group."""
    for where, d in [("total", doc)] + [(f"group {g.get('key')!r}", g) for g in doc.get("groups") or []]:
        why = _status_broken(d)
        if why:
            return Failure("invariant", f"status: {why}", f"{where}: " + json.dumps(
                {k: d.get(k) for k in ("projects", "started", "lights", "issues")}, ensure_ascii=False)[:300])
    return None


def _status_broken(d: dict) -> str | None:
    try:
        n, lights, q = d["projects"], d["lights"], d["issues"]
        checks = [
            (sum(lights.values()) == n, "lights do not add up to the projects"),
            (0 <= d["started"] <= n, "started outside 0..projects"),
            (d["continuing"] + d["new_projects"] == n, "continuing + new projects != projects"),
            (d["new_started"] <= d["new_projects"], "new started > new projects"),
            (d["late_start"] <= n - d["started"], "late starts > projects not started"),
            (d["completed"] <= d["started"], "completed > started"),
            (d["completing_done"] <= d["completing"], "completing done > completing"),
            (0 <= d["on_schedule"] <= n, "on schedule outside 0..projects"),
            (q["resolved"] <= q["raised"], "resolved > raised"),
            (q["closed"] <= q["resolved"], "closed > resolved"),
            (q["resolved_late"] <= q["resolved"], "resolved late > resolved"),
        ]
        for num, den, rate in (("started", "projects", "start_rate"), ("on_schedule", "projects", "on_schedule_rate"),
                               ("new_started", "new_projects", "new_start_rate")):
            r, a, b = d[rate], d[num], d[den]
            checks.append(((r is None) if b == 0 else (r is not None and abs(r - a / b) < 1e-6),
                           f"{rate} is not {num}/{den}"))
        r = q["resolution_rate"]
        checks.append(((r is None) if q["raised"] == 0 else (r is not None and abs(r - q["resolved"] / q["raised"]) < 1e-6),
                       "resolution_rate is not resolved/raised"))
        for key in ("total_investment", "annual_plan", "completed_ytd", "cumulative", "planned_to_date"):
            if d.get(key) is not None:
                checks.append((Decimal(d[key]) >= 0, f"{key} is negative"))
        month = d["double_half"]["reached_month"]
        checks.append((month is None or 1 <= month <= 12, "double half reached outside months 1-12"))
    except (KeyError, TypeError, ArithmeticError, ValueError) as e:
        return f"a figure is missing or not a number ({type(e).__name__}: {e})"
    return next((why for ok, why in checks if not ok), None)


_TRUNCATED = re.compile(r"(?:^|\s)[+-]?[A-Za-z]{0,4}[0-9][0-9.,%-]*…")


def judge_terminal(out: Outcome) -> Failure | None:
    """On a terminal: numbers and ids are never cut short ("1935.…", "LJ201…")."""
    text = out.stdout.decode("utf-8", "replace")
    m = _TRUNCATED.search(text)
    if m:
        return Failure("truncated", "a number or id cut short on a terminal", m[0].strip())
    return None


def command_name(cmd: Command) -> str:
    return next((a for a in cmd.args if not a.startswith("-")), "?")


def option(cmd: Command, name: str) -> str | None:
    """The value of `--name V` or `--name=V` in a command's args (the last one)."""
    value = None
    for i, a in enumerate(cmd.args):
        if a == name and i + 1 < len(cmd.args):
            value = cmd.args[i + 1]
        elif a.startswith(name + "="):
            value = a[len(name) + 1:]
    return value
