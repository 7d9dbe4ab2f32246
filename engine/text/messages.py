"""Problems rendered for people: each carries a code and parameters, and is put into words here, at output time, in
the language asked for (the texts are in messages_input.py and messages_setup.py): the message, its place, its severity, one line."""

from __future__ import annotations

from typing import Any

from engine.errors import Problem
from engine.text import fmt
from engine.text.messages_input import INPUT_MESSAGES
from engine.text.messages_setup import SETUP_MESSAGES
from engine.text.messages_xlsx import XLSX_MESSAGES

MESSAGES: dict[str, tuple[str, str]] = {**INPUT_MESSAGES, **SETUP_MESSAGES, **XLSX_MESSAGES}

_SUGGESTION = ('; có phải ý bạn là "{suggestion}"?', '; did you mean "{suggestion}"?')
_TYPE_WORDS = {
    "int": ("số nguyên", "a whole number"),
    "text": ("văn bản", "text"),
    "bool": ("true/false", "true/false"),
    "mapping": ("bảng khóa: giá trị", "a mapping of key: value"),
    "list": ("danh sách", "a list"),
    "date": ("ngày dạng YYYY-MM-DD", "a date as YYYY-MM-DD"),
    "number": ("số", "a number"),
}
_YAML_BOOL = (
    '; YAML đọc no, yes, on, off là sai/đúng: hãy đặt giá trị trong dấu nháy, ví dụ "no"',
    '; YAML reads no, yes, on, off as false/true: quote the value, e.g. "no"',
)


def render(problem: Problem, lang: str) -> str:
    idx = 0 if lang == "vi" else 1
    code = problem.code
    if problem.params.get("hint") and f"{code}+hint" in MESSAGES:
        code = f"{code}+hint"
    template = MESSAGES[code][idx]  # an unknown code is a bug (exit 3), never shown as if it were a message
    params: dict[str, Any] = {"code": problem.code}
    for key, value in problem.params.items():
        params[key] = fmt.param(value, lang)
    if isinstance(params.get("expected"), tuple):
        joiner = " hoặc " if idx == 0 else " or "
        params["expected"] = joiner.join(_TYPE_WORDS[t][idx] for t in params["expected"])
    text = template.format(**params)
    if params.get("yaml_bool"):
        text += _YAML_BOOL[idx]
    if params.get("suggestion"):
        text += _SUGGESTION[idx].format(**params)
    return text


def location_text(problem: Problem, lang: str = "vi") -> str:
    loc = problem.location
    if loc.cell:
        sheet, _, cell = loc.cell.rpartition("!")
        return f"{loc.file or '-'}: Sheet '{sheet}', {'ô' if lang == 'vi' else 'cell'} {cell}"
    parts = [loc.file or "-"]
    if loc.line:
        parts.append(str(loc.line))
        if loc.column:
            parts.append(str(loc.column))
    return ":".join(parts)


_SEVERITY = {"error": ("lỗi", "error"), "warning": ("cảnh báo", "warning"), "info": ("thông tin", "note")}


def severity_word(severity: str, lang: str) -> str:
    return _SEVERITY[severity][0 if lang == "vi" else 1]


def issue_line(problem: Problem, lang: str, *, with_code: bool = True) -> str:
    """One problem on one line: "file:line:column: severity: message [code]" (the code for the terminal and
    Markdown, where it can be searched for; reports leave it out)."""
    text = f"{location_text(problem, lang)}: {severity_word(problem.severity, lang)}: {render(problem, lang)}"
    return f"{text} [{problem.code}]" if with_code else text
