"""Shared fixtures: the repository, a built copy of the site, and that site served on localhost."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from generator import site

REPO = Path(__file__).resolve().parent.parent
# What a project needs to build: the rest of the repository is not copied.
PROJECT_PARTS = ("mkdocs.yml", "content", "docs", "overrides")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--update-expected", action="store_true", help="Rewrite the expected-output fixture files.")


@pytest.fixture
def update_expected(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-expected"))


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


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site built once from a copy of the repository's content."""
    root = tmp_path_factory.mktemp("built")
    built = copy_project(root / "project")
    site.build(built)
    return built.site


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site served over HTTP on a free localhost port."""
    handler = functools.partial(_QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
