"""`tthc-check site` (issue 15): a static site from the history folder that opens from file://, never loads anything
from outside its folder, shows hostile names as text, filters and sorts in the page, matches the JSON, and is
rebuilt incrementally."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest

_LINK = re.compile(r"""(?:href|src)="([^"]*)\"""")


def _site(cli, history, out, *extra) -> tuple[int, str]:
    result = cli(["site", str(history), "-o", str(out), *extra])
    return result.code, result.stderr


def _pages(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def _province(tmp: Path, name: str, num: int, period: str = "2025-09", unit: str = "Xã Một") -> None:
    (tmp / f"{name}-{period}.yaml").write_text(
        f"province: {name}\nperiod: {period}\n"
        f"indicators:\n  online_dossier_rate: {{numerator: {num}, denominator: 1000}}\n"
        f"units:\n  - {{name: {json.dumps(unit, ensure_ascii=False)}, kind: commune,"
        f" indicators: {{online_dossier_rate: {{numerator: 1, denominator: 10}}}}}}\n",
        encoding="utf-8",
    )


@pytest.fixture
def three(tmp_path) -> Path:
    """Three provinces of the 34 for one month, one of them with a hostile unit name."""
    history = tmp_path / "history"
    history.mkdir()
    _province(history, "Tuyên Quang", 780)  # at risk (before the deadline)
    _province(history, "Lào Cai", 790, unit="<script>alert('x')</script>\"&")  # at risk, the unit behind
    _province(history, "Phú Thọ", 850)  # met
    return history


def test_the_site_is_complete_and_self_contained(cli, examples, tmp_path):
    out = tmp_path / "site"
    code, said = _site(cli, examples / "history", out)
    assert code == 0, said
    pages = _pages(out)
    names = {p.relative_to(out).as_posix() for p in pages}
    assert {"index.html", "lich-nop.html", "tinh/tinh-tuyen-quang.html", "tinh/tinh-ha-giang.html"} <= names
    assert any(n.startswith("chi-tieu/") for n in names) and any(n.startswith("bao-cao/") for n in names)
    for page in pages:
        html = page.read_text(encoding="utf-8")
        for link in _LINK.findall(html):
            assert not re.match(r"[a-z]+:|//", link), (page, link)  # nothing from outside the folder
            target = (page.parent / link.split("#")[0]).resolve()
            assert target.is_file() and out.resolve() in target.parents, (page, link)
    for path in out.rglob("*"):
        assert not path.is_symlink()


def test_a_rebuild_writes_only_what_changed(cli, examples, tmp_path):
    history = tmp_path / "history"
    shutil.copytree(examples / "history", history)
    out = tmp_path / "site"
    assert _site(cli, history, out)[0] == 0
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}
    code, said = _site(cli, history, out)
    assert code == 0 and "đã ghi 0 tệp" in said
    assert before == {p: p.stat().st_mtime_ns for p in out.rglob("*") if p.is_file()}  # not one file touched
    latest = history / "2025" / "tuyen-quang-2025-12.yaml"
    latest.write_text(latest.read_text(encoding="utf-8").replace("numerator: ", "numerator: 1", 1), encoding="utf-8")
    code, said = _site(cli, history, out)
    written = int(re.search(r"đã ghi (\d+) tệp", said).group(1))
    assert code == 0 and 0 < written < len(before) - 5, said
    untouched = out / "bao-cao" / "tinh-lao-cai-2024-11.html"
    assert untouched.stat().st_mtime_ns == before[untouched]  # another body's report is kept as it was


def test_hostile_names_are_text(cli, three, tmp_path):
    out = tmp_path / "site"
    assert _site(cli, three, out)[0] == 0
    for page in _pages(out):
        html = page.read_text(encoding="utf-8")
        scripts = re.findall(r"<script\b[^>]*>", html)
        assert all(s.startswith('<script src="') for s in scripts), (page, scripts)
    body = (out / "tinh" / "tinh-lao-cai.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&#34;&amp;" in body


def test_a_folder_that_is_not_a_site_is_left_alone(cli, three, tmp_path):
    out = tmp_path / "mine"
    out.mkdir()
    (out / "notes.txt").write_text("của tôi", encoding="utf-8")
    code, said = _site(cli, three, out)
    assert code == 2 and "site.not_ours" in said
    assert sorted(os.listdir(out)) == ["notes.txt"]
    code, said = _site(cli, three, three)
    assert code == 2 and "site.in_history" in said


def test_figures_match_the_json(cli, three, tmp_path):
    out = tmp_path / "site"
    assert _site(cli, three, out)[0] == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    for slug in ("tinh-tuyen-quang", "tinh-lao-cai", "tinh-phu-tho"):
        report = json.loads((out / "bao-cao" / f"{slug}-2025-09.json").read_text(encoding="utf-8"))
        finding = next(f for f in report["results"][0]["findings"] if f["target"] == "qd126-online-dossier")
        row = re.search(rf'<tr data-name="[^"]*".*?tinh/{slug}\.html.*?</tr>', index, re.S).group(0)
        shown = f"{finding['value']:.2f}".replace(".", ",") + " %"
        assert shown in row, (slug, shown)


_CLICK = """
<script>
(function () {
  const form = document.querySelector('form.filters');
  const visible = () => [...document.querySelectorAll('#overview tbody tr')].filter(r => !r.hidden).length;
  const out = {shown: !form.hidden, all: visible()};
  form.elements.name.value = 'LAO';
  form.dispatchEvent(new Event('input', {bubbles: true}));
  out.lao = visible();
  form.elements.name.value = '';
  form.elements.status.value = 'at_risk';
  form.dispatchEvent(new Event('input', {bubbles: true}));
  out.at_risk = visible();
  form.elements.status.value = '';
  form.dispatchEvent(new Event('input', {bubbles: true}));
  document.querySelectorAll('#overview th')[1].click();
  out.first = document.querySelector('#overview tbody tr td:nth-child(2)').textContent.trim();
  const pre = document.createElement('pre'); pre.id = 'clicked'; pre.textContent = JSON.stringify(out);
  document.body.appendChild(pre);
})();
</script>
"""


def test_the_pages_work_in_a_browser(cli, three, tmp_path, dom):
    out = tmp_path / "site"
    assert _site(cli, three, out)[0] == 0
    probe = out / "probe.html"
    probe.write_text((out / "index.html").read_text(encoding="utf-8").replace("</body>", _CLICK + "</body>"))
    page, log = dom(probe)
    assert not re.search(r"CONSOLE[:(]\d+|Uncaught|ERR_FILE_NOT_FOUND", log), log[-2000:]
    clicked = json.loads(re.search(r'<pre id="clicked">(.*?)</pre>', page).group(1).replace("&quot;", '"'))
    assert clicked == {"shown": True, "all": 3, "lao": 1, "at_risk": 2, "first": "Tỉnh Lào Cai"}


def test_english(cli, three, tmp_path):
    out = tmp_path / "site"
    assert _site(cli, three, out, "--lang", "en")[0] == 0
    index = (out / "index.html").read_text(encoding="utf-8")
    assert "Overview" in index and "Filter by name" in index and "Tổng quan" not in index
