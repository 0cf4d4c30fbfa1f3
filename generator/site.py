"""build(): read -> parse -> enrich -> render -> write. The only module that touches the disk."""

from __future__ import annotations

import datetime as dt
import functools
import logging
import os
import sys
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator import checks
from generator.config import SiteData, load_site_data
from generator.enrich.entities import entity_finder, find_entities
from generator.enrich.references import link_references
from generator.enrich.related import relate
from generator.enrich.themes import assign_themes
from generator.errors import ContentError, ContentErrors
from generator.model import Article, FrontMatter, SourceSpan, article_sort_key
from generator.parse.capture import Draft, RawFile, Segment, parse_segment, span_sha256, split_posts
from generator.parse.front import body_line, field_lines, read_article, write_article
from generator.parse.records import parse_record, records_of
from generator.render.corpus import Corpus
from generator.render.data import render_exports
from generator.render.pages import render_pages
from generator.render.review import review
from generator.render.schema import SCHEMA_PATH, article_skeleton, front_matter_schema
from generator.slug import is_safe_slug, slugify

# What `generate` owns under docs/: it replaces these and never touches anything else there.
GENERATED = ("index.md", ".generated-nav.yml", "articles", "themes", "outlets", "entities", "data", "raw")


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

    def site_url(self) -> str:
        """Where the site is published: mkdocs.yml's site_url, with its !ENV tag resolved as MkDocs does."""
        import yaml
        from yaml_env_tag import construct_env_tag

        class Loader(yaml.SafeLoader):
            pass

        Loader.add_constructor("!ENV", construct_env_tag)
        return str(yaml.load(self.mkdocs_yml.read_text(encoding="utf-8"), Loader=Loader)["site_url"])  # noqa: S506


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
    edits = front.entities
    for entity_id in [*edits.add, *edits.remove] if edits else []:
        if not data.has_entity(entity_id):
            errors.append(
                ContentError(
                    path,
                    article.line_of("entities"),
                    "entities",
                    f"{entity_id!r} is not an entity id in content/entities.yml",
                    "use an id from there (the entity index lists them), or add the entity",
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


def read_articles(content: Path, data: SiteData) -> tuple[list[Article], list[ContentError], set[str]]:
    """Every article file in content/articles/, each checked on its own.

    Returns the valid articles, every problem found, and the raw files that the readable articles name
    (valid or not), so that a raw file is not also reported unused because its article has a mistake.
    """
    articles, errors, sources = [], [], set()
    for path in sorted((content / "articles").glob("*.md")):
        display = Path("content/articles") / path.name
        try:
            text = path.read_text(encoding="utf-8")
            front, paragraphs = read_article(display, text)
        except ContentErrors as found:
            errors += found.errors
            continue
        if front.source:
            sources.add(front.source.file)
        article = Article(
            path.stem,
            f"articles/{path.name}",
            front,
            paragraphs,
            field_lines=field_lines(text),
            body_line=body_line(text),
        )
        problems = _check_article(display, path.stem, article, data, content)
        errors += problems
        if not problems:
            articles.append(article)
    return articles, errors, sources


def raw_files(content: Path) -> tuple[str, ...]:
    """The raw captures, relative to content/: raw/<name>, hidden files left out."""
    raw = content / "raw"
    if not raw.is_dir():
        return ()
    return tuple(f"raw/{p.name}" for p in sorted(raw.iterdir()) if p.is_file() and not p.name.startswith("."))


def enrich(articles: list[Article], data: SiteData) -> list[Article]:
    """Articles with their themes, entities, linked references, backlinks and related articles, in date order."""
    finder = entity_finder(data.entities)
    articles = [find_entities(assign_themes(a, data.themes), finder) for a in articles]
    return sorted(relate(link_references(articles)), key=article_sort_key)


def check(project: Project) -> tuple[list[Article], list[ContentError]]:
    """Every problem in content/: each article's own, then those the corpus checks find across articles.

    Returns the valid articles and the problems in path order, warnings among them; raises ContentErrors
    when the site data (themes.yml, outlets.yml, ...) cannot be read, as nothing can be checked then.
    """
    data = load_site_data(project.content)
    articles, errors, sources = read_articles(project.content, data)
    articles = enrich(articles, data)
    corpus = checks.Corpus(data, tuple(articles), raw_files(project.content), frozenset(sources))
    return articles, sorted(errors + checks.check_corpus(corpus), key=ContentError.sort_key)


def load(project: Project) -> tuple[SiteData, list[Article]]:
    """Read and enrich all content; raises ContentErrors listing every problem with an article.

    The corpus checks (duplicates, unused raw files) are left to `check`, which CI runs before a merge and
    before a deployment: they do not stop a build, so a preview keeps working while a maintainer is midway.
    """
    data = load_site_data(project.content)
    articles, errors, _ = read_articles(project.content, data)
    if errors:
        raise ContentErrors(errors)
    return data, enrich(articles, data)


def generate(project: Project) -> list[Article]:
    """content/ -> the generated pages, data files and raw captures under docs/."""
    data, articles = load(project)
    corpus = Corpus(tuple(articles), data, project.site_url())
    files = {**render_pages(corpus), **render_exports(corpus)}
    outputs = {path: text.encode("utf-8") for path, text in files.items()}
    for raw in raw_files(project.content):
        outputs[raw] = (project.content / raw).read_bytes()
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
        top = docs / name
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
    """What one ingest run did, file by file, and the new articles for the maintainer to review."""

    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    notes: list[ContentError] = field(default_factory=list)  # created, but something needs a maintainer's look
    articles: list[Article] = field(default_factory=list)  # as written, with the themes they would get
    reviews: list[str] = field(default_factory=list)  # each new article's inferred front matter, to check


# Wraps the drafts being written, e.g. in a progress bar; ingest itself prints nothing.
Progress = Callable[[list[Draft]], Iterable[Draft]]


def _no_progress(drafts: list[Draft]) -> Iterable[Draft]:
    return drafts


def ingest(project: Project, paths: list[Path], progress: Progress = _no_progress) -> IngestReport:
    """Raw captures or JSONL datasets -> content/raw/ and one content/articles/<slug>.md per article.

    Never overwrites: a raw file with other text under the same name, or an existing article file, is skipped.
    """
    data = load_site_data(project.content)
    report = IngestReport()
    drafts: list[Draft] = []
    for source_path in paths:
        raw = _keep_raw(project, source_path, report)
        if raw is not None:
            drafts += _drafts_of(raw, data, report)
    written: set[Path] = set()
    for draft in progress(drafts):
        _write_draft(project, draft, data, written, report)
    return report


def _keep_raw(project: Project, source_path: Path, report: IngestReport) -> RawFile | None:
    """Copy a capture into content/raw/ byte for byte, and read it; None if it cannot be ingested."""
    target = project.content / "raw" / source_path.name
    data_bytes = source_path.read_bytes()
    if target.exists() and target.read_bytes() != data_bytes:
        report.skipped.append(
            f"{source_path}: content/raw/{target.name} exists with other text; rename the file to ingest it"
        )
        return None
    if not target.exists():
        write_atomically(target, data_bytes)
        report.created.append(f"content/raw/{target.name}")
    try:
        return read_raw(project.content, f"raw/{target.name}")
    except ContentError as error:
        report.errors.append(error)
        return None


def _drafts_of(raw: RawFile, data: SiteData, report: IngestReport) -> list[Draft]:
    """The articles a raw file holds: one per post of a text capture, one per record of a JSONL dataset."""
    drafts = []
    if raw.path.endswith(".jsonl"):
        for number in records_of(raw):
            try:
                parsed = parse_record(raw, number, data)
            except ContentError as error:
                report.errors.append(error)
                continue
            drafts.append(parsed.draft)
            report.notes += parsed.notes
    else:
        for segment in split_posts(raw, data.separators):
            try:
                drafts.append(parse_segment(raw, segment, data))
            except ContentError as error:
                report.errors.append(error)
    if not drafts and not any(str(e.path) == f"content/{raw.path}" for e in report.errors):
        report.errors.append(
            ContentError(f"content/{raw.path}", None, None, "holds no text", "check that the capture is not empty")
        )
    return drafts


def _lines_of(source: SourceSpan) -> str:
    """'lines 1-4 of raw/dump.txt', or 'line 3 of raw/set.jsonl' for one record."""
    if source.first_line == source.last_line:
        return f"line {source.first_line} of {source.file}"
    return f"lines {source.first_line}-{source.last_line} of {source.file}"


def _write_draft(project: Project, draft: Draft, data: SiteData, written: set[Path], report: IngestReport) -> None:
    """Write one article file, unless it exists or an earlier draft of this run took its name."""
    source = draft.front.source
    assert source is not None  # ingest's drafts always come from a raw file
    article_path = project.content / "articles" / f"{slugify(draft.front.title)}.md"
    relative = f"content/articles/{article_path.name}"
    if article_path in written:
        report.errors.append(
            ContentError(
                f"content/{source.file}",
                source.first_line,
                "title",
                f"gives the same file name as an article ingested just before: {relative}",
                "two articles cannot share a slug; write this one by hand under another name",
            )
        )
        return
    if article_path.exists():
        report.skipped.append(f"{relative}: exists (from {_lines_of(source)}); ingest never overwrites an article file")
        return
    write_atomically(article_path, write_article(draft.front, draft.paragraphs).encode("utf-8"))
    written.add(article_path)
    report.created.append(f"{relative} ({_lines_of(source)})")
    article = assign_themes(
        Article(article_path.stem, f"articles/{article_path.name}", draft.front, draft.paragraphs), data.themes
    )
    report.articles.append(article)
    report.reviews.append(review(relative, article, data))


def new_article(project: Project, front: FrontMatter) -> Path:
    """Write content/articles/<slug>.md, a skeleton with every field explained; never overwrites."""
    path = project.content / "articles" / f"{slugify(front.title)}.md"
    if path.exists():
        raise ContentErrors(
            [
                ContentError(
                    f"content/articles/{path.name}",
                    None,
                    None,
                    "exists already, and new never overwrites a file",
                    "edit that file, or give the new article another title",
                )
            ]
        )
    write_atomically(path, article_skeleton(front).encode("utf-8"))
    return path.relative_to(project.root)


def write_schema(project: Project) -> bool:
    """Write the front matter's JSON Schema to schema/; False if the file was current already."""
    path = project.root / SCHEMA_PATH
    text = front_matter_schema().encode("utf-8")
    if path.is_file() and path.read_bytes() == text:
        return False
    write_atomically(path, text)
    return True


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
