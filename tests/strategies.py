"""Hypothesis strategies shared by the property tests and the fuzzing: submissions that are valid by construction."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

PERIODS = st.sampled_from(["2023", "2024", "2024-09", "2024-Q2", "2025-09", "2025-12", "2022-01/2022-09"])
PROVINCE = {
    "2023": "Hà Giang",
    "2024": "Hà Giang",
    "2024-09": "Hà Giang",
    "2024-Q2": "Hà Giang",
    "2025-09": "Tuyên Quang",
    "2025-12": "Lào Cai",
    "2022-01/2022-09": "Lào Cai",
}
METRICS = [
    "online_payment_rate",
    "portal_service_rate",
    "online_dossier_rate",
    "full_online_service_rate",
    "boundary_free_procedure_rate",
    "level34_service_rate",
    "online_fee_procedure_rate",
    "digitization_rate",
]


@st.composite
def fraction_figure(draw: Any) -> dict[str, int]:
    den = draw(st.integers(1, 10**7))
    return {"numerator": draw(st.integers(0, den)), "denominator": den}


@st.composite
def submissions(draw: Any) -> dict[str, Any]:
    period = draw(PERIODS)
    metrics = draw(st.lists(st.sampled_from(METRICS), unique=True, max_size=len(METRICS)))
    indicators = {m: draw(fraction_figure()) for m in metrics}
    units = []
    for i in range(draw(st.integers(0, 5))):
        units.append(
            {
                "name": f"Đơn vị {i}",
                "kind": draw(st.sampled_from(["department", "commune", "centre"])),
                "indicators": {
                    m: draw(fraction_figure())
                    for m in draw(st.lists(st.sampled_from(metrics or METRICS), unique=True, max_size=3))
                },
            }
        )
    doc = {"province": PROVINCE[period], "period": period, "indicators": indicators}
    if units:
        doc["units"] = units
    return doc
