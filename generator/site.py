"""build(): read -> parse -> enrich -> render -> write. The only module that touches the disk."""

from __future__ import annotations

import datetime as dt
import functools
import gc
import json
import logging
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import checks
from generator.config import SiteData, load_site_data
from generator.enrich.entities import entity_finder, find_entities
from generator.enrich.memo import Memo
from generator.enrich.memo import salt as memo_salt
from generator.enrich.references import link_references
from generator.enrich.related import relate
from generator.enrich.themes import assign_themes
from generator.errors import ContentError, ContentErrors
from generator.events import Event, load_events
from generator.model import Article, FrontMatter, article_sort_key
from generator.parse.capture import Draft, RawFile, Segment, parse_segment, span_sha256, split_posts
from generator.parse.decode import MAX_ARTICLE_FILE_BYTES, MAX_CAPTURE_BYTES, check_size, decode_text
from generator.parse.front import body_line, parse_article, read_article, write_article
from generator.parse.records import parse_record, records_of
from generator.render.basemap import Outline, Place, outlines_from_json
from generator.render.corpus import Corpus
from generator.render.coverage import NamedEntities, render_coverage, theme_sections
from generator.render.data import render_exports
from generator.render.feeds import render_feeds
from generator.render.pages import render_pages
from generator.render.review import review
from generator.render.schema import SCHEMA_PATH, article_skeleton, front_matter_schema
from generator.render.text import count_of
from generator.render.timeline import render_timeline
from generator.slug import capture_name_problem, is_safe_slug, safe_capture_name, slugify

# What `generate` owns under docs/ (names or glob patterns): it replaces these and never touches anything else.
GENERATED = (
    "index.md",
    ".generated-nav.yml",
    "articles",
    "themes",
    "outlets",
    "entities",
    "data",
    "raw",
    "coverage.md",
    "timeline.md",
    "timeline",
    "map.md",
    "feed.xml",
    "feed-*.xml",
)


# Each stage's time at DEBUG, with its name, wall and CPU seconds as record attributes: bench/synthetic.py listens.
STAGE_LOG = logging.getLogger("generator.stages")


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Time one stage of the pipeline (wall clock, and CPU of this process and its children) and log it."""
    start, start_cpu = time.perf_counter(), cpu_seconds()
    yield
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - start_cpu
    STAGE_LOG.debug(
        "%s: %.3f s (CPU %.3f s)", name, seconds, cpu, extra={"stage": name, "seconds": seconds, "cpu": cpu}
    )


@contextmanager
def cycle_collector_paused() -> Iterator[None]:
    """Python's cycle collector off while a corpus is read and rendered, back as it was after.

    Its full passes walk every object alive, and a corpus keeps thousands of articles alive: at 10,000 that
    was a sixth of generate()'s time (bench/RESULTS.md). The pipeline's garbage is freed by reference
    counting all the same; the few cycles it leaves (some hundreds of objects) wait for the collector's
    next pass.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


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

    @property
    def enrichment_memo(self) -> Path:
        """The last build's themes and entities of each article (generator/enrich/memo.py); safe to delete."""
        return self.root / ".cache" / "enrichment.json"

    def site_url(self) -> str:
        """Where the site is published: mkdocs.yml's site_url, with its !ENV tag resolved as MkDocs does."""
        import yaml
        from yaml_env_tag import construct_env_tag

        class Loader(yaml.SafeLoader):
            pass

        Loader.add_constructor("!ENV", construct_env_tag)
        return str(yaml.load(self.mkdocs_yml.read_text(encoding="utf-8"), Loader=Loader)["site_url"])  # noqa: S506


@functools.cache
def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def write_new(path: Path, data: bytes) -> None:
    """Write a file that does not exist yet, in place: there is no earlier version for a reader to see half
    replaced. Half the cost of write_atomically's temporary file and rename, paid for thousands of pages in
    a first build; a build killed midway leaves at worst a short file, which the next one finds and replaces."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("xb") as stream:
        stream.write(data)


def write_atomically(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, then rename: a reader never sees half a file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.chmod(temporary, 0o666 & ~_umask())  # mkstemp's file is private; this one is for everyone to read
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


@functools.lru_cache(maxsize=64)
def _read_raw_cached(content: Path, relative: str, size: int, mtime_ns: int) -> RawFile:
    """A raw file read and decoded once per run even when a dump holds many articles (size and mtime key it)."""
    return RawFile.from_text(relative, decode_text(f"content/{relative}", (content / relative).read_bytes()))


def read_raw(content: Path, relative: str) -> RawFile:
    """A raw capture by its path relative to content/: UTF-8 text, or a ContentError saying how to convert it."""
    status = (content / relative).stat()
    check_size(f"content/{relative}", status.st_size, MAX_CAPTURE_BYTES)
    return _read_raw_cached(content, relative, status.st_size, status.st_mtime_ns)


def read_text_file(path: Path, shown: Path | str, limit: int) -> str:
    """A maintained text file: at most `limit` bytes of UTF-8, or a ContentError saying what to do."""
    check_size(shown, path.stat().st_size, limit)
    return decode_text(shown, path.read_bytes())


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
        capture = source.file.removeprefix("raw/")
        if not source.file.startswith("raw/") or capture_name_problem(capture):
            errors.append(
                ContentError(
                    path,
                    article.line_of("source"),
                    "source.file",
                    f"{source.file!r} is not a capture in content/raw/",
                    "give the path of the capture as raw/<name>.txt",
                )
            )
        elif not (content / source.file).is_file():
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


@dataclass
class Reading:
    """What reading content/articles/ gave: each file is an article or has at least one error."""

    files: int
    articles: list[Article] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)
    # The raw files readable articles name, valid or not: such a file is not also reported unused.
    sources: set[str] = field(default_factory=set)

    def tally(self, done: str) -> str:
        """'21 article files: 19 valid, 2 refused': nothing is left out of the count."""
        refused = len({str(error.path) for error in self.errors})
        return f"{count_of(self.files, 'article file')}: {len(self.articles)} {done}, {refused} refused"


def _article_files(content: Path) -> list[Path]:
    """Everything in content/articles/ but hidden files that are not .md (editors' swap files, our temporary ones)."""
    folder = content / "articles"
    paths = sorted(folder.iterdir()) if folder.is_dir() else []
    return [p for p in paths if p.suffix == ".md" or not p.name.startswith(".")]


def read_articles(content: Path, data: SiteData) -> Reading:
    """Every article file in content/articles/, validated; all problems reported together."""
    files = _article_files(content)
    reading = Reading(len(files))
    texts: dict[Path, str | ContentError] = {}
    with stage("read"):
        for path in files:
            if not path.is_dir() and path.suffix == ".md":
                display = Path("content/articles") / path.name
                try:
                    texts[path] = read_text_file(path, display, MAX_ARTICLE_FILE_BYTES)
                except ContentError as error:
                    texts[path] = error
    with stage("parse"):
        for path in files:
            _parse_one(path, texts.get(path), content, data, reading)
    return reading


def _parse_one(path: Path, text: str | ContentError | None, content: Path, data: SiteData, reading: Reading) -> None:
    """One article file, read_articles' loop body: its article or its errors go into `reading`."""
    display = Path("content/articles") / path.name
    if text is None:  # a folder, or not .md
        what = "a folder" if path.is_dir() else "not an article file (.md)"
        reading.errors.append(
            ContentError(display, None, None, f"is {what}", "article files are .md files directly in this folder")
        )
        return
    if isinstance(text, ContentError):
        reading.errors.append(text)
        return
    try:
        front, paragraphs, lines = parse_article(display, text)
    except ContentError as error:
        reading.errors.append(error)
        return
    except ContentErrors as found:
        reading.errors += found.errors
        return
    if front.source:
        reading.sources.add(front.source.file)
    article = Article(
        path.stem,
        f"articles/{path.name}",
        front,
        paragraphs,
        field_lines=lines,
        body_line=body_line(text),
    )
    problems = _check_article(display, path.stem, article, data, content)
    reading.errors += problems
    if not problems:
        reading.articles.append(article)


def raw_files(content: Path) -> tuple[str, ...]:
    """The raw captures, relative to content/: raw/<name>, hidden files left out."""
    raw = content / "raw"
    if not raw.is_dir():
        return ()
    return tuple(f"raw/{p.name}" for p in sorted(raw.iterdir()) if p.is_file() and not p.name.startswith("."))


def check_capture_names(content: Path) -> list[ContentError]:
    """Every file in content/raw/ is published under raw/: each must be a safely named text capture."""
    errors = []
    folder = content / "raw"
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        problem = "is a folder" if path.is_dir() else capture_name_problem(path.name)
        if problem and not path.name.startswith("."):
            errors.append(
                ContentError(
                    f"content/raw/{path.name}", None, None, problem, f"rename it to {safe_capture_name(path.name)}"
                )
            )
    return errors


def enrich(articles: list[Article], data: SiteData, memo: Memo | None = None) -> list[Article]:
    """Articles with their themes, entities, linked references, backlinks and related articles, in date order.

    memo: the themes and entities of unchanged articles, from the last build, used instead of finding them again.
    """
    with stage("themes"):
        known = [memo.recall(a) if memo else None for a in articles]
        articles = [k if k is not None else assign_themes(a, data.themes) for a, k in zip(articles, known, strict=True)]
    with stage("entities"):
        finder = entity_finder(data.entities)
        articles = [a if k is not None else find_entities(a, finder) for a, k in zip(articles, known, strict=True)]
    with stage("references"):
        articles = link_references(articles)
    with stage("related"):
        return sorted(relate(articles), key=article_sort_key)


@cycle_collector_paused()
def check(project: Project) -> tuple[Reading, list[ContentError]]:
    """Every problem in content/: each article's own, then those the corpus checks find across articles.

    Returns the reading (its valid articles enriched) and the problems in path order, warnings among them;
    raises ContentErrors when the site data (themes.yml, outlets.yml, ...) cannot be read, as nothing can be
    checked then.
    """
    data = load_site_data(project.content)
    reading = read_articles(project.content, data)
    reading.articles = enrich(reading.articles, data)
    corpus = checks.Corpus(data, tuple(reading.articles), raw_files(project.content), frozenset(reading.sources))
    problems = reading.errors + check_capture_names(project.content) + checks.check_corpus(corpus)
    try:
        read_events(project, data)
    except ContentErrors as found:
        problems += found.errors
    return reading, sorted(problems, key=ContentError.sort_key)


def load(project: Project) -> tuple[SiteData, list[Article]]:
    """Read and enrich all content; raises ContentErrors listing every problem, with the count of article files.

    The corpus checks (duplicates, unused raw files) are left to `check`, which CI runs before a merge and
    before a deployment: they do not stop a build, so a preview keeps working while a maintainer is midway.
    """
    with stage("read"):
        data = load_site_data(project.content)
    reading = read_articles(project.content, data)
    errors = reading.errors + check_capture_names(project.content)
    if errors:
        raise ContentErrors(errors, summary=reading.tally("valid"))
    memo = Memo.read(project.enrichment_memo, memo_salt(data))
    articles = enrich(reading.articles, data, memo)
    with stage("write"):
        remembered = memo.serialised(articles)
        path = project.enrichment_memo
        if not path.is_file() or path.read_bytes() != remembered:
            path.parent.mkdir(exist_ok=True)
            write_atomically(path, remembered)
    return data, articles


def read_events(project: Project, data: SiteData) -> tuple[Event, ...]:
    """content/events.yml, validated against the period the site covers."""
    return load_events(project.content / "events.yml", data.period)


def places_named(articles: list[Article], data: SiteData) -> list[Place]:
    """The places the articles name, for the map: each with how many articles name it, and its page."""
    counts = Counter(entity_id for a in articles for entity_id in a.entity_ids)
    return [
        Place(e.name, e.coordinates.lat, e.coordinates.lon, counts[e.id], f"entities/{e.id}/")
        for e in data.entities
        if e.coordinates and counts[e.id]
    ]


def entities_named(articles: list[Article], data: SiteData) -> NamedEntities:
    """For each theme, the entities its articles name, with how many articles name each, and its page."""
    return {
        theme.id: [
            (data.entity(entity_id).name, count, f"entities/{entity_id}/")
            for entity_id, count in Counter(
                e for a in articles if theme.id in a.theme_ids for e in a.entity_ids
            ).items()
        ]
        for theme in data.themes
    }


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


@cycle_collector_paused()
def generate(project: Project) -> list[Article]:
    """content/ -> the generated pages, data files and raw captures under docs/."""
    data, articles = load(project)
    with stage("render"):
        corpus = Corpus(tuple(articles), data, project.site_url())
        outputs = _encoded(render_pages(corpus, theme_sections(articles, data)))
        outputs |= _encoded(render_exports(corpus))
        outputs |= _encoded(render_visuals(project, articles, data))
    with stage("read"):
        for raw in raw_files(project.content):
            outputs[raw] = (project.content / raw).read_bytes()
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
        if not target.is_file():
            write_new(target, data_bytes)
        elif target.read_bytes() != data_bytes:
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


def build(project: Project, site_dir: Path | None = None, dirty: bool = False) -> list[Article]:
    """Generate docs/, build the site with MkDocs in strict mode beside site/, index it for search, swap it in.

    MkDocs writes its output in place, file by file; building into a new folder and renaming it into place
    means a failed or interrupted build leaves the previous site/ exactly as it was.

    dirty: a preview. MkDocs renders, in site/ itself, only the pages whose Markdown generate() rewrote
    (newer than their HTML), and the pages of removed Markdown files are removed; no swap. It is a full
    build when there is no previous build, or when mkdocs.yml, the navigation or overrides/ changed since,
    as every page carries them.
    """
    from mkdocs.commands.build import build as mkdocs_build

    generated_before = _generated_files(project.docs)
    articles = generate(project)
    target = site_dir or project.site
    if dirty and _unchanged_frame(project, target) and (target / PREVIEW_MANIFEST).is_file():
        _show_mkdocs_log()
        last_build = (target / PREVIEW_MANIFEST).stat().st_mtime_ns  # written last, after every page
        with stage("mkdocs"), _environment("SOURCE_DATE_EPOCH", source_date_epoch(articles)):
            removed = _remove_outputs_of(generated_before - _generated_files(project.docs), target)
            _dirty_mkdocs_build(_mkdocs_config(project, target))
        with stage("search"):
            rendered = {p for p in _search_pages(target) if (target / p).stat().st_mtime_ns > last_build}
            index_changes_for_search(target, rendered, removed)
        return articles
    target.parent.mkdir(parents=True, exist_ok=True)
    _remove_leftovers(target)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.build-"))
    try:
        _show_mkdocs_log()
        with stage("mkdocs"), _environment("SOURCE_DATE_EPOCH", source_date_epoch(articles)):
            mkdocs_build(_mkdocs_config(project, staging))
        with stage("search"):
            index_for_search(staging)
        os.chmod(staging, 0o777 & ~_umask())  # mkdtemp's folder is private; the site is for everyone to read
        _swap_in(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)  # only still there if the build failed
    return articles


def _mkdocs_config(project: Project, site_dir: Path) -> Any:
    """mkdocs.yml in strict mode, building into `site_dir`, with our hooks (mkdocs_hooks.py: pages written
    without their indentation)."""
    from mkdocs.config import load_config

    return load_config(str(project.mkdocs_yml), strict=True, site_dir=str(site_dir), hooks=[_hook("mkdocs_hooks")])


def _hook(module: str) -> str:
    """The path of one of our MkDocs hook modules, as load_config's `hooks` takes it."""
    return str(Path(__file__).resolve().parent / f"{module}.py")


def _dirty_mkdocs_build(config: Any) -> None:
    """MkDocs' dirty build. It warns that links may go stale, and strict mode would count that as a failure:
    our navigation never lists articles, so a page added or removed changes no navigation."""
    from mkdocs.commands.build import build as mkdocs_build

    dirty_warning = logging.getLogger("mkdocs.commands.build")
    dirty_warning.addFilter(_not_the_dirty_warning)
    try:
        mkdocs_build(config, dirty=True)
    finally:
        dirty_warning.removeFilter(_not_the_dirty_warning)


def _unchanged_frame(project: Project, site_dir: Path) -> bool:
    """Whether what every page carries (configuration, navigation, templates) is older than the last build."""
    built = site_dir / "sitemap.xml"  # MkDocs writes it on every build, dirty or not
    if not built.is_file():
        return False
    frame = [project.mkdocs_yml, project.docs / ".generated-nav.yml", *(project.root / "overrides").rglob("*")]
    return all(path.stat().st_mtime_ns <= built.stat().st_mtime_ns for path in frame if path.is_file())


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


def _generated_files(docs: Path) -> set[str]:
    """The files generate() owns under docs/, relative to it."""
    found = set()
    for name in GENERATED:
        for top in docs.glob(name):
            found |= {
                p.relative_to(docs).as_posix() for p in ([top] if top.is_file() else top.rglob("*")) if p.is_file()
            }
    return found


def _remove_outputs_of(removed: set[str], site_dir: Path) -> set[str]:
    """What MkDocs made in site_dir from generated files that are gone: a page's index.html, or the file.

    Returns the removed pages, relative to site_dir.
    """
    pages = set()
    for relative in sorted(removed):
        if relative.endswith(".md"):
            stem = relative.removesuffix(".md")
            page = site_dir / (stem.removesuffix("index") if stem.endswith("index") else stem + "/") / "index.html"
            page.unlink(missing_ok=True)
            pages.add(page.relative_to(site_dir).as_posix())
            if page.parent != site_dir and page.parent.is_dir() and not any(page.parent.iterdir()):
                page.parent.rmdir()
        else:
            (site_dir / relative).unlink(missing_ok=True)
    return pages


# What the search finds: the articles, home and method pages. Theme, outlet and entity pages are left out
# (the navigation leads to them): their lists repeat every article's headline and lead, so they would
# outrank the articles themselves, and their excerpts would grow with the corpus.
SEARCH_PAGES = "{index.html,method/index.html,articles/*/index.html}"
# Of a page, only its article element; not the provenance table or the citation box, which repeat the page.
SEARCH_ROOT = "article.md-content__inner"
SEARCH_EXCLUDE = (".set-aside", "details.cite")


# A dirty build does not index the whole site again: Pagefind has no incremental mode, and at 10,000 articles
# it would take a third of the preview. It indexes the pages rendered since the last full build into a
# second, small index, which the search worker merges, preferring it for those pages and dropping removed ones;
# the manifest (always there, so the worker's fetch of it never fails) lists both.
PREVIEW_INDEX = "pagefind-preview"
PREVIEW_MANIFEST = "pagefind/preview.json"


def _search_pages(site_dir: Path) -> list[str]:
    """The built pages the search indexes, relative to site_dir (SEARCH_PAGES as a list)."""
    pages = [p for p in ("index.html", "method/index.html") if (site_dir / p).is_file()]
    return pages + sorted(p.relative_to(site_dir).as_posix() for p in site_dir.glob("articles/*/index.html"))


def index_for_search(site_dir: Path) -> None:
    """Pagefind's chunked index of the built pages into site_dir/pagefind/, for the search box's worker."""
    shutil.rmtree(site_dir / "pagefind", ignore_errors=True)
    shutil.rmtree(site_dir / PREVIEW_INDEX, ignore_errors=True)
    _pagefind(site_dir, site_dir / "pagefind")
    _write_preview_manifest(site_dir, set(), set())


def index_changes_for_search(site_dir: Path, rendered: set[str], removed: set[str]) -> None:
    """Index the pages rendered since the last full build (these and earlier dirty builds') into the preview index."""
    manifest = json.loads((site_dir / PREVIEW_MANIFEST).read_text(encoding="utf-8"))
    pages = ({_page_file(url) for url in manifest["pages"]} | rendered) - removed
    gone = ({_page_file(url) for url in manifest["removed"]} | removed) - pages
    shutil.rmtree(site_dir / PREVIEW_INDEX, ignore_errors=True)
    if pages:
        # Pagefind indexes a folder: a folder of links to just these pages, laid out as in the site.
        with tempfile.TemporaryDirectory(prefix="preview-pages-") as folder:
            for page in pages:
                (Path(folder) / page).parent.mkdir(parents=True, exist_ok=True)
                os.link(site_dir / page, Path(folder) / page)
            _pagefind(Path(folder), site_dir / PREVIEW_INDEX)
    _write_preview_manifest(site_dir, pages, gone)


def _page_url(page: str) -> str:
    """A page file as the search's results name it: articles/x/index.html -> /articles/x/."""
    return "/" + page.removesuffix("index.html")


def _page_file(url: str) -> str:
    return url.removeprefix("/") + "index.html"


def _write_preview_manifest(site_dir: Path, pages: set[str], removed: set[str]) -> None:
    manifest = {"pages": sorted(map(_page_url, pages)), "removed": sorted(map(_page_url, removed))}
    (site_dir / PREVIEW_MANIFEST).write_text(json.dumps(manifest, indent=1) + "\n", encoding="utf-8")


def _pagefind(site_dir: Path, output: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--glob", SEARCH_PAGES, "--silent"]
    command += ["--output-path", str(output), "--root-selector", SEARCH_ROOT]
    for selector in SEARCH_EXCLUDE:
        command += ["--exclude-selectors", selector]
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    if completed.returncode != 0:
        raise RuntimeError(f"pagefind failed ({completed.returncode}): {completed.stderr.strip()}")


def _remove_leftovers(target: Path) -> None:
    """The folders a killed build left beside `target` (one build of a project runs at a time)."""
    for kind in ("build", "old"):
        for leftover in sorted(target.parent.glob(f".{target.name}.{kind}-*")):
            shutil.rmtree(leftover, ignore_errors=True)


def _swap_in(staging: Path, target: Path) -> None:
    """Put the new site where the old one was with two renames, then delete the old one.

    Between the renames, for a moment, `target` does not exist: a server may answer 404 for one request,
    but no reader ever gets a page of one build with the assets of another, or half a file.
    """
    if not target.exists():
        staging.rename(target)
        return
    old = target.with_name(f".{target.name}.old-{staging.name.rsplit('-', 1)[-1]}")
    target.rename(old)
    staging.rename(target)
    shutil.rmtree(old)


@contextmanager
def _environment(name: str, value: str) -> Iterator[None]:
    """Set an environment variable for one step, then restore it, so the next build in this process starts clean."""
    saved = os.environ.get(name)
    os.environ[name] = value
    try:
        yield
    finally:
        if saved is None:
            del os.environ[name]
        else:
            os.environ[name] = saved


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
    """What one ingest run did, and the new articles for the maintainer to review. A record is one article of a
    capture or a dataset, or a whole capture refused before it was split; each record in is created, skipped or
    refused, once."""

    records: int = 0
    stored: list[str] = field(default_factory=list)  # captures copied into content/raw/
    created: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)
    errors: list[ContentError] = field(default_factory=list)  # one per refused record
    notes: list[ContentError] = field(default_factory=list)  # created, but something needs a maintainer's look
    articles: list[Article] = field(default_factory=list)  # as written, with the themes they would get
    reviews: list[str] = field(default_factory=list)  # each new article's inferred front matter, to check

    def tally(self) -> str:
        """'7 records in: 3 created, 1 skipped (exist), 3 refused'."""
        return (
            f"{count_of(self.records, 'record')} in: {len(self.articles)} created, "
            f"{len(self.skipped)} skipped (exist), {len(self.errors)} refused"
        )


Found = tuple[Segment, Draft]  # an article of a capture, and where in it
Planned = tuple[Path, Segment, Draft]  # the same, with the file it will be written to
# Wraps the articles being written, e.g. in a progress bar; ingest itself prints nothing.
Progress = Callable[[list[Planned]], Iterable[Planned]]


def _no_progress(planned: list[Planned]) -> Iterable[Planned]:
    return planned


def ingest(project: Project, paths: list[Path], progress: Progress = _no_progress) -> IngestReport:
    """Raw captures or JSONL datasets -> content/raw/ and one content/articles/<slug>.md per article.

    Never overwrites. A capture is stored in content/raw/ only when an article comes from it; errors name
    the file as given.
    """
    data = load_site_data(project.content)
    report = IngestReport()
    for source_path in paths:
        try:
            raw, data_bytes = _read_capture(project, source_path, data)
        except ContentError as error:
            report.records += 1
            report.errors.append(error)
            continue
        drafts = _drafts_of(raw, data, report)
        _write_drafts(project, raw, data_bytes, drafts, data, report, progress)
    return report


def _drafts_of(raw: RawFile, data: SiteData, report: IngestReport) -> list[Found]:
    """The articles a capture holds: one per post of a text capture, one per record of a JSONL dataset.

    Each counts as a record in; one that cannot become an article is refused here.
    """
    drafts = []
    if raw.path.endswith(".jsonl"):
        for number in records_of(raw):
            report.records += 1
            try:
                parsed = parse_record(raw, number, data)
            except ContentError as error:
                report.errors.append(error)
                continue
            drafts.append((Segment(number, number), parsed.draft))
            report.notes += parsed.notes
        return drafts
    for segment in split_posts(raw, data.separators):
        report.records += 1
        try:
            drafts.append((segment, parse_segment(raw, segment, data)))
        except ContentError as error:
            report.errors.append(error)
    return drafts


def _lines_of(segment: Segment, raw: RawFile) -> str:
    """'lines 1-4 of raw/dump.txt', or 'line 3 of raw/set.jsonl' for one record."""
    if segment.first == segment.last:
        return f"line {segment.first} of {raw.path}"
    return f"lines {segment.first}-{segment.last} of {raw.path}"


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


def _read_capture(project: Project, source_path: Path, data: SiteData) -> tuple[RawFile, bytes]:
    """A capture given to ingest and its bytes, if it holds at least one post or record; else the error refusing it."""
    shown, name = str(source_path), source_path.name
    problem = capture_name_problem(name)
    if problem:
        raise ContentError(shown, None, None, f"the file name {problem}", f"rename it to {safe_capture_name(name)}")
    check_size(shown, source_path.stat().st_size, MAX_CAPTURE_BYTES)
    data_bytes = source_path.read_bytes()
    raw = RawFile.from_text(f"raw/{name}", decode_text(shown, data_bytes), shown)
    stored = project.content / "raw" / name
    if stored.exists() and stored.read_bytes() != data_bytes:
        raise ContentError(
            shown, None, None, f"content/raw/{name} holds another capture", "rename this file and ingest it again"
        )
    if not any(raw.has_text(n) for n in range(1, len(raw.lines) + 1)):
        raise ContentError(shown, None, None, "holds no text", "check that you captured the right page")
    if not name.endswith(".jsonl") and not split_posts(raw, data.separators):
        raise ContentError(
            shown, None, None, "holds only post separators", "check that you captured the right page, with its posts"
        )
    return raw, data_bytes


def _write_drafts(
    project: Project,
    raw: RawFile,
    data_bytes: bytes,
    drafts: list[Found],
    data: SiteData,
    report: IngestReport,
    progress: Progress,
) -> None:
    """Write one article file per draft, and the capture they come from; a file that exists is never overwritten."""
    planned: dict[Path, Found] = {}
    kept = False  # an article of this capture is already in content/articles/
    for segment, draft in drafts:
        path = project.content / "articles" / f"{slugify(draft.front.title)}.md"
        relative = f"content/articles/{path.name}"
        if path in planned or (path.exists() and _holds_other_article(path, draft)):
            other = f"the article at line {planned[path][0].first}" if path in planned else "another article"
            report.errors.append(
                ContentError(
                    raw.shown,
                    segment.first,
                    "title",
                    f"gives the file name {relative}, which {other} has",
                    "two articles cannot share a file name: write this one by hand under another name",
                )
            )
        elif path.exists():
            kept = True
            report.skipped.append(
                f"{relative}: exists ({_lines_of(segment, raw)}); ingest never overwrites an article file"
            )
        else:
            planned[path] = (segment, draft)
    stored = project.content / raw.path
    if (planned or kept) and not stored.exists():
        write_atomically(stored, data_bytes)
        report.stored.append(f"content/{raw.path}")
    for path, segment, draft in progress([(path, *found) for path, found in planned.items()]):
        write_atomically(path, write_article(draft.front, draft.paragraphs).encode("utf-8"))
        relative = f"content/articles/{path.name}"
        created = f"{relative} ({_lines_of(segment, raw)})"
        if draft.front.date is None and draft.front.date_evidence:
            created += f"; undated: the dateline “{draft.front.date_evidence}” names no real day"
        report.created.append(created)
        article = assign_themes(Article(path.stem, f"articles/{path.name}", draft.front, draft.paragraphs), data.themes)
        report.articles.append(article)
        report.reviews.append(review(relative, article, data))


def _holds_other_article(path: Path, draft: Draft) -> bool:
    """Whether an existing article file comes from another capture, or other lines of it, or was written by hand.

    A file that cannot be read counts as this article's: it is skipped, never overwritten, and `check` says what is
    wrong with it.
    """
    try:
        front, _ = read_article(path, read_text_file(path, path, MAX_ARTICLE_FILE_BYTES))
    except (ContentError, ContentErrors):
        return False
    return front.source != draft.front.source


def serve(project: Project, dev_addr: str) -> None:
    """Live preview: MkDocs serves docs/ and reloads, Pagefind indexes each preview for search (serve_hooks.py);
    a watcher regenerates docs/ when content/ changes."""
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
        mkdocs_serve(str(project.mkdocs_yml), dev_addr=dev_addr, hooks=[_hook("mkdocs_hooks"), _hook("serve_hooks")])
    finally:
        observer.stop()
