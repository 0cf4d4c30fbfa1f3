"""The whole corpus as the page renderers see it: articles, data files, and the lookups between them."""

from __future__ import annotations

import functools
from collections import defaultdict
from dataclasses import dataclass

from generator.config import SiteData
from generator.model import Article, article_sort_key


@dataclass(frozen=True)
class Corpus:
    """Enriched articles in date order, the site's data files, and where the site is published."""

    articles: tuple[Article, ...]
    data: SiteData
    site_url: str

    @functools.cached_property
    def by_slug(self) -> dict[str, Article]:
        return {a.slug: a for a in self.articles}

    @functools.cached_property
    def _by_theme(self) -> dict[str, tuple[Article, ...]]:
        members = defaultdict(list)
        for article in self.articles:
            for theme_id in article.theme_ids:
                members[theme_id].append(article)
        return {theme_id: tuple(sorted(found, key=article_sort_key)) for theme_id, found in members.items()}

    @functools.cached_property
    def _theme_positions(self) -> dict[tuple[str, str], int]:
        return {(t, a.slug): i for t, members in self._by_theme.items() for i, a in enumerate(members)}

    @functools.cached_property
    def _by_entity(self) -> dict[str, tuple[Article, ...]]:
        naming = defaultdict(list)
        for article in self.articles:
            for entity_id in article.entity_ids:
                naming[entity_id].append(article)
        return {entity_id: tuple(sorted(found, key=article_sort_key)) for entity_id, found in naming.items()}

    @functools.cached_property
    def _by_outlet(self) -> dict[str, list[Article]]:
        published = defaultdict(list)
        for article in self.articles:
            published[article.front.outlet].append(article)
        return published

    def in_theme(self, theme_id: str) -> tuple[Article, ...]:
        """A theme's articles in date order, undated last: the order of its page and of previous/next."""
        return self._by_theme.get(theme_id, ())

    def theme_position(self, theme_id: str, article: Article) -> int:
        """Where an article stands in in_theme(theme_id)."""
        return self._theme_positions[(theme_id, article.slug)]

    def naming(self, entity_id: str) -> tuple[Article, ...]:
        """The articles that name an entity (or that a maintainer tied to it), in date order."""
        return self._by_entity.get(entity_id, ())

    def published_by(self, outlet_id: str) -> list[Article]:
        """An outlet's articles in date order."""
        return sorted(self._by_outlet.get(outlet_id, []), key=article_sort_key)

    def page_url(self, article: Article) -> str:
        """The article's address on the published site."""
        return f"{self.site_url.rstrip('/')}/articles/{article.slug}/"
