"""What every other problem says, in Vietnamese and English, by code: the catalogue, the rules, waivers, reports,
dossier records, workbooks and the command line's own usage."""

from __future__ import annotations

SETUP_MESSAGES: dict[str, tuple[str, str]] = {
    "local.clashes": (
        'mã "{id}" trong {section} của tệp chỉ tiêu riêng trùng với danh mục quốc gia; hãy đặt mã khác, ví dụ có tên tỉnh ở đầu',
        "the id \"{id}\" in {section} of the local targets file is the national catalogue's; choose another, e.g. starting with the province's name",
    ),
    "local.instrument_not_local": (
        'chỉ tiêu {target}: văn bản "{value}" không có trong mục instruments của tệp này; chỉ tiêu riêng phải dẫn văn bản của chính đơn vị ban hành',
        'target {target}: instrument "{value}" is not in this file\'s instruments; a local target cites an instrument its own body issued',
    ),
    "local.issuer_not_bound": (
        "chỉ tiêu {target}: văn bản {instrument} do {issuer} ban hành, nhưng chỉ tiêu không áp dụng cho {issuer}; một đơn vị chỉ tự đặt chỉ tiêu cho mình",
        "target {target}: instrument {instrument} is issued by {issuer}, but the target does not bind {issuer}; a body sets targets for itself",
    ),
    "local.no_scope": (
        "chỉ tiêu {target}: thiếu đơn vị áp dụng; viết scope: {{provinces: [tên tỉnh]}} hoặc scope: {{ministries: [tên bộ]}}",
        "target {target}: whom it binds is missing; write scope: {{provinces: [a province]}} or scope: {{ministries: [a ministry]}}",
    ),
    "local.binds_other": (
        "chỉ tiêu riêng {target} trong tệp đặt cạnh bản nộp áp dụng cho {bodies}, không phải {body}; để dùng chung cho nhiều đơn vị, hãy chỉ tệp bằng --local-targets",
        "local target {target} in the file beside the submission binds {bodies}, not {body}; to share one file among several bodies, give it with --local-targets",
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
    "catalogue.unknown_differs_from": (
        'chỉ số {metric}: differs_from "{value}" không có trong metrics',
        'metric {metric}: differs_from "{value}" is not defined',
    ),
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
    "catalogue.unknown_ministry": ('bộ "{value}" không có trong ministries', 'ministry "{value}" is not in ministries'),
    "catalogue.ambiguous_name": (
        'tên "{value}" đã dùng cho {other}: một tên chỉ được chỉ một cơ quan',
        'the name "{value}" already names {other}: a name must name one body',
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
    "site.written": (
        "trang web: đã ghi {written} tệp thay đổi ({pages} tệp trong trang)",
        "site: {written} files written that changed ({pages} files in the site)",
    ),
    "site.not_folder": (
        "-o của site phải là một thư mục (mới, hoặc trang đã tạo trước đó), không phải một tệp",
        "site's -o must be a folder (new, or a site made before), not a file",
    ),
    "site.not_ours": (
        "thư mục này có tệp khác và không phải trang do tthc-check tạo: chọn một thư mục mới hoặc thư mục trống",
        "this folder holds other files and is no site tthc-check made: choose a new or empty folder",
    ),
    "site.in_history": (
        "không ghi trang web vào chính thư mục lịch sử: chọn một thư mục khác",
        "the site is not written into the history folder itself: choose another folder",
    ),
    "report.docx_needs_output": (
        "Word cần tên tệp đầu ra: -o bao-cao.docx",
        "a Word document needs an output file: -o report.docx",
    ),
    "briefing.mixed_periods": (
        "kỳ {period} khác kỳ của {first} ({first_period}): bản tổng hợp xếp hạng các tỉnh trong cùng một kỳ; bỏ tệp này, hoặc thêm --mixed-periods để vẫn đặt cạnh nhau (mỗi trang sẽ ghi rõ là khác kỳ)",
        "period {period} differs from {first} ({first_period}): a briefing ranks bodies over one period; leave this file out, or add --mixed-periods to set them side by side anyway (every page will say so)",
    ),
    "briefing.body_twice": (
        "{body} đã có trong {first} ({first_period}), tệp này là kỳ {period}: mỗi tỉnh một bản nộp trong bản tổng hợp; bỏ một trong hai tệp, hoặc thêm --mixed-periods để so sánh các kỳ",
        "{body} is already in {first} ({first_period}), this file is for {period}: one submission per body in a briefing; leave one of them out, or add --mixed-periods to compare the periods",
    ),
    "briefing.same_submission_twice": (
        "{body} kỳ {period} đã có trong {first}: hai bản nộp cùng tỉnh, cùng kỳ, không biết lấy bản nào; bỏ một trong hai tệp",
        "{body} for {period} is already in {first}: two submissions of one body for one period, and no way to tell which counts; leave one of them out",
    ),
    "report.pdf_needs_output": ("PDF cần tên tệp đầu ra: -o bao-cao.pdf", "a PDF needs an output file: -o report.pdf"),
    "records.format": (
        "không đọc được tệp {ext}: dùng CSV, Parquet hoặc bảng tính (.xlsx, .xls, .ods)",
        "cannot read {ext} files: use CSV, Parquet or a spreadsheet (.xlsx, .xls, .ods)",
    ),
    "records.xlsx": ("không mở được tệp bảng tính: {reason}", "cannot open the spreadsheet: {reason}"),
    "records.missing_column": (
        'thiếu cột "{column}" (cho {field}) trong tệp hồ sơ; các cột có: {have}',
        'column "{column}" (for {field}) is not in the records; the columns are: {have}',
    ),
    "records.excluded": (
        "loại {rows} dòng: {reason} (dòng {first}; ví dụ dòng {samples})",
        "{rows} rows left out: {reason} (rows {first}; e.g. row {samples})",
    ),
    "records.date_formats": (
        'ngày ở cột "{column}" không đọc được theo date_format của tệp ánh xạ; date_format đọc được chúng: {formats}',
        'the dates of column "{column}" cannot be read with the mapping\'s date_format; a date_format that reads them: {formats}',
    ),
    "records.date_no_format": (
        'ngày ở cột "{column}" không đọc được theo date_format của tệp ánh xạ, cũng không theo định dạng quen thuộc nào; xem các giá trị ví dụ',
        'the dates of column "{column}" cannot be read with the mapping\'s date_format, nor with any usual format; see the examples',
    ),
    "records.footer": (
        "bỏ qua {rows} dòng sau hồ sơ cuối cùng (dòng tổng cộng, chữ ký): không dòng nào có cả mã hồ sơ và đơn vị"
        " hoặc ngày tiếp nhận",
        "skipped {rows} rows after the last dossier (totals, signatures): none has a dossier id with a unit or a date"
        " of receipt",
    ),
    "records.no_header": (
        "header_row: {row} ở ngoài bảng; ghi số dòng tiêu đề như bảng tính hiển thị",
        "header_row: {row} is beyond the sheet; give the header's row as the spreadsheet shows it",
    ),
    "records.no_rows": (
        "không có dòng hồ sơ nào dưới dòng tiêu đề: không có gì để tính",
        "no record rows below the header: nothing to compute",
    ),
    "usage.max_excluded": (
        "--max-excluded {value}: cần một tỷ lệ phần trăm từ 0 đến 100, ví dụ 5",
        "--max-excluded {value}: give a percentage from 0 to 100, e.g. 5",
    ),
    "usage.output_twice": (
        "{path} được chọn cho hai đầu ra; mỗi đầu ra một tệp",
        "{path} is chosen for two outputs; give each its own file",
    ),
    "records.csv": ("không đọc được tệp CSV: {reason}", "cannot read the CSV file: {reason}"),
    "records.csv_row": (
        "dòng {row} của tệp CSV không đọc được: {reason}; sửa dòng này (dấu ngoặc kép chưa đóng, số cột khác dòng tiêu"
        " đề) rồi xuất lại",
        "row {row} of the CSV file cannot be read: {reason}; fix that row (an unclosed quote, a number of columns"
        " other than the header's) or export again",
    ),
    "records.csv_columns": (
        "dòng {row} có {found} cột, dòng tiêu đề có {expected}: sửa dòng này (thiếu dấu phân cách, hoặc dấu ngoặc kép"
        " chưa đóng ở dòng trên) rồi chạy lại",
        "row {row} has {found} columns where the header has {expected}: fix that row (a missing separator, or an"
        " unclosed quote above it) and run again",
    ),
    "mapping.date_format": (
        'date_format "{value}": {specifier} không phải mã ngày giờ; viết ví dụ "%d/%m/%Y %H:%M" cho 12/12/2024 08:30',
        'date_format "{value}": {specifier} is no date specifier; write for example "%d/%m/%Y %H:%M" for 12/12/2024'
        " 08:30",
    ),
    "mapping.code_twice": (
        'mã "{value}" đã có trong {first}: một mã chỉ được mang một nghĩa',
        'code "{value}" is already in {first}: a code may mean one thing only',
    ),
    "records.csv_quote": (
        "dòng {row} mở dấu ngoặc kép mà không đóng: sửa dòng này rồi chạy lại",
        "row {row} opens a quote that is never closed: fix that row and run again",
    ),
    "records.csv_encoding": (
        "tệp CSV không phải UTF-8 (có vẻ là {encoding}): mở bằng Excel rồi Lưu thành 'CSV UTF-8', hoặc xuất lại"
        " ở UTF-8",
        "the CSV file is not UTF-8 (it looks like {encoding}): open it in Excel and Save As 'CSV UTF-8', or export"
        " it again in UTF-8",
    ),
    "records.bad_parquet": (
        "không đọc được tệp Parquet (tệp hỏng, bị cắt, hoặc không phải Parquet): xuất lại tệp",
        "cannot read the Parquet file (damaged, cut short, or not Parquet): export it again",
    ),
    "usage.memory": (
        '--memory "{value}" không phải dung lượng: viết ví dụ 1GB, 512MB',
        '--memory "{value}" is not a size: write for example 1GB, 512MB',
    ),
    "records.too_many_excluded": (
        "loại {excluded} trên {rows} dòng ({share} %), quá ngưỡng {limit} %: không ghi kết quả; sửa tệp hồ sơ hoặc tệp ánh xạ theo các lý do dưới đây (--rejected TEP.xlsx ghi các dòng bị loại), hoặc nâng ngưỡng bằng --max-excluded",
        "{excluded} of {rows} rows left out ({share} %), above the limit of {limit} %: nothing written; fix the records or the mapping by the reasons below (--rejected FILE.xlsx writes the rows left out), or raise the limit with --max-excluded",
    ),
    "records.after_cutoff": (
        "{rows} hồ sơ tiếp nhận sau ngày chốt, không tính (dòng đầu {first})",
        "{rows} dossiers received after the cut-off, not counted (first row {first})",
    ),
    "usage.output_symlink": (
        "{path} là liên kết tới {target}: tthc-check không ghi qua liên kết; ghi thẳng vào {target} hoặc chọn tên khác",
        "{path} is a link to {target}: tthc-check does not write through links; write to {target} or choose another"
        " name",
    ),
    "usage.output_is_directory": (
        "{path} là thư mục: hãy cho tên tệp, ví dụ {path}/ket-qua.json",
        "{path} is a folder: give a file name, for example {path}/ket-qua.json",
    ),
    "usage.output_not_file": (
        "{path} không phải tệp thông thường (thiết bị hoặc đường ống): hãy ghi ra một tệp",
        "{path} is not a regular file (a device or a pipe): write to a file",
    ),
    "usage.output_protected": (
        "{path} đang được bảo vệ không cho ghi: tthc-check không ghi đè; bỏ bảo vệ hoặc chọn tên khác",
        "{path} is write-protected: tthc-check does not overwrite it; remove the protection or choose another name",
    ),
    "usage.output_is_input": (
        "tệp đầu ra {path} cũng là tệp đầu vào; chọn tên khác để không ghi đè số liệu",
        "output file {path} is also an input; choose another name so no input is overwritten",
    ),
    "history.not_found": (
        "không có thư mục lịch sử {path}: kiểm tra lại đường dẫn --history",
        "there is no history folder {path}: check the --history path",
    ),
    "history.not_folder": (
        "{path} không phải thư mục: --history là thư mục chứa các bản nộp kỳ trước",
        "{path} is not a folder: --history is the folder of earlier submissions",
    ),
    "history.unreadable": (
        "không đọc được thư mục này trong lịch sử ({reason}): bỏ qua",
        "cannot read this folder of the history ({reason}): left out",
    ),
    "history.twice": (
        "bản nộp thứ hai cho cùng đơn vị và kỳ {period} (bản đầu: {first}): giữ một bản trong thư mục lịch sử",
        "a second submission for the same body and period {period} (the first: {first}): keep one in the history"
        " folder",
    ),
    "waiver.empty_file": (
        "tệp miễn trừ không có miễn trừ nào: ghi ít nhất một mục dưới waivers: (xem README, Waivers), hoặc xóa tệp",
        "the waivers file holds no waiver: write at least one entry under waivers: (README, Waivers), or delete it",
    ),
    "waiver.empty_field": (
        "{field} của miễn trừ để trống: ghi cơ quan, số văn bản và lý do như trong văn bản cho miễn",
        "the waiver's {field} is empty: write the authority, the document's number and the reason as the document says",
    ),
    "waiver.expires_before_document": (
        "miễn trừ hết hạn ngày {expires:%d/%m/%Y}, trước ngày ký văn bản {signed:%d/%m/%Y}: kiểm tra lại hai ngày này",
        "the waiver expires on {expires:%d/%m/%Y}, before its document was signed on {signed:%d/%m/%Y}: check both dates",
    ),
    "waiver.document_after_reference": (
        "văn bản miễn trừ {number} cho {target} ký ngày {signed:%d/%m/%Y}, sau ngày {reference:%d/%m/%Y} của số liệu: không áp dụng"
        " cho số liệu này",
        "waiver document {number} for {target} was signed on {signed:%d/%m/%Y}, after the figures' date {reference:%d/%m/%Y}: it does"
        " not apply to them",
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
    "usage.schema_kind": (
        'không có lược đồ cho "{value}"; các loại tệp có lược đồ: {known}',
        'there is no schema for "{value}"; the kinds of file with a schema: {known}',
    ),
    "usage.output_extension_fixed": (
        "không ghi được {path}: tệp này phải có một trong các đuôi {known}",
        "cannot write {path}: this file must have one of the extensions {known}",
    ),
    "output.written": ("đã ghi tệp", "written"),
    "report.needs_output": (
        "báo cáo {format} không in ra màn hình: ghi ra tệp bằng -o, ví dụ -o bao-cao.html",
        "a {format} report is not printed on the terminal: write it to a file with -o, for example -o bao-cao.html",
    ),
    "usage.unknown_command": (
        '"{value}" không phải lệnh của tthc-check, cũng không phải tệp',
        '"{value}" is neither a tthc-check command nor a file',
    ),
    "usage.empty_folder": (
        "thư mục {path} không có bản nộp nào (.yaml, .xlsx): chỉ ra tệp, hoặc thư mục chứa các bản nộp",
        "folder {path} holds no submission (.yaml, .xlsx): name the files, or the folder that holds them",
    ),
    "usage.output_extension": (
        "không biết định dạng của {path} theo đuôi tệp; dùng một trong các đuôi: {known} (hoặc chọn --format)",
        "cannot tell the format of {path} from its extension; use one of: {known} (or choose --format)",
    ),
    "usage.output_format_mismatch": (
        "{path} có đuôi của định dạng {named} nhưng --format là {chosen}; đổi đuôi tệp hoặc bỏ --format",
        "{path} has the extension of {named} but --format is {chosen}; change the extension or leave out --format",
    ),
    "usage.needs_output": (
        "định dạng {format} cần tên tệp đầu ra: -o ket-qua.{format}",
        "the {format} format needs an output file: -o result.{format}",
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
