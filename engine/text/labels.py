"""The one label catalogue: every word and sentence of the outputs (the check's table, JSON and Markdown, the
reports in every format), in Vietnamese and English, by key. Problems (errors and warnings) have their own catalogue,
engine/text/messages.py, because they are rendered from codes with parameters.

A key has one meaning. Parameters are in braces; numbers and dates reach them already formatted (engine/text/fmt.py).
"""

from __future__ import annotations

from typing import Any

LABELS: dict[str, tuple[str, str]] = {
    "monthly_title": (
        "Báo cáo tình hình thực hiện chỉ tiêu cải cách TTHC",
        "TTHC reform targets: monthly compliance report",
    ),
    "briefing_title": (
        "Tài liệu chuẩn bị cuộc họp: tình hình thực hiện chỉ tiêu cải cách TTHC",
        "Briefing pack: TTHC reform targets",
    ),
    "period": ("Kỳ báo cáo", "Period"),
    "as_of": ("Số liệu đến", "Figures as of"),
    "summary": ("Tóm tắt", "Summary"),
    "gaps_that_matter": ("Những chỉ tiêu cần tập trung", "The gaps that matter most"),
    "no_gaps": ("Không có chỉ tiêu nào chưa đạt.", "No target is below its threshold."),
    "targets": ("Các chỉ tiêu áp dụng", "Targets that apply"),
    "target": ("Chỉ tiêu", "Target"),
    "value": ("Giá trị", "Value"),
    "threshold": ("Ngưỡng", "Threshold"),
    "status": ("Trạng thái", "Status"),
    "gap": ("Thiếu (điểm)", "Gap (points)"),
    "shortfall": ("Còn thiếu", "Shortfall"),
    "prev": ("So với kỳ trước", "Since the previous period"),
    "last_year": ("So với cùng kỳ", "Against last year"),
    "projection": ("Dự báo cuối năm", "Year-end projection"),
    "lead": ("Chủ trì", "Lead"),
    "support": ("Phối hợp", "Support"),
    "units_behind": ("Đơn vị chậm", "Units behind"),
    "deadline": ("Hạn", "Deadline"),
    "basis": ("Căn cứ", "Basis"),
    "issues": ("Vấn đề về số liệu", "Data issues"),
    "no_issues": ("Không có.", "None."),
    "appendix": ("Phụ lục: căn cứ pháp lý", "Appendix: legal bases"),
    "confidence": ("Độ tin cậy", "Confidence"),
    "unverified": ("chưa kiểm chứng văn bản", "legal text not verified"),
    "verified": ("đã kiểm chứng", "verified"),
    "not_identified": ("văn bản chưa xác định", "instrument not identified"),
    "signed_by": ("ký: {signer}", "signed by {signer}"),
    "dated": ("ngày {date}", "of {date}"),
    "issued": ("ban hành {date}", "issued {date}"),
    "identity_confidence": ("độ tin cậy về văn bản: {conf}", "identity confidence {conf}"),
    "translated_from_en": ("bản dịch; nguồn đã đọc bằng tiếng Anh", "translated; the source read is in English"),
    "translated_from_vi": ("bản dịch; nguồn đã đọc bằng tiếng Việt", "translated; the source read is in Vietnamese"),
    "scope_province": ("tỉnh, thành phố", "provinces"),
    "scope_ministry": ("bộ, ngành", "ministries"),
    "wording": ("Nội dung", "Wording"),
    "note": ("Ghi chú", "Note"),
    "source": ("Nguồn", "Source"),
    "met": ("đạt", "met"),
    "at_risk": ("có nguy cơ", "at risk"),
    "missed": ("không đạt", "missed"),
    "no_data": ("chưa có số liệu", "no data"),
    "waived": ("được miễn", "waived"),
    "summary_line": (
        "{met} chỉ tiêu đạt, {at_risk} có nguy cơ không đạt, {missed} không đạt, {no_data} chưa có số liệu.",
        "{met} met, {at_risk} at risk, {missed} missed, {no_data} without data.",
    ),
    "summary_waived": ("{n} chỉ tiêu được miễn.", "{n} waived."),
    "gap_items": (
        "{status_cap}: còn thiếu {n} {items} để đạt {threshold} ({metric}; hạn {deadline}).",
        "{status_cap}: {n} more {items} needed to reach {threshold} ({metric}; deadline {deadline}).",
    ),
    "gap_points_only": (
        "{status_cap}: thấp hơn ngưỡng {threshold} {gap} điểm ({metric}; hạn {deadline}; chỉ có tỷ lệ tự báo cáo, không tính được số còn thiếu).",
        "{status_cap}: {gap} points below {threshold} ({metric}; deadline {deadline}; a percentage only, so the shortfall cannot be counted).",
    ),
    "no_data_line": (
        "{metric}: chưa có số liệu (ngưỡng {threshold}, hạn {deadline}).",
        "{metric}: no data (threshold {threshold}, deadline {deadline}).",
    ),
    "on_track": ("đúng hướng: dự báo {value} cuối năm", "on track: {value} projected at year end"),
    "off_track": ("chưa đúng hướng: dự báo {value} cuối năm", "off track: {value} projected at year end"),
    "pace_items": (
        "cần trung bình {n} {items}/tháng ({rate} số giao dịch) trong {rest} tháng còn lại",
        "needs {n} {items} a month ({rate} of the volume) in the {rest} remaining months",
    ),
    "pace_unreachable": (
        "không thể đạt trong năm ở quy mô hiện tại (cần {rate})",
        "out of reach this year at this volume (needs {rate})",
    ),
    "pace_points": (
        "cần tăng {n} điểm/tháng trong {rest} tháng còn lại",
        "needs {n} points a month in the {rest} remaining months",
    ),
    "secured_stock": ("đã đạt ngưỡng, cần giữ mức này", "at the threshold already: hold the level"),
    "secured": ("đã đủ cho cả năm ở quy mô hiện tại", "secured for the year at this volume"),
    "no_projection": ("không dự báo được: {why}", "no projection: {why}"),
    "why_months": ("thiếu số liệu tháng {months}", "no figures for {months}"),
    "why_counts": ("cần tử số và mẫu số hằng tháng", "monthly numerators and denominators are needed"),
    "why_kind": ("cần các kỳ báo cáo theo tháng", "monthly submissions are needed"),
    "no_submission": ("không có bản nộp", "no submission"),
    "no_figure": ("không có số liệu", "no figure"),
    "merged_percent_only": (
        "chuỗi số liệu gián đoạn: trước 1/7/2025, {detail} chỉ báo cáo tỷ lệ, không cộng được với tỉnh còn lại",
        "the series breaks: before 1/7/2025, {detail} reported only a percentage, which cannot be added to the others",
    ),
    "merged_missing": (
        "chuỗi số liệu gián đoạn: trước 1/7/2025, không có số liệu của {detail}",
        "the series breaks: before 1/7/2025, there are no figures for {detail}",
    ),
    "target_line": ("ngưỡng", "target"),
    "stated_note": (
        "* tỷ lệ tự báo cáo, không kiểm chứng được từ số đếm",
        "* a percentage as reported, not verifiable from counts",
    ),
    "unverified_mark": ("† chưa kiểm chứng văn bản pháp lý của chỉ tiêu", "† the target's legal text is not verified"),
    "briefing_mixed": (
        "Lưu ý: các bản nộp thuộc các kỳ khác nhau; thứ hạng và so sánh chỉ để tham khảo",
        "Note: the submissions are for different periods; ranks and comparisons are indicative only",
    ),
    "province_col": ("Tỉnh, thành phố", "Province"),
    "overview": ("Tổng quan", "Overview"),
    "rank": ("Hạng", "Rank"),
    "highlights": ("Điểm nổi bật", "Highlights"),
    "points_to_raise": ("Đề nghị nêu tại cuộc họp", "Points to raise in the meeting"),
    "comparison": ("So sánh các tỉnh", "Provinces compared"),
    "raise_no_data": (
        "Đề nghị {who} báo cáo số liệu {metric} (hạn {deadline}).",
        "Ask {who} for its figures on {metric} (deadline {deadline}).",
    ),
    "raise_shortfall": (
        "Đề nghị {who} nêu giải pháp nâng {metric} từ {value} lên {threshold} trước {deadline}: còn thiếu {n} {items}.",
        "Ask {who} how {metric} will rise from {value} to {threshold} by {deadline}: {n} more {items} are needed.",
    ),
    "raise_gap": (
        "Đề nghị {who} nêu giải pháp nâng {metric} từ {value} lên {threshold} trước {deadline}.",
        "Ask {who} how {metric} will rise from {value} to {threshold} by {deadline}.",
    ),
    "raise_counts": (
        "Đề nghị báo cáo kèm tử số và mẫu số để kiểm chứng.",
        "Ask for the numerator and denominator, so that it can be checked.",
    ),
    "raise_units": ("Tập trung vào: {units}.", "Focus on: {units}."),
    "highlight_met": ("{metric}: {value} (ngưỡng {threshold}).", "{metric}: {value} (threshold {threshold})."),
    "no_highlights": ("Chưa có chỉ tiêu nào đạt.", "No target met yet."),
    "no_points": (
        "Không có đề nghị: mọi chỉ tiêu áp dụng đều đạt.",
        "Nothing to raise: every target that applies is met.",
    ),
    "waiver_line": (
        "miễn theo văn bản {number} ngày {date} của {authority}, đến {expires}: {why}",
        "waived by {number} of {date} ({authority}), until {expires}: {why}",
    ),
    "metric": ("Chỉ số", "Metric"),
    "instrument": ("Căn cứ", "Basis"),
    "as_of_inline": ("số liệu đến", "figures as of"),
    "no_targets": ("Không có chỉ tiêu nào áp dụng cho kỳ này.", "No target applies to this period."),
    "unverified_note": (
        "† chưa kiểm chứng văn bản pháp lý của chỉ tiêu (độ tin cậy {conf})",
        "† the target's legal text is not verified (confidence {conf})",
    ),
    "summary_counts": (
        "{met} đạt · {at_risk} có nguy cơ · {missed} không đạt · {no_data} chưa có số liệu",
        "{met} met · {at_risk} at risk · {missed} missed · {no_data} no data",
    ),
    "summary_counts_waived": (" · {waived} được miễn", " · {waived} waived"),
    "items_short": ("thiếu {n}", "{n} short"),
    "title": ("Kết quả kiểm tra chỉ tiêu cải cách TTHC", "TTHC reform target check"),
    "other_figures": ("Số liệu khác (không có chỉ tiêu áp dụng)", "Other figures (no target applies)"),
    "units": ("Số liệu của các đơn vị", "The units' figures"),
    "reason_missing_id": ("thiếu mã hồ sơ", "no dossier id"),
    "reason_duplicate_id": ("mã hồ sơ trùng với một dòng trước", "dossier id repeats an earlier row"),
    "reason_missing_unit": ("thiếu đơn vị xử lý", "no unit"),
    "reason_bad_received": ("ngày tiếp nhận không đọc được", "unreadable date received"),
    "reason_bad_date": ("hạn xử lý hoặc ngày có kết quả không đọc được", "unreadable due date or date of result"),
    "reason_resolved_before_received": ("ngày có kết quả trước ngày tiếp nhận", "result dated before receipt"),
    "reason_unknown_channel": ("kênh nộp không có trong tệp ánh xạ", "channel not in the mapping"),
    "reason_unknown_flag": ("giá trị có/không không có trong tệp ánh xạ", "yes/no value not in the mapping"),
    "rejected_row": ("Dòng", "Row"),
    "rejected_reason": ("Lý do", "Reason"),
    "rejected_sheet": ("Dòng bị loại", "Rows left out"),
    "reported_figures": ("Số liệu khác đã báo cáo", "Other figures reported"),
    "unit": ("Đơn vị", "Unit"),
    "unit_kind": ("Loại", "Kind"),
    "unit_kind_department": ("sở, ngành", "department"),
    "unit_kind_commune": ("cấp xã", "commune"),
    "unit_kind_district": ("cấp huyện", "district"),
    "unit_kind_centre": ("trung tâm phục vụ hành chính công", "public administration service centre"),
    "other_counts": ("Số đếm khác", "Other counts"),
    "not_judged": (
        "không đánh giá: số liệu báo cáo có lỗi ({where})",
        "not judged: the figures reported have an error ({where})",
    ),
    "local_targets": (
        "Chỉ tiêu riêng của {body} (văn bản của chính đơn vị)",
        "Targets {body} set itself (its own instruments)",
    ),
    "rank_of": ("hạng {rank}/{of}", "rank {rank}/{of}"),
}


def label(key: str, lang: str, **params: Any) -> str:
    """The label in the language asked for (vi, otherwise English), with its parameters filled in."""
    text = LABELS[key][0 if lang == "vi" else 1]
    return text.format(**params) if params else text


def labels(lang: str) -> dict[str, str]:
    """Every label in one language, for the templates."""
    idx = 0 if lang == "vi" else 1
    return {key: pair[idx] for key, pair in LABELS.items()}
