"""Place each article in its themes, and record the terms that placed it there."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from generator.config import OTHER_THEME_ID
from generator.model import Article, Theme, ThemeMatch


def term_pattern(terms: list[str]) -> re.Pattern[str]:
    """One regex for a list of terms: whole words, longest first; a term in capitals matches only in capitals.

    >>> [m.group() for m in term_pattern(["IS", "Idlib"]).finditer("This is IS in idlib.")]
    ['IS', 'idlib']
    """
    alternatives = []
    for index, term in enumerate(sorted(terms, key=lambda t: (-len(t), t))):
        body = r"\s+".join(re.escape(word) for word in term.split())
        flags = "" if term.isupper() else "(?i)"
        alternatives.append(f"(?P<t{index}>{'(?i:' + body + ')' if flags else body})")
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")


def count_terms(text: str, terms: list[str]) -> dict[str, int]:
    """How often each term occurs in the text, each place counted once."""
    if not terms:
        return {}
    ordered = sorted(terms, key=lambda t: (-len(t), t))
    counts: Counter[str] = Counter()
    for match in term_pattern(terms).finditer(text):
        group = match.lastgroup
        assert group is not None
        counts[ordered[int(group[1:])]] += 1
    return dict(counts)


def article_text(article: Article) -> str:
    return "\n".join([article.front.title, *article.paragraphs])


def assign_themes(article: Article, themes: tuple[Theme, ...]) -> Article:
    """The article with its themes: the maintainer's list if set, else every theme whose terms it mentions enough."""
    if article.front.themes is not None:
        matches = [ThemeMatch(theme_id, by_maintainer=True) for theme_id in article.front.themes]
    else:
        text = article_text(article)
        matches = []
        for theme in themes:
            counts = count_terms(text, theme.terms)
            if counts and sum(counts.values()) >= theme.min_mentions:
                found = tuple(sorted(counts.items(), key=lambda item: (-item[1], item[0])))
                matches.append(ThemeMatch(theme.id, terms=found))
    if not matches:
        matches = [ThemeMatch(OTHER_THEME_ID)]
    return replace(article, themes=tuple(matches))
