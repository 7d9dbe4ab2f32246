"""The submission workbook's layout, shared by the template that writes it and the reader: sheet names, and each
sheet's columns with the header the template writes, the headers read as the same column (older templates), the
width, the number format and the prompt shown when a cell is selected. Columns are found by their header, so a
user who moves or adds a column does not break the reading."""

from __future__ import annotations

from dataclasses import dataclass

from engine.model.textnorm import fold

INFO, METRICS, COUNTS, UNITS, UNIT_COUNTS, LISTS = (
    "Thông tin",
    "Chỉ số",
    "Số đếm",
    "Đơn vị",
    "Đơn vị - số đếm",
    "Danh mục",
)
WHOLE, DECIMAL, TEXT, DAY = "#,##0", "0.00", "@", "dd/mm/yyyy"


@dataclass(frozen=True)
class Column:
    field: str
    title: str
    width: int
    number_format: str = "General"
    prompt: str = ""
    also: tuple[str, ...] = ()  # other headers read as this column
    required: bool = False

    def matches(self, header: object) -> bool:
        """A header names this column: the same words, diacritics and case aside, before any "(…)"."""
        words = fold(str(header or "").split("(")[0])
        return any(words == fold(t) for t in (self.title, *self.also))


_COUNT_PROMPT = "Số nguyên không âm, ví dụ 1972 (Excel có thể hiển thị 1.972)."
_VALUE_PROMPT = (
    "Tỷ lệ phần trăm (0–100), ví dụ 95,9 hoặc 95,9%; chỉ số điểm (766) ghi số điểm. Bỏ trống nếu đã có tử số và mẫu số."
)

COLUMNS: dict[str, list[Column]] = {
    METRICS: [
        Column("metric_name", "Tên chỉ số", 58),
        Column("metric", "Mã chỉ số", 30, required=True),
        Column("numerator", "Tử số", 13, WHOLE, _COUNT_PROMPT),
        Column("denominator", "Mẫu số", 13, WHOLE, _COUNT_PROMPT),
        Column("value", "Giá trị", 12, DECIMAL, _VALUE_PROMPT),
        Column("unit", "Đơn vị tính", 10),
    ],
    COUNTS: [
        Column("count_name", "Tên số đếm", 58, also=("Tên",)),
        Column("count", "Mã số đếm", 36, required=True),
        Column("number", "Số lượng", 14, WHOLE, _COUNT_PROMPT, required=True),
    ],
    UNITS: [
        Column(
            "unit", "Tên đơn vị", 34, TEXT, "Tên đơn vị như trong báo cáo, ví dụ Sở Tư pháp, Xã Yên Sơn.", required=True
        ),
        Column("kind", "Loại đơn vị", 26, TEXT, "Chọn trong danh sách.", also=("Loại",)),
        Column("metric", "Chỉ số", 46, TEXT, "Chọn chỉ số trong danh sách.", also=("Mã chỉ số",), required=True),
        Column("numerator", "Tử số", 13, WHOLE, _COUNT_PROMPT),
        Column("denominator", "Mẫu số", 13, WHOLE, _COUNT_PROMPT),
        Column("value", "Giá trị", 12, DECIMAL, _VALUE_PROMPT),
    ],
    UNIT_COUNTS: [
        Column("unit", "Tên đơn vị", 34, TEXT, "Tên đơn vị như ở sheet 'Đơn vị'.", required=True),
        Column("count", "Số đếm", 50, TEXT, "Chọn số đếm trong danh sách.", also=("Mã số đếm",), required=True),
        Column("number", "Số lượng", 14, WHOLE, _COUNT_PROMPT, required=True),
    ],
}

# The "Thông tin" sheet: one row per field, its label in column A, its value in column B.
INFO_ROWS = [
    ("province", "Tỉnh, thành phố", "Tên hoặc mã tỉnh, ví dụ Hà Giang hoặc 02. Để trống nếu đơn vị báo cáo là bộ."),
    ("ministry", "Bộ, cơ quan ngang bộ", "Tên bộ, ví dụ Bộ Tư pháp. Để trống nếu đơn vị báo cáo là tỉnh."),
    (
        "period",
        "Kỳ báo cáo",
        "Ví dụ: năm 2024; Quý III/2024; tháng 9/2024 (hoặc 9/2024); 9 tháng năm 2024; từ 15/12/2023 đến 14/3/2024.",
    ),
    ("as_of", "Ngày chốt số liệu", "Không bắt buộc. Ngày/tháng/năm, ví dụ 12/12/2024."),
]

# A unit's kind as the dropdown offers it, Vietnamese first; the reader also takes the id and the short label.
KIND_CHOICES = {
    "department": "Sở, ban, ngành",
    "commune": "Cấp xã (xã, phường, đặc khu)",
    "district": "Cấp huyện (trước 1/7/2025)",
    "centre": "Trung tâm Phục vụ hành chính công",
}
