"""The national batch from YAML text, this checkout against another (an earlier commit), interleaved: on a noisy
machine only a ratio of runs made side by side says what a change gained (issue 16).

    git worktree add /tmp/base 38180ad   # the code before issue 16
    python -m bench.versus /tmp/base [--rounds 3]

Each run is a process of its own, with its own cache folder, checking the same 408 generated submissions (34
provinces × 12 months × 100 units, written once by this checkout's generator) with `check_text`, inside
`Checker.batch()` where the code has it. Prints each run and the ratio of the medians, as JSON, and writes it to bench/versus.json.
"""

from __future__ import annotations

import json
import os
import pickle
import statistics
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

_RUN = """
import json, pickle, sys, time
from contextlib import nullcontext
from engine.check.checker import build_checker
docs = pickle.load(open(sys.argv[1], "rb"))
checker = build_checker()
with checker.batch() if hasattr(checker, "batch") else nullcontext():
    start, cpu = time.perf_counter(), time.process_time()
    results = [checker.check_text(text, name) for name, text in docs]
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
assert not any(r.has_errors for r in results)
print(json.dumps({"seconds": seconds, "cpu": cpu}))
"""


def _docs(path: str) -> int:
    from bench.national import batch
    from bench.run import _unit_checks
    from engine.check.checker import build_checker

    checker = build_checker()
    provinces = [p.name for p in sorted(checker.catalogue.geography.current.values(), key=lambda p: p.code)]
    docs = batch(provinces)
    with open(path, "wb") as fh:
        pickle.dump(docs, fh)
    import yaml

    return sum(
        _unit_checks(yaml.load(text, Loader=yaml.CSafeLoader), checker.check_text(text, name)) for name, text in docs
    )


def _one(tree: str, docs: str, cache: str) -> dict:
    env = {**os.environ, "PYTHONPATH": tree, "TTHC_CACHE_DIR": cache}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    out = subprocess.run(
        [sys.executable, "-c", _RUN, docs], cwd=tree, env=env, capture_output=True, text=True, check=True
    )
    return json.loads(out.stdout)


def main() -> None:
    other = os.path.abspath(sys.argv[1])
    rounds = int(sys.argv[sys.argv.index("--rounds") + 1]) if "--rounds" in sys.argv else 3
    with tempfile.TemporaryDirectory() as tmp:
        docs = os.path.join(tmp, "docs.pkl")
        checks = _docs(docs)
        runs: dict[str, list[dict]] = {"other": [], "this": []}
        for _ in range(rounds):
            runs["other"].append(_one(other, docs, os.path.join(tmp, "cache-other")))
            runs["this"].append(_one(ROOT, docs, os.path.join(tmp, "cache-this")))
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in runs.items()}
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=other, capture_output=True, text=True)
    out = json.dumps(
        {
            "other": commit.stdout.strip() or other,
            "unit_checks": checks,
            "checks_per_s": {k: [int(checks / r["seconds"]) for r in v] for k, v in runs.items()},
            "median_checks_per_s": {k: int(checks / s) for k, s in med.items()},
            "speedup_of_medians": round(med["other"] / med["this"], 2),
        },
        indent=2,
    )
    print(out)
    with open(os.path.join(ROOT, "bench", "versus.json"), "w", encoding="utf-8") as fh:
        fh.write(out + "\n")


if __name__ == "__main__":
    main()
