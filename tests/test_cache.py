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
