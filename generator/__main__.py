"""python -m generator: the command line. Each command hands off to generator.site."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import click
from pydantic import ValidationError

from generator import site
from generator.config import validation_errors
from generator.errors import ContentError, ContentErrors
from generator.model import Article, FrontMatter
from generator.render.schema import SCHEMA_PATH
from generator.render.text import count_of


def _project() -> site.Project:
    return site.Project(Path.cwd())


def _fail(errors: list[ContentError], summary: str | None = None) -> None:
    for error in sorted(errors, key=ContentError.sort_key):
        click.echo(str(error), err=True)
    if summary:
        click.echo(summary, err=True)
    click.echo(count_of(len(errors), "error"), err=True)
    sys.exit(1)


def _tally(articles: list[Article], done: str) -> str:
    """The count line of a run that refused nothing: every article file became an article."""
    return site.Reading(len(articles), articles).tally(done)


@click.group()
def cli() -> None:
    """Turn the captured articles in content/ into the documentary site."""


# Below this many articles, ingest is over before a progress bar would be read.
PROGRESS_FROM = 50


def _progress(planned: list[site.Planned]) -> Iterator[site.Planned]:
    """The articles being written, behind a progress bar on stderr when there are many."""
    if len(planned) < PROGRESS_FROM:
        yield from planned
        return
    with click.progressbar(planned, label="writing articles", file=sys.stderr) as bar:
        yield from bar


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def ingest(paths: tuple[Path, ...]) -> None:
    """Copy raw captures into content/raw/ and write one content/articles/<slug>.md per article.

    A PATH is a plain-text capture (one article, or a blog dump cut at content/boilerplate.yml's
    post_separators) or a .jsonl file of records, one per line, with title and text and optionally
    url, date (YYYY-MM-DD), outlet (an id, name, alias or domain from content/outlets.yml) and author.
    FA-KES and BuzzFeed-Webis records are read as those datasets publish them.

    Prints the front matter it inferred for each new article, for review. Never overwrites: an
    existing article file is skipped, and the output says so. Exits 1 if a capture or record could
    not become an article.

    Example: python -m generator ingest ~/captures/rt-idlib.txt ~/captures/fa-kes-aleppo.jsonl
    """
    try:
        report = site.ingest(_project(), list(paths), progress=_progress)
    except ContentErrors as found:
        _fail(found.errors, found.summary)
    for line in report.stored:
        click.echo(f"stored {line}")
    for line in report.created:
        click.echo(f"created {line}")
    for line in report.skipped:
        click.echo(f"skipped {line}")
    if report.reviews:
        click.echo("\nReview what ingest inferred; correct it in the file if it is wrong:")
        for text in report.reviews:
            click.echo(text)
    for note in report.notes:
        click.echo(f"note: {note}")
    if report.errors:
        _fail(report.errors, report.tally())
    click.echo(report.tally())


@cli.command()
def check() -> None:
    """Validate everything in content/ without building or writing anything.

    Each problem is one line, path:line: field: what is wrong; how to fix it. Errors (exit status 1):
    front matter that is not valid YAML or breaks the schema (a missing title, a date that is not
    YYYY-MM-DD), unknown theme or outlet ids, a date outside content/site.yml's period, a changed raw
    capture, the same URL or text in two articles, a raw file no article comes from. Warnings (exit
    status 0): nearly the same text from two different outlets, which may be syndication; further-reading
    headlines that match no article (those close to one are named, for a maintainer to judge).

    Example: python -m generator check
    """
    try:
        reading, problems = site.check(_project())
    except ContentErrors as found:
        _fail(found.errors, found.summary)
    errors = [p for p in problems if not p.warning]
    warnings = [p for p in problems if p.warning]
    for problem in problems:
        click.echo(str(problem), err=True)
    counted = ", ".join(
        count_of(len(found), kind) for found, kind in ((errors, "error"), (warnings, "warning")) if found
    )
    if errors:
        click.echo(reading.tally("valid"), err=True)
        click.echo(counted, err=True)
        sys.exit(1)
    click.echo(reading.tally("valid") + (f" ({counted})" if counted else ""))


@cli.command()
@click.option("--title", required=True, help="The headline, as the source has it; it names the file.")
@click.option("--outlet", default="unknown", show_default=True, help="Outlet id from content/outlets.yml.")
@click.option("--date", help="Publication date, YYYY-MM-DD, if you have established it (date_source: maintainer).")
@click.option("--url", help="The original URL.")
@click.option("--author", help="The byline.")
def new(title: str, outlet: str, date: str | None, url: str | None, author: str | None) -> None:
    """Write a new article file, content/articles/<slug>.md, with every front-matter field explained.

    For an article written by hand rather than ingested from a capture. Never overwrites a file.

    Example: python -m generator new --title "Russia vetoes UN resolution on Aleppo" --outlet tass --date 2016-10-08
    """
    given = {"title": title, "outlet": outlet, "date": date, "url": url, "author": author}
    fields = {key: value for key, value in given.items() if value is not None}
    if date is not None:
        fields["date_source"] = "maintainer"
    where = "python -m generator new"
    try:
        front = FrontMatter.model_validate(fields)
    except ValidationError as error:
        _fail(
            [
                ContentError(where, None, f"--{e.field}", e.message, e.hint)
                for e in validation_errors(where, None, error)
            ]
        )
    try:
        path = site.new_article(_project(), front)
    except ContentErrors as found:
        _fail(found.errors)
    click.echo(f"created {path}: write the text below its front matter, then run: make check")


@cli.command()
def schema() -> None:
    """Write schema/front-matter.schema.json, the JSON Schema of an article's front matter, from the model.

    Run it after changing generator/model.py; a test fails while the file is out of date.

    Example: python -m generator schema
    """
    changed = site.write_schema(_project())
    click.echo(f"{'wrote' if changed else 'unchanged:'} {SCHEMA_PATH}")


@cli.command()
def generate() -> None:
    """Write the generated pages, data and raw captures under docs/ from content/.

    Example: python -m generator generate
    """
    try:
        articles = site.generate(_project())
    except ContentErrors as found:
        _fail(found.errors, found.summary)
    click.echo(_tally(articles, "generated"))
    click.echo("generated docs/")


@cli.command()
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), help="Where to build (default site/).")
@click.option(
    "--dirty",
    is_flag=True,
    help="Render and index for search only the pages that changed since the last build (a preview, not a deploy).",
)
def build(site_dir: Path | None, dirty: bool) -> None:
    """Generate docs/, then build the site with MkDocs in strict mode.

    The site is built beside site/ and renamed into place only when the build succeeds: a failed or
    interrupted build leaves the previous site/ as it was.

    Example: python -m generator build
    """
    from mkdocs.exceptions import Abort

    try:
        articles = site.build(_project(), site_dir, dirty=dirty)
    except ContentErrors as found:
        _fail(found.errors, found.summary)
    except Abort as abort:
        click.echo(f"the MkDocs build failed: {abort}; {site_dir or 'site'}/ is unchanged", err=True)
        sys.exit(1)
    click.echo(_tally(articles, "built"))
    click.echo(f"built the site into {site_dir or 'site'}/")


@cli.command()
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(dev_addr: str) -> None:
    """Preview the site, regenerating docs/ whenever content/ changes.

    Example: python -m generator serve
    """
    site.serve(_project(), dev_addr)


if __name__ == "__main__":
    cli()
