"""What every problem in a submission says, in Vietnamese and English, by code: reading the file, its numbers,
dates, period and body, its figures and the identities between its counts. Parameters are in braces; {hint} and
{suggestion} are appended by render() when present."""

from __future__ import annotations

INPUT_MESSAGES: dict[str, tuple[str, str]] = {
    "file.not_found": ("không tìm thấy tệp; kiểm tra lại đường dẫn", "file not found; check the path"),
    "file.is_directory": ("đây là thư mục, không phải tệp", "this is a folder, not a file"),
    "file.not_regular": (
        "đây không phải tệp thông thường (thiết bị, đường ống hoặc ổ cắm): hãy chỉ ra tệp số liệu",
        "this is not a regular file (a device, a pipe or a socket): name a data file",
    ),
    "file.unreadable": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "file.too_large": (
        "tệp quá lớn ({size} byte, tối đa {limit}); bản nộp phải là tệp YAML nhỏ",
        "file too large ({size} bytes, at most {limit}); a submission is a small YAML file",
    ),
    "file.too_large_workbook": (
        "tệp Excel quá lớn ({size} byte, tối đa {limit}); bản nộp là bảng tính nhỏ lập từ mẫu tthc-check template --xlsx",
        "the workbook is too large ({size} bytes, at most {limit}); a submission is a small workbook made from tthc-check template --xlsx",
    ),
    "file.not_utf8": (
        "tệp không phải văn bản UTF-8 (có thể là bảng mã cũ như TCVN3 hoặc Windows-1258); hãy lưu lại với bảng mã UTF-8",
        "the file is not UTF-8 text (perhaps a legacy encoding such as TCVN3 or Windows-1258); save it again as UTF-8",
    ),
    "file.legacy_encoding": (
        "tệp không phải văn bản UTF-8; có vẻ là bảng mã cũ {encoding}; hãy chuyển sang Unicode (ví dụ bằng công cụ chuyển mã của Unikey) rồi lưu lại dạng UTF-8",
        "the file is not UTF-8 text; it looks like the legacy encoding {encoding}; convert it to Unicode (e.g. with Unikey's converter) and save it as UTF-8",
    ),
    "file.utf16": (
        'tệp được lưu dạng UTF-16 (ví dụ "Unicode Text" của Excel); hãy lưu lại dạng UTF-8',
        'the file is saved as UTF-16 (e.g. Excel\'s "Unicode Text"); save it as UTF-8',
    ),
    "file.binary": ("tệp chứa dữ liệu nhị phân, không phải YAML", "the file holds binary data, not YAML"),
    "file.empty": (
        "tệp rỗng; cần ít nhất province và period",
        "the file is empty; it needs at least province and period",
    ),
    "yaml.syntax": ("lỗi cú pháp YAML: {reason}", "YAML syntax error: {reason}"),
    "yaml.tab": (
        "lỗi cú pháp YAML: {reason}; YAML không dùng ký tự tab để thụt lề, hãy dùng dấu cách",
        "YAML syntax error: {reason}; YAML does not allow tabs for indentation, use spaces",
    ),
    "yaml.tag": (
        "thẻ YAML {tag} không được dùng trong tệp này; hãy bỏ thẻ và viết giá trị thường",
        "the YAML tag {tag} is not allowed here; remove it and write a plain value",
    ),
    "yaml.alias": (
        "không hỗ trợ neo và bí danh YAML (& và *); hãy viết đầy đủ giá trị",
        "YAML anchors and aliases (& and *) are not supported; write the value out",
    ),
    "yaml.complex_key": ("khóa phải là một giá trị đơn", "a key must be a plain value"),
    "yaml.duplicate_key": (
        'khóa "{key}" lặp lại (đã có ở dòng {first_line}); giữ một khóa',
        'key "{key}" appears twice (first at line {first_line}); keep one',
    ),
    "field.missing": ('thiếu trường bắt buộc "{field}"', 'required field "{field}" is missing'),
    "field.unknown": ('trường "{field}" không được biết', 'unknown field "{field}"'),
    "field.choice": (
        'giá trị "{value}" không hợp lệ; chọn một trong: {expected}',
        '"{value}" is not allowed; expected {expected}',
    ),
    "field.wrong_type": (
        "giá trị {value} không đúng kiểu: cần {expected}",
        "{value} has the wrong type: expected {expected}",
    ),
    "field.invalid": ('giá trị "{value}" không hợp lệ: {reason}', 'invalid value "{value}": {reason}'),
    "field.range": (
        'giá trị "{value}" ngoài khoảng cho phép: phải {op} {limit}',
        'value "{value}" out of range: it must be {op} {limit}',
    ),
    "count.not_number": ("số đếm phải là số nguyên, không phải {value}", "a count must be a whole number, not {value}"),
    "count.text": (
        'số đếm "{value}" đang được viết dưới dạng chữ; hãy viết số nguyên không có dấu phân cách',
        'the count "{value}" is written as text; write a whole number without separators',
    ),
    "count.text+hint": (
        'số đếm "{value}" đang được viết dưới dạng chữ; hãy viết {hint} (số nguyên, không có dấu phân cách hàng nghìn)',
        'the count "{value}" is written as text; write {hint} (a whole number, no thousands separators)',
    ),
    "count.fractional": ("số đếm phải là số nguyên, không phải {value}", "a count must be a whole number, not {value}"),
    "count.fractional+hint": (
        "số đếm phải là số nguyên, không phải {value}; nếu dấu chấm là dấu phân cách hàng nghìn thì hãy viết {hint}",
        "a count must be a whole number, not {value}; if the dot separates thousands (Vietnamese style), write {hint}",
    ),
    "number.leading_zero": (
        "{value} bắt đầu bằng số 0: YAML đọc đó là số bát phân hoặc văn bản; hãy viết {hint}",
        "{value} starts with a zero: YAML reads it as octal or as text; write {hint}",
    ),
    "number.other_form": (
        "{value} không phải cách viết số thập phân thông thường (YAML đọc 0x…, 1_000, 1:30 theo cách khác); hãy viết số thập phân",
        "{value} is not a plain decimal number (YAML reads 0x…, 1_000, 1:30 its own way); write a plain decimal number",
    ),
    "number.other_form+hint": (
        "{value} không phải cách viết số thập phân thông thường (YAML đọc 0x…, 1_000, 1:30 theo cách khác); hãy viết {hint}",
        "{value} is not a plain decimal number (YAML reads 0x…, 1_000, 1:30 its own way); write {hint}",
    ),
    "value.read_as": (
        'đã đọc "{text}" là {value}; trong tệp YAML hãy viết {value} (dấu chấm thập phân, không có %) để không phải đoán',
        'read "{text}" as {value}; in YAML write {value} (a decimal point, no %) to leave no doubt',
    ),
    "value.read_as_cell": (
        'đã đọc "{text}" là {value}; ô đang ở dạng văn bản: định dạng ô là Số (Number) rồi nhập lại để Excel lưu đúng số',
        'read "{text}" as {value}; the cell holds text: format it as Number and type it again so that Excel stores the number',
    ),
    "count.negative": ("số đếm không được âm ({value})", "a count cannot be negative ({value})"),
    "value.not_number": ("giá trị phải là một số, không phải {value}", "the value must be a number, not {value}"),
    "value.text": (
        'giá trị "{value}" không đọc được thành số; hãy viết số với dấu chấm thập phân, không có %, ví dụ 58.41',
        'the value "{value}" cannot be read as a number; write it with a decimal point and no %, e.g. 58.41',
    ),
    "number.not_finite": ("giá trị {value} không phải là một số hữu hạn", "{value} is not a finite number"),
    "number.too_large": ("giá trị {value} quá lớn để là số liệu thật", "{value} is too large to be a real figure"),
    "date.read_as": (
        'đã đọc "{text}" là ngày {day:%-d} tháng {day:%-m} năm {day:%Y} (ngày/tháng/năm); trong tệp YAML hãy viết {iso} để không phải đoán',
        'read "{text}" as {day:%-d} {day:%B} {day:%Y} (day/month/year); in YAML write {iso} to leave no doubt',
    ),
    "date.impossible": (
        'ngày "{value}" không tồn tại; viết ngày dạng YYYY-MM-DD, ví dụ 2025-09-23',
        'there is no date "{value}"; write the date as YYYY-MM-DD, e.g. 2025-09-23',
    ),
    "period.format": (
        'kỳ báo cáo "{value}" không đọc được; viết 2024, 2024-Q3, 2024-09, 2024-01/2024-09 hoặc 2022-12-15/2023-03-14, hoặc như báo cáo viết: "năm 2024", "Quý III/2024", "tháng 9/2024", "6 tháng đầu năm 2024", "từ 15/12/2022 đến 14/3/2023"',
        'period "{value}" cannot be read; write 2024, 2024-Q3, 2024-09, 2024-01/2024-09 or 2022-12-15/2023-03-14, or as Vietnamese reports write it: "năm 2024", "Quý III/2024", "tháng 9/2024", "6 tháng đầu năm 2024", "từ 15/12/2022 đến 14/3/2023"',
    ),
    "period.bad_quarter": (
        'kỳ báo cáo "{value}": không có quý {quarter}; một năm có quý I đến quý IV',
        'period "{value}": there is no quarter {quarter}; a year has quarters 1 to 4',
    ),
    "period.bad_months": (
        'kỳ báo cáo "{value}": một năm không có {months} tháng; viết từ 1 đến 12 tháng',
        'period "{value}": a year has no {months} months; write 1 to 12 months',
    ),
    "period.bad_day": (
        'kỳ báo cáo "{value}": ngày {day} không tồn tại',
        'period "{value}": there is no day {day}',
    ),
    "period.bad_month": (
        'kỳ báo cáo "{value}": tháng {month} không tồn tại',
        'period "{value}": there is no month {month}',
    ),
    "period.bad_year": (
        'kỳ báo cáo "{value}": năm {year} nằm ngoài phạm vi',
        'period "{value}": year {year} is out of range',
    ),
    "period.reversed": ('kỳ báo cáo "{value}" kết thúc trước khi bắt đầu', 'period "{value}" ends before it starts'),
    "province.not_text": (
        "tỉnh phải là tên hoặc mã, không phải {value}",
        "province must be a name or a code, not {value}",
    ),
    "province.unknown": ('không có tỉnh, thành phố "{value}"', 'no province or city is called "{value}"'),
    "province.unknown_code": ("không có tỉnh, thành phố mang mã {value}", "no province or city has the code {value}"),
    "province.merged": (
        "{name} không còn là đơn vị cấp tỉnh vào {day:%d/%m/%Y}: đã sáp nhập vào {successor} từ {since:%-d/%-m/%Y}; hãy nộp số liệu dưới tên {successor}",
        "{name} was no longer a province on {day:%d/%m/%Y}: merged into {successor} on {since:%-d/%-m/%Y}; submit under {successor}",
    ),
    "province.not_yet": (
        "{name} (đơn vị mới) chỉ có từ {since:%-d/%-m/%Y}; trước đó là {predecessors}",
        "{name} (the new unit) exists only from {since:%-d/%-m/%Y}; before that: {predecessors}",
    ),
    "ministry.not_text": (
        "bộ phải là tên bộ, cơ quan ngang bộ, không phải {value}",
        "ministry must be the name of a ministry or ministerial-level agency, not {value}",
    ),
    "ministry.unknown": (
        'không có bộ, cơ quan ngang bộ "{value}"',
        'no ministry or ministerial-level agency is called "{value}"',
    ),
    "ministry.merged": (
        "{name} không còn là bộ, cơ quan ngang bộ vào {day:%d/%m/%Y}: đã hợp nhất vào {successor} từ {since:%-d/%-m/%Y}; hãy nộp số liệu dưới tên {successor}",
        "{name} was no longer a ministry on {day:%d/%m/%Y}: merged into {successor} on {since:%-d/%-m/%Y}; submit under {successor}",
    ),
    "ministry.not_yet": (
        "{name} chỉ có từ {since:%-d/%-m/%Y}; trước đó là {predecessors}",
        "{name} exists only from {since:%-d/%-m/%Y}; before that: {predecessors}",
    ),
    "submission.no_body": (
        'thiếu "province" (tỉnh, thành phố) hoặc "ministry" (bộ, cơ quan ngang bộ): bản nộp phải nêu đơn vị báo cáo',
        'neither "province" (a province or city) nor "ministry" (a ministry or ministerial-level agency): a submission names who reports',
    ),
    "submission.both_bodies": (
        'bản nộp nêu cả "province" và "ministry": một bản nộp là của một tỉnh hoặc của một bộ; hãy bỏ một trường',
        'the submission names both "province" and "ministry": a submission is from one province or one ministry; remove one',
    ),
    "unit.kind_in_ministry": (
        'đơn vị "{name}" có loại {kind}, nhưng bộ, cơ quan ngang bộ không có xã, huyện; dùng department (Cục, Vụ, Tổng cục) hoặc centre',
        'unit "{name}" is of kind {kind}, but a ministry has no communes or districts; use department (Cục, Vụ, Tổng cục) or centre',
    ),
    "submission.not_mapping": (
        "bản nộp phải là một bảng khóa: giá trị (province, period, indicators…), không phải {found}",
        "a submission must be a mapping (province, period, indicators…), not {found}",
    ),
    "submission.as_of_before_period": (
        "ngày chốt số liệu {as_of} trước ngày bắt đầu kỳ {start}",
        "as_of {as_of} is before the period starts ({start})",
    ),
    "submission.unknown_metric": (
        'chỉ số "{value}" không có trong danh mục (xem: tthc-check targets)',
        'metric "{value}" is not in the catalogue (see: tthc-check targets)',
    ),
    "submission.unknown_count": ('số đếm "{value}" không có trong danh mục', 'count "{value}" is not in the catalogue'),
    "unit.empty_name": ("tên đơn vị trống", "the unit has no name"),
    "unit.duplicate": (
        'đơn vị "{name}" lặp lại (đã có ở {first_line})',
        'unit "{name}" appears twice (first at {first_line})',
    ),
    "unit.district_abolished": (
        'đơn vị "{name}" là cấp huyện, đã bỏ từ 1/7/2025; dùng commune, department hoặc centre',
        'unit "{name}" is a district; the district level ended on 1/7/2025: use commune, department or centre',
    ),
    "figure.half": (
        "thiếu {field}: cho cả tử số và mẫu số, hoặc chỉ value",
        "{field} is missing: give both numerator and denominator, or only value",
    ),
    "figure.empty": (
        "chỉ số không có số liệu: cho numerator và denominator, hoặc value",
        "no figure: give numerator and denominator, or value",
    ),
    "figure.zero_denominator": (
        "mẫu số bằng 0: không tính được tỷ lệ",
        "the denominator is zero: no rate can be computed",
    ),
    "figure.numerator_above_denominator": (
        "tử số {numerator} lớn hơn mẫu số {denominator}: tỷ lệ vượt 100 %",
        "numerator {numerator} is above denominator {denominator}: the rate would exceed 100 %",
    ),
    "figure.counts_numerator_above": (
        "các số đếm cho {metric} có tử số {numerator} lớn hơn mẫu số {denominator}",
        "the counts for {metric} give numerator {numerator} above denominator {denominator}",
    ),
    "figure.out_of_range": ("giá trị {value} nằm ngoài khoảng 0–100", "value {value} is outside 0–100"),
    "figure.rank_above_total": ("thứ hạng {rank} lớn hơn tổng số {of}", "rank {rank} is above the total {of}"),
    "figure.stated_disagrees": (
        "tỷ lệ ghi {stated} không phải là tỷ lệ tính từ số đếm ({computed}) đã làm tròn; kiểm tra lại tỷ lệ hoặc số đếm",
        "the stated rate {stated} is not the rate computed from the counts ({computed}), rounded; check the rate or the counts",
    ),
    "figure.other_measure": (
        '"{metric}" là một thước đo khác với "{target_metric}" của chỉ tiêu {target}: không đánh giá chỉ tiêu này bằng nó; hãy báo cáo "{target_metric}" để được đánh giá',
        '"{metric}" is another measure than the "{target_metric}" of target {target}: it is not judged against it; report "{target_metric}" to be judged',
    ),
    "figure.counts_disagree": (
        "tử số/mẫu số ghi {given} khác số tính từ các số đếm ({derived}); dùng số ghi",
        "numerator/denominator given as {given} differ from the counts ({derived}); the figure given is used",
    ),
    "count.total_differs": (
        '"{total_name}" = {total} khác tổng các thành phần {parts_names} = {parts} ({parts_line}); hãy sửa số liệu sai',
        '"{total_name}" = {total} differs from the sum of its parts {parts_names} = {parts} ({parts_line}); correct the wrong figure',
    ),
    "count.parts_exceed": (
        'các thành phần {parts_names} = {parts} ({parts_line}) vượt tổng "{total_name}" = {total} là {excess}; hãy sửa số liệu sai',
        'the parts {parts_names} = {parts} ({parts_line}) exceed the total "{total_name}" = {total} by {excess}; correct the wrong figure',
    ),
    "count.parts_short": (
        'các thành phần {parts_names} = {parts} ({parts_line}) ít hơn tổng "{total_name}" = {total} là {gap}: có loại chưa được liệt kê, hoặc một số liệu sai',
        'the parts {parts_names} = {parts} ({parts_line}) fall short of the total "{total_name}" = {total} by {gap}: a kind is not listed, or a figure is wrong',
    ),
    "count.implied": (
        '"{name}" không được báo cáo; tính từ "{total_name}" trừ {parts_names}: {value}',
        '"{name}" is not reported; from "{total_name}" less {parts_names}: {value}',
    ),
    "balance.broken": (
        "{balance} không khớp: {left_names} = {left}, nhưng {right_names} = {right} (chênh {difference}); hãy sửa số liệu sai",
        "the {balance} does not hold: {left_names} = {left}, but {right_names} = {right} (a difference of {difference}); correct the wrong figure",
    ),
    "balance.negative": (
        '{balance} không khớp: "{name}" không được báo cáo, mà {over_names} = {over} đã vượt {under_names} = {under} là {excess}; hãy sửa số liệu sai',
        'the {balance} cannot hold: "{name}" is not reported, yet {over_names} = {over} already exceed {under_names} = {under} by {excess}; correct the wrong figure',
    ),
    "balance.implied": (
        '"{name}" không được báo cáo; theo {balance}: {value}',
        '"{name}" is not reported; by the {balance}: {value}',
    ),
    "balance.unchecked": (
        "không kiểm tra được {balance}: thiếu {missing}",
        "the {balance} cannot be checked: {missing} not reported",
    ),
    "units.counts_do_not_add_up": (
        '"{count}" của các đơn vị cộng lại là {units}, nhưng số liệu chung báo cáo là {province}: các đơn vị chưa đủ, hoặc đếm khác nhau',
        '"{count}" of the units adds up to {units}, but the overall figure reported is {province}: units are missing, or count differently',
    ),
    "units.figures_do_not_add_up": (
        '"{metric}" của các đơn vị cộng lại là {units}, nhưng số liệu chung báo cáo là {province}: các đơn vị chưa đủ, hoặc tính mẫu số khác nhau',
        '"{metric}" of the units adds up to {units}, but the overall figure reported is {province}: units are missing, or their denominators differ',
    ),
}
