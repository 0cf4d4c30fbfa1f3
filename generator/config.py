"""content/*.yml -> model types, validated; every problem names the file, the line and the field."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from generator.enrich.names import name_key
from generator.errors import ContentError, ContentErrors
from generator.model import BoilerplateRule, Entity, Outlet, Period, Theme
from generator.parse.decode import decode_text

Model = TypeVar("Model", bound=BaseModel)
Loaded = TypeVar("Loaded")

OTHER_THEME_ID = "other"
# site.yml's listing_page_limit when it gives none: a list of more articles gets a page per year or month.
LISTING_PAGE_LIMIT = 250


@dataclass(frozen=True)
class SiteData:
    """Everything in content/ that is not an article."""

    themes: tuple[Theme, ...]
    outlets: tuple[Outlet, ...]
    boilerplate: tuple[BoilerplateRule, ...]
    period: Period
    entities: tuple[Entity, ...] = ()
    separators: tuple[str, ...] = ()
    listing_page_limit: int = LISTING_PAGE_LIMIT

    @functools.cached_property
    def _entities_by_id(self) -> dict[str, Entity]:
        return {e.id: e for e in self.entities}

    def entity(self, entity_id: str) -> Entity:
        return self._entities_by_id[entity_id]

    def has_entity(self, entity_id: str) -> bool:
        return entity_id in self._entities_by_id

    @functools.cached_property
    def _outlets_by_id(self) -> dict[str, Outlet]:
        return {o.id: o for o in self.outlets}

    def outlet(self, outlet_id: str) -> Outlet:
        return self._outlets_by_id[outlet_id]

    @functools.cached_property
    def _themes_by_id(self) -> dict[str, Theme]:
        return {t.id: t for t in self.themes}

    def theme(self, theme_id: str) -> Theme:
        return self._themes_by_id[theme_id]

    def outlet_for_domain(self, domain: str) -> Outlet | None:
        """The outlet whose domain is `domain` or a parent of it: www.rt.com -> RT."""
        domain = domain.lower().removeprefix("www.")
        for outlet in self.outlets:
            if any(domain == d or domain.endswith("." + d) for d in outlet.domains):
                return outlet
        return None

    def outlet_for_name(self, name: str) -> Outlet | None:
        """The outlet called `name` (its id, name, an alias or a domain), case-insensitively."""
        wanted = name.strip().lower()
        for outlet in self.outlets:
            if wanted in {outlet.id, outlet.name.lower(), *(a.lower() for a in outlet.aliases)}:
                return outlet
        return self.outlet_for_domain(wanted) if "." in wanted else None


class ContentLoader(yaml.SafeLoader):
    """PyYAML's safe loader, which also refuses a key given twice (PyYAML would keep the last one silently)
    and leaves dates as text for the models to validate: "2018-02-30" is a field error, not a crash."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        seen: set[object] = set()
        for key_node, _ in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is not None and key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"gives '{key}' twice", key_node.start_mark, note="keep one of them"
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


ContentLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)

_UNKNOWN_TAG = re.compile(r"could not determine a constructor for the tag '(?P<tag>[^']*)'")


def yaml_error(path: Path, error: yaml.YAMLError, line_offset: int = 0) -> ContentError:
    """A YAML error with its line (PyYAML counts from 0): a syntax error, or something our loaders refuse."""
    mark = getattr(error, "problem_mark", None)
    line = mark.line + 1 + line_offset if mark is not None else None
    problem = getattr(error, "problem", None) or str(error)
    note = getattr(error, "note", None)
    if note:  # refused by our loaders (a repeated key, an alias), which say what to write instead
        return ContentError(path, line, None, problem, note)
    if tag := _UNKNOWN_TAG.search(problem):
        name = tag["tag"].replace("tag:yaml.org,2002:", "!!")
        return ContentError(
            path,
            line,
            None,
            f"uses the YAML tag {name}, which is not allowed",
            "remove it, and quote a value that starts with '!'",
        )
    return ContentError(path, line, None, f"is not valid YAML: {problem}", "check the indentation and quoting there")


# pydantic's errors for a value that is not a calendar date ("2018-02-30", "30.02.2018", 2018).
_NOT_A_DATE = frozenset(["date_type", "date_parsing", "date_from_datetime_parsing", "date_from_datetime_inexact"])


def validation_errors(
    path: Path | str, line: int | None, error: ValidationError, prefix: str = ""
) -> list[ContentError]:
    """One ContentError per pydantic error, named by its field path."""
    found = []
    for item in error.errors():
        field = ".".join(str(part) for part in item["loc"]) or None
        if prefix:
            field = f"{prefix}.{field}" if field else prefix
        message = item["msg"].removeprefix("Value error, ")
        if item["type"] == "extra_forbidden":
            message, hint = "is not a known field", "check the spelling; see the schema in the method page"
        elif item["type"] == "missing":
            message, hint = "is required", "add it"
        elif item["type"] in _NOT_A_DATE:
            message, hint = (
                f'"{item["input"]}" is not a date',
                "write it as YYYY-MM-DD, a day that exists, e.g. 2016-10-19",
            )
        else:
            hint = None
        found.append(ContentError(path, line, field, message, hint))
    return found


def _read_text(path: Path) -> str:
    """A data file's text; a missing file or one that is not UTF-8 is an error to report, not a crash."""
    try:
        return decode_text(path, path.read_bytes())
    except FileNotFoundError as error:
        raise ContentErrors([ContentError(path, None, None, "is missing", "restore it from the repository")]) from error
    except ContentError as error:
        raise ContentErrors([error]) from error


def _load_list(path: Path, key: str, model: type[Model]) -> list[Model]:
    """Read the list under `key` in a YAML file, one validated model per entry."""
    text = _read_text(path)
    try:
        data = yaml.load(text, Loader=ContentLoader)  # noqa: S506 - a SafeLoader subclass
        node = yaml.compose(text, Loader=ContentLoader)
    except yaml.YAMLError as error:
        raise ContentErrors([yaml_error(path, error)]) from error
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ContentErrors([ContentError(path, 1, key, f"is missing; the file must hold a list under '{key}:'")])
    item_lines = _item_lines(node, key)
    items, errors = [], []
    for index, (entry, line) in enumerate(zip(data[key], item_lines, strict=True)):
        try:
            items.append(model.model_validate(entry))
        except ValidationError as error:
            errors.extend(validation_errors(path, line, error, prefix=f"{key}[{index}]"))
    if errors:
        raise ContentErrors(errors)
    return items


def _item_lines(node: Any, key: str) -> list[int]:
    for key_node, value_node in node.value:
        if key_node.value == key:
            return [item.start_mark.line + 1 for item in value_node.value]
    return []


def _key_line(node: Any, key: str) -> int | None:
    """The line of a top-level key of a composed YAML mapping."""
    return next((k.start_mark.line + 1 for k, _ in node.value if k.value == key), None)


def _check_unique_names(path: Path, entities: list[Entity]) -> list[ContentError]:
    """A name or alias may stand for one entity only, or a mention could not be attributed."""
    owner: dict[str, str] = {}
    errors = []
    for entity in entities:
        for name in entity.names:
            key = name_key(name)
            if owner.get(key, entity.id) != entity.id:
                errors.append(
                    ContentError(
                        path,
                        None,
                        f"{entity.id}.aliases",
                        f"{name!r} already names {owner[key]!r}",
                        "give each name to one entity only",
                    )
                )
            owner.setdefault(key, entity.id)
    return errors


def _check_unique_ids(path: Path, items: list[Theme] | list[Outlet] | list[Entity]) -> list[ContentError]:
    seen: set[str] = set()
    errors = []
    for item in items:
        if item.id in seen:
            errors.append(ContentError(path, None, "id", f"{item.id!r} is used twice", "give each entry its own id"))
        seen.add(item.id)
    return errors


def _collect(errors: list[ContentError], load: Callable[[], Loaded], default: Loaded) -> Loaded:
    """Run one loader; on bad content, keep its errors and go on with `default`, so all are reported at once."""
    try:
        return load()
    except ContentErrors as found:
        errors += found.errors
        return default


def load_site_data(content: Path) -> SiteData:
    """Read themes.yml, outlets.yml, boilerplate.yml and site.yml, reporting every problem at once."""
    errors: list[ContentError] = []
    no_themes: list[Theme] = []
    no_outlets: list[Outlet] = []
    no_rules: list[BoilerplateRule] = []
    no_separators: tuple[str, ...] = ()
    no_settings: tuple[Period | None, int] = (None, LISTING_PAGE_LIMIT)
    no_entities: list[Entity] = []
    themes = _collect(errors, lambda: _load_list(content / "themes.yml", "themes", Theme), no_themes)
    outlets = _collect(errors, lambda: _load_list(content / "outlets.yml", "outlets", Outlet), no_outlets)
    rules = _collect(errors, lambda: _load_list(content / "boilerplate.yml", "rules", BoilerplateRule), no_rules)
    separators = _collect(errors, lambda: _load_separators(content / "boilerplate.yml"), no_separators)
    period, listing_page_limit = _collect(errors, lambda: _load_settings(content / "site.yml"), no_settings)
    entities = _collect(errors, lambda: _load_list(content / "entities.yml", "entities", Entity), no_entities)
    errors += _check_unique_ids(content / "themes.yml", themes)
    errors += _check_unique_ids(content / "outlets.yml", outlets)
    errors += _check_unique_ids(content / "entities.yml", entities)
    errors += _check_unique_names(content / "entities.yml", entities)
    catch_all = [t for t in themes if t.id == OTHER_THEME_ID]
    if themes and (not catch_all or catch_all[0].terms):
        errors.append(
            ContentError(
                content / "themes.yml",
                None,
                "themes",
                f"needs a theme with id '{OTHER_THEME_ID}' and no terms",
                "it collects the articles that are in no other theme",
            )
        )
    if outlets and not any(o.id == "unknown" for o in outlets):
        errors.append(
            ContentError(
                content / "outlets.yml",
                None,
                "outlets",
                "needs an outlet with id 'unknown'",
                "it stands for articles whose outlet the capture does not state",
            )
        )
    if errors or period is None:
        raise ContentErrors(errors)
    return SiteData(
        tuple(themes), tuple(outlets), tuple(rules), period, tuple(entities), separators, listing_page_limit
    )


def _load_settings(path: Path) -> tuple[Period, int]:
    """The period the site covers and the listing page limit, from site.yml."""
    text = _read_text(path)
    try:
        data = yaml.load(text, Loader=ContentLoader)  # noqa: S506 - a SafeLoader subclass
        node = yaml.compose(text, Loader=ContentLoader)
    except yaml.YAMLError as error:
        raise ContentErrors([yaml_error(path, error)]) from error
    if not isinstance(data, dict) or not isinstance(data.get("period"), dict):
        raise ContentErrors(
            [ContentError(path, 1, "period", "is missing", "write period: with start: and end: dates, YYYY-MM-DD")]
        )
    limit = data.get("listing_page_limit", LISTING_PAGE_LIMIT)
    if type(limit) is not int or limit < 1:
        raise ContentErrors(
            [
                ContentError(
                    path,
                    _key_line(node, "listing_page_limit"),
                    "listing_page_limit",
                    f"is {limit!r}, not a whole number of at least 1",
                    f"write a number of articles, such as listing_page_limit: {LISTING_PAGE_LIMIT}",
                )
            ]
        )
    try:
        return Period.model_validate(data["period"]), limit
    except ValidationError as error:
        raise ContentErrors(validation_errors(path, _key_line(node, "period"), error, prefix="period")) from error


def _load_separators(path: Path) -> tuple[str, ...]:
    """The lines that end each post of a blog dump ('Share:')."""
    try:
        data = yaml.load(_read_text(path), Loader=ContentLoader)  # noqa: S506 - a SafeLoader subclass
    except (yaml.YAMLError, ContentErrors):
        return ()  # the rules' loader reports the error in the same file
    separators = data.get("post_separators", []) if isinstance(data, dict) else []
    if not isinstance(separators, list) or not all(isinstance(s, str) and s.strip() for s in separators):
        raise ContentErrors(
            [
                ContentError(
                    path, None, "post_separators", "must be a list of lines", 'write e.g. post_separators: ["Share:"]'
                )
            ]
        )
    return tuple(s.strip() for s in separators)
