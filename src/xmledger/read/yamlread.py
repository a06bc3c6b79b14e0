"""Safe YAML reading for ledger files: libyaml's event stream, walked by us.

PyYAML's loaders are not fit as they are: they keep the last of two duplicate
keys, read `12.30` as a binary float, `007` as 7 and `no` as False without a
word, expand alias bombs, and the C composer recurses (a 200,000-deep file
crashes the interpreter; 20,000 nested `[` take seconds). So we take the
events of the C parser and build plain Python values in one iterative pass:

- no tags are constructed, ever; a tag other than !!str/!!map/!!seq is a problem;
- nesting deeper than MAX_DEPTH stops the walk at once (libyaml's cost is
  quadratic only in the depth reached);
- aliases may add at most as many values as the file itself has;
- scalars are typed as YAML 1.1 would, but decimals become exact `Decimal`s
  that keep their written digits, and scalars that YAML 1.1 reads in a
  surprising way (`007`, `0x1F`, `1_000`, `.inf`, `2019-3-1 10:00`) become
  `Odd` values that no field accepts, so the user is asked to write them
  plainly or quote them.

`read_yaml` is a pure function of the bytes. In track mode it also returns the
position of every value and key, keyed by path; that costs more and is only
used for files that have findings.
"""

from __future__ import annotations

import codecs
import datetime
import re
from decimal import Decimal
from typing import Any, NamedTuple

import yaml
from yaml._yaml import CParser
from yaml.events import (
    AliasEvent,
    DocumentEndEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
    StreamEndEvent,
)

from ..core.findings import Aim, Finding
from ..core.words import Foreign, Say, msg

MAX_DEPTH = 32
MAX_BYTES = 64 * 1024 * 1024
MIN_ALIAS_BUDGET = 10_000

_MISSING = object()
_MAX_INT_DIGITS = 60
_STR_TAGS = {None, "!", "tag:yaml.org,2002:str"}
_MAP_TAGS = {None, "tag:yaml.org,2002:map"}
_SEQ_TAGS = {None, "tag:yaml.org,2002:seq"}

_NULLS = {"", "~", "null", "Null", "NULL"}
_BOOLS = {
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
    "yes": True, "Yes": True, "YES": True, "no": False, "No": False, "NO": False,
    "on": True, "On": True, "ON": True, "off": False, "Off": False, "OFF": False,
}
_DEC_INT = re.compile(r"[-+]?(?:0|[1-9][0-9]*)\Z")
_DEC_FLOAT = re.compile(r"[-+]?(?:[0-9]+\.[0-9]*|\.[0-9]+)(?:[eE][-+][0-9]+)?\Z")
_INT_START = frozenset("0123456789+-")
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})\Z")
# PyYAML's own (YAML 1.1) resolver patterns, for what we do not accept plainly.
_Y11_INT = re.compile(
    r"(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+"
    r"|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)\Z"
)
_Y11_FLOAT = re.compile(
    r"(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9_]+(?:[eE][-+][0-9]+)?"
    r"|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))\Z"
)
_Y11_TIMESTAMP = re.compile(
    r"[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?(?:(?:[Tt]|[ \t]+)[0-9][0-9]?"
    r":[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)?\Z"
)


class Odd(NamedTuple):
    """A plain scalar that YAML 1.1 reads in a way a user rarely means."""

    text: str
    reads_as: Say  # what YAML 1.1 makes of it, for the message

    def __str__(self) -> str:
        return self.text


class Tagged(NamedTuple):
    """A value under a tag we refuse; its problem is reported once, as E006."""

    tag: str

    def __str__(self) -> str:
        return _short_tag(self.tag)


class BadDate(NamedTuple):
    """A plain scalar shaped like a date that is not one (2019-02-30)."""

    text: str

    def __str__(self) -> str:
        return self.text


class YamlDoc(NamedTuple):
    """What one file holds. `value` is None when the file could not be read."""

    value: Any
    problems: list[Finding]  # file "" (the caller knows it); aim.index: the top-level record it lies in
    record_marks: list[tuple[int, int]]  # (line, col) where each top-level record starts
    positions: dict | None = None  # track mode: path -> (line, col) of the value
    key_positions: dict | None = None  # track mode: path -> (line, col) of its key
    texts: dict | None = None  # track mode: path -> source text of a plain scalar


_PLAIN: dict[str, Any] = {}  # unquoted scalar text -> its typed (immutable) value
_QUOTED: dict[str, str] = {}  # quoted scalar text -> one str object
_SHARED_MAX_TEXT = 64
_SHARED_MAX_SIZE = 500_000


def _share(memo: dict, text: str, value: Any) -> Any:
    """One object for equal short scalars: a ledger repeats its months, dates, amounts and words
    thousands of times, and the parse cache stores (and later loads) a shared object only once."""
    if len(text) <= _SHARED_MAX_TEXT:
        if len(memo) >= _SHARED_MAX_SIZE:
            memo.clear()
        memo[text] = value
    return value


def plain_scalar(text: str) -> Any:
    """Type an unquoted scalar as YAML 1.1 does, keeping decimals exact (equal ones shared)."""
    value = _PLAIN.get(text, _MISSING)
    return _share(_PLAIN, text, _type_plain(text)) if value is _MISSING else value


def quoted_scalar(text: str) -> str:
    value = _QUOTED.get(text)
    return _share(_QUOTED, text, text) if value is None else value


def _type_plain(text: str) -> Any:
    c = text[:1]
    if c and c in "0123456789+-.":
        if _DEC_INT.match(text):
            if len(text) > _MAX_INT_DIGITS:  # beyond any figure; Python refuses int() past 4,300 digits
                return Decimal(text)
            return int(text)
        if _DEC_FLOAT.match(text):
            return Decimal(text)
        m = _ISO_DATE.match(text)
        if m:
            try:
                return datetime.date(int(m[1]), int(m[2]), int(m[3]))
            except ValueError:
                return BadDate(text)
        if _Y11_INT.match(text):
            return Odd(text, msg("type.number", value=_yaml11_value(text)))
        if _Y11_FLOAT.match(text):
            low = text.lower()
            return Odd(text, msg("reads.nan") if "nan" in low else msg("reads.infinity") if "inf" in low else
                       msg("type.number", value=_yaml11_value(text)))
        if _Y11_TIMESTAMP.match(text):
            return Odd(text, msg("reads.datetime"))
        return text
    if text in _NULLS:
        return None
    b = _BOOLS.get(text)
    if b is not None:
        return b
    return text


def _yaml11_value(text: str) -> str:
    """What PyYAML would construct, shown in messages ("007" -> "7")."""
    if len(text) > _MAX_INT_DIGITS:
        return text
    try:
        return str(yaml.safe_load(text))
    except (yaml.YAMLError, ValueError):  # ValueError: a number too long for Python's int()
        return text


def _problem(line, col, code: str, message: Say, hint: Say | None = None, record: int | None = None) -> Finding:
    return Finding("", line, col, code, None, message, None, hint, None, Aim(record, ()))


def check_encoding(data: bytes) -> Finding | None:
    """The file must be UTF-8 text (a BOM is fine); say what it looks like instead."""
    if len(data) > MAX_BYTES:
        return _problem(None, None, "E011", msg("read.too_large", size=len(data) // (1024 * 1024),
                                                limit=MAX_BYTES // (1024 * 1024)), msg("read.too_large.hint"))
    for bom, name in ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
                      (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16")):
        if data.startswith(bom):
            return _problem(1, 1, "E001", msg("read.bom", encoding=name), msg("read.save_utf8"))
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _line_col(data, nul)
        return _problem(line, col, "E001", msg("read.nul"), msg("read.nul.hint"))
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as e:
        line, col = _line_col(data, e.start)
        hint = msg("read.save_utf8")
        try:
            data.decode("gb18030")
            hint = msg("read.gbk.hint")
        except UnicodeDecodeError:
            pass
        return _problem(line, col, "E001", msg("read.not_utf8", byte=f"{data[e.start]:02X}"), hint)
    return None


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[start:offset].decode("utf-8", "replace")) + 1
    return data.count(b"\n", 0, offset) + 1, col


_TAB_HINT = msg("read.tab.hint")
_SYNTAX_HINTS = (
    ("tab character", _TAB_HINT),
    ("mapping values are not allowed", msg("read.colon.hint")),
    ("could not find expected ':'", msg("read.indent.hint")),
    ("found character '@'", msg("read.at.hint")),
    ("found character '`'", msg("read.at.hint")),
)


def _char_at(data: bytes, line: int, col: int) -> str:
    lines = data.split(b"\n", line)
    if len(lines) < line:
        return ""
    text = lines[line - 1].decode("utf-8", "replace")
    return text[col - 1] if 0 < col <= len(text) else ""


def _syntax_problem(e: yaml.YAMLError, data: bytes) -> Finding:
    mark = getattr(e, "problem_mark", None)
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    elif isinstance(e, yaml.reader.ReaderError):
        line, col = _line_col(data, e.position)
    else:  # pragma: no cover - libyaml always gives one of the two
        line, col = None, None
    if isinstance(e, yaml.reader.ReaderError):
        return _problem(line, col, "E002", msg("read.bad_char", reason=Foreign(e.reason), char=f"{e.character:04X}"),
                        msg("read.bad_char.hint"))
    problem = getattr(e, "problem", None) or str(e)
    context = getattr(e, "context", None)
    message = f"{problem} ({context})" if context else problem
    hint = next((h for needle, h in _SYNTAX_HINTS if needle in message), None)
    if line is not None and _char_at(data, line, col) == "\t":
        hint = _TAB_HINT
    wide = _full_width_colon(data, getattr(e, "context_mark", None), line)
    if wide is not None:  # `name： x` reads as text, and libyaml stumbles a line later: point at the colon
        line, col = wide
        hint = msg("read.full_width_colon.hint")
    return _problem(line, col, "E002", msg("read.syntax", detail=Foreign(message)), hint)


def _full_width_colon(data: bytes, context_mark, line: int | None) -> tuple[int, int] | None:
    """(line, col) of a full-width colon (：) used as a key's colon, on the lines that led to a syntax error."""
    if line is None:
        return None
    first = context_mark.line + 1 if context_mark is not None else line
    lines = data.decode("utf-8", "replace").split("\n")
    for n in range(max(1, min(first, line) - 1), min(line, len(lines)) + 1):
        text = lines[n - 1]
        head = text.split("#", 1)[0]
        if "\uff1a" in head and ": " not in head and not head.rstrip().endswith(":"):
            return n, head.index("\uff1a") + 1
    return None


class _Fatal(Exception):
    """Stops the walk: the file cannot be read any further."""


def read_yaml(data: bytes, *, track: bool = False) -> YamlDoc:
    """Read the single YAML document in `data` without ever raising."""
    bad = check_encoding(data)
    if bad is not None:
        return YamlDoc(None, [bad], [])
    walker = _Walker(data, track)
    try:
        walker.walk()
    except _Fatal:
        walker.value = None
    except yaml.YAMLError as e:
        walker.problems.append(_syntax_problem(e, data))
        walker.value = None
    finally:
        walker.parser.dispose()
    return YamlDoc(walker.value, walker.problems, walker.record_marks,
                   walker.positions, walker.key_positions, walker.texts)


class _Walker:
    """The event loop, with the state that problems need to say where they are."""

    def __init__(self, data: bytes, track: bool):
        self.parser = CParser(data)
        self.track = track
        self.value: Any = None
        self.problems: list[Finding] = []
        self.record_marks: list[tuple[int, int]] = []
        self.positions = {} if track else None
        self.key_positions = {} if track else None
        self.texts = {} if track else None
        self.stack: list[list] = []  # frames: [container, pending key, path, anchor, count at start, bad tag]

    def problem(self, mark, code: str, message: Say, hint: Say | None = None, fatal: bool = False):
        self.problems.append(_problem(mark.line + 1, mark.column + 1, code, message, hint, self.record_index()))
        if fatal:
            raise _Fatal

    def record_index(self) -> int | None:
        stack = self.stack
        if not stack:
            return None
        root = stack[0][0]
        if type(root) is dict:
            return 0
        return len(root) if len(stack) > 1 else None

    def walk(self) -> None:
        get = self.parser.get_event
        get()  # StreamStartEvent
        ev = get()
        if type(ev) is StreamEndEvent:
            return
        self.walk_document()
        ev = get()
        if type(ev) is DocumentStartEvent:
            self.problem(ev.start_mark, "E004", msg("read.second_document"), msg("read.second_document.hint"),
                         fatal=True)

    def walk_document(self) -> None:  # noqa: C901 - one flat loop is the fast path
        get = self.parser.get_event
        stack = self.stack
        track = self.track
        texts = self.texts
        anchors: dict[str, tuple[Any, int, list | None]] = {}
        nodes = 0  # values read, aliases counted at their full size
        events = 0
        while True:
            ev = get()
            cls = type(ev)
            mark = None  # set for a collection, which is placed when it starts
            if cls is ScalarEvent:
                events += 1
                nodes += 1
                tag = ev.tag
                if stack and stack[-1][1] is _NOKEY and type(stack[-1][0]) is dict:  # a mapping key
                    self.take_key(ev, stack[-1])
                    continue
                if not ev.style and tag is None:
                    value = plain_scalar(ev.value)
                else:
                    value = quoted_scalar(ev.value)
                    if tag not in _STR_TAGS:
                        self.problem(ev.start_mark, "E006", msg("read.tag", tag=_short_tag(tag)), msg("read.tag.hint"))
                        value = Tagged(tag)
                if ev.anchor is not None:
                    anchors[ev.anchor] = (value, 1, None)
            elif cls is MappingStartEvent or cls is SequenceStartEvent:
                events += 1
                nodes += 1
                mark = ev.start_mark
                if stack and stack[-1][1] is _NOKEY and type(stack[-1][0]) is dict:
                    self.problem(mark, "E010", msg("read.key_not_text"), msg("read.key_not_text.hint"), fatal=True)
                bad_tag = ev.tag not in (_MAP_TAGS if cls is MappingStartEvent else _SEQ_TAGS)
                if bad_tag:
                    self.problem(mark, "E006", msg("read.tag", tag=_short_tag(ev.tag)), msg("read.tag.plain.hint"))
                if len(stack) >= MAX_DEPTH:
                    self.problem(mark, "E008", msg("read.too_deep", depth=MAX_DEPTH), msg("read.too_deep.hint"),
                                 fatal=True)
                container = {} if cls is MappingStartEvent else []
                if len(stack) == 0 and cls is MappingStartEvent:
                    self.record_marks.append((mark.line + 1, mark.column + 1))
                elif len(stack) == 1 and type(stack[0][0]) is list:
                    self.record_marks.append((mark.line + 1, mark.column + 1))
                path = self.child_path(container) if track else None
                if track:
                    self.place(path, mark)
                stack.append([container, _NOKEY, path, ev.anchor, nodes, ev.tag if bad_tag else None])
                if ev.anchor is not None:
                    anchors[ev.anchor] = (container, 0, stack[-1])
                continue
            elif cls is MappingEndEvent or cls is SequenceEndEvent:
                frame = stack.pop()
                mark = ev.start_mark
                value = frame[0] if frame[5] is None else Tagged(frame[5])
                if frame[3] is not None:
                    anchors[frame[3]] = (value, nodes - frame[4] + 1, None)
            elif cls is AliasEvent:
                target = anchors.get(ev.anchor)
                if target is None:
                    self.problem(ev.start_mark, "E007", msg("read.alias_undefined", name=ev.anchor), fatal=True)
                value, size, open_frame = target
                if open_frame is not None:
                    self.problem(ev.start_mark, "E007", msg("read.alias_recursive", name=ev.anchor), fatal=True)
                nodes += size
                events += 1
                if nodes - events > max(MIN_ALIAS_BUDGET, events):
                    self.problem(ev.start_mark, "E007", msg("read.alias_bomb", count=nodes),
                                 msg("read.alias_bomb.hint"), fatal=True)
            elif cls is DocumentEndEvent:
                return
            else:  # pragma: no cover - libyaml emits nothing else inside a document
                raise _Fatal
            # attach `value` to its parent
            if not stack:
                self.value = value
                continue
            frame = stack[-1]
            parent = frame[0]
            if type(parent) is dict:
                key = frame[1]
                if key is _NOKEY:  # only an alias gets here: scalar keys were taken, collections refused
                    self.problem(ev.start_mark, "E010", msg("read.key_not_text"), msg("read.key_not_text.hint"),
                                 fatal=True)
                else:
                    if type(key) is not _Duplicate:
                        parent[key] = value
                    if track and mark is None and type(key) is not _Duplicate:
                        path = self.path_of(frame, key)
                        self.place(path, ev.start_mark)
                        if cls is ScalarEvent and not ev.style:
                            texts[path] = ev.value
                    frame[1] = _NOKEY
            else:
                if mark is None:  # a scalar or an alias (collections were marked when they started)
                    if len(stack) == 1:
                        self.record_marks.append((ev.start_mark.line + 1, ev.start_mark.column + 1))
                    if track:
                        path = frame[2] + (len(parent),)
                        self.place(path, ev.start_mark)
                        if cls is ScalarEvent and not ev.style:
                            texts[path] = ev.value
                parent.append(value)

    def take_key(self, ev, frame) -> None:
        """A scalar in key position: decimal integers (years, months) become ints, all else is text."""
        text = ev.value
        if ev.tag is not None and ev.tag not in _STR_TAGS:
            self.problem(ev.start_mark, "E006", msg("read.tag", tag=_short_tag(ev.tag)), msg("read.tag.key.hint"))
        key = int(text) if (not ev.style and text[:1] in _INT_START and len(text) <= _MAX_INT_DIGITS
                            and _DEC_INT.match(text)) else text
        if key in frame[0]:
            self.problem(ev.start_mark, "E009", msg("read.duplicate_key", key=key), msg("read.duplicate_key.hint"))
            key = _Duplicate(key)
        frame[1] = key
        if self.track and type(key) is not _Duplicate:
            self.key_positions[self.path_of(frame, key)] = (ev.start_mark.line + 1, ev.start_mark.column + 1)

    # track mode helpers -------------------------------------------------

    def child_path(self, container) -> tuple:
        """Path of a collection that is about to be attached to the top frame."""
        if not self.stack:
            return ()
        frame = self.stack[-1]
        parent = frame[0]
        if type(parent) is dict:
            return self.path_of(frame, frame[1])
        return frame[2] + (len(parent),)

    @staticmethod
    def path_of(frame, key) -> tuple:
        return frame[2] + (key.key if type(key) is _Duplicate else key,)

    def place(self, path, mark) -> None:
        self.positions.setdefault(path, (mark.line + 1, mark.column + 1))


class _Duplicate(NamedTuple):
    """Marks the second occurrence of a key, whose value is dropped (after a finding)."""

    key: Any


_NOKEY = object()


def _short_tag(tag: str | None) -> str:
    if tag and tag.startswith("tag:yaml.org,2002:"):
        return "!!" + tag[len("tag:yaml.org,2002:"):]
    return str(tag)
