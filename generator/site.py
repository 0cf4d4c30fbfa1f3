"""build(): read -> parse -> enrich -> render -> write. The only module that touches the disk."""

from __future__ import annotations

import datetime as dt
import functools
import json
import logging
import os
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import SiteData, load_site_data
from generator.enrich.themes import assign_themes
from generator.errors import ContentError, ContentErrors
from generator.events import Event, load_events
from generator.model import Article, article_sort_key
from generator.parse.capture import RawFile, Segment, parse_segment, span_sha256, split_posts
from generator.parse.front import field_lines, read_article, write_article
from generator.render.basemap import Outline, Place, outlines_from_json
from generator.render.coverage import NamedEntities, render_coverage, theme_sections
from generator.render.data import render_exports
from generator.render.feeds import render_feeds
from generator.render.pages import render_pages
from generator.render.timeline import render_timeline
from generator.slug import is_safe_slug, slugify

# What `generate` owns under docs/ (names or glob patterns): it replaces these and never touches anything else.
GENERATED = (
    "index.md",
    ".generated-nav.yml",
    "articles",
    "themes",
    "data",
    "raw",
    "coverage.md",
    "timeline.md",
    "map.md",
    "feed.xml",
    "feed-*.xml",
)


@dataclass(frozen=True)
class Project:
    """Where things are: content/ in, docs/ and site/ out, mkdocs.yml beside them."""

    root: Path

    @property
    def content(self) -> Path:
        return self.root / "content"

    @property
    def docs(self) -> Path:
        return self.root / "docs"

    @property
    def site(self) -> Path:
        return self.root / "site"

    @property
    def mkdocs_yml(self) -> Path:
        return self.root / "mkdocs.yml"


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@functools.lru_cache(maxsize=64)
def _read_raw_cached(path: Path, size: int, mtime_ns: int) -> bytes:
    """A raw file's bytes, read once per run even when a dump holds many articles (size and mtime key it)."""
    return path.read_bytes()


def read_raw(content: Path, relative: str) -> RawFile:
    """A raw capture by its path relative to content/; it must be UTF-8."""
    path = content / relative
    try:
        status = path.stat()
        text = _read_raw_cached(path, status.st_size, status.st_mtime_ns).decode("utf-8")
    except UnicodeDecodeError as error:
        raise ContentError(
            f"content/{relative}",
            None,
            None,
            f"is not UTF-8 text ({error.reason} at byte {error.start})",
            "save it as UTF-8 and ingest it again",
        ) from error
    return RawFile.from_text(relative, text)


def _check_article(path: Path, slug: str, article: Article, data: SiteData, content: Path) -> list[ContentError]:
    """The checks that need more than the article itself: ids exist, the raw capture is unchanged."""
    front = article.front
    errors = []
    if not is_safe_slug(slug):
        errors.append(
            ContentError(
                path,
                None,
                None,
                f"the file name {slug!r} is not a safe slug",
                f"rename it to {slugify(front.title)}.md",
            )
        )
    if front.outlet not in {o.id for o in data.outlets}:
        errors.append(
            ContentError(
                path,
                article.line_of("outlet"),
                "outlet",
                f"{front.outlet!r} is not an outlet id in content/outlets.yml",
                "use one of the ids there, or add the outlet",
            )
        )
    for theme_id in front.themes or []:
        if theme_id not in {t.id for t in data.themes}:
            errors.append(
                ContentError(
                    path,
                    article.line_of("themes"),
                    "themes",
                    f"{theme_id!r} is not a theme id in content/themes.yml",
                    "use one of: " + ", ".join(t.id for t in data.themes),
                )
            )
    if front.date is not None and front.date not in data.period:
        errors.append(
            ContentError(
                path,
                article.line_of("date"),
                "date",
                f"{front.date} lies outside the period the site covers, {data.period.start} to {data.period.end}",
                "correct the date, or widen the period in content/site.yml if the article belongs here",
            )
        )
    if front.source:
        source = front.source
        if not (content / source.file).is_file():
            errors.append(
                ContentError(
                    path,
                    article.line_of("source"),
                    "source.file",
                    f"{source.file!r} does not exist in content/",
                    "restore the raw capture or correct the path",
                )
            )
        else:
            try:
                raw = read_raw(content, source.file)
            except ContentError as error:
                return [*errors, error]
            if (
                source.last_line > len(raw.lines)
                or span_sha256(raw, Segment(source.first_line, source.last_line)) != source.sha256
            ):
                errors.append(
                    ContentError(
                        path,
                        article.line_of("source"),
                        "source.sha256",
                        f"does not match lines {source.first_line}-{source.last_line} of {source.file}",
                        "raw captures must not change; restore the file",
                    )
                )
    return errors


def read_articles(content: Path, data: SiteData) -> list[Article]:
    """Every article file in content/articles/, validated; all problems reported together."""
    articles, errors = [], []
    for path in sorted((content / "articles").glob("*.md")):
        display = Path("content/articles") / path.name
        try:
            text = path.read_text(encoding="utf-8")
            front, paragraphs = read_article(display, text)
        except ContentErrors as found:
            errors += found.errors
            continue
        article = Article(path.stem, f"articles/{path.name}", front, paragraphs, field_lines=field_lines(text))
        problems = _check_article(display, path.stem, article, data, content)
        errors += problems
        if not problems:
            articles.append(article)
    if errors:
        raise ContentErrors(errors)
    return articles


def enrich(articles: list[Article], data: SiteData) -> list[Article]:
    """Articles with their themes, in date order."""
    return sorted((assign_themes(a, data.themes) for a in articles), key=article_sort_key)


def load(project: Project) -> tuple[SiteData, list[Article]]:
    """Read and enrich all content; raises ContentErrors listing every problem."""
    data = load_site_data(project.content)
    return data, enrich(read_articles(project.content, data), data)


def read_events(project: Project, data: SiteData) -> tuple[Event, ...]:
    """content/events.yml, validated against the period the site covers."""
    return load_events(project.content / "events.yml", data.period)


def places_named(articles: list[Article], data: SiteData) -> list[Place]:
    """The places the articles name, for the map: none until the entities are wired in (README: "Wiring")."""
    return []


def entities_named(articles: list[Article], data: SiteData) -> NamedEntities:
    """For each theme, the entities its articles name: none until the entities are wired in (README: "Wiring")."""
    return {}


def render_visuals(project: Project, articles: list[Article], data: SiteData) -> dict[str, str]:
    """Coverage, timeline and map pages, chart data and feeds, by path under docs/."""
    events = read_events(project, data)
    places = places_named(articles, data)
    outlines: tuple[Outline, ...] = ()
    if places:
        text = (project.content / "map" / "countries-50m.json").read_text(encoding="utf-8")
        outlines = outlines_from_json(json.loads(text))
    named = entities_named(articles, data)
    return {
        **render_coverage(articles, data, events, outlines, places, named),
        **render_timeline(articles, data, events),
        **render_feeds(articles, data),
    }


def generate(project: Project) -> list[Article]:
    """content/ -> the generated pages, data files and raw captures under docs/."""
    data, articles = load(project)
    files = {
        **render_pages(articles, data, theme_sections(articles, data)),
        **render_exports(articles, data),
        **render_visuals(project, articles, data),
    }
    outputs = {path: text.encode("utf-8") for path, text in files.items()}
    for raw in sorted((project.content / "raw").iterdir()):
        if raw.is_file() and not raw.name.startswith("."):
            outputs[f"raw/{raw.name}"] = raw.read_bytes()
    _replace_generated(project.docs, outputs)
    return articles


def _replace_generated(docs: Path, outputs: dict[str, bytes]) -> None:
    """Make docs/'s generated files exactly `outputs`, writing only what changed.

    Files are replaced one by one, never removed first, so a live preview never sees a page missing.
    """
    for relative, data_bytes in sorted(outputs.items()):
        target = docs / relative
        if not target.is_file() or target.read_bytes() != data_bytes:
            write_atomically(target, data_bytes)
    for name in GENERATED:
        for top in sorted(docs.glob(name)):
            stale = [p for p in ([top] if top.is_file() else sorted(top.rglob("*"))) if p.is_file()]
            for path in stale:
                if path.relative_to(docs).as_posix() not in outputs:
                    path.unlink()


def source_date_epoch(articles: list[Article]) -> str:
    """The build's clock: SOURCE_DATE_EPOCH if set, else midnight UTC of the newest article date."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    newest = max((a.front.date for a in articles if a.front.date), default=dt.date(2015, 1, 1))
    return str(int(dt.datetime(newest.year, newest.month, newest.day, tzinfo=dt.UTC).timestamp()))


def build(project: Project, site_dir: Path | None = None) -> list[Article]:
    """Generate docs/, then run the MkDocs build in strict mode into site/."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    articles = generate(project)
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(articles)
    _show_mkdocs_log()
    config = load_config(str(project.mkdocs_yml), strict=True, site_dir=str(site_dir or project.site))
    mkdocs_build(config)
    return articles


def _show_mkdocs_log() -> None:
    """Print MkDocs' messages as its own command line does, so a strict-mode warning is seen."""
    logger = logging.getLogger("mkdocs")
    if not any(getattr(h, "_generator", False) for h in logger.handlers):
        handler = logging.StreamHandler(sys.stderr)
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        handler._generator = True  # type: ignore[attr-defined]
        logger.addHandler(handler)
        logger.setLevel(logging.INFO)


@dataclass
class IngestReport:
    """What one ingest run did, file by file."""

    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)


def ingest(project: Project, paths: list[Path]) -> IngestReport:
    """Raw captures -> content/raw/ and one content/articles/<slug>.md per article. Never overwrites."""
    data = load_site_data(project.content)
    report = IngestReport()
    written: set[Path] = set()
    for source_path in paths:
        target = project.content / "raw" / source_path.name
        data_bytes = source_path.read_bytes()
        if target.exists() and target.read_bytes() != data_bytes:
            report.skipped.append(
                f"{source_path}: content/raw/{target.name} exists with other text; rename the file to ingest it"
            )
            continue
        if not target.exists():
            write_atomically(target, data_bytes)
            report.created.append(f"content/raw/{target.name}")
        try:
            raw = read_raw(project.content, f"raw/{target.name}")
        except ContentError as error:
            report.errors.append(error)
            continue
        segments = split_posts(raw, data.separators)
        if not segments:
            report.errors.append(
                ContentError(
                    f"content/raw/{target.name}", None, None, "holds no text", "check that the capture is not empty"
                )
            )
        for segment in segments:
            try:
                draft = parse_segment(raw, segment, data)
            except ContentError as error:
                report.errors.append(error)
                continue
            article_path = project.content / "articles" / f"{slugify(draft.front.title)}.md"
            relative = f"content/articles/{article_path.name}"
            if article_path in written:
                report.errors.append(
                    ContentError(
                        f"content/{raw.path}",
                        segment.first,
                        "title",
                        f"gives the same file name as an article ingested just before: {relative}",
                        "two articles cannot share a slug; write this one by hand under another name",
                    )
                )
                continue
            if article_path.exists():
                report.skipped.append(
                    f"{relative}: exists (from lines {segment.first}-{segment.last} of "
                    f"{raw.path}); ingest never overwrites an article file"
                )
                continue
            write_atomically(article_path, write_article(draft.front, draft.paragraphs).encode("utf-8"))
            written.add(article_path)
            report.created.append(f"{relative} (lines {segment.first}-{segment.last} of {raw.path})")
    return report


def serve(project: Project, dev_addr: str) -> None:
    """Live preview: MkDocs serves docs/ and reloads; a watcher regenerates docs/ when content/ changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve
    from watchdog.events import FileSystemEvent, FileSystemEventHandler
    from watchdog.observers import Observer

    class Regenerate(FileSystemEventHandler):
        def on_any_event(self, event: FileSystemEvent) -> None:
            if event.event_type in ("created", "modified", "deleted", "moved"):
                try:
                    generate(project)
                except ContentErrors as found:
                    print(found, file=sys.stderr)

    generate(project)
    observer = Observer()
    observer.schedule(Regenerate(), str(project.content), recursive=True)
    observer.start()
    try:
        mkdocs_serve(str(project.mkdocs_yml), dev_addr=dev_addr)
    finally:
        observer.stop()
