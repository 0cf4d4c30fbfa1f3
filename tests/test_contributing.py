"""CONTRIBUTING.md's walk-through, run literally on a copy of the repository with an article from the FA-KES sample.

Each ```sh walk-through block is run as written, in order, with bash; the capture it ingests is put where it
says, ~/captures/ (HOME is a temporary directory). Then the new article must be everywhere a reader finds it.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections.abc import Callable
from pathlib import Path

from generator.slug import slugify

REPO = Path(__file__).resolve().parent.parent
SAMPLE = REPO / "tests" / "fixtures" / "external" / "fa-kes-sample.jsonl"
CAPTURE = "captures/belgian-strikes-aleppo.jsonl"  # under HOME, as CONTRIBUTING.md names it
WALK_THROUGH = re.compile(r"^```sh walk-through\n(.*?)^```$", re.MULTILINE | re.DOTALL)


def walk_through() -> list[str]:
    """The command blocks of CONTRIBUTING.md marked for the walk-through, in order."""
    return WALK_THROUGH.findall((REPO / "CONTRIBUTING.md").read_text(encoding="utf-8"))


def copy_repository(target: Path) -> None:
    """The repository's files as git sees them (tracked or new, not ignored), committed on main in a new repo."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=REPO,
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    for name in sorted(filter(None, listed.split("\0"))):
        if (REPO / name).is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(REPO / name, target / name)
    for command in (
        ["git", "init", "--quiet", "--initial-branch=main"],
        ["git", "add", "."],
        ["git", "commit", "-qm", "x"],
    ):
        subprocess.run(command, cwd=target, check=True, env=git_environment())
    # The virtual environment `make` would create, borrowed rather than installed again.
    (target / ".venv").symlink_to(REPO / ".venv")


def git_environment(home: Path | None = None) -> dict[str, str]:
    identity = {"GIT_AUTHOR_NAME": "Maintainer", "GIT_AUTHOR_EMAIL": "maintainer@example.org"}
    identity |= {"GIT_COMMITTER_NAME": "Maintainer", "GIT_COMMITTER_EMAIL": "maintainer@example.org"}
    environment = {key: value for key, value in os.environ.items() if key not in ("REPO_URL", "SOURCE_DATE_EPOCH")}
    return {**environment, **identity, **({"HOME": str(home)} if home else {})}


def run_walk_through(repo: Path, home: Path) -> None:
    for block in walk_through():
        result = subprocess.run(
            ["bash", "-euo", "pipefail", "-c", block],
            cwd=repo,
            env=git_environment(home),
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"CONTRIBUTING.md step failed:\n{block}\n{result.stdout}\n{result.stderr}"


def test_the_walk_through_has_every_step() -> None:
    commands = [line for block in walk_through() for line in block.splitlines()]
    assert commands[0] == "make site"
    assert commands[1].startswith("git switch -c ")
    assert commands[2] == f"make ingest FILES=~/{CAPTURE}"
    assert commands[3:5] == ["make check", "make site"]
    assert commands[5] == "git add content/" and commands[6].startswith("git commit -m ")


def test_contributing_walk_through_publishes_the_new_article(tmp_path: Path) -> None:
    repo, home = tmp_path / "repo", tmp_path / "home"
    copy_repository(repo)
    stale = subprocess.run(["make", "-q", ".venv/.installed"], cwd=repo, check=False)
    assert stale.returncode == 0, "the virtual environment is older than the requirements: run `make` first"
    record = json.loads(SAMPLE.read_text(encoding="utf-8").splitlines()[0])
    (home / CAPTURE).parent.mkdir(parents=True)
    (home / CAPTURE).write_text(json.dumps(record) + "\n", encoding="utf-8")

    run_walk_through(repo, home)

    slug = slugify(record["article_title"])
    site = repo / "site"
    exported = {a["slug"]: a for a in json.loads((site / "data" / "articles.json").read_text(encoding="utf-8"))}
    article = exported[slug]
    for appears in PLACES_A_READER_FINDS_IT:
        appears(site, article)
    committed = subprocess.run(
        ["git", "show", "--name-only", "--format=%s", "HEAD"], cwd=repo, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert committed[0].startswith("Add: Russia says Belgian strikes")
    assert set(committed[1:]) - {""} == {f"content/articles/{slug}.md", "content/raw/belgian-strikes-aleppo.jsonl"}


def _its_page(site: Path, article: dict[str, object]) -> None:
    page = (site / str(article["page"]) / "index.html").read_text(encoding="utf-8")
    assert "<h1" in page and "Russia says Belgian strikes kill six in Aleppo region" in page
    assert "19 October 2016, given by the dataset the article came from" in page


def _its_theme_pages(site: Path, article: dict[str, object]) -> None:
    themes = article["themes"]
    assert isinstance(themes, list) and "aleppo" in themes
    for theme in themes:
        page = (site / "themes" / theme / "index.html").read_text(encoding="utf-8")
        assert f'href="../../articles/{article["slug"]}/"' in page, theme


def _the_export(site: Path, article: dict[str, object]) -> None:
    assert article["source"] == "raw/belgian-strikes-aleppo.jsonl"
    assert (article["outlet_id"], article["date"], article["date_source"]) == ("al-araby", "2016-10-19", "dataset")
    rows = (site / "data" / "articles.csv").read_text(encoding="utf-8")
    assert f"\n{article['slug']}," in rows


# Where a new article must show up once the walk-through is done. When the site has charts, add a check
# here that the charts' data counts the article.
PLACES_A_READER_FINDS_IT: list[Callable[[Path, dict[str, object]], None]] = [_its_page, _its_theme_pages, _the_export]
