"""Faults and load: thousands of evaluations in one process, threads, file order, interruption, and that a
submission can make the tool read or write no other file."""

from __future__ import annotations

import builtins
import json
import os
import resource

from engine.output.json_result import file_dict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EXAMPLES = os.path.join(ROOT, "examples")

UNITS = os.path.join(EXAMPLES, "tuyen-quang-2025-09-units.yaml")


def _text(path: str) -> str:
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def test_5000_evaluations_in_one_process_equal_the_first_with_flat_memory(checker):
    text = _text(UNITS)
    first = json.dumps(file_dict(checker.check_text(text, "u.yaml"), "vi"), sort_keys=True)
    rss = []
    for i in range(5000):
        result = checker.check_text(text, "u.yaml")
        if i % 1000 == 999:
            assert json.dumps(file_dict(result, "vi"), sort_keys=True) == first
            rss.append(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
    assert rss[-1] - rss[0] < 20 * 1024, rss  # peak RSS (KB) grows by less than 20 MB over 4,000 evaluations


def test_threads_give_the_same_results(checker, in_threads):
    text = _text(UNITS)
    first = file_dict(checker.check_text(text, "u.yaml"), "en")
    seen = in_threads(lambda: file_dict(checker.check_text(text, "u.yaml"), "en") == first, threads=4, times=100)
    assert seen == [True] * 400


def test_each_file_gets_the_same_result_whatever_the_order_of_files(cli):
    names = ["examples/ha-giang-2024.yaml", "examples/tuyen-quang-2025-09-units.yaml", "examples/lao-cai-2022-09.yaml"]
    forward = json.loads(cli(["-f", "json", *names], cwd=ROOT).stdout)["results"]
    backward = json.loads(cli(["-f", "json", *reversed(names)], cwd=ROOT).stdout)["results"]
    assert forward == list(reversed(backward))


def test_interrupted_write_leaves_nothing_half_written(cli, tmp_path, monkeypatch):
    out = tmp_path / "bao-cao.json"
    out.write_text("the previous report\n", encoding="utf-8")

    def interrupted(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", interrupted)
    result = cli(["-f", "json", "-o", str(out), "examples/ha-giang-2024.yaml"], cwd=ROOT)
    assert result.code == 130
    assert out.read_text(encoding="utf-8") == "the previous report\n"  # untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bao-cao.json"]  # no temporary file left


def test_a_submission_makes_the_tool_open_no_other_file(cli, checker, write, monkeypatch):
    low = "indicators: {online_payment_rate: {numerator: 1, denominator: 10}}"
    path = write(
        "s.yaml",
        "province: Hà Giang\nperiod: 2024\n" + low + "\nunits:\n"
        f"  - {{name: ../../../etc/passwd, kind: commune, {low}}}\n"
        f"  - {{name: /etc/shadow, kind: department}}\n"
        f"  - {{name: '{{{{ config }}}}', kind: centre, {low}}}\n"
        f"  - {{name: '<script>alert(1)</script>', kind: commune, {low}}}\n",
    )
    opened = []
    real_open = builtins.open

    def spy(file, *args, **kwargs):
        opened.append(str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", spy)
    result = checker.check_file(path, "s.yaml")
    assert opened == [path]
    assert not result.has_errors
    monkeypatch.undo()
    md = cli(["-f", "markdown", path]).stdout
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in md and "<script>" not in md  # shown as text, never as markup
    assert "{{ config }}" in md and "../../../etc/passwd" in md  # a name is only ever a name
