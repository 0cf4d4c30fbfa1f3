"""Match the headlines an article names as further reading to the articles of the corpus, and count backlinks."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from itertools import combinations

from rapidfuzz import fuzz

from generator.model import Article, LinkedReference

# A reference links to an article when their headlines, normalised, are at least this similar (0-100,
# rapidfuzz's ratio: 100 less the share of characters to edit). Measured on the seeds: a typo scores 98,
# a dropped word ("from Syria's Idlib" -> "from Idlib") 93, the same story reworded ("Putin: driving out
# militants from Idlib is top priority") 75-79, and the closest unrelated headline 40-50. So 90 links
# copies with small differences and never a rewording, which `check` reports as a near miss instead.
LINK_THRESHOLD = 90.0
# Below the threshold but at least this similar: reported by `check` as a near miss, for a maintainer to judge.
NEAR_MISS_THRESHOLD = 70.0
# How many of a headline's rarest words pick the candidates it is compared with: no all-pairs comparison.
CANDIDATE_WORDS = 3
# Comparing with every headline that has one of those words is cheap while they are rare. In a large corpus with a
# small vocabulary even the rarest words are in hundreds of headlines, and the work per reference would grow with the
# corpus: when those words are in more than CANDIDATE_LIMIT headlines, a headline is compared only with those that
# have two of its PAIR_WORDS rarest words among their own PAIR_WORDS rarest (an index of word pairs finds them).
CANDIDATE_LIMIT = 50
PAIR_WORDS = 4

_TAG = re.compile(r"^\s*\[[^\]]*\]\s*")  # "[Video] ", "[UPDATE] "
_WORD = re.compile(r"\w+")


def normal_headline(title: str) -> str:
    """A headline reduced to its words: no '[Video]' tag, quotes, dashes or case.

    >>> normal_headline("[Video] ‘Don’t test us’: Haley threatens US strikes – RT")
    'don t test us haley threatens us strikes rt'
    """
    return " ".join(_WORD.findall(_TAG.sub("", title).lower()))


class HeadlineIndex:
    """The corpus's headlines, indexed whole, by word and by pairs of rare words, to find the closest to a quote."""

    def __init__(self, articles: list[Article]) -> None:
        self._headlines = {a.slug: normal_headline(a.front.title) for a in articles}
        self._by_word: dict[str, set[str]] = defaultdict(set)
        self._by_headline: dict[str, list[str]] = defaultdict(list)
        for slug, headline in sorted(self._headlines.items()):
            if headline:  # a headline without words matches nothing
                self._by_headline[headline].append(slug)
            for word in set(headline.split()):
                self._by_word[word].add(slug)
        self._by_pair: dict[tuple[str, str], set[str]] = defaultdict(set)
        for slug, headline in self._headlines.items():
            for pair in combinations(self._rarest(headline)[:PAIR_WORDS], 2):
                self._by_pair[pair].add(slug)

    def _rarest(self, headline: str) -> list[str]:
        """The headline's words that the corpus's headlines use, rarest first."""
        return sorted(set(headline.split()) & self._by_word.keys(), key=lambda w: (len(self._by_word[w]), w))

    def _candidates(self, words: list[str]) -> set[str]:
        """The headlines to compare with one whose words, rarest first, are `words`."""
        sharing_one = [self._by_word[w] for w in words[:CANDIDATE_WORDS]]
        if sum(len(slugs) for slugs in sharing_one) <= CANDIDATE_LIMIT:
            return set().union(*sharing_one)
        return set().union(*(self._by_pair.get(pair, ()) for pair in combinations(words[:PAIR_WORDS], 2)))

    def closest(self, title: str, exclude: str) -> tuple[str | None, float]:
        """The article whose headline is most like `title` and how alike (0-100); ties go to the first slug."""
        wanted = normal_headline(title)
        # A copy, as most quotes are, needs no comparison: it scores 100.0. Any other headline is at least one edit
        # away in fewer than 2,000 characters (titles have at most MAX_TITLE_LENGTH), so it scores under 99.95.
        copies = [slug for slug in self._by_headline.get(wanted, ()) if slug != exclude]
        if copies:
            return copies[0], 100.0
        best: tuple[str | None, float] = (None, 0.0)
        for slug in sorted(self._candidates(self._rarest(wanted)) - {exclude}):
            score = round(fuzz.ratio(wanted, self._headlines[slug]), 1)
            if score > best[1]:
                best = (slug, score)
        return best


def link_references(articles: list[Article]) -> list[Article]:
    """Each article with its references matched to corpus articles, and its backlinks from the others."""
    index = HeadlineIndex(articles)
    linked: list[Article] = []
    backlinks: dict[str, list[str]] = defaultdict(list)
    for article in articles:
        references = []
        for reference in article.front.references:
            slug, similarity = index.closest(reference.title, exclude=article.slug)
            is_link = slug is not None and similarity >= LINK_THRESHOLD
            references.append(LinkedReference(reference, slug, similarity, is_link))
            if is_link and slug is not None and article.slug not in backlinks[slug]:
                backlinks[slug].append(article.slug)
        linked.append(replace(article, references=tuple(references)))
    return [replace(a, backlinks=tuple(sorted(backlinks[a.slug]))) for a in linked]
