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


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same safe loading by libyaml's C parser, ten times faster; it cannot refuse an alias as it parses."""


_FastLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp_as_text)


def _has_alias(root: yaml.Node) -> bool:
    """Whether a node is reached twice: an alias shares the node of its anchor."""
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            return True
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            stack += [part for pair in node.value for part in pair]
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return False


def _key_lines(node: yaml.Node | None) -> dict[str, int]:
    """The line of each top-level key; the front matter's text starts on the file's line 1."""
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}


def _compose(loader_class: type[yaml.SafeLoader], text: str) -> yaml.Node | None:
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


class _SafeYAMLHandler(YAMLHandler):
    """Parses the front matter once and keeps the line of each key."""

    lines: dict[str, int]

    def load(self, fm: str, **kwargs: object) -> Any:
        try:
            node = _compose(_FastLoader, fm)
            fast = node is None or not _has_alias(node)
        except yaml.YAMLError:
            fast = False
        if not fast:
            # Broken or aliased YAML: PyYAML's own parser gives the error its wording and line (and refuses aliases).
            node = _compose(FrontMatterLoader, fm)
        self.lines = _key_lines(node)
        if node is None:
            return None
        loader = FrontMatterLoader("")
        try:
            return loader.construct_document(node)
        finally:
            loader.dispose()


def split_paragraphs(body: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; the text of each is kept as written."""
    return tuple(p.strip() for p in _PARAGRAPH_BREAK.split(body.replace("\r\n", "\n")) if p.strip())


def read_article(path: Path, text: str) -> tuple[FrontMatter, tuple[str, ...]]:
    """Parse and validate one article file; every problem is a ContentError naming the field and line."""
    front, paragraphs, _ = parse_article(path, text)
    return front, paragraphs


def parse_article(path: Path, text: str) -> tuple[FrontMatter, tuple[str, ...], dict[str, int]]:
    """read_article, and the line of each front-matter key (the YAML is parsed once)."""
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
    handler = _SafeYAMLHandler()
    handler.lines = {}
    try:
        post = frontmatter.loads(text, handler=handler)
    except yaml.YAMLError as error:
        raise ContentErrors([yaml_error(path, error)]) from error
    metadata: dict[str, Any] = dict(post.metadata)
    lines = handler.lines
    try:
        front = FrontMatter.model_validate(metadata)
    except ValidationError as error:
        found = []
        for item in validation_errors(path, None, error):
            top = (item.field or "").split(".")[0]
            found.append(ContentError(path, lines.get(top, 1), item.field, item.message, item.hint))
        raise ContentErrors(found) from error
    return front, split_paragraphs(post.content), lines


def write_article(front: FrontMatter, paragraphs: tuple[str, ...]) -> str:
    """The text of an article file: fields in model order, empty ones left out, then the body."""
    data = front.model_dump(mode="python", exclude_none=True)
    data = {key: value for key, value in data.items() if value != []}
    post = frontmatter.Post("\n\n".join(paragraphs), **data)
    return frontmatter.dumps(post, sort_keys=False, allow_unicode=True, width=100_000) + "\n"
