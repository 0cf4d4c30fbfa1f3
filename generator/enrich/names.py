"""Find names in text: whole words, many spellings each, and capitals-only for a name written in capitals."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Generic, TypeVar

Key = TypeVar("Key")


def _normal(name: str) -> str:
    return " ".join(name.split())


def name_key(name: str) -> str:
    """What two spellings share when they are the same name to a NameFinder: 'Idlib' and 'IDLIB', not 'IS' and 'is'."""
    return _normal(name) if name.isupper() else _normal(name).lower()


class NameFinder(Generic[Key]):
    """Finds every occurrence of any of many names in a text, and says whose name each is.

    A name written in capitals (IS, HTS) matches only in capitals, so the group IS is not the verb
    "is"; any other name matches in any case. Longer names win: "Islamic State" over "IS".

    >>> finder = NameFinder({"IS": "isis", "Islamic State": "isis", "Idlib": "idlib"})
    >>> [(key, match.group()) for key, match in finder.finditer("This is IS, the islamic  state, in IDLIB.")]
    [('isis', 'IS'), ('isis', 'islamic  state'), ('idlib', 'IDLIB')]
    """

    def __init__(self, names: Mapping[str, Key]) -> None:
        self._keys = {name_key(name): key for name, key in names.items()}
        alternatives = []
        for name in sorted({_normal(n) for n in names}, key=lambda n: (-len(n), n)):
            body = r"\s+".join(re.escape(word) for word in name.split())
            alternatives.append(body if name.isupper() else f"(?i:{body})")
        # With no names, a pattern that never matches.
        self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)" if alternatives else r"(?!)")

    def finditer(self, text: str) -> Iterator[tuple[Key, re.Match[str]]]:
        """Each name found, in order, with the key it stands for."""
        for match in self._pattern.finditer(text):
            found = _normal(match.group())
            yield self._keys[found] if found in self._keys else self._keys[found.lower()], match
