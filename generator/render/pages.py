"""The site's Markdown pages: home, one per theme, one per article."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

import yaml

from generator.config import OTHER_THEME_ID, SiteData
from generator.model import Article, Theme, article_sort_key
from generator.render.text import GENERATED_NOTE, attribute, count_of, human_date, inline, paragraph

SITE_SUBJECT = (
    "Russian military and diplomatic involvement in the Syrian war, 2015–2018, as the press covered it, "
    "much of it state media"
)

_ROLE_NAMES = {
    "boilerplate": "boilerplate",
    "title": "headline",
    "title-repeat": "headline repeated",
    "author": "byline",
    "outlet": "outlet credit",
    "url": "source URL",
    "dateline": "dateline",
    "reference": "further reading",
    "separator": "post separator",
}


def _page(title: str, description: str, source: str, body: list[str]) -> str:
    """A page: front matter (title and meta description), the generated-file note, then the body."""
    meta = yaml.safe_dump(
        {"title": attribute(title), "description": attribute(description)},
        allow_unicode=True,
        sort_keys=False,
        width=100_000,
    )
    return "---\n" + meta + "---\n\n" + GENERATED_NOTE.format(source=source) + "\n\n" + "\n\n".join(body) + "\n"


def dated_as(article: Article) -> str:
    """The date and how it was established, in words: '7 September 2015, taken from the original URL'."""
    front = article.front
    if front.date is None:
        return "not established; the capture states none"
    how = {
        "text": f"stated in the text (“{inline(front.date_evidence or '')}”)",
        "url": "taken from the original URL",
        "maintainer": "set by a maintainer",
    }[front.date_source]
    return f"{human_date(front.date)}, {how}"


def _theme_links(article: Article, data: SiteData, prefix: str) -> str:
    links = []
    for match in article.themes:
        theme = data.theme(match.theme_id)
        link = f"[{inline(theme.title)}]({prefix}themes/{theme.id}.md)"
        if match.by_maintainer:
            link += " (set by a maintainer)"
        elif match.terms:
            link += " (" + ", ".join(f"“{inline(term)}” ×{count}" for term, count in match.terms) + ")"
        links.append(link)
    return "; ".join(links)


def article_page(article: Article, data: SiteData) -> str:
    """The page of one article: facts, the text paragraph for paragraph, further reading, provenance."""
    front = article.front
    outlet = data.outlet(front.outlet)
    url = f'<a href="{attribute(front.url)}" rel="nofollow">{attribute(front.url)}</a>' if front.url else "not recorded"
    facts = [
        f"- **Outlet:** {inline(outlet.name)}" + (f" ({inline(outlet.country)})" if outlet.country else ""),
        f"- **Author:** {inline(front.author) if front.author else 'not stated'}",
        f"- **Date:** {dated_as(article)}",
        f"- **Original URL:** {url}",
        f"- **Themes:** {_theme_links(article, data, '../')}",
    ]
    body = [f"# {inline(front.title)}", "\n".join(facts)]
    body.append(
        '<p class="disclaimer">This page reproduces the text as the outlet published it, for the record; '
        "the site documents coverage and endorses none of it.</p>"
    )
    if article.paragraphs:
        body.extend(paragraph(p) for p in article.paragraphs)
    else:
        body.append('<p class="disclaimer">The capture holds the headline only; there is no text.</p>')
    if front.references:
        body.append("## Further reading named in the source")
        body.append("\n".join(f"- {inline(ref.label)}: {inline(ref.title)}" for ref in front.references))
    body.append("## Provenance")
    body.append(_provenance(article))
    return _page(front.title, article.lead or front.title, f"content/{article.path}", body)


def _provenance(article: Article) -> str:
    front = article.front
    lines = [f"- **Maintained file:** content/{inline(article.path)}"]
    if front.source is None:
        lines.append("- **Raw capture:** none; a maintainer wrote this file by hand.")
        return "\n".join(lines)
    source = front.source
    lines += [
        f"- **Raw capture:** [{inline(source.file)}](../{source.file}), lines {source.first_line}–{source.last_line}",
        f"- **SHA-256 of those lines:** `{source.sha256}`",
    ]
    text = "\n".join(lines)
    if front.set_aside:
        rows = "".join(
            f"<tr><td>{s.line}</td><td>{_ROLE_NAMES[s.role]}{': ' + attribute(s.rule) if s.rule else ''}</td>"
            f"<td>{attribute(s.text)}</td></tr>"
            for s in front.set_aside
        )
        text += (
            "\n\nLines of the capture that are not in the text above:\n\n"
            '<div class="set-aside"><table><thead><tr><th scope="col">Line</th><th scope="col">What it is</th>'
            f'<th scope="col">Text as captured</th></tr></thead><tbody>{rows}</tbody></table></div>'
        )
    return text


def _article_item(article: Article, data: SiteData, prefix: str) -> str:
    outlet = data.outlet(article.front.outlet).name
    item = f"- [{inline(article.front.title)}]({prefix}articles/{article.slug}.md) — {inline(outlet)}, "
    item += human_date(article.front.date)
    if article.lead:
        item += f"  \n  {inline(article.lead)}"
    return item


def theme_page(theme: Theme, articles: list[Article], data: SiteData, extra: str = "") -> str:
    """A theme's intro, then its articles in date order, undated ones last under their own heading."""
    members = sorted((a for a in articles if theme.id in a.theme_ids), key=article_sort_key)
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
    if dated:
        body += ["## Dated articles", "\n".join(_article_item(a, data, "../") for a in dated)]
    if undated:
        body += [
            "## Undated articles",
            "The captures of these articles state no date, and none could be read from their URL.",
            "\n".join(_article_item(a, data, "../") for a in undated),
        ]
    return _page(theme.title, theme.summary, "content/themes.yml", body)


def home_page(articles: list[Article], data: SiteData) -> str:
    """What the site documents, in numbers, and the way in by theme."""
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
            f"- {inline(data.outlet(outlet_id).name)}: {count}"
            for outlet_id, count in sorted(outlets.items(), key=lambda item: (-item[1], data.outlet(item[0]).name))
        ),
        "## Data",
        "Every article's metadata, for research: [articles.json](data/articles.json) and "
        "[articles.csv](data/articles.csv), one record per article, sorted by slug.",
    ]
    description = f"A documentary record of {SITE_SUBJECT}: {len(articles)} articles by theme, with provenance."
    return _page("Home", description, "content/", body)


def nav_file(data: SiteData) -> str:
    """The navigation, following themes.yml; mkdocs.yml inherits it."""
    nav = [
        {"Home": "index.md"},
        {"Themes": [{attribute(t.title): f"themes/{t.id}.md"} for t in data.themes]},
        {"Coverage": "coverage.md"},
        {"Timeline": "timeline.md"},
        {"Map": "map.md"},
        {"Method": "method.md"},
    ]
    return (
        "# "
        + GENERATED_NOTE.format(source="content/themes.yml")
        + "\n"
        + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)
    )


def render_pages(
    articles: list[Article], data: SiteData, theme_extras: Mapping[str, str] | None = None
) -> dict[str, str]:
    """Every generated page, by its path under docs/; `theme_extras` goes on theme pages (their chart)."""
    pages = {"index.md": home_page(articles, data), ".generated-nav.yml": nav_file(data)}
    for theme in data.themes:
        pages[f"themes/{theme.id}.md"] = theme_page(theme, articles, data, (theme_extras or {}).get(theme.id, ""))
    for article in articles:
        pages[f"articles/{article.slug}.md"] = article_page(article, data)
    return pages
