"""The researchers' export: articles.json and articles.csv, one record per article, sorted by slug."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from generator.config import SiteData
from generator.model import Article

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
        "themes": article.theme_ids,
        "source": source.file if source else None,
        "source_lines": f"{source.first_line}-{source.last_line}" if source else None,
        "source_sha256": source.sha256 if source else None,
        "page": f"articles/{article.slug}/",
    }


def render_exports(articles: list[Article], data: SiteData) -> dict[str, str]:
    """data/articles.json and data/articles.csv, by path under docs/."""
    records = [article_record(a, data) for a in sorted(articles, key=lambda a: a.slug)]
    as_json = json.dumps(records, ensure_ascii=False, indent=2) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(records[0]) if records else ["slug"], lineterminator="\n")
    writer.writeheader()
    for record in records:
        writer.writerow({k: CSV_LIST_SEPARATOR.join(v) if isinstance(v, list) else v for k, v in record.items()})
    return {"data/articles.json": as_json, "data/articles.csv": buffer.getvalue()}
