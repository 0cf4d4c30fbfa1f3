"""Shared fixtures: the repository, a built copy of the site, and that site served on localhost."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """A directory served over HTTP on a free localhost port, for as long as the context lasts."""
    handler = functools.partial(_QuietHandler, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


@pytest.fixture(scope="session")
def site_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, str]]:
    """Where the session's site will be built, already served on a free localhost port."""
    site_dir = tmp_path_factory.mktemp("built") / "project" / "site"
    with serve(site_dir) as url:
        yield site_dir, url


@pytest.fixture(scope="session")
def built_site(site_server: tuple[Path, str]) -> Iterator[Path]:
    """The site built once from a copy of the repository's content, for the address it is served at.

    Material's instant navigation follows only links its sitemap lists, and it compares their ports:
    so SITE_URL is the served address, for this build and every other one in the session.
    """
    site_dir, url = site_server
    saved = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = url
    built = copy_project(site_dir.parent)
    site.build(built)
    yield built.site
    if saved is None:
        os.environ.pop("SITE_URL", None)
    else:
        os.environ["SITE_URL"] = saved


@pytest.fixture(scope="session")
def site_url(built_site: Path, site_server: tuple[Path, str]) -> str:
    """The built site's address on localhost."""
    return site_server[1]
