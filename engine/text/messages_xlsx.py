"""Messages of Excel submissions (engine/io/workbook.py, workbook_open.py, cells.py): Vietnamese, then English."""

from __future__ import annotations

XLSX_MESSAGES: dict[str, tuple[str, str]] = {
    "xlsx.missing_column": (
        'sheet "{sheet}" thiếu cột "{column}" ở dòng tiêu đề (dòng 1); hãy dùng mẫu của tthc-check template --xlsx hoặc thêm cột đó',
        'sheet "{sheet}" has no "{column}" column in its header (row 1); use the workbook from tthc-check template --xlsx or add that column',
    ),
    "xlsx.date_in_number": (
        "ô là ngày tháng ({day}), ở đây cần một số: Excel đã đổi điều được nhập thành ngày; định dạng ô là Số (Number) rồi nhập lại",
        "the cell is a date ({day}) where a number is needed: Excel turned what was typed into a date; format the cell as Number and type it again",
    ),
    "xlsx.percent_here": (
        "ô định dạng phần trăm ({value} %), ở đây cần một số đếm hoặc số điểm, không phải tỷ lệ; định dạng ô là Số (Number) rồi nhập lại",
        "the cell is formatted as a percentage ({value} %) where a count or a score is needed, not a rate; format the cell as Number and type it again",
    ),
    "xlsx.period_is_day": (
        'kỳ báo cáo là ngày {day}: Excel đã đổi điều được nhập thành ngày; định dạng ô là Văn bản (Text) rồi nhập kỳ như "tháng 9/2024" hoặc "Quý III/2024"',
        'the reporting period is the day {day}: Excel turned what was typed into a date; format the cell as Text and type the period, e.g. "tháng 9/2024" or "Quý III/2024"',
    ),
    "xlsx.legacy_or_password": (
        "tệp là Excel 97-2003 (.xls) hoặc có đặt mật khẩu: mở bằng Excel, bỏ mật khẩu nếu có (Tệp > Thông tin > Bảo vệ"
        " sổ làm việc), rồi Lưu thành Sổ làm việc Excel (.xlsx)",
        "the file is Excel 97-2003 (.xls) or protected by a password: open it in Excel, remove the password if any"
        " (File > Info > Protect Workbook) and Save As Excel Workbook (.xlsx)",
    ),
    "xlsx.not_workbook": (
        "tệp không phải sổ làm việc Excel (.xlsx), dù có đuôi .xlsx (có thể là tệp khác bị đổi tên): mở bằng Excel"
        " rồi Lưu thành .xlsx, hoặc dùng mẫu của tthc-check template --xlsx",
        "the file is no Excel workbook (.xlsx), whatever its name says (another file renamed?): open it in Excel and"
        " Save As .xlsx, or use the workbook from tthc-check template --xlsx",
    ),
    "xlsx.other_format": (
        "tthc-check đọc bản nộp Excel dạng .xlsx hoặc .xlsm: mở tệp {ext} bằng Excel hoặc LibreOffice rồi Lưu thành"
        " .xlsx",
        "tthc-check reads Excel submissions as .xlsx or .xlsm: open the {ext} file in Excel or LibreOffice and Save"
        " As .xlsx",
    ),
    "xlsx.damaged": (
        "không mở được sổ làm việc (tệp hỏng hoặc bị cắt): mở bằng Excel và lưu lại; chi tiết: {reason}",
        "cannot open the workbook (damaged or cut short): open it in Excel and save it again; details: {reason}",
    ),
    "xlsx.unknown_sheet": (
        'sheet "{sheet}" không phải sheet của mẫu, nên số liệu trong đó sẽ không được đọc; các sheet của mẫu: {known};'
        " đổi lại tên sheet hoặc chuyển số liệu sang sheet của mẫu",
        "sheet \"{sheet}\" is not one of the template's, so its figures would not be read; the template's sheets:"
        " {known}; rename it back or move its figures to a template sheet",
    ),
    "xlsx.too_many_rows": (
        'sheet "{sheet}" có hơn {limit} dòng có nội dung: quá lớn cho một bản nộp; kiểm tra ô nằm lạc ở cuối sheet',
        'sheet "{sheet}" has more than {limit} rows holding something: too large for a submission; look for stray'
        " cells at the end of the sheet",
    ),
    "xlsx.formula_no_value": (
        "ô có công thức {formula} nhưng chưa có kết quả đã tính (tệp không được lưu từ Excel): mở bằng Excel, lưu lại,"
        " hoặc nhập số thay cho công thức",
        "the cell holds the formula {formula} but no computed result (the file was not saved from Excel): open it"
        " in Excel and save it, or type the number instead",
    ),
    "xlsx.duplicate_row": (
        "dòng này lặp lại số liệu đã có ở ô {first}: mỗi chỉ số, số đếm, đơn vị chỉ ghi một dòng; xóa một trong hai",
        "this row repeats a figure already given in cell {first}: one row per metric, count and unit; delete one",
    ),
    "xlsx.row_without_name": (
        "dòng có số liệu nhưng không có tên hoặc mã ({fields}) (ô gộp với dòng trên, hoặc bị xóa): ghi tên vào"
        " dòng này",
        "the row has figures but no name or id ({fields}) (merged with the row above, or deleted): write the name"
        " in this row",
    ),
    "xlsx.missing_sheet": (
        'thiếu sheet "{sheet}" (có: {have}); hãy dùng mẫu của tthc-check template --xlsx',
        'sheet "{sheet}" is missing (there are: {have}); use the workbook from tthc-check template --xlsx',
    ),
}
