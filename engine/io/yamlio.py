"""Safe YAML loading that keeps where every value stands, so that any error can name its file and line.

PyYAML's composer gives nodes with marks; we build plain Python values from them ourselves so that:
duplicate keys are errors naming both lines (PyYAML keeps the last one silently), anchors and aliases are
refused (no alias bombs), floats become Decimal from their text (exact, never binary floats), timestamps stay
text (the models parse dates), and all text is NFC.
"""

from __future__ import annotations

import gc
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from engine.errors import DataFileError, Location, Problem
from engine.io.inputs import open_input
from engine.model.numbers import NumberText
from engine.model.textnorm import nfc
from engine.vocabulary import Severity

# 5 MiB holds about 8,200 units written as the benchmark writes them (bench/national.py: 64 KB for 100 units, each
# with its indicators and dossier counts): more than twice every commune of the country after 1/7/2025 (about
# 3,300), so no body's file reaches it; a bigger file is refused, with its size and this limit, not read slowly.
MAX_BYTES = 5 * 1024 * 1024
Path_ = tuple[Any, ...]


@dataclass
class Document:
    """A loaded YAML document: the data and the position of each value and key, by key path."""

    file: str
    data: Any
    values: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    keys: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    # problems met while building (duplicate keys, tags, aliases): the value concerned is left out (None) and
    # the caller reports them with its own, so that a file with several problems lists them all
    problems: list[Problem] = field(default_factory=list)
    cells: dict[Path_, str] = field(default_factory=dict)  # a workbook's: key path -> "Sheet!C7"
    # read by rapidyaml (yaml_rapid), the text is kept: positions are found by reading it again with PyYAML, only
    # when a location is asked for (text, not a function: a report's cache pickles the document)
    unlocated: str | None = field(default=None, repr=False, compare=False)

    def locate(self, path: Path_, *, key: bool = False) -> Location:
        """The location of a path, or of its nearest ancestor that exists in the document."""
        path = tuple(path)
        if self.unlocated is not None:
            with _gc_paused():
                located = _parse_yaml(self.unlocated, self.file, False)
            self.values, self.keys, self.unlocated = located.values, located.keys, None
        if self.cells:
            probe = path
            while probe and probe not in self.cells:
                probe = probe[:-1]
            return Location(self.file, None, None, format_path(path) or None, self.cells.get(probe))
        table = self.keys if key and path in self.keys else self.values
        probe = path
        while probe and probe not in table:
            probe = probe[:-1]
        if not table:  # data built in memory (Checker.check_data): no positions, only the key path
            return Location(self.file, None, None, format_path(path) or None)
        line, col = table.get(probe, self.values.get((), (1, 1)))
        return Location(self.file, line, col, format_path(path) or None)

    def problem(
        self, code: str, path: Path_ = (), *, key: bool = False, severity: Severity = Severity.ERROR, **params: Any
    ) -> Problem:
        return Problem(code, params, self.locate(path, key=key), severity)


def format_path(path: Path_) -> str:
    out = ""
    for part in path:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out


# libyaml's composer when PyYAML has it (its wheels do): the same nodes and marks, ten times faster.
_INT, _STR = "tag:yaml.org,2002:int", "tag:yaml.org,2002:str"
_TAGS = {f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_YAML11_WORDS = {"y", "n", "yes", "no", "on", "off", "true", "false", "null"}


def _plain_word(value: str) -> bool:
    return value.isascii() and value.replace("_", "a").isalpha() and value.lower() not in _YAML11_WORDS


_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_BaseLoader):
    def resolve(self, kind: Any, value: str, implicit: tuple[bool, bool]) -> str:
        # Fast paths for the commonest scalars of a submission: a plain decimal count and a key such as
        # "numerator". Anything else, and every YAML 1.1 oddity (0x1F, 1_000, 010, yes, on, ~), goes through
        # PyYAML's own resolver.
        if kind is yaml.ScalarNode and implicit[0]:
            if value.isdigit() and value.isascii() and (value[0] != "0" or value == "0"):
                return _INT
            if _plain_word(value):
                return _STR
        return super().resolve(kind, value, implicit)


def check_size(path: str, display: str, code: str = "file.too_large") -> None:
    """A regular file that exists and is not larger than an input of this tool can be (MAX_BYTES)."""
    size = open_input(path, display).st_size
    if size > MAX_BYTES:
        raise DataFileError([Problem(code, {"size": Decimal(size), "limit": Decimal(MAX_BYTES)}, Location(display))])


def read_text(path: str, display: str) -> str:
    check_size(path, display)
    try:
        with open(path, "rb") as fh:
            raw = fh.read()
    except FileNotFoundError:
        raise DataFileError([Problem("file.not_found", {}, Location(display))]) from None
    except IsADirectoryError:
        raise DataFileError([Problem("file.is_directory", {}, Location(display))]) from None
    except OSError as exc:
        raise DataFileError(
            [Problem("file.unreadable", {"reason": exc.strerror or str(exc)}, Location(display))]
        ) from exc
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DataFileError([Problem("file.utf16", {}, Location(display, 1, 1))])
    if _looks_binary(raw):
        raise DataFileError([Problem("file.binary", {}, Location(display))])
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        encoding = legacy_encoding(raw)
        code = "file.legacy_encoding" if encoding else "file.not_utf8"
        raise DataFileError([Problem(code, {"encoding": encoding}, Location(display, line, column))]) from None


def _looks_binary(raw: bytes) -> bool:
    """NUL bytes, or control bytes that no text file holds (a picture, a spreadsheet, an archive)."""
    head = raw[:4096]
    return b"\x00" in head or sum(1 for b in head if b < 0x20 and b not in (9, 10, 13)) > 0


_VI_CP1258 = set("ăâđêôơưĂÂĐÊÔƠƯ")
_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def legacy_encoding(raw: bytes) -> str | None:
    """Name the legacy Vietnamese encoding a non-UTF-8 file is probably in, without converting it.

    Windows-1258 writes ă â đ ê ô ơ ư as single bytes and tones as combining marks after the vowel; TCVN3 (ABC)
    and VNI put precomposed letters in the upper half of the byte range. Anything else with Vietnamese-looking
    upper bytes is reported as TCVN3/VNI; None when the bytes do not look like Vietnamese at all."""
    high = sum(1 for b in raw if b >= 0x80)
    if not high:
        return None
    text = raw.decode("cp1258", errors="replace")
    letters = sum(1 for ch in text if ch in _VI_CP1258)
    tones = sum(1 for a, b in zip(text, text[1:], strict=False) if b in _TONES and a.isalpha())
    if letters + tones >= max(1, high // 3):
        return "Windows-1258"
    return "TCVN3 (ABC) / VNI"


def display_path(path: str) -> str:
    """A path as the user would write it: relative to the working directory when it lies below it."""
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    return path if rel.startswith("..") else rel


def load_yaml(path: str, display: str | None = None, *, strict: bool = True) -> Document:
    display = display or display_path(path)
    return parse_yaml(read_text(path, display), display, strict=strict)


@contextmanager
def _gc_paused() -> Iterator[None]:
    """The cyclic garbage collector off while a document is built: a 100-unit submission makes tens of
    thousands of short-lived, acyclic containers, and the collections they trigger (rescanning everything the
    process holds) cost more than the parse itself (bench/: 60 → 31 ms a submission)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


# rapidyaml costs 25 ms to import and saves 25 ms on a 64 KiB submission: it reads such texts and larger ones, and
# every text read within rapid_reading() (a batch: Checker.batch(), a report's history)
RAPID_FROM_CHARS = 64 * 1024
_rapid_batches = 0  # how many rapid_reading() blocks are open


@contextmanager
def rapid_reading() -> Iterator[None]:
    """Within, parse_yaml reads every text it can with rapidyaml (imported at the first text: a batch whose files
    all come from a cache does not pay for it)."""
    global _rapid_batches
    _rapid_batches += 1
    try:
        yield
    finally:
        _rapid_batches -= 1


def parse_yaml(text: str, display: str, *, strict: bool = True) -> Document:
    """The document, or DataFileError. With strict=False, problems met while building are kept in
    Document.problems instead of raised (the submission loader lists them with the model's own)."""
    with _gc_paused():
        if _rapid_batches or len(text) >= RAPID_FROM_CHARS:
            from engine.io import yaml_rapid

            data = yaml_rapid.read(text)
            if data is not None:
                return Document(display, data, unlocated=text)
        return _parse_yaml(text, display, strict)


def _parse_yaml(text: str, display: str, strict: bool) -> Document:
    if "\x00" in text:
        raise DataFileError([Problem("file.binary", {}, Location(display))])
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (None, None)
        reason = nfc(str(exc.problem or exc.context or "syntax error"))
        lines = text.splitlines()
        bad_line = lines[line - 1] if line and line <= len(lines) else ""
        code = "yaml.tab" if "\t" in bad_line[: (col or 1)] or "\t" in reason else "yaml.syntax"
        raise DataFileError([Problem(code, {"reason": reason}, Location(display, line, col))]) from None
    except yaml.YAMLError as exc:
        raise DataFileError([Problem("yaml.syntax", {"reason": str(exc)}, Location(display))]) from None
    finally:
        loader.dispose()
    doc = Document(display, None)
    if node is None:
        raise DataFileError([Problem("file.empty", {}, Location(display, 1, 1))])
    doc.data = _Builder(doc, loader, doc.problems).build(node, ())
    if strict and doc.problems:
        raise DataFileError(doc.problems)
    return doc


class _Builder:
    def __init__(self, doc: Document, loader: yaml.SafeLoader, problems: list[Problem]):
        self.doc, self.loader, self.problems = doc, loader, problems
        self.seen: set[int] = set()
        self.aliased: set[int] = set()

    def build(self, node: yaml.Node, path: Path_) -> Any:
        if id(node) in self.seen:  # the composer shares the node of an alias: refuse, no bombs
            if id(node) not in self.aliased:  # once per anchor, however often it is reused
                self.aliased.add(id(node))
                self.problems.append(Problem("yaml.alias", {}, self._loc(node, path)))
            return None
        self.seen.add(id(node))
        self.doc.values[path] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if node.tag not in _TAGS:  # !!python/…, !!binary, !custom: never constructed, never guessed
            tag = node.tag.replace("tag:yaml.org,2002:", "!!")
            self.problems.append(Problem("yaml.tag", {"tag": tag}, self._loc(node, path)))
            return None
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, path)
        if isinstance(node, yaml.SequenceNode):
            return [self.build(item, path + (i,)) for i, item in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)  # the composer makes only these three kinds of node
        return self._scalar(node, path)

    def _loc(self, node: yaml.Node, path: Path_) -> Location:
        return Location(self.doc.file, node.start_mark.line + 1, node.start_mark.column + 1, format_path(path) or None)

    def _mapping(self, node: yaml.MappingNode, path: Path_) -> dict:
        out: dict[Any, Any] = {}
        first_line: dict[Any, int] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.problems.append(Problem("yaml.complex_key", {}, self._loc(key_node, path)))
                continue
            if key_node.tag == "tag:yaml.org,2002:merge":
                self.problems.append(Problem("yaml.complex_key", {}, self._loc(key_node, path)))
                continue
            key = self._scalar(key_node, path)
            if isinstance(key, Decimal):
                key = str(key)
            line = key_node.start_mark.line + 1
            if key in out or key in first_line:
                self.problems.append(
                    Problem(
                        "yaml.duplicate_key",
                        {"key": key, "first_line": first_line[key]},
                        self._loc(key_node, path + (key,)),
                    )
                )
                continue
            first_line[key] = line
            self.doc.keys[path + (key,)] = (line, key_node.start_mark.column + 1)
            out[key] = self.build(value_node, path + (key,))
        return out

    def _scalar(self, node: yaml.ScalarNode, path: Path_) -> Any:
        tag = node.tag
        if tag == _INT:
            text = node.value
            digits = text.lstrip("+-")
            if digits.isdigit() and digits.isascii() and (digits == "0" or digits[0] != "0"):
                return int(text)
            return NumberText(text)  # 010 (octal to YAML 1.1), 0x1F, 1_000, 1:30: the reader of the field decides
        if tag == "tag:yaml.org,2002:float":
            text = node.value.replace("_", "").lower()
            if text in (".nan",):
                return Decimal("NaN")
            if text in (".inf", "+.inf"):
                return Decimal("Infinity")
            if text == "-.inf":
                return Decimal("-Infinity")
            try:
                return Decimal(text)
            except ArithmeticError:  # sexagesimal and the like: keep the text, the model will refuse it
                return node.value
        if tag == "tag:yaml.org,2002:timestamp":
            return node.value
        if tag == "tag:yaml.org,2002:str":
            return nfc(node.value)
        try:
            value = self.loader.construct_object(node, deep=True)
        except yaml.YAMLError:
            return nfc(node.value)
        return nfc(value) if isinstance(value, str) else value
