"""content/events.yml -> the key events of the period, validated: the timeline's other half."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from pydantic import Field, field_validator

from generator.config import _item_lines, _load_list
from generator.errors import ContentError, ContentErrors
from generator.model import ID_PATTERN, Period, Strict


class Event(Strict):
    """A key event from content/events.yml, drawn on the timeline beside the articles."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, used in the chart data.")
    date: dt.date = Field(description="The day it happened (or began), YYYY-MM-DD.")
    title: str = Field(min_length=1, max_length=40, description="A short label for the chart, e.g. 'Tehran summit'.")
    description: str = Field(min_length=1, description="One line saying what happened.")
    source: str = Field(description="The URL of a reference page that gives the date.")

    @field_validator("source")
    @classmethod
    def _http_url(cls, value: str) -> str:
        if not value.startswith(("https://", "http://")) or " " in value:
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value


def event_sort_key(event: Event) -> tuple[str, str]:
    """Date order; the id breaks ties."""
    return (event.date.isoformat(), event.id)


def load_events(path: Path, period: Period | None) -> tuple[Event, ...]:
    """The events in date order; every problem (bad field, repeated id, date outside the period) reported at once.

    A missing file means no events: the timeline then shows the articles alone.
    """
    if not path.is_file():
        return ()
    events = _load_list(path, "events", Event)
    lines = _item_lines(yaml.compose(path.read_text(encoding="utf-8"), Loader=yaml.SafeLoader), "events")
    errors, seen = [], set()
    for index, (event, line) in enumerate(zip(events, lines, strict=True)):
        where = f"events[{index}]"
        if event.id in seen:
            message = f"{event.id!r} is used twice"
            errors.append(ContentError(path, line, f"{where}.id", message, "give each event its own id"))
        seen.add(event.id)
        if period is not None and event.date not in period:
            errors.append(
                ContentError(
                    path,
                    line,
                    f"{where}.date",
                    f"{event.date} lies outside the period the site covers, {period.start} to {period.end}",
                    "correct the date, or widen the period in content/site.yml",
                )
            )
    if errors:
        raise ContentErrors(errors)
    return tuple(sorted(events, key=event_sort_key))
