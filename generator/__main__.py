"""python -m generator: the command line. Each command hands off to generator.site."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from generator import site
from generator.errors import ContentError, ContentErrors


def _project() -> site.Project:
    return site.Project(Path.cwd())


def _fail(errors: list[ContentError]) -> None:
    for error in sorted(errors, key=ContentError.sort_key):
        click.echo(str(error), err=True)
    click.echo(f"{len(errors)} error{'s' if len(errors) != 1 else ''}", err=True)
    sys.exit(1)


@click.group()
def cli() -> None:
    """Turn the captured articles in content/ into the documentary site."""


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path))
def ingest(paths: tuple[Path, ...]) -> None:
    """Copy raw captures into content/raw/ and write one content/articles/<slug>.md per article.

    Never overwrites: an existing article file is skipped, and the output says so.

    Example: python -m generator ingest ~/captures/rt-idlib.txt
    """
    try:
        report = site.ingest(_project(), list(paths))
    except ContentErrors as found:
        _fail(found.errors)
    for line in report.created:
        click.echo(f"created {line}")
    for line in report.skipped:
        click.echo(f"skipped {line}")
    click.echo(f"{len(report.created)} created, {len(report.skipped)} skipped, {len(report.errors)} refused")
    if report.errors:
        _fail(report.errors)


@cli.command()
def check() -> None:
    """Validate everything in content/ without writing anything.

    Example: python -m generator check
    """
    try:
        data, articles = site.load(_project())
        site.read_events(_project(), data)
    except ContentErrors as found:
        _fail(found.errors)
    click.echo(f"content is valid: {len(articles)} articles")


@cli.command()
def generate() -> None:
    """Write the generated pages, data and raw captures under docs/ from content/.

    Example: python -m generator generate
    """
    try:
        articles = site.generate(_project())
    except ContentErrors as found:
        _fail(found.errors)
    click.echo(f"generated docs/ from {len(articles)} articles")


@cli.command()
@click.option("--site-dir", type=click.Path(file_okay=False, path_type=Path), help="Where to build (default site/).")
def build(site_dir: Path | None) -> None:
    """Generate docs/, then build the site with MkDocs in strict mode.

    Example: python -m generator build
    """
    from mkdocs.exceptions import Abort

    try:
        articles = site.build(_project(), site_dir)
    except ContentErrors as found:
        _fail(found.errors)
    except Abort as abort:
        click.echo(f"the MkDocs build failed: {abort}", err=True)
        sys.exit(1)
    click.echo(f"built the site from {len(articles)} articles into {site_dir or 'site'}/")


@cli.command()
@click.option("--dev-addr", default="127.0.0.1:8000", show_default=True, help="Address to serve on.")
def serve(dev_addr: str) -> None:
    """Preview the site, regenerating docs/ whenever content/ changes.

    Example: python -m generator serve
    """
    site.serve(_project(), dev_addr)


if __name__ == "__main__":
    cli()
