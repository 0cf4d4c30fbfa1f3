"""bench/synthetic.py's corpus: valid articles shaped like the real ones, the same for the same seed.

The bench's timings are not tested here: they are measured and reported by `make bench`, never asserted.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest
from playwright.sync_api import Browser, expect

from generator import site
from tests.conftest import serve

ROOT = Path(__file__).resolve().parent.parent


def bench_script(name: str) -> ModuleType:
    """bench/ is not a package: load a script as a module (it puts the repo root on sys.path itself)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic() -> ModuleType:
    return bench_script("synthetic")


def digest(directory: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(directory.glob("*.md"))}


def test_a_synthetic_corpus_is_valid_and_cross_linked(synthetic: ModuleType, tmp_path: Path) -> None:
    project = synthetic.make_synthetic_project(tmp_path / "a", 60)
    data, articles = site.load(project)  # raises ContentErrors on any invalid article
    assert len(articles) == 60
    assert {a.front.outlet for a in articles} <= {o.id for o in data.outlets}
    assert sum(len(a.entities) for a in articles) > 60 * 3
    assert any(r.is_link for a in articles for r in a.references)
    assert any(a.related for a in articles)
    assert all(a.front.date is None or a.front.date in data.period for a in articles)


def test_a_synthetic_article_names_about_as_many_entities_as_a_real_one(
    synthetic: ModuleType, tmp_path: Path, project: site.Project
) -> None:
    _, real = site.load(project)
    _, made = site.load(synthetic.make_synthetic_project(tmp_path / "a", 60))
    real_mean = sum(len(a.entity_ids) for a in real) / len(real)
    made_mean = sum(len(a.entity_ids) for a in made) / len(made)
    assert 0.75 * real_mean <= made_mean <= 1.25 * real_mean


def test_related_articles_are_measured_against_the_best_over_all_pairs() -> None:
    measured = bench_script("related_recall").recall(40)
    # With 40 articles the index finds nearly every candidate; no pick can score above the exact best.
    assert measured["recall"] >= 0.9
    assert measured["score_share"] <= 1.0


def test_stage_flatness_compares_medians_of_generate_at_two_sizes() -> None:
    measured = bench_script("stage_flatness").flatness(20, 40, rounds=2)
    small, large = measured["ms_per_article"]["20"], measured["ms_per_article"]["40"]
    assert measured["rounds"] == 2
    # CPU time comes in clock ticks of 10 ms: at 20 articles only the whole is sure to register.
    assert small["generator"] > 0 and large["generator"] > 0
    assert small["generator"] == pytest.approx(sum(v for k, v in small.items() if k != "generator"), abs=0.01)
    assert measured["ratio"]["generator"] == round(large["generator"] / small["generator"], 2)


def test_the_same_seed_makes_the_same_corpus(synthetic: ModuleType, tmp_path: Path) -> None:
    first = synthetic.make_synthetic_project(tmp_path / "a", 20)
    again = synthetic.make_synthetic_project(tmp_path / "b", 20)
    assert digest(first.content / "articles") == digest(again.content / "articles")


def test_the_results_tables_keep_the_text_around_them(synthetic: ModuleType, tmp_path: Path) -> None:
    from bench.results import END, START, write_results

    results = tmp_path / "RESULTS.md"
    results.write_text(f"# Results\n\nBefore.\n\n{START}\nold\n{END}\n\nAfter.\n", encoding="utf-8")
    one = {
        "n": 10,
        "cpu_ms_per_article": dict.fromkeys(synthetic.STAGES, 1.0),
        "cpu_seconds": dict.fromkeys([*synthetic.STAGES, "total"], 0.01),
        "seconds": dict.fromkeys([*synthetic.STAGES, "total"], 0.01),
        "before_mkdocs_share": 8.0,
        "peak_mb": 100.0,
        "article_download": {"page_load": 1000, "first_search_Syria": 2000},
        "chart_download": "n/a: no chart page yet",
        "article_html_median": 30000,
        "article_html_max": 50000,
        "article_has_chart_library": False,
        "search_index_raw": 174,
        "search_index_gzip": 141,
        "site_bytes": 10**7,
        "site_files": 300,
        "pagefind_bytes": 10**6,
        "largest_page": ["articles/x/", 50000],
    }
    write_results(results, [one], "a machine")
    text = results.read_text(encoding="utf-8")
    assert text.startswith("# Results\n\nBefore.\n\n") and text.endswith("\n\nAfter.\n")
    assert "old" not in text and "| 10 | 1.00 |" in text and "a machine" in text


def test_a_chart_of_a_large_corpus_draws_a_few_ticks_not_one_per_article(
    synthetic: ModuleType, tmp_path: Path, browser: Browser
) -> None:
    # A tick per article once drew 1,800 labels on one axis: 20 seconds in Chromium to draw the chart.
    project = synthetic.make_synthetic_project(tmp_path / "project", 150)
    site.build(project)
    with serve(project.site) as url:
        tab = browser.new_page()
        tab.goto(url + "coverage/")
        figure = tab.locator("figure.chart").filter(has_text="Idlib: entities named most")
        counts = json.loads(figure.locator(".chart__plot").get_attribute("data-figure") or "{}")["data"][0]["x"]
        figure.locator(".chart__load").click()
        expect(figure.locator(".chart__plot[data-drawn]")).to_have_count(1)
        assert max(counts) > 20
        assert 2 <= figure.locator(".xtick").count() <= 12
        tab.close()
