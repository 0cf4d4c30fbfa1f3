"""A build that fails or is killed leaves site/ and content/ as they were; builds in other places and settings give
the same bytes. The builds here run as `python -m generator build` in a subprocess, as a maintainer runs them."""

from __future__ import annotations

import gc
import gzip
import hashlib
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from mkdocs.exceptions import Abort

from generator import site
from generator.errors import ContentErrors
from tests.conftest import REPO, copy_project

KILL_AFTER_FILES = 20  # files MkDocs has written into the new site when the build is killed
# Two settings as different as a maintainer's laptop and a CI runner.
SETTINGS = [
    {"TZ": "Asia/Tokyo", "LANG": "ru_RU.UTF-8", "LC_ALL": "ru_RU.UTF-8", "PYTHONHASHSEED": "1"},
    {"TZ": "UTC", "LANG": "C", "LC_ALL": "C", "PYTHONHASHSEED": "2"},
]


def tree_digest(root: Path) -> dict[str, str]:
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }


def generator_command(project: site.Project, settings: dict[str, str] | None = None) -> subprocess.Popen[bytes]:
    """`python -m generator build` in the project, with the repository's generator and the given settings."""
    environment = {key: value for key, value in os.environ.items() if key != "SOURCE_DATE_EPOCH"}
    environment.update(settings or {}, PYTHONPATH=str(REPO))
    return subprocess.Popen(
        [sys.executable, "-m", "generator", "build"],
        cwd=project.root,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def build_in_subprocess(project: site.Project, settings: dict[str, str] | None = None) -> str:
    process = generator_command(project, settings)
    output, _ = process.communicate(timeout=300)
    assert process.returncode == 0, output.decode()
    return output.decode()


def staging_folders(project: site.Project) -> list[Path]:
    return sorted(project.root.glob(".site.build-*"))


def add_article(project: site.Project) -> None:
    (project.content / "articles" / "a-new-article.md").write_text(
        "---\ntitle: A new article\noutlet: unknown\n---\nIts text.\n", encoding="utf-8"
    )


def test_a_killed_build_leaves_site_and_content_as_they_were(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site.build(project)
    add_article(project)  # so the new site differs from the old one
    site_before, content_before = tree_digest(project.site), tree_digest(project.content)
    build = generator_command(project)
    written = 0
    while written < KILL_AFTER_FILES and build.poll() is None:
        written = sum(len(files) for folder in staging_folders(project) for _, _, files in os.walk(folder))
        time.sleep(0.005)
    assert build.poll() is None, "the build finished before it could be killed"
    build.send_signal(signal.SIGKILL)
    build.wait()
    assert build.returncode == -signal.SIGKILL
    assert staging_folders(project), "the killed build's half-written site is where it was building it"
    assert tree_digest(project.site) == site_before
    assert tree_digest(project.content) == content_before
    build_in_subprocess(project)  # the next build clears up after the killed one
    assert staging_folders(project) == []
    assert (project.site / "articles" / "a-new-article" / "index.html").is_file()


def test_a_build_refused_for_bad_content_leaves_site_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site.build(project)
    before = tree_digest(project.site)
    (project.content / "articles" / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    with pytest.raises(ContentErrors):
        site.build(project)
    assert tree_digest(project.site) == before


def test_generate_pauses_the_cycle_collector_and_turns_it_back_on_even_when_it_fails(
    project: site.Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    collector_on_while_loading = []
    load = site.load

    def watched_load(project: site.Project) -> object:
        collector_on_while_loading.append(gc.isenabled())
        return load(project)

    monkeypatch.setattr(site, "load", watched_load)
    site.generate(project)
    (project.content / "articles" / "broken.md").write_text("---\ntitle: [\n---\n", encoding="utf-8")
    with pytest.raises(ContentErrors):
        site.generate(project)
    assert collector_on_while_loading == [False, False]
    assert gc.isenabled()


def test_a_build_that_fails_in_strict_mode_leaves_site_untouched(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    site.build(project)
    before = tree_digest(project.site)
    add_article(project)
    (project.docs / "method.md").write_text("# Method\n\n[a broken link](nowhere.md)\n", encoding="utf-8")
    with pytest.raises(Abort):
        site.build(project)
    assert tree_digest(project.site) == before
    assert staging_folders(project) == []


def russian_locale(tmp_path: Path) -> dict[str, str]:
    """LOCPATH for a ru_RU.UTF-8 locale compiled into tmp_path, where the system has the data to compile it;
    without it LANG=ru_RU.UTF-8 still differs from LANG=C, but Python falls back to C.UTF-8."""
    compiled = subprocess.run(
        ["localedef", "-i", "ru_RU", "-f", "UTF-8", str(tmp_path / "locale" / "ru_RU.UTF-8")], capture_output=True
    )
    if compiled.returncode != 0:
        return {}
    settings = {**SETTINGS[0], "LOCPATH": str(tmp_path / "locale")}
    probe = [sys.executable, "-c", "import locale; print(locale.setlocale(locale.LC_ALL, ''))"]
    active = subprocess.run(probe, env={**os.environ, **settings}, capture_output=True, text=True).stdout.strip()
    assert active == "ru_RU.UTF-8"
    return {"LOCPATH": settings["LOCPATH"]}


def test_two_places_two_settings_one_site(tmp_path: Path) -> None:
    sites = []
    for index, settings in enumerate([{**SETTINGS[0], **russian_locale(tmp_path)}, SETTINGS[1]]):
        project = copy_project(tmp_path / f"place-{index}" / "project")
        build_in_subprocess(project, settings)
        sites.append(project.site)
    assert tree_digest(sites[0]) == tree_digest(sites[1])


def test_the_sitemap_is_dated_by_the_content_not_the_clock(built_site: Path) -> None:
    newest = "2018-09-26"  # the newest article date in content/
    sitemap = (built_site / "sitemap.xml.gz").read_bytes()
    header_mtime = int.from_bytes(sitemap[4:8], "little")
    assert time.strftime("%Y-%m-%d", time.gmtime(header_mtime)) == newest
    assert "sitemap-pages.xml</loc>" in gzip.decompress(sitemap).decode()  # an index of the list of pages
    assert f"<lastmod>{newest}</lastmod>" in (built_site / "sitemap-pages.xml").read_text(encoding="utf-8")


def test_the_sitemap_index_leads_to_every_page(built_site: Path) -> None:
    index = (built_site / "sitemap.xml").read_text(encoding="utf-8")
    [listed] = re.findall(r"<loc>([^<]+)</loc>", index)
    assert listed.endswith("/sitemap-pages.xml")
    pages = re.findall(r"<loc>[a-z]+://[^/]+/([^<]*)</loc>", (built_site / "sitemap-pages.xml").read_text())
    assert "articles/russia-warns-west-against-new-strikes-in-syria-under-far-fetched-pretexts/" in pages
    assert len(pages) == len([p for p in built_site.rglob("index.html") if p.parent.name != "pagefind-preview"])
