"""Dates as the text or the URL states them; never guessed."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

# A dateline is short; the limit also keeps the blog-tail pattern from backtracking through a long line.
MAX_DATELINE = 200

_MONTHS = {
    name: number
    for number, names in enumerate(
        [
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_TIME = r"(?:\d{1,2}:\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*,?\s*)"
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)"

# A dateline is a line that is a date and nothing else, maybe with a time or a blog's
# "in <section> by <author>" tail: "May 1, 2016 in News by D", "17:54, 7 September 2015".
_DATELINE_FORMS = [
    re.compile(rf"{_TIME}?{_WEEKDAY}?(?P<day>\d{{1,2}})\s+{_MONTH}\s+(?P<year>\d{{4}})(?:,?\s*{_TIME})?", re.I),
    re.compile(rf"{_TIME}?{_WEEKDAY}?{_MONTH}\s+(?P<day>\d{{1,2}}),?\s+(?P<year>\d{{4}})(?:,?\s*{_TIME})?", re.I),
    re.compile(r"(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})(?:[ T]\d{2}:\d{2}(?::\d{2})?)?"),
    re.compile(rf"(?P<day>\d{{2}})\.(?P<month>\d{{2}})\.(?P<year>\d{{4}})(?:,?\s*{_TIME})?"),
]
# Words a dateline may open with: "Published October 12, 2016", "Posted on August 3, 2016 by X".
_LEAD_IN = re.compile(
    r"^(?:Published(?: on)?|Posted(?: on)?|Date of publication|Last updated(?: at| on)?)\s*:?\s+", re.I
)
_BLOG_TAIL = re.compile(r"^(?P<date>.+?)(?:\s+in\s+(?P<section>[^,]{1,40}?))?\s+by\s+(?P<author>.{1,60})$")

# Dates in URLs: /2018/09/13/, /2018-09-13-, or Sputnik's /201809261068361943-.
_URL_FORMS = [
    re.compile(r"/(?P<year>20\d{2})/(?P<month>\d{1,2})/(?P<day>\d{1,2})(?:/|$)"),
    re.compile(r"[/_-](?P<year>20\d{2})-(?P<month>\d{2})-(?P<day>\d{2})(?:[/_-]|$)"),
    re.compile(r"/(?P<year>20\d{2})(?P<month>\d{2})(?P<day>\d{2})\d{6,}(?:[/_-]|$)"),
]


def _to_date(match: re.Match[str]) -> dt.date | None:
    month = match["month"]
    month_number = int(month) if month.isdigit() else _MONTHS[month.lower().rstrip(".")]
    try:
        return dt.date(int(match["year"]), month_number, int(match["day"]))
    except ValueError:
        return None


@dataclass(frozen=True)
class Dateline:
    """What a dateline states: the date (None when no such day exists: 'February 30, 2018'), and a blog's author."""

    date: dt.date | None
    author: str | None


def read_dateline(line: str) -> Dateline | None:
    """The dateline a line is, if it is one: a line that is a date and nothing else, in one of the known forms.

    >>> read_dateline("February 30, 2018")
    Dateline(date=None, author=None)
    """
    if len(line) > MAX_DATELINE:
        return None
    text = _LEAD_IN.sub("", line.strip())
    author = None
    tail = _BLOG_TAIL.match(text)
    if tail:
        text, author = tail["date"], tail["author"].strip()
    for form in _DATELINE_FORMS:
        match = form.fullmatch(text)
        if match:
            return Dateline(_to_date(match), author)
    return None


def parse_dateline(line: str) -> tuple[dt.date, str | None] | None:
    """The date a dateline states, and the author of a blog's 'in News by D' tail; None unless the date exists.

    >>> parse_dateline("17:54, 7 September 2015")
    (datetime.date(2015, 9, 7), None)
    >>> parse_dateline("May 1, 2016 in News by D")
    (datetime.date(2016, 5, 1), 'D')
    """
    found = read_dateline(line)
    return (found.date, found.author) if found and found.date else None


def date_in_url(url: str) -> dt.date | None:
    """The date a URL's path carries, if any.

    >>> date_in_url("https://sputniknews.com/world/201809261068361943-syria-new-strikes-us-eu/")
    datetime.date(2018, 9, 26)
    """
    path = re.sub(r"^https?://[^/]+", "", url)
    for form in _URL_FORMS:
        match = form.search(path)
        if match:
            date = _to_date(match)
            if date:
                return date
    return None
