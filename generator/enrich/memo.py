"""The last build's themes and entities of each article, to reuse for the articles that did not change.

What themes and entities an article gets depends only on its headline and text, the choices its front
matter makes (themes, entities to add or remove), the data files and the enrichment code. So the answer is
kept by a digest of the first two, in a file whose salt is a digest of the last two: any change to
themes.yml, entities.yml or the code throws the whole file away. A preview after adding one article to ten
thousand then scans one text for names instead of ten thousand. The file is JSON (never unpickled), and
one that cannot be read is ignored: the memo can only save time, never change a page.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.config import SiteData
from generator.model import Article, EntityMention, ThemeMatch

_CODE = ("enrich/themes.py", "enrich/entities.py", "enrich/names.py", "enrich/memo.py", "model.py")


def salt(data: SiteData) -> str:
    """A digest of what enrichment reads besides the article: the themes, the entities and the code."""
    digest = hashlib.sha256()
    digest.update(repr((data.themes, data.entities)).encode("utf-8"))
    for name in _CODE:
        digest.update((Path(__file__).resolve().parent.parent / name).read_bytes())
    return digest.hexdigest()


def article_key(article: Article) -> str:
    """A digest of what enrichment reads of an article."""
    front = article.front
    edits = front.entities.model_dump(mode="json") if front.entities else None
    chosen = json.dumps([front.title, article.paragraphs, front.themes, edits], ensure_ascii=False)
    return hashlib.sha256(chosen.encode("utf-8")).hexdigest()


@dataclass
class Memo:
    """Themes and entities by article key, for one salt; `hits` counts the articles it answered."""

    salt: str
    entries: dict[str, Any] = field(default_factory=dict)
    hits: int = 0
    keys: dict[str, str] = field(default_factory=dict)  # slug -> article key, as recall() worked it out

    def key_of(self, article: Article) -> str:
        if article.slug not in self.keys:
            self.keys[article.slug] = article_key(article)
        return self.keys[article.slug]

    @classmethod
    def read(cls, path: Path, current_salt: str) -> Memo:
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored["salt"] == current_salt and isinstance(stored["entries"], dict):
                return cls(current_salt, stored["entries"])
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing, or not ours to trust: start afresh
        return cls(current_salt)

    def recall(self, article: Article) -> Article | None:
        """The article with its remembered themes and entities, or None."""
        entry = self.entries.get(self.key_of(article))
        if entry is None:
            return None
        try:
            themes = tuple(ThemeMatch(t, tuple((term, n) for term, n in terms), by) for t, terms, by in entry["themes"])
            entities = tuple(EntityMention(e, n, first) for e, n, first in entry["entities"])
        except (KeyError, TypeError, ValueError):
            return None
        self.hits += 1
        return replace(article, themes=themes, entities=entities)

    def serialised(self, articles: list[Article]) -> bytes:
        """The memo of these articles (only these: the file does not grow with removed ones)."""
        entries = {
            self.key_of(a): {
                "themes": [[m.theme_id, [list(t) for t in m.terms], m.by_maintainer] for m in a.themes],
                "entities": [[m.entity_id, m.count, m.first_sentence] for m in a.entities],
            }
            for a in articles
        }
        return json.dumps({"salt": self.salt, "entries": entries}, ensure_ascii=False, sort_keys=True).encode("utf-8")
