"""`tthc-check targets`: the catalogue of targets with their instruments and how sure we are of them."""

from __future__ import annotations

import json

from engine.catalogue import Catalogue
from engine.text import cite, fmt

_HEAD = {
    "vi": ("Mã", "Chỉ số", "Ngưỡng", "Áp dụng", "Hạn", "Phạm vi", "Văn bản", "Tin cậy", "Kiểm chứng"),
    "en": ("Id", "Metric", "Threshold", "Applies", "Deadline", "Scope", "Instrument", "Confidence", "Verified"),
}


def _instrument(cat: Catalogue, iid: str, lang: str) -> str:
    ins = cat.instruments[iid]
    text = cite.instrument(ins, lang)
    return f"{text}: {ins.source}" if ins.number is None else text


def _rows(cat: Catalogue, lang: str) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = [_HEAD[lang]]
    yes, no = ("có", "chưa") if lang == "vi" else ("yes", "no")
    for t in sorted(cat.targets.values(), key=lambda t: (t.applies.end, t.id)):
        rows.append(
            (
                t.id,
                t.metric,
                fmt.threshold(t.threshold.op, t.threshold.value, cat.metrics[t.metric].unit, lang),
                f"{t.applies.start:%d/%m/%Y}–{t.applies.end:%d/%m/%Y}",
                f"{t.deadline:%d/%m/%Y}",
                ",".join(t.scope),
                _instrument(cat, t.instrument, lang),
                t.confidence,
                yes if t.verified else no,
            )
        )
    return rows


def catalogue_markdown(cat: Catalogue, lang: str) -> str:
    rows = [[c.replace("|", "\\|") for c in r] for r in _rows(cat, lang)]
    lines = ["| " + " | ".join(r) + " |" for r in rows]
    lines.insert(1, "|" + "---|" * len(rows[0]))
    return "\n".join(lines) + "\n"


def catalogue_table(cat: Catalogue, lang: str) -> str:
    rows = _rows(cat, lang)
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    lines = ["  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip() for r in rows]
    lines.insert(1, "  ".join("-" * w for w in widths))
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
                    "title": ins.title.get(lang),
                    "source": ins.source,
                },
                "confidence": t.confidence,
                "verified": t.verified,
                "responsible": {"lead": t.responsible.lead, "support": list(t.responsible.support)},
            }
        )
    return (
        json.dumps({"schema": "tthc-check/targets/1", "targets": out}, ensure_ascii=False, indent=2, sort_keys=True)
        + "\n"
    )
