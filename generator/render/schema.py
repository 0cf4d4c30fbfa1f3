"""The article front matter as JSON Schema, and as a commented skeleton for a new article, both from the model."""

from __future__ import annotations

import json
import types
import typing
from typing import Any

import yaml
from pydantic import BaseModel

from generator.model import FrontMatter

SCHEMA_PATH = "schema/front-matter.schema.json"
JSON_SCHEMA_DIALECT = "https://json-schema.org/draft/2020-12/schema"


def front_matter_schema() -> str:
    """schema/front-matter.schema.json: FrontMatter's JSON Schema, keys in a fixed order."""
    schema = {"$schema": JSON_SCHEMA_DIALECT, **FrontMatter.model_json_schema()}
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def _nested_model(annotation: Any) -> type[BaseModel] | None:
    """The model inside `SourceSpan | None` or `list[Reference]`, if any."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, list):
        for argument in typing.get_args(annotation):
            if model := _nested_model(argument):
                return model
    return None


def _value(key: str, value: Any) -> str:
    return yaml.safe_dump({key: value}, allow_unicode=True, sort_keys=False, width=100_000).rstrip("\n")


def article_skeleton(front: FrontMatter) -> str:
    """A new article file: each field under a comment from its description, the ones not given commented out."""
    given = front.model_dump(mode="python", exclude_unset=True, exclude_none=True)
    lines = [
        "---",
        f"# yaml-language-server: $schema=../../{SCHEMA_PATH}",
        "# Each field is explained in the comment above it. A field commented out is optional: to set it, remove",
        "# the '# ' before it. The article text goes below the closing '---', paragraphs separated by a blank line.",
        "# Then run `make check`, which names any mistake with its line.",
    ]
    for name, info in FrontMatter.model_fields.items():
        lines += ["", f"# {info.description}"]
        nested = _nested_model(info.annotation)
        if nested is not None:
            lines += [f"#   {sub}: {sub_info.description}" for sub, sub_info in nested.model_fields.items()]
        lines.append(_value(name, given[name]) if name in given else f"# {name}:")
    return "\n".join(lines) + "\n---\n"
