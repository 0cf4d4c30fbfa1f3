"""The one function that names an article's file and URL."""

from __future__ import annotations

import hashlib
import re
import unicodedata

MAX_LENGTH = 80
SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slugify(title: str) -> str:
    """A lower-case ASCII slug from a headline; a hash of it when no ASCII letter is left.

    >>> slugify("‘Criminal negligence’ or disregard to Russia-Israel ties")
    'criminal-negligence-or-disregard-to-russia-israel-ties'
    >>> slugify("Путин")
    'article-983b039e'
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    folded = re.sub(r"['’]", "", folded)
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0]
    if not slug:
        slug = "article-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:8]
    return slug


def is_safe_slug(slug: str) -> bool:
    """Lower-case ASCII words joined by hyphens: safe as a file name and in a URL."""
    return len(slug) <= MAX_LENGTH + 20 and SAFE_SLUG.match(slug) is not None
