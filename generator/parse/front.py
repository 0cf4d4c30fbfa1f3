"""A maintained article file (front matter + plain-text body) <-> FrontMatter and paragraphs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler
from pydantic import ValidationError

from generator.config import validation_errors, yaml_error
from generator.errors import ContentError, ContentErrors
from generator.model import FrontMatter

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


class FrontMatterLoader(yaml.SafeLoader):
    """PyYAML's safe loader, less two things: dates stay text for the model to validate (so
    "2018-02-30" is a field error, not a crash), and aliases are refused (no "billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "uses a YAML alias (*name); write the value out instead", event.start_mark
            )
        return super().compose_node(parent, index)


def _timestamp_as_text(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> str:
    return str(loader.construct_scalar(node))


FrontMatterLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


class _SafeYAMLHandler(YAMLHandler):
    def load(self, fm: str, **kwargs: object) -> Any:
        return yaml.load(fm, Loader=FrontMatterLoader)  # noqa: S506 - a SafeLoader subclass


def split_paragraphs(body: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; the text of each is kept as written."""
    return tuple(p.strip() for p in _PARAGRAPH_BREAK.split(body.replace("\r\n", "\n")) if p.strip())


def field_lines(text: str) -> dict[str, int]:
    """The line (in the file) of each top-level key of an article file's front matter."""
    front_text = text.split("\n---", 1)[0].removeprefix("---")
    try:
        node = yaml.compose(front_text, Loader=FrontMatterLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    # The text starts right after the opening '---', so its line 0 is the file's line 1.
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}


def body_line(text: str) -> int | None:
    """The line of an article file where the body starts: the one after the front matter's closing '---'.

    >>> body_line("---\\ntitle: T\\noutlet: rt\\n---\\nText.\\n")
    5
    """
    lines = text.split("\n")
    closing = next((n for n, line in enumerate(lines[1:], start=2) if line.rstrip() == "---"), None)
    return closing + 1 if closing is not None else None


def read_article(path: Path, text: str) -> tuple[FrontMatter, tuple[str, ...]]:
    """Parse and validate one article file; every problem is a ContentError naming the field and line."""
    if not text.startswith("---"):
        raise ContentErrors(
            [
                ContentError(
                    path,
                    1,
                    None,
                    "has no front matter",
                    "start the file with a '---' line, the fields, then another '---'",
                )
            ]
        )
    try:
        post = frontmatter.loads(text, handler=_SafeYAMLHandler())
    except yaml.YAMLError as error:
        raise ContentErrors([yaml_error(path, error)]) from error
    metadata: dict[str, Any] = dict(post.metadata)
    lines = field_lines(text)
    try:
        front = FrontMatter.model_validate(metadata)
    except ValidationError as error:
        found = []
        for item in validation_errors(path, None, error):
            top = (item.field or "").split(".")[0]
            found.append(ContentError(path, lines.get(top, 1), item.field, item.message, item.hint))
        raise ContentErrors(found) from error
    return front, split_paragraphs(post.content)


def write_article(front: FrontMatter, paragraphs: tuple[str, ...]) -> str:
    """The text of an article file: fields in model order, empty ones left out, then the body."""
    data = front.model_dump(mode="python", exclude_none=True)
    data = {key: value for key, value in data.items() if value != []}
    post = frontmatter.Post("\n\n".join(paragraphs), **data)
    return frontmatter.dumps(post, sort_keys=False, allow_unicode=True, width=100_000) + "\n"
