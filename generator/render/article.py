"""The page of one article: facts, the text, what it names, further reading, related articles, citing, provenance."""

from __future__ import annotations

import json
from collections import defaultdict

from generator.model import DATE_SOURCES, Article, Relation
from generator.render.cite import bibtex, csl_json, json_ld, plain_citation, script_json
from generator.render.corpus import Corpus
from generator.render.page import page
from generator.render.text import attribute, human_date, inline, paragraph

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
ENTITY_TYPE_TITLES = {
    "person": "People",
    "place": "Places",
    "organisation": "Organisations",
    "armed-group": "Armed groups",
    "aircraft": "Aircraft",
    "event": "Events",
}


def dated_as(article: Article) -> str:
    """The date and how it was established, in words: '7 September 2015, taken from the original URL'."""
    front = article.front
    if front.date is None and front.date_evidence:
        return f"not established; the capture’s dateline (“{inline(front.date_evidence)}”) names no real day"
    if front.date is None:
        return "not established; the capture states none"
    how = DATE_SOURCES[front.date_source]
    # The line the text states the date in, or the dataset's own value, shows what was read.
    if front.date_source in ("text", "dataset") and front.date_evidence:
        how += f" (“{inline(front.date_evidence)}”)"
    return f"{human_date(front.date)}, {how}"


def article_link(article: Article, prefix: str) -> str:
    """A Markdown link to an article page, from a page `prefix` away from the site root."""
    return f"[{inline(article.front.title)}]({prefix}articles/{article.slug}.md)"


def article_item(article: Article, corpus: Corpus, prefix: str) -> str:
    """A list item: linked headline, outlet and date, then the lead sentence."""
    outlet = corpus.data.outlet(article.front.outlet).name
    item = f"- {article_link(article, prefix)} — {inline(outlet)}, {human_date(article.front.date)}"
    if article.lead:
        item += f"  \n  {inline(article.lead)}"
    return item


def _theme_links(article: Article, corpus: Corpus) -> str:
    links = []
    for match in article.themes:
        theme = corpus.data.theme(match.theme_id)
        link = f"[{inline(theme.title)}](../themes/{theme.id}.md)"
        if match.by_maintainer:
            link += " (set by a maintainer)"
        elif match.terms:
            link += " (" + ", ".join(f"“{inline(term)}” ×{count}" for term, count in match.terms) + ")"
        links.append(link)
    return "; ".join(links)


def _facts(article: Article, corpus: Corpus) -> str:
    front = article.front
    outlet = corpus.data.outlet(front.outlet)
    url = f'<a href="{attribute(front.url)}" rel="nofollow">{attribute(front.url)}</a>' if front.url else "not recorded"
    country = f" ({inline(outlet.country)})" if outlet.country else ""
    return "\n".join(
        [
            f"- **Outlet:** [{inline(outlet.name)}](../outlets/{outlet.id}.md){country}",
            f"- **Author:** {inline(front.author) if front.author else 'not stated'}",
            f"- **Date:** {dated_as(article)}",
            f"- **Original URL:** {url}",
            f"- **Themes:** {_theme_links(article, corpus)}",
        ]
    )


def _named(article: Article, corpus: Corpus) -> list[str]:
    """The entities the article names, by type, each linked to its page."""
    by_type: dict[str, list[str]] = defaultdict(list)
    for mention in sorted(article.entities, key=lambda m: (-m.count, corpus.data.entity(m.entity_id).name)):
        entity = corpus.data.entity(mention.entity_id)
        how = " (added by a maintainer)" if mention.by_maintainer else f" ×{mention.count}"
        by_type[entity.type].append(f"[{inline(entity.name)}](../entities/{entity.id}.md){how}")
    if not by_type:
        return []
    lines = [
        f"- **{title}:** " + ", ".join(by_type[kind]) for kind, title in ENTITY_TYPE_TITLES.items() if by_type[kind]
    ]
    return ["## Named in this article", "\n".join(lines)]


def _further_reading(article: Article, corpus: Corpus) -> list[str]:
    if not article.references:
        return []
    items = []
    for linked in article.references:
        label, title = inline(linked.reference.label), inline(linked.reference.title)
        target = corpus.by_slug.get(linked.slug or "")
        if target:
            items.append(f"- {label}: [{title}](../articles/{target.slug}.md) (in this corpus)")
        else:
            items.append(f"- {label}: {title} (not in this corpus)")
    return ["## Further reading named in the source", "\n".join(items)]


def _backlinks(article: Article, corpus: Corpus) -> list[str]:
    if not article.backlinks:
        return []
    citing = [corpus.by_slug[slug] for slug in article.backlinks]
    return [
        "## Articles that name this one as further reading",
        "\n".join(f"- {article_link(other, '../')}" for other in citing),
    ]


def relation_reason(relation: Relation, corpus: Corpus) -> str:
    """Why two articles are related, in words a reader can check against both texts."""
    reasons = []
    if relation.entity_ids:
        names = [inline(corpus.data.entity(e).name) for e in relation.entity_ids]
        reasons.append("both name " + _and(names))
    if relation.theme_ids:
        reasons.append("both in " + _and([inline(corpus.data.theme(t).title) for t in relation.theme_ids]))
    if relation.words:
        reasons.append("shared words " + _and([f"“{inline(w)}”" for w in relation.words]))
    text = "; ".join(reasons)
    return text[:1].upper() + text[1:]


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _related(article: Article, corpus: Corpus) -> list[str]:
    if not article.related:
        return []
    items = []
    for relation in article.related:
        other = corpus.by_slug[relation.slug]
        outlet = inline(corpus.data.outlet(other.front.outlet).name)
        reason = relation_reason(relation, corpus)
        items.append(f"- {article_link(other, '../')} — {outlet}, {human_date(other.front.date)}  \n  {reason}.")
    return ["## Related articles", "\n".join(items)]


def _theme_sequence(article: Article, corpus: Corpus) -> list[str]:
    """Previous and next article in each of the article's themes, in the theme page's order."""
    lines = []
    for theme_id in article.theme_ids:
        members = corpus.in_theme(theme_id)
        position = corpus.theme_position(theme_id, article)
        title = inline(corpus.data.theme(theme_id).title)
        before = f"previous: {article_link(members[position - 1], '../')}" if position > 0 else "first in the theme"
        after = f"next: {article_link(members[position + 1], '../')}" if position + 1 < len(members) else "last"
        lines.append(f"- **[{title}](../themes/{theme_id}.md):** {before} · {after}")
    return ["## In the same theme", "\n".join(lines)]


def _cite(article: Article, corpus: Corpus) -> list[str]:
    """The 'Cite this' box: collapsed, three formats, each selectable text."""
    outlet = corpus.data.outlet(article.front.outlet)
    url = corpus.page_url(article)
    csl = json.dumps([csl_json(article, outlet, url)], ensure_ascii=False, indent=2)
    blocks = [
        ("Plain", plain_citation(article, outlet, url)),
        ("BibTeX", bibtex(article, outlet, url)),
        ("CSL-JSON", csl),
    ]
    inner = "".join(
        f'<p><strong>{name}</strong></p><pre tabindex="0"><code>{attribute(text)}</code></pre>' for name, text in blocks
    )
    return ["## Cite this", f'<details class="cite"><summary>Citation formats</summary>{inner}</details>']


def _provenance(article: Article) -> str:
    front = article.front
    lines = [f"- **Maintained file:** content/{inline(article.path)}"]
    if front.source is None:
        lines.append("- **Raw capture:** none; a maintainer wrote this file by hand.")
        return "\n".join(lines)
    source = front.source
    lines += [
        f"- **Raw capture:** [{inline(source.file)}](../{source.file}), "
        + _line_range(source.first_line, source.last_line),
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


def _line_range(first: int, last: int) -> str:
    """'lines 3–9', or 'line 3' for one line (a dataset record)."""
    return f"line {first}" if first == last else f"lines {first}–{last}"


def article_page(article: Article, corpus: Corpus) -> str:
    """The page of one article."""
    front = article.front
    body = [f"# {inline(front.title)}", _facts(article, corpus)]
    body.append(
        '<p class="disclaimer">This page reproduces the text as the outlet published it, for the record; '
        "the site documents coverage and endorses none of it.</p>"
    )
    if article.paragraphs:
        body.extend(paragraph(p) for p in article.paragraphs)
    else:
        body.append('<p class="disclaimer">The capture holds the headline only; there is no text.</p>')
    body += _named(article, corpus)
    body += _further_reading(article, corpus)
    body += _backlinks(article, corpus)
    body += _related(article, corpus)
    body += _theme_sequence(article, corpus)
    body += _cite(article, corpus)
    body += ["## Provenance", _provenance(article)]
    about = [
        {"@type": "Thing", "name": corpus.data.entity(e).name}
        | ({"sameAs": f"https://www.wikidata.org/wiki/{w}"} if (w := corpus.data.entity(e).wikidata) else {})
        for e in article.entity_ids
    ]
    meta = {
        "entities": list(article.entity_ids),
        "jsonld": script_json(json_ld(article, corpus.data.outlet(front.outlet), corpus.page_url(article), about)),
    }
    return page(front.title, article.lead or front.title, f"content/{article.path}", body, meta)
