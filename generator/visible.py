"""What counts as text: a line of spaces and invisible characters only is blank, like an empty line."""

from __future__ import annotations

import unicodedata


def is_blank(text: str) -> bool:
    """Whether nothing in `text` would show: only whitespace and invisible format characters (Unicode Cf:
    zero-width spaces and joiners, bidi marks and overrides, a byte-order mark, a soft hyphen).

    >>> is_blank(" \\u200b\\u202e ")
    True
    >>> is_blank("\\u200bIdlib")
    False
    """
    return all(char.isspace() or unicodedata.category(char) == "Cf" for char in text)
