"""`tthc-check targets`: the catalogue of targets with their instruments and how sure we are of them: a table, then
each target as its source words it, where that was read, its instrument in full and its note."""

from __future__ import annotations

import json

from engine.catalogue import Catalogue
from engine.catalogue.models import Target
from engine.text import cite, fmt
from engine.text.labels import label

_HEAD = {
    "vi": ("Mã", "Chỉ số", "Ngưỡng", "Áp dụng", "Hạn", "Phạm vi", "Văn bản", "Tin cậy", "Kiểm chứng"),
    "en": ("Id", "Metric", "Threshold", "Applies", "Deadline", "Scope", "Instrument", "Confidence", "Verified"),
}


def _ordered(cat: Catalogue) -> list[Target]:
    return sorted(cat.targets.values(), key=lambda t: (t.applies.end, t.id))


def _rows(cat: Catalogue, lang: str) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [_HEAD[lang]]
    yes, no = ("có", "chưa") if lang == "vi" else ("yes", "no")
    for t in _ordered(cat):
        rows.append(
            (
                t.id,
                t.metric,
                fmt.threshold(t.threshold.op, t.threshold.value, cat.metrics[t.metric].unit, lang),
                f"{t.applies.start:%d/%m/%Y}–{t.applies.end:%d/%m/%Y}",
                f"{t.deadline:%d/%m/%Y}",
                cite.scope(t, lang),
                cite.instrument(cat.instruments[t.instrument], lang),
                t.confidence,
                yes if t.verified else no,
            )
        )
    return rows


def _details(t: Target, cat: Catalogue, lang: str) -> list[str]:
    """What stands behind one target, a line each: its wording, where it was read, its instrument, its note."""
    lines = [
        f"{cat.metrics[t.metric].name.get(lang)}: {fmt.threshold(t.threshold.op, t.threshold.value, cat.metrics[t.metric].unit, lang)}"
    ]
    if t.wording is not None:
        lines.append(f"{label('wording', lang)}: {cite.wording(t, lang)}")
    if t.source:
        lines.append(f"{label('source', lang)}: {t.source}")
    lines.append(f"{label('instrument', lang)}: {cite.instrument_full(cat.instruments[t.instrument], lang)}")
    if t.note is not None:
        lines.append(f"{label('note', lang)}: {t.note.get(lang)}")
    return lines


def catalogue_markdown(cat: Catalogue, lang: str) -> str:
    rows = [[c.replace("|", "\\|") for c in r] for r in _rows(cat, lang)]
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    lines.insert(1, "|" + "---|" * len(rows[0]))
    for t in _ordered(cat):
        lines += ["", f"### {t.id}", ""] + [f"- {line}" for line in _details(t, cat, lang)]
    return "\n".join(lines) + "\n"


def catalogue_table(cat: Catalogue, lang: str) -> str:
    rows = _rows(cat, lang)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
    for t in _ordered(cat):
        lines += ["", t.id] + [f"  {line}" for line in _details(t, cat, lang)]
    return "\n".join(lines) + "\n"


def catalogue_json(cat: Catalogue, lang: str) -> str:
    out = []
    for t in sorted(cat.targets.values(), key=lambda t: t.id):
        ins = cat.instruments[t.instrument]
        out.append(
            {
                "id": t.id,
                "metric": t.metric,
                "op": t.threshold.op,
                "threshold": str(t.threshold.value),
                "applies": {"from": t.applies.start.isoformat(), "to": t.applies.end.isoformat()},
                "deadline": t.deadline.isoformat(),
                "scope": list(t.scope),
                "instrument": {
                    "id": ins.id,
                    "number": ins.number,
                    "date": ins.date.isoformat() if ins.date else None,
                    "issuer": ins.issuer.get(lang),
                    "signer": ins.signer,
                    "title": ins.title.get(lang),
                    "identity": ins.identity,
                    "source": ins.source,
                },
                "wording": t.wording.get(lang) if t.wording else None,
                "wording_read_in": t.wording_read_in,
                "source": t.source,
                "note": t.note.get(lang) if t.note else None,
                "confidence": t.confidence,
                "verified": t.verified,
                "responsible": {"lead": t.responsible.lead, "support": list(t.responsible.support)},
            }
        )
    return (
        json.dumps({"schema": "tthc-check/targets/1", "targets": out}, ensure_ascii=False, indent=2, sort_keys=True)
        + "\n"
    )
