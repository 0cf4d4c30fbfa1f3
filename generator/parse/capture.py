"""A raw capture -> article drafts: every line gets one role, and only body lines are article text."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from pydantic import ValidationError

from generator.config import SiteData
from generator.errors import ContentError
from generator.model import MAX_TITLE_LENGTH, DateSource, FrontMatter, LineRole, Reference, SetAsideLine, SourceSpan
from generator.parse.dates import date_in_url, read_dateline
from generator.visible import is_blank

HEAD_LINES = 8  # a dateline or byline is only looked for this many lines below the headline

_AUTHOR = re.compile(r"(?:Author|By)\s*:\s*(?P<value>\S.{0,200})", re.I)
_SOURCE = re.compile(r"(?:Source|Via)\s*:\s*(?P<value>\S.*)", re.I)
_REFERENCE = re.compile(r"(?P<label>Related|READ MORE)\s*:\s*(?P<value>\S.*)", re.I)
_URL = re.compile(r"https?://[^\s/]+\.[^\s]+")
_DOMAIN = re.compile(r"(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}")
_LEADING_TAGS = re.compile(r"^(?:\[[^\]]{1,20}\]\s*)+")


@dataclass(frozen=True)
class RawFile:
    """A captured text as lines; `path` is relative to content/, `shown` is the path errors name."""

    path: str
    lines: tuple[str, ...]
    shown: str

    @classmethod
    def from_text(cls, path: str, text: str, shown: str | None = None) -> RawFile:
        """Split on LF, CRLF or CR; a final line ending does not start another line.

        Errors name `shown`, the file as the maintainer gave it to ingest, or else content/<path>.
        """
        text = text.removeprefix("\ufeff")
        lines = re.split(r"\r\n|\r|\n", text)
        if lines and lines[-1] == "":
            lines.pop()
        return cls(path, tuple(lines), shown or f"content/{path}")

    def line(self, number: int) -> str:
        return self.lines[number - 1]

    def has_text(self, number: int) -> bool:
        """Whether line `number` shows anything: spaces and invisible characters alone make a blank line."""
        return not is_blank(self.lines[number - 1])


@dataclass(frozen=True)
class Segment:
    """Lines first..last (1-based, inclusive) of a raw file: one post of a dump, or the whole file."""

    first: int
    last: int


@dataclass(frozen=True)
class Draft:
    """What parsing one segment gives: the front matter ingest writes, and the body paragraphs."""

    front: FrontMatter
    paragraphs: tuple[str, ...]


def split_posts(raw: RawFile, separators: tuple[str, ...]) -> list[Segment]:
    """Cut a dump after each separator line ('Share:'); a file without one is a single segment.

    Leading and trailing blank lines are left out of each segment; segments with no text are dropped
    here because they hold no article (only separators and blank lines).
    """
    segments: list[Segment] = []
    start = 1
    for number, line in enumerate(raw.lines, start=1):
        if line.strip() in separators:
            segments.append(Segment(start, number))
            start = number + 1
    if start <= len(raw.lines):
        segments.append(Segment(start, len(raw.lines)))
    trimmed = []
    for segment in segments:
        text_lines = [
            n
            for n in range(segment.first, segment.last + 1)
            if raw.has_text(n) and raw.line(n).strip() not in separators
        ]
        if text_lines:
            last = segment.last if raw.line(segment.last).strip() in separators else text_lines[-1]
            trimmed.append(Segment(text_lines[0], last))
    return trimmed


def span_sha256(raw: RawFile, segment: Segment) -> str:
    """SHA-256 of the segment's lines, each ending in LF: what `sed -n 'A,Bp' | sha256sum` prints."""
    text = "".join(raw.line(n) + "\n" for n in range(segment.first, segment.last + 1))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def url_domain(url: str) -> str:
    """The host of a URL, without 'www.'."""
    return (urlsplit(url).hostname or "").removeprefix("www.")


class _Reader:
    """Reads one segment line by line, giving each line a role."""

    def __init__(self, raw: RawFile, segment: Segment, data: SiteData) -> None:
        self.raw, self.segment, self.data = raw, segment, data
        self.roles: dict[int, tuple[LineRole, str | None]] = {}
        self.title: str | None = None
        self.title_line = 0
        self.author: str | None = None
        self.url: str | None = None
        self.url_line = 0
        self.outlet_named: tuple[str, int] | None = None
        self.dateline: tuple[dt.date | None, str, int] | None = None  # date (None if impossible), line, its number
        self.references: list[Reference] = []
        self.lines_after_title = 0  # text lines read since the headline: the head is the first HEAD_LINES
        self.body_seen = False  # a body line since the headline: a later copy of it is text, not a repeat

    def read(self) -> None:
        numbers = range(self.segment.first, self.segment.last + 1)
        text_numbers = [n for n in numbers if self.raw.has_text(n)]
        for n in text_numbers:
            line = self.raw.line(n)
            stripped = line.strip()
            if self.title is not None:
                self.lines_after_title += 1
            if stripped in self.data.separators:
                self.roles[n] = ("separator", None)
            elif rule := self._boilerplate(line):
                self.roles[n] = ("boilerplate", rule)
            elif self.title is None:
                self.title, self.title_line = stripped, n
                self.roles[n] = ("title", None)
            elif self._is_title_repeat(stripped):
                self.roles[n] = ("title-repeat", None)
            elif role := self._metadata(stripped, n):
                self.roles[n] = (role, None)
            else:
                self.body_seen = True
        # A bare domain as the last line is the outlet's credit ("Financialtribune.com").
        body_or_meta = [n for n in text_numbers if self.roles.get(n, ("body",))[0] not in ("separator", "boilerplate")]
        if body_or_meta and body_or_meta[-1] not in self.roles:
            last = self.raw.line(body_or_meta[-1]).strip()
            if _DOMAIN.fullmatch(last) and self.outlet_named is None:
                self.outlet_named = (last, body_or_meta[-1])
                self.roles[body_or_meta[-1]] = ("outlet", None)

    def _boilerplate(self, line: str) -> str | None:
        for rule in self.data.boilerplate:
            if rule.before_title and self.title is not None:
                continue
            if rule.matches(line):
                return rule.name
        return None

    def _is_title_repeat(self, stripped: str) -> bool:
        assert self.title is not None
        return not self.body_seen and stripped in (self.title, _LEADING_TAGS.sub("", self.title))

    def _metadata(self, stripped: str, number: int) -> LineRole | None:
        in_head = self.lines_after_title <= HEAD_LINES
        if reference := _REFERENCE.fullmatch(stripped):
            self.references.append(Reference(line=number, label=reference["label"], title=reference["value"].strip()))
            return "reference"
        if source := _SOURCE.fullmatch(stripped):
            value = source["value"].strip()
            if _URL.fullmatch(value):
                if self.url is None:
                    self.url, self.url_line = value, number
                return "url"
            if len(value.split()) <= 6 and self.outlet_named is None:
                self.outlet_named = (value, number)
                return "outlet"
        if in_head and self.author is None and (author := _AUTHOR.fullmatch(stripped)):
            if is_blank(author["value"]):
                return None
            self.author = author["value"].strip()
            return "author"
        if in_head and self.dateline is None and (found := read_dateline(stripped)):
            self.dateline = (found.date, stripped, number)
            if found.author and self.author is None and not is_blank(found.author):
                self.author = found.author
            return "dateline"
        return None

    def outlet_id(self) -> str:
        """The outlet the capture names, by name or domain, else by the URL's domain; 'unknown' if none."""
        if self.outlet_named:
            name, line = self.outlet_named
            outlet = self.data.outlet_for_name(name)
            if outlet is None:
                raise ContentError(
                    self.raw.shown,
                    line,
                    "outlet",
                    f"{name!r} is not an outlet in content/outlets.yml",
                    "add it there (id, name, domains or aliases, country) and ingest again",
                )
            return outlet.id
        if self.url:
            outlet = self.data.outlet_for_domain(url_domain(self.url))
            if outlet is None:
                raise ContentError(
                    self.raw.shown,
                    self.url_line,
                    "outlet",
                    f"no outlet in content/outlets.yml has the domain {url_domain(self.url)!r}",
                    "add the domain to an outlet there and ingest again",
                )
            return outlet.id
        return "unknown"


def parse_segment(raw: RawFile, segment: Segment, data: SiteData) -> Draft:
    """One article from one segment; raises ContentError when the segment cannot be an article."""
    reader = _Reader(raw, segment, data)
    reader.read()
    if reader.title is None:
        raise ContentError(
            raw.shown,
            segment.first,
            "title",
            "no headline: every line here is boilerplate or a separator",
            "check content/boilerplate.yml, or write the article by hand with `python -m generator new`",
        )
    if len(reader.title) > MAX_TITLE_LENGTH:
        raise ContentError(
            raw.shown,
            reader.title_line,
            "title",
            f"the headline would be this line of {len(reader.title):,} characters; a headline has at most "
            f"{MAX_TITLE_LENGTH}",
            "the capture has probably lost its line breaks: capture the page again as text, headline on its own line",
        )
    date, date_source, evidence = _date(reader, raw, data)
    set_aside = [
        SetAsideLine(line=n, role=role, text=raw.line(n), rule=rule) for n, (role, rule) in sorted(reader.roles.items())
    ]
    body = tuple(
        raw.line(n).strip() for n in range(segment.first, segment.last + 1) if raw.has_text(n) and n not in reader.roles
    )
    try:
        front = FrontMatter(
            title=reader.title,
            outlet=reader.outlet_id(),
            author=reader.author,
            date=date,
            date_source=date_source,
            date_evidence=evidence,
            url=reader.url,
            source=SourceSpan(
                file=raw.path, first_line=segment.first, last_line=segment.last, sha256=span_sha256(raw, segment)
            ),
            set_aside=set_aside,
            references=reader.references,
        )
    except ValidationError as error:  # a safety net: the reader only gives values the model accepts
        raise ContentError(
            raw.shown, segment.first, None, f"cannot be an article: {error}", "write the article by hand"
        ) from error
    return Draft(front, body)


def _date(reader: _Reader, raw: RawFile, data: SiteData) -> tuple[dt.date | None, DateSource, str | None]:
    """The date the dateline states, else the URL's; a date outside the period is refused.

    A dateline naming a day that does not exist ('February 30, 2018') leaves the article undated, the line kept
    as its evidence, for a maintainer to settle.
    """
    found: tuple[dt.date, DateSource, str, int] | None = None
    if reader.dateline:
        date, line, number = reader.dateline
        if date is None:
            return None, "unknown", line
        found = (date, "text", line, number)
    elif reader.url and (url_date := date_in_url(reader.url)):
        found = (url_date, "url", reader.url, reader.url_line)
    if found is None:
        return None, "unknown", None
    date, source, evidence, number = found
    if date not in data.period:
        where = f"the dateline “{evidence}”" if source == "text" else "the date in the URL"
        raise ContentError(
            raw.shown,
            number,
            "date",
            f"{where} gives {date}, outside the period the site covers, {data.period.start} to {data.period.end}",
            "widen the period in content/site.yml if the article belongs here",
        )
    return date, source, evidence
