"""Every message code the engine can raise, and every label a report or template uses, exists in both languages
with the same parameters; and nothing in the catalogues is dead. (Rendering an unknown code is an internal error,
never the code shown as if it were a message.)"""

from __future__ import annotations

import os
import re
import string

import pytest

from engine.errors import Problem
from engine.output import tabular
from engine.records.quality import REASONS
from engine.text.labels import LABELS
from engine.text.messages import MESSAGES, render
from engine.vocabulary import Source, Status, UnitKind

ENGINE = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "engine")
REPORTS = os.path.join(os.path.dirname(ENGINE), "reports")
FAMILIES = sorted({code.split(".")[0] for code in MESSAGES})  # the families of codes there are
CATALOGUES = {
    os.path.join(ENGINE, "text", n) for n in ("messages_input.py", "messages_setup.py", "messages_xlsx.py", "labels.py")
}
# codes built at run time from a name: the names they can take
DYNAMIC = {"submission.unknown_{what}": ("metric", "count"), "rules.unknown_{section}": ("target", "metric", "role")}


def _sources(folder: str, ext: str) -> str:
    """The text of every source file, but the two catalogues themselves."""
    out = []
    for base, _, names in os.walk(folder):
        for n in names:
            if n.endswith(ext) and os.path.join(base, n) not in CATALOGUES:
                with open(os.path.join(base, n), encoding="utf-8") as fh:
                    out.append(fh.read())
    return "\n".join(out)


def _codes_in_source() -> set[str]:
    text = _sources(ENGINE, ".py")
    families = "|".join(FAMILIES)
    codes = set(re.findall(rf'"((?:{families})\.[a-z0-9_+]+)"', text))
    for pattern, names in DYNAMIC.items():
        codes |= {pattern.format(what=n, section=n) for n in names}
    codes |= {f"{c}+hint" for c in codes}  # the variant with a hint, chosen by render() when a hint is given
    return codes - {"report.html", "records.parquet"}  # file names that look like codes


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_code_raised_has_a_message_in_both_languages():
    missing = sorted(c for c in _codes_in_source() if c not in MESSAGES and not c.endswith("+hint"))
    assert missing == []


def test_no_message_is_dead():
    used = _codes_in_source()
    assert sorted(c for c in MESSAGES if c not in used) == []


@pytest.mark.parametrize("code", sorted(MESSAGES))
def test_a_message_says_the_same_in_both_languages(code):
    vi, en = MESSAGES[code]
    assert vi.strip() and en.strip() and vi != en
    assert _fields(vi) == _fields(en), code


@pytest.mark.parametrize("key", sorted(LABELS))
def test_a_label_has_both_languages_with_the_same_parameters(key):
    vi, en = LABELS[key]
    assert vi.strip() and en.strip()
    assert _fields(vi) == _fields(en), key


def test_every_label_used_exists_and_every_label_is_used():
    code = _sources(ENGINE, ".py")
    templates = _sources(REPORTS, ".j2")
    used = set(re.findall(r'label\(\s*"([a-z_]+)"', code)) | set(re.findall(r"label\(\s*'([a-z_]+)'", code))
    used |= set(re.findall(r"\b(?:L|words)\.([a-z_]+)", templates)) | set(re.findall(r"w\[[\"']([a-z_]+)[\"']\]", code))
    used |= {s.value for s in Status}  # label(f.status)
    used |= {"no_submission", "no_figure", "merged_percent_only", "merged_missing"}  # label(point.reason)
    used |= {"on_track", "off_track", "verified", "unverified"}  # label(a if b else c)
    used |= {f"unit_kind_{k.value}" for k in UnitKind}  # label(f"unit_kind_{kind}")
    used |= {"translated_from_en", "translated_from_vi", "scope_province", "scope_ministry"}  # by language, scope
    used |= {f"reason_{r}" for r in REASONS}  # compute's reasons for leaving a row out
    used |= {f"col_{k}" for k in (*tabular._FINDING, *tabular._FIGURE, *tabular._COUNT, *tabular._ISSUE)}
    used |= {f"source_{s.value}" for s in Source} | {
        f"count_source_{s}" for s in ("reported", "sum", "implied", "flow")
    }
    assert sorted(used - set(LABELS)) == []
    assert sorted(set(LABELS) - used) == []


def test_an_unknown_code_is_a_bug_not_a_message():
    with pytest.raises(KeyError):
        render(Problem("no.such_code"), "vi")
