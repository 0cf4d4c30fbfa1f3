"""The live preview, `python -m generator serve`: MkDocs serves the pages, and its search box has an index."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from generator import site
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


def test_the_preview_indexes_the_same_pages_for_search_as_the_published_site(
    project: site.Project, built_site: Path
) -> None:
    port = free_port()
    preview = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--dev-addr", f"127.0.0.1:{port}"],
        cwd=project.root,
        env={**os.environ, "PYTHONPATH": str(REPO), "SITE_URL": f"http://127.0.0.1:{port}/"},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        served = json.loads(fetch_when_up(f"http://127.0.0.1:{port}/pagefind/pagefind-entry.json", 120))
    finally:
        preview.terminate()
        preview.wait(timeout=30)
    published = json.loads((built_site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert served["languages"]["en"]["page_count"] == published["languages"]["en"]["page_count"] > 19
