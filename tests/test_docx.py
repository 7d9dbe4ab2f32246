"""Word reports in the presentation of Nghị định 30/2020/NĐ-CP: read back with python-docx, rendered to PDF by
LibreOffice, the same bytes for the same inputs."""

from __future__ import annotations

import os
import shutil
import subprocess

import docx
import pytest
from docx.shared import Mm

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

MONTHLY = ["report", "monthly", "examples/history/2025/tuyen-quang-2025-09.yaml", "--history", "examples/history"]


def _make(cli, tmp_path, name="r.docx", extra=()):
    out = tmp_path / name
    result = cli([*MONTHLY, "-o", str(out), *extra], cwd=ROOT)
    assert result.code == 0, result.stderr
    return out


def test_the_document_has_the_official_layout(cli, tmp_path):
    d = docx.Document(str(_make(cli, tmp_path)))
    text = "\n".join(p.text for p in d.paragraphs)
    cells = "\n".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "Độc lập - Tự do - Hạnh phúc" in cells
    assert "Nơi nhận:" in cells and "Số: …………/BC-…………" in cells
    # Nghị định 30: the issuing body from the province, the trích yếu in words, place and date one line
    assert "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG" in cells and "………, ngày …… tháng …… năm 20……" in cells
    subject = "Tình hình thực hiện chỉ tiêu cải cách thủ tục hành chính tháng 9 năm 2025 của tỉnh Tuyên Quang"
    assert "BÁO CÁO" in text and subject in text
    # the signature before the appendix, which starts a page; page numbers at the top from the second page
    assert text.index("PHỤ LỤC") > 0 and cells.index("Nơi nhận:") < cells.index("Nội dung")
    assert d.sections[0].different_first_page_header_footer
    assert 'w:instr="PAGE"' in d.sections[0].header._element.xml
    assert d.sections[0].header.paragraphs[0].alignment == 1  # centred
    assert "73,47 %" in cells and "246" in cells and "Xã Minh Tân (38,23 %; còn thiếu 439)" in text
    s = d.sections[0]

    def near(a, b):  # Word stores twentieths of a point
        return abs(a - b) < Mm(0.1)

    assert near(s.page_width, Mm(210)) and near(s.page_height, Mm(297))
    assert all(
        near(a, Mm(b))
        for a, b in ((s.top_margin, 20), (s.bottom_margin, 20), (s.left_margin, 30), (s.right_margin, 15))
    )
    assert d.styles["Normal"].font.name == "Times New Roman"


def test_same_inputs_same_bytes_and_a_letterhead(cli, tmp_path):
    a, b = _make(cli, tmp_path, "a.docx"), _make(cli, tmp_path, "b.docx")
    assert a.read_bytes() == b.read_bytes()
    head = tmp_path / "vanban.yaml"
    head.write_text(
        "parent: ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG\nissuer: Văn phòng UBND tỉnh\nnumber: 'Số: 123/BC-VP'\n"
        "place: Tuyên Quang\nsigner: Nguyễn Văn A\n",
        encoding="utf-8",
    )
    d = docx.Document(str(_make(cli, tmp_path, "c.docx", ["--letterhead", str(head)])))
    cells = "\n".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    assert "ỦY BAN NHÂN DÂN TỈNH TUYÊN QUANG" in cells and "Số: 123/BC-VP" in cells and "Nguyễn Văn A" in cells
    head.write_text("signr: x\n", encoding="utf-8")
    bad = cli([*MONTHLY, "-o", str(tmp_path / "d.docx"), "--letterhead", str(head)], cwd=ROOT)
    assert bad.code == 2 and 'trường "signr" không được biết; có phải ý bạn là "signer"?' in bad.stderr


def test_briefing_docx(cli, tmp_path):
    out = tmp_path / "hop.docx"
    meeting = [f"examples/history/2024/{p}-2024-11.yaml" for p in ("ha-giang", "yen-bai", "lao-cai", "phu-tho")]
    assert cli(["report", "briefing", *meeting, "--history", "examples/history", "-o", str(out)], cwd=ROOT).code == 0
    text = "\n".join(p.text for p in docx.Document(str(out)).paragraphs)
    assert "TỈNH YÊN BÁI" in text and "Đề nghị nêu tại cuộc họp" in text


def test_briefing_of_mixed_periods_says_so_on_every_page(cli, tmp_path):
    out = tmp_path / "hop.docx"
    files = ["examples/history/2024/ha-giang-2024-11.yaml", "examples/history/2024/yen-bai-2024-10.yaml"]
    assert cli(["report", "briefing", *files, "-o", str(out), "--mixed-periods"], cwd=ROOT).code == 0
    d = docx.Document(str(out))
    headers = [h for s in d.sections for h in (s.header, s.first_page_header)]
    assert all("các kỳ khác nhau" in "".join(p.text for p in h.paragraphs) for h in headers)  # every page
    cells = "\n".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    assert "Tỉnh Yên Bái · tháng 10/2024" in cells and "Tỉnh Hà Giang · tháng 11/2024" in cells


def test_libreoffice_renders_it(cli, tmp_path):
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if exe is None or shutil.which("pdftotext") is None:
        pytest.skip("LibreOffice or poppler-utils is not installed (make test installs them)")
    out = _make(cli, tmp_path)
    subprocess.run(
        [
            exe,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(out),
        ],
        capture_output=True,
        timeout=180,
        check=True,
    )
    text = subprocess.run(
        ["pdftotext", "-layout", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text and "73,47 %" in text


def test_a_recipient_written_with_a_colon_is_read_as_written(cli, tmp_path):
    head = tmp_path / "vanban.yaml"
    head.write_text("recipients:\n  - Như trên;\n  - Lưu: VT, KSTT.\n", encoding="utf-8")
    d = docx.Document(str(_make(cli, tmp_path, "r.docx", ["--letterhead", str(head)])))
    cells = "\n".join(c.text for t in d.tables for row in t.rows for c in row.cells)
    assert "- Lưu: VT, KSTT." in cells


def test_a_briefing_is_a_central_office_document_by_default(cli, tmp_path):
    out = tmp_path / "hop.docx"
    meeting = [f"examples/history/2024/{p}-2024-11.yaml" for p in ("ha-giang", "lao-cai")]
    assert cli(["report", "briefing", *meeting, "-o", str(out)], cwd=ROOT).code in (0, 1)
    cells = "\n".join(c.text for t in docx.Document(str(out)).tables for row in t.rows for c in row.cells)
    assert "VĂN PHÒNG CHÍNH PHỦ" in cells and "CHÁNH VĂN PHÒNG" not in cells
