"""Mutations of a ledger: bytes, lines, YAML-aware edits, encodings, and the file system itself.

Each mutation is a function (rng, entries) -> a short description, or None when it does not apply; it edits
the entries in place. `mutate` applies a few, chosen by weight. Everything is driven by the rng it is given,
so a seed gives the same mutants every time.
"""

from __future__ import annotations

import random
import re
from typing import Callable

from .cases import Entry

SE = "surrogateescape"

# values a field may be given: numbers, dates, YAML's other types, hostile text
NUMBERS = ["0", "-1", "1", "007", "0x1F", "0o17", "1_000", "1,000", "+1", "12.30", "0.00001", "0.0001", "1e30",
           "1.0e+30", "1.0e-30", "-0", ".inf", "-.inf", ".nan", "999999999999999.9999", "1000000000000000",
           "10000000000000000000000000000001", "1" + "0" * 40 + ".5", '"7000万元"', '"1.2亿"', '"70000000元"',
           '"1.2亿元亿元"', '"１２００"', '"-5万元"', '"1e3"', "12.345678", "3.14159e2", "0.1e1"]
DATES = ["0001-01-01", "9999-12-31", "2019-02-29", "2020-02-29", "2019-02-30", "2019-13-01", "1900-01-01",
         "2200-12-31", "1899-12-31", "2201-01-01", "2026-12-30", "2027-01-04", "2004-01-01", "2019-5-1",
         "2019-05-01T10:00:00", "2019-05-01 10:00:00 +8", "2019-05", "２０１９-０５-０１", "2019/05/01", "20190501",
         "2019-04", "2019-00", "0000-01-01"]
OTHERS = ["yes", "no", "on", "off", "true", "false", "~", "null", "Null", "", "[]", "{}", "[1, 2]", "{a: 1}",
          "[[]]", "- x", "&x", "*x", "? x", ": x", "|", ">", "|-\n  块\n  文本", "'单引号'", '"双引号"', "'", '"',
          "`反引号`", "%", "@", "!", "!!", "*", "&"]
TEXTS = ["[/x]", "[bold]粗[/bold]", "[link=http://x]点[/link]", "<script>alert(1)</script>",
         "'=HYPERLINK(\"http://x\",\"点我\")'", "=1+1", "'+1-2'", "'-2+3'", "'@SUM(A1)'", '"\\t=1"', "＝1+1",
         "＋86", "－1", "＠x", '"\\e[31m红\\e[0m"', '"a\\0b"', '"铃\\a"', '"\\x85下一行"', '"\\u202e反转"',
         '"\\u200b零宽"', '"\\r回车"', '"a\\nb"', "长" * 3000, "😀🏗️", "é", "a|b|c", "'# 井号'", "'a, b'",
         "'{x}'", "'{0}'", "'%s'", "'%(name)s'", "None", "'null'", "'  前后空格  '", "\u3000全角空格",
         "…", "LJ2019-001…", "'\\'"]
CONTROL = ["\x00", "\x07", "\x1b", "\x1b[31m", "\x08", "\x0b", "\x0c", "\x7f", "\x85", "\u2028", "\u2029",
           "\u202e", "\u200b", "\ufeff", "\r", "\x1a", "\x9b"]
TAGS = ["!!python/object/apply:os.system", "!!python/name:os.system", "!!str", "!!int", "!!float", "!!binary",
        "!!timestamp", "!!set", "!!omap", "!!map", "!!seq", "!foo", "!<tag:yaml.org,2002:str>", "!!null",
        "!!bool", "!!merge", "!", "!!python/tuple", "!<!>"]
KEYS = ["Id", "ID", "id ", "名称", "name_", "nmae", "totalInvestment", "<<", "? id", "''", "1", "null", "true",
        "plans.2019", "start.actual", "progress[0]", "-", "x" * 200, "'id'", '"id"', "category\t"]
ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "gbk", "gb18030", "big5", "shift_jis", "latin-1",
             "utf-8-sig", "utf-7", "cp1252"]
NON_UTF8_NAMES = [b"\xff\xfe.yaml", "项目".encode("gbk") + b".yaml", b"caf\xe9.yaml", b"\xc0\x80.yaml",
                  b"ok\xed\xa0\x80.yaml"]

_KEY_LINE = re.compile(r"^(\s*(?:-\s+)*)([^\s#:'\"{}\[\],][^:#]*?|'[^']*'|\"[^\"]*\")(\s*:)(\s+|$)(.*)$")
_FLOW_PAIR = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)(\s*:\s*)([^,{}\[\]]*)")
_ITEM = re.compile(r"^(\s*-\s+)(.*)$")


# ---------------------------------------------------------------- helpers

def text_files(entries: list[Entry]) -> list[Entry]:
    return [e for e in entries if e.kind == "file"]


def pick_file(rng: random.Random, entries: list[Entry]) -> Entry | None:
    files = text_files(entries)
    if not files:
        return None
    # a broken ledger.yaml stops every report, even with --allow-errors: it gets a few of the mutants only
    ledger = [e for e in files if e.path == "ledger.yaml"]
    if ledger and rng.random() < 0.08:
        return ledger[0]
    others = [e for e in files if e.path != "ledger.yaml"]
    return rng.choice(others or files)


def lines_of(e: Entry) -> list[str]:
    return e.data.decode("utf-8", SE).split("\n")


def set_lines(e: Entry, lines: list[str]) -> None:
    e.data = "\n".join(lines).encode("utf-8", SE)


def value_spans(line: str) -> list[tuple[int, int]]:
    """Where the values of a line are: after `key:` in block style, inside {k: v} flow pairs, after `- `."""
    spans = []
    body = line.split(" #", 1)[0]
    m = _KEY_LINE.match(body)
    if m and m[5] and not m[5].startswith(("{", "[")):
        spans.append((m.start(5), len(body)))
    for f in _FLOW_PAIR.finditer(body):
        if f[3].strip():
            spans.append((f.start(3), f.end(3)))
    m = _ITEM.match(body)
    if m and m[2] and not _KEY_LINE.match(m[2]) and not m[2].startswith(("{", "[")):
        spans.append((m.start(2), len(body)))
    return [(a, b) for a, b in spans if b > a]


def key_spans(line: str) -> list[tuple[int, int]]:
    spans = []
    m = _KEY_LINE.match(line)
    if m:
        spans.append((m.start(2), m.end(2)))
    spans += [(f.start(1), f.end(1)) for f in _FLOW_PAIR.finditer(line)]
    return spans


def replace_in_line(rng: random.Random, e: Entry, spans_of: Callable, new: Callable[[str], str]) -> str | None:
    lines = lines_of(e)
    candidates = [(i, s) for i, ln in enumerate(lines) for s in spans_of(ln)]
    if not candidates:
        return None
    i, (a, b) = rng.choice(candidates)
    old = lines[i][a:b]
    lines[i] = lines[i][:a] + new(old) + lines[i][b:]
    set_lines(e, lines)
    return f"{e.path}:{i + 1} {old[:20]!r}"


def _line_index(rng: random.Random, lines: list[str]) -> int:
    return rng.randrange(len(lines))


# ---------------------------------------------------------------- line mutations

def del_line(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    i = _line_index(rng, lines)
    n = rng.choice([1, 1, 1, 2, 5])
    del lines[i:i + n]
    set_lines(e, lines)
    return f"delete {n} line(s) at {e.path}:{i + 1}"


def dup_line(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    i = _line_index(rng, lines)
    lines.insert(i, lines[i])
    set_lines(e, lines)
    return f"duplicate {e.path}:{i + 1}"


def swap_lines(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    if len(lines) < 2:
        return None
    i = rng.randrange(len(lines) - 1)
    j = i + 1 if rng.random() < 0.6 else rng.randrange(len(lines))
    lines[i], lines[j] = lines[j], lines[i]
    set_lines(e, lines)
    return f"swap {e.path}:{i + 1},{j + 1}"


def move_line(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    i = _line_index(rng, lines)
    line = lines.pop(i)
    j = rng.randrange(len(lines) + 1)
    lines.insert(j, line)
    set_lines(e, lines)
    return f"move {e.path}:{i + 1} to {j + 1}"


def splice_line(rng, entries):
    """A line of one file put into another (or the same) file."""
    src, dst = pick_file(rng, entries), pick_file(rng, entries)
    if src is None:
        return None
    line = rng.choice(lines_of(src))
    lines = lines_of(dst)
    j = rng.randrange(len(lines) + 1)
    lines.insert(j, line)
    set_lines(dst, lines)
    return f"splice {src.path} into {dst.path}:{j + 1}"


def indent(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    i = _line_index(rng, lines)
    body = lines[i].lstrip(" ")
    width = len(lines[i]) - len(body)
    new = max(0, width + rng.choice([-4, -2, -1, 1, 2, 3, 4, 40])) if rng.random() < 0.85 else 0
    lines[i] = " " * new + body
    set_lines(e, lines)
    return f"indent {e.path}:{i + 1} {width}->{new}"


def tab(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    i = _line_index(rng, lines)
    ln = lines[i]
    r = rng.random()
    if r < 0.4:
        lines[i] = "\t" + ln.lstrip(" ")
    elif r < 0.7 and ": " in ln:
        lines[i] = ln.replace(": ", ":\t", 1)
    else:
        k = rng.randrange(len(ln) + 1)
        lines[i] = ln[:k] + "\t" + ln[k:]
    set_lines(e, lines)
    return f"tab in {e.path}:{i + 1}"


def fullwidth_colon(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    candidates = [i for i, ln in enumerate(lines) if ":" in ln]
    if not candidates:
        return None
    i = rng.choice(candidates)
    lines[i] = lines[i].replace(": ", rng.choice(["：", "： ", "：\u3000"]), 1) if ": " in lines[i] \
        else lines[i].replace(":", "：", 1)
    set_lines(e, lines)
    return f"full-width colon {e.path}:{i + 1}"


_FULL = str.maketrans("0123456789-,.[]{}: ", "０１２３４５６７８９－，．［］｛｝：\u3000")


def fullwidth(rng, entries):
    """Full-width digits (and other look-alikes) in a value, as Chinese input methods type them."""
    e = pick_file(rng, entries)
    if e is None:
        return None
    return replace_in_line(rng, e, value_spans, lambda v: v.translate(_FULL) if rng.random() < 0.7
                           else "".join(c.translate(_FULL) if rng.random() < 0.5 else c for c in v))


def control_char(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    ch = rng.choice(CONTROL)

    def put(v: str) -> str:
        k = rng.randrange(len(v) + 1)
        return v[:k] + ch + v[k:]

    where = replace_in_line(rng, e, value_spans, put)
    return f"control {ch!r} in {where}" if where else None


def value(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    pool = rng.choice([NUMBERS, DATES, OTHERS, TEXTS])
    new = rng.choice(pool)
    where = replace_in_line(rng, e, value_spans, lambda v: new)
    return f"value {new[:30]!r} at {where}" if where else None


def key(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    new = rng.choice(KEYS)
    where = replace_in_line(rng, e, key_spans, lambda k: new if rng.random() < 0.7 else k + rng.choice("s_1"))
    return f"key {new!r} at {where}" if where else None


def huge_number(rng, entries):
    """An integer past Python's int-conversion limit (4,300 digits), as a value or as a `? key`."""
    e = pick_file(rng, entries)
    if e is None:
        return None
    digits = rng.choice([4300, 4301, 4302, 5000, 50000])
    number = rng.choice(["9", "1", "-1"]) + "9" * (digits - 1)
    if rng.random() < 0.2:
        number = number + ".5"
    elif rng.random() < 0.1:
        number = "0x" + "f" * digits
    if rng.random() < 0.25:
        lines = lines_of(e)
        i = _line_index(rng, lines)
        lines.insert(i, f"? {number}\n: x" if rng.random() < 0.5 else f"{number}: x")
        set_lines(e, lines)
        return f"huge key ({digits} digits) at {e.path}:{i + 1}"
    where = replace_in_line(rng, e, value_spans, lambda v: number)
    return f"huge number ({digits} digits) at {where}" if where else None


def deep_nesting(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    n = rng.choice([30, 64, 65, 100, 1000, 20000, 200000])
    style = rng.choice(["flow-list", "flow-map", "block"])
    if style == "flow-list":
        text = "[" * n + "1" + "]" * n
    elif style == "flow-map":
        text = "{a: " * n + "1" + "}" * n
    else:
        n = min(n, 3000)
        text = "\n" + "\n".join(" " * (2 * k + 2) + "a:" for k in range(n)) + " 1"
    where = replace_in_line(rng, e, value_spans, lambda v: text)
    return f"{style} nesting {n} at {where}" if where else None


def alias(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    r = rng.random()
    if r < 0.3:  # anchor a value and use it again elsewhere
        spans = [(i, s) for i, ln in enumerate(lines) for s in value_spans(ln)]
        if len(spans) < 2:
            return None
        (i, (a, b)), (j, (c, d)) = rng.sample(spans, 2)
        lines[i] = lines[i][:a] + "&a " + lines[i][a:]
        if i == j and c > a:
            c, d = c + 3, d + 3
        lines[j] = lines[j][:c] + "*a" + lines[j][d:]
        set_lines(e, lines)
        return f"alias {e.path}:{i + 1} -> {j + 1}"
    if r < 0.5:
        laugh = ["a: &a [x, x, x, x, x, x, x, x, x]"] + [f"{chr(98 + k)}: &{chr(98 + k)} [{', '.join(['*' + chr(97 + k)] * 9)}]"
                                                    for k in range(8)]
        e.data = e.data + ("\n" + "\n".join(laugh) + "\n").encode()
        return f"billion laughs at the end of {e.path}"
    if r < 0.65:
        where = replace_in_line(rng, e, value_spans, lambda v: rng.choice(["&r [*r]", "&r {a: *r}", "*nope", "&x",
                                                                           "*", "&a &b 1"]))
        return f"odd alias at {where}" if where else None
    if r < 0.8:  # a merge key
        i = _line_index(rng, lines)
        lines.insert(i, rng.choice(["<<: {name: 合并}", "<<: *a", "<<: [*a, *b]", "<<: 1"]))
        set_lines(e, lines)
        return f"merge key at {e.path}:{i + 1}"
    where = replace_in_line(rng, e, value_spans, lambda v: f"&anchor{rng.randint(0, 9)} {v}")
    return f"unused anchor at {where}" if where else None


def tag(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    t = rng.choice(TAGS)
    where = replace_in_line(rng, e, value_spans, lambda v: f"{t} {v}")
    return f"tag {t} at {where}" if where else None


def doc_markers(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    i = rng.randrange(len(lines) + 1)
    marker = rng.choice(["---", "...", "--- |", "%YAML 1.2\n---", "%YAML 1.1\n---", "%TAG ! tag:x,2000:\n---",
                         "%YAML 2.0\n---", "---\n---", "--- !!map", "... # end"])
    lines.insert(i, marker)
    set_lines(e, lines)
    return f"document marker {marker!r} at {e.path}:{i + 1}"


def quote(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None

    def q(v: str) -> str:
        s = v.strip()
        r = rng.random()
        if r < 0.3 and len(s) >= 2 and s[0] == s[-1] and s[0] in "'\"":
            return s[1:-1]
        if r < 0.6:
            return f'"{s}'  # unbalanced
        return f"'{s}'" if r < 0.8 else f'"{s}"'

    where = replace_in_line(rng, e, value_spans, q)
    return f"quotes at {where}" if where else None


def comment(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    i = _line_index(rng, lines)
    ln = lines[i]
    k = rng.randrange(len(ln) + 1)
    lines[i] = ln[:k] + rng.choice(["#", " #", " # 注释", "#:"]) + ln[k:]
    set_lines(e, lines)
    return f"comment in {e.path}:{i + 1}"


def flow_break(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    lines = lines_of(e)
    candidates = [i for i, ln in enumerate(lines) if any(c in ln for c in "{}[],")]
    if not candidates:
        return None
    i = rng.choice(candidates)
    ln = lines[i]
    spots = [k for k, c in enumerate(ln) if c in "{}[],"]
    k = rng.choice(spots)
    r = rng.random()
    lines[i] = ln[:k] + ln[k + 1:] if r < 0.5 else ln[:k] + ln[k] + ln[k:] if r < 0.8 else \
        ln[:k] + rng.choice("{}[],") + ln[k + 1:]
    set_lines(e, lines)
    return f"flow punctuation {e.path}:{i + 1}"


# ---------------------------------------------------------------- byte mutations

def flip_bytes(rng, entries):
    e = pick_file(rng, entries)
    if e is None or not e.data:
        return None
    data = bytearray(e.data)
    for _ in range(rng.choice([1, 1, 2, 8])):
        k = rng.randrange(len(data))
        data[k] = data[k] ^ (1 << rng.randrange(8)) if rng.random() < 0.7 else rng.randrange(256)
    e.data = bytes(data)
    return f"flip bytes of {e.path}"


def insert_bytes(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    junk = rng.choice([b"\xff", b"\xfe\xff", b"\xc0\x80", b"\x80", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\x00",
                       b"\xe4\xb8", bytes(rng.randrange(256) for _ in range(rng.randint(1, 16)))])
    k = rng.randrange(len(e.data) + 1)
    e.data = e.data[:k] + junk + e.data[k:]
    return f"insert {junk[:8]!r} into {e.path} at byte {k}"


def cut_bytes(rng, entries):
    e = pick_file(rng, entries)
    if e is None or not e.data:
        return None
    k = rng.randrange(len(e.data))
    if rng.random() < 0.5:
        e.data = e.data[:k]
        return f"truncate {e.path} at byte {k}"
    n = rng.randint(1, 40)
    e.data = e.data[:k] + e.data[k + n:]
    return f"cut {n} bytes of {e.path} at {k}"


def bom(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    b = rng.choice([b"\xef\xbb\xbf", b"\xef\xbb\xbf\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff"])
    if rng.random() < 0.8:
        e.data = b + e.data
        return f"BOM {b!r} at the start of {e.path}"
    k = rng.randrange(len(e.data) + 1)
    e.data = e.data[:k] + b + e.data[k:]
    return f"BOM {b!r} inside {e.path}"


def encoding(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    enc = rng.choice(ENCODINGS)
    text = e.data.decode("utf-8", "replace")
    e.data = text.encode(enc, "replace")
    return f"{e.path} in {enc}"


def line_endings(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    how = rng.choice(["crlf", "cr", "mixed", "no-final", "ls", "nel", "blank-lines"])
    d = e.data
    if how == "crlf":
        d = d.replace(b"\n", b"\r\n")
    elif how == "cr":
        d = d.replace(b"\n", b"\r")
    elif how == "mixed":
        d = b"".join(p + (b"\r\n" if i % 2 else b"\n") for i, p in enumerate(d.split(b"\n")))
    elif how == "no-final":
        d = d.rstrip(b"\n")
    elif how == "ls":
        d = d.replace(b"\n", "\u2028".encode())
    elif how == "nel":
        d = d.replace(b"\n", "\x85".encode())
    else:
        d = d.replace(b"\n", b"\n\n")
    e.data = d
    return f"{how} line endings in {e.path}"


# ---------------------------------------------------------------- file mutations

def whole_file(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    e.data = rng.choice([b"", b"  \n\n", b"# \xe5\x8f\xaa\xe6\x9c\x89\xe6\xb3\xa8\xe9\x87\x8a\n", b"---\n",
                         b"~\n", b"null\n", b"[]\n", b"{}\n", b"- \n", b"-\n", b"'x'\n", b"42\n", b"\x00" * 10,
                         b"\n" * 100000, b"- {}\n" * 10, b"- []\n", b"? \n"])
    return f"replace the whole of {e.path}"


def delete_file(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    entries.remove(e)
    return f"delete {e.path}"


def copy_file(rng, entries):
    e = pick_file(rng, entries)
    if e is None or e.path == "ledger.yaml":
        return None
    folder, _, name = e.path.rpartition("/")
    new = f"{folder}/copy-{name}" if folder else f"copy-{name}"
    entries.append(Entry(new, "file", e.data))
    return f"copy {e.path} to {new}"


def move_kind(rng, entries):
    e = pick_file(rng, entries)
    if e is None or "/" not in e.path:
        return None
    top, rest = e.path.split("/", 1)
    other = rng.choice([k for k in ("projects", "responsibilities", "issues", "progress", "Projects", "project",
                                    ".hidden", "misc") if k != top])
    e.path = f"{other}/{rest}"
    return f"move {top}/{rest} to {other}/"


def rename(rng, entries):
    e = pick_file(rng, entries)
    if e is None:
        return None
    folder, _, name = e.path.rpartition("/")
    stem = name.rsplit(".", 1)[0]
    r = rng.random()
    if r < 0.15:
        new = stem + rng.choice([".yml", ".YAML", ".yaml.bak", "", ".json", ".yaml~", ".yaml "])
    elif r < 0.25:
        new = "." + name
    elif r < 0.45:
        raw = rng.choice(NON_UTF8_NAMES)
        new = raw.decode("utf-8", SE)
    elif r < 0.55:
        new = "长" * 80 + ".yaml"  # 245 bytes: as long as a name can be
    elif r < 0.65:
        new = "x" * 251 + ".yaml"
    elif r < 0.75:
        new = rng.choice(["a\nb.yaml", "a\rb.yaml", "[/x].yaml", "-rf.yaml", " .yaml", "a\x1bb.yaml",
                          "\u202eLMAY.yaml", "a:b.yaml", "*.yaml", "a\\b.yaml"])
    else:
        deep = "/".join(rng.choice(["子", "a", "深"]) for _ in range(rng.choice([1, 3, 30])))
        new = f"{deep}/{name}"
    if not folder and e.path == "ledger.yaml" and rng.random() < 0.7:
        return None
    e.path = f"{folder}/{new}" if folder else new
    return f"rename {folder}/{name} to {new!r}"


def symlink(rng, entries):
    files = text_files(entries)
    folders = sorted({e.path.split("/", 1)[0] for e in files if "/" in e.path}) or ["projects"]
    top = rng.choice(folders)
    r = rng.random()
    if r < 0.2:
        entries.append(Entry(f"{top}/dangling.yaml", "symlink", b"nowhere.yaml"))
        return f"dangling link {top}/dangling.yaml"
    if r < 0.35:
        entries.append(Entry(f"{top}/self.yaml", "symlink", b"self.yaml"))
        return f"link to itself {top}/self.yaml"
    if r < 0.45:
        entries.append(Entry(f"{top}/a.yaml", "symlink", b"b.yaml"))
        entries.append(Entry(f"{top}/b.yaml", "symlink", b"a.yaml"))
        return f"link loop {top}/a.yaml <-> b.yaml"
    if r < 0.55:
        for e in [e for e in entries if e.path == "ledger.yaml"]:
            entries.remove(e)
        entries.insert(0, Entry("ledger.yaml", "symlink", rng.choice([b"ledger.yaml", b"nowhere", b"projects",
                                                                       b"/dev/null", b"/dev/zero"])))
        return "ledger.yaml is a link"
    if r < 0.65:
        entries.append(Entry(f"{top}/loop", "symlink", rng.choice([b".", b"..", b"../" + top.encode()])))
        return f"folder link loop {top}/loop"
    if r < 0.75:
        moved = [e for e in entries if e.path.startswith(top + "/")]
        for e in moved:
            e.path = "real-" + e.path
        entries.append(Entry(top, "symlink", rng.choice([("real-" + top).encode(), top.encode(), b"nowhere"])))
        return f"{top} is a link"
    if r < 0.85:
        # /proc/version: a file that stat says is empty and reads as text, the same in every process (a link to
        # /proc/self/status differed between the twins of a case, by the pid: a false twin mismatch, seed 29)
        entries.append(Entry(f"{top}/dev.yaml", "symlink", rng.choice([b"/dev/zero", b"/dev/null", b"/dev/urandom",
                                                                        b"/proc/version", b"/dev/stdin"])))
        return f"link to a device {top}/dev.yaml"
    if files:
        target = rng.choice(files)
        depth = target.path.count("/")
        entries.append(Entry(f"{top}/linked.yaml", "symlink", ("../" * 1 + target.path).encode("utf-8", SE)
                             if depth else ("../" + target.path).encode("utf-8", SE)))
        return f"second link to {target.path}"
    return None


def fifo(rng, entries):
    r = rng.random()
    files = text_files(entries)
    if r < 0.35:
        for e in [e for e in entries if e.path == "ledger.yaml"]:
            entries.remove(e)
        entries.insert(0, Entry("ledger.yaml", "fifo"))
        return "ledger.yaml is a FIFO"
    if r < 0.7 and files:
        e = rng.choice(files)
        e.kind, e.data = "fifo", b""
        return f"{e.path} is a FIFO"
    top = rng.choice(["projects", "issues", "responsibilities", "progress"])
    if rng.random() < 0.5:
        entries.append(Entry(f"{top}/pipe.yaml", "fifo"))
        return f"FIFO {top}/pipe.yaml"
    for e in [e for e in entries if e.path.startswith(top + "/")]:
        entries.remove(e)
    entries.append(Entry(top, "fifo"))
    return f"{top} is a FIFO"


def unreadable(rng, entries):
    files = text_files(entries)
    if not files:
        return None
    r = rng.random()
    if r < 0.4:
        tops = sorted({e.path.split("/")[0] for e in files if "/" in e.path})
        if not tops:
            return None
        top = rng.choice(tops)
        sub = [e.path.rsplit("/", 1)[0] for e in files if e.path.startswith(top + "/") and e.path.count("/") > 1]
        folder = rng.choice(sub) if sub and rng.random() < 0.5 else top
        entries.append(Entry(folder, "dir", b"", rng.choice([0o000, 0o311, 0o100])))
        return f"folder {folder} unreadable"
    e = rng.choice(files) if r < 0.8 else next((e for e in files if e.path == "ledger.yaml"), rng.choice(files))
    e.mode = 0o000
    return f"file {e.path} unreadable"


def file_as_folder(rng, entries):
    r = rng.random()
    if r < 0.3:
        top = rng.choice(["projects", "issues", "responsibilities", "progress"])
        for e in [e for e in entries if e.path.startswith(top + "/")]:
            entries.remove(e)
        entries.append(Entry(top, "file", b"id: x\n"))
        return f"{top} is a file"
    if r < 0.6:
        for e in [e for e in entries if e.path == "ledger.yaml"]:
            entries.remove(e)
        entries.insert(0, Entry("ledger.yaml", "dir"))
        entries.append(Entry("ledger.yaml/name.yaml", "file", b"name: x\n"))
        return "ledger.yaml is a folder"
    top = rng.choice(["projects", "issues"])
    entries.append(Entry(f"{top}/folder.yaml", "dir"))
    entries.append(Entry(f"{top}/folder.yaml/inner.yaml", "file", b"- x\n"))
    return f"{top}/folder.yaml is a folder"


def missing(rng, entries):
    what = rng.choice(["ledger.yaml", "projects", "issues", "responsibilities", "everything"])
    before = len(entries)
    entries[:] = [e for e in entries if what != "everything" and not (e.path == what or e.path.startswith(what + "/"))]
    return f"remove {what}" if len(entries) != before else None


def many(rng, entries):
    """A list file repeated many times over: thousands of duplicate ids, long outputs."""
    e = pick_file(rng, entries)
    if e is None or e.path == "ledger.yaml":
        return None
    body = e.data
    if not body.lstrip().startswith(b"-"):
        body = b"- " + body.replace(b"\n", b"\n  ").rstrip(b" ")
    e.data = body * rng.choice([20, 200, 2000])
    return f"repeat {e.path}"


# key: (legal values, wrong or extreme ones)
SETTINGS = {
    "unit": (["亿元", "元", "万元"], ["万", "千元", "", "[万元]"]),
    "scope": (["district", "city", "province", "county"], ["town", "县", "County"]),
    "language": (["en", "zh"], ["fr", "ZH", "zh-CN", ""]),
    "name": (["'[/x]'", "'[bold]台账'", '"\\e]0;title\\a台账"', "'=HYPERLINK(\"http://x\")'", "'<script>x</script>'",
              "滨州市重大项目台账", '"a\\0b"'], TEXTS[:12]),
    "region": (["利津县", "滨州市", "'[/x]'", "'@x'", "山东省"], TEXTS[:8]),
    "categories": (["[乡村振兴, 城建及基础设施]", "[乡村振兴, 城建及基础设施, 新旧动能转换, 社会建设]", "['[/x]', 乡村振兴, 城建及基础设施]"],
                   ["[]", "[乡村振兴]", "[乡村振兴, 乡村振兴]", "['']", "[[x]]", "乡村振兴"]),
    "locations": (["[北宋镇, 城关镇, 明集乡, 汀罗镇, 经济开发区, 北岭乡, 利津街道, 凤凰城街道, 陈庄镇, 盐窝镇, 利津经济开发区]"],
                  ["[北宋镇, 城关镇]", "[]", "[城关镇]", "[x, x]"]),
    "sla": (["{general_days: 1}", "{general_days: 365}", "{hard_plan_days: 30}", "{}"],
            ["{general_days: 0}", "{general_days: 1000000}", "{hard_plan_days: -1}", "{general_days: 5.5}"]),
    "warnings": (["{yellow_below: 0, red_below: 0}", "{red_late_start_days: 0}", "{yellow_below: 2, red_below: 1.5}",
                  "{yellow_below: 0.9, red_below: 0.95}"],
                 ["{yellow_below: 100, red_below: 200}", "{red_below: -1}", "{red_late_start_days: 999999999999}",
                  "{yellow_below: 1e30}"]),
    "calendar": (["{extra_holidays: [0001-01-01, 9999-12-31]}", "{extra_workdays: [2019-05-01, 2019-05-01]}",
                  "{extra_holidays: [2027-01-01, 2019-05-06]}", "{extra_workdays: [2019-05-04, 2030-01-05]}"],
                 ["{extra_holidays: 2019-05-01}", "{extra_days: []}"]),
    "ranking": (["{weights: {start_rate: 1000000000000000000000000000000}}",
                 "{weights: {start_rate: 0, plan_completion_rate: 0, on_schedule_rate: 0, resolution_rate: 0}}",
                 "{weights: {start_rate: 0.0000000000000001}}", "{weights: {resolution_rate: 1000000}}",
                 "{weights: {start_rate: 1e30}}"],
                ["{weights: {start_rate: -1}}", "{weights: {x: 1}}"]),
    "visits": (["{per_week: 0}", "{per_week: 50}", "{per_week: 2}"], ["{per_week: 51}", "{per_week: 99999999999999999999}"]),
    "escalation_levels": (["['[/x]', '=x', c, d, e]", "[一, 二, 三, 四, 五]"], ["[a, b, c, d]", "[a, b, c, d, e, f]", "[]"]),
}


def settings(rng, entries):
    """A setting of ledger.yaml set to a legal but unusual value (mostly) or a wrong one."""
    e = next((e for e in entries if e.path == "ledger.yaml" and e.kind == "file"), None)
    if e is None:
        return None
    k = rng.choice(sorted(SETTINGS))
    good, bad = SETTINGS[k]
    v = rng.choice(bad if rng.random() < 0.25 else good)
    # the key's line goes, and its own block lines (indented under it) with it
    out, skip = [], False
    for ln in lines_of(e):
        if re.match(rf"{k}\s*:", ln):
            skip = True
            continue
        if skip and ln.startswith((" ", "\t")):
            continue
        skip = False
        out.append(ln)
    out.insert(rng.randrange(len(out) + 1) if out else 0, f"{k}: {v}")
    set_lines(e, out)
    return f"ledger.yaml {k}: {v[:30]}"


# name, function, weight
MUTATIONS: list[tuple[str, Callable, float]] = [
    ("del_line", del_line, 3), ("dup_line", dup_line, 3), ("swap_lines", swap_lines, 2), ("move_line", move_line, 1),
    ("splice_line", splice_line, 2), ("indent", indent, 2), ("tab", tab, 1), ("fullwidth_colon", fullwidth_colon, 1),
    ("fullwidth", fullwidth, 1.5), ("control_char", control_char, 2), ("value", value, 8), ("key", key, 2),
    ("huge_number", huge_number, 1), ("deep_nesting", deep_nesting, 0.7), ("alias", alias, 1), ("tag", tag, 1),
    ("doc_markers", doc_markers, 0.7), ("quote", quote, 1.5), ("comment", comment, 1), ("flow_break", flow_break, 1.5),
    ("flip_bytes", flip_bytes, 1), ("insert_bytes", insert_bytes, 1), ("cut_bytes", cut_bytes, 1), ("bom", bom, 1),
    ("encoding", encoding, 1), ("line_endings", line_endings, 1), ("whole_file", whole_file, 1),
    ("delete_file", delete_file, 1), ("copy_file", copy_file, 1), ("move_kind", move_kind, 0.7),
    ("rename", rename, 1.2), ("symlink", symlink, 1.2), ("fifo", fifo, 0.5), ("unreadable", unreadable, 0.6),
    ("file_as_folder", file_as_folder, 0.4), ("missing", missing, 0.4), ("many", many, 0.3),
    ("settings", settings, 4),
]


def mutate(rng: random.Random, entries: list[Entry], count: int | None = None) -> list[str]:
    """Apply a few mutations (1-4, fewer more often); the descriptions of those that applied."""
    names, funcs, weights = zip(*MUTATIONS)
    n = count if count is not None else rng.choice([1, 1, 1, 2, 2, 3, 4])
    done = []
    tries = 0
    while len(done) < n and tries < 4 * n:
        tries += 1
        name = rng.choices(names, weights)[0]
        what = funcs[names.index(name)](rng, entries)
        if what:
            done.append(f"{name}: {what}")
    return done
