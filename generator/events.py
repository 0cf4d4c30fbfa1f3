"""content/events.yml -> the key events of the period, validated: the timeline's other half."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path

import yaml
from pydantic import Field, ValidationError, field_validator

from generator.config import ContentLoader, validation_errors, yaml_error
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


HINTS = {
    "date": "write the day as YYYY-MM-DD",
    "source": "give the full address of the reference page, https://...",
    "title": "keep it short: it labels the event on the chart",
}


def event_sort_key(event: Event) -> tuple[str, str]:
    """Date order; the id breaks ties."""
    return (event.date.isoformat(), event.id)


def load_events(path: Path, period: Period | None) -> tuple[Event, ...]:
    """The events in date order; every problem (bad field, repeated id, date outside the period) reported at once.

    A missing file means no events: the timeline then shows the articles alone.
    """
    if not path.is_file():
        return ()
    text = path.read_text(encoding="utf-8")
    try:
        document = yaml.load(text, Loader=ContentLoader)  # noqa: S506 - a SafeLoader subclass
        node = yaml.compose(text, Loader=ContentLoader)
    except yaml.YAMLError as error:
        raise ContentErrors([yaml_error(path, error)]) from error
    if not isinstance(document, dict) or not isinstance(document.get("events"), list):
        raise ContentErrors([ContentError(path, 1, "events", "is missing; the file must hold a list under 'events:'")])
    assert node is not None
    lines = next(
        ([item.start_mark.line + 1 for item in value.value] for key, value in node.value if key.value == "events"), []
    )
    events: list[Event] = []
    errors: list[ContentError] = []
    seen: set[str] = set()
    for index, (entry, line) in enumerate(zip(document["events"], lines, strict=True)):
        where = f"events[{index}]"
        try:
            event = Event.model_validate(entry)
        except ValidationError as error:
            found = validation_errors(path, line, error, prefix=where)
            errors += [replace(e, hint=e.hint or HINTS.get(str(e.field).rsplit(".", 1)[-1])) for e in found]
            continue
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
        events.append(event)
    if errors:
        raise ContentErrors(errors)
    return tuple(sorted(events, key=event_sort_key))
