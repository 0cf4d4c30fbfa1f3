"""Every link on the built site resolves: each internal href and src names a file, each #anchor an id on its page."""

from __future__ import annotations

import functools
import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest


class _Links(HTMLParser):
    """The link targets and the element ids of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.targets: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name == "id" and value:
                self.ids.add(value)
            if name in ("href", "src") and value is not None:
                self.targets.append(value)


@functools.cache
def _parse(path: Path) -> _Links:
    links = _Links()
    links.feed(path.read_text(encoding="utf-8"))
    return links


def _resolve(site: Path, page: Path, target: str) -> tuple[Path, str] | None:
    """The file and fragment an internal link points at; None for a link to another site."""
    parts = urlsplit(target)
    if parts.scheme or parts.netloc:
        return None
    page_dir = "/" + page.parent.relative_to(site).as_posix()
    url_path = posixpath.normpath(posixpath.join(page_dir, unquote(parts.path))) if parts.path else None
    file = page if url_path is None else site / url_path.lstrip("/")
    if file.is_dir():
        file = file / "index.html"
    return file, parts.fragment


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_site_has_every_kind_of_page(built_site: Path) -> None:
    for page in ("index.html", "themes/idlib/index.html", "outlets/index.html", "outlets/rt/index.html"):
        assert (built_site / page).is_file(), page
    assert (built_site / "entities" / "index.html").is_file()
    assert len(list((built_site / "entities").glob("*/index.html"))) >= 60


@pytest.mark.parametrize("built", ["as published", "with every list split by period"])
def test_every_internal_link_and_anchor_resolves(request: pytest.FixtureRequest, built: str) -> None:
    built_site = (
        request.getfixturevalue("built_site")
        if built == "as published"
        else request.getfixturevalue("split_project").site
    )
    broken = []
    checked = 0
    for page in _pages(built_site):
        for target in _parse(page).targets:
            resolved = _resolve(built_site, page, target)
            if resolved is None:
                continue
            file, fragment = resolved
            checked += 1
            where = f"{page.relative_to(built_site)} -> {target}"
            if not file.is_file():
                broken.append(f"{where}: no such file")
            elif fragment and file.suffix == ".html" and fragment not in _parse(file).ids:
                broken.append(f"{where}: no element with id {fragment!r}")
    assert not broken, "\n".join(broken)
    assert checked > 1000  # the walk saw the whole site, not an empty one


@pytest.mark.parametrize("target", ["../nowhere/", "#missing-anchor"])
def test_the_link_walker_finds_a_broken_link(tmp_path: Path, target: str) -> None:
    page = tmp_path / "here" / "index.html"
    page.parent.mkdir()
    page.write_text(f'<h1 id="top">Page</h1><a href="{target}">x</a>', encoding="utf-8")
    file, fragment = _resolve(tmp_path, page, target) or (None, "")
    assert file is not None
    assert not file.is_file() or fragment not in _parse(file).ids
