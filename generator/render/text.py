"""Source text made safe for a Markdown page: shown literally, never run or interpreted."""

from __future__ import annotations

import datetime as dt
import functools
import html
import re

_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Exactly the characters Python-Markdown unescapes; a backslash before any other would show.
_MARKDOWN_PUNCTUATION = "\\`*_{}[]()#+-.!"

# Embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI).
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")

GENERATED_NOTE = "<!-- Generated from {source} by `python -m generator generate`; edit that, not this file. -->"


@functools.lru_cache(maxsize=1 << 16)  # a headline is linked from some forty pages
def inline(text: str) -> str:
    """Text for a Markdown line: HTML characters as entities, Markdown punctuation backslash-escaped.

    Text with bidi controls is isolated in <bdi>, so an override it leaves open cannot reverse what follows
    it on the line (the date after a headline in a list, say).

    >>> inline("<b>[x](javascript:y)</b>")
    '&lt;b&gt;\\\\[x\\\\]\\\\(javascript:y\\\\)&lt;/b&gt;'
    >>> inline("\u202eevil")
    '<bdi>\u202eevil</bdi>'
    """
    escaped = " ".join(text.split()).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    # One str.replace per character present (the backslash first): faster than a regex substitution.
    for char in _MARKDOWN_PUNCTUATION:
        if char in escaped:
            escaped = escaped.replace(char, "\\" + char)
    return f"<bdi>{escaped}</bdi>" if _BIDI_CONTROLS.search(text) else escaped


def attribute(text: str) -> str:
    """Text for an HTML attribute or a raw HTML block."""
    return html.escape(text, quote=True)


def paragraph(text: str) -> str:
    """One paragraph of article text as a raw HTML block, so Markdown never reads it."""
    return f"<p>{attribute(text)}</p>"


def human_date(date: dt.date | None) -> str:
    """'7 September 2015', the same in every locale; 'Undated' for no date."""
    return f"{date.day} {_MONTHS[date.month - 1]} {date.year}" if date else "Undated"


def month_name(year: int, month: int) -> str:
    """'March 2016', the same in every locale."""
    return f"{_MONTHS[month - 1]} {year}"


def count_of(number: int, noun: str) -> str:
    """'1 article', '2 articles'."""
    return f"{number} {noun}{'' if number == 1 else 's'}"
