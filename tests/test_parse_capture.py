"""The parser on each seed capture: headlines, dates, outlets, the split of the dump, boilerplate set aside."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from generator.config import load_site_data
from generator.parse.capture import Draft, RawFile, Segment, parse_segment, split_posts
from generator.parse.dates import date_in_url, parse_dateline

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "content"
SEEDS = sorted((CONTENT / "raw").glob("*.txt"))
EXPECTED = Path(__file__).parent / "fixtures" / "seeds"
DATA = load_site_data(CONTENT)


def parse_file(path: Path) -> tuple[RawFile, list[tuple[Segment, Draft]]]:
    raw = RawFile.from_text(f"raw/{path.name}", path.read_text(encoding="utf-8"))
    return raw, [(segment, parse_segment(raw, segment, DATA)) for segment in split_posts(raw, DATA.separators)]


def summary(draft: Draft) -> dict[str, object]:
    """What a reviewer checks about one parsed article."""
    front = draft.front
    assert front.source is not None
    return {
        "title": front.title,
        "outlet": front.outlet,
        "author": front.author,
        "date": front.date.isoformat() if front.date else None,
        "date_source": front.date_source,
        "url": front.url,
        "lines": f"{front.source.first_line}-{front.source.last_line}",
        "paragraphs": len(draft.paragraphs),
        "set_aside": [
            f"{line.line} {line.role}" + (f" ({line.rule})" if line.rule else "") for line in front.set_aside
        ],
        "references": [ref.title for ref in front.references],
    }


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_seed_parses_as_reviewed(seed: Path, update_expected: bool) -> None:
    _, drafts = parse_file(seed)
    found = [summary(draft) for _, draft in drafts]
    expected_file = EXPECTED / f"{seed.stem}.expected.yml"
    if update_expected:
        expected_file.write_text(yaml.safe_dump(found, allow_unicode=True, sort_keys=False, width=200))
    assert found == yaml.safe_load(expected_file.read_text(encoding="utf-8"))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem)
def test_body_is_the_raw_text_less_the_lines_set_aside(seed: Path) -> None:
    raw, drafts = parse_file(seed)
    for segment, draft in drafts:
        set_aside = {line.line: line.text for line in draft.front.set_aside}
        for number, text in set_aside.items():
            assert raw.line(number) == text
        kept = [
            raw.line(n).strip()
            for n in range(segment.first, segment.last + 1)
            if raw.line(n).strip() and n not in set_aside
        ]
        assert list(draft.paragraphs) == kept


def test_blog_dump_splits_into_fifteen_posts_with_their_own_urls() -> None:
    _, drafts = parse_file(CONTENT / "raw" / "004_9f957575f5bd210e.txt")
    assert len(drafts) == 15
    urls = [draft.front.url for _, draft in drafts]
    assert urls[0] == "https://sputniknews.com/world/201809261068361943-syria-new-strikes-us-eu/"
    assert sum(url is None for url in urls) == 1  # the headline-only post names no source
    headline_only = next(draft for _, draft in drafts if draft.front.url is None)
    assert headline_only.front.title.startswith("US bombs the Syrian town of Hajin")
    assert headline_only.paragraphs == ()


def test_related_and_read_more_lines_are_references_not_body() -> None:
    _, drafts = parse_file(CONTENT / "raw" / "004_9f957575f5bd210e.txt")
    chlorine = next(d for _, d in drafts if d.front.title.startswith("‘Chlorine delivered’"))
    assert [ref.label for ref in chlorine.front.references] == ["READ MORE", "READ MORE"]
    assert not any(p.startswith("READ MORE") for p in chlorine.paragraphs)


def test_declared_boilerplate_is_set_aside_with_its_rule() -> None:
    _, [(_, draft)] = parse_file(CONTENT / "raw" / "001_2064c722ad5b44e7.txt")
    rules = {line.rule for line in draft.front.set_aside if line.role == "boilerplate"}
    assert rules == {"tag list", "error-report widget", "link to more stories"}
    assert "Система Orphus" not in draft.paragraphs


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("May 1, 2016 in News by D", ("2016-05-01", "D")),
        ("17:54, 7 September 2015", ("2015-09-07", None)),
        ("Wed 05 Apr 2017", ("2017-04-05", None)),
        ("2016-09-21", ("2016-09-21", None)),
        ("07.10.2017", ("2017-10-07", None)),
        ("Published October 12 2016", ("2016-10-12", None)),
        ("Posted on August 3 2016 by Jordan Dakamseh", ("2016-08-03", "Jordan Dakamseh")),
        ("February 30, 2018", None),
        ("Putin said on May 1, 2016 that", None),
    ],
)
def test_dateline_is_a_whole_line_that_states_a_real_date(line: str, expected: tuple[str, str | None] | None) -> None:
    found = parse_dateline(line)
    assert (None if found is None else (found[0].isoformat(), found[1])) == expected


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://sputniknews.com/world/201809261068361943-syria-new-strikes-us-eu/", "2018-09-26"),
        ("https://www.zerohedge.com/news/2018-09-13/tulsi-gabbard-house-floor", "2018-09-13"),
        ("https://example.com/2016/09/21/aleppo/", "2016-09-21"),
        ("https://www.rt.com/news/439151-russia-israel-il-20-negligence/", None),
        ("https://www.youtube.com/watch?v=m7Vwn5ripyg", None),
    ],
)
def test_date_is_read_from_url_only_when_its_path_carries_one(url: str, expected: str | None) -> None:
    found = date_in_url(url)
    assert (found.isoformat() if found else None) == expected
