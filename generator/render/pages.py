"""The site's Markdown pages: home, themes, and the navigation; the other page types have modules of their own."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

import yaml

from generator.config import OTHER_THEME_ID, SiteData
from generator.model import Article, Theme
from generator.render.article import article_item, article_page
from generator.render.corpus import Corpus
from generator.render.entities import entity_index, entity_pages
from generator.render.listing import article_list
from generator.render.outlets import outlet_index, outlet_pages
from generator.render.page import page
from generator.render.text import GENERATED_NOTE, attribute, count_of, human_date, inline

SITE_SUBJECT = (
    "Russian military and diplomatic involvement in the Syrian war, 2015–2018, as the press covered it, "
    "much of it state media"
)


def theme_pages(theme: Theme, corpus: Corpus, extra: str = "") -> dict[str, str]:
    """A theme's intro, then its articles in date order, undated ones last; a long list on a page per period."""
    members = corpus.in_theme(theme.id)
    dated = [a for a in members if a.front.date]
    undated = [a for a in members if not a.front.date]
    body = [f"# {inline(theme.title)}", inline(theme.intro)]
    if theme.id == OTHER_THEME_ID:
        body.append("These articles matched the terms of no theme (see [how themes are assigned](../method.md)).")
    else:
        terms = ", ".join(f"“{inline(t)}”" for t in theme.terms)
        body.append(
            f"An article is here when it mentions {terms} at least {theme.min_mentions} "
            f"time{'s' if theme.min_mentions > 1 else ''} in all, or when a maintainer placed it here."
        )
    span = f", from {human_date(dated[0].front.date)} to {human_date(dated[-1].front.date)}" if dated else ""
    body.append(f"**{count_of(len(members), 'article')}**{span}; {len(undated)} undated.")
    if extra:
        body.append(extra)

    def items(articles: Sequence[Article], prefix: str) -> list[str]:
        with_date = [a for a in articles if a.front.date]
        without = [a for a in articles if not a.front.date]
        shown = (
            ["## Dated articles", "\n".join(article_item(a, corpus, prefix) for a in with_date)] if with_date else []
        )
        if without:
            shown += [
                "## Undated articles",
                "The captures of these articles state no date, and none could be read from their URL.",
                "\n".join(article_item(a, corpus, prefix) for a in without),
            ]
        return shown

    folder = f"themes/{theme.id}"
    listed, pages = article_list(
        members, folder, theme.title, "content/themes.yml", items, corpus.data.listing_page_limit
    )
    return {f"{folder}.md": page(theme.title, theme.summary, "content/themes.yml", body + listed), **pages}


def home_page(corpus: Corpus) -> str:
    """What the site documents, in numbers, and the way in by theme, outlet and entity."""
    articles, data = corpus.articles, corpus.data
    dated = sorted(a.front.date for a in articles if a.front.date)
    outlets = Counter(a.front.outlet for a in articles)
    theme_counts = Counter(theme_id for a in articles for theme_id in a.theme_ids)
    body = [
        "# Russia in the Syrian war: the coverage",
        f"This site documents {SITE_SUBJECT}. It collects **{count_of(len(articles), 'article')}** from "
        f"**{count_of(len(outlets), 'outlet')}**"
        + (f", dated from {human_date(dated[0])} to {human_date(dated[-1])}" if dated else "")
        + f" ({len(articles) - len(dated)} undated).",
        "The texts are partisan, and many come from state-owned or state-funded media. The site shows them as "
        "published, with where each came from and how its date was established; it endorses none of them. "
        "[How the site is made](method.md) explains what the generator changes and what it leaves alone.",
        "## Themes",
        "\n".join(
            f"- [{inline(t.title)}](themes/{t.id}.md) ({count_of(theme_counts[t.id], 'article')}): {inline(t.summary)}"
            for t in data.themes
        ),
        "## Outlets",
        "\n".join(
            f"- [{inline(data.outlet(outlet_id).name)}](outlets/{outlet_id}.md): {count}"
            for outlet_id, count in sorted(outlets.items(), key=lambda item: (-item[1], data.outlet(item[0]).name))
        ),
        "[All outlets, with who owns them](outlets/index.md) · "
        f"[The {len(data.entities)} people, places and groups the articles name](entities/index.md)",
        "## Data",
        "Every article's metadata, for research: [articles.json](data/articles.json) and "
        "[articles.csv](data/articles.csv), one record per article, sorted by slug; the entities in "
        "[entities.json](data/entities.json).",
    ]
    description = f"A documentary record of {SITE_SUBJECT}: {len(articles)} articles by theme, with provenance."
    return page("Home", description, "content/", body)


def nav_file(data: SiteData) -> str:
    """The navigation, following themes.yml; mkdocs.yml inherits it."""
    nav = [
        {"Home": "index.md"},
        {"Themes": [{attribute(t.title): f"themes/{t.id}.md"} for t in data.themes]},
        {"Coverage": "coverage.md"},
        {"Timeline": "timeline.md"},
        {"Map": "map.md"},
        {"Outlets": "outlets/index.md"},
        {"People, places and groups": "entities/index.md"},
        {"Method": "method.md"},
        {"Broken and hostile input": "input.md"},
    ]
    return (
        "# "
        + GENERATED_NOTE.format(source="content/themes.yml")
        + "\n"
        + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    )


def render_pages(corpus: Corpus, theme_extras: Mapping[str, str] | None = None) -> dict[str, str]:
    """Every generated page, by its path under docs/; `theme_extras` goes on theme pages (their chart)."""
    pages = {"index.md": home_page(corpus), ".generated-nav.yml": nav_file(corpus.data)}
    for theme in corpus.data.themes:
        pages |= theme_pages(theme, corpus, (theme_extras or {}).get(theme.id, ""))
    for article in corpus.articles:
        pages[f"articles/{article.slug}.md"] = article_page(article, corpus)
    pages["outlets/index.md"] = outlet_index(corpus)
    for outlet in corpus.data.outlets:
        pages |= outlet_pages(outlet, corpus)
    pages["entities/index.md"] = entity_index(corpus)
    for entity in corpus.data.entities:
        pages |= entity_pages(entity, corpus)
    return pages
