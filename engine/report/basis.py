"""The reports' appendix: the legal basis of every target shown, instrument by instrument, each target as its
source words it, where that was read, and how sure we are of it."""

from __future__ import annotations

from dataclasses import dataclass

from engine.catalogue import Catalogue
from engine.check.result import Finding
from engine.text import cite, fmt
from engine.text.labels import label


@dataclass(frozen=True)
class BasisTarget:
    target: str  # "Tỷ lệ thanh toán trực tuyến ≥ 45 %"
    wording: str  # quoted, a translation marked as one
    source: str
    confidence: str  # "M · chưa kiểm chứng văn bản"
    note: str


@dataclass(frozen=True)
class Basis:
    instrument: str  # issuer, title, number and date, signer, how sure its identity is
    targets: list[BasisTarget]


def appendix(findings: list[Finding], cat: Catalogue, lang: str) -> list[Basis]:
    by_instrument: dict[str, list[Finding]] = {}
    for f in sorted(findings, key=lambda f: (f.instrument.id, f.target.id)):
        if all(g.target.id != f.target.id for g in by_instrument.get(f.instrument.id, [])):
            by_instrument.setdefault(f.instrument.id, []).append(f)
    return [
        Basis(cite.instrument_full(fs[0].instrument, lang), [_target(f, cat, lang) for f in fs])
        for fs in by_instrument.values()
    ]


def _target(f: Finding, cat: Catalogue, lang: str) -> BasisTarget:
    t = f.target
    return BasisTarget(
        target=f"{cat.metrics[t.metric].name.get(lang)} {fmt.threshold(t.threshold.op, t.threshold.value, f.unit, lang)}",
        wording=cite.wording(t, lang),
        source=t.source or f.instrument.source,
        confidence=f"{t.confidence} · {label('verified' if t.verified else 'unverified', lang)}",
        note=t.note.get(lang) if t.note else "",
    )
