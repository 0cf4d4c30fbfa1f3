"""The typed model at the centre: what an article, a theme, an outlet is.

The front matter of ``content/articles/<slug>.md`` is `FrontMatter`; the data files in
``content/`` are `Theme`, `Outlet` and `BoilerplateRule`. Every field has a one-line
description: together they are the schema's documentation.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from generator.visible import is_blank

DateSource = Literal["text", "url", "dataset", "maintainer", "unknown"]
# How each kind of date was established, in words: the article page, ingest's review and the schema say it so.
DATE_SOURCES: dict[str, str] = {
    "text": "stated in the text",
    "url": "taken from the original URL",
    "dataset": "given by the dataset the article came from",
    "maintainer": "set by a maintainer",
    "unknown": "not established",
}
LineRole = Literal[
    "boilerplate", "title", "title-repeat", "author", "outlet", "url", "dateline", "reference", "separator"
]

ID_PATTERN = r"^[a-z0-9][a-z0-9-]*$"
MAX_TITLE_LENGTH = 400  # the longest seed headline has 156 characters; a longer "headline" is a lost line break


class Strict(BaseModel):
    """Unknown keys are an error, not a new field."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SourceSpan(Strict):
    """Where an article's text was captured: a line range of a raw file."""

    file: str = Field(description="The raw capture, relative to content/, e.g. raw/004_9f957575f5bd210e.txt.")
    first_line: int = Field(ge=1, description="First line of the article in the raw file, counted from 1.")
    last_line: int = Field(ge=1, description="Last line of the article in the raw file, inclusive.")
    sha256: str = Field(
        pattern=r"^[0-9a-f]{64}$",
        description="SHA-256 of those lines, each ending in a line feed (as `sed -n 'A,Bp' FILE | sha256sum`).",
    )

    @model_validator(mode="after")
    def _ordered(self) -> SourceSpan:
        if self.last_line < self.first_line:
            raise ValueError(f"last_line {self.last_line} comes before first_line {self.first_line}")
        return self


class SetAsideLine(Strict):
    """A line of the raw capture that is not in the article body, and why."""

    line: int = Field(ge=1, description="Line number in the raw file.")
    role: LineRole = Field(description="What the line is: boilerplate, title, author, dateline, reference, ...")
    text: str = Field(description="The line exactly as captured.")
    rule: str | None = Field(default=None, description="For boilerplate: the declared rule that matched.")


class Reference(Strict):
    """A 'Related:' or 'READ MORE:' line naming another article."""

    line: int | None = Field(default=None, ge=1, description="Line number in the raw file, when captured.")
    label: str = Field(description="The label as captured, e.g. 'Related' or 'READ MORE'.")
    title: str = Field(min_length=1, description="The headline the line names.")


class EntityEdits(Strict):
    """A maintainer's corrections to the entities the generator finds in an article's text."""

    add: list[str] = Field(default_factory=list, description="Entity ids the article is about but does not name.")
    remove: list[str] = Field(default_factory=list, description="Entity ids found by mistake, e.g. a homonym.")


class FrontMatter(Strict):
    """The front matter of one article file in content/articles/."""

    title: str = Field(min_length=1, max_length=MAX_TITLE_LENGTH, description="The headline, as the source has it.")
    outlet: str = Field(pattern=ID_PATTERN, description="Outlet id from content/outlets.yml ('unknown' if not stated).")
    author: str | None = Field(default=None, description="The byline, when the source gives one.")
    date: dt.date | None = Field(default=None, description="Publication date, YYYY-MM-DD; empty when not established.")
    date_source: DateSource = Field(
        default="unknown",
        description="How the date was established: " + "; ".join(f"{k}: {v}" for k, v in DATE_SOURCES.items()) + ".",
    )
    date_evidence: str | None = Field(
        default=None, description="The line, URL or dataset value the date was read from."
    )
    url: str | None = Field(default=None, description="The original URL, when known.")
    themes: list[str] | None = Field(
        default=None,
        description="Theme ids set by hand; they replace the themes the generator would infer from themes.yml.",
    )
    entities: EntityEdits | None = Field(
        default=None, description="Corrections to the entities found in the text (ids from content/entities.yml)."
    )
    source: SourceSpan | None = Field(default=None, description="The raw capture the text comes from.")
    set_aside: list[SetAsideLine] = Field(
        default_factory=list, description="Lines of the capture that are not body text: boilerplate, title, byline."
    )
    references: list[Reference] = Field(default_factory=list, description="Further-reading lines in the source.")

    @field_validator("title", mode="before")
    @classmethod
    def _title_given(cls, value: object) -> object:
        if value is None:
            raise ValueError("is empty; write the headline")
        return value

    @field_validator("date", mode="before")
    @classmethod
    def _iso_date(cls, value: object) -> object:
        """Only YYYY-MM-DD: left to itself, pydantic would also take a count of seconds as a date."""
        if value is None or isinstance(value, dt.date):
            return value
        text = str(value).strip()
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                pass
        raise ValueError(f'"{text}" is not a date; write it as YYYY-MM-DD, a day that exists, e.g. 2016-10-19')

    @field_validator("title", "author")
    @classmethod
    def _not_blank(cls, value: str | None) -> str | None:
        if value is not None and is_blank(value):
            raise ValueError("is empty; write the text or remove the field")
        return value

    @field_validator("url")
    @classmethod
    def _http_url(cls, value: str | None) -> str | None:
        if value is not None and not re.match(r"^https?://[^\s/]+\.[^\s]+$", value):
            raise ValueError(f"{value!r} is not an http(s) URL")
        return value

    @model_validator(mode="after")
    def _date_and_source_agree(self) -> FrontMatter:
        if self.date is None and self.date_source != "unknown":
            raise ValueError(f"date_source is {self.date_source!r} but there is no date; set date or use 'unknown'")
        if self.date is not None and self.date_source == "unknown":
            raise ValueError("date is set but date_source is 'unknown'; use 'maintainer' for a date you set by hand")
        return self


class Theme(Strict):
    """A theme from content/themes.yml: a page grouping the articles about one story."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, used in URLs and front matter.")
    title: str = Field(min_length=1, description="Page title.")
    summary: str = Field(min_length=1, description="One line for the home page.")
    intro: str = Field(min_length=1, description="A short paragraph at the top of the theme page.")
    terms: list[str] = Field(default_factory=list, description="Words or phrases that place an article in the theme.")
    min_mentions: int = Field(default=2, ge=1, description="How many mentions of the terms an article needs.")


class Outlet(Strict):
    """An outlet from content/outlets.yml: who published a text."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, used in front matter.")
    name: str = Field(min_length=1, description="Display name.")
    domains: list[str] = Field(default_factory=list, description="Web domains, e.g. rt.com.")
    aliases: list[str] = Field(default_factory=list, description="Other names the captures use for it.")
    country: str | None = Field(default=None, description="Country the outlet is based in.")
    ownership: str | None = Field(default=None, description="Who owns or funds it, where known.")
    ownership_source: str | None = Field(default=None, description="Where the ownership note comes from (a URL).")

    @model_validator(mode="after")
    def _ownership_is_sourced(self) -> Outlet:
        if self.ownership and not self.ownership_source:
            raise ValueError("ownership needs ownership_source: say where the statement comes from")
        return self


class Period(Strict):
    """The span of time the site covers, from content/site.yml; an article dated outside it is an error."""

    start: dt.date = Field(description="First day an article may be dated, YYYY-MM-DD.")
    end: dt.date = Field(description="Last day an article may be dated, YYYY-MM-DD.")

    @model_validator(mode="after")
    def _ordered(self) -> Period:
        if self.end < self.start:
            raise ValueError(f"end {self.end} comes before start {self.start}")
        return self

    def __contains__(self, date: dt.date) -> bool:
        return self.start <= date <= self.end


EntityType = Literal["person", "place", "organisation", "armed-group", "aircraft", "event"]


class Coordinates(Strict):
    """A point on the map, in decimal degrees (WGS 84)."""

    lat: float = Field(ge=-90, le=90, description="Latitude, north positive.")
    lon: float = Field(ge=-180, le=180, description="Longitude, east positive.")


class Entity(Strict):
    """A person, place, organisation, armed group, aircraft or event from content/entities.yml."""

    id: str = Field(pattern=ID_PATTERN, description="Stable id, used in URLs and front matter.")
    type: EntityType = Field(description="person, place, organisation, armed-group, aircraft or event.")
    name: str = Field(min_length=1, description="Display name.")
    aliases: list[str] = Field(
        default_factory=list,
        description="Other spellings the sources use. Matched as whole words; one written in capitals (IS, HTS) "
        "matches only in capitals, any other in any case.",
    )
    description: str = Field(min_length=1, description="One line saying who or what it is.")
    wikidata: str | None = Field(default=None, pattern=r"^Q[1-9][0-9]*$", description="Wikidata item id, e.g. Q1.")
    coordinates: Coordinates | None = Field(default=None, description="For places: where it is.")

    @model_validator(mode="after")
    def _places_have_coordinates(self) -> Entity:
        if self.type == "place" and self.coordinates is None:
            raise ValueError("a place needs coordinates: {lat: ..., lon: ...}")
        if self.type != "place" and self.coordinates is not None:
            raise ValueError(f"only places have coordinates, and this is a {self.type}")
        return self

    @property
    def names(self) -> list[str]:
        """Every form that names it: the display name and the aliases."""
        return [self.name, *self.aliases]


class BoilerplateRule(Strict):
    """A declared line that is not article text, from content/boilerplate.yml."""

    name: str = Field(min_length=1, description="What the line is, shown in each page's provenance box.")
    text: str | None = Field(default=None, description="The whole line, exactly (surrounding spaces ignored).")
    pattern: str | None = Field(default=None, description="A regular expression the whole line must match.")
    before_title: bool = Field(default=False, description="Only before the headline (section labels, counters).")

    @model_validator(mode="after")
    def _text_or_pattern(self) -> BoilerplateRule:
        if (self.text is None) == (self.pattern is None):
            raise ValueError("give exactly one of text or pattern")
        if self.pattern is not None:
            re.compile(self.pattern)
        return self

    def matches(self, line: str) -> bool:
        """Whether the stripped line is this boilerplate."""
        stripped = line.strip()
        if self.text is not None:
            return stripped == self.text
        assert self.pattern is not None
        return re.fullmatch(self.pattern, stripped) is not None


@dataclass(frozen=True)
class ThemeMatch:
    """Why an article is in a theme: the terms found and how often, or a maintainer's choice."""

    theme_id: str
    terms: tuple[tuple[str, int], ...] = ()
    by_maintainer: bool = False


@dataclass(frozen=True)
class EntityMention:
    """An entity an article names: how often, and the sentence where it is first named."""

    entity_id: str
    count: int
    first_sentence: str | None  # None when a maintainer added the entity and the text does not name it

    @property
    def by_maintainer(self) -> bool:
        return self.first_sentence is None


@dataclass(frozen=True)
class LinkedReference:
    """A further-reading line, the corpus article whose headline is closest to it, and whether that is a match."""

    reference: Reference
    closest: str | None = None  # slug of the article with the most similar headline
    similarity: float = 0.0  # of the two headlines, 0-100
    is_link: bool = False  # similar enough to link to it

    @property
    def slug(self) -> str | None:
        """The linked article, or None when no article in the corpus matches."""
        return self.closest if self.is_link else None


@dataclass(frozen=True)
class Relation:
    """Another article related to this one, and why: the shared entities, themes and words."""

    slug: str
    score: float
    entity_ids: tuple[str, ...] = ()
    theme_ids: tuple[str, ...] = ()
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Article:
    """An article as the site shows it: front matter, body paragraphs, and what enrichment added."""

    slug: str
    path: str  # the maintained file, relative to content/
    front: FrontMatter
    paragraphs: tuple[str, ...]
    themes: tuple[ThemeMatch, ...] = field(default=())
    entities: tuple[EntityMention, ...] = field(default=())
    references: tuple[LinkedReference, ...] = field(default=())
    backlinks: tuple[str, ...] = field(default=())  # slugs of the articles whose references name this one
    related: tuple[Relation, ...] = field(default=())
    field_lines: dict[str, int] = field(default_factory=dict, compare=False)  # front-matter key -> line in the file
    body_line: int | None = field(default=None, compare=False)  # the file's line after the closing '---'

    def line_of(self, key: str) -> int | None:
        """The line of a front-matter field, for an error message."""
        return self.field_lines.get(key)

    @property
    def lead(self) -> str:
        """The lead sentence: the one-line summary in lists and the page description."""
        return lead_sentence(self.paragraphs[0]) if self.paragraphs else ""

    # Cached: the page renderers ask for these hundreds of times per article. (A frozen dataclass still has
    # a __dict__ for cached_property to fill; `replace` makes a new article with an empty one.)
    @functools.cached_property
    def theme_ids(self) -> tuple[str, ...]:
        return tuple(m.theme_id for m in self.themes)

    @functools.cached_property
    def entity_ids(self) -> tuple[str, ...]:
        return tuple(m.entity_id for m in self.entities)

    def mention_of(self, entity_id: str) -> EntityMention:
        """How the article names an entity (one of its entity_ids)."""
        return self._mentions[entity_id]

    @functools.cached_property
    def _mentions(self) -> dict[str, EntityMention]:
        return {m.entity_id: m for m in self.entities}

    @property
    def text(self) -> str:
        """Headline and paragraphs: what enrichment reads."""
        return "\n".join([self.front.title, *self.paragraphs])


_SENTENCE_END = re.compile(r"([.!?][\"”’)]?)\s+(?=[\"“‘(]?[A-Z0-9])")


def lead_sentence(paragraph: str, limit: int = 240) -> str:
    """The first sentence of a paragraph, cut at a word boundary past `limit` characters.

    >>> lead_sentence("Russian jets struck Idlib on Friday. Then they left.")
    'Russian jets struck Idlib on Friday.'
    """
    # Start looking 20 characters in, so an early abbreviation ("Col. Gen. ...") does not end it.
    match = _SENTENCE_END.search(paragraph, 20)
    sentence = (paragraph[: match.end(1)] if match else paragraph).strip()
    if len(sentence) > limit:
        sentence = sentence[:limit].rsplit(" ", 1)[0] + " …"
    return sentence


def sentence_around(text: str, position: int) -> str:
    """The sentence of `text` that holds the character at `position`.

    >>> sentence_around("Jets struck Idlib on Friday. Ankara objected on Monday.", 30)
    'Ankara objected on Monday.'
    """
    start = 0
    for match in _SENTENCE_END.finditer(text):
        if match.end() > position:
            return text[start : match.end(1)].strip()
        start = match.end()
    return text[start:].strip()


def article_sort_key(article: Article) -> tuple[int, str, str]:
    """Date order with undated articles last; the slug breaks ties."""
    date = article.front.date
    return (0 if date else 1, date.isoformat() if date else "", article.slug)
