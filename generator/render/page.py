"""A generated Markdown page: front matter (title, meta description, extra data), a note, the body."""

from __future__ import annotations

from typing import Any

import yaml

from generator.render.text import GENERATED_NOTE, attribute

# libyaml's emitter writes the same YAML as PyYAML's, in a fifth of the time; PyYAML's where libyaml is missing.
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
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
    header = yaml.dump(front, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=100_000)
    return "---\n" + header + "---\n\n" + GENERATED_NOTE.format(source=source) + "\n\n" + "\n\n".join(body) + "\n"
