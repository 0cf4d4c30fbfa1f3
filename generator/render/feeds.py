"""Atom feeds: feed.xml for the whole site and feed-<theme>.xml for each theme.

They sit at the site's root because Material reads every <link rel="alternate"> as another version of
the site and fetches the sitemap.xml beside it: at the root, that is the site's own sitemap (an index of a
few hundred bytes: overrides/sitemap.xml).

Deterministic: an entry's time is its article's date (midnight UTC), a feed's `updated` the newest of
its entries (or of the site's dated articles, when the feed has none; or the period's start), never the
clock. Links are relative to the feed's own address (RFC 4287 allows it), so the feeds need not know
where the site is published; ids are name-based UUIDs of the page paths, stable wherever it is.

Undated articles are not in the feeds: Atom requires each entry's date, and the site never invents one.
Each feed's subtitle says how many it leaves out and points to the timeline, which lists them.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from generator.config import SiteData
from generator.model import Article

SITE_TITLE = "Russia in Syria, 2015–2018"
# A feed holds the newest entries only: a reader polls it again and again, and should not download the archive.
FEED_ENTRIES = 50
# A fixed namespace: ids are uuid5(NAMESPACE, page path), the same on every build.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "russia-in-syria-coverage")


def _id(path: str) -> str:
    return f"urn:uuid:{uuid.uuid5(NAMESPACE, path)}"


def _time(date: dt.date) -> str:
    return f"{date.isoformat()}T00:00:00Z"


def newest_entries_first(article: Article) -> tuple[str, str]:
    """Newest first; the slug breaks ties (reversed with the date, so the order is total)."""
    assert article.front.date is not None
    return (article.front.date.isoformat(), article.slug)


def _entry(article: Article, data: SiteData) -> str:
    front = article.front
    assert front.date is not None
    author = front.author or data.outlet(front.outlet).name
    categories = "".join(
        f"<category term={quoteattr(t)} label={quoteattr(data.theme(t).title)}/>" for t in article.theme_ids
    )
    summary = f"<summary>{escape(article.lead)}</summary>" if article.lead else ""
    return (
        "<entry>"
        f"<title>{escape(front.title)}</title>"
        f'<link rel="alternate" type="text/html" href="articles/{article.slug}/"/>'
        f"<id>{_id(f'articles/{article.slug}/')}</id>"
        f"<published>{_time(front.date)}</published><updated>{_time(front.date)}</updated>"
        f"<author><name>{escape(author)}</name></author>"
        f"{categories}{summary}"
        "</entry>"
    )


def feed(
    name: str,
    title: str,
    page: str,
    members: Sequence[Article],
    all_articles: Sequence[Article],
    data: SiteData,
    limit: int = FEED_ENTRIES,
) -> str:
    """One Atom feed (file `name`) of the newest `limit` dated articles among `members`, newest first;
    `page`: its HTML page, which lists them all."""
    dated = sorted((a for a in members if a.front.date), key=newest_entries_first, reverse=True)
    undated = len(members) - len(dated)
    everything = [a.front.date for a in all_articles if a.front.date]
    newest = dated[0].front.date if dated else max(everything, default=data.period.start)
    assert newest is not None
    subtitle = f"{len(dated)} dated article{'s' if len(dated) != 1 else ''}, newest first."
    if len(dated) > limit:
        subtitle = f"The {limit} newest of {len(dated)} dated articles, newest first; the timeline page lists them all."
    if undated:
        subtitle += (
            f" {undated} undated article{'s are' if undated != 1 else ' is'} not in this feed, which needs a date for"
            " each entry; the timeline page lists them."
        )
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n'
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">'
        f"<title>{escape(title)}</title>"
        f"<subtitle>{escape(subtitle)}</subtitle>"
        f'<link rel="self" type="application/atom+xml" href="{name}"/>'
        f'<link rel="alternate" type="text/html" href="{page or "./"}"/>'
        f"<id>{_id(name)}</id>"
        f"<updated>{_time(newest)}</updated>"
        f"<author><name>{escape(SITE_TITLE)}</name></author>"
        f"<generator>python -m generator</generator>" + "".join(_entry(a, data) for a in dated[:limit]) + "</feed>\n"
    )


def render_feeds(articles: Sequence[Article], data: SiteData) -> dict[str, str]:
    """feed.xml and feed-<theme id>.xml, by path under docs/."""
    feeds = {"feed.xml": feed("feed.xml", f"{SITE_TITLE}: all articles", "", articles, articles, data)}
    for theme in data.themes:
        members = [a for a in articles if theme.id in a.theme_ids]
        name, title = f"feed-{theme.id}.xml", f"{SITE_TITLE}: {theme.title}"
        feeds[name] = feed(name, title, f"themes/{theme.id}/", members, articles, data)
    return feeds
