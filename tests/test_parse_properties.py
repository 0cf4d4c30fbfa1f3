"""Properties of the parser that hold for any text, checked with generated inputs."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.config import load_site_data
from generator.errors import ContentError
from generator.parse.capture import RawFile, parse_segment, split_posts
from generator.slug import is_safe_slug, slugify

DATA = load_site_data(Path(__file__).resolve().parent.parent / "content")

# Lines drawn from what captures hold: boilerplate, separators, metadata, and arbitrary text.
line = st.one_of(
    st.sampled_from(
        [
            "",
            "   ",
            "Share:",
            "Share",
            "Advertisement",
            "Related: Another headline",
            "READ MORE: X",
            "Source: https://www.rt.com/news/1-x/",
            "Author : A. N. Other",
            "May 1, 2016",
            "Related:",
        ]
    ),
    st.text(
        st.characters(blacklist_categories=["Cs"], blacklist_characters="\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
        max_size=60,
    ),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(line, max_size=30))
def test_body_plus_set_aside_lines_give_back_the_raw_lines_in_order(lines: list[str]) -> None:
    raw = RawFile.from_text("raw/x.txt", "\n".join(lines))
    segments = split_posts(raw, DATA.separators)
    in_segments = {n for seg in segments for n in range(seg.first, seg.last + 1)}
    outside = [raw.line(n).strip() for n in range(1, len(raw.lines) + 1) if n not in in_segments]
    assert all(text in ("", *DATA.separators) for text in outside)  # no text falls between posts
    for segment in segments:
        try:
            draft = parse_segment(raw, segment, DATA)
        except ContentError:
            continue  # refused segments are reported by ingest, each with its line
        set_aside = {s.line: s.text for s in draft.front.set_aside}
        body = iter(draft.paragraphs)
        for number in range(segment.first, segment.last + 1):
            text = raw.line(number)
            if number in set_aside:
                assert set_aside[number] == text
            elif text.strip():
                assert next(body) == text.strip()
        assert next(body, None) is None


@given(st.text(max_size=200))
def test_slug_is_safe_and_depends_only_on_the_title(title: str) -> None:
    slug = slugify(title)
    assert is_safe_slug(slug)
    assert slugify(title) == slug
