"""Writes the example history: plausible monthly submissions, made up (no real figures), deterministic.

    python examples/history/generate.py          # rewrites examples/history/2024 and 2025

- 2024: Hà Giang, Yên Bái, Lào Cai and Phú Thọ, January to November, and Hà Giang's December: the record behind
  the meeting of four provinces (seed 000: 12/12/2024) and Hà Giang's monthly reports.
- 2025: Tuyên Quang across the merger of 1/7/2025: before it, the former Tuyên Quang and Hà Giang report
  separately (Hà Giang's May portal figure only as a percentage, so that series breaks there); after it, the
  merged Tuyên Quang. Each month has a unit breakdown whose counts add up to the province's.
"""

from __future__ import annotations

import os
import random

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))

# province: (slug, payment rate in January and monthly gain, online dossiers share, payments a month, procedures)
PROVINCES_2024 = {
    "Hà Giang": ("ha-giang", 0.36, 0.021, 0.42, 160, 1952),
    "Yên Bái": ("yen-bai", 0.30, 0.012, 0.35, 210, 1890),
    "Lào Cai": ("lao-cai", 0.41, 0.010, 0.51, 260, 1972),
    "Phú Thọ": ("phu-tho", 0.28, 0.018, 0.38, 390, 2011),
}
UNITS = [
    ("Trung tâm Phục vụ hành chính công tỉnh", "centre", 0.45),
    ("Sở Tư pháp", "department", 0.15),
    ("Sở Xây dựng", "department", 0.15),
    ("Xã Minh Tân", "commune", 0.25),
]


def _split(total: int, shares: list[float], rng: random.Random) -> list[int]:
    parts = [int(total * s * rng.uniform(0.9, 1.1)) for s in shares[:-1]]
    return [*parts, total - sum(parts)]


def _month(
    province: str,
    period: str,
    rng: random.Random,
    pay_rate: float,
    dossier_share: float,
    payments: int,
    procedures: int,
    on_portal: int,
    percent_only_portal: bool = False,
) -> dict:
    pays = int(payments * rng.uniform(0.85, 1.15))
    received = int(payments * 9 * rng.uniform(0.9, 1.1))
    online = int(received * min(dossier_share, 0.95))
    unit_pays = _split(pays, [u[2] for u in UNITS], rng)
    unit_received = _split(received, [u[2] for u in UNITS], rng)
    units = []
    online_left, pay_online_total = online, 0
    for i, ((name, kind, _), p, r) in enumerate(zip(UNITS, unit_pays, unit_received, strict=True)):
        # the communes lag behind: a lower online share and fewer online payments
        factor = 0.55 if kind == "commune" else rng.uniform(0.95, 1.25)
        rate = min(pay_rate * factor, 0.97)
        p_online = int(p * rate)
        pay_online_total += p_online
        u_online = min(int(r * min(dossier_share * factor, 0.95)), online_left) if i < len(UNITS) - 1 else online_left
        online_left -= u_online
        units.append(
            {
                "name": name,
                "kind": kind,
                "indicators": {"online_payment_rate": {"numerator": p_online, "denominator": p}},
                "counts": {"dossiers_received_online": u_online, "dossiers_received_offline": r - u_online},
            }
        )
    portal = (
        {"value": round(on_portal * 100 / procedures, 2)}
        if percent_only_portal
        else {"numerator": on_portal, "denominator": procedures}
    )
    return {
        "province": province,
        "period": period,
        "indicators": {
            "online_payment_rate": {"numerator": pay_online_total, "denominator": pays},
            "portal_service_rate": portal,
        },
        "counts": {"dossiers_received_online": online, "dossiers_received_offline": received - online},
        "units": units,
    }


def _write(folder: str, name: str, doc: dict) -> None:
    os.makedirs(folder, exist_ok=True)
    header = "# yaml-language-server: $schema=../../../schema/submission.schema.json\n"
    header += "# Minh họa / illustrative: made-up figures written by examples/history/generate.py\n"
    with open(os.path.join(folder, name), "w", encoding="utf-8", newline="\n") as fh:
        fh.write(header + yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=120))


def main() -> None:
    rng = random.Random(20241212)
    for province, (slug, rate, gain, share, payments, procedures) in PROVINCES_2024.items():
        last = 12 if slug == "ha-giang" else 11
        on_portal = int(procedures * 0.78)
        for m in range(1, last + 1):
            on_portal = min(procedures, on_portal + rng.randint(3, 14))
            doc = _month(
                province,
                f"2024-{m:02d}",
                rng,
                rate + gain * (m - 1),
                share + 0.012 * m,
                payments,
                procedures,
                on_portal,
            )
            _write(os.path.join(HERE, "2024"), f"{slug}-2024-{m:02d}.yaml", doc)
    rng = random.Random(20250701)
    before = {"Tuyên Quang": ("tuyen-quang-cu", 0.44, 0.55, 230, 1890), "Hà Giang": ("ha-giang", 0.61, 0.62, 170, 1952)}
    portal = {name: int(v[4] * 0.9) for name, v in before.items()}
    for m in range(1, 7):
        for province, (slug, rate, share, payments, procedures) in before.items():
            portal[province] = min(procedures, portal[province] + rng.randint(5, 20))
            doc = _month(
                province,
                f"2025-{m:02d}",
                rng,
                rate + 0.01 * m,
                share + 0.01 * m,
                payments,
                procedures,
                portal[province],
                percent_only_portal=(province == "Hà Giang" and m == 5),
            )
            _write(os.path.join(HERE, "2025"), f"{slug}-2025-{m:02d}.yaml", doc)
    merged_portal = sum(portal.values())
    for m in range(7, 13):
        merged_portal = min(3842, merged_portal + rng.randint(10, 30))
        doc = _month("Tuyên Quang", f"2025-{m:02d}", rng, 0.52 + 0.012 * m, 0.60 + 0.015 * m, 400, 3842, merged_portal)
        _write(os.path.join(HERE, "2025"), f"tuyen-quang-2025-{m:02d}.yaml", doc)


if __name__ == "__main__":
    main()
