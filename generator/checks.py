"""Checks across the whole corpus, run once every article has loaded and passed its own checks.

Each check is a function from the loaded Corpus to the problems it finds; CHECKS lists them, so a new check
is one function added there. The checks of a single article (its front matter, ids, date, raw capture) are in
site._check_article, because they run while the article is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from generator.config import SiteData
from generator.enrich.references import LINK_THRESHOLD, NEAR_MISS_THRESHOLD
from generator.errors import ContentError
from generator.model import Article
from generator.near_duplicates import find_near_duplicates
from generator.slug import capture_name_problem


@dataclass(frozen=True)
class Corpus:
    """Everything a check may look at: the site data, the articles that loaded, the raw files in content/raw/."""

    data: SiteData
    articles: tuple[Article, ...]
    raw_files: tuple[str, ...]  # relative to content/, e.g. raw/000_10b2880c700f6c0e.txt
    sources: frozenset[str] = frozenset()  # the raw files that readable articles name, valid or not


Check = Callable[[Corpus], list[ContentError]]


def _by_path(corpus: Corpus) -> list[Article]:
    """The articles in file order: a problem shared by two articles is reported on the later file."""
    return sorted(corpus.articles, key=lambda a: a.path)


def same_url(url: str) -> str:
    """A URL as the same page would be found again: no scheme, 'www.', fragment or trailing slash; host lower-case.

    >>> same_url("https://www.RT.com/news/437877-putin-idlib/#comments")
    'rt.com/news/437877-putin-idlib'
    """
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").removeprefix("www.")
    query = f"?{parts.query}" if parts.query else ""
    return f"{host}{parts.path.rstrip('/')}{query}"


def duplicate_urls(corpus: Corpus) -> list[ContentError]:
    """Two articles with the same original URL are one article captured twice."""
    first_with: dict[str, Article] = {}
    errors = []
    for article in _by_path(corpus):
        if article.front.url is None:
            continue
        earlier = first_with.setdefault(same_url(article.front.url), article)
        if earlier is not article:
            errors.append(
                ContentError(
                    f"content/{article.path}",
                    article.line_of("url"),
                    "url",
                    f"the same URL as content/{earlier.path}",
                    "it is one article captured twice: keep one of the two files",
                )
            )
    return errors


def near_identical_texts(corpus: Corpus) -> list[ContentError]:
    """Two articles with nearly the same text: a copy, unless two outlets published one text (then a warning)."""
    by_path = {a.path: a for a in corpus.articles}
    found = find_near_duplicates({a.path: "\n\n".join(a.paragraphs) for a in corpus.articles})
    reported: set[str] = set()
    errors = []
    for pair in found.pairs:
        if pair.second in reported:
            continue  # one report per file, naming the first file it copies
        reported.add(pair.second)
        first, second = by_path[pair.first], by_path[pair.second]
        outlets = {first.front.outlet, second.front.outlet}
        syndicated = len(outlets) == 2 and "unknown" not in outlets
        how = "the same text" if pair.similarity == 1.0 else f"nearly the same text ({pair.similarity:.0%} alike)"
        errors.append(
            ContentError(
                f"content/{second.path}",
                second.body_line,
                "text",
                f"{how} as content/{first.path}" + (", from another outlet" if syndicated else ""),
                "if both outlets published it, keep both; otherwise delete the copy"
                if syndicated
                else "it is one article captured twice: keep one of the two files",
                warning=syndicated,
            )
        )
    return errors


def unused_raw_files(corpus: Corpus) -> list[ContentError]:
    """A raw capture that no article comes from: an ingest that was not finished, or a leftover."""
    used = corpus.sources | {a.front.source.file for a in corpus.articles if a.front.source}
    return [
        ContentError(
            f"content/{raw}",
            None,
            None,
            "no article comes from this raw file",
            f"ingest it (python -m generator ingest content/{raw}), or delete it if it does not belong here",
        )
        for raw in corpus.raw_files
        # A file with a bad name is reported as such (rename it), not also as unused.
        if raw not in used and capture_name_problem(raw.removeprefix("raw/")) is None
    ]


def unlinked_references(corpus: Corpus) -> list[ContentError]:
    """Further-reading headlines that link to no article: each near miss, and one line for the rest of an article's.

    Warnings: a reference to an article outside the corpus is normal, and stays as text on the page.
    """
    problems = []
    for article in _by_path(corpus):
        where = (f"content/{article.path}", article.line_of("references"), "references")
        unmatched = []
        for linked in article.references:
            title = linked.reference.title
            if linked.is_link:
                continue
            if linked.closest and linked.similarity >= NEAR_MISS_THRESHOLD:
                message = (
                    f"“{title}” is {linked.similarity:g}% like the headline of content/articles/{linked.closest}.md, "
                    f"under the {LINK_THRESHOLD:g}% that links them"
                )
                hint = "if it is that article, copy its headline into the reference's title"
                problems.append(ContentError(*where, message, hint, warning=True))
            else:
                unmatched.append(f"“{title}”")
        if unmatched:
            message = f"{len(unmatched)} named as further reading match no article and show as text: " + "; ".join(
                unmatched
            )
            problems.append(ContentError(*where, message, "ingest one to make it a link", warning=True))
    return problems


CHECKS: tuple[Check, ...] = (duplicate_urls, near_identical_texts, unused_raw_files, unlinked_references)


def check_corpus(corpus: Corpus) -> list[ContentError]:
    """The problems every check finds."""
    return [problem for check in CHECKS for problem in check(corpus)]
