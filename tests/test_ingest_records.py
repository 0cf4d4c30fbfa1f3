"""ingest of a JSONL dataset: the file kept verbatim, one article per record, each pointing at its line."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from generator import site
from generator.__main__ import cli
from generator.parse.front import read_article
from generator.parse.records import read_record
from tests.conftest import new_problems

SAMPLE = Path(__file__).resolve().parent / "fixtures" / "external" / "fa-kes-sample.jsonl"


def jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def ingest(project: site.Project, monkeypatch: pytest.MonkeyPatch, *paths: Path) -> Any:
    monkeypatch.chdir(project.root)
    return CliRunner().invoke(cli, ["ingest", *map(str, paths)])


def front_of(project: site.Project, slug: str) -> Any:
    path = project.content / "articles" / f"{slug}.md"
    return read_article(path, path.read_text(encoding="utf-8"))


def test_a_dataset_is_kept_verbatim_and_each_article_names_its_line(
    project: site.Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = ingest(project, monkeypatch, SAMPLE)
    assert result.exit_code == 0, result.output
    kept = project.content / "raw" / SAMPLE.name
    assert kept.read_bytes() == SAMPLE.read_bytes()
    lines = SAMPLE.read_text(encoding="utf-8").splitlines()
    row = json.loads(lines[1])
    front, paragraphs = front_of(project, "russia-says-it-kills-180-extremists-mercenaries-in-syria-claims-shishani-s")
    assert front.title == row["article_title"]
    assert paragraphs == (row["article_content"].strip(),)
    assert (front.outlet, front.date.isoformat(), front.date_source, front.date_evidence) == (
        "jordan-times",
        "2017-10-08",
        "dataset",
        "10/8/2017",
    )
    assert (front.source.file, front.source.first_line, front.source.last_line) == ("raw/fa-kes-sample.jsonl", 2, 2)
    # As `sed -n '2,2p' content/raw/fa-kes-sample.jsonl | sha256sum` prints it.
    assert front.source.sha256 == hashlib.sha256((lines[1] + "\n").encode("utf-8")).hexdigest()


def test_ingest_shows_what_it_inferred_for_review(project: site.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    output = ingest(project, monkeypatch, SAMPLE).stdout
    assert "stored content/raw/fa-kes-sample.jsonl\n" in output
    assert (
        "content/articles/russia-says-belgian-strikes-kill-six-in-aleppo-region.md\n"
        "    title:  Russia says Belgian strikes kill six in Aleppo region\n"
        "    outlet: al-araby (Al-Araby Al-Jadeed)\n"
        "    date:   2016-10-19, given by the dataset the article came from ('10/19/2016')\n"
        "    themes: air-campaign (airstrikes ×2); aleppo (Aleppo ×8); us-russia (State Department ×2) "
        "(inferred from content/themes.yml; list themes: [...] in the file to choose them)\n"
        "    text:   1 paragraph, 402 words\n"
    ) in output
    assert output.endswith("3 records in: 3 created, 0 skipped (exist), 0 refused\n")


def test_a_second_ingest_skips_every_article_and_says_why(
    project: site.Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    ingest(project, monkeypatch, SAMPLE)
    result = ingest(project, monkeypatch, SAMPLE)
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == (
        "skipped content/articles/russia-says-belgian-strikes-kill-six-in-aleppo-region.md: exists "
        "(line 1 of raw/fa-kes-sample.jsonl); ingest never overwrites an article file"
    )
    assert result.stdout.endswith("3 records in: 0 created, 3 skipped (exist), 0 refused\n")


def test_records_of_our_own_shape(project: site.Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    records = [
        {"title": "Dated by the dataset", "text": "First.\n\nSecond, after a blank line.", "date": "2016-10-19"},
        {"title": "Dated by its URL", "text": "Text.", "url": "https://sputniknews.com/world/201809261068361943-x/"},
        {"title": "Outlet by name", "text": "Text.", "outlet": "Russia Today", "author": "A. Writer"},
    ]
    result = ingest(project, monkeypatch, jsonl(tmp_path / "own.jsonl", records))
    assert result.exit_code == 0, result.output
    front, paragraphs = front_of(project, "dated-by-the-dataset")
    assert paragraphs == ("First.", "Second, after a blank line.")
    assert (front.outlet, front.date_source, front.date_evidence) == ("unknown", "dataset", "2016-10-19")
    front, _ = front_of(project, "dated-by-its-url")
    assert (front.outlet, front.date.isoformat(), front.date_source) == ("sputnik", "2018-09-26", "url")
    front, _ = front_of(project, "outlet-by-name")
    assert (front.outlet, front.author, front.date) == ("rt", "A. Writer", None)
    assert new_problems(site.check(project)[1]) == []


def test_a_record_that_cannot_be_an_article_is_refused_and_the_others_are_kept(
    project: site.Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"title": "Good", "text": "Text."})
        + "\n{not json\n"
        + json.dumps({"title": "Unknown outlet", "text": "Text.", "outlet": "Pravda"})
        + "\n\n"
        + json.dumps({"title": " ", "text": "No headline."})
        + "\n"
        + json.dumps({"headline": "Neither text field"})
        + "\n",
        encoding="utf-8",
    )
    result = ingest(project, monkeypatch, path)
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        "content/raw/mixed.jsonl:2: is not JSON (Expecting property name enclosed in double quotes, column 2); "
        "each line must be one record",
        "content/raw/mixed.jsonl:3: outlet: 'Pravda' is not an outlet in content/outlets.yml; "
        "add it there (or add 'Pravda' to an outlet's aliases) and ingest the file again",
        "content/raw/mixed.jsonl:5: title: is missing or empty; write this article by hand: python -m generator new",
        "content/raw/mixed.jsonl:6: has none of the text fields ingest reads (article_content, mainText, text); "
        "a record needs at least title and text",
        "5 records in: 1 created, 0 skipped (exist), 4 refused",
        "4 errors",
    ]
    assert (project.content / "articles" / "good.md").is_file()


def test_a_date_ingest_cannot_read_leaves_the_article_undated_with_a_note(
    project: site.Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    path = jsonl(tmp_path / "odd-date.jsonl", [{"title": "Odd date", "text": "Text.", "date": "Q3 2016"}])
    result = ingest(project, monkeypatch, path)
    assert result.exit_code == 0
    assert (
        "note: content/raw/odd-date.jsonl:1: date: 'Q3 2016' is not a date ingest reads, so the article is "
        "undated; set date: YYYY-MM-DD and date_source: maintainer in its file once you have checked the date\n"
    ) in result.stdout
    assert front_of(project, "odd-date")[0].date is None


def test_many_records_show_a_progress_bar_on_stderr(
    project: site.Project, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    records = [{"title": f"Record number {n}", "text": f"Text {n}."} for n in range(60)]
    result = ingest(project, monkeypatch, jsonl(tmp_path / "many.jsonl", records))
    assert result.exit_code == 0
    assert "writing articles" in result.stderr
    assert "writing articles" not in result.stdout
    fewer = [{"title": f"Another record {n}", "text": f"Text {n}."} for n in range(4)]
    few = ingest(project, monkeypatch, jsonl(tmp_path / "few.jsonl", fewer))
    assert few.stderr == ""


def test_dataset_shapes_are_told_by_their_text_field() -> None:
    fa_kes = read_record({"article_title": "T", "article_content": " Text. ", "source": "tass", "date": "8/7/2016"})
    assert (fa_kes.shape, fa_kes.outlet, fa_kes.date.isoformat(), fa_kes.paragraphs) == (
        "fa-kes",
        "tass",
        "2016-08-07",
        ("Text.",),
    )
    buzzfeed = read_record(
        {"title": "T", "mainText": "One. Two.", "uri": "http://cnn.com/x", "portal": "cnn", "paragraph": []}
    )
    assert (buzzfeed.shape, buzzfeed.url, buzzfeed.outlet, buzzfeed.date) == (
        "buzzfeed-webis",
        "http://cnn.com/x",
        "cnn",
        None,
    )
