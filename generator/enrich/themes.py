"""Place each article in its themes, and record the terms that placed it there."""

from __future__ import annotations

import functools
from collections import Counter
from dataclasses import replace

from generator.config import OTHER_THEME_ID
from generator.enrich.names import NameFinder
from generator.model import Article, Theme, ThemeMatch


def count_terms(text: str, terms: list[str], starts: list[int] | None = None) -> dict[str, int]:
    """How often each term occurs in the text, each place counted once (starts: see NameFinder.finditer).

    >>> count_terms("This is IS in idlib, Idlib.", ["IS", "Idlib"])
    {'IS': 1, 'Idlib': 2}
    """
    return dict(Counter(term for term, _ in _finder(tuple(terms)).finditer(text, starts)))


@functools.lru_cache(maxsize=256)
def _finder(terms: tuple[str, ...]) -> NameFinder[str]:
    """One finder per theme, built once per run."""
    return NameFinder({t: t for t in terms})


def assign_themes(article: Article, themes: tuple[Theme, ...]) -> Article:
    """The article with its themes: the maintainer's list if set, else every theme whose terms it mentions enough."""
    if article.front.themes is not None:
        matches = [ThemeMatch(theme_id, by_maintainer=True) for theme_id in article.front.themes]
    else:
        text = article.text
        # One scan for where any theme's term may start; each theme then tries its own terms only there.
        starts = _finder(tuple(term for theme in themes for term in theme.terms)).starts(text)
        matches = []
        for theme in themes:
            counts = count_terms(text, theme.terms, starts)
            if counts and sum(counts.values()) >= theme.min_mentions:
                found = tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
                matches.append(ThemeMatch(theme.id, terms=found))
    if not matches:
        matches = [ThemeMatch(OTHER_THEME_ID)]
    return replace(article, themes=tuple(matches))
