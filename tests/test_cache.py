"""The cache (issue 16): what each history file gave is read again only when the file, the catalogue or the code
changed; a broken or foreign cache is rebuilt, never believed; the results are those of a run without it."""

from __future__ import annotations

import os
import shutil

import pytest

import engine.history.read as history_read
from engine.cache import folder
from engine.history.store import History


@pytest.fixture
def history(tmp_path, examples, monkeypatch):
    """A copy of the shipped history, a cache of its own, and a count of the files parsed."""
    shutil.copytree(examples / "history", tmp_path / "history")
    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / "cache"))
    parsed: list[str] = []
    real = history_read.load_submission

    def counting(path, cat, *args):
        parsed.append(os.path.basename(path))
        return real(path, cat, *args)

    monkeypatch.setattr(history_read, "load_submission", counting)
    return tmp_path / "history", parsed


def _same(a: History, b: History) -> bool:
    return a.figures == b.figures and a.files == b.files and a.problems == b.problems


def test_an_unchanged_history_is_not_parsed_again(history, catalogue):
    folder_, parsed = history
    first = History.load(str(folder_), catalogue)
    files = len(parsed)
    assert files > 20
    second = History.load(str(folder_), catalogue)
    assert len(parsed) == files  # nothing parsed the second time
    assert _same(first, second)


def test_a_changed_added_or_removed_file_is_seen(history, catalogue, monkeypatch):
    folder_, parsed = history
    History.load(str(folder_), catalogue)
    one = sorted((folder_ / "2024").glob("ha-giang-2024-0*.yaml"))[0]
    text = one.read_text(encoding="utf-8")
    one.write_text(text + "\n# sửa lại\n", encoding="utf-8")  # same figures, new content: parsed again
    parsed.clear()
    History.load(str(folder_), catalogue)
    assert parsed == [one.name]
    one.unlink()
    parsed.clear()
    after = History.load(str(folder_), catalogue)
    assert parsed == [] and str(one) not in after.files.values()
    monkeypatch.setenv("TTHC_CACHE", "off")
    assert _same(after, History.load(str(folder_), catalogue))


def test_a_figure_changed_in_place_changes_the_series(history, catalogue):
    folder_, _ = history
    one = folder_ / "2024" / "ha-giang-2024-03.yaml"
    before = History.load(str(folder_), catalogue)
    text = one.read_text(encoding="utf-8")
    stat = os.stat(one)
    lines = text.splitlines(keepends=True)
    i = next(i for i, line in enumerate(lines) if "numerator:" in line)
    number = int(lines[i].split("numerator:")[1].split(",")[0].strip(" }\n"))
    lines[i] = lines[i].replace(f"numerator: {number}", f"numerator: {number - 1}", 1)
    one.write_text("".join(lines), encoding="utf-8")
    os.utime(one, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same time: the content hash still sees it
    after = History.load(str(folder_), catalogue)
    assert after.figures != before.figures


def test_a_broken_cache_is_rebuilt(history, catalogue, tmp_path):
    folder_, parsed = history
    first = History.load(str(folder_), catalogue)
    entries = os.listdir(folder())
    assert entries
    for name in entries:
        (tmp_path / "cache" / name).write_bytes(b"tthc-check cache 1\nnot the key\n\x80garbage")
    parsed.clear()
    again = History.load(str(folder_), catalogue)
    assert parsed and _same(first, again)
    for name in os.listdir(folder()):
        (tmp_path / "cache" / name).write_bytes((tmp_path / "cache" / name).read_bytes()[:-20])  # cut short
    assert _same(first, History.load(str(folder_), catalogue))


def test_a_cache_that_cannot_be_written_changes_nothing(history, catalogue, tmp_path, monkeypatch):
    folder_, parsed = history
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("TTHC_CACHE_DIR", str(blocker / "cache"))  # under a file: cannot be made
    first = History.load(str(folder_), catalogue)
    assert _same(first, History.load(str(folder_), catalogue))
    assert len(parsed) == 2 * len(first.files)  # nothing cached: every file read both times
    monkeypatch.setenv("TTHC_CACHE", "off")
    assert _same(first, History.load(str(folder_), catalogue))


def test_another_catalogue_is_another_cache(history, catalogue, tmp_path):
    from engine.catalogue.local import with_local_targets

    folder_, parsed = history
    History.load(str(folder_), catalogue)
    local = tmp_path / "targets.local.yaml"
    local.write_text("targets: []\n", encoding="utf-8")
    other = with_local_targets(catalogue, str(local))
    assert other.digest != catalogue.digest
    parsed.clear()
    History.load(str(folder_), other)
    assert parsed  # built against other contents: read again


@pytest.fixture
def checks(history, monkeypatch):
    """The history's copy, and a count of the submissions a report checks (not from the cache)."""
    from engine.check.checker import Checker

    folder_, _ = history
    checked: list[str] = []
    real = Checker._checked

    def counting(self, path, display=None):
        checked.append(os.path.basename(path))
        return real(self, path, display)

    monkeypatch.setattr(Checker, "_checked", counting)
    return folder_, checked


def _briefing(folder_, out, *extra: str) -> tuple[int, bytes]:
    from engine.jobs.report import ReportRequest, run_report

    files = sorted(str(p) for p in (folder_ / "2024").glob("*-2024-11.yaml"))
    outcome = run_report(
        ReportRequest("briefing", files, str(folder_), outputs=[str(out)], waivers=extra[0] if extra else None)
    )
    return outcome.exit_code, out.read_bytes()


def test_a_report_remade_checks_nothing_again(checks, tmp_path, monkeypatch):
    folder_, checked = checks
    first = _briefing(folder_, tmp_path / "a.html")
    assert len(checked) >= 2
    checked.clear()
    assert _briefing(folder_, tmp_path / "b.html") == first and checked == []  # every check from the cache
    monkeypatch.setenv("TTHC_CACHE", "off")
    assert _briefing(folder_, tmp_path / "c.html") == first  # the same report as without a cache


def test_a_report_with_other_waivers_is_checked_again(checks, tmp_path, examples):
    folder_, checked = checks
    waivers = tmp_path / "waivers.yaml"
    text = (examples / "settings" / "waivers.yaml").read_text(encoding="utf-8")
    waivers.write_text(text, encoding="utf-8")
    _briefing(folder_, tmp_path / "a.html", str(waivers))
    checked.clear()
    waivers.write_text(text.replace("justification: Ví dụ", "justification: Lý do khác, ví dụ"), encoding="utf-8")
    _briefing(folder_, tmp_path / "b.html", str(waivers))
    assert checked  # the waivers changed: what a check says may change with them


def test_the_catalogue_and_rules_are_read_once_per_content(tmp_path, monkeypatch):
    """A plain check starts from the cached catalogue and rules (no pydantic); a changed file is read again."""
    import engine.catalogue.load as load
    from engine.resources import data_dir

    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / "cache"))
    targets = tmp_path / "targets"
    shutil.copytree(data_dir("targets"), targets)
    reads: list[int] = []
    real = load._read
    monkeypatch.setattr(load, "_read", lambda paths, digest: reads.append(1) or real(paths, digest))
    first = load.load_catalogue(str(targets))
    again = load.load_catalogue(str(targets))
    assert len(reads) == 1 and again.digest == first.digest and again.targets == first.targets
    calendar = targets / "calendar.yaml"
    calendar.write_text(calendar.read_text(encoding="utf-8") + "\n# sửa\n", encoding="utf-8")
    changed = load.load_catalogue(str(targets))
    assert len(reads) == 2 and changed.digest != first.digest


def test_a_broken_catalogue_cache_is_read_again(tmp_path, monkeypatch):
    """A cached catalogue cut short, or another version's, is never believed: the files are read again."""
    import engine.catalogue.load as load

    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / "cache"))
    first = load.load_catalogue()
    (entry,) = [p for p in (tmp_path / "cache").iterdir() if p.name.startswith("catalogue-")]
    reads: list[int] = []
    real = load._read
    monkeypatch.setattr(load, "_read", lambda paths, digest: reads.append(1) or real(paths, digest))
    for damage in (entry.read_bytes()[:-100], b"tthc-check cache 0\n" + entry.read_bytes()):
        entry.write_bytes(damage)
        again = load.load_catalogue()
        assert again.targets == first.targets and again.digest == first.digest
    assert len(reads) == 2


def test_the_number_symbols_come_from_the_cache_only_when_it_holds_babels(tmp_path, monkeypatch):
    """The decimal mark, group separator and minus sign are Babel's (CLDR's) whether read from Babel or from the
    cache; a damaged entry is not believed."""
    from babel.numbers import get_decimal_symbol, get_group_symbol, get_minus_sign_symbol

    from engine.text import fmt

    monkeypatch.setenv("TTHC_CACHE_DIR", str(tmp_path / "cache"))
    babel = {lang: tuple(f(loc) for f in (get_decimal_symbol, get_group_symbol, get_minus_sign_symbol))
             for lang, loc in (("vi", "vi_VN"), ("en", "en_GB"))}  # fmt: skip
    assert babel["vi"][:2] == (",", ".")
    for damage in (None, b"", b"tthc-check cache 1\nnot the key\n"):
        for lang in babel:
            fmt._symbols.cache_clear()
            entry = tmp_path / "cache" / f"symbols-{fmt._LOCALE[lang]}"
            if damage is not None and entry.exists():
                entry.write_bytes(damage)
            assert fmt._symbols(lang) == babel[lang]  # read from Babel (and stored), or from the cache
            assert entry.read_bytes().startswith(b"tthc-check cache 1\n") and len(entry.read_bytes()) > 100
            fmt._symbols.cache_clear()
            assert fmt._symbols(lang) == babel[lang]
    fmt._symbols.cache_clear()
