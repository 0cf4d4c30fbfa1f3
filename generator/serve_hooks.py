"""The MkDocs hook of `python -m generator serve`, beside mkdocs_hooks.py: each preview is indexed for search.

`build` runs Pagefind after MkDocs. `mkdocs serve` builds into a folder of its own, again after each change,
and knows nothing of Pagefind: without this, the preview's search box found nothing.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from generator.site import index_for_search


def on_post_build(config: Any, **_: Any) -> None:
    index_for_search(Path(config["site_dir"]))
