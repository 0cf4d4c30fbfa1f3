"""A page per outlet (who it is, who owns it, what it published), and the index of outlets."""

from __future__ import annotations

from collections import Counter

from generator.model import Outlet
from generator.render.article import article_item
from generator.render.corpus import Corpus
from generator.render.listing import article_list
from generator.render.page import page
from generator.render.text import attribute, count_of, human_date, inline


def _facts(outlet: Outlet) -> str:
    lines = [f"- **Country:** {inline(outlet.country) if outlet.country else 'not recorded'}"]
    if outlet.ownership:
        source = outlet.ownership_source or ""
        lines.append(
            f"- **Ownership or affiliation:** {inline(outlet.ownership)} "
            f'(source: <a href="{attribute(source)}" rel="nofollow">{attribute(source)}</a>)'
        )
    else:
        lines.append("- **Ownership or affiliation:** not recorded")
    if outlet.domains:
        lines.append("- **Web domains:** " + ", ".join(inline(d) for d in outlet.domains))
    return "\n".join(lines)


def outlet_pages(outlet: Outlet, corpus: Corpus) -> dict[str, str]:
    """The outlet's facts, then its articles with their themes and dates; a long list on a page per period."""
    published = corpus.published_by(outlet.id)
    body = [f"# {inline(outlet.name)}", _facts(outlet)]
    folder = f"outlets/{outlet.id}"
    pages: dict[str, str] = {}
    if not published:
        body.append("No article in the corpus comes from this outlet yet.")
    else:
        dated = [a.front.date for a in published if a.front.date]
        span = f", from {human_date(min(dated))} to {human_date(max(dated))}" if dated else ""
        themes = Counter(t for a in published for t in a.theme_ids)
        body.append(f"**{count_of(len(published), 'article')}**{span}; {len(published) - len(dated)} undated.")
        body.append(
            "Themes: "
            + ", ".join(
                f"[{inline(corpus.data.theme(t).title)}](../themes/{t}.md) ({n})"
                for t, n in sorted(themes.items(), key=lambda item: (-item[1], item[0]))
            )
            + "."
        )
        listed, pages = article_list(
            published,
            folder,
            outlet.name,
            "content/outlets.yml",
            lambda articles, prefix: ["## Articles", "\n".join(article_item(a, corpus, prefix) for a in articles)],
            corpus.data.listing_page_limit,
        )
        body += listed
    description = f"{outlet.name}: who publishes it and the {count_of(len(published), 'article')} of it in the corpus."
    return {f"{folder}.md": page(outlet.name, description, "content/outlets.yml", body), **pages}


def outlet_index(corpus: Corpus) -> str:
    """Every outlet with its country, ownership and number of articles, most articles first."""
    counts = Counter(a.front.outlet for a in corpus.articles)
    # An HTML table: a '|' in a name cannot break it.
    rows = "".join(
        f'<tr><td><a href="{o.id}/">{attribute(o.name)}</a></td><td>{attribute(o.country or "—")}</td>'
        f"<td>{attribute(o.ownership or 'not recorded')}</td><td>{counts[o.id]}</td></tr>"
        for o in sorted(corpus.data.outlets, key=lambda o: (-counts[o.id], o.name))
    )
    body = [
        "# Outlets",
        "Who published the articles. Ownership notes say who owns or funds an outlet, with their source on the "
        "outlet's page; many of these outlets are state-owned or state-funded.",
        '<table><thead><tr><th scope="col">Outlet</th><th scope="col">Country</th>'
        '<th scope="col">Ownership or affiliation</th><th scope="col">Articles</th></tr></thead>'
        f"<tbody>{rows}</tbody></table>",
    ]
    description = f"The {len(corpus.data.outlets)} outlets whose articles the site documents, with their ownership."
    return page("Outlets", description, "content/outlets.yml", body)
