"""Fuzzing with Hypothesis: valid submissions and submissions broken on purpose, through the command line.

No crash, no traceback, exit 0 or 1 for every valid input and exit 2 for every invalid one; a valid submission
written back out and read again gives the same result. A modest count runs in the normal suite; the long run is
opt-in: `pytest -m fuzz` (10,000 examples each; TTHC_FUZZ_EXAMPLES sets another count).
"""

from __future__ import annotations

import json
import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from strategies import submissions

from engine.io.yamlio import parse_yaml
from engine.model.submission import dump_submission, validate_submission
from engine.output.json_result import file_dict

MODEST = 60
LONG = int(os.environ.get("TTHC_FUZZ_EXAMPLES", "10000"))


def _settings(n: int):
    return settings(
        max_examples=n,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )


@st.composite
def flows(draw):
    parts = [draw(st.integers(0, 10**6)) for _ in range(3)]
    total = sum(parts)
    cuts = sorted(draw(st.integers(0, total)) for _ in range(5))
    right = [b - a for a, b in zip([0, *cuts], [*cuts, total], strict=True)]
    names_left = ["dossiers_carried_over", "dossiers_received_online", "dossiers_received_offline"]
    names_right = [
        "dossiers_resolved_early",
        "dossiers_resolved_on_time",
        "dossiers_resolved_late",
        "dossiers_pending_in_time",
        "dossiers_pending_overdue",
        "dossiers_returned",
    ]
    return dict(zip(names_left, parts, strict=True)) | dict(zip(names_right, right, strict=True))


@st.composite
def valid_submissions(draw):
    doc = draw(submissions())
    if draw(st.booleans()):
        doc["counts"] = draw(flows())
    if draw(st.booleans()):  # any subset of counts is valid: a rate is derived only from all of its counts
        names = [
            "feedback_received",
            "feedback_handled",
            "dossiers_resolved_early",
            "dossiers_resolved_late",
            "dossiers_received_online",
            "procedures_published",
            "procedures_published_new",
        ]
        extra = {n: draw(st.integers(0, 1000)) for n in names if draw(st.booleans())}
        if "feedback_handled" in extra and "feedback_received" in extra:
            extra["feedback_handled"] = min(extra["feedback_handled"], extra["feedback_received"])
        if "procedures_published_new" in extra and "procedures_published" in extra:  # parts never above their total
            extra["procedures_published"] = max(extra["procedures_published"], extra["procedures_published_new"])
        doc["counts"] = {**extra, **doc.get("counts", {})}
    if draw(st.booleans()):
        doc["indicators"]["digitization_rate"] = float(draw(st.decimals(0, 100, places=2, allow_nan=False)))
    return doc


def _dict(doc, key):
    if not isinstance(doc.get(key), dict):
        doc[key] = {}
    return doc[key]


def _drop(doc, rnd):
    doc.pop(rnd.choice(["province", "period"]), None)


def _unknown_key(doc, rnd):
    doc[rnd.choice(["provice", "indicator", "unit", "count"])] = 1


def _over(doc, rnd):
    _dict(doc, "indicators")["online_payment_rate"] = {"numerator": 11, "denominator": 10}


def _negative(doc, rnd):
    _dict(doc, "counts")["feedback_received"] = -rnd.randint(1, 10**6)


def _fraction(doc, rnd):
    _dict(doc, "counts")["feedback_received"] = rnd.randint(0, 10**6) + 0.5


def _period(doc, rnd):
    doc["period"] = rnd.choice(
        [
            "2024-13",
            "2024-Q0",
            "24",
            "2024/09",
            "2024-09/2024-01",
            "",
            "Quý V/2024",
            "tháng 13/2024",
            "từ 15/3/2024 đến 14/3/2024",
        ]
    )


def _metric(doc, rnd):
    _dict(doc, "indicators")[rnd.choice(["online_paymnt_rate", "x", "ON_TIME_RATE"])] = 50


def _kind(doc, rnd):
    doc["units"] = [{"name": "Xã A", "kind": rnd.choice(["xa", "communes", "", "province"])}]


def _range(doc, rnd):
    _dict(doc, "indicators")["digitization_rate"] = rnd.choice([100.01, -0.5, 1e6])


def _type(doc, rnd):
    doc[rnd.choice(["indicators", "counts", "units"])] = rnd.choice(["text", 5, [1, 2]])


def _merged(doc, rnd):
    doc["province"], doc["period"] = rnd.choice(["Hà Giang", "Yên Bái", "Bình Dương"]), "2025-09"


def _twins(doc, rnd):
    doc["units"] = [{"name": "Sở Tư pháp", "kind": "department"}, {"name": "so tu phap", "kind": "department"}]


def _total_below_parts(doc, rnd):
    online = rnd.randint(1, 10**6)
    counts = _dict(doc, "counts")
    counts.pop("dossiers_received_offline", None)
    counts.update({"dossiers_received_online": online, "dossiers_received": rnd.randint(0, online - 1)})


def _both_bodies(doc, rnd):
    doc["ministry"] = rnd.choice(["Bộ Tư pháp", "BTP", "Bộ KH&ĐT"])


def _zero(doc, rnd):
    _dict(doc, "indicators")["portal_service_rate"] = {"numerator": 0, "denominator": 0}


MUTATIONS = [
    _drop,
    _unknown_key,
    _over,
    _negative,
    _fraction,
    _period,
    _metric,
    _kind,
    _range,
    _type,
    _merged,
    _twins,
    _zero,
    _total_below_parts,
    _both_bodies,
]


@st.composite
def invalid_submissions(draw):
    doc = draw(valid_submissions())
    rnd = draw(st.randoms(use_true_random=False))
    for mutate in draw(st.lists(st.sampled_from(MUTATIONS), min_size=1, max_size=3)):
        mutate(doc, rnd)
    return doc


def _run(cli, doc, tmp_path_factory, name="s.yaml"):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / name).write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return cli(["-f", "json", "--lang", "en", name], cwd=str(folder))


def _valid(cli, doc, tmp_path_factory):
    result = _run(cli, doc, tmp_path_factory)
    assert result.code in (0, 1), result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    issues = json.loads(result.stdout)["results"][0]["issues"]
    assert [i for i in issues if i["severity"] == "error"] == []


def _invalid(cli, doc, tmp_path_factory):
    result = _run(cli, doc, tmp_path_factory)
    assert result.code == 2, (doc, result.stdout)
    assert "Traceback" not in result.stdout + result.stderr and result.stderr == ""
    issues = json.loads(result.stdout)["results"][0]["issues"]
    assert any(i["severity"] == "error" and i["file"] == "s.yaml" and i["message"] for i in issues)


def _round_trip(checker, doc):
    first = checker.check_text(yaml.safe_dump(doc, allow_unicode=True), "s.yaml")
    sub = validate_submission(parse_yaml(yaml.safe_dump(doc, allow_unicode=True), "s.yaml"), checker.catalogue)
    again = checker.check_text(dump_submission(sub.raw), "s.yaml")
    a, b = file_dict(first, "vi"), file_dict(again, "vi")
    for r in (a, b):  # where an issue stands in the file may change with the layout; what it says may not
        r["issues"] = sorted((i["code"], i["message"]) for i in r["issues"])
    assert a == b


@_settings(MODEST)
@given(doc=valid_submissions())
def test_valid_submissions_are_answered(cli, doc, tmp_path_factory):
    _valid(cli, doc, tmp_path_factory)


@_settings(MODEST)
@given(doc=invalid_submissions())
def test_invalid_submissions_exit_2(cli, doc, tmp_path_factory):
    _invalid(cli, doc, tmp_path_factory)


@_settings(MODEST)
@given(doc=valid_submissions())
def test_written_back_and_read_again_gives_the_same_result(checker, doc):
    _round_trip(checker, doc)


@pytest.mark.fuzz
@_settings(LONG)
@given(doc=valid_submissions())
def test_long_valid(cli, doc, tmp_path_factory):
    _valid(cli, doc, tmp_path_factory)


@pytest.mark.fuzz
@_settings(LONG)
@given(doc=invalid_submissions())
def test_long_invalid(cli, doc, tmp_path_factory):
    _invalid(cli, doc, tmp_path_factory)


@pytest.mark.fuzz
@_settings(LONG)
@given(doc=valid_submissions())
def test_long_round_trip(checker, doc):
    _round_trip(checker, doc)
