"""The pre-commit hooks: ruff at the version the project pins, and the content check."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent


def test_ruff_hook_runs_the_pinned_ruff() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    ruff = next(r for r in config["repos"] if r["repo"] == "https://github.com/astral-sh/ruff-pre-commit")
    pinned = re.search(r"^ruff==(\S+)$", (REPO / "requirements-dev.txt").read_text(encoding="utf-8"), re.M)
    assert pinned is not None
    assert ruff["rev"] == f"v{pinned[1]}"
    assert [hook["id"] for hook in ruff["hooks"]] == ["ruff-check", "ruff-format"]


def test_content_check_hook_runs_check_on_content_changes() -> None:
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    local = next(r for r in config["repos"] if r["repo"] == "local")
    check = next(hook for hook in local["hooks"] if hook["id"] == "content-check")
    assert check["entry"] == "make --no-print-directory check"
    assert re.search(check["files"], "content/articles/x.md")
    assert check["pass_filenames"] is False
