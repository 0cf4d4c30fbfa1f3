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
    assert result.output.splitlines() == [
        "content/articles/untitled.md:1: title: is required; add it",
        "20 article files: 19 valid, 1 refused",
        "1 error",
    ]


def test_check_passes_on_the_repository_content(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(Path(__file__).resolve().parent.parent)
    result = CliRunner().invoke(cli, ["check"])
    assert result.exit_code == 0, result.output
    assert result.output == "19 article files: 19 valid, 0 refused\n"
