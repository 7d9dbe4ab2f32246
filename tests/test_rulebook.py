"""Rules are data in a readable form, validated when loaded: an unknown alias, fact, field, metric or action is
an error with file and line (durable_rules itself would treat an unknown alias as always true)."""

from __future__ import annotations

import os
import shutil

import pytest

from engine.check.checker import Checker, build_checker
from engine.check.evaluate import evaluate
from engine.errors import RuleError
from engine.model.submission import load_submission
from engine.rules.durable_adapter import RulesEngine, definition
from engine.rules.rulebook import FieldTest, Join, Pattern, load_rulebook

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")

RULE = """rules:
  - id: {id}
    description: {{vi: x, en: x}}
    when:
{when}
    then: {then}
"""


def _load(tmp_path, catalogue, when, then="{action: set_status, status: met}", rid="r1"):
    folder = tmp_path / "rules"
    folder.mkdir(exist_ok=True)
    (folder / "a.yaml").write_text(RULE.format(id=rid, when=when, then=then), encoding="utf-8")
    return load_rulebook(str(folder), catalogue)


def _codes(tmp_path, catalogue, when, then="{action: set_status, status: met}"):
    with pytest.raises(RuleError) as err:
        _load(tmp_path, catalogue, when, then)
    return [(p.location.line, p.code, p.params.get("suggestion")) for p in err.value.problems]


def test_compiles_to_patterns_without_the_engine_syntax(tmp_path, catalogue):
    book = _load(
        tmp_path,
        catalogue,
        "      - m: {fact: measurement, metric: {in: [on_time_rate, sipas]}, meets_threshold: true}\n"
        "      - not: {fact: waiver, target: {same_as: m.target}}",
    )
    rule = book.rules["r1"]
    assert rule.patterns == (
        Pattern(
            "measurement",
            (FieldTest("metric", "in", ("on_time_rate", "sipas")), FieldTest("meets_threshold", "eq", True)),
            "m",
        ),
        Pattern("waiver", (Join("target", "m", "target"),), None, negated=True),
    )
    assert (rule.action, rule.params, rule.slots) == ("set_status", {"status": "met"}, {"subject": "m"})


def test_the_adapter_alone_writes_durable_rules_syntax(tmp_path, catalogue):
    book = _load(
        tmp_path,
        catalogue,
        "      - m: {fact: measurement, metric: {in: [on_time_rate, sipas]}, meets_threshold: true}\n"
        "      - not: {fact: waiver, target: {same_as: m.target}}",
    )
    assert definition(book.rules["r1"]) == {
        "all": [
            {
                "m": {
                    "$and": [
                        {"kind": "measurement"},
                        {"$or": [{"metric": "on_time_rate"}, {"metric": "sipas"}]},
                        {"meets_threshold": True},
                    ]
                }
            },
            {"n1$not": {"$and": [{"kind": "waiver"}, {"target": {"m": "target"}}]}},
        ]
    }


@pytest.mark.parametrize(
    "when,then,expected",
    [
        ("      - m: {fact: measurement, target: {same_as: t.target}}", None, [(5, "rules.unknown_alias", None)]),
        (
            "      - m: {fact: measurement, metric: online_paymnt_rate}",
            None,
            [(5, "rules.unknown_metric", "online_payment_rate")],
        ),
        ("      - m: {fact: measurement, meets: true}", None, [(5, "rules.unknown_field", "meets_threshold")]),
        ("      - m: {fact: measurement, meets_threshold: yes please}", None, [(5, "rules.bad_value", None)]),
        ("      - m: {fact: measurement, source: {like: x}}", None, [(5, "rules.unknown_operator", None)]),
        ("      - m: {fact: measurement}", "{action: set_status, status: done}", [(6, "rules.bad_value", None)]),
        (
            "      - m: {fact: measurement}",
            "{action: set_stauts, status: met}",
            [(6, "rules.unknown_action", "set_status")],
        ),
        ("      - m: {fact: finding}", "{action: assign_responsible}", [(6, "rules.action_needs", None)]),
        ("      - m: {fact: measurement}", "{action: set_status}", [(6, "rules.missing_param", None)]),
        ("      - m: {fact: measurement, target: cp2099}", None, [(5, "rules.unknown_target", None)]),
    ],
)
def test_rule_errors_name_the_line(tmp_path, catalogue, when, then, expected):
    assert _codes(tmp_path, catalogue, when, then or "{action: set_status, status: met}") == expected


def test_duplicate_rule_ids_across_files(tmp_path, catalogue):
    folder = tmp_path / "rules"
    shutil.copytree(os.path.join(ROOT, "rules"), folder)
    shutil.copy(folder / "status.yaml", folder / "status-copy.yaml")
    with pytest.raises(RuleError) as err:
        load_rulebook(str(folder), catalogue)
    assert {p.code for p in err.value.problems} == {"rules.duplicate_id"}
    copied = load_rulebook(os.path.join(ROOT, "rules"), catalogue)
    in_status = {r.id for r in copied.rules.values() if r.location.file.endswith("status.yaml")}
    assert {p.params["id"] for p in err.value.problems} == in_status  # each rule of the copy, once


def test_rules_that_give_no_status_are_an_error(tmp_path, catalogue):
    folder = tmp_path / "rules"
    shutil.copytree(os.path.join(ROOT, "rules"), folder)
    text = (folder / "status.yaml").read_text(encoding="utf-8")
    (folder / "status.yaml").write_text(
        text.replace("status-met", "status-met-off").replace(
            "meets_threshold: true}", "meets_threshold: true, source: stated}"
        ),
        encoding="utf-8",
    )
    engine = RulesEngine(load_rulebook(str(folder), catalogue))
    sub = load_submission(os.path.join(EXAMPLES, "ha-giang-2024.yaml"), catalogue)
    with pytest.raises(RuleError) as err:
        evaluate(sub, catalogue, engine)
    assert {(p.code, p.params["target"], p.params["count"]) for p in err.value.problems} == {
        ("rules.status_count", "cp2024-online-payment", 0),
        ("rules.status_count", "nq76-portal-services", 0),
    }


def test_a_finer_per_unit_rule_names_only_communes(tmp_path, catalogue):
    """units_below names every unit below; a rule of one's own can look at each unit, e.g. communes only."""
    folder = tmp_path / "rules"
    shutil.copytree(os.path.join(ROOT, "rules"), folder)
    text = (folder / "responsibility.yaml").read_text(encoding="utf-8")
    start = text.index("  - id: units-behind")
    (folder / "responsibility.yaml").write_text(
        text[:start]
        + """  - id: communes-behind
    description: {vi: x, en: x}
    when:
      - f: {fact: finding, status: {in: [at_risk, missed]}}
      - u: {fact: unit_measurement, target: {same_as: f.target}, meets_threshold: false, unit_kind: commune}
    then: {action: name_unit_behind}
""",
        encoding="utf-8",
    )
    book = load_rulebook(str(folder), catalogue)
    assert "unit_measurement" in book.fact_kinds() and "units_below" not in book.fact_kinds()
    checker = Checker(catalogue, RulesEngine(book))
    text = """province: Hà Giang
period: 2024-06
indicators:
  online_payment_rate: {numerator: 300, denominator: 1000}
units:
  - {name: Sở Tư pháp, kind: department, indicators: {online_payment_rate: {numerator: 40, denominator: 210}}}
  - {name: Sở Xây dựng, kind: department, indicators: {online_payment_rate: {numerator: 200, denominator: 290}}}
  - {name: Xã Minh Tân, kind: commune, indicators: {online_payment_rate: {numerator: 60, denominator: 500}}}
"""
    finding = {f.target.id: f for f in checker.check_text(text, "s.yaml").findings}["cp2024-online-payment"]
    assert [(u.name, u.shortfall) for u in finding.units_behind] == [("Xã Minh Tân", 165)]
    shipped = {f.target.id: f for f in build_checker().check_text(text, "s.yaml").findings}["cp2024-online-payment"]
    assert [(u.name, u.shortfall) for u in shipped.units_behind] == [("Xã Minh Tân", 165), ("Sở Tư pháp", 55)]


def test_a_list_field_cannot_be_tested(tmp_path, catalogue):
    assert _codes(
        tmp_path,
        catalogue,
        "      - f: {fact: finding}\n      - u: {fact: units_below, units: x}",
        "{action: name_units_behind}",
    ) == [(6, "rules.list_field", None)]
