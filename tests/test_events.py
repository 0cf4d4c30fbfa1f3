"""content/events.yml: the key events, validated like the other data files."""

from __future__ import annotations

import datetime as dt

import pytest
from click.testing import CliRunner

from generator import __main__ as cli
from generator import site
from generator.config import load_site_data
from generator.errors import ContentErrors

# The events the issue names, with the dates the references give.
REQUIRED = {
    "russian-air-strikes-begin": dt.date(2015, 9, 30),
    "partial-withdrawal": dt.date(2016, 3, 14),
    "geneva-iii": dt.date(2016, 2, 1),
    "astana-talks-begin": dt.date(2017, 1, 23),
    "khan-shaykhun": dt.date(2017, 4, 4),
    "shayrat-strike": dt.date(2017, 4, 7),
    "douma": dt.date(2018, 4, 7),
    "us-uk-french-strikes": dt.date(2018, 4, 14),
    "tehran-summit": dt.date(2018, 9, 7),
    "sochi-memorandum": dt.date(2018, 9, 17),
    "il-20-downed": dt.date(2018, 9, 17),
}

BROKEN = """events:
  - id: a
    date: 2018-02-30
    title: A
    description: One.
    source: https://example.org/a
  - id: b
    date: 2016-01-01
    title: B
    description: Two.
    source: example.org/b
    where: Geneva
  - id: c
    date: 2019-03-01
    title: C
    description: Three.
    source: https://example.org/c
  - id: c
    date: 2016-03-01
    title: C again
    description: Four.
    source: https://example.org/c2
"""


def test_events_are_in_date_order_with_a_source_each(project: site.Project) -> None:
    events = site.read_events(project, load_site_data(project.content))
    assert [(e.date, e.id) for e in events] == sorted((e.date, e.id) for e in events)
    assert {e.id: e.date for e in events if e.id in REQUIRED} == REQUIRED
    assert all(e.source.startswith("https://") for e in events)


def test_every_problem_in_events_is_reported_with_its_line_and_field(project: site.Project) -> None:
    path = project.content / "events.yml"
    path.write_text(BROKEN, encoding="utf-8")
    with pytest.raises(ContentErrors) as raised:
        site.read_events(project, load_site_data(project.content))
    assert [str(e).replace(str(path), "content/events.yml") for e in raised.value.errors] == [
        'content/events.yml:2: events[0].date: "2018-02-30" is not a date; write it as YYYY-MM-DD, a day that '
        "exists, e.g. 2016-10-19",
        "content/events.yml:7: events[1].source: 'example.org/b' is not an http(s) URL; give the full address of "
        "the reference page, https://...",
        "content/events.yml:7: events[1].where: is not a known field; check the spelling; see the schema in the "
        "method page",
        "content/events.yml:13: events[2].date: 2019-03-01 lies outside the period the site covers, 2011-01-01 to "
        "2018-12-31; correct the date, or widen the period in content/site.yml",
        "content/events.yml:18: events[3].id: 'c' is used twice; give each event its own id",
    ]


def test_check_reports_a_broken_events_file(project: site.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    (project.content / "events.yml").write_text(BROKEN, encoding="utf-8")
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli.cli, ["check"])
    assert result.exit_code == 1
    assert "events[3].id: 'c' is used twice" in result.output
    assert result.output.rstrip().endswith("5 errors, 5 warnings")


def test_without_an_events_file_the_timeline_shows_the_articles_alone(project: site.Project) -> None:
    (project.content / "events.yml").unlink()
    site.build(project)
    html = (project.site / "timeline" / "index.html").read_text(encoding="utf-8")
    assert "0 key events" in html
    assert (project.site / "data" / "events.json").read_text(encoding="utf-8") == "[]\n"
