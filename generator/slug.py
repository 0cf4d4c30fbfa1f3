"""The names of files: an article's slug (its file and URL) and a raw capture's file name."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from pathlib import PurePosixPath

MAX_LENGTH = 80
SAFE_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Names Windows reserves, with any extension: a checkout with content/articles/con.md fails there.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))]
)

# A raw capture is published as-is under raw/: only plain text, so the browser never renders or runs it
# (an .html or .svg capture would be served as a page, an .md one read by MkDocs as one).
# A .jsonl dataset is text too, one JSON record per line.
CAPTURE_SUFFIX = ".txt"
CAPTURE_SUFFIXES = (CAPTURE_SUFFIX, ".jsonl")
SAFE_CAPTURE_NAME = re.compile(r"^[A-Za-z0-9]+(?:[._-][A-Za-z0-9]+)*\.(?:txt|jsonl)$")
MAX_CAPTURE_NAME = 120


def slugify(title: str) -> str:
    """A lower-case ASCII slug from a headline; a hash of it when no ASCII letter is left.

    >>> slugify("‘Criminal negligence’ or disregard to Russia-Israel ties")
    'criminal-negligence-or-disregard-to-russia-israel-ties'
    >>> slugify("Путин")
    'article-983b039e'
    >>> slugify("CON")
    'article-con'
    """
    folded = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode("ascii").lower()
    folded = re.sub(r"['’]", "", folded)
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")
    if len(slug) > MAX_LENGTH:
        slug = slug[:MAX_LENGTH].rsplit("-", 1)[0]
    if not slug:
        slug = "article-" + hashlib.sha256(title.encode("utf-8")).hexdigest()[:8]
    elif slug in WINDOWS_RESERVED:
        slug = f"article-{slug}"
    return slug


def is_safe_slug(slug: str) -> bool:
    """Lower-case ASCII words joined by hyphens, not a name Windows reserves: safe as a file name and in a URL."""
    return len(slug) <= MAX_LENGTH + 20 and SAFE_SLUG.match(slug) is not None and slug not in WINDOWS_RESERVED


def capture_name_problem(name: str) -> str | None:
    """What makes a raw capture's file name unsafe to publish under raw/, if anything.

    >>> [capture_name_problem(n) is None for n in ["004_9f95.txt", ".hidden.txt", "nul.txt", "page.html", "Путин.txt"]]
    [True, False, False, False, False]
    """
    if not name.endswith(CAPTURE_SUFFIXES):
        return "is not a .txt file: only plain-text captures (or .jsonl datasets) are published under raw/"
    if name.startswith("."):
        return "starts with a dot, which hides the file"
    if name.split(".", 1)[0].lower() in WINDOWS_RESERVED:
        return "is a name Windows reserves"
    if len(name) > MAX_CAPTURE_NAME or SAFE_CAPTURE_NAME.match(name) is None:
        return f"is not ASCII letters and digits joined by '.', '_' or '-' ({MAX_CAPTURE_NAME} characters at most)"
    return None


def safe_capture_name(name: str) -> str:
    """The name to suggest for a capture whose name is not safe: its stem as a slug, then .txt.

    >>> [safe_capture_name(n) for n in ["page.html", ".hidden.txt", "NUL.txt", "Idlib report 2.txt"]]
    ['page.txt', 'hidden.txt', 'article-nul.txt', 'idlib-report-2.txt']
    """
    return slugify(PurePosixPath(name).stem) + CAPTURE_SUFFIX
