"""What ingest inferred about a new article, as plain text for the maintainer to review before committing."""

from __future__ import annotations

from generator.config import SiteData
from generator.model import DATE_SOURCES, Article
from generator.render.text import count_of

THEMES_HINT = "inferred from content/themes.yml; list themes: [...] in the file to choose them"


def _date(article: Article) -> str:
    front = article.front
    if front.date is None:
        return "none: not established (set date, and date_source: maintainer, once you have checked one)"
    # The URL is shown on its own line; a dateline or a dataset's value is quoted here.
    evidence = f" ({front.date_evidence!r})" if front.date_evidence and front.date_source != "url" else ""
    return f"{front.date.isoformat()}, {DATE_SOURCES[front.date_source]}{evidence}"


def _themes(article: Article) -> str:
    found = []
    for match in article.themes:
        terms = ", ".join(f"{term} ×{count}" for term, count in match.terms)
        found.append(f"{match.theme_id} ({terms})" if terms else match.theme_id)
    return "; ".join(found)


def review(path: str, article: Article, data: SiteData) -> str:
    """The front matter a maintainer checks, one field a line, under the article file's path."""
    front = article.front
    words = sum(len(p.split()) for p in article.paragraphs)
    lines = [
        path,
        f"    title:  {front.title}",
        f"    outlet: {front.outlet} ({data.outlet(front.outlet).name})",
        *([f"    url:    {front.url}"] if front.url else []),
        f"    date:   {_date(article)}",
        f"    themes: {_themes(article)} ({THEMES_HINT})",
        f"    text:   {count_of(len(article.paragraphs), 'paragraph')}, {count_of(words, 'word')}",
    ]
    return "\n".join(lines)
