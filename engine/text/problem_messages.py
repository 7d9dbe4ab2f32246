"""What every problem says, in Vietnamese and English, by code: the catalogue of messages that engine/text/
messages.py renders. Parameters are in braces; {hint} and {suggestion} are appended by render() when present."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    "file.not_found": ("không tìm thấy tệp; kiểm tra lại đường dẫn", "file not found; check the path"),
    "file.is_directory": ("đây là thư mục, không phải tệp", "this is a folder, not a file"),
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
    "count.negative": ("số đếm không được âm ({value})", "a count cannot be negative ({value})"),
    "value.not_number": ("giá trị phải là một số, không phải {value}", "the value must be a number, not {value}"),
    "value.text": (
        'giá trị "{value}" không đọc được thành số; hãy viết số với dấu chấm thập phân, không có %, ví dụ 58.41',
        'the value "{value}" cannot be read as a number; write it with a decimal point and no %, e.g. 58.41',
    ),
    "number.not_finite": ("giá trị {value} không phải là một số hữu hạn", "{value} is not a finite number"),
    "number.too_large": ("giá trị {value} quá lớn để là số liệu thật", "{value} is too large to be a real figure"),
    "period.format": (
        'kỳ báo cáo "{value}" không hợp lệ; viết 2024, 2024-Q3, 2024-09 hoặc 2024-01/2024-09',
        'period "{value}" is not valid; write 2024, 2024-Q3, 2024-09 or 2024-01/2024-09',
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
        'đơn vị "{name}" lặp lại (đã có ở dòng {first_line})',
        'unit "{name}" appears twice (first at line {first_line})',
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
        "tỷ lệ ghi {stated} khác tỷ lệ tính từ số đếm ({computed}) quá 0,05 điểm",
        "the stated rate {stated} differs from the rate computed from counts ({computed}) by more than 0.05 points",
    ),
    "figure.counts_disagree": (
        "tử số/mẫu số ghi {given} khác số tính từ các số đếm ({derived}); dùng số ghi",
        "numerator/denominator given as {given} differ from the counts ({derived}); the figure given is used",
    ),
    "identity.broken": (
        "cân đối không khớp ({identity}): {left_names} = {left}, nhưng {right_names} = {right}",
        "identity does not hold ({identity}): {left_names} = {left}, but {right_names} = {right}",
    ),
    "identity.parts": (
        "các thành phần không cộng đủ tổng ({identity}): {left_names} = {left}, {right_names} = {right}",
        "parts do not add up to the total ({identity}): {left_names} = {left}, {right_names} = {right}",
    ),
    "units.counts_do_not_add_up": (
        "các đơn vị cộng lại {count} = {units}, tỉnh báo cáo {province}",
        "units add up to {count} = {units}, the province reports {province}",
    ),
    "units.figures_do_not_add_up": (
        "các đơn vị cộng lại {metric} = {units}, tỉnh báo cáo {province}",
        "units add up to {metric} = {units}, the province reports {province}",
    ),
    "catalogue.no_folder": ("không đọc được thư mục danh mục: {reason}", "cannot read the catalogue folder: {reason}"),
    "catalogue.not_mapping": (
        "tệp danh mục phải là một bảng các mục (metrics, targets…)",
        "a catalogue file must be a mapping of sections (metrics, targets…)",
    ),
    "catalogue.unknown_section": ('mục "{section}" không được biết', 'unknown section "{section}"'),
    "catalogue.not_list": ('mục "{section}" phải là một danh sách', 'section "{section}" must be a list'),
    "catalogue.duplicate_id": (
        'mã "{id}" trong {section} lặp lại (đã có ở {first})',
        'id "{id}" in {section} is defined twice (first at {first})',
    ),
    "catalogue.unknown_count": ('số đếm "{value}" không có trong counts', 'count "{value}" is not defined in counts'),
    "catalogue.unknown_metric": (
        'chỉ tiêu {target}: chỉ số "{value}" không có trong metrics',
        'target {target}: metric "{value}" is not defined',
    ),
    "catalogue.unknown_instrument": (
        'chỉ tiêu {target}: văn bản "{value}" không có trong instruments',
        'target {target}: instrument "{value}" is not defined',
    ),
    "catalogue.unknown_role": (
        'chỉ tiêu {target}: vai trò "{value}" không có trong roles',
        'target {target}: role "{value}" is not defined',
    ),
    "catalogue.window_reversed": (
        "chỉ tiêu {target}: applies kết thúc trước khi bắt đầu",
        "target {target}: applies ends before it starts",
    ),
    "catalogue.op_against_metric": (
        "chỉ tiêu {target}: phép so sánh {op} ngược chiều với chỉ số {metric} (better: {better}); dùng >= hoặc > cho chỉ số càng cao càng tốt, <= hoặc < cho chỉ số càng thấp càng tốt",
        "target {target}: the comparison {op} runs against metric {metric} (better: {better}); use >= or > for a metric where higher is better, <= or < where lower is better",
    ),
    "catalogue.unknown_province_code": (
        'mã tỉnh cũ "{value}" không có trong provinces_63',
        'former province code "{value}" is not in provinces_63',
    ),
    "rules.no_folder": ("không đọc được thư mục luật: {reason}", "cannot read the rules folder: {reason}"),
    "rules.empty": ("thư mục luật không có luật nào", "the rules folder holds no rule"),
    "rules.too_many": (
        "{count} luật là quá nhiều cho durable_rules (tối đa {limit})",
        "{count} rules are too many for durable_rules (at most {limit})",
    ),
    "rules.duplicate_id": ('luật "{id}" lặp lại (đã có ở {first})', 'rule "{id}" is defined twice (first at {first})'),
    "rules.condition_shape": (
        "mỗi điều kiện là một cặp bí danh: {{fact: …}} hoặc not: {{fact: …}}",
        "each condition is one alias: {{fact: …}} pair, or not: {{fact: …}}",
    ),
    "rules.duplicate_alias": (
        'bí danh "{alias}" đã dùng trong luật này',
        'alias "{alias}" is already used in this rule',
    ),
    "rules.unknown_fact": ('loại dữ kiện "{value}" không có', 'unknown fact kind "{value}"'),
    "rules.unknown_field": (
        'dữ kiện {fact} không có trường "{field}" (có: {allowed})',
        'fact {fact} has no field "{field}" (it has: {allowed})',
    ),
    "rules.unknown_operator": (
        'phép so sánh "{value}" không có (có: {allowed})',
        'unknown operator "{value}" (known: {allowed})',
    ),
    "rules.needs_list": ("{op} cần một danh sách giá trị", "{op} needs a list of values"),
    "rules.order_needs_number": (
        'trường "{field}" không phải số: không so sánh lớn nhỏ được',
        'field "{field}" is not a number: it cannot be ordered',
    ),
    "rules.unknown_alias": (
        'bí danh "{alias}" chưa được khai báo trước đó (đã có: {known})',
        'alias "{alias}" is not defined earlier in the rule (known: {known})',
    ),
    "rules.list_field": (
        "trường {field} của {fact} là danh sách: không đặt điều kiện trên nó được",
        "field {field} of {fact} is a list: it cannot be tested",
    ),
    "rules.join_types": (
        "không so khớp được {field} với {other}: khác kiểu",
        "cannot join {field} with {other}: the types differ",
    ),
    "rules.bad_value": (
        'giá trị "{value}" không hợp lệ ở đây (cần: {allowed})',
        '"{value}" is not allowed here (expected: {allowed})',
    ),
    "rules.unknown_target": ('chỉ tiêu "{value}" không có trong danh mục', 'target "{value}" is not in the catalogue'),
    "rules.unknown_metric": ('chỉ số "{value}" không có trong danh mục', 'metric "{value}" is not in the catalogue'),
    "rules.unknown_role": ('vai trò "{value}" không có trong danh mục', 'role "{value}" is not in the catalogue'),
    "rules.unknown_action": (
        'hành động "{value}" không có (có: {allowed})',
        'unknown action "{value}" (known: {allowed})',
    ),
    "rules.unknown_param": (
        'hành động {action} không có tham số "{param}"',
        'action {action} has no parameter "{param}"',
    ),
    "rules.missing_param": ('hành động {action} cần tham số "{param}"', 'action {action} needs parameter "{param}"'),
    "rules.action_needs": (
        "hành động {action} cần đúng một bí danh kiểu {facts} (có {found})",
        "action {action} needs exactly one alias of kind {facts} (found {found})",
    ),
    "rules.status_count": (
        "các luật đã cho chỉ tiêu {target} {count} trạng thái (luật: {rules}); mỗi chỉ tiêu cần đúng một trạng thái",
        "the rules gave target {target} {count} statuses (rules: {rules}); each target needs exactly one",
    ),
    "report.no_browser": (
        "cần Chromium để in PDF (gói Debian chromium); hoặc chọn --format html rồi in từ trình duyệt",
        "PDF needs Chromium (Debian package chromium); or use --format html and print from a browser",
    ),
    "report.browser_failed": (
        "Chromium ({browser}) không in được PDF: {reason}; hãy cài lại gói Debian chromium, hoặc chọn --format html rồi in từ trình duyệt",
        "Chromium ({browser}) could not print the PDF: {reason}; reinstall the Debian package chromium, or use --format html and print from a browser",
    ),
    "report.docx_needs_output": (
        "Word cần tên tệp đầu ra: -o bao-cao.docx",
        "a Word document needs an output file: -o report.docx",
    ),
    "report.pdf_needs_output": ("PDF cần tên tệp đầu ra: -o bao-cao.pdf", "a PDF needs an output file: -o report.pdf"),
    "records.format": (
        "không đọc được tệp {ext}: dùng CSV, Parquet hoặc Excel (.xlsx)",
        "cannot read {ext} files: use CSV, Parquet or Excel (.xlsx)",
    ),
    "records.xlsx": ("không mở được tệp Excel: {reason}", "cannot open the Excel file: {reason}"),
    "records.missing_column": (
        'thiếu cột "{column}" (cho {field}) trong tệp hồ sơ; các cột có: {have}',
        'column "{column}" (for {field}) is not in the records; the columns are: {have}',
    ),
    "records.excluded": (
        "loại {rows} hàng dữ liệu vì {reason} (hàng {first}…; hàng 1 là hồ sơ đầu tiên)",
        "{rows} data rows left out: {reason} (rows {first}…; row 1 is the first record)",
    ),
    "records.after_cutoff": (
        "{rows} hồ sơ tiếp nhận sau ngày chốt, không tính (dòng đầu {first})",
        "{rows} dossiers received after the cut-off, not counted (first row {first})",
    ),
    "usage.output_is_input": (
        "tệp đầu ra {path} cũng là tệp đầu vào; chọn tên khác để không ghi đè số liệu",
        "output file {path} is also an input; choose another name so no input is overwritten",
    ),
    "xlsx.missing_sheet": (
        'thiếu sheet "{sheet}" (có: {have}); hãy dùng mẫu của tthc-check template --xlsx',
        'sheet "{sheet}" is missing (there are: {have}); use the workbook from tthc-check template --xlsx',
    ),
    "waiver.unknown_target": (
        'miễn trừ cho chỉ tiêu "{value}" không có trong danh mục',
        'waiver for unknown target "{value}"',
    ),
    "waiver.expired": (
        "văn bản miễn trừ {number} cho {target} đã hết hạn ngày {expires:%d/%m/%Y}: không còn áp dụng",
        "waiver {number} for {target} expired on {expires:%d/%m/%Y}: it no longer applies",
    ),
    "waiver.expiring": (
        "văn bản miễn trừ {number} cho {target} hết hạn ngày {expires:%d/%m/%Y} (trong vòng 30 ngày)",
        "waiver {number} for {target} expires on {expires:%d/%m/%Y} (within 30 days)",
    ),
    "waiver.unmatched": (
        "văn bản miễn trừ {number} cho {target} không khớp bản nộp nào",
        "waiver {number} for {target} matches no submission",
    ),
    "usage.output_extension": (
        "không biết định dạng của {path} theo đuôi tệp (có: {known})",
        "cannot tell the format of {path} from its extension (known: {known})",
    ),
    "usage.template_xlsx": (
        "hãy viết: tthc-check template --xlsx -o TEN-TEP.xlsx",
        "write: tthc-check template --xlsx -o NAME.xlsx",
    ),
    "usage.output_exists": (
        "{path} đã có; chọn tên khác để không ghi đè",
        "{path} exists already; choose another name so nothing is overwritten",
    ),
    "usage.output_failed": ("không ghi được tệp đầu ra: {reason}", "cannot write the output file: {reason}"),
}
