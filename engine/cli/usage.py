"""A usage error from the option parser (a mistyped option, a missing argument, a value not among the choices), said
in the command line's language. Typer vendors Click without its gettext hooks, so Click's English cannot be
translated in place: the error's parts (the option, the parameter, the choices) are read from the exception and
said in Vietnamese here; English is Click's own. A message this module does not know keeps Click's words inside
the Vietnamese frame rather than being lost."""

from __future__ import annotations

import re
import sys
from typing import Any

from engine.cli.words import ENGLISH

_KNOWN = {"NoSuchOption", "MissingParameter", "BadOptionUsage", "BadParameter"}


def show_usage_error(exc: Any) -> None:
    if type(exc).__name__ == "NoArgsIsHelpError":  # a command given nothing: its help page, on standard error
        sys.stderr.write(help_text(exc.format_message()) + "\n")
        return
    if ENGLISH or type(exc).__name__ not in _KNOWN:
        exc.show()
        return
    try:
        sys.stderr.write(_said(exc))
    except Exception:
        exc.show()


def _said(exc: Any) -> str:
    ctx = getattr(exc, "ctx", None)
    lines = []
    if ctx is not None:
        usage = ctx.get_usage().replace("Usage:", "Cách dùng:", 1).replace("[OPTIONS]", "[TÙY CHỌN]")
        lines += [usage, f"Xem hướng dẫn: {ctx.command_path} -h", ""]
    lines.append(f"Lỗi: {_message(exc, ctx)}")
    return "\n".join(lines) + "\n"


def _message(exc: Any, ctx: Any) -> str:
    kind = type(exc).__name__
    if kind == "NoSuchOption":
        found = f"không có tùy chọn {exc.option_name}"
        if exc.possibilities:
            found += f" (có phải: {', '.join(sorted(exc.possibilities))}?)"
        return found
    if kind == "MissingParameter":
        param = exc.param
        what = "đối số" if getattr(param, "param_type_name", "") == "argument" else "tùy chọn"
        hint = param.get_error_hint() if param is not None else ""
        return f"thiếu {what} {hint}".rstrip() + "."
    message = str(getattr(exc, "message", "") or exc)
    if kind == "BadOptionUsage" and "requires an argument" in message:
        return f"tùy chọn {exc.option_name} cần một giá trị đi kèm."
    if kind == "BadParameter":
        param = exc.param
        hint = param.get_error_hint() if param is not None else ""
        return f"giá trị không hợp lệ cho {hint}: {_choices(message)}"
    return exc.format_message()


def _choices(message: str) -> str:
    """ "'xml' is not one of 'table', 'json'." in Vietnamese; any other reason as Click wrote it."""
    message = message.removeprefix("Value error, ")
    if found := re.fullmatch(r"(.+) is not one of (.+?)\.?", message, re.S):
        return f"{found.group(1)} không phải một trong: {found.group(2)}."
    return message


# Click's fixed words in a help page (typer's non-rich formatter), in Vietnamese; and the argument types typer
# prints after a name that already says what it is ("FILE... <list[str]>"), in both languages.
_HELP_WORDS = [
    (re.compile(r"^Usage: (.*)\[OPTIONS\]", re.M), r"Cách dùng: \1[TÙY CHỌN]"),
    (re.compile(r"^Usage:", re.M), "Cách dùng:"),
    (re.compile(r"COMMAND \[ARGS\]\.\.\."), "LỆNH [ĐỐI SỐ]..."),
    (re.compile(r"^Arguments:$", re.M), "Đối số:"),
    (re.compile(r"^Options:$", re.M), "Tùy chọn:"),
    (re.compile(r"^Commands:$", re.M), "Lệnh:"),
    (re.compile(r"Show this message and exit\."), "Hiện hướng dẫn này."),
    (re.compile(r"\[default: "), "[mặc định: "),
    (re.compile(r"\[required\]"), "[bắt buộc]"),
]
_TYPES = re.compile(r"^(  \S+?) <(?:list\[)?(?:str|path|int)\]?>")


def _without_types(text: str) -> str:
    """ "FILE... <list[str]>" as "FILE...", the lines of its help moved left as far as the type was wide."""
    out: list[str] = []
    shift = 0
    for line in text.split("\n"):
        if found := _TYPES.match(line):
            shift = len(found.group(0)) - len(found.group(1))
            line = found.group(1) + line[len(found.group(0)) :]
        elif shift and line.startswith(" " * (shift + 3)) and not line.startswith("  -"):
            line = line[shift:]
        else:
            shift = 0
        out.append(line)
    return "\n".join(out)


def help_text(text: str) -> str:
    """A help page in the command line's language, the argument types typer adds dropped."""
    text = _without_types(text)
    if ENGLISH:
        return text
    for pattern, words in _HELP_WORDS:
        text = pattern.sub(words, text)
    return text
