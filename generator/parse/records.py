"""A JSONL dataset -> article drafts: one record per line, read by the shape of the dataset it comes from.

A record of our own has `title`, `text` and optionally `url`, `date`, `outlet` and `author`. Two research
datasets are read as they are published, so their files can be kept verbatim: FA-KES (`article_title`,
`article_content`, `source`, `date` as M/D/YYYY) and BuzzFeed-Webis (`title`, `mainText`, `uri`, `portal`,
`author`, paragraph offsets). Any other field of a record is ignored.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from generator.config import SiteData, validation_errors
from generator.errors import ContentError
from generator.model import DateSource, FrontMatter, SourceSpan
from generator.parse.capture import Draft, RawFile, Segment, span_sha256, url_domain
from generator.parse.dates import date_in_url, parse_dateline
from generator.parse.front import split_paragraphs


def month_day_year(value: str) -> dt.date | None:
    """FA-KES dates, M/D/YYYY; anything else is no date.

    >>> month_day_year("10/19/2016")
    datetime.date(2016, 10, 19)
    """
    match = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", value)
    if not match:
        return None
    try:
        return dt.date(int(match[3]), int(match[1]), int(match[2]))
    except ValueError:
        return None


def stated_date(value: str) -> dt.date | None:
    """A date written the way a dateline states it: 2016-10-19, 19 October 2016, October 19, 2016."""
    found = parse_dateline(value)
    return found[0] if found else None


def whole_text(text: str, row: dict[str, Any]) -> tuple[str, ...]:
    """The text as one paragraph: the dataset keeps no paragraph breaks."""
    return (text.strip(),) if text.strip() else ()


def blank_line_paragraphs(text: str, row: dict[str, Any]) -> tuple[str, ...]:
    return split_paragraphs(text)


def offset_paragraphs(text: str, row: dict[str, Any]) -> tuple[str, ...]:
    return split_at_paragraphs(text, row.get("paragraph"))


def split_at_paragraphs(text: str, offsets: Any) -> tuple[str, ...]:
    """The text cut into paragraphs at the dataset's paragraph boundaries, but only where there is whitespace.

    Some records' offsets are shifted by a character ("A" | "s more questions ..."); cutting there would break a
    word, so a boundary is used only if whitespace lies at or next to it. Joining the result with spaces gives
    the same words as the text.
    """
    if isinstance(offsets, dict):
        offsets = [offsets]
    if not isinstance(offsets, list):
        return whole_text(text, {})
    bounds = []
    for item in offsets:
        try:
            bounds.append((int(item["start"]), int(item["end"])))
        except (KeyError, TypeError, ValueError):
            continue
    cuts = []
    for (_, end), (start, _) in zip(bounds, bounds[1:], strict=False):
        low, high = max(min(end, start) - 1, 0), min(max(end, start) + 1, len(text))
        spaces = [i for i in range(low, high) if text[i].isspace()]
        if spaces:
            cuts.append(spaces[0])
    pieces, previous = [], 0
    for cut in sorted(set(cuts)):
        pieces.append(text[previous:cut])
        previous = cut
    pieces.append(text[previous:])
    return tuple(p.strip() for p in pieces if p.strip())


@dataclass(frozen=True)
class Shape:
    """Which field of a dataset's records holds what; a record's shape is told by its text field."""

    name: str
    title: str
    text: str
    url: str | None
    outlet: str | None
    author: str | None
    date: str | None
    read_date: Callable[[str], dt.date | None]
    paragraphs: Callable[[str, dict[str, Any]], tuple[str, ...]]


SHAPES = (
    Shape("fa-kes", "article_title", "article_content", None, "source", None, "date", month_day_year, whole_text),
    Shape("buzzfeed-webis", "title", "mainText", "uri", "portal", "author", None, stated_date, offset_paragraphs),
    Shape("record", "title", "text", "url", "outlet", "author", "date", stated_date, blank_line_paragraphs),
)
KNOWN_TEXT_FIELDS = ", ".join(shape.text for shape in SHAPES)


@dataclass(frozen=True)
class DatasetRecord:
    """One record's fields, named alike whatever the dataset; text and title exactly as the dataset has them."""

    shape: str
    title: str | None
    text: str
    paragraphs: tuple[str, ...]
    url: str | None
    outlet: str | None
    author: str | None
    date: dt.date | None
    date_text: str | None  # the dataset's own value, kept as the date's evidence


def text_field(row: dict[str, Any], key: str | None) -> str | None:
    """A string field, or None when absent or blank; a repeated XML element (a list) is joined with ', '."""
    value = row.get(key) if key else None
    if isinstance(value, list):
        value = ", ".join(str(v) for v in value if v)
    if value is None or not str(value).strip():
        return None
    return str(value)


def read_record(row: dict[str, Any]) -> DatasetRecord:
    """A decoded JSONL row as a DatasetRecord; ValueError when no known text field is there.

    >>> read_record({"title": "T", "text": "One.\\n\\nTwo.", "date": "2016-10-19"}).paragraphs
    ('One.', 'Two.')
    """
    shape = next((s for s in SHAPES if s.text in row), None)
    if shape is None:
        raise ValueError(f"has none of the text fields ingest reads ({KNOWN_TEXT_FIELDS})")
    text = str(row.get(shape.text) or "")
    date_text = text_field(row, shape.date)
    return DatasetRecord(
        shape=shape.name,
        title=text_field(row, shape.title),
        text=text,
        paragraphs=shape.paragraphs(text, row),
        url=text_field(row, shape.url),
        outlet=text_field(row, shape.outlet),
        author=text_field(row, shape.author),
        date=shape.read_date(date_text) if date_text else None,
        date_text=date_text,
    )


def records_of(raw: RawFile) -> list[int]:
    """The line numbers of a JSONL file's records: every line that is not blank."""
    return [number for number, line in enumerate(raw.lines, start=1) if line.strip()]


@dataclass(frozen=True)
class RecordDraft:
    """A record's draft, and what ingest should tell the maintainer about it (an unreadable date)."""

    draft: Draft
    notes: tuple[ContentError, ...] = ()


def parse_record(raw: RawFile, number: int, data: SiteData) -> RecordDraft:
    """The article of the record on line `number`; raises ContentError when the record cannot be one."""
    where = f"content/{raw.path}"
    try:
        row = json.loads(raw.line(number))
    except json.JSONDecodeError as error:
        raise ContentError(
            where, number, None, f"is not JSON ({error.msg}, column {error.colno})", "each line must be one record"
        ) from error
    if not isinstance(row, dict):
        raise ContentError(where, number, None, "is not a JSON object", "each line must be one record {...}")
    try:
        record = read_record(row)
    except ValueError as error:
        raise ContentError(where, number, None, str(error), "a record needs at least title and text") from error
    if record.title is None:
        raise ContentError(
            where, number, "title", "is missing or empty", "write this article by hand: python -m generator new"
        )
    notes = []
    date = record.date
    date_source: DateSource = "dataset"
    evidence = record.date_text
    if date is None:
        date_source, evidence = "unknown", None
        if record.date_text is not None:
            notes.append(
                ContentError(
                    where,
                    number,
                    "date",
                    f"{record.date_text!r} is not a date ingest reads, so the article is undated",
                    "set date: YYYY-MM-DD and date_source: maintainer in its file once you have checked the date",
                )
            )
        elif record.url and (url_date := date_in_url(record.url)):
            date, date_source, evidence = url_date, "url", record.url
    try:
        front = FrontMatter(
            title=record.title.strip(),
            outlet=_outlet_id(record, data, where, number),
            author=record.author.strip() if record.author else None,
            date=date,
            date_source=date_source,
            date_evidence=evidence,
            url=record.url,
            source=SourceSpan(
                file=raw.path, first_line=number, last_line=number, sha256=span_sha256(raw, Segment(number, number))
            ),
        )
    except ValidationError as error:
        raise validation_errors(where, number, error)[0] from error
    return RecordDraft(Draft(front, record.paragraphs), tuple(notes))


def _outlet_id(record: DatasetRecord, data: SiteData, where: str, number: int) -> str:
    """The outlet the record names (id, name, alias or domain), else its URL's; 'unknown' if it gives neither.

    A name content/outlets.yml does not know is an error, not 'unknown': the record does state its outlet.
    """
    if record.outlet:
        outlet = data.outlet_for_name(record.outlet)
        if outlet is None:
            raise ContentError(
                where,
                number,
                "outlet",
                f"{record.outlet!r} is not an outlet in content/outlets.yml",
                f"add it there (or add {record.outlet!r} to an outlet's aliases) and ingest the file again",
            )
        return outlet.id
    if record.url:
        domain = url_domain(record.url)
        outlet = data.outlet_for_domain(domain)
        if outlet is None:
            raise ContentError(
                where,
                number,
                "outlet",
                f"no outlet in content/outlets.yml has the domain {domain!r}",
                "add the domain to an outlet there and ingest the file again",
            )
        return outlet.id
    return "unknown"
