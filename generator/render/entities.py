"""A page per entity (what the corpus says where, and with whom), and the index of entities by type."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from generator.model import Article, Entity
from generator.render.article import ENTITY_TYPE_TITLES, article_link
from generator.render.corpus import Corpus
from generator.render.listing import article_list
from generator.render.page import page
from generator.render.text import count_of, human_date, inline

CO_MENTION_LIMIT = 10
OUTLET_LIMIT = 10


def _facts(entity: Entity) -> str:
    lines = [f"- **Type:** {entity.type.replace('-', ' ')}"]
    if entity.aliases:
        lines.append("- **Also written:** " + ", ".join(inline(a) for a in entity.aliases))
    if entity.wikidata:
        lines.append(f"- **Wikidata:** [{entity.wikidata}](https://www.wikidata.org/wiki/{entity.wikidata})")
    if entity.coordinates:
        lat, lon = entity.coordinates.lat, entity.coordinates.lon
        lines.append(
            f"- **Coordinates:** {abs(lat):g}° {'N' if lat >= 0 else 'S'}, {abs(lon):g}° {'E' if lon >= 0 else 'W'}"
        )
    return "\n".join(lines)


def entity_pages(entity: Entity, corpus: Corpus) -> dict[str, str]:
    """Description, spellings, and every article that names the entity with the sentence where it first does
    (a long list on a page per period)."""
    naming = corpus.naming(entity.id)
    dated = [a.front.date for a in naming if a.front.date]
    body = [f"# {inline(entity.name)}", inline(entity.description), _facts(entity)]
    folder = f"entities/{entity.id}"
    if not naming:
        body.append("No article in the corpus names it yet.")
        return {f"{folder}.md": page(entity.name, entity.description, "content/entities.yml", body)}
    span = f", first on {human_date(min(dated))}, last on {human_date(max(dated))}" if dated else ""
    body.append(f"**Named in {count_of(len(naming), 'article')}**{span}; {len(naming) - len(dated)} undated.")
    outlets = Counter(a.front.outlet for a in naming)
    body += [
        "## Outlets that name it most",
        "\n".join(
            f"- [{inline(corpus.data.outlet(o).name)}](../outlets/{o}.md): {count_of(n, 'article')}"
            for o, n in sorted(outlets.items(), key=lambda item: (-item[1], corpus.data.outlet(item[0]).name))[
                :OUTLET_LIMIT
            ]
        ),
    ]
    together: Counter[str] = Counter()
    for article in naming:
        together.update(article.entity_ids)
    del together[entity.id]
    if together:
        ranked = sorted(together.items(), key=lambda item: (-item[1], corpus.data.entity(item[0]).name))
        body += [
            "## Most often named with it",
            "\n".join(
                f"- [{inline(corpus.data.entity(e).name)}]({e}.md): in {count_of(n, 'article')}"
                for e, n in ranked[:CO_MENTION_LIMIT]
            ),
        ]

    def items(articles: Sequence[Article], prefix: str) -> list[str]:
        listed = "\n".join(_naming_item(entity, article, corpus, prefix) for article in articles)
        return ["## Articles that name it", "Each with the sentence where it is first named.", listed]

    listed, pages = article_list(
        naming, folder, entity.name, "content/entities.yml", items, corpus.data.listing_page_limit
    )
    return {f"{folder}.md": page(entity.name, entity.description, "content/entities.yml", body + listed), **pages}


def _naming_item(entity: Entity, article: Article, corpus: Corpus, prefix: str) -> str:
    """A list item: the linked headline, outlet and date, and the sentence that first names the entity."""
    mention = article.mention_of(entity.id)
    outlet = inline(corpus.data.outlet(article.front.outlet).name)
    if mention.first_sentence is None:
        where = "Added by a maintainer; the text does not name it."
    elif mention.first_sentence == article.front.title:
        where = "Named in the headline."
    else:
        where = f"“{inline(mention.first_sentence)}”"
    return f"- {article_link(article, prefix)} — {outlet}, {human_date(article.front.date)}  \n  {where}"


def entity_index(corpus: Corpus) -> str:
    """Every entity, by type, with how many articles name it."""
    counts = Counter(e for a in corpus.articles for e in a.entity_ids)
    body = [
        "# People, places and groups",
        "The people, places, organisations, armed groups, aircraft and events the articles name, from "
        "content/entities.yml. Each page lists the articles that name it. A name is found as a whole word in any "
        "of its spellings; a maintainer can add or remove one for an article by hand.",
    ]
    for kind, title in ENTITY_TYPE_TITLES.items():
        members = sorted((e for e in corpus.data.entities if e.type == kind), key=lambda e: (-counts[e.id], e.name))
        if members:
            body.append(f"## {title} ({len(members)})")
            body.append(
                "\n".join(f"- [{inline(e.name)}]({e.id}.md): {count_of(counts[e.id], 'article')}" for e in members)
            )
    description = f"The {len(corpus.data.entities)} people, places and groups the articles name, with their articles."
    return page("People, places and groups", description, "content/entities.yml", body)
