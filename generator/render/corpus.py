"""The whole corpus as the page renderers see it: articles, data files, and the lookups between them."""

from __future__ import annotations

import functools
from collections import defaultdict
from collections.abc import Callable, Sequence
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
    def _by_theme(self) -> dict[str, list[Article]]:
        return {k: sorted(v, key=article_sort_key) for k, v in self._group(lambda a: a.theme_ids).items()}

    @functools.cached_property
    def _theme_positions(self) -> dict[tuple[str, str], int]:
        return {(t, a.slug): i for t, members in self._by_theme.items() for i, a in enumerate(members)}

    @functools.cached_property
    def _by_entity(self) -> dict[str, list[Article]]:
        return {k: sorted(v, key=article_sort_key) for k, v in self._group(lambda a: a.entity_ids).items()}

    @functools.cached_property
    def _by_outlet(self) -> dict[str, list[Article]]:
        return self._group(lambda a: (a.front.outlet,))

    def _group(self, keys: Callable[[Article], Sequence[str]]) -> dict[str, list[Article]]:
        """The articles under each key they have, in date order (the order of self.articles)."""
        groups: dict[str, list[Article]] = defaultdict(list)
        for article in self.articles:
            for key in keys(article):
                groups[key].append(article)
        return groups

    def in_theme(self, theme_id: str) -> list[Article]:
        """A theme's articles in date order, undated last: the order of its page and of previous/next.

        Sorted once per corpus, as `theme_position`; the list is shared: read it, do not change it.
        """
        return self._by_theme.get(theme_id, [])

    def theme_position(self, theme_id: str, article: Article) -> int:
        """Where an article stands in in_theme(theme_id)."""
        return self._theme_positions[(theme_id, article.slug)]

    def naming(self, entity_id: str) -> list[Article]:
        """The articles that name an entity (or that a maintainer tied to it), in date order (a shared list)."""
        return self._by_entity.get(entity_id, [])

    def published_by(self, outlet_id: str) -> list[Article]:
        """An outlet's articles in date order."""
        return sorted(self._by_outlet.get(outlet_id, []), key=article_sort_key)

    def page_url(self, article: Article) -> str:
        """The article's address on the published site."""
        return f"{self.site_url.rstrip('/')}/articles/{article.slug}/"
