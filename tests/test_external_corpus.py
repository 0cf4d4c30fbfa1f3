"""bench/external_corpus.py end to end on three FA-KES records: capture -> ingest -> build, in a tmp_path.

Needs only tests/fixtures/external/, not the external corpus itself.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "tests" / "fixtures" / "external" / "fa-kes-sample.jsonl"
# The outlet each sample record's `source` code must resolve to through content/outlets.yml.
EXPECTED_OUTLETS = {"alaraby": "al-araby", "jordantimes": "jordan-times", "sputnik": "sputnik"}


def _load_script() -> ModuleType:
    """bench/ is not a package: load the script as a module (it puts the repo root on sys.path itself)."""
    spec = importlib.util.spec_from_file_location("external_corpus", ROOT / "bench" / "external_corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def corpus() -> ModuleType:
    return _load_script()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, Any]]:
    """The sample as the dataset has it, read independently of the script."""
    return [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines() if line.strip()]


@pytest.fixture(scope="module")
def result(corpus: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Any:
    """One conversion + ingest + build for the whole module: the MkDocs build takes a few seconds."""
    return corpus.run(corpus.read_corpus([SAMPLE]), tmp_path_factory.mktemp("external-corpus"))


def _article_for(result: Any, row_index: int, corpus: ModuleType) -> tuple[Any, tuple[str, ...]]:
    """The article file ingest wrote for the sample's row `row_index`, found by its source capture."""
    wanted = f"raw/fa-kes-{row_index:04d}.txt"
    for path in sorted((result.root / "content" / "articles").glob("*.md")):
        front, paragraphs = corpus.read_article(path, path.read_text(encoding="utf-8"))
        if front.source and front.source.file == wanted:
            return front, paragraphs
    raise AssertionError(f"no article from {wanted}")


def test_capture_has_the_shape_the_parser_reads(corpus: ModuleType, rows: list[dict[str, Any]]) -> None:
    record = corpus.record_from_row(0, rows[0])
    lines = corpus.capture_text(record).split("\n")
    assert lines[:5] == [rows[0]["article_title"], "", f"Source: {rows[0]['source']}", "2016-10-19", ""]
    assert lines[5] == rows[0]["article_content"]
    assert record.file_name == "fa-kes-0000.txt"


def test_every_record_is_an_article_or_a_reported_refusal(result: Any, rows: list[dict[str, Any]]) -> None:
    assert result.ingest_error is None
    assert len(result.outcomes) == len(rows)
    assert not result.vanished
    for outcome in result.outcomes:
        assert outcome.status in ("created", "refused")
        if outcome.status == "refused":
            assert outcome.refused and all(outcome.record.file_name in error for error in outcome.refused)
    # All three outlets are in content/outlets.yml, so nothing should be refused.
    assert [o.status for o in result.outcomes] == ["created"] * len(rows)


def test_build_passes_strict(result: Any) -> None:
    assert result.build_ok, result.build_error
    assert result.build_warnings == []
    assert result.exported_from == "site/data/articles.json"
    assert len(result.exported) == len(result.outcomes)


def test_titles_and_words_are_kept_exactly(result: Any, rows: list[dict[str, Any]], corpus: ModuleType) -> None:
    for index, row in enumerate(rows):
        front, paragraphs = _article_for(result, index, corpus)
        assert front.title == row["article_title"]
        assert " ".join(paragraphs).split() == row["article_content"].split()
        # FA-KES text is one line: the body is that line, character for character.
        assert paragraphs == (row["article_content"].strip(),)
        page = result.outcomes[index]
        assert page.page_problems == []


def test_outlets_and_dates(result: Any, rows: list[dict[str, Any]], corpus: ModuleType) -> None:
    exported = {article["source"]: article for article in result.exported}
    for index, row in enumerate(rows):
        article = exported[f"raw/fa-kes-{index:04d}.txt"]
        assert article["outlet_id"] == EXPECTED_OUTLETS[row["source"]]
        assert article["title"] == row["article_title"]
        month, day, year = (int(part) for part in row["date"].split("/"))
        assert article["date"] == dt.date(year, month, day).isoformat()


def test_paragraph_offsets_never_cut_a_word(corpus: ModuleType) -> None:
    text = "Alpha beta. Gamma delta. Epsilon."
    exact = [{"start": "0", "end": "11"}, {"start": "12", "end": "24"}, {"start": "25", "end": "33"}]
    assert corpus.split_at_paragraphs(text, exact) == ("Alpha beta.", "Gamma delta.", "Epsilon.")
    # Offsets shifted one character right, as in some BuzzFeed-Webis records: the cut still falls on a space.
    shifted = [{"start": "1", "end": "12"}, {"start": "13", "end": "25"}, {"start": "26", "end": "33"}]
    assert corpus.split_at_paragraphs(text, shifted) == ("Alpha beta.", "Gamma delta.", "Epsilon.")
    # No whitespace near the boundary: no cut rather than a broken word.
    assert corpus.split_at_paragraphs("abcdef", [{"start": "0", "end": "3"}, {"start": "3", "end": "6"}]) == ("abcdef",)


def test_main_reports_and_exits_zero(corpus: ModuleType, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert corpus.main([str(SAMPLE), "--keep", str(tmp_path / "project")]) == 0
    out = capsys.readouterr().out
    assert "records in: 3 (fa-kes 3)" in out
    assert "records -> created 3, refused 0, skipped 0, vanished 0" in out
    assert "mkdocs build --strict: passed" in out
    assert (tmp_path / "project" / "site" / "index.html").is_file()
