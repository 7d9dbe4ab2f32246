"""Hypothesis properties: invariants of the evaluation that no example list can cover."""

from __future__ import annotations

import json
import os
import shutil

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import METRICS, PERIODS, PROVINCE, submissions

from engine.check.checker import Checker
from engine.output.json_result import file_dict
from engine.rules.durable_adapter import RulesEngine
from engine.rules.rulebook import load_rulebook
from engine.text.messages import render

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def dump(doc) -> str:
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def statuses(checker, doc):
    return checker.check_text(dump(doc), "s.yaml").statuses()


@SETTINGS
@given(period=PERIODS, den=st.integers(1, 10**6), data=st.data())
def test_more_numerator_never_turns_met_into_missed(checker, period, den, data):
    num = data.draw(st.integers(0, den))
    extra = data.draw(st.integers(0, den - num))
    metric = data.draw(st.sampled_from(METRICS))
    before = statuses(
        checker,
        {
            "province": PROVINCE[period],
            "period": period,
            "indicators": {metric: {"numerator": num, "denominator": den}},
        },
    )
    after = statuses(
        checker,
        {
            "province": PROVINCE[period],
            "period": period,
            "indicators": {metric: {"numerator": num + extra, "denominator": den}},
        },
    )
    assert before.keys() == after.keys()
    for target in before:
        if before[target] == "met":
            assert after[target] == "met"
        if before[target] == "at_risk":
            assert after[target] in ("at_risk", "met")


@SETTINGS
@given(doc=submissions(), seed=st.randoms(use_true_random=False))
def test_order_of_indicators_and_units_does_not_matter(checker, doc, seed):
    shuffled = dict(doc)
    items = list(doc["indicators"].items())
    seed.shuffle(items)
    shuffled["indicators"] = dict(items)
    if "units" in doc:
        shuffled["units"] = seed.sample(doc["units"], len(doc["units"]))
    a = file_dict(checker.check_text(dump(doc), "s.yaml"), "vi")
    b = file_dict(checker.check_text(dump(shuffled), "s.yaml"), "vi")
    for result in (a, b):  # issues stand where the figures stand in the file: compare what they say
        result["issues"] = sorted((i["code"], i["message"], i["path"] or "") for i in result["issues"])
        result["units"] = sorted(result["units"], key=lambda u: json.dumps(u, sort_keys=True))  # in the file's order
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)


def test_order_of_rule_files_does_not_matter(tmp_path, catalogue):
    """Rules split over files in another order, under other names, give the same results."""
    folder = tmp_path / "rules"
    folder.mkdir()
    for name in os.listdir(os.path.join(ROOT, "rules")):
        shutil.copy(
            os.path.join(ROOT, "rules", name), folder / f"z-{name}" if name.startswith("s") else folder / f"a-{name}"
        )
    other = Checker(catalogue, RulesEngine(load_rulebook(str(folder), catalogue)))
    from engine.check.checker import build_checker

    shipped = build_checker()
    for example in sorted(n for n in os.listdir(os.path.join(ROOT, "examples")) if n.endswith(".yaml")):
        path = os.path.join(ROOT, "examples", example)
        assert file_dict(other.check_file(path, example), "en") == file_dict(shipped.check_file(path, example), "en")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(docs=st.lists(submissions(), min_size=2, max_size=6))
def test_many_submissions_in_one_process_equal_one_at_a_time(checker, catalogue, docs):
    together = [file_dict(checker.check_text(dump(d), f"{i}.yaml"), "en") for i, d in enumerate(docs)]
    for i, d in enumerate(docs):
        alone = Checker(catalogue, RulesEngine(checker.engine.book))  # a fresh engine, nothing shared
        assert file_dict(alone.check_text(dump(d), f"{i}.yaml"), "en") == together[i]


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**20), 10**20) | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(
                [
                    "province",
                    "period",
                    "as_of",
                    "indicators",
                    "counts",
                    "units",
                    "name",
                    "kind",
                    "numerator",
                    "denominator",
                    "value",
                    "online_payment_rate",
                    "dossiers_returned",
                    "x",
                ]
            )
            | st.text(max_size=8),
            children,
            max_size=5,
        )
    ),
    max_leaves=20,
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=yaml_values)
def test_any_yaml_shaped_input_gives_a_result_or_issues(checker, value):
    result = checker.check_text(yaml.safe_dump(value, allow_unicode=True), "fuzz.yaml")
    assert result.findings or result.issues or result.body is not None
    for p in result.issues:
        assert p.location.file == "fuzz.yaml"
        assert render(p, "vi") and render(p, "en")  # an unknown code raises: every problem has its message


@settings(max_examples=300, deadline=None)
@given(
    value=st.one_of(
        st.integers(-(10**15), 10**15),
        st.integers(0, 8).flatmap(
            lambda places: st.decimals(
                allow_nan=False, allow_infinity=False, min_value=-(10**12), max_value=10**12, places=places
            )
        ),
    ),
    lang=st.sampled_from(["vi", "en"]),
)
def test_numbers_are_shown_as_babel_shows_them(value, lang):
    """fmt groups digits with Python's formatting and Babel's symbols (issue 16): the same text as Babel's
    format_decimal, for every whole number and decimal, in both languages."""
    from decimal import Decimal

    from babel.numbers import format_decimal

    from engine.text.fmt import number

    exponent = value.as_tuple().exponent if isinstance(value, Decimal) else 0
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    pattern = "#,##0" + ("." + "0" * places if places else "")
    assert number(value, lang) == format_decimal(value, format=pattern, locale={"vi": "vi_VN", "en": "en_GB"}[lang])


@settings(max_examples=500)
@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=12) | st.text(alphabet="abc _-.:\t\n\x1b\x7f", max_size=12)
)
def test_nfc_fast_path_is_the_same_as_normalising(text):
    """nfc() returns printable ASCII as it is (issue 16): exactly what normalising and replacing controls gives."""
    import re
    import unicodedata

    from engine.model.textnorm import nfc

    controls = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    assert nfc(text) == controls.sub("\ufffd", unicodedata.normalize("NFC", text))
