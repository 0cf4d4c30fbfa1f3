"""build(): read -> parse -> enrich -> render -> write. The only module that touches the disk."""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import SiteData, load_site_data
from generator.enrich.entities import entity_finder, find_entities
from generator.enrich.references import link_references
from generator.enrich.related import relate
from generator.enrich.themes import assign_themes
from generator.errors import ContentError, ContentErrors
from generator.model import Article, article_sort_key
from generator.parse.capture import RawFile, Segment, parse_segment, span_sha256, split_posts
from generator.parse.front import parse_article, write_article
from generator.render.corpus import Corpus
from generator.render.data import render_exports
from generator.render.pages import render_pages
from generator.slug import is_safe_slug, slugify

# What `generate` owns under docs/: it replaces these and never touches anything else there.
GENERATED = ("index.md", ".generated-nav.yml", "articles", "themes", "outlets", "entities", "data", "raw")
# Each stage's time at DEBUG, with its name, wall and CPU seconds as record attributes: bench/synthetic.py listens.
STAGE_LOG = logging.getLogger("generator.stages")


@contextlib.contextmanager
def stage(name: str) -> Iterator[None]:
    """Time one stage of the pipeline (wall clock, and CPU of this process and its children) and log it."""
    start, start_cpu = time.perf_counter(), cpu_seconds()
    yield
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - start_cpu
    STAGE_LOG.debug(
        "%s: %.3f s (CPU %.3f s)", name, seconds, cpu, extra={"stage": name, "seconds": seconds, "cpu": cpu}
    )


def cpu_seconds() -> float:
    """CPU seconds used so far by this process and the children it waited for (pagefind)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


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


def read_articles(content: Path, data: SiteData) -> list[Article]:
    """Every article file in content/articles/, validated; all problems reported together."""
    articles, errors = [], []
    with stage("read"):
        texts = [(path, path.read_text(encoding="utf-8")) for path in sorted((content / "articles").glob("*.md"))]
    with stage("parse"):
        for path, text in texts:
            display = Path("content/articles") / path.name
            try:
                front, paragraphs, lines = parse_article(display, text)
            except ContentErrors as found:
                errors += found.errors
                continue
            article = Article(path.stem, f"articles/{path.name}", front, paragraphs, field_lines=lines)
            problems = _check_article(display, path.stem, article, data, content)
            errors += problems
            if not problems:
                articles.append(article)
    if errors:
        raise ContentErrors(errors)
    return articles


def enrich(articles: list[Article], data: SiteData) -> list[Article]:
    """Articles with their themes, entities, linked references, backlinks and related articles, in date order."""
    with stage("themes"):
        articles = [assign_themes(a, data.themes) for a in articles]
    with stage("entities"):
        finder = entity_finder(data.entities)
        articles = [find_entities(a, finder) for a in articles]
    with stage("references"):
        articles = link_references(articles)
    with stage("related"):
        return sorted(relate(articles), key=article_sort_key)


def load(project: Project) -> tuple[SiteData, list[Article]]:
    """Read and enrich all content; raises ContentErrors listing every problem."""
    with stage("read"):
        data = load_site_data(project.content)
    return data, enrich(read_articles(project.content, data), data)


def generate(project: Project) -> list[Article]:
    """content/ -> the generated pages, data files and raw captures under docs/."""
    data, articles = load(project)
    with stage("render"):
        corpus = Corpus(tuple(articles), data, project.site_url())
        outputs = _encoded(render_pages(corpus)) | _encoded(render_exports(corpus))
    with stage("read"):
        for raw in sorted((project.content / "raw").iterdir()):
            if raw.is_file() and not raw.name.startswith("."):
                outputs[f"raw/{raw.name}"] = raw.read_bytes()
    with stage("write"):
        _replace_generated(project.docs, outputs)
    return articles


def _encoded(files: dict[str, str]) -> dict[str, bytes]:
    """The files as UTF-8, each text dropped once encoded: a corpus's pages are not held twice at once."""
    return {path: files.pop(path).encode("utf-8") for path in list(files)}


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


def build(project: Project, site_dir: Path | None = None, dirty: bool = False) -> list[Article]:
    """Generate docs/, then run the MkDocs build in strict mode into site/.

    dirty: MkDocs renders only the pages whose Markdown generate() rewrote (newer than their HTML), over
    the previous build in site_dir, and the pages of removed Markdown files are removed: a preview after
    adding an article. It is a full build when there is no previous build, or when mkdocs.yml, the
    navigation or overrides/ changed since, as every page carries them.
    """
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    articles = generate(project)
    os.environ["SOURCE_DATE_EPOCH"] = source_date_epoch(articles)
    _show_mkdocs_log()
    site_dir = site_dir or project.site
    dirty = dirty and _unchanged_frame(project, site_dir)
    with stage("mkdocs"):
        config = load_config(str(project.mkdocs_yml), strict=True, site_dir=str(site_dir))
        if dirty:
            _remove_stale_pages(project.docs, site_dir)
        # MkDocs warns that a dirty build may leave links stale, and strict mode would count that warning as a
        # failure. Our navigation never lists articles, so a page added or removed changes no navigation.
        dirty_warning = logging.getLogger("mkdocs.commands.build")
        dirty_warning.addFilter(_not_the_dirty_warning)
        try:
            mkdocs_build(config, dirty=dirty)
        finally:
            dirty_warning.removeFilter(_not_the_dirty_warning)
    with stage("search"):
        index_for_search(site_dir)
    return articles


def _unchanged_frame(project: Project, site_dir: Path) -> bool:
    """Whether what every page carries (configuration, navigation, templates) is older than the last build."""
    built = site_dir / "sitemap.xml"  # MkDocs writes it on every build, dirty or not
    if not built.is_file():
        return False
    frame = [project.mkdocs_yml, project.docs / ".generated-nav.yml", *(project.root / "overrides").rglob("*")]
    return all(path.stat().st_mtime_ns <= built.stat().st_mtime_ns for path in frame if path.is_file())


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _remove_stale_pages(docs: Path, site_dir: Path) -> None:
    """The built pages (name/index.html) of generated Markdown pages that no longer exist."""
    for name in ("articles", "themes", "outlets", "entities"):
        for page in sorted((site_dir / name).glob("*/index.html")):
            if not (docs / name / f"{page.parent.name}.md").is_file():
                shutil.rmtree(page.parent)


# What the search finds: the articles, home and method pages. Theme, outlet and entity pages are left out
# (the navigation leads to them): their lists repeat every article's headline and lead, so they would
# outrank the articles themselves, and their excerpts would grow with the corpus.
SEARCH_PAGES = "{index.html,method/index.html,articles/*/index.html}"
# Of a page, only its article element; not the provenance table or the citation box, which repeat the page.
SEARCH_ROOT = "article.md-content__inner"
SEARCH_EXCLUDE = (".set-aside", "details.cite")


def index_for_search(site_dir: Path) -> None:
    """Pagefind's chunked index of the built pages into site_dir/pagefind/, for the search box's worker."""
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)  # a dirty build keeps site_dir: no stale chunks
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", SEARCH_PAGES, "--silent"]
    command += ["--root-selector", SEARCH_ROOT]
    for selector in SEARCH_EXCLUDE:
        command += ["--exclude-selectors", selector]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"pagefind failed ({completed.returncode}): {completed.stderr.strip()}")


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
