"""The JSON result: a documented, versioned contract (schema "tthc-check/result/1", see README).

Percent and point values are rounded half up to two decimals; statuses come from the exact values. Keys are
sorted and the output ends with a newline, so the same inputs give byte-identical files.
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from engine.catalogue import Catalogue
from engine.check.counts import Count
from engine.check.figures import Figure
from engine.check.result import Agency, FileResult, Finding, RunResult
from engine.text.fmt import round2, round_gap
from engine.text.messages import render
from engine.vocabulary import Scope

SCHEMA = "tthc-check/result/1"


def _num(value: Decimal | None) -> Any:
    if value is None:
        return None
    exponent = value.as_tuple().exponent
    whole = value == value.to_integral_value() and isinstance(exponent, int) and exponent >= 0
    return int(value) if whole else float(value)


def _figure(fig: Figure) -> dict[str, Any]:
    out = {
        "value": _num(round2(fig.value)),
        "numerator": fig.numerator,
        "denominator": fig.denominator,
        "source": fig.source,
    }
    if fig.rank is not None:
        out["rank"] = fig.rank
        out["rank_of"] = fig.rank_of
    return out


def _counts(counts: dict[str, Count]) -> dict[str, Any]:
    return {c: {"value": n.value, "source": n.source} for c, n in sorted(counts.items())}


def _agency(a: Agency, lang: str) -> dict[str, str]:
    return {"role": a.role, "name": a.name(lang)}


def _finding(f: Finding, lang: str) -> dict[str, Any]:
    ins = f.instrument
    return {
        "target": f.target.id,
        "metric": f.target.metric,
        "status": f.status,
        "value": _num(round2(f.figure.value)) if f.figure else None,
        "threshold": _num(f.target.threshold.value),
        "op": f.target.threshold.op,
        "gap_points": _num(round_gap(f.gap)) if f.gap is not None else None,
        "shortfall": f.shortfall,
        "deadline": f.target.deadline.isoformat(),
        "instrument": {
            "id": ins.id,
            "number": ins.number,
            "date": ins.date.isoformat() if ins.date else None,
            "issuer": ins.issuer.get(lang),
        },
        "confidence": f.target.confidence,
        "verified": f.target.verified,
        "responsible": {
            "lead": _agency(f.lead, lang) if f.lead else None,
            "support": [_agency(a, lang) for a in f.support],
        },
        "units_behind": [
            {"name": u.name, "value": _num(round2(u.value)), "shortfall": u.shortfall} for u in f.units_behind
        ],
        "rules": list(f.rules),
        "local": f.target.local,
        "not_judged": {
            "code": f.not_judged.code,
            "line": f.not_judged.location.line,
            "path": f.not_judged.location.path,
        }
        if f.not_judged
        else None,
        "waiver": _waiver(f),
    }


def _waiver(f: Finding) -> dict[str, Any] | None:
    if f.waiver is None:
        return None
    w = f.waiver.spec
    return {
        "authority": w.authority,
        "number": w.document.number,
        "date": w.document.date.isoformat(),
        "expires": w.expires.isoformat(),
        "justification": w.justification,
    }


def _body(r: FileResult, scope: Scope) -> dict[str, str] | None:
    return {"code": r.body.code, "name": r.body.display} if r.body and r.body.scope == scope else None


def file_dict(r: FileResult, lang: str) -> dict[str, Any]:
    return {
        "file": r.file,
        "province": _body(r, Scope.PROVINCE),
        "ministry": _body(r, Scope.MINISTRY),
        "period": r.period.label if r.period else None,
        "start": r.period.start.isoformat() if r.period else None,
        "end": r.period.end.isoformat() if r.period else None,
        "as_of": r.as_of.isoformat() if r.as_of else None,
        "indicators": {m: _figure(f) for m, f in sorted(r.indicators.items())},
        "counts": _counts(r.counts),
        "findings": [_finding(f, lang) for f in r.findings],
        "units": [
            {
                "name": u.name,
                "kind": u.kind,
                "indicators": {m: _figure(f) for m, f in u.indicators.items()},
                "counts": _counts(u.counts),
            }
            for u in r.units
        ],
        "issues": [
            {
                "severity": p.severity,
                "code": p.code,
                "message": render(p, lang),
                "file": p.location.file,
                "line": p.location.line,
                "column": p.location.column,
                "path": p.location.path,
                **({"cell": p.location.cell} if p.location.cell else {}),
            }
            for p in r.issues
        ],
    }


def report_json(run: RunResult, cat: Catalogue | None, lang: str) -> str:
    doc = {"schema": SCHEMA, "results": [file_dict(r, lang) for r in run.files]}
    return json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
