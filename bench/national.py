"""A generated national batch: 34 provinces × 12 months, about 100 units each, deterministic (seeded).

The figures are synthetic; they only exercise the checker at national scale.
"""

from __future__ import annotations

import random

import yaml

MONTHS = [f"2025-{m:02d}" for m in range(7, 13)] + [f"2026-{m:02d}" for m in range(1, 7)]
RATE_METRICS = ("portal_service_rate", "full_online_service_rate", "level34_service_rate", "online_fee_procedure_rate")


def _flow(rng: random.Random) -> dict[str, int]:
    online, offline, carried = rng.randint(50, 3000), rng.randint(20, 2000), rng.randint(0, 300)
    total = online + offline + carried
    early = rng.randint(0, total // 3)
    late = rng.randint(0, total // 50)
    pending = rng.randint(0, total // 10)
    overdue = rng.randint(0, pending // 10)
    returned = rng.randint(0, total // 100)
    on_time = total - early - late - pending - returned
    return {
        "dossiers_carried_over": carried,
        "dossiers_received_online": online,
        "dossiers_received_offline": offline,
        "dossiers_resolved_early": early,
        "dossiers_resolved_on_time": on_time,
        "dossiers_resolved_late": late,
        "dossiers_pending_in_time": pending - overdue,
        "dossiers_pending_overdue": overdue,
        "dossiers_returned": returned,
    }


def submission(province: str, month: str, units: int, rng: random.Random) -> dict:
    unit_rows, totals = [], {}
    rate_totals = {m: [0, 0] for m in RATE_METRICS}
    for i in range(units):
        flow = _flow(rng)
        for key, value in flow.items():
            totals[key] = totals.get(key, 0) + value
        indicators = {}
        for metric in RATE_METRICS:
            den = rng.randint(20, 200)
            num = rng.randint(den // 2, den)
            indicators[metric] = {"numerator": num, "denominator": den}
            rate_totals[metric][0] += num
            rate_totals[metric][1] += den
        kind = "department" if i < 15 else ("centre" if i == 15 else "commune")
        unit_rows.append({"name": f"Đơn vị {i + 1:03d}", "kind": kind, "indicators": indicators, "counts": flow})
    return {
        "province": province,
        "period": month,
        "indicators": {m: {"numerator": n, "denominator": d} for m, (n, d) in rate_totals.items()},
        "counts": totals,
        "units": unit_rows,
    }


MONTHS_24 = [f"2024-{m:02d}" for m in range(7, 13)] + [f"2025-{m:02d}" for m in range(1, 7)] + MONTHS


def batch(
    provinces: list[str], seed: int = 20251231, units: int = 100, months: list[str] = MONTHS
) -> list[tuple[str, str]]:
    """(name, YAML text) for every province and month."""
    rng = random.Random(seed)
    out = []
    for province in provinces:
        for month in months:
            doc = submission(province, month, units, rng)
            out.append((f"{province}-{month}.yaml", yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)))
    return out
