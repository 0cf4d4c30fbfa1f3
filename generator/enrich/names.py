"""Find names in text: whole words, many spellings each, and capitals-only for a name written in capitals."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from re._casefix import _EXTRA_CASES  # the pairs of ignore-case matching in Python 3.11
from typing import Any, Generic, NamedTuple, TypeVar

Key = TypeVar("Key")


def _normal(name: str) -> str:
    return " ".join(name.split())


def name_key(name: str) -> str:
    """What two spellings share when they are the same name to a NameFinder: 'Idlib' and 'IDLIB', not 'IS' and 'is'."""
    return _normal(name) if name.isupper() else _normal(name).lower()


class Found(NamedTuple):
    """A name found in a text: where it starts and ends, and how it is written there."""

    start: int
    end: int
    text: str


class NameFinder(Generic[Key]):
    """Finds every occurrence of any of many names in a text, and says whose name each is.

    A name written in capitals (IS, HTS) matches only in capitals, so the group IS is not the verb
    "is"; any other name matches in any case. Longer names win: "Islamic State" over "IS".

    >>> finder = NameFinder({"IS": "isis", "Islamic State": "isis", "Idlib": "idlib"})
    >>> [(key, found.text) for key, found in finder.finditer("This is IS, the islamic  state, in IDLIB.")]
    [('isis', 'IS'), ('isis', 'islamic  state'), ('idlib', 'IDLIB')]
    """

    def __init__(self, names: Mapping[str, Key]) -> None:
        self._keys = {name_key(name): key for name, key in names.items()}
        normals = sorted({_normal(n) for n in names})
        alternatives = []
        for name in sorted(normals, key=lambda n: (-len(n), n)):
            body = r"\s+".join(re.escape(word) for word in name.split())
            alternatives.append(body if name.isupper() else f"(?i:{body})")
        # With no names, a pattern that never matches.
        self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)" if alternatives else r"(?!)")
        # Where a name may start: all names as one case-insensitive trie, which matches wherever _pattern does
        # (and where a name in capitals is written otherwise). Python's regex engine tries an alternation's
        # branches one by one at every character; a trie tries only the branch of the next character, so
        # scanning with it, and trying _pattern only where it matches, is ten times faster and finds the same.
        self._starts = re.compile(r"(?i)(?<!\w)" + _trie(normals) + r"(?!\w)" if normals else r"(?!)")
        # Faster again: the same trie in lower case, over the text in lower case, where Python's case-insensitive
        # matching and str.lower() agree (see _lower_case_scan). Where the trie matches, the longest name there
        # is found; the alternation is needed only when that name is in capitals and written otherwise.
        lowered = sorted({n.lower() for n in normals})
        plain = all(_lower_case_scan(n) for n in normals)
        self._lower_trie = re.compile(r"(?<!\w)" + _trie(lowered) + r"(?!\w)") if normals and plain else None
        self._in_any_case = {n.lower() for n in normals if not n.isupper()}
        self._in_capitals = {n for n in normals if n.isupper()}

    def _lowered(self, text: str) -> str | None:
        """The text in lower case, for the lower-case trie, where that finds what re.IGNORECASE finds."""
        return _in_lower_case(text) if self._lower_trie is not None else None

    def starts(self, text: str) -> list[int]:
        """Every place where one of the names may start: where finditer() would try them."""
        pattern, scanned = self._starts, text
        lowered = self._lowered(text)
        if self._lower_trie is not None and lowered is not None:
            pattern, scanned = self._lower_trie, lowered
        found, position = [], 0
        while (start := pattern.search(scanned, position)) is not None:
            found.append(start.start())
            position = start.start() + 1
        return found

    def finditer(self, text: str, starts: Iterable[int] | None = None) -> Iterator[tuple[Key, Found]]:
        """Each name found, in order, with the key it stands for.

        starts: the places to try, in order, from the starts() of a finder of these names and maybe more;
        many finders over one text then share one scan.
        """
        lowered = self._lowered(text)
        end = 0
        for position in self.starts(text) if starts is None else starts:
            if position < end:
                continue
            found = self._match(text, lowered, position)
            if found is not None:
                yield found
                end = found[1].end

    def _match(self, text: str, lowered: str | None, position: int) -> tuple[Key, Found] | None:
        """The name at `position`, if any, with its key: the longest, a name in capitals only where so written."""
        if lowered is not None and self._lower_trie is not None:
            longest = self._lower_trie.match(lowered, position)
            if longest is None:
                return None
            written = text[position : longest.end()]
            name = _normal(written)
            if name in self._in_capitals or name.lower() in self._in_any_case:
                return self._key_of(name), Found(position, longest.end(), written)
        match = self._pattern.match(text, position)
        if match is None:
            return None
        return self._key_of(_normal(match.group())), Found(match.start(), match.end(), match.group())

    def _key_of(self, found: str) -> Key:
        if found in self._keys:
            return self._keys[found]
        if found.lower() in self._keys:
            return self._keys[found.lower()]
        # The regex matched letter by letter ('İdlib' as 'Idlib'), where str.lower() differs ('i̇dlib').
        return next(k for n, k in self._keys.items() if re.fullmatch(re.escape(n), found, re.IGNORECASE))


# The characters re.IGNORECASE matches with others than their str.lower() ('ı' with 'i', 'ſ' with 's'), and 'Σ',
# whose str.lower() depends on the letters around it ('σ', or 'ς' at the end of a word).
_UNUSUAL_CASE = re.compile(
    "[Σ" + "".join(sorted({chr(c) for key, more in _EXTRA_CASES.items() for c in (key, *more) if c > 127})) + "]"
)


@functools.lru_cache(maxsize=4)  # the themes' finders all read the same text in turn
def _in_lower_case(text: str) -> str | None:
    return text.lower() if _lower_case_scan(text) else None


def _lower_case_scan(text: str) -> bool:
    """Whether matching `text` in lower case finds what re.IGNORECASE finds: no character of it lowers to
    two ('İ') or has a case partner str.lower() does not give."""
    return text.isascii() or (len(text.lower()) == len(text) and not _UNUSUAL_CASE.search(text))


def _trie(names: list[str]) -> str:
    """A regular expression matching exactly `names` (single-spaced), branching one character at a time.

    >>> _trie(["Homs", "Hama", "Ham"])
    'H(?:am(?:a)?|oms)'
    """
    root: dict[str, Any] = {}
    for name in names:
        node = root
        for char in name:
            node = node.setdefault(char, {})
        node[""] = {}  # a name ends here

    def render(node: dict[str, Any]) -> str:
        branches = [(r"\s+" if c == " " else re.escape(c)) + render(child) for c, child in sorted(node.items()) if c]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return render(root)
