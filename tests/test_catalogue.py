"""The catalogue is data, validated when loaded: the contract ids are there, every target cites its instrument
and confidence, and a broken catalogue is refused with file and line."""

from __future__ import annotations

import os
import shutil

import pytest

from engine.catalogue import load_catalogue
from engine.errors import CatalogueError

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

CONTRACT_METRICS = {
    "online_payment_rate",
    "portal_service_rate",
    "full_online_service_rate",
    "online_dossier_rate",
    "on_time_rate",
    "digitization_rate",
    "electronic_result_rate",
    "time_cut_procedure_rate",
    "feedback_resolution_rate",
    "essential_service_rate",
    "plan_activity_rate",
    "satisfaction_rate",
    "index_766_score",
    "par_index",
    "sipas",
}
DOSSIER_FLOW = {
    "dossiers_carried_over",
    "dossiers_received_online",
    "dossiers_received_offline",
    "dossiers_resolved_early",
    "dossiers_resolved_on_time",
    "dossiers_resolved_late",
    "dossiers_pending_in_time",
    "dossiers_pending_overdue",
    "dossiers_returned",
}


def test_contract_ids(catalogue):
    assert CONTRACT_METRICS <= set(catalogue.metrics)
    assert DOSSIER_FLOW | {
        "procedures_published",
        "procedures_published_new",
        "procedures_published_amended",
        "procedures_published_abolished",
    } <= set(catalogue.counts)
    flow = catalogue.balances["dossier_flow"]
    nodes, stack = set(), list(flow.left + flow.right)
    while stack:  # each term of the flow, down to the counts reports give at the finest level
        c = stack.pop()
        nodes.add(c)
        stack.extend(catalogue.totals[c].parts if c in catalogue.totals else [])
    assert DOSSIER_FLOW <= nodes
    assert catalogue.metrics["on_time_rate"].formula and catalogue.metrics["online_dossier_rate"].formula


def test_targets_cite_instrument_and_confidence(catalogue):
    for t in catalogue.targets.values():
        ins = catalogue.instruments[t.instrument]
        assert ins.source and ins.issuer.vi and t.confidence in "HML"
        assert not t.verified  # DOMAIN.md: no target's legal text has been read yet (all M)


def test_agency_names_follow_the_2025_merger(catalogue):
    from datetime import date

    role = catalogue.roles["digital_transformation"]
    assert role.agency_at(date(2025, 2, 28)).name.vi == "Sở Thông tin và Truyền thông"
    assert role.agency_at(date(2025, 3, 1)).name.vi == "Sở Khoa học và Công nghệ"


@pytest.fixture
def broken(tmp_path):
    folder = tmp_path / "targets"
    shutil.copytree(os.path.join(ROOT, "targets"), folder)
    return folder


def _problems(folder):
    with pytest.raises(CatalogueError) as err:
        load_catalogue(str(folder))
    return [
        (os.path.basename(p.location.file), p.location.line, p.code, p.params.get("suggestion"))
        for p in err.value.problems
    ]


def _line_of(path, text: str) -> int:
    """The line (1-based) where text first occurs in a file: the tests do not pin the shipped files' layout."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, start=1) if text in line)


def test_unknown_metric_in_target(broken):
    path = broken / "targets.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("metric: online_payment_rate", "metric: online_paymnt_rate", 1),
        encoding="utf-8",
    )
    line = _line_of(path, "metric: online_paymnt_rate")
    assert _problems(broken) == [("targets.yaml", line, "catalogue.unknown_metric", "online_payment_rate")]


def test_two_targets_with_one_id(broken):
    (broken / "extra.yaml").write_text(
        "targets:\n  - id: cp2024-online-payment\n    metric: online_payment_rate\n    threshold: {op: '>=', value: 50}\n"
        "    applies: {from: 2024-01-01, to: 2024-12-31}\n    deadline: 2024-12-31\n    scope: [province]\n"
        "    instrument: nq-76-2021\n    confidence: L\n    verified: false\n    responsible: {lead: finance}\n"
        "    wording: {vi: x, en: x}\n    source: a test\n",
        encoding="utf-8",
    )
    with pytest.raises(CatalogueError) as err:
        load_catalogue(str(broken))
    (problem,) = err.value.problems
    assert (os.path.basename(problem.location.file), problem.location.line, problem.code) == (
        "targets.yaml",
        _line_of(broken / "targets.yaml", "- id: cp2024-online-payment"),
        "catalogue.duplicate_id",
    )
    assert problem.params["first"].endswith("extra.yaml:2")


def test_unknown_key_in_target(broken):
    path = broken / "targets.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("    deadline: 2023-12-31\n", "    dealine: 2023-12-31\n", 1),
        encoding="utf-8",
    )
    got = _problems(broken)
    assert ("targets.yaml", _line_of(path, "dealine:"), "field.unknown", "deadline") in got
    assert any(code == "field.missing" for _, _, code, _ in got)
