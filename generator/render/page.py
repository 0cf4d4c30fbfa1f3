"""A generated Markdown page: front matter (title, meta description, extra data), a note, the body."""

from __future__ import annotations

import json
import re
from typing import Any

from generator.render.text import GENERATED_NOTE, attribute

# What JSON writes as is but YAML reads otherwise: C1 controls and non-characters, which YAML refuses, and the
# line and paragraph separators, which it folds like line breaks.
_NOT_YAML_AS_IS = re.compile("[\x7f-\x9f\u2028\u2029\ufffe\uffff]")
# Pagefind indexes the built pages (site.py); Material's own index stays empty, so no page downloads it.
SEARCH_EXCLUDE = {"search": {"exclude": True}}


def page(title: str, description: str, source: str, body: list[str], meta: dict[str, Any] | None = None) -> str:
    """The page's text. Title and description are HTML-escaped: MkDocs puts them in the head unescaped.

    `source` is what the page is made from, relative to the repository; when it is one file, "edit this
    page" opens it (`edit_path`, read by overrides/partials/actions.html), never the generated page.
    """
    edit_path = None if source.endswith("/") else source
    front = {
        "title": attribute(title),
        "description": attribute(description),
        "edit_path": edit_path,
        **(meta or {}),
        **SEARCH_EXCLUDE,
    }
    header = "".join(f"{key}: {_json_value(value)}\n" for key, value in front.items())
    return "---\n" + header + "---\n\n" + GENERATED_NOTE.format(source=source) + "\n\n" + "\n\n".join(body) + "\n"


def _json_value(value: Any) -> str:
    """A front-matter value as JSON, which YAML reads as the same value: a tenth of the time of a YAML dumper
    for the ten thousand pages of a large corpus.

    >>> import yaml
    >>> value = {"exclude": True, "names": ["Idlib", 'say "no"\u2028\x85'], "none": None}
    >>> yaml.safe_load(_json_value(value)) == value
    True
    """
    text = json.dumps(value, ensure_ascii=False)
    return _NOT_YAML_AS_IS.sub(lambda match: f"\\u{ord(match.group()):04x}", text)
