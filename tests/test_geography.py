"""Provinces: names in any spelling, codes by era, the 2025 mergers, and the current units against the
vietnam-provinces package."""

from __future__ import annotations

import unicodedata
from datetime import date

import pytest

from engine.catalogue.bodies import BodyLookupError

Y2024, Y2025 = date(2024, 12, 31), date(2025, 12, 31)


@pytest.mark.parametrize(
    "name",
    [
        "Hà Giang",
        "HÀ GIANG",
        "ha giang",
        "Tỉnh Hà Giang",
        "tinh ha giang",
        "02",
        2,
        unicodedata.normalize("NFD", "Hà Giang"),
    ],
)
def test_name_spellings(catalogue, name):
    assert catalogue.geography.resolve(name, Y2024).code == "02"


@pytest.mark.parametrize(
    "name,code",
    [
        ("TP. Hồ Chí Minh", "79"),
        ("Thành phố Hồ Chí Minh", "79"),
        ("TP.HCM", "79"),
        ("tp hcm", "79"),
        ("Bà Rịa–Vũng Tàu", "77"),
        ("Ba Ria - Vung Tau", "77"),
        ("Thừa Thiên Huế", "46"),
        ("Đắk Lắk", "66"),
        ("Dak Lak", "66"),
        ("thanh pho can tho", "92"),
    ],
)
def test_city_prefixes_and_dashes(catalogue, name, code):
    assert catalogue.geography.resolve(name, Y2024).code == code


def test_codes_are_read_in_their_era(catalogue):
    geo = catalogue.geography
    assert geo.resolve("15", Y2024).name == "Yên Bái"
    assert geo.resolve("15", Y2025).name == "Lào Cai"
    assert geo.resolve("Lào Cai", Y2024).code == "10"
    assert geo.resolve("Lào Cai", Y2025).code == "15"


def test_merged_province_names_its_successor(catalogue):
    with pytest.raises(BodyLookupError) as err:
        catalogue.geography.resolve("Yên Bái", date(2025, 12, 31))
    assert err.value.code == "province.merged"
    assert err.value.params["successor"] == "Lào Cai"
    assert err.value.params["since"] == date(2025, 7, 1)


def test_every_former_province_has_one_successor(catalogue):
    geo = catalogue.geography
    assert len(geo.former) == 63 and len(geo.current) == 34
    assert sorted(geo.successor) == sorted(geo.former)


def test_current_units_match_vietnam_provinces_package(catalogue):
    vp = pytest.importorskip("vietnam_provinces")
    from engine.catalogue.geography import name_key

    theirs = {f"{int(p.code):02d}": name_key(p.name) for p in vp.Province.iter_all()}
    ours = {code: name_key(p.name) for code, p in catalogue.geography.current.items()}
    assert ours == theirs
