"""Shared fixtures: the repository, a built copy of the site, and that site served on localhost."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import re
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner
from playwright.sync_api import Browser, sync_playwright

from generator import site
from generator.__main__ import cli
from generator.errors import ContentError
from tests import hostile_cases
from tests.browser import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parent.parent
# What a project needs to build: the rest of the repository is not copied.
PROJECT_PARTS = ("mkdocs.yml", "content", "docs", "overrides")
# The repository the test builds link to, as the Pages workflow's REPO_URL would: edit links and the repo link.
REPO_URL = "https://github.com/example/russia-in-syria"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-expected", action="store_true", help="Rewrite the expected-output fixture files.")


@pytest.fixture
def update_expected(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-expected"))


def new_problems(problems: list[ContentError]) -> list[ContentError]:
    """What `check` finds, less the warnings about the seeds' further reading that is not in the corpus."""
    return [p for p in problems if not (p.warning and p.field == "references")]


def copy_project(target: Path) -> site.Project:
    """A copy of the repository's buildable parts, without anything generated."""
    target.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            generated = shutil.ignore_patterns(*site.GENERATED) if part == "docs" else None
            shutil.copytree(source, target / part, ignore=generated)
        elif source.exists():
            shutil.copy2(source, target / part)
    return site.Project(target)


@pytest.fixture
def project(tmp_path: Path) -> site.Project:
    return copy_project(tmp_path / "project")


@contextlib.contextmanager
def repo_url_set() -> Iterator[None]:
    """REPO_URL set as the Pages workflow sets it, for one build; mkdocs.yml reads it when the build loads it."""
    saved = os.environ.get("REPO_URL")
    os.environ["REPO_URL"] = REPO_URL
    try:
        yield
    finally:
        if saved is None:
            del os.environ["REPO_URL"]
        else:
            os.environ["REPO_URL"] = saved


def build_as_published(project: site.Project) -> None:
    """Build the site as the Pages workflow does, with the repository's URL."""
    with repo_url_set():
        site.build(project)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once from a copy of the repository's content, as it is published."""
    root = tmp_path_factory.mktemp("built")
    built = copy_project(root / "project")
    build_as_published(built)
    return built.site


@pytest.fixture(scope="session")
def split_project(tmp_path_factory: pytest.TempPathFactory) -> site.Project:
    """The repository's content built with listing_page_limit 1: every list of two or more articles is split
    into pages per year, and a year of two or more into pages per month."""
    built = copy_project(tmp_path_factory.mktemp("split") / "project")
    settings = built.content / "site.yml"
    settings.write_text(re.sub(r"(?m)^listing_page_limit: \d+$", "listing_page_limit: 1", settings.read_text()))
    build_as_published(built)
    return built


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A folder served over HTTP on a free localhost port, as long as the context lasts."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free localhost port."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, never a downloaded one."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@dataclass
class HostileRun:
    """The table of hostile inputs run through one copy of the repository, and the site built from what passed."""

    project: site.Project
    outcomes: dict[str, list[hostile_cases.Outcome]]  # by case id, what actually happened


@pytest.fixture(scope="session")
def hostile_run(tmp_path_factory: pytest.TempPathFactory) -> HostileRun:
    root = tmp_path_factory.mktemp("hostile")
    project = copy_project(root / "project")
    outlets = yaml.safe_load((project.content / "outlets.yml").read_text(encoding="utf-8"))
    outlets["outlets"].append(hostile_cases.HOSTILE_OUTLET)
    (project.content / "outlets.yml").write_text(yaml.safe_dump(outlets, allow_unicode=True), encoding="utf-8")
    outcomes = {
        case.id: _ingest_case(project, root / "work", case) for case in hostile_cases.CASES if case.arrives == "ingest"
    }
    outcomes.update(_file_cases(project, [case for case in hostile_cases.CASES if case.arrives != "ingest"]))
    site.build(project)
    return HostileRun(project, outcomes)


def _ingest_case(project: site.Project, work: Path, case: hostile_cases.Case) -> list[hostile_cases.Outcome]:
    """Ingest the case's capture from work/captures/, so that errors name it as captures/<name>."""
    capture = work / "captures" / case.name
    capture.parent.mkdir(parents=True, exist_ok=True)
    capture.write_bytes(case.bytes())
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(work)
        report = site.ingest(project, [Path(case.given_as or f"captures/{case.name}")])
    return [
        *(hostile_cases.Page(line.split()[0].removeprefix("content/articles/")[:-3], "") for line in report.created),
        *(hostile_cases.Skipped(line) for line in report.skipped),
        *(hostile_cases.Refused(str(error)) for error in report.errors),
    ]


def _file_cases(project: site.Project, cases: list[hostile_cases.Case]) -> dict[str, list[hostile_cases.Outcome]]:
    """Put each case's file in content/, run `check` on them all at once, then take the refused ones out again."""
    places = {}
    for case in cases:
        folder = project.content / ("raw" if case.arrives == "content/raw/" else "articles")
        places[case.id] = folder / case.name
        assert not places[case.id].exists(), f"{case.id}: {case.name} is in content/ already; rename the case"
        if case.data is None:
            places[case.id].mkdir()
        else:
            places[case.id].write_bytes(case.bytes())
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(project.root)
        checked = CliRunner().invoke(cli, ["check"])
    errors = [line for line in checked.stderr.splitlines() if line.startswith("content/")]
    outcomes: dict[str, list[hostile_cases.Outcome]] = {}
    for case in cases:
        shown = str(places[case.id].relative_to(project.root))
        refused = [hostile_cases.Refused(error) for error in errors if error.startswith((f"{shown}:", f"{shown} "))]
        outcomes[case.id] = refused or [hostile_cases.Page(places[case.id].stem, "")]
        if refused:
            shutil.rmtree(places[case.id]) if places[case.id].is_dir() else places[case.id].unlink()
    return outcomes
