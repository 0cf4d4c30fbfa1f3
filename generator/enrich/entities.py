"""Find the people, places, groups and events each article names, with the sentence where each is first named."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from generator.enrich.names import NameFinder
from generator.model import Article, Entity, EntityMention, sentence_around


def entity_finder(entities: tuple[Entity, ...]) -> NameFinder[str]:
    """A finder for every name and alias of every entity, each answering with the entity's id."""
    return NameFinder({name: entity.id for entity in entities for name in entity.names})


def find_entities(article: Article, finder: NameFinder[str]) -> Article:
    """The article with the entities its headline and text name, corrected by the maintainer's add/remove lists."""
    counts: Counter[str] = Counter()
    first: dict[str, str] = {}
    for text in (article.front.title, *article.paragraphs):
        for entity_id, match in finder.finditer(text):
            counts[entity_id] += 1
            if entity_id not in first:
                first[entity_id] = sentence_around(text, match.start)
    edits = article.front.entities
    removed = set(edits.remove) if edits else set()
    mentions = [EntityMention(e, counts[e], first[e]) for e in first if e not in removed]
    if edits:
        mentions += [EntityMention(e, 0, None) for e in dict.fromkeys(edits.add) if e not in first]
    return replace(article, entities=tuple(mentions))
