"""How good the related articles are at scale: relate()'s five against the exact five over all pairs.

relate() scores each article only against candidates from an index, so its cost per article stays bounded.
This scores every pair instead, in blocks of rows, with relate()'s own formula (related.scores_against_all), to
measure what the index misses, on a synthetic corpus of N articles (bench/synthetic.py). One JSON line per N:

- recall: the share of the exact five that relate() also picked;
- score_share: the summed score of relate()'s picks against that of the exact five.

Usage:
    .venv/bin/python bench/related_recall.py 1000 10000
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.synthetic import make_synthetic_project  # noqa: E402
from generator import site  # noqa: E402
from generator.config import load_site_data  # noqa: E402
from generator.enrich import related  # noqa: E402
from generator.model import Article  # noqa: E402

BLOCK = 500  # rows scored at once: a block of 500 × 10,000 scores is 40 MB


def exact_best(articles: Sequence[Article]) -> dict[str, list[tuple[float, str]]]:
    """Each article's best RELATED_LIMIT others over all pairs, (score, slug), ranked as relate() ranks them."""
    compared = related.profiles(articles)
    best = {}
    for start in range(0, len(articles), BLOCK):
        rows = np.arange(start, min(len(articles), start + BLOCK))
        scores = related.scores_against_all(compared, rows)
        scores[np.arange(len(rows)), rows] = -1.0  # not related to itself
        for index, row in enumerate(rows):
            top = np.argpartition(-scores[index], 4 * related.RELATED_LIMIT)[: 4 * related.RELATED_LIMIT]
            ranked = sorted((-round(float(scores[index, o]), 6), articles[o].slug) for o in top)
            chosen = [(-score, slug) for score, slug in ranked if -score >= related.MIN_SCORE]
            best[articles[row].slug] = chosen[: related.RELATED_LIMIT]
    return best


def recall(count: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory(prefix="related-recall-") as folder:
        project = make_synthetic_project(Path(folder) / "project", count)
        data = load_site_data(project.content)
        articles = site.enrich(site.read_articles(project.content, data).articles, data)
    best = exact_best(articles)
    found = wanted = 0
    picked_score = best_score = 0.0
    for article in articles:
        exact = best[article.slug]
        found += len({slug for _, slug in exact} & {r.slug for r in article.related})
        wanted += len(exact)
        picked_score += sum(r.score for r in article.related)
        best_score += sum(score for score, _ in exact)
    return {"n": count, "recall": round(found / wanted, 4), "score_share": round(picked_score / best_score, 4)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[1000], help="corpus sizes (default 1000)")
    for count in parser.parse_args(argv).counts:
        print(json.dumps(recall(count)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
