"""A well-formed YAML document read by rapidyaml, with exactly the values the PyYAML reader (yamlio) gives, or None.

Why a second reader: PyYAML's composer and our builder over its nodes are two thirds of reading a 100-unit
submission (27 ms; a national batch reads 408 of them). rapidyaml parses in C++ and writes the tree as JSON, which
Python's C decoder reads: 2 ms. Its semantics differ from ours in places, so this reader keeps only what it can
tell is read alike and answers None for anything else, which the caller then reads with PyYAML
(tests/test_yaml_rapid.py holds the two alike on generated documents and on mutations of them):

- the text is refused up front when it holds anything whose meaning differs between the two or that JSON cannot
  carry: tags, anchors, aliases, directives, document markers, block scalars, tabs, characters YAML forbids, flow
  collections but the simplest, quoted scalars over several lines, numbers rapidyaml would rewrite (``5.``);
- JSON loses whether a scalar was quoted: a string is kept only where YAML 1.1 would read it as text either way
  (PyYAML's own resolver decides: ``yes``, ``~``, ``0x1F``, ``1_000`` as plain words are not text, so a document
  holding them is read by PyYAML);
- numbers are whole numbers as written, or decimals as Decimal from their text (an exponent: PyYAML's rules differ);
- a duplicate key, a key that is not text, or a top level that is not a mapping: PyYAML reads it and reports it.

Positions are not read here: the document locates values by reading the text again with PyYAML, only when a
problem is to be reported (yamlio.Document.locate).
"""

from __future__ import annotations

import json
import os
import re
from decimal import Decimal
from typing import Any

import ryml
import yaml

from engine.model.textnorm import nfc

# Found anywhere, the text is left to PyYAML (a false alarm only costs speed):
_DOUBTFUL = re.compile(
    # a tab; a lone carriage return (a line break to PyYAML, not to rapidyaml); a backslash (escapes differ); a
    # character YAML forbids or reads as a line break (PyYAML refuses them, rapidyaml and JSON's decoder not all)
    "\t|\r(?!\n)|\\\\|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufffe\uffff]"
    # an indicator where a token starts (a line's start, after "- ", ": ", "? ", "[", "{" or ","): a tag, an anchor,
    # an alias, a directive, a reserved character, a block scalar, a complex key
    r"|(?:^|\n|[\[{,]|[:?-]\s)\s*[!&*%@`|>?]"
    # a quoted scalar over several lines (rapidyaml takes one as a key, YAML does not)
    r"|(?:^|\n|[:?-]\s)\s*(?:'(?:[^'\n]|'')*|\"[^\"\n]*)\n"
)
# Only a text holding one of these bytes can match _DOUBTFUL or hold a flow collection (the UTF-8 of U+0080-U+009F
# and U+00A0-U+00BF starts with C2, of U+2028 with E2, of U+FFFE with EF): most submissions hold none, and deleting
# every other byte is 40 times faster than the search (bench/: 9 ms of a 100-unit submission's 22)
_CLOSER_LOOK = set(b"\t\r\\!&*%@`|>?'\"[]{}\x7f\xc2\xe2\xef") | set(range(0x09)) | {0x0B, 0x0C} | set(range(0x0E, 0x20))
_OTHER_BYTES = bytes(b for b in range(256) if b not in _CLOSER_LOOK)
# a number rapidyaml writes otherwise than it stands (5. as 5.0, -.5 as -0.5)
_REWRITTEN = re.compile(rb"(?:^|\n|[:-][ ]|[\[{,])[ ]*[-+]?(?:\d[\d_]*\.(?=[ ]*(?:[\r\n,\]}#]|$))|\.\d)")
_MARKERS = (b"\n---", b"\n...")  # a document's start or end
# rapidyaml is lenient in flow collections ("k: }", "{a:, b c}"): only the simplest are read by it, as people write a
# figure ({numerator: 12, denominator: 40}) or a short list; any other bracket goes to PyYAML
_ITEM, _WORD = r"[A-Za-z_]\w* *: +[\w.+-]+", r"[\w.+-]+"
_COMMA = r" *, *(?:\r?\n *)?"  # a line may break after a comma, nowhere else (rapidyaml keeps a blank line's break)
_SIMPLE_FLOW = re.compile(
    r"(?<=:) +"  # a mapping's value (as a sequence's item, rapidyaml misreads the line after it)
    rf"(?:\{{ *(?:{_ITEM}(?:{_COMMA}{_ITEM})*)? *\}}|\[ *(?:{_WORD}(?:{_COMMA}{_WORD})*)? *\])"
    r"(?=[ ]*(?:#|\r?\n|$))"  # and where the value ends
)
_BRACKET = re.compile(r"[\[\]{}]")


def _doubtful(text: str, raw: bytes) -> bool:
    if raw.startswith((b"---", b"...")) or any(m in raw for m in _MARKERS):
        return True
    if b"." in raw and _REWRITTEN.search(raw):
        return True
    if not raw.translate(None, _OTHER_BYTES):
        return False
    if _DOUBTFUL.search(text):
        return True
    return bool(_BRACKET.search(text) and _BRACKET.search(_SIMPLE_FLOW.sub("", text)))


_KEY_LIMIT = 512  # libyaml refuses an implicit key over 1,024 characters, rapidyaml does not: longer strings to PyYAML
_TEXT_TAGS = {"tag:yaml.org,2002:str", "tag:yaml.org,2002:timestamp"}  # timestamps stay text in both readers
_resolver = yaml.resolver.Resolver()


class _Doubt(Exception):
    """Something this reader cannot prove it reads as PyYAML would."""


_verdicts: dict[str, str] = {}  # plain scalar -> its NFC text, for those YAML 1.1 reads as text; grows with keys


def _text(value: str) -> str:
    """The NFC text of a string, if YAML 1.1 reads it as text whether or not it was quoted."""
    got = _verdicts.get(value)
    if got is not None:
        return got
    if len(value) > _KEY_LIMIT or _resolver.resolve(yaml.ScalarNode, value, (True, False)) not in _TEXT_TAGS:
        raise _Doubt
    if value[:1].isspace() or value[-1:].isspace():  # quoted, or one of rapidyaml's misreadings (" k5", "tue\n")
        raise _Doubt
    got = nfc(value)
    if len(_verdicts) < 100_000:  # keys and names repeat across a batch; bounded all the same
        _verdicts[value] = got
    return got


def _items(values: list[Any]) -> list[Any]:
    for i, value in enumerate(values):
        if value.__class__ is str:
            values[i] = _text(value)
        elif value.__class__ is list:
            _items(value)
    return values


def _mapping(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in pairs:
        key = _text(key)
        if key in out:
            raise _Doubt
        if value.__class__ is str:
            value = _text(value)
        elif value.__class__ is list:
            _items(value)
        out[key] = value
    return out


def _decimal(text: str) -> Decimal:
    if "e" in text or "E" in text:  # 1e5 is text to YAML 1.1, 1.0e+5 a number: PyYAML decides
        raise _Doubt
    return Decimal(text)


def _constant(text: str) -> Any:
    raise _Doubt


_decoder = json.JSONDecoder(object_pairs_hook=_mapping, parse_float=_decimal, parse_constant=_constant)


def read(text: str) -> dict[str, Any] | None:
    """The document's data as the PyYAML reader would build it, or None where this reader cannot be sure."""
    try:
        raw = text.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: YAML forbids it, PyYAML says where
        return None
    if _doubtful(text, raw):
        return None
    tree = _parsed(raw)
    if tree is None:
        return None
    as_json = ryml.emit_json(tree)
    if not as_json or not as_json.lstrip().startswith("{"):  # empty, a scalar, a list, several documents
        return None
    try:
        data = _decoder.decode(as_json)
    except (_Doubt, ValueError, RecursionError):  # ValueError: JSON rapidyaml wrote from what YAML allows (+5)
        return None
    return data if isinstance(data, dict) else None


def _parsed(raw: bytes) -> Any:
    """rapidyaml's tree, or None on a syntax error (PyYAML then reports it its own way). rapidyaml's C++ error
    handler writes to the process's standard error before raising, and its Python binding cannot replace the
    handler: standard error points at /dev/null while it parses (no thread of this tool writes meanwhile)."""
    try:
        saved = os.dup(2)
    except OSError:  # standard error closed (2>&-): PyYAML reads the text
        return None
    try:
        null = os.open(os.devnull, os.O_WRONLY)
    except OSError:  # no /dev/null: no way to silence rapidyaml, PyYAML reads the text
        os.close(saved)
        return None
    try:
        os.dup2(null, 2)
        return ryml.parse_in_arena(raw)
    except Exception:  # the binding's ExceptionParse and kin; the text is read again by PyYAML
        return None
    finally:
        os.dup2(saved, 2)
        os.close(saved)
        os.close(null)
