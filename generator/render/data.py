"""The researchers' export: articles.json and .csv, one record per article sorted by slug, and entities.json."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.config import SiteData
from generator.model import Article
from generator.render.corpus import Corpus

CSV_LIST_SEPARATOR = ";"


def article_record(article: Article, data: SiteData) -> dict[str, Any]:
    """The exported fields of one article, in a fixed order."""
    front = article.front
    source = front.source
    return {
        "slug": article.slug,
        "title": front.title,
        "date": front.date.isoformat() if front.date else None,
        "date_source": front.date_source,
        "date_evidence": front.date_evidence,
        "outlet": data.outlet(front.outlet).name,
        "outlet_id": front.outlet,
        "author": front.author,
        "url": front.url,
        "themes": list(article.theme_ids),
        "source": source.file if source else None,
        "source_lines": f"{source.first_line}-{source.last_line}" if source else None,
        "source_sha256": source.sha256 if source else None,
        "page": f"articles/{article.slug}/",
        "entities": list(article.entity_ids),
        "related": [r.slug for r in article.related],
    }


def entity_records(corpus: Corpus) -> list[dict[str, Any]]:
    """Each entity from entities.yml with the slugs of the articles that name it, sorted by id."""
    return [
        {
            **entity.model_dump(mode="json"),
            "page": f"entities/{entity.id}/",
            "articles": sorted(a.slug for a in corpus.naming(entity.id)),
        }
        for entity in sorted(corpus.data.entities, key=lambda e: e.id)
    ]


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


def render_exports(corpus: Corpus) -> dict[str, str]:
    """data/articles.json, data/articles.csv and data/entities.json, by path under docs/."""
    records = [article_record(a, corpus.data) for a in sorted(corpus.articles, key=lambda a: a.slug)]
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(records[0]) if records else ["slug"], lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: CSV_LIST_SEPARATOR.join(v) if isinstance(v, list) else v for k, v in record.items()})
    return {
        "data/articles.json": _json(records),
        "data/articles.csv": buffer.getvalue(),
        "data/entities.json": _json(entity_records(corpus)),
    }
