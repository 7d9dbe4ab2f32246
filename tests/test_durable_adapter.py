"""The durable_rules adapter guards against what the research note measured, and against the crash we found."""

from __future__ import annotations

import pytest

from engine.rules.durable_adapter import RuleEngineFailure, RulesEngine, check_fact


def _facts(meets: bool, target: str = "cp2024-online-payment"):
    return [
        {"kind": "applicable_target", "target": target, "metric": "online_payment_rate"},
        {"kind": "assignment", "target": target, "role": "finance", "role_kind": "lead"},
        {
            "kind": "measurement",
            "target": target,
            "metric": "online_payment_rate",
            "meets_threshold": meets,
            "deadline_passed": True,
            "verifiable": True,
            "source": "reported",
        },
        {"kind": "end_of_submission"},
    ]


def _statuses(firings):
    return sorted((f.slots["subject"]["target"], f.params["status"]) for f in firings if f.action == "set_status")


def test_session_without_firing_is_deleted_safely(checker):
    # Regression: durable_rules' delete_state segfaulted on a session where no action had run (only an
    # end_of_submission fact waiting in a join). Thousands of such sessions in a row must be fine.
    for _ in range(2000):
        assert checker.engine.run([{"kind": "end_of_submission"}]) == []


def test_past_the_1024_live_session_limit_with_same_results(checker):
    first = _statuses(checker.engine.run(_facts(False)))
    for i in range(1500):
        assert _statuses(checker.engine.run(_facts(i % 2 == 0))) == (
            [("cp2024-online-payment", "met")] if i % 2 == 0 else first
        )
    assert first == [("cp2024-online-payment", "missed")]


def test_identical_facts_in_separate_evaluations_do_not_leak(checker):
    a = checker.engine.run(_facts(False))
    b = checker.engine.run(_facts(False))
    assert [(f.rule, f.slots) for f in a] == [(f.rule, f.slots) for f in b]


def test_threads_get_the_same_results(checker, in_threads):
    expected = _statuses(checker.engine.run(_facts(False)))
    results = in_threads(lambda: _statuses(checker.engine.run(_facts(False))), threads=4, times=200)
    assert len(results) == 800 and all(r == expected for r in results)


@pytest.mark.parametrize("value", [1e-05, 0.5, float("nan"), [1], {"a": 1}, 2**60])
def test_only_ints_bools_and_text_reach_the_engine(value):
    with pytest.raises(RuleEngineFailure):
        check_fact({"kind": "measurement", "x": value})


def test_text_is_nfc_before_the_engine():
    assert check_fact({"unit": "Sở Tư pha\u0301p"})["unit"] == "Sở Tư pháp"


def test_action_errors_are_raised_not_swallowed(checker, monkeypatch):
    import engine.rules.facts as facts

    def boom(params, slots):
        raise KeyError("oops")

    spec = facts.ACTIONS["set_status"]
    monkeypatch.setitem(facts.ACTIONS, "set_status", facts.ActionSpec(spec.params, spec.slots, boom))
    engine = RulesEngine(checker.engine.book)  # a fresh host picks up the patched action
    with pytest.raises(RuleEngineFailure, match="oops"):
        engine.run(_facts(True))
    with pytest.raises(RuleEngineFailure):  # and again: the failed session was cleaned up, not left half-open
        engine.run(_facts(True))
    assert _statuses(checker.engine.run(_facts(True))) == [("cp2024-online-payment", "met")]


def test_only_facts_some_rule_matches_are_converted_and_checked(checker):
    """A fact of a kind no rule matches is left out before it is converted (most of a submission's facts are per
    unit): a value the engine could not take is refused only on a fact that would reach it."""
    kinds = checker.engine.fact_kinds
    unmatched = next(k for k in ("unit_measurement", "units_below", "waiver") if k not in kinds)
    matched = "measurement"
    assert matched in kinds
    odd = {"kind": unmatched, "target": "cp2024-online-payment", "share": 0.5}  # a float: never sent
    assert _statuses(checker.engine.run([odd, *_facts(True)])) == [("cp2024-online-payment", "met")]
    with pytest.raises(RuleEngineFailure):
        checker.engine.run([{**_facts(True)[2], "share": 0.5}, *_facts(True)[3:]])
