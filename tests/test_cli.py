"""The command line: every command explains itself, and errors come out as one line each."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import site
from generator.__main__ import cli


@pytest.mark.parametrize("command", sorted(cli.commands))
def test_every_command_has_help_with_an_example(command: str) -> None:
    result = CliRunner().invoke(cli, [command, "--help"])
    assert result.exit_code == 0
    assert "Example: python -m generator" in result.output


def test_check_prints_each_error_and_a_count(project: site.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    (project.content / "articles" / "untitled.md").write_text("---\noutlet: nowhere\n---\nText.\n", "utf-8")
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    assert [line for line in result.output.splitlines() if "references: warning" not in line] == [
        "content/articles/untitled.md:1: title: is required; add it",
        "20 article files: 19 valid, 1 refused",
        "1 error, 5 warnings",
    ]


def test_check_passes_on_the_repository_content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    # The warnings: headlines named as further reading that are not in the corpus.
    assert result.stdout.splitlines()[-1] == "19 article files: 19 valid, 0 refused (5 warnings)"


def test_ingest_counts_every_record_of_a_mixed_batch(project: site.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    captures = project.root / "captures"
    captures.mkdir()
    (captures / "single.txt").write_text("A single article\n\nIts text.\n", encoding="utf-8")
    (captures / "dump.txt").write_text(
        "First post\n\nText.\nShare:\n"
        "Second post\n\nText.\nSource: Pravda Daily\nShare:\n"
        "Third post\n\nText.\nShare:\n",
        encoding="utf-8",
    )
    (captures / "binary.txt").write_bytes(bytes(range(256)) * 4)
    (captures / "empty.txt").write_bytes(b"")
    monkeypatch.chdir(project.root)
    seed = "content/raw/000_10b2880c700f6c0e.txt"  # ingested already: its one article is skipped
    paths = ["captures/single.txt", "captures/dump.txt", "captures/binary.txt", "captures/empty.txt", seed]
    result = CliRunner().invoke(cli, ["ingest", *paths])
    assert result.exit_code == 1
    outcomes = [line for line in result.stdout.splitlines() if line.startswith(("stored", "created", "skipped"))]
    assert outcomes == [
        "stored content/raw/single.txt",
        "stored content/raw/dump.txt",
        "created content/articles/a-single-article.md (lines 1-3 of raw/single.txt)",
        "created content/articles/first-post.md (lines 1-4 of raw/dump.txt)",
        "created content/articles/third-post.md (lines 10-13 of raw/dump.txt)",
        "skipped content/articles/western-leaders-may-huff-and-puff-but-putins-not-going-to-give-up-assad.md: exists "
        "(lines 1-23 of raw/000_10b2880c700f6c0e.txt); ingest never overwrites an article file",
    ]
    assert result.stderr.splitlines() == [
        "captures/binary.txt: is binary data, not text; give a plain-text capture of the article "
        "(the page saved as text, or its text copied into a .txt file)",
        "captures/dump.txt:8: outlet: 'Pravda Daily' is not an outlet in content/outlets.yml; "
        "add it there (id, name, domains or aliases, country) and ingest again",
        "captures/empty.txt: holds no text; check that you captured the right page",
        "7 records in: 3 created, 1 skipped (exist), 3 refused",
        "3 errors",
    ]


def test_check_counts_article_files_not_errors(project: site.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = project.content / "articles"
    (articles / "two-errors.md").write_text("---\nauthor: A. N. Other\n---\nText.\n", encoding="utf-8")
    (articles / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    (articles / "notes.txt").write_text("To do.\n", encoding="utf-8")
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-2:] == ["22 article files: 19 valid, 3 refused", "4 errors, 5 warnings"]


def test_build_says_how_many_article_files_it_built(project: site.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli, ["build"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-2:] == ["19 article files: 19 built, 0 refused", "built the site into site/"]
