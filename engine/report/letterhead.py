"""Who issues a Word report (Nghị định 30/2020/NĐ-CP): the letterhead's fields, from options or a small settings
file (YAML, validated with file and line), with the defaults of each kind of report."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict

DOTS = "…………"


def _recipient(value: Any) -> Any:
    """ "- Lưu: VT, KSTT." is a recipient as written, though YAML reads it as a mapping (Lưu → VT, KSTT.)."""
    if isinstance(value, dict) and len(value) == 1:
        key, text = next(iter(value.items()))
        return f"{key}: {text}"
    return value


DEFAULT_PARENT = "ỦY BAN NHÂN DÂN TỈNH " + DOTS
# a briefing pack is a central office's document: the Government Office's administrative procedure control agency
CENTRAL = {"parent": "VĂN PHÒNG CHÍNH PHỦ", "issuer": "CỤC KIỂM SOÁT THỦ TỤC HÀNH CHÍNH", "signer_title": "CỤC TRƯỞNG"}


class Letterhead(BaseModel):
    """Who issues the document: from options or a small settings file (YAML); fields left out take the defaults
    of the report (a province's People's Committee for a monthly report, a central office for a briefing)."""

    model_config = ConfigDict(extra="forbid")
    parent: str = DEFAULT_PARENT
    issuer: str = "VĂN PHÒNG"
    number: str = f"Số: {DOTS}/BC-{DOTS}"
    place: str = "………"
    date: str = "ngày …… tháng …… năm 20……"  # short dots: the place and the date stay on one line
    signer_title: str = "CHÁNH VĂN PHÒNG"
    signer_on_behalf: str = ""
    signer: str = DOTS
    recipients: list[Annotated[str, BeforeValidator(_recipient)]] = ["Như trên;", "Lưu: VT."]

    def for_report(self, kind: str, issuer: str) -> Letterhead:
        """The fields the user left out filled from the report: the province's or ministry's name, or for a
        briefing the central office."""
        given = self.model_fields_set
        if kind == "briefing":
            return self.model_copy(update={k: v for k, v in CENTRAL.items() if k not in given})
        if issuer and "parent" not in given:
            return self.model_copy(update={"parent": issuer})
        return self


def load_letterhead(path: str | None) -> Letterhead:
    """The letterhead settings file (YAML), validated with file and line; the dotted defaults without one."""
    if not path:
        return Letterhead()
    from pydantic import ValidationError

    from engine.errors import DataFileError
    from engine.io.yamlio import load_yaml
    from engine.model.validation import problems_from

    doc = load_yaml(path)
    try:
        return Letterhead.model_validate(doc.data)
    except ValidationError as exc:
        raise DataFileError(problems_from(exc, doc, (), Letterhead)) from None
