"""The live preview, `python -m generator serve`: MkDocs serves the pages, and its search box finds articles."""

from __future__ import annotations

import contextlib
import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import Browser, expect

from generator import site
from tests.browser import SEARCH_TIMEOUT
from tests.conftest import REPO


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def fetch_when_up(url: str, seconds: float) -> bytes:
    """The body at `url` once the server answers (it builds the site first)."""
    deadline = time.monotonic() + seconds
    while True:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:  # noqa: S310 - a local address
                return bytes(response.read())
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


@contextlib.contextmanager
def preview_of(project: site.Project) -> Iterator[str]:
    """`python -m generator serve` running on the project; its address once it answers (it builds first)."""
    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    preview = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root,
        env={**os.environ, "PYTHONPATH": str(REPO), "SITE_URL": url},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        fetch_when_up(url, 120)
        yield url
    finally:
        preview.terminate()
        preview.wait(timeout=30)


def test_the_preview_indexes_the_same_pages_for_search_as_the_published_site(
    project: site.Project, built_site: Path, browser: Browser
) -> None:
    with preview_of(project) as url:
        served = json.loads(fetch_when_up(url + "pagefind/pagefind-entry.json", 5))
        tab = browser.new_page()
        tab.goto(url)
        tab.get_by_role("textbox", name="Search").press_sequentially("Bsanqul")  # key by key, as a reader types
        expect(tab.locator(".md-search-result__item").first).to_contain_text(
            "Chlorine delivered", timeout=SEARCH_TIMEOUT
        )
        tab.close()
    published = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert served["languages"]["en"]["page_count"] == published["languages"]["en"]["page_count"] > 19
