"""The GitHub workflows: actionlint finds nothing, every action is pinned, each workflow does its one job."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parent.parent
WORKFLOWS = REPO / ".github" / "workflows"
# requirements-dev.txt installs it beside the interpreter running the tests.
ACTIONLINT = Path(sys.executable).parent / "actionlint"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    assert ACTIONLINT.is_file(), f"{ACTIONLINT} is missing: install requirements-dev.txt (make test does)"
    command = [str(ACTIONLINT), "-no-color", "-oneline", *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO)


def workflow(name: str) -> dict[Any, Any]:
    return yaml.safe_load((WORKFLOWS / name).read_text(encoding="utf-8"))


def test_actionlint_finds_nothing_in_the_workflows() -> None:
    result = actionlint(*sorted(WORKFLOWS.glob("*.yml")))
    assert (result.returncode, result.stdout, result.stderr) == (0, "", "")


def test_actionlint_would_catch_a_mistake(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = (WORKFLOWS / "pages.yml").read_text(encoding="utf-8")
    broken.write_text(text.replace("steps.pages.outputs.base_url", "steps.page.outputs.base_url"), encoding="utf-8")
    result = actionlint(broken)
    assert result.returncode == 1
    assert 'property "page" is not defined' in result.stdout


def test_every_action_is_pinned_to_a_commit_with_its_version() -> None:
    lines = [line for path in sorted(WORKFLOWS.glob("*.yml")) for line in path.read_text("utf-8").splitlines()]
    uses = [line.split("uses:", 1)[1].strip() for line in lines if "uses:" in line]
    assert len(uses) == 6
    assert [u for u in uses if not PINNED.match(u)] == []


def test_pull_requests_run_the_content_check_and_the_tests() -> None:
    test = workflow("test.yml")
    assert set(test[True]) == {"pull_request", "push"}  # YAML 1.1 reads the key `on` as True
    steps = [step.get("run") for step in test["jobs"]["test"]["steps"]]
    assert steps[1:] == ["make check", ".ci/run"]
    assert "make test" in (REPO / ".ci" / "run").read_text(encoding="utf-8")


def test_pages_deploys_from_main_one_deployment_at_a_time() -> None:
    pages = workflow("pages.yml")
    assert pages[True]["push"] == {"branches": ["main"]}
    assert pages["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    assert pages["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    build = [step.get("uses", step.get("run", "")).split("@")[0] for step in pages["jobs"]["build"]["steps"]]
    assert build == [
        "actions/checkout",
        "actions/setup-python",
        "actions/configure-pages",
        "make check",
        "make site",
        "actions/upload-pages-artifact",
    ]
    deploy = pages["jobs"]["deploy"]
    assert deploy["needs"] == "build"
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["steps"][0]["uses"].startswith("actions/deploy-pages@")
