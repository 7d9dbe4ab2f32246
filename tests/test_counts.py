"""The dossier counts as reports give them: whatever mix of totals and parts a report gives of a consistent flow,
the same rates come out and every implied count is the true one; a count altered where a relation checks it is an
error; and the flow implies its one missing term."""

from __future__ import annotations

from fractions import Fraction

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

SETTINGS = settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
LEAVES = [
    "dossiers_carried_over",
    "dossiers_received_online",
    "dossiers_received_in_person",
    "dossiers_received_by_post",
    "dossiers_resolved_early",
    "dossiers_resolved_on_time",
    "dossiers_resolved_late",
    "dossiers_pending_in_time",
    "dossiers_pending_overdue",
    "dossiers_returned",
]
# a total and its parts, from the finest level up
TREE = {
    "dossiers_received_offline": ["dossiers_received_in_person", "dossiers_received_by_post"],
    "dossiers_received": ["dossiers_received_online", "dossiers_received_offline"],
    "dossiers_resolved_on_time_or_early": ["dossiers_resolved_early", "dossiers_resolved_on_time"],
    "dossiers_resolved": ["dossiers_resolved_on_time_or_early", "dossiers_resolved_late"],
    "dossiers_pending": ["dossiers_pending_in_time", "dossiers_pending_overdue"],
}


@st.composite
def consistent_flows(draw):
    """Leaf counts of a flow that balances (carried over + received = resolved + pending + returned)."""
    carried, online, person, post = (draw(st.integers(0, 10**6)) for _ in range(4))
    total = carried + online + person + post
    cuts = sorted(draw(st.integers(0, total)) for _ in range(5))
    early, on_time, late, in_time, overdue, returned = (b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True))
    values = dict(
        zip(LEAVES, [carried, online, person, post, early, on_time, late, in_time, overdue, returned], strict=True)
    )
    for node, parts in TREE.items():
        values[node] = sum(values[p] for p in parts)
    return values


@st.composite
def as_reported(draw):
    """The same flow as a report might give it: for each total, its parts, the total, the total with one part, or
    the total with all its parts; returned given or not (then the flow implies it)."""
    values = draw(consistent_flows())
    given = {"dossiers_carried_over": values["dossiers_carried_over"]}
    for node in ("dossiers_received", "dossiers_resolved", "dossiers_pending"):
        _give(draw, node, values, given)
    if draw(st.booleans()):
        given["dossiers_returned"] = values["dossiers_returned"]
    return values, given


def _give(draw, node, values, given):
    parts = TREE.get(node)
    choice = draw(st.sampled_from(["total", "total+part", "both", "parts"])) if parts else "total"
    if choice != "parts":
        given[node] = values[node]
    if choice == "total+part":
        part = draw(st.sampled_from(parts))
        given[part] = values[part]
    if choice in ("both", "parts"):
        for part in parts:
            _give(draw, part, values, given)


def _check(checker, counts):
    text = yaml.safe_dump({"province": "An Giang", "period": "2021-Q2", "counts": counts})
    return checker.check_text(text, "s.yaml")


@SETTINGS
@given(case=as_reported())
def test_any_mix_of_totals_and_parts_gives_the_same_rates(checker, case):
    values, given = case
    r = _check(checker, given)
    assert [p for p in r.issues if p.severity == "error"] == []
    on_time = r.indicators.get("on_time_rate")
    if values["dossiers_resolved"] and "dossiers_resolved_on_time_or_early" in r.counts:
        assert on_time.value == Fraction(
            100 * values["dossiers_resolved_on_time_or_early"], values["dossiers_resolved"]
        )
    online = r.indicators.get("online_dossier_rate")
    if values["dossiers_received"] and "dossiers_received_online" in r.counts:
        assert online.value == Fraction(100 * values["dossiers_received_online"], values["dossiers_received"])
    for cid, count in r.counts.items():  # every count known, whether given, summed or implied, is the true one
        assert count.value == values[cid], cid


@SETTINGS
@given(values=consistent_flows(), data=st.data())
def test_with_every_leaf_given_any_altered_count_breaks_the_flow(checker, values, data):
    given = {c: values[c] for c in LEAVES}
    target = data.draw(st.sampled_from(LEAVES))
    r = _check(checker, {**given, target: given[target] + data.draw(st.integers(1, 1000))})
    assert "balance.broken" in [p.code for p in r.issues]
    assert "on_time_rate" not in r.indicators and "online_dossier_rate" not in r.indicators  # broken: not used


@SETTINGS
@given(values=consistent_flows(), data=st.data())
def test_a_total_given_with_all_its_parts_must_equal_them(checker, values, data):
    node = data.draw(st.sampled_from(sorted(TREE)))
    given = {node: values[node] + data.draw(st.integers(1, 1000)), **{p: values[p] for p in TREE[node]}}
    assert "count.total_differs" in [p.code for p in _check(checker, given).issues]


def test_the_flow_implies_its_one_missing_term(checker):
    r = _check(
        checker,
        {"dossiers_carried_over": 10, "dossiers_received": 100, "dossiers_resolved": 80, "dossiers_pending": 25},
    )
    assert (r.counts["dossiers_returned"].value, r.counts["dossiers_returned"].source) == (5, "flow")
    assert [p.code for p in r.issues] == ["balance.implied"]
