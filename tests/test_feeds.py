"""Atom feeds for the site and each theme: valid XML, the right entries, newest first, linked from the pages."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

from generator import site
from generator.render.feeds import feed
from tests.expected_charts import records

ATOM = "{http://www.w3.org/2005/Atom}"


def entries(feed: Path) -> tuple[ET.Element, list[ET.Element]]:
    root = ET.parse(feed).getroot()
    assert root.tag == f"{ATOM}feed"
    return root, root.findall(f"{ATOM}entry")


def test_site_feed_lists_every_dated_article_newest_first(built_site: Path) -> None:
    articles, _ = records(built_site)
    dated = sorted((a for a in articles if a["date"]), key=lambda a: (a["date"], a["slug"]), reverse=True)
    root, found = entries(built_site / "feed.xml")
    assert [e.find(f"{ATOM}link").get("href") for e in found] == [a["page"] for a in dated]  # type: ignore[union-attr]
    assert [e.findtext(f"{ATOM}updated") for e in found] == [f"{a['date']}T00:00:00Z" for a in dated]
    assert root.findtext(f"{ATOM}updated") == f"{dated[0]['date']}T00:00:00Z"
    undated = len(articles) - len(dated)
    assert f"{undated} undated articles are not in this feed" in (root.findtext(f"{ATOM}subtitle") or "")
    ids = [e.findtext(f"{ATOM}id") for e in found]
    assert len(set(ids)) == len(ids) and all(i and i.startswith("urn:uuid:") for i in ids)


def test_each_theme_has_a_feed_of_its_dated_articles(built_site: Path) -> None:
    articles, _ = records(built_site)
    themes = {t for a in articles for t in a["themes"]}
    for theme in themes:
        _, found = entries(built_site / f"feed-{theme}.xml")
        expected = {a["page"] for a in articles if a["date"] and theme in a["themes"]}
        assert {e.find(f"{ATOM}link").get("href") for e in found} == expected, theme  # type: ignore[union-attr]
        for entry in found:
            assert theme in [c.get("term") for c in entry.findall(f"{ATOM}category")]


def test_pages_announce_the_feeds_in_their_head(built_site: Path) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="alternate" type="application/atom+xml" title="All articles (Atom)" href="feed.xml">' in home
    theme = (built_site / "themes" / "idlib" / "index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml" title="Idlib (Atom)" href="../../feed-idlib.xml"' in theme
    assert '<a href="../../feed-idlib.xml" type="application/atom+xml">' in theme


def test_a_feed_holds_only_the_newest_entries_and_says_so(project: site.Project) -> None:
    data, articles = site.load(project)
    dated = sorted((a for a in articles if a.front.date), key=lambda a: (a.front.date, a.slug), reverse=True)
    root = ET.fromstring(feed("feed.xml", "All", "", articles, articles, data, limit=2))
    hrefs = [e.find(f"{ATOM}link").get("href") for e in root.findall(f"{ATOM}entry")]  # type: ignore[union-attr]
    assert hrefs == [f"articles/{a.slug}/" for a in dated[:2]]
    assert (root.findtext(f"{ATOM}subtitle") or "").startswith(f"The 2 newest of {len(dated)} dated articles")
