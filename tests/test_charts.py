"""The charts as a reader sees them (issue 14): rendered in headless Chromium, no label's box intersects another
label or a line of the chart (the threshold, the series, the bars' marks); and the same charts reach the Word
documents as images."""

from __future__ import annotations

import json
import re
import zipfile

import pytest

# Measured in the page itself: every <text> box (getBBox, in the chart's own units) against every other and against
# every line and polyline segment that is not a light grid line.
_MEASURE = """
<script>
(function () {
  const out = [];
  const hit = (a, b) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  const shrink = (r) => ({x: r.x + 0.5, y: r.y + 0.5, width: r.width - 1, height: r.height - 1});
  const crosses = (r, x1, y1, x2, y2) => {
    for (let i = 0; i <= 40; i++) {
      const x = x1 + (x2 - x1) * i / 40, y = y1 + (y2 - y1) * i / 40;
      if (x > r.x && x < r.x + r.width && y > r.y && y < r.y + r.height) return true;
    }
    return false;
  };
  document.querySelectorAll('svg').forEach((svg, n) => {
    const texts = [...svg.querySelectorAll('text')].map(t => [t.textContent, shrink(t.getBBox())]);
    const segments = [];
    svg.querySelectorAll('line').forEach(l => {
      if (l.getAttribute('stroke') === '#e0e0e0') return;
      segments.push(['line', +l.getAttribute('x1'), +l.getAttribute('y1'), +l.getAttribute('x2'), +l.getAttribute('y2')]);
    });
    svg.querySelectorAll('polyline').forEach(p => {
      const pts = p.getAttribute('points').trim().split(/\\s+/).map(s => s.split(',').map(Number));
      for (let i = 1; i < pts.length; i++) segments.push(['series', ...pts[i - 1], ...pts[i]]);
    });
    texts.forEach(([a, ra], i) => {
      texts.slice(i + 1).forEach(([b, rb]) => { if (hit(ra, rb)) out.push([n, a, b]); });
      segments.forEach(([kind, x1, y1, x2, y2]) => { if (crosses(ra, x1, y1, x2, y2)) out.push([n, a, kind]); });
    });
  });
  const pre = document.createElement('pre');
  pre.id = 'overlaps';
  pre.textContent = JSON.stringify({charts: document.querySelectorAll('svg').length, overlaps: out});
  document.body.appendChild(pre);
})();
</script>
"""


def _overlaps(html_path, tmp_path, dom) -> dict:
    html = html_path.read_text(encoding="utf-8")
    measured = tmp_path / "measured.html"
    measured.write_text(html.replace("</body>", _MEASURE + "</body>"), encoding="utf-8")
    page, _ = dom(measured)
    found = re.search(r'<pre id="overlaps">(.*?)</pre>', page, re.S)
    assert found, page[-2000:]
    return json.loads(found.group(1).replace("&quot;", '"').replace("&amp;", "&"))


def _close_calls(tmp_path) -> list[str]:
    """Four provinces a hair either side of the 45 % threshold, and one with a gap in its months: the labels that
    would sit on the line."""
    files = []
    for name, num in (("Hà Giang", 449), ("Lào Cai", 450), ("Phú Thọ", 451), ("Yên Bái", 999)):
        path = tmp_path / f"{name}.yaml"
        path.write_text(
            f"province: {name}\nperiod: 2024-11\n"
            f"indicators:\n  online_payment_rate: {{numerator: {num}, denominator: 1000}}\n"
            "  online_dossier_rate: {numerator: 795, denominator: 1000}\n",
            encoding="utf-8",
        )
        files.append(str(path))
    return files


@pytest.mark.parametrize(
    "args",
    [
        ["report", "monthly", "examples/history/2025/tuyen-quang-2025-09.yaml", "--history", "examples/history"],
        [
            "report",
            "briefing",
            "examples/history/2024/ha-giang-2024-11.yaml",
            "examples/history/2024/lao-cai-2024-11.yaml",
            "examples/history/2024/phu-tho-2024-11.yaml",
            "examples/history/2024/yen-bai-2024-11.yaml",
            "--history",
            "examples/history",
        ],
        ["report", "monthly", "examples/history/2024/ha-giang-2024-11.yaml", "--history", "examples/history"],
        "close-calls",
    ],
    ids=["monthly-tuyen-quang", "briefing-2024-11", "monthly-ha-giang", "briefing-close-calls"],
)
def test_no_label_overlaps_another_or_a_line(cli, root, tmp_path, args, dom):
    if args == "close-calls":
        args = ["report", "briefing", *_close_calls(tmp_path)]
    out = tmp_path / "r.html"
    assert cli([*args, "-o", str(out)], cwd=root).code in (0, 1)
    measured = _overlaps(out, tmp_path, dom)
    assert measured["charts"] > 1
    assert measured["overlaps"] == [], measured["overlaps"]


def test_word_documents_carry_the_charts_as_images(cli, root, tmp_path):
    from engine.report.raster import fonts_available

    if not fonts_available():
        pytest.skip("no font on this machine: the document says the chart could not be drawn")
    out = tmp_path / "r.docx"
    args = ["report", "monthly", "examples/history/2025/tuyen-quang-2025-09.yaml", "--history", "examples/history"]
    assert cli([*args, "-o", str(out)], cwd=root).code in (0, 1)
    with zipfile.ZipFile(out) as z:
        images = [n for n in z.namelist() if n.startswith("word/media/")]
        body = z.read("word/document.xml").decode()
    assert images and all(z_name.endswith(".png") for z_name in images)
    assert body.count("<pic:pic") == len(re.findall(r"<w:drawing>", body)) >= 1
