"""A synthetic corpus of N articles shaped like the real ones, run through the real pipeline: one JSON line per run.

The articles are made from the real corpus in content/: sentences of its articles (with the entities they
name swapped for others of the same type from content/entities.yml, so names spread over the corpus), headlines
cut from those sentences, dates within content/site.yml's period, outlets from content/outlets.yml, the real
articles' raw-capture spans and set-aside lines, and further-reading references that quote other synthetic
headlines (some exactly, some with a changed word, some naming no article of the corpus). The project is a
temporary copy of the repository's mkdocs.yml, overrides/, hand-written docs/ and content/*.yml and raw/.

Each run happens in a child process, so its peak memory (ru_maxrss: the resident set's high-water mark,
the whole process, Python and MkDocs included) is its own. Stage times come from generator.site's stage log.

Usage:
    .venv/bin/python bench/synthetic.py 100 1000                # one JSON line per N
    .venv/bin/python bench/synthetic.py 100 1000 10000 --results bench/RESULTS.md --incremental
    .venv/bin/python bench/synthetic.py 10000 --profile /tmp/generate.prof   # cProfile of generate()
    .venv/bin/python bench/synthetic.py 1000 --keep /tmp/synthetic-1000      # keep the project to look at
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gzip
import json
import logging
import os
import platform
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bench.external_corpus import make_project  # noqa: E402
from generator import site  # noqa: E402
from generator.config import SiteData, load_site_data  # noqa: E402
from generator.enrich.entities import entity_finder  # noqa: E402
from generator.model import Entity, FrontMatter, Reference, SetAsideLine, SourceSpan  # noqa: E402
from generator.parse.front import read_article, write_article  # noqa: E402
from generator.slug import slugify  # noqa: E402

SEED = 8
GZIP_LEVEL = 6  # what static hosts commonly serve; GitHub Pages compresses on the fly
STAGES = ("read", "parse", "themes", "entities", "references", "related", "render", "write", "mkdocs", "search")
BEFORE_MKDOCS = STAGES[:-2]
WORDS_MEAN, WORDS_SPREAD, WORDS_MIN, WORDS_MAX = 650, 250, 120, 3000
# How readily an article names a new entity of a type rather than one it named before (a Chinese restaurant
# process): with 2.2, a synthetic article names 13.6 distinct entities on average, a real one 13.4.
NEW_ENTITY_WEIGHT = 2.2
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"“‘(]?[A-Z])")


@dataclass(frozen=True)
class Template:
    """A real sentence with the entity names it holds cut out: text pieces around typed slots."""

    pieces: tuple[str, ...]  # one more than slots
    slots: tuple[str, ...]  # the entity type of each slot

    def fill(self, names: list[str]) -> str:
        out = [self.pieces[0]]
        for name, piece in zip(names, self.pieces[1:], strict=True):
            out += [name, piece]
        return "".join(out)


@dataclass(frozen=True)
class Source:
    """What the synthetic corpus is made of, all from the real content/."""

    templates: tuple[Template, ...]
    authors: tuple[str, ...]
    spans: tuple[tuple[SourceSpan, tuple[SetAsideLine, ...]], ...]
    entities: dict[str, tuple[Entity, ...]]  # by type, most named first in the real corpus
    outlets: tuple[str, ...]
    period: tuple[dt.date, dt.date]


def read_source(repo_content: Path, data: SiteData) -> Source:
    """Sentences, bylines and capture spans of the real articles, and the names they can be given."""
    finder = entity_finder(data.entities)
    by_id = {e.id: e for e in data.entities}
    templates, authors, spans = [], set(), []
    counts: dict[str, int] = defaultdict(int)
    for path in sorted((repo_content / "articles").glob("*.md")):
        front, paragraphs = read_article(path, path.read_text(encoding="utf-8"))
        if front.author:
            authors.add(front.author)
        if front.source:
            spans.append((front.source, tuple(front.set_aside)))
        for paragraph in paragraphs:
            for sentence in _SENTENCE.split(paragraph):
                if len(sentence.split()) < 5:
                    continue
                pieces, slots, last = [], [], 0
                for entity_id, match in finder.finditer(sentence):
                    counts[entity_id] += 1
                    pieces.append(sentence[last : match.start])
                    slots.append(by_id[entity_id].type)
                    last = match.end
                pieces.append(sentence[last:])
                templates.append(Template(tuple(pieces), tuple(slots)))
    typed: dict[str, list[Entity]] = defaultdict(list)
    for entity in sorted(data.entities, key=lambda e: (-counts[e.id], e.id)):
        typed[entity.type].append(entity)
    outlets = tuple(o.id for o in data.outlets)
    return Source(
        tuple(templates),
        tuple(sorted(authors)),
        tuple(spans),
        {k: tuple(v) for k, v in typed.items()},
        outlets,
        (data.period.start, data.period.end),
    )


class Writer:
    """Makes the articles, one seeded random generator for the whole corpus: same N, same corpus."""

    def __init__(self, source: Source, seed: int = SEED) -> None:
        self.source = source
        self.random = random.Random(seed)
        self.titles: list[str] = []
        self.slugs: set[str] = set()
        # A few outlets publish most articles, as in the real corpus; 'unknown' now and then.
        self.outlet_weights = [1.0 / (rank + 1) for rank in range(len(source.outlets))]

    def _name(self, entity_type: str, cast: dict[str, list[Entity]]) -> str:
        """A name for a slot: mostly one the article already named (a report keeps to its people and places),
        now and then a new one, drawn Zipf-like: a few names everywhere, a long tail of rare ones."""
        named = cast.setdefault(entity_type, [])
        if named and self.random.random() >= NEW_ENTITY_WEIGHT / (NEW_ENTITY_WEIGHT + len(named)):
            entity = self.random.choice(named)  # each earlier mention a ticket: the most named, the likeliest
        else:
            members = self.source.entities[entity_type]
            entity = self.random.choices(members, weights=[1.0 / (r + 1) for r in range(len(members))])[0]
        named.append(entity)
        return self.random.choice(entity.names)

    def sentence(self, cast: dict[str, list[Entity]] | None = None) -> str:
        """A real sentence with new names; `cast`: the entities named so far in the same article, by type."""
        template = self.random.choice(self.source.templates)
        cast = {} if cast is None else cast
        return template.fill([self._name(t, cast) for t in template.slots])

    def headline(self) -> str:
        words = self.sentence().split()[: self.random.randint(6, 13)]
        return " ".join(words).rstrip(",;:.").strip("“”\"'")

    def _unique_headline(self) -> str:
        for _ in range(50):
            title = self.headline()
            if title and slugify(title) not in self.slugs and slugify(title):
                return title
        return f"{self.headline()} {len(self.titles)}"

    def _date(self) -> dt.date | None:
        roll = self.random.random()
        if roll < 0.05:
            return None
        start, end = self.source.period
        if roll < 0.9:  # the coverage clusters in the Russian campaign's years
            start = max(start, dt.date(2015, 9, 1))
        return start + dt.timedelta(days=self.random.randrange((end - start).days + 1))

    def _references(self) -> list[Reference]:
        references = []
        if self.titles and self.random.random() < 0.3:
            for _ in range(self.random.randint(1, 3)):
                label = self.random.choice(["Related", "READ MORE", "Read more"])
                roll = self.random.random()
                if roll < 0.6:
                    title = self.random.choice(self.titles)
                elif roll < 0.8:  # a word dropped or changed, as captures do
                    words = self.random.choice(self.titles).split()
                    words[self.random.randrange(len(words))] = self.random.choice(["the", "says", "Syria"])
                    title = " ".join(words)
                else:
                    title = self.headline() or "Untitled"
                references.append(Reference(label=label, title=title))
        return references

    def article(self) -> tuple[str, str]:
        """The next article: its slug and the text of its file."""
        title = self._unique_headline()
        slug = slugify(title)
        target = int(min(WORDS_MAX, max(WORDS_MIN, self.random.gauss(WORDS_MEAN, WORDS_SPREAD))))
        if self.random.random() < 0.005:  # now and then a long read
            target = WORDS_MAX
        paragraphs, words, cast = [], 0, {}
        while words < target:
            paragraph = " ".join(self.sentence(cast) for _ in range(self.random.randint(1, 4)))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        date = self._date()
        outlet = self.random.choices(self.source.outlets, weights=self.outlet_weights)[0]
        span = self.random.choice(self.source.spans) if self.random.random() < 0.7 else None
        front = FrontMatter(
            title=title,
            outlet=outlet,
            author=self.random.choice(self.source.authors) if self.random.random() < 0.5 else None,
            date=date,
            date_source="text" if date else "unknown",
            date_evidence=f"{date.day} {date:%B %Y}" if date else None,
            url=f"https://www.example.org/{date.year if date else 'news'}/{slug}"
            if self.random.random() < 0.6
            else None,
            source=span[0] if span else None,
            set_aside=list(span[1]) if span else [],
            references=self._references(),
        )
        self.titles.append(title)
        self.slugs.add(slug)
        return slug, write_article(front, tuple(paragraphs))


def make_synthetic_project(root: Path, count: int, seed: int = SEED) -> site.Project:
    """A project at `root`: the repository's configuration and pages, and `count` synthetic articles."""
    project = make_project(root, REPO)
    shutil.copytree(REPO / "content" / "raw", project.content / "raw", dirs_exist_ok=True)
    data = load_site_data(project.content)
    writer = Writer(read_source(REPO / "content", data), seed)
    for _ in range(count):
        slug, text = writer.article()
        (project.content / "articles" / f"{slug}.md").write_text(text, encoding="utf-8")
    return project


def add_article(project: site.Project, seed: int) -> Path:
    """One more article, as a maintainer would add it: a new file in content/articles/."""
    data = load_site_data(project.content)
    writer = Writer(read_source(REPO / "content", data), seed)
    writer.slugs = {p.stem for p in (project.content / "articles").glob("*.md")}
    slug, text = writer.article()
    path = project.content / "articles" / f"{slug}.md"
    path.write_text(text, encoding="utf-8")
    return path


# --- measuring ----------------------------------------------------------------------------------------------


class StageTimes(logging.Handler):
    """Adds up the wall and CPU seconds of each stage the generator logs."""

    def __init__(self) -> None:
        super().__init__(level=logging.DEBUG)
        self.seconds: dict[str, float] = defaultdict(float)
        self.cpu: dict[str, float] = defaultdict(float)

    def emit(self, record: logging.LogRecord) -> None:
        self.seconds[record.stage] += record.seconds  # type: ignore[attr-defined]
        self.cpu[record.stage] += record.cpu  # type: ignore[attr-defined]


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0))


CHART = '<figure class="chart"'
# Searches a reader might make first: a word on most pages, a name, and a rare word.
FIRST_SEARCHES = ("Syria", "Lavrov", "Bsanqul")


def reader_downloads(site_dir: Path, page: str, searches: Sequence[str] = FIRST_SEARCHES) -> dict[str, Any]:
    """What Chromium downloads (bytes on the wire, gzip as a static host serves) for a page, then for a first search.

    The site is served with gzip by bench/lighthouse.py's handler; each search runs in a fresh browser on the page.
    """
    import functools
    import threading
    from http.server import ThreadingHTTPServer

    from playwright.sync_api import expect, sync_playwright

    from bench.lighthouse import Handler

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(site_dir)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
    result: dict[str, Any] = {}
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            for query in ("", *searches):
                tab = browser.new_page()
                sizes: dict[str, int] = {}
                tab.on(
                    "requestfinished", lambda r, sizes=sizes: sizes.__setitem__(r.url, r.sizes()["responseBodySize"])
                )
                tab.goto(url, wait_until="networkidle")
                if not query:
                    result["page_load"] = sum(sizes.values())
                    result["page_load_files"] = len(sizes)
                    charts = tab.locator("figure.chart .chart__plot")
                    if charts.count():
                        # A chart shows its static preview; plotly.js comes when the reader asks for the
                        # interactive chart. Ask for every one, then count again.
                        for button in tab.locator(".chart__load").all():
                            button.click()
                        expect(tab.locator("figure.chart .chart__plot[data-drawn]")).to_have_count(
                            charts.count(), timeout=120_000
                        )
                        tab.wait_for_load_state("networkidle")
                        result["with_charts_drawn"] = sum(sizes.values())
                else:
                    loaded = sum(sizes.values())
                    box = tab.get_by_role("textbox", name="Search")
                    box.click()
                    box.press_sequentially(query)
                    # "No matching documents", "1 matching document", "20 matching documents"
                    expect(tab.locator(".md-search-result__meta")).to_contain_text("matching", timeout=60_000)
                    tab.wait_for_load_state("networkidle")
                    result[f"first_search_{query}"] = sum(sizes.values()) - loaded
                tab.close()
            browser.close()
    finally:
        server.shutdown()
    return result


def _measured(measure: Any, *args: Any) -> dict[str, Any]:
    """A browser measurement, or what went wrong: a page that does not settle loses one figure, not the run."""
    try:
        return dict(measure(*args))
    except Exception as error:  # noqa: BLE001 -- any failure is reported in the JSON line instead
        return {"error": f"{type(error).__name__}: {str(error).splitlines()[0]}"}


def site_measures(site_dir: Path) -> dict[str, Any]:
    """Sizes of the built site: all of it, its article pages, its search index, and a reader's downloads."""
    pages = sorted((site_dir / "articles").glob("*/index.html"))
    sizes = sorted(p.stat().st_size for p in pages)
    largest = max(pages, key=lambda p: (p.stat().st_size, str(p)))
    median_page = sorted(pages, key=lambda p: (p.stat().st_size, str(p)))[len(pages) // 2]
    index = site_dir / "search" / "search_index.json"
    index_bytes = index.read_bytes() if index.is_file() else b""
    # A chart page carries <figure class="chart"> elements; charts.js loads plotly.js when one comes into view.
    chart_pages = sorted(p for p in site_dir.rglob("index.html") if CHART in p.read_text(encoding="utf-8"))
    article_html = largest.read_text(encoding="utf-8")
    largest_page = max(site_dir.rglob("index.html"), key=lambda p: (p.stat().st_size, str(p)))
    return {
        "largest_page": [largest_page.parent.relative_to(site_dir).as_posix() + "/", largest_page.stat().st_size],
        "site_bytes": sum(p.stat().st_size for p in site_dir.rglob("*") if p.is_file()),
        "site_files": sum(1 for p in site_dir.rglob("*") if p.is_file()),
        "article_html_median": statistics.median(sizes),
        "article_html_max": sizes[-1],
        "article_has_chart_library": "plotly" in article_html or CHART in article_html,
        "search_index_raw": len(index_bytes),
        "search_index_gzip": gzip_size(index_bytes),
        "article_download": _measured(
            reader_downloads, site_dir, median_page.parent.relative_to(site_dir).as_posix() + "/"
        ),
        "chart_download": (
            {"page": chart_pages[0].parent.relative_to(site_dir).as_posix() + "/"}
            | _measured(reader_downloads, site_dir, chart_pages[0].parent.relative_to(site_dir).as_posix() + "/", ())
            if chart_pages
            else "n/a: no chart page yet"
        ),
        "pagefind_bytes": sum(p.stat().st_size for p in (site_dir / "pagefind").rglob("*") if p.is_file()),
    }


def peak_mb() -> float:
    """This process's resident high-water mark (ru_maxrss is in KiB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def timed_build(project: site.Project, profile: Path | None = None, dirty: bool = False) -> dict[str, dict[str, float]]:
    """site.build() with each stage's wall-clock and CPU seconds."""
    handler = StageTimes()
    site.STAGE_LOG.addHandler(handler)
    site.STAGE_LOG.setLevel(logging.DEBUG)
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    start, start_cpu = time.perf_counter(), site.cpu_seconds()
    try:
        if profile:
            profiler = cProfile.Profile()
            profiler.runcall(site.generate, project)
            profiler.dump_stats(profile)
        else:
            site.build(project, dirty=dirty)
    finally:
        site.STAGE_LOG.removeHandler(handler)
    wall = {name: round(handler.seconds.get(name, 0.0), 3) for name in STAGES}
    wall["total"] = round(time.perf_counter() - start, 3)
    cpu = {name: round(handler.cpu.get(name, 0.0), 3) for name in STAGES}
    cpu["total"] = round(site.cpu_seconds() - start_cpu, 3)
    return {"wall": wall, "cpu": cpu}


def _changed_files(root: Path, before: dict[str, tuple[int, int]]) -> int:
    now = _stamps(root)
    return sum(1 for path, stamp in now.items() if before.get(path) != stamp) + len(before.keys() - now.keys())


def _stamps(root: Path) -> dict[str, tuple[int, int]]:
    """Each file's (mtime_ns, inode): a rewrite by rename changes the inode, an in-place write the mtime."""
    return {str(p.relative_to(root)): (p.stat().st_mtime_ns, p.stat().st_ino) for p in root.rglob("*") if p.is_file()}


def material_index_child(project: site.Project, count: int) -> dict[str, Any]:
    """The road not taken: Material's own search index of every page, its size and what a page view downloads.

    The pages are generated without `search: exclude`, and the config points at Material's own worker again.
    """
    from generator.render import page

    page.SEARCH_EXCLUDE.clear()
    (project.root / "overrides" / "main.html").write_text(
        re.sub(
            r"\{% block config %\}.*?\{% endblock %\}",
            "",
            (project.root / "overrides" / "main.html").read_text(),
            flags=re.S,
        )
    )
    times = timed_build(project)
    index = (project.site / "search" / "search_index.json").read_bytes()
    pages = sorted((project.site / "articles").glob("*/index.html"), key=lambda p: (p.stat().st_size, str(p)))
    median_page = pages[len(pages) // 2].parent.relative_to(project.site).as_posix() + "/"
    return {
        "n": count,
        "material_index_raw": len(index),
        "material_index_gzip": gzip_size(index),
        "article_page_load_with_material_index": reader_downloads(project.site, median_page, ())["page_load"],
        "mkdocs_cpu_s": times["cpu"]["mkdocs"],
        "peak_mb": peak_mb(),
    }


def run_child(root: Path, count: int, incremental: bool, profile: Path | None) -> dict[str, Any]:
    """Build the project at `root` (a fresh child process), measure; then, if asked, add one article and again."""
    project = site.Project(root)
    if profile:
        return {"n": count, "profile": str(profile), "seconds": timed_build(project, profile)}
    times = timed_build(project)
    cpu = times["cpu"]
    result: dict[str, Any] = {"n": count, "seconds": times["wall"], "cpu_seconds": cpu, "peak_mb": peak_mb()}
    before = sum(cpu[s] for s in BEFORE_MKDOCS)
    # Ratios from CPU seconds: on a shared machine wall-clock time measures the neighbours too.
    result["before_mkdocs_share"] = round(before / cpu["mkdocs"], 3)
    result["cpu_ms_per_article"] = {s: round(1000 * cpu[s] / count, 4) for s in STAGES}
    result.update(site_measures(project.site))
    if incremental:
        # One article more, then `build`; another one more, then `build --dirty`.
        for name, dirty in (("incremental", False), ("incremental_dirty", True)):
            docs_before, site_before = _stamps(project.docs), _stamps(project.site)
            add_article(project, SEED + count + dirty)
            again = timed_build(project, dirty=dirty)
            result[name] = {
                "seconds": again["wall"],
                "cpu_seconds": again["cpu"],
                "docs_files_rewritten": _changed_files(project.docs, docs_before),
                "site_files_rewritten": _changed_files(project.site, site_before),
                "share_of_full_build": round(again["cpu"]["total"] / cpu["total"], 3),
                "generate_share_of_full_generate": round(sum(again["cpu"][s] for s in BEFORE_MKDOCS) / before, 3),
            }
        result["peak_mb_with_incremental"] = peak_mb()
    return result


def run(count: int, keep: Path | None, child_options: list[str]) -> dict[str, Any]:
    """Make the corpus here, then build it in a child process; the child's JSON line is the result."""
    parent = Path(tempfile.mkdtemp(prefix=f"synthetic-{count}-"))
    root = keep or parent / "project"
    if root.exists():
        shutil.rmtree(root)
    start = time.perf_counter()
    make_synthetic_project(root, count)
    made = round(time.perf_counter() - start, 1)
    command = [sys.executable, __file__, "--child", str(root), str(count), *child_options]
    environment = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    completed = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    if completed.returncode != 0:
        sys.exit(f"the build of {count} articles failed:\n{completed.stderr[-3000:]}")
    output = completed.stdout
    result: dict[str, Any] = json.loads(output.strip().splitlines()[-1])
    result["corpus_made_in_s"] = made
    if not keep:
        shutil.rmtree(parent)
    return result


def machine() -> str:
    """CPU model, cores, RAM, Python and OS, for the results' heading."""
    cpu = "unknown CPU"
    info = Path("/proc/cpuinfo")
    if info.is_file():
        cpu = next(
            (line.split(":", 1)[1].strip() for line in info.read_text().splitlines() if "model name" in line), cpu
        )
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.is_file():
        kib = int(meminfo.read_text().split()[1])
        memory = f", {kib / 1024 / 1024:.0f} GB RAM"
    return (
        f"{cpu}, {os.cpu_count()} cores{memory}; Python {platform.python_version()}; "
        f"{platform.system()} {platform.release()} ({platform.libc_ver()[0] or 'libc'})"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("counts", nargs="*", type=int, default=[100], help="corpus sizes (default 100)")
    parser.add_argument("--keep", type=Path, help="make the project here and keep it (one size only)")
    parser.add_argument("--incremental", action="store_true", help="then add one article and build again")
    parser.add_argument("--profile", type=Path, help="cProfile generate() (no MkDocs) into this file")
    parser.add_argument("--results", type=Path, help="write the table to this Markdown file")
    parser.add_argument(
        "--material-index", action="store_true", help="instead: Material's own whole-site index, its size and cost"
    )
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        project = site.Project(args.child)
        if args.material_index:
            result = material_index_child(project, args.counts[0])
        else:
            result = run_child(args.child, args.counts[0], args.incremental, args.profile)
        print(json.dumps(result, sort_keys=True))
        return 0
    options = ["--incremental"] * args.incremental + ["--material-index"] * args.material_index
    options += ["--profile", str(args.profile)] if args.profile else []
    results = []
    for count in args.counts:
        result = run(count, args.keep, options)
        print(json.dumps(result, sort_keys=True), flush=True)
        results.append(result)
    if args.results and not args.material_index:
        from bench.results import write_results

        write_results(args.results, results, machine())
    return 0


if __name__ == "__main__":
    sys.exit(main())
