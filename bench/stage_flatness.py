"""Is each stage's cost per article flat? generate() at two corpus sizes, in turn, several rounds: medians.

bench/synthetic.py times each size once, minutes apart; on a shared machine one stage's time moves by a
quarter from run to run, so its ratio of 10,000 to 1,000 measures the machine as much as the stage. Here the
two sizes run alternately, each in a fresh process (generate() only, from an empty docs/ and no memo), and
the ratio is taken of the medians over the rounds. One JSON line: the medians and the ratio per stage.

Usage:
    .venv/bin/python bench/stage_flatness.py 1000 10000 --rounds 3
"""

from __future__ import annotations

import argparse
import json
import logging
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.synthetic import BEFORE_MKDOCS, StageTimes, make_synthetic_project  # noqa: E402
from generator import site  # noqa: E402


def child(root: Path) -> dict[str, float]:
    """CPU milliseconds per article of each stage of one generate() of the project at `root`."""
    project = site.Project(root)
    shutil.rmtree(project.docs, ignore_errors=True)
    shutil.copytree(REPO / "docs", project.docs, ignore=shutil.ignore_patterns(*site.GENERATED))
    project.enrichment_memo.unlink(missing_ok=True)
    handler = StageTimes()
    site.STAGE_LOG.addHandler(handler)
    site.STAGE_LOG.setLevel(logging.DEBUG)
    count = len(site.generate(project))
    per_article = {name: 1000 * handler.cpu.get(name, 0.0) / count for name in BEFORE_MKDOCS}
    per_article["generator"] = sum(per_article.values())
    return per_article


def flatness(small: int, large: int, rounds: int) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="stage-flatness-") as folder:
        roots = {n: make_synthetic_project(Path(folder) / str(n), n).root for n in (small, large)}
        runs: dict[int, list[dict[str, float]]] = {small: [], large: []}
        for _ in range(rounds):
            for n, root in roots.items():
                output = subprocess.run(
                    [sys.executable, __file__, "--child", str(root)], check=True, capture_output=True, text=True
                ).stdout
                runs[n].append(json.loads(output))
    medians = {n: {name: statistics.median(r[name] for r in rs) for name in rs[0]} for n, rs in runs.items()}
    return {
        "rounds": rounds,
        "ms_per_article": {str(n): {k: round(v, 3) for k, v in m.items()} for n, m in medians.items()},
        "ratio": {
            name: round(medians[large][name] / medians[small][name], 2) if medians[small][name] >= 0.05 else None
            for name in medians[small]
        },
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000], help="the two corpus sizes")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    options = parser.parse_args(argv)
    if options.child:
        print(json.dumps(child(options.child)))
        return 0
    small, large = options.sizes
    print(json.dumps(flatness(small, large, options.rounds)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
