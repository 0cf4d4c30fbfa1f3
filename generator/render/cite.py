"""How to cite an article: a plain reference, BibTeX, CSL-JSON, and schema.org JSON-LD for the page head."""

from __future__ import annotations

import json
import re
from typing import Any

from generator.model import Article, Outlet
from generator.render.text import human_date

SITE_NAME = "Russia in Syria, 2015–2018"
# BibTeX's special characters, each escaped with a backslash so a headline cannot break the entry.
_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")


def plain_citation(article: Article, outlet: Outlet, page_url: str) -> str:
    """Author (or outlet), “Headline”, Outlet, date, original URL; then where this copy is.

    The site is cited as the archive that holds the copy, never as the author.
    """
    front = article.front
    parts = [f"{front.author}." if front.author else "", f"“{front.title}.”", f"{outlet.name},"]
    parts.append(f"{human_date(front.date)}." if front.date else "undated.")
    if front.url:
        parts.append(f"{front.url}.")
    parts.append(f"Copy in {SITE_NAME}: {page_url}.")
    return " ".join(p for p in parts if p)


def _bibtex_value(text: str) -> str:
    return _BIBTEX_SPECIAL.sub(r"\\\1", " ".join(text.split()))


def bibtex(article: Article, outlet: Outlet, page_url: str) -> str:
    """A BibTeX @online entry keyed by the slug."""
    front = article.front
    fields = [("title", front.title), ("organization", outlet.name)]
    if front.author:
        fields.append(("author", front.author))
    if front.date:
        fields.append(("date", front.date.isoformat()))
    if front.url:
        fields.append(("url", front.url))
    fields.append(("note", f"Copy in {SITE_NAME}: {page_url}"))
    body = ",\n".join(f"  {name} = {{{_bibtex_value(value)}}}" for name, value in fields)
    return f"@online{{{article.slug},\n{body}\n}}"


def csl_json(article: Article, outlet: Outlet, page_url: str) -> dict[str, Any]:
    """A CSL-JSON item, as reference managers import it."""
    front = article.front
    item: dict[str, Any] = {"id": article.slug, "type": "article-newspaper", "title": front.title}
    item["container-title"] = outlet.name
    if front.author:
        item["author"] = [{"literal": front.author}]
    if front.date:
        item["issued"] = {"date-parts": [[front.date.year, front.date.month, front.date.day]]}
    item["URL"] = front.url or page_url
    item["note"] = f"Copy in {SITE_NAME}: {page_url}"
    return item


def json_ld(article: Article, outlet: Outlet, page_url: str, about: list[dict[str, str]]) -> dict[str, Any]:
    """schema.org NewsArticle for the page head: the copy, based on the original."""
    front = article.front
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": front.title,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "publisher": {"@type": "Organization", "name": outlet.name},
    }
    if front.date:
        data["datePublished"] = front.date.isoformat()
    if front.author:
        data["author"] = {"@type": "Person", "name": front.author}
    if front.url:
        data["isBasedOn"] = front.url
    if about:
        data["about"] = about
    return data


def script_json(data: Any) -> str:
    """JSON safe inside a <script> element: no '<', '>' or '&' that could end it or open a comment."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
