"""A maintained article file (front matter + plain-text body) <-> FrontMatter and paragraphs."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import yaml
from pydantic import ValidationError

from generator.config import ContentLoader, validation_errors, yaml_error
from generator.errors import ContentError, ContentErrors
from generator.model import FrontMatter


class FrontMatterLoader(ContentLoader):
    """The content loader, which also refuses aliases (no "billion laughs")."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()  # type: ignore[no-untyped-call]
            raise yaml.composer.ComposerError(
                None, None, "uses a YAML alias (*name), which is not allowed", event.start_mark, "write the value out"
            )
        return super().compose_node(parent, index)


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """libyaml's C parser, ten times faster than PyYAML's; it cannot refuse an alias as it parses."""


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


def _compose(loader_class: type[yaml.SafeLoader], text: str) -> yaml.Node | None:
    loader = loader_class(text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def _load_front(front_text: str) -> tuple[Any, dict[str, int]]:
    """The front matter's data and the line of each top-level key, the YAML parsed once.

    libyaml composes it; where it fails or finds an alias, PyYAML's parser composes it again, to refuse the
    alias or word the error as it always has. FrontMatterLoader constructs the data either way (a key given
    twice is refused, dates stay text).
    """
    try:
        node = _compose(_FastLoader, front_text)
        fast = node is None or "*" not in front_text or not _has_alias(node)  # an alias is written *name
    except yaml.YAMLError:
        fast = False
    if not fast:
        node = _compose(FrontMatterLoader, front_text)
    if node is None:
        return None, {}
    lines = {}
    if isinstance(node, yaml.MappingNode):
        lines = {key.value: key.start_mark.line + 1 for key, _ in node.value if isinstance(key, yaml.ScalarNode)}
    loader = FrontMatterLoader("")
    try:
        return loader.construct_document(node), lines
    finally:
        loader.dispose()


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
_DELIMITER = re.compile(r"^---[ \t]*$", re.MULTILINE)


def split_paragraphs(body: str) -> tuple[str, ...]:
    """Paragraphs are separated by blank lines; the text of each is kept as written."""
    return tuple(p.strip() for p in _PARAGRAPH_BREAK.split(body) if p.strip())


def split_front_matter(path: Path, text: str) -> tuple[str, str]:
    """The front matter's YAML and the body, split at the first two '---' lines; a later '---' is body text.

    The YAML starts with the line end of the opening '---', so its line 0 is the file's line 1.
    """
    opening = _DELIMITER.match(text)
    if opening is None:
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
    closing = _DELIMITER.search(text, opening.end())
    if closing is None:
        raise ContentErrors(
            [
                ContentError(
                    path, 1, None, "the front matter is never closed", "end it with a '---' line before the text"
                )
            ]
        )
    return text[opening.end() : closing.start()], text[closing.end() :]


def body_line(text: str) -> int | None:
    """The line of an article file where the body starts: the one after the front matter's closing '---'.

    >>> body_line("---\\ntitle: T\\noutlet: rt\\n---\\nText.\\n")
    5
    """
    lines = text.split("\n")
    closing = next((n for n, line in enumerate(lines[1:], start=2) if line.rstrip() == "---"), None)
    return closing + 1 if closing is not None else None


def field_lines(text: str) -> dict[str, int]:
    """The line (in the file) of each top-level key of an article file's front matter."""
    try:
        front_text, _ = split_front_matter(Path(), _unix_line_ends(text))
        node = yaml.compose(front_text, Loader=FrontMatterLoader)
    except (ContentErrors, yaml.YAMLError):
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {key.value: key.start_mark.line + 1 for key, _ in node.value}


def _unix_line_ends(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_article(path: Path, text: str) -> tuple[FrontMatter, tuple[str, ...]]:
    """Parse and validate one article file; every problem is a ContentError naming the field and line."""
    front, paragraphs, _ = parse_article(path, text)
    return front, paragraphs


def parse_article(path: Path, text: str) -> tuple[FrontMatter, tuple[str, ...], dict[str, int]]:
    """read_article, and the line of each front-matter key (field_lines without parsing the YAML again)."""
    text = _unix_line_ends(text)
    front_text, body = split_front_matter(path, text)
    try:
        metadata, lines = _load_front(front_text)
    except yaml.YAMLError as error:
        raise ContentErrors([yaml_error(path, error)]) from error
    if metadata is None:
        metadata = {}
    if not isinstance(metadata, dict):
        raise ContentErrors(
            [
                ContentError(
                    path,
                    2,
                    None,
                    f"the front matter is {type(metadata).__name__ if not isinstance(metadata, str) else 'text'}, "
                    "not fields",
                    "write one field per line, as 'title: The headline'",
                )
            ]
        )
    try:
        front = FrontMatter.model_validate(metadata)
    except ValidationError as error:
        found = []
        for item in validation_errors(path, None, error):
            top = (item.field or "").split(".")[0]
            found.append(ContentError(path, lines.get(top, 1), item.field, item.message, item.hint))
        raise ContentErrors(found) from error
    return front, split_paragraphs(body), lines


class _ArticleDumper(yaml.SafeDumper):
    """PyYAML's safe dumper, which double-quotes a string whenever the style PyYAML would choose does not read back
    as the same string (it writes ':\\x85' plain, and reads that back as ': ')."""


def _represent_text(dumper: _ArticleDumper, value: str) -> yaml.ScalarNode:
    alone = yaml.dump({"x": value}, Dumper=yaml.SafeDumper, allow_unicode=True, width=100_000)
    try:
        reads_back = yaml.load(alone, Loader=FrontMatterLoader) == {"x": value}  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        reads_back = False
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=None if reads_back else '"')


_ArticleDumper.add_representer(str, _represent_text)


def write_article(front: FrontMatter, paragraphs: tuple[str, ...]) -> str:
    """The text of an article file: fields in model order, empty ones left out, then the body.

    Written here rather than by python-frontmatter, which strips the YAML it writes: a last value ending in a
    no-break space (a set-aside line ':\xa0') lost it, and the file no longer read back.
    """
    data = front.model_dump(mode="python", exclude_none=True)
    data = {key: value for key, value in data.items() if value != []}
    fields = yaml.dump(data, Dumper=_ArticleDumper, sort_keys=False, allow_unicode=True, width=100_000)
    body = "\n\n".join(paragraphs)
    return f"---\n{fields}---\n" + (f"\n{body}\n" if body else "")
