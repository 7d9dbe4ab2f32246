"""Words of the reports, in Vietnamese and English."""

LABELS: dict[str, tuple[str, str]] = {
    "met": ("đạt", "met"),
    "at_risk": ("có nguy cơ", "at risk"),
    "missed": ("không đạt", "missed"),
    "no_data": ("chưa có số liệu", "no data"),
    "waived": ("được miễn", "waived"),
    "waiver_line": ("miễn theo văn bản {number} ngày {date} của {authority}, đến {expires}: {why}",
                    "waived by {number} of {date} ({authority}), until {expires}: {why}"),
    "target": ("Chỉ tiêu", "Target"),
    "metric": ("Chỉ số", "Metric"),
    "value": ("Giá trị", "Value"),
    "threshold": ("Ngưỡng", "Threshold"),
    "status": ("Trạng thái", "Status"),
    "gap": ("Thiếu (điểm)", "Gap (points)"),
    "shortfall": ("Còn thiếu", "Shortfall"),
    "lead": ("Chủ trì", "Lead"),
    "support": ("Phối hợp", "Support"),
    "units_behind": ("Đơn vị chậm", "Units behind"),
    "deadline": ("Hạn", "Deadline"),
    "instrument": ("Căn cứ", "Basis"),
    "period": ("kỳ", "period"),
    "as_of": ("số liệu đến", "figures as of"),
    "no_targets": ("Không có chỉ tiêu nào áp dụng cho kỳ này.", "No target applies to this period."),
    "stated_note": ("* tỷ lệ tự báo cáo, không kiểm chứng được từ số đếm", "* rate as reported, not verifiable from counts"),
    "unverified_note": ("† chưa kiểm chứng văn bản pháp lý của chỉ tiêu (độ tin cậy {conf})",
                        "† the target's legal text is not verified (confidence {conf})"),
    "unverified": ("chưa kiểm chứng", "unverified"),
    "not_identified": ("văn bản chưa xác định", "instrument not identified"),
    "summary": ("{met} đạt · {at_risk} có nguy cơ · {missed} không đạt · {no_data} chưa có số liệu",
                "{met} met · {at_risk} at risk · {missed} missed · {no_data} no data"),
    "summary_waived": (" · {waived} được miễn", " · {waived} waived"),
    "issues": ("Vấn đề về số liệu", "Data issues"),
    "indicators": ("Số liệu", "Figures"),
    "items_short": ("thiếu {n}", "{n} short"),
    "title": ("Kết quả kiểm tra chỉ tiêu cải cách TTHC", "TTHC reform target check"),
    "source_counts": ("từ số đếm", "from counts"),
    "source_reported": ("tử số/mẫu số", "numerator/denominator"),
    "source_stated": ("tự báo cáo", "as reported"),
    "other_figures": ("Số liệu khác (không có chỉ tiêu áp dụng)", "Other figures (no target applies)"),
    "rank": ("hạng {rank}/{of}", "rank {rank}/{of}"),
}


def label(key: str, lang: str, **params: object) -> str:
    text = LABELS[key][0 if lang == "vi" else 1]
    return text.format(**params) if params else text
