"""Debian's Chromium through Playwright, and a watch on what a page does that a reader's browser must not."""

from __future__ import annotations

from urllib.parse import urlsplit

from playwright.sync_api import ConsoleMessage, Dialog, Page, Request

CHROMIUM = "/usr/bin/chromium"
# Flags Debian's Chromium needs as root in a container, and to keep it from calling home.
# A web worker builds the search index when the page loads: on a busy two-core machine that takes more than
# Playwright's default 5 seconds.
SEARCH_TIMEOUT = 20_000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


class Watch:
    """Console errors, page errors, dialogs and requests to another origin, seen while a test runs."""

    def __init__(self, page: Page, origin: str) -> None:
        self.problems: list[str] = []
        self.requests: list[str] = []  # every URL the page asked for, in order
        self.origin = origin
        page.on("console", self._console)
        page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        page.on("dialog", self._dialog)
        page.on("request", self._request)

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.problems.append(f"console error: {message.text}")

    def _dialog(self, dialog: Dialog) -> None:
        self.problems.append(f"dialog: {dialog.message}")
        dialog.dismiss()  # a dialog left open would block the page until the test times out

    def _request(self, request: Request) -> None:
        self.requests.append(request.url)
        parts = urlsplit(request.url)
        if parts.scheme in ("http", "https") and f"{parts.scheme}://{parts.netloc}" != self.origin:
            self.problems.append(f"request to another origin: {request.url}")
