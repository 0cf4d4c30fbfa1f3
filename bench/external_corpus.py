"""Run the external test corpus (FA-KES, BuzzFeed-Webis JSONL) through ingest and build, outside the repo's content.

Each JSONL record becomes one raw capture in the shape the parser reads; a temporary project (the repo's
mkdocs.yml, hand-written docs/, overrides/ and content/*.yml, but no articles) ingests and builds them; the
report says what came out, what was refused and what the pipeline could not handle well.

Usage: .venv/bin/python bench/external_corpus.py [JSONL ...] [--keep DIR]
Exit status: 1 if a record vanished (neither created, refused nor skipped) or the build failed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import fnmatch
import html
import json
import logging
import os
import re
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
# The generator is not installed as a package: import it from the repo this script lives in.
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from generator import site  # noqa: E402
from generator.errors import ContentError, ContentErrors  # noqa: E402
from generator.model import FrontMatter  # noqa: E402
from generator.parse.front import read_article  # noqa: E402
from generator.parse.records import read_record, split_at_paragraphs, text_field  # noqa: E402, F401

DEFAULT_CORPUS = Path("/work/shared/corpus/external")
EXAMPLES = 3  # examples printed per kind of problem

# Oddities in the dataset text itself; counted per record (title or text).
ODDITIES = {
    "U+FFFD replacement character": re.compile("\ufffd"),
    "'???' runs (non-Latin script lost)": re.compile(r"\?{3,}"),
    "HTML tags": re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>"),
    "mojibake (UTF-8 read as Latin-1)": re.compile("â[\x80-\x9f€]|Ã[\x80-\xbf]|Â[\xa0-\xbf]"),
    "C1 control characters": re.compile("[\x80-\x9f]"),
    "apostrophes stripped by the dataset (Syrias, Russias)": re.compile(r"\b(?:Syria|Russia|Assad|Iran|Turkey)s\b"),
}


@dataclass(frozen=True)
class Record:
    """One JSONL line, as the capture writer needs it; text and title exactly as the dataset has them."""

    dataset: str
    index: int  # 0-based line of the JSONL file
    title: str
    text: str
    paragraphs: tuple[str, ...]  # the text cut at paragraph boundaries (whitespace only), or the whole text
    url: str | None
    outlet: str | None
    author: str | None
    date: dt.date | None
    raw_date: str | None
    selection: str | None

    @property
    def name(self) -> str:
        """The capture's file stem: fa-kes-0007."""
        return f"{self.dataset}-{self.index:04d}"

    @property
    def file_name(self) -> str:
        return f"{self.name}.txt"


@dataclass
class Outcome:
    """What ingest and build did with one record."""

    record: Record
    created: list[str] = field(default_factory=list)  # article slugs
    skipped: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    front: FrontMatter | None = None
    paragraphs: tuple[str, ...] = ()
    leaked_header: list[str] = field(default_factory=list)  # header lines we wrote that ended up as body text
    swallowed_text: list[tuple[str, str]] = field(default_factory=list)  # (role, line) of text set aside
    words_ok: bool | None = None  # the body has exactly the text's words
    words_ok_with_set_aside: bool | None = None  # ... once the text lines the parser set aside are put back
    page_problems: list[str] = field(default_factory=list)

    @property
    def status(self) -> str:
        """created, refused, skipped or vanished: each record is counted once."""
        if self.created:
            return "created"
        if self.refused:
            return "refused"
        if self.skipped:
            return "skipped"
        return "vanished"


@dataclass
class Run:
    """A whole run: the records, the ingest report, the build and the exported articles."""

    root: Path
    outcomes: list[Outcome]
    ingest_report: site.IngestReport | None = None
    ingest_error: str | None = None
    build_ok: bool = False
    build_error: str | None = None
    build_warnings: list[str] = field(default_factory=list)
    exported: list[dict[str, Any]] = field(default_factory=list)
    exported_from: str | None = None

    @property
    def vanished(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status == "vanished"]


# --- reading the datasets -------------------------------------------------------------------------------------


def record_from_row(index: int, row: dict[str, Any]) -> Record:
    """A FA-KES or BuzzFeed-Webis row as a Record, its fields read as `ingest` reads a JSONL record."""
    try:
        fields = read_record(row)
    except ValueError as error:
        raise ValueError(f"line {index + 1}: {error}") from error
    return Record(
        dataset=fields.shape,
        index=index,
        title=fields.title or "",
        text=fields.text,
        paragraphs=fields.paragraphs,
        url=fields.url,
        outlet=fields.outlet,
        author=fields.author,
        date=fields.date,
        raw_date=fields.date_text,
        selection=text_field(row, "selection"),
    )


def read_corpus(paths: Sequence[Path]) -> list[Record]:
    """Every record of the given JSONL files, in file order."""
    records = []
    for path in paths:
        with path.open(encoding="utf-8") as stream:
            for index, line in enumerate(stream):
                if line.strip():
                    records.append(record_from_row(index, json.loads(line)))
    return records


# --- writing captures and the temporary project ---------------------------------------------------------------


def _one_line(value: str) -> str:
    """Metadata on one line: a line break inside a title or byline would start a new line of the capture."""
    return " ".join(value.split())


def capture_text(record: Record) -> str:
    """The raw capture: headline, blank, Source/Author/dateline, blank, the text paragraph by paragraph."""
    head = []
    if record.url:
        head.append(f"Source: {_one_line(record.url)}")
    elif record.outlet:
        head.append(f"Source: {_one_line(record.outlet)}")
    if record.author:
        head.append(f"Author: {_one_line(record.author)}")
    if record.date:
        head.append(record.date.isoformat())
    lines = [_one_line(record.title), ""] if record.title.strip() else []
    lines += [*head, ""] if head else []
    lines.append("\n\n".join(record.paragraphs))
    return "\n".join(lines) + "\n"


def header_line_count(record: Record) -> int:
    """How many lines of the capture come before the text (headline, blank, metadata, blank)."""
    text = capture_text(record)
    body = "\n\n".join(record.paragraphs)
    return text[: len(text) - len(body) - 1].count("\n")


def make_project(root: Path, repo: Path = REPO) -> site.Project:
    """A project at `root` with the repo's configuration and hand-written pages, and no articles."""
    root.mkdir(parents=True, exist_ok=True)
    shutil.copy2(repo / "mkdocs.yml", root / "mkdocs.yml")
    # Only hand-written docs (method.md, assets/): what `generate` owns is rebuilt from the new content.
    (root / "docs").mkdir(exist_ok=True)
    for entry in sorted((repo / "docs").iterdir()):
        if any(fnmatch.fnmatch(entry.name, pattern) for pattern in site.GENERATED):
            continue
        if entry.is_dir():
            shutil.copytree(entry, root / "docs" / entry.name)
        else:
            shutil.copy2(entry, root / "docs" / entry.name)
    if (repo / "overrides").is_dir():
        shutil.copytree(repo / "overrides", root / "overrides")
    (root / "content" / "raw").mkdir(parents=True, exist_ok=True)
    (root / "content" / "articles").mkdir(parents=True, exist_ok=True)
    for data_file in sorted((repo / "content").glob("*.yml")):
        shutil.copy2(data_file, root / "content" / data_file.name)
    shutil.copytree(repo / "content" / "map", root / "content" / "map")  # the map's outlines
    return site.Project(root)


def write_captures(records: Sequence[Record], directory: Path) -> list[Path]:
    """One capture file per record, named after dataset and record."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = []
    for record in records:
        path = directory / record.file_name
        path.write_text(capture_text(record), encoding="utf-8")
        paths.append(path)
    return paths


# --- running and checking -------------------------------------------------------------------------------------


class _Collect(logging.Handler):
    """Keeps MkDocs' warnings: in strict mode each one fails the build, and the report names them."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.levelname}: {record.getMessage()}")


@contextmanager
def _restore_source_date_epoch() -> Iterator[None]:
    """site.build() sets SOURCE_DATE_EPOCH in this process; later builds (tests) must not inherit ours."""
    saved = os.environ.get("SOURCE_DATE_EPOCH")
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = saved


def _assign_ingest_lines(outcomes: dict[str, Outcome], report: site.IngestReport) -> None:
    """Give each created/skipped/refused line of the ingest report to the record whose capture it names."""
    for line in report.created:
        match = re.match(r"content/articles/(?P<slug>[^ ]+)\.md \(lines \d+-\d+ of raw/(?P<file>[^)]+)\)", line)
        if match and match["file"] in outcomes:
            outcomes[match["file"]].created.append(match["slug"])
    for line in report.skipped:
        for file_name, outcome in outcomes.items():
            if f"raw/{file_name}" in line:
                outcome.skipped.append(line)
    for error in report.errors:
        file_name = str(error.path).rsplit("/", 1)[-1]
        if file_name in outcomes:
            outcomes[file_name].refused.append(str(error))


def _check_article(outcome: Outcome, project: site.Project) -> None:
    """Compare the article file ingest wrote with the record: header lines, text lines, words."""
    record = outcome.record
    path = project.content / "articles" / f"{outcome.created[0]}.md"
    outcome.front, outcome.paragraphs = read_article(path, path.read_text(encoding="utf-8"))
    raw_lines = site.read_raw(project.content, f"raw/{record.file_name}").lines
    first_text_line = header_line_count(record) + 1
    set_aside = {line.line: line.role for line in outcome.front.set_aside}
    outcome.leaked_header = [
        raw_lines[n - 1] for n in range(1, first_text_line) if raw_lines[n - 1].strip() and n not in set_aside
    ]
    outcome.swallowed_text = [(role, raw_lines[n - 1]) for n, role in sorted(set_aside.items()) if n >= first_text_line]
    body = list(outcome.paragraphs)
    if body[: len(outcome.leaked_header)] == [line.strip() for line in outcome.leaked_header]:
        body = body[len(outcome.leaked_header) :]
    outcome.words_ok = " ".join(body).split() == record.text.split()
    # Put the set-aside text lines back where they were, to tell "moved to set_aside" from "lost".
    numbered = [n for n in range(first_text_line, len(raw_lines) + 1) if raw_lines[n - 1].strip()]
    kept = iter(body)
    rebuilt = [raw_lines[n - 1].strip() if n in set_aside else next(kept, "") for n in numbered]
    outcome.words_ok_with_set_aside = " ".join(rebuilt).split() == record.text.split()


def _check_page(outcome: Outcome, site_dir: Path) -> None:
    """The built page shows the headline (in <h1> and <title>) and every paragraph, after one HTML unescape."""
    assert outcome.front is not None
    page = site_dir / "articles" / outcome.created[0] / "index.html"
    if not page.is_file():
        outcome.page_problems.append(f"no page at {page.relative_to(site_dir)}")
        return
    source = page.read_text(encoding="utf-8")
    title = outcome.front.title
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", source, re.S)
    shown = html.unescape(re.sub(r"<[^>]+>", "", heading[1])) if heading else None
    if shown is None or " ".join(shown.split()) != " ".join(title.split()):
        outcome.page_problems.append(f"<h1> shows {shown!r}, headline is {title!r}")
    head_title = re.search(r"<title>(.*?)</title>", source, re.S)
    shown_title = html.unescape(head_title[1]) if head_title else ""
    if not " ".join(shown_title.split()).startswith(" ".join(title.split())):
        outcome.page_problems.append(f"<title> shows {shown_title!r}")
    flat = " ".join(html.unescape(source).split())
    missing = [p for p in outcome.paragraphs if " ".join(p.split()) not in flat]
    if missing:
        outcome.page_problems.append(f"{len(missing)} paragraph(s) not found on the page, e.g. {missing[0][:80]!r}")


def run(records: Sequence[Record], root: Path) -> Run:
    """Write the captures, ingest them into a fresh project at `root`, build it, and check every record."""
    project = make_project(root)
    paths = write_captures(records, root / "captures")
    outcomes = {record.file_name: Outcome(record) for record in records}
    result = Run(root=root, outcomes=list(outcomes.values()))
    try:
        result.ingest_report = site.ingest(project, paths)
    except (ContentError, ContentErrors) as error:
        result.ingest_error = str(error)
        return result
    _assign_ingest_lines(outcomes, result.ingest_report)
    for outcome in result.outcomes:
        if outcome.created:
            _check_article(outcome, project)

    collect = _Collect()
    logging.getLogger("mkdocs").addHandler(collect)
    try:
        with _restore_source_date_epoch():
            site.build(project)
        result.build_ok = True
    except ContentErrors as error:
        result.build_error = f"content errors:\n{error}"
    except Exception as error:  # noqa: BLE001 - a crash on odd text is a finding to report, not a reason to stop
        result.build_error = f"{type(error).__name__}: {error}"
    finally:
        logging.getLogger("mkdocs").removeHandler(collect)
    result.build_warnings = collect.messages

    # The built site's export if the build passed; generate() has written docs/data before MkDocs ran.
    for exported in (project.site / "data" / "articles.json", project.docs / "data" / "articles.json"):
        if exported.is_file():
            result.exported = json.loads(exported.read_text(encoding="utf-8"))
            result.exported_from = str(exported.relative_to(root))
            break
    if result.build_ok:
        for outcome in result.outcomes:
            if outcome.front is not None:
                _check_page(outcome, project.site)
    return result


def show(text: str, limit: int = 110) -> str:
    """A snippet for the report: control characters escaped, long text cut."""
    text = "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _section(lines: list[str], heading: str) -> None:
    lines += ["", heading, "-" * len(heading)]


def _examples(lines: list[str], items: list[str], total: int | None = None) -> None:
    for item in items[:EXAMPLES]:
        lines.append(f"    e.g. {item}")
    count = total if total is not None else len(items)
    if count > EXAMPLES:
        lines.append(f"    ... and {count - EXAMPLES} more")


def format_report(result: Run) -> list[str]:
    """The report as lines of text."""
    lines: list[str] = []
    outcomes = result.outcomes
    by_status = Counter(o.status for o in outcomes)
    datasets = Counter(o.record.dataset for o in outcomes)
    articles = sum(len(o.created) for o in outcomes)
    lines.append(f"records in: {len(outcomes)} (" + ", ".join(f"{d} {n}" for d, n in sorted(datasets.items())) + ")")
    lines.append(
        f"records -> created {by_status['created']}, refused {by_status['refused']}, "
        f"skipped {by_status['skipped']}, vanished {by_status['vanished']}"
    )
    lines.append(f"articles created: {articles}")
    if result.ingest_error:
        lines.append(f"INGEST FAILED: {result.ingest_error}")
    many = [o for o in outcomes if len(o.created) > 1]
    if many:
        lines.append(f"records split into several articles: {', '.join(o.record.name for o in many)}")

    _section(lines, "Refused")
    refused = [o for o in outcomes if o.refused]
    if not refused:
        lines.append("none")
    for outcome in refused:
        for error in outcome.refused:
            lines.append(f"{outcome.record.name} [{outcome.record.selection}]: {error}")
    skipped = [o for o in outcomes if o.skipped]
    if skipped:
        _section(lines, "Skipped")
        for outcome in skipped:
            lines += [f"{outcome.record.name}: {line}" for line in outcome.skipped]
    if result.vanished:
        _section(lines, "VANISHED (no article, no refusal, no skip)")
        lines += [o.record.name for o in result.vanished]

    _section(lines, "Build")
    lines.append("mkdocs build --strict: " + ("passed" if result.build_ok else f"FAILED: {result.build_error}"))
    for warning in result.build_warnings:
        lines.append(f"    {show(warning, 200)}")
    lines.append(f"export read: {result.exported_from or 'none'} ({len(result.exported)} articles)")

    exported = result.exported
    _section(lines, "Per outlet")
    for (outlet_id, name), count in sorted(
        Counter((a["outlet_id"], a["outlet"]) for a in exported).items(), key=lambda item: (-item[1], item[0])
    ):
        lines.append(f"{count:4d}  {outlet_id} ({name})")
    _section(lines, "Per theme (an article can be in several)")
    for theme, count in sorted(Counter(t for a in exported for t in a["themes"]).items(), key=lambda i: (-i[1], i[0])):
        lines.append(f"{count:4d}  {theme}")
    _section(lines, "Dates")
    dated = [a for a in exported if a["date"]]
    lines.append(f"dated {len(dated)}, undated {len(exported) - len(dated)}")
    for source, count in sorted(Counter(a["date_source"] for a in exported).items()):
        lines.append(f"{count:4d}  date_source {source}")

    _section(lines, "Oddities in the records' text (title or text)")
    for label, pattern in ODDITIES.items():
        hits = [o for o in outcomes if pattern.search(o.record.title) or pattern.search(o.record.text)]
        lines.append(f"{len(hits):4d}  {label}")
        samples = []
        for outcome in hits:
            for value in (outcome.record.title, outcome.record.text):
                if match := pattern.search(value):
                    start = max(match.start() - 30, 0)
                    samples.append(f"{outcome.record.name}: …{show(value[start : match.end() + 30], 90)}…")
                    break
        _examples(lines, samples)

    _section(lines, "Checks of every created article")
    checked = [o for o in outcomes if o.front is not None]
    title_bad = [o for o in checked if o.front and o.front.title != _one_line(o.record.title)]
    words_bad = [o for o in checked if o.words_ok is False]
    lines.append(f"titles kept exactly: {len(checked) - len(title_bad)}/{len(checked)}")
    _examples(lines, [f"{o.record.name}: {o.record.title!r} -> {o.front.title!r}" for o in title_bad if o.front])
    lost = [o for o in checked if o.words_ok_with_set_aside is False]
    lines.append(f"text words kept exactly in the article body: {len(checked) - len(words_bad)}/{len(checked)}")
    _examples(lines, [f"{o.record.name}: {len(o.swallowed_text)} text line(s) set aside" for o in words_bad])
    lines.append(f"text words kept, counting lines set aside: {len(checked) - len(lost)}/{len(checked)}")
    _examples(lines, [o.record.name for o in lost])
    paragraph_counts = Counter(
        (o.record.dataset, "one paragraph" if len(o.paragraphs) == 1 else "several paragraphs") for o in checked
    )
    lines.append("article bodies: " + ", ".join(f"{d} {kind} {n}" for (d, kind), n in sorted(paragraph_counts.items())))
    longest = max(checked, key=lambda o: max((len(p) for p in o.paragraphs), default=0), default=None)
    if longest is not None:
        lines.append(f"longest paragraph: {max(len(p) for p in longest.paragraphs)} characters ({longest.record.name})")
    if result.build_ok:
        page_bad = [o for o in checked if o.page_problems]
        lines.append(f"pages show headline and every paragraph: {len(checked) - len(page_bad)}/{len(checked)}")
        _examples(lines, [f"{o.record.name}: {'; '.join(o.page_problems)}" for o in page_bad])

    return lines


def corpus_paths(arguments: Sequence[str]) -> list[Path]:
    """The JSONL files named, or every *.jsonl of the default corpus."""
    if arguments:
        return [Path(a) for a in arguments]
    return sorted(DEFAULT_CORPUS.glob("*.jsonl"))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the corpus, print the report; 1 if a record vanished or the build failed."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("jsonl", nargs="*", help=f"JSONL files (default: {DEFAULT_CORPUS}/*.jsonl)")
    parser.add_argument("--keep", type=Path, metavar="DIR", help="build the project in DIR (new or empty) and keep it")
    options = parser.parse_args(argv)
    paths = corpus_paths(options.jsonl)
    if not paths:
        print(f"no JSONL files found in {DEFAULT_CORPUS}", file=sys.stderr)
        return 2
    records = read_corpus(paths)
    print("corpus: " + ", ".join(str(p) for p in paths))
    if options.keep:
        if options.keep.exists() and any(options.keep.iterdir()):
            print(f"--keep {options.keep}: the directory is not empty", file=sys.stderr)
            return 2
        result = run(records, options.keep)
        print("\n".join(format_report(result)))
        print(f"\nproject kept in {options.keep}")
    else:
        with tempfile.TemporaryDirectory(prefix="external-corpus-") as temporary:
            result = run(records, Path(temporary))
            print("\n".join(format_report(result)))
    if result.vanished or result.ingest_error or not result.build_ok:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
