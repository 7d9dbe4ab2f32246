"""Benchmarks (not timed tests): `python -m bench.run` prints a Markdown table for README and writes
bench/results.json.

1. Cold start: `tthc-check` on a shipped example against a bare `python -c pass` (goal: at most 10 times).
2. National batch in one process: 34 provinces × 12 months × 100 units; unit-level checks per second and peak
   memory (goal: at least 20,000 checks per second).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


# As on a user's machine, Python may write and reuse .pyc files (this workplace sets PYTHONDONTWRITEBYTECODE,
# which would make every run compile our modules from source).
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def _runs(cmd: list[str], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, env=_ENV, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False)
        times.append(time.perf_counter() - start)
        # a run that failed is not a fast run: a crash (exit 3) once passed here for a start twice as quick
        if done.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)}: exit {done.returncode}\n{done.stderr.decode(errors='replace')}")
    return times


def cold_start(runs: int = 31) -> dict:
    exe = os.path.join(os.path.dirname(sys.executable), "tthc-check")
    cmd = [exe] if os.path.exists(exe) else [sys.executable, "-m", "engine"]
    _runs(cmd + ["examples/ha-giang-2024.yaml"], 3)  # warm the file cache and write .pyc files
    # interleave the two commands so that a slow spell of the machine hits both alike
    bare, check = [], []
    for _ in range(runs):
        bare += _runs([sys.executable, "-c", "pass"], 1)
        check += _runs(cmd + ["examples/ha-giang-2024.yaml"], 1)
    med_b, med_c = statistics.median(bare), statistics.median(check)
    return {
        "python_c_pass_s": round(med_b, 4),
        "tthc_check_s": round(med_c, 4),
        "ratio": round(med_c / med_b, 1),
        "python_c_pass_min_s": round(min(bare), 4),
        "tthc_check_min_s": round(min(check), 4),
        "ratio_of_minima": round(min(check) / min(bare), 1),
        "runs": runs,
    }


def _unit_checks(doc: dict, result) -> int:
    """Unit-level checks in one submission: each unit's figure compared with each applicable target's threshold."""
    derived = {"online_dossier_rate", "on_time_rate"}
    total = 0
    for unit in doc["units"]:
        have = set(unit.get("indicators", {})) | (derived if unit.get("counts") else set())
        total += sum(1 for f in result.findings if f.target.metric in have)
    return total


def national_batch() -> dict:
    import yaml

    from bench.national import batch
    from engine.check.checker import build_checker
    from engine.check.evaluate import evaluate
    from engine.io.yamlio import parse_yaml
    from engine.model.submission import validate_submission

    checker = build_checker()
    cat = checker.catalogue
    provinces = [p.name for p in sorted(cat.geography.current.values(), key=lambda p: p.code)]
    docs = batch(provinces)
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # as a tool that checks many submissions in one process does (run() over files does it itself): batch()
    start = time.perf_counter()
    with checker.batch():
        results = [checker.check_text(text, name) for name, text in docs]
    elapsed = time.perf_counter() - start
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # submissions already in memory as data (as a tool that computes them would hand them over): validate +
    # evaluate, no YAML text
    datas = [(name, yaml.load(text, Loader=yaml.CSafeLoader)) for name, text in docs]
    start = time.perf_counter()
    with checker.batch():
        for name, data in datas:
            checker.check_data(data, name)
    data_elapsed = time.perf_counter() - start
    # the evaluation stage alone (figures, rules, findings), on submissions already read and validated
    loaded = [validate_submission(parse_yaml(text, name), cat) for name, text in docs]
    start = time.perf_counter()
    with checker.batch():
        for sub in loaded:
            evaluate(sub, cat, checker.engine)
    eval_elapsed = time.perf_counter() - start
    unit_checks = units = 0
    for (_, text), result in zip(docs, results, strict=True):
        assert not result.has_errors, result.issues[:3]
        doc = yaml.load(text, Loader=yaml.CSafeLoader)
        units += len(doc["units"])
        unit_checks += _unit_checks(doc, result)
    return {
        "submissions": len(docs),
        "units": units,
        "unit_checks": unit_checks,
        "seconds": round(elapsed, 2),
        "unit_checks_per_s": int(unit_checks / elapsed),
        "data_seconds": round(data_elapsed, 2),
        "data_unit_checks_per_s": int(unit_checks / data_elapsed),
        "eval_seconds": round(eval_elapsed, 2),
        "eval_unit_checks_per_s": int(unit_checks / eval_elapsed),
        "peak_rss_mb": round(rss_after / 1024, 1),
        "rss_growth_mb": round((rss_after - rss_before) / 1024, 1),
    }


def briefing_34() -> dict:
    """The briefing pack for all 34 provinces, each with 12 months of history (100 units a month): the report job
    as the command runs it, then its stages one by one."""
    import tempfile

    from bench.national import batch
    from engine.check.checker import build_checker
    from engine.history.store import History
    from engine.jobs.report import ReportRequest, run_report
    from engine.report.briefing import build_briefing
    from engine.report.render import render_text

    checker = build_checker()
    cat = checker.catalogue
    provinces = [p.name for p in sorted(cat.geography.current.values(), key=lambda p: p.code)]
    with tempfile.TemporaryDirectory() as folder:
        for name, text in batch(provinces):
            with open(os.path.join(folder, name), "w", encoding="utf-8") as fh:
                fh.write(text)
        last = sorted(os.path.join(folder, n) for n in os.listdir(folder) if n.endswith("2026-06.yaml"))
        out = os.path.join(folder, "hop.html")
        os.environ["TTHC_CACHE_DIR"] = os.path.join(folder, ".cache")  # empty: the first run reads every file
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        start = time.perf_counter()
        outcome = run_report(ReportRequest("briefing", last, folder, outputs=[out]))
        job = time.perf_counter() - start
        assert outcome.exit_code in (0, 1), outcome.stderr  # 1: a target missed, as check says
        rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        warm = []  # the history unchanged since the last run: read from the cache
        for _ in range(3):
            start = time.perf_counter()
            run_report(ReportRequest("briefing", last, folder, outputs=[out]))
            warm.append(time.perf_counter() - start)
        os.environ["TTHC_CACHE"] = "off"  # the stages below, as without a cache
        start = time.perf_counter()
        history = History.load(folder, cat)
        loaded = time.perf_counter()
        run = checker.run(last, keep_submissions=True)
        items = [(s, r) for s, r in zip(run.submissions, run.files, strict=True) if s is not None]
        view = build_briefing(items, history, cat, "vi")
        built = time.perf_counter()
        html = render_text(view, "briefing", "html")
        done = time.perf_counter()
    return {
        "provinces": len(last),
        "history_files": len(history.figures),
        "load_history_s": round(loaded - start, 2),
        "build_s": round(built - loaded, 2),
        "render_s": round(done - built, 2),
        "total_s": round(job, 2),
        "warm_total_s": round(statistics.median(warm), 2),
        "warm_speedup": round(job / statistics.median(warm), 1),
        "html_mb": round(len(html.encode()) / 2**20, 2),
        "peak_rss_mb": round(rss_after / 1024, 1),
        "rss_growth_mb": round((rss_after - rss_before) / 1024, 1),
    }


def site_34() -> dict:
    """`tthc-check site` over 34 provinces × 24 months (100 units each; the first 12 months under the 63
    provinces' names, as the files of a real office would be): a full build, then the rebuild after one new
    file lands (goal: under 2 s)."""
    import tempfile

    from bench.national import MONTHS_24, batch
    from engine.check.checker import build_checker
    from engine.jobs.site import SiteRequest, run_site

    cat = build_checker().catalogue
    provinces = [p.name for p in sorted(cat.geography.current.values(), key=lambda p: p.code)]
    docs = batch(provinces, months=MONTHS_24[:-1])
    last = batch(provinces, months=MONTHS_24[-1:])[0]
    with tempfile.TemporaryDirectory() as folder:
        history, site = os.path.join(folder, "history"), os.path.join(folder, "site")
        os.makedirs(history)
        for name, text in docs:
            with open(os.path.join(history, name), "w", encoding="utf-8") as fh:
                fh.write(text)
        os.environ["TTHC_CACHE_DIR"] = os.path.join(folder, ".cache")
        start = time.perf_counter()
        outcome = run_site(SiteRequest(history, site))
        full = time.perf_counter() - start
        assert outcome.exit_code == 0, outcome.stderr
        with open(os.path.join(history, last[0]), "w", encoding="utf-8") as fh:
            fh.write(last[1])
        start = time.perf_counter()
        outcome = run_site(SiteRequest(history, site))
        rebuild = time.perf_counter() - start
        start = time.perf_counter()
        run_site(SiteRequest(history, site))
        unchanged = time.perf_counter() - start
        pages = sum(len(files) for _, _, files in os.walk(site))
    return {
        "files": len(docs) + 1,
        "pages": pages,
        "full_s": round(full, 1),
        "rebuild_one_new_s": round(rebuild, 2),
        "rebuild_unchanged_s": round(unchanged, 2),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
    }


def growth() -> dict:
    """How cost grows (issue 16 §5): one submission of 10 to 10,000 units, and runs of 1 to 1,000 files of 10
    units, each in one process; the slope is the time (and memory) added per unit or per file."""
    import random
    import tempfile

    import yaml

    from bench.national import submission
    from engine.check.checker import build_checker

    checker = build_checker()
    rng = random.Random(7)
    per_units = {}
    for units in (10, 100, 1_000, 10_000):
        text = yaml.safe_dump(submission("Tuyên Quang", "2025-09", units, rng), allow_unicode=True, sort_keys=False)
        checker.check_text(text, "warm.yaml")
        start = time.perf_counter()
        result = checker.check_text(text, "s.yaml")
        per_units[units] = round(time.perf_counter() - start, 3)
        assert not result.has_errors
    per_files = {}
    with tempfile.TemporaryDirectory() as folder:
        one = yaml.safe_dump(submission("Tuyên Quang", "2025-09", 10, rng), allow_unicode=True, sort_keys=False)
        paths = []
        for i in range(1_000):
            paths.append(os.path.join(folder, f"s{i:04d}.yaml"))
            with open(paths[-1], "w", encoding="utf-8") as fh:
                fh.write(one)
        for files in (1, 10, 100, 1_000):
            start = time.perf_counter()
            checker.run(paths[:files])
            per_files[files] = round(time.perf_counter() - start, 3)
    return {
        "seconds_by_units": per_units,
        "ms_per_unit": round(1000 * (per_units[10_000] - per_units[100]) / 9_900, 3),
        "seconds_by_files": per_files,
        "ms_per_file": round(1000 * (per_files[1_000] - per_files[10]) / 990, 2),
    }


def alias_bomb(levels: int = 9) -> dict:
    """A billion-laughs file (9^9 leaves if expanded): rejected without expanding it."""
    import tracemalloc

    from engine.check.checker import build_checker

    lines = ["province: Hà Giang", "period: 2024", "l0: &l0 [" + ", ".join(["lol"] * 9) + "]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    text = "\n".join(lines) + "\n"
    checker = build_checker()
    # pydantic is imported only when a file is not well formed (this one is not): import it first, so that what
    # is measured is the file's handling, not an import
    checker.check_text("province: Hà Giang\nperiod: 2024\nunknown: 1\n", "warm.yaml")
    tracemalloc.start()
    start = time.perf_counter()
    result = checker.check_text(text, "bomb.yaml")
    elapsed = time.perf_counter() - start
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert result.has_errors and any(p.code == "yaml.alias" for p in result.issues)
    return {"leaves_if_expanded": 9**levels, "seconds": round(elapsed, 4), "peak_mb": round(peak / 2**20, 2)}


SECTIONS = {
    "cold_start": cold_start,
    "national_batch": national_batch,
    "alias_bomb": alias_bomb,
    "briefing_34": briefing_34,
    "site_34": site_34,
    "growth": growth,
}


def _section(name: str) -> dict:
    """Each benchmark in a process of its own, so that peak memory is its own."""
    proc = subprocess.run(
        [sys.executable, "-m", "bench.run", "--section", name],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout)


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--section":
        print(json.dumps(SECTIONS[sys.argv[2]]()))
        return
    out = {
        "machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        **{name: _section(name) for name in SECTIONS},
    }
    with open(os.path.join(ROOT, "bench", "results.json"), "w", encoding="utf-8") as fh:
        json.dump(out, fh, indent=2, sort_keys=True)
        fh.write("\n")
    c, n = out["cold_start"], out["national_batch"]
    print("| benchmark | result | goal |")
    print("|---|---|---|")
    print(
        f"| cold `tthc-check examples/ha-giang-2024.yaml` vs `python -c pass` ({c['runs']} runs each, interleaved) | "
        f"median {c['tthc_check_s'] * 1000:.0f} ms vs {c['python_c_pass_s'] * 1000:.0f} ms = {c['ratio']}×; "
        f"fastest {c['tthc_check_min_s'] * 1000:.0f} ms vs {c['python_c_pass_min_s'] * 1000:.0f} ms = "
        f"{c['ratio_of_minima']}× | ≤ 10× |"
    )
    print(
        f"| national batch, one process, read + validate + evaluate: {n['submissions']} submissions, "
        f"{n['units']:,} units | {n['unit_checks_per_s']:,} unit-level checks/s ({n['unit_checks']:,} in "
        f"{n['seconds']} s), peak RSS {n['peak_rss_mb']} MB (+{n['rss_growth_mb']} MB) | ≥ 20,000 checks/s |"
    )
    print(
        f"| the same batch handed over as data in memory (validate + evaluate, no YAML text) | "
        f"{n['data_unit_checks_per_s']:,} unit-level checks/s ({n['data_seconds']} s) | ≥ 20,000 checks/s |"
    )
    r = out["briefing_34"]
    print(
        f"| briefing pack for {r['provinces']} provinces, {r['history_files']} history files (100 units each) | "
        f"{r['total_s']} s (history {r['load_history_s']} s, build {r['build_s']} s, HTML {r['render_s']} s, "
        f"{r['html_mb']} MB); peak RSS {r['peak_rss_mb']} MB (+{r['rss_growth_mb']} MB) | — |"
    )
    print(
        f"| the same briefing again, the history unchanged (read from the cache) | {r['warm_total_s']} s: "
        f"{r['warm_speedup']}× faster | ≥ 10× faster |"
    )
    w = out["site_34"]
    print(
        f"| `tthc-check site`: {w['files']} history files (34 provinces × 24 months, 100 units each), {w['pages']} "
        f"files in the site | full build {w['full_s']} s; after one new file {w['rebuild_one_new_s']} s; nothing "
        f"changed {w['rebuild_unchanged_s']} s; peak RSS {w['peak_rss_mb']} MB | rebuild < 2 s |"
    )
    g = out["growth"]
    print(
        f"| how cost grows: one submission of 10 → 10,000 units; runs of 1 → 1,000 files of 10 units | "
        f"{g['seconds_by_units']} s by units: {g['ms_per_unit']} ms a unit; {g['seconds_by_files']} s by files: "
        f"{g['ms_per_file']} ms a file | linear |"
    )
    b = out["alias_bomb"]
    print(
        f"| an alias bomb of {b['leaves_if_expanded']:,} leaves if expanded | rejected in {b['seconds'] * 1000:.1f} ms, "
        f"peak {b['peak_mb']} MB traced | fast, memory bounded |"
    )
    print(
        f"| the same batch, evaluation stage only (submissions already read) | "
        f"{n['eval_unit_checks_per_s']:,} unit-level checks/s ({n['eval_seconds']} s) | ≥ 20,000 checks/s |"
    )


if __name__ == "__main__":
    main()
