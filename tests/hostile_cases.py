"""Broken and hostile inputs, each with the outcome it must have: the tests run this table, and docs/input.md
shows it (a test checks that the page holds exactly this table; `pytest --update-expected` rewrites it).

Every input ends as an article page that shows its text literally, or as one error naming the file, the line or
field, what is wrong and how to fix it; a capture that is ingested again is skipped. Cases run in this order, in
one copy of the repository: a later case may meet the articles of an earlier one.
"""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

Arrival = Literal["ingest", "article file", "content/raw/", "outlets.yml"]

# Script that must never run, and markup that must never render: each payload sets window.__pwned, or fetches
# from another origin (evil.example), if it ever becomes HTML.
SCRIPT = "<script>window.__pwned = 'script'; alert('script')</script>"
IMAGE = "<img src=https://evil.example/x.png onerror=\"window.__pwned = 'img'\">"
LINK = "<a href=\"javascript:window.__pwned = 'a'\">a link</a>"
MARKDOWN = "[a link](javascript:window.__pwned='md') ![an image](https://evil.example/md.png)"
TEMPLATE = "{{ config.site_name }} {% if true %}jinja{% endif %}"
COMMENT = "<!-- a comment --> <style>body { display: none }</style>"
BIDI = "\u202etxt.exe\u202c and an isolate left open \u2067"
HOSTILE_TITLE = f"Hostile headline {SCRIPT} {MARKDOWN} {TEMPLATE}"
HOSTILE_AUTHOR = f"{IMAGE} {COMMENT}"
HOSTILE_BODY = f"{SCRIPT} {IMAGE} {LINK} {MARKDOWN} {TEMPLATE} {COMMENT} {BIDI}"
HOSTILE_OUTLET = {
    "id": "hostile-outlet",
    "name": f"Outlet {SCRIPT} {LINK}",
    "country": f"{TEMPLATE} {COMMENT}",
    "aliases": ["Hostile Outlet"],
}


@dataclass(frozen=True)
class Page:
    """The input becomes the article page articles/<slug>/, whose text shows `shows` literally."""

    slug: str
    shows: str

    def key(self) -> tuple[str, str]:
        return ("page", self.slug)


@dataclass(frozen=True)
class Refused:
    """The input is refused with this one error line (or, when not `exact`, an error that contains it)."""

    error: str
    exact: bool = True

    def key(self) -> tuple[str, str]:
        return ("refused", self.error)


@dataclass(frozen=True)
class Skipped:
    """Ingest leaves the existing article file alone and says so in this line."""

    line: str

    def key(self) -> tuple[str, str]:
        return ("skipped", self.line)


Outcome = Page | Refused | Skipped


@dataclass(frozen=True)
class Case:
    """One input: what it is (for the docs), how it arrives, its bytes (None: a folder), and its outcomes, one per
    article it holds."""

    id: str
    input: str
    arrives: Arrival
    name: str
    data: bytes | Callable[[], bytes] | None
    outcomes: tuple[Outcome, ...]
    given_as: str | None = None  # the path handed to ingest, when not captures/<name>
    pending: str | None = None  # the issue whose work makes the outcome true (the test is a strict xfail)

    def bytes(self) -> bytes:
        return self.data() if callable(self.data) else (self.data or b"")


def lines(*text: str, end: str = "\n") -> bytes:
    return "".join(line + end for line in text).encode("utf-8")


def article(*front: str, body: str | None = None) -> bytes:
    """An article file: the front matter's lines between '---' lines, then the body (by default, one that names the
    first field, so that no two articles have the same text)."""
    return lines("---", *front, "---", body or f"The text under {front[0] if front else 'nothing'}.")


HEADLINE_ONLY = "A headline and nothing else"
STORY_URL = "https://www.rt.com/news/400001-one-story/"
NO_TEXT_NOTE = "The capture holds the headline only; there is no text."
EXISTING_SLUG = "a-headline-and-nothing-else"
OK = ("outlet: unknown",)
TR = r"tr -d '\000-\010\013\014\016-\037\177'"
NEW = "check content/boilerplate.yml, or write the article by hand with `python -m generator new`"
SAME_NAME = "two articles cannot share a file name: write this one by hand under another name"
PERIOD = "outside the period the site covers, 2011-01-01 to 2018-12-31"
WIDEN = "widen the period in content/site.yml if the article belongs here"
NOT_A_DATE = "is not a date; write it as YYYY-MM-DD, a day that exists, e.g. 2016-10-19"
NO_FRONT = "has no front matter; start the file with a '---' line, the fields, then another '---'"
CONVERT_GUESS = "(check the text afterwards: the encoding is a guess)"
SPLIT = "split it into several files, one article or a few posts each"


def _ingest_cases() -> list[Case]:
    def refused(name: str, line: int | None, rest: str) -> Refused:
        return Refused(f"captures/{name}{f':{line}' if line else ''}: {rest}")

    return [
        Case("empty", "An empty file", "ingest", "empty.txt", b"", (refused("empty.txt", None, "holds no text; check that you captured the right page"),)),
        Case("blank", "Only spaces, tabs and blank lines", "ingest", "blank.txt", b"  \n\t\n\n", (refused("blank.txt", None, "holds no text; check that you captured the right page"),)),
        Case("headline-only", "A headline and nothing else", "ingest", "headline-only.txt", lines(HEADLINE_ONLY), (Page(EXISTING_SLUG, NO_TEXT_NOTE),)),
        Case("no-headline", "No headline: only declared boilerplate lines (`Advertisement`, `Share`)", "ingest", "no-headline.txt", lines("Advertisement", "", "Share"), (refused("no-headline.txt", 1, f"title: no headline: every line here is boilerplate or a separator; {NEW}"),)),
        Case("binary", "Binary data (every byte value)", "ingest", "binary.txt", bytes(range(256)) * 4, (refused("binary.txt", None, "is binary data, not text; give a plain-text capture of the article (the page saved as text, or its text copied into a .txt file)"),)),
        Case("bom", "UTF-8 with a byte-order mark", "ingest", "bom.txt", "\ufeffA headline after a byte-order mark\n\nThe text after a byte-order mark.\n".encode(), (Page("a-headline-after-a-byte-order-mark", "A headline after a byte-order mark"),)),
        Case("utf16", "UTF-16, with its byte-order mark", "ingest", "utf16.txt", "A UTF-16 headline\n\nThe text.\n".encode("utf-16"), (refused("utf16.txt", None, "is UTF-16 text, not UTF-8; convert it: iconv -f UTF-16 -t UTF-8 captures/utf16.txt > captures/utf16-utf8.txt"),)),
        Case("utf16-no-mark", "UTF-16 without a byte-order mark", "ingest", "utf16-no-mark.txt", "A UTF-16 headline\n\nThe text.\n".encode("utf-16-le"), (refused("utf16-no-mark.txt", None, "is UTF-16LE text, not UTF-8; convert it: iconv -f UTF-16LE -t UTF-8 captures/utf16-no-mark.txt > captures/utf16-no-mark-utf8.txt"),)),
        Case("cp1251", "Windows-1251 (Cyrillic)", "ingest", "cp1251.txt", "Путин заявил о выводе войск\n\nТекст статьи.\n".encode("cp1251"), (refused("cp1251.txt", 1, f"is not UTF-8 (byte 0xcf is not valid there); it looks like Windows-1251 (Cyrillic) text; convert it: iconv -f WINDOWS-1251 -t UTF-8 captures/cp1251.txt > captures/cp1251-utf8.txt {CONVERT_GUESS}"),)),
        Case("latin1", "Latin-1 (ISO-8859-1)", "ingest", "latin1.txt", "Talks in Geneva\n\nLe ministre a déclaré à Genève.\n".encode("latin-1"), (refused("latin1.txt", 3, f"is not UTF-8 (byte 0xe9 is not valid there); it looks like Latin-1 (ISO-8859-1) text; convert it: iconv -f ISO-8859-1 -t UTF-8 captures/latin1.txt > captures/latin1-utf8.txt {CONVERT_GUESS}"),)),
        Case("cp1252", "Windows-1252, with curly quotes", "ingest", "cp1252.txt", "Talks in Geneva\n\n“Progress,” he said.\n".encode("cp1252"), (refused("cp1252.txt", 3, f"is not UTF-8 (byte 0x93 is not valid there); it looks like Windows-1252 (Western) text; convert it: iconv -f WINDOWS-1252 -t UTF-8 captures/cp1252.txt > captures/cp1252-utf8.txt {CONVERT_GUESS}"),)),
        Case("crlf", "Windows line ends (CRLF)", "ingest", "crlf.txt", lines("A headline with CRLF line ends", "", "First paragraph, CRLF.", "Second paragraph, CRLF.", end="\r\n"), (Page("a-headline-with-crlf-line-ends", "Second paragraph, CRLF."),)),
        Case("cr", "Old Mac line ends (a lone CR)", "ingest", "cr.txt", lines("A headline with CR line ends", "", "First paragraph, CR.", "Second paragraph, CR.", end="\r"), (Page("a-headline-with-cr-line-ends", "Second paragraph, CR."),)),
        Case("nul", "A NUL byte in the text", "ingest", "nul-byte.txt", b"A headline\n\nThe\x00 text.\n", (refused("nul-byte.txt", 3, f"holds NUL (U+0000) at column 4, a control character; remove the control characters: {TR} < captures/nul-byte.txt > captures/nul-byte-clean.txt"),)),
        Case("control", "An escape sequence, and STX/ETX (Python-Markdown's own placeholders)", "ingest", "control.txt", b"A headline\n\n\x1b[31mRed\x1b[0m and \x02wzxhzdk:0\x03.\n", (refused("control.txt", 3, f"holds ESC (U+001B) at column 1, a control character; remove the control characters: {TR} < captures/control.txt > captures/control-clean.txt"),)),
        Case("invisible", "Zero-width and bidi control characters, and a line of only invisible characters above the headline", "ingest", "invisible.txt", lines("\u200b\u202e", "Zero\u200bwidth and \u202ebidi\u202c in a headline", "", f"Text with {BIDI}."), (Page("zerowidth-and-bidi-in-a-headline", f"Text with {BIDI}."),)),
        Case("arabic", "Arabic text", "ingest", "arabic.txt", lines("روسيا تكثف غاراتها على إدلب", "", "قالت وزارة الدفاع الروسية إن طائراتها نفذت غارات جديدة."), (Page("article-8aa19cc4", "قالت وزارة الدفاع الروسية إن طائراتها نفذت غارات جديدة."),)),
        Case("cyrillic", "Cyrillic text", "ingest", "cyrillic.txt", lines("Путин заявил о выводе войск из Сирии", "", "Президент России объявил о начале вывода войск."), (Page("article-a882a76c", "Президент России объявил о начале вывода войск."),)),
        Case("huge", "A 50 MB file", "ingest", "huge.txt", lambda: b"A huge capture\n\n" + b"Text of the capture. " * 2_380_952, (refused("huge.txt", None, f"is 50.0 MB; a file here may be at most 2 MB; {SPLIT}"),)),
        Case("long-line", "A line of 1 MB in the text", "ingest", "long-line.txt", lambda: b"A headline above a long line\n\n" + b"word " * 200_000 + b"\n", (Page("a-headline-above-a-long-line", "word word word word"),)),
        Case("one-line", "A whole capture on one line of 1 MB (its line breaks lost)", "ingest", "one-line.txt", lambda: b"word " * 200_000, (refused("one-line.txt", 1, "title: the headline would be this line of 999,999 characters; a headline has at most 400; the capture has probably lost its line breaks: capture the page again as text, headline on its own line"),)),
        Case("dashes", "A `---` line in the text", "ingest", "dashes.txt", lines("A headline above a rule", "", "Before the rule.", "---", "After the rule."), (Page("a-headline-above-a-rule", "---"),)),
        Case("hostile", "HTML, `<script>`, `<img onerror>`, `javascript:` links, Markdown links and images, `{{ }}`, `{% %}`, HTML comments and bidi controls in a captured headline, byline and text", "ingest", "hostile.txt", lines(HOSTILE_TITLE, f"By: {HOSTILE_AUTHOR}", "", f"Captured: {HOSTILE_BODY}"), (Page("hostile-headline-script-window-pwned-script-alert-script-script-a-link", HOSTILE_TITLE),)),
        Case("path-with-dots", "A capture given as `captures/../captures/x.txt`", "ingest", "path-with-dots.txt", lines("A headline given by a path with dots", "", "The text given by a path with dots."), (Page("a-headline-given-by-a-path-with-dots", "The text given by a path with dots."),), given_as="captures/../captures/path-with-dots.txt"),
        Case("title-path", "A headline that looks like a path (`../../etc/passwd`)", "ingest", "title-path.txt", lines("../../etc/passwd", "", "The text under a headline like a path."), (Page("etc-passwd", "../../etc/passwd"),)),
        Case("title-reserved", "A headline that is a name Windows reserves (`CON`)", "ingest", "title-reserved.txt", lines("CON", "", "The text under a reserved name."), (Page("article-con", "CON"),)),
        Case("name-hidden", "A file name with a leading dot", "ingest", ".hidden.txt", lines("A hidden headline"), (refused(".hidden.txt", None, "the file name starts with a dot, which hides the file; rename it to hidden.txt"),)),
        Case("name-reserved", "A file name Windows reserves (`CON.txt`)", "ingest", "CON.txt", lines("A reserved headline"), (refused("CON.txt", None, "the file name is a name Windows reserves; rename it to article-con.txt"),)),
        Case("name-non-ascii", "A non-ASCII file name", "ingest", "статья.txt", lines("A headline in a Cyrillic file name"), (refused("статья.txt", None, "the file name is not ASCII letters and digits joined by '.', '_' or '-' (120 characters at most); rename it to article-1347fb28.txt"),)),
        Case("name-html", "A capture named `.html` (it would be served as a page)", "ingest", "page.html", lines("A headline in an HTML file"), (refused("page.html", None, "the file name is not a .txt file: only plain-text captures (or .jsonl datasets) are published under raw/; rename it to page.txt"),)),
        Case("same-title-in-one-dump", "Two posts of one dump with the same headline", "ingest", "same-title-dump.txt", lines("One headline twice", "", "First post.", "Share:", "One headline twice", "", "Second post.", "Share:"), (Page("one-headline-twice", "First post."), refused("same-title-dump.txt", 5, f"title: gives the file name content/articles/one-headline-twice.md, which the article at line 1 has; {SAME_NAME}"))),
        Case("same-title", "A capture whose headline an earlier capture's article has", "ingest", "same-title.txt", lines(HEADLINE_ONLY, "", "Another text."), (refused("same-title.txt", 1, f"title: gives the file name content/articles/{EXISTING_SLUG}.md, which another article has; {SAME_NAME}"),)),
        Case("same-slug", "A capture whose headline differs from an earlier one's but gives the same slug", "ingest", "same-slug.txt", lines("A headline — and nothing else!", "", "Another text."), (refused("same-slug.txt", 1, f"title: gives the file name content/articles/{EXISTING_SLUG}.md, which another article has; {SAME_NAME}"),)),
        Case("again", "The same capture ingested again", "ingest", "headline-only.txt", lines(HEADLINE_ONLY), (Skipped(f"content/articles/{EXISTING_SLUG}.md: exists (line 1 of raw/headline-only.txt); ingest never overwrites an article file"),)),
        Case("name-taken", "A capture whose file name an earlier, different capture has", "ingest", "headline-only.txt", lines("Another headline", "", "Another text."), (refused("headline-only.txt", None, "content/raw/headline-only.txt holds another capture; rename this file and ingest it again"),)),
        Case("date-impossible", "A dateline naming no real day (`February 30, 2018`)", "ingest", "date-impossible.txt", lines("A headline with an impossible date", "February 30, 2018", "", "The text of a day that is not."), (Page("a-headline-with-an-impossible-date", "not established; the capture’s dateline (“February 30, 2018”) names no real day"),)),
        Case("date-future", "A dateline after the period (`May 1, 2031`)", "ingest", "date-future.txt", lines("A headline from the future", "May 1, 2031", "", "The text."), (refused("date-future.txt", 2, f"date: the dateline “May 1, 2031” gives 2031-05-01, {PERIOD}; {WIDEN}"),)),
        Case("date-early", "A dateline before 2011 (`May 1, 2009`)", "ingest", "date-early.txt", lines("A headline from 2009", "May 1, 2009", "", "The text."), (refused("date-early.txt", 2, f"date: the dateline “May 1, 2009” gives 2009-05-01, {PERIOD}; {WIDEN}"),)),
        Case("url-date-early", "A source URL whose path dates it before 2011", "ingest", "url-date-early.txt", lines("A headline with an old URL", "", "The text.", "Source: https://www.rt.com/news/2009/05/01/old/"), (refused("url-date-early.txt", 4, f"date: the date in the URL gives 2009-05-01, {PERIOD}; {WIDEN}"),)),
        Case("unknown-outlet", "An outlet that content/outlets.yml does not name", "ingest", "unknown-outlet.txt", lines("A headline from an unknown outlet", "", "The text.", "Source: Pravda Daily"), (refused("unknown-outlet.txt", 4, "outlet: 'Pravda Daily' is not an outlet in content/outlets.yml; add it there (id, name, domains or aliases, country) and ingest again"),)),
        Case("no-separators", "A blog dump with no separators: one article holding every post", "ingest", "no-separators.txt", lines("First post of a dump", "", "First text.", "", "Second post of the dump", "", "Second text."), (Page("first-post-of-a-dump", "Second post of the dump"),)),
        Case("separators-only", "A blog dump with separators only", "ingest", "separators-only.txt", lines("Share:", "", "Share:"), (refused("separators-only.txt", None, "holds only post separators; check that you captured the right page, with its posts"),)),
    ]  # fmt: skip


def _article_cases() -> list[Case]:
    def refused(name: str, line: int | None, rest: str) -> Refused:
        return Refused(f"content/articles/{name}{f':{line}' if line else ''}: {rest}")

    return [
        Case("article-empty", "An empty file", "article file", "article-empty.md", b"", (refused("article-empty.md", 1, NO_FRONT),)),
        Case("article-blank", "Only spaces and blank lines", "article file", "article-blank.md", b" \n\n", (refused("article-blank.md", 1, NO_FRONT),)),
        Case("article-headline-only", "A headline and no text", "article file", "article-headline-only.md", lines("---", "title: A hand-written headline only", *OK, "---"), (Page("article-headline-only", NO_TEXT_NOTE),)),
        Case("article-no-title", "No headline (no `title:`)", "article file", "article-no-title.md", article(*OK), (refused("article-no-title.md", 1, "title: is required; add it"),)),
        Case("article-invisible-title", "A headline of invisible characters only", "article file", "article-invisible-title.md", article('title: "\\u200b\\u202e"', *OK), (refused("article-invisible-title.md", 2, "title: is empty; write the text or remove the field"),)),
        Case("article-binary", "Binary data", "article file", "article-binary.md", bytes(range(256)) * 4, (refused("article-binary.md", None, "is binary data, not text; give a plain-text capture of the article (the page saved as text, or its text copied into a .txt file)"),)),
        Case("article-bom", "UTF-8 with a byte-order mark", "article file", "article-bom.md", b"\xef\xbb\xbf" + article("title: A hand-written file with a byte-order mark", *OK), (Page("article-bom", "A hand-written file with a byte-order mark"),)),
        Case("article-utf16", "UTF-16", "article file", "article-utf16.md", article("title: T", *OK).decode().encode("utf-16"), (refused("article-utf16.md", None, "is UTF-16 text, not UTF-8; convert it: iconv -f UTF-16 -t UTF-8 content/articles/article-utf16.md > content/articles/article-utf16-utf8.md"),)),
        Case("article-cp1251", "Windows-1251", "article file", "article-cp1251.md", article("title: Путин", *OK).decode().encode("cp1251"), (refused("article-cp1251.md", 2, f"is not UTF-8 (byte 0xcf is not valid there); it looks like Windows-1251 (Cyrillic) text; convert it: iconv -f WINDOWS-1251 -t UTF-8 content/articles/article-cp1251.md > content/articles/article-cp1251-utf8.md {CONVERT_GUESS}"),)),
        Case("article-crlf", "Windows line ends (CRLF)", "article file", "article-crlf.md", lines("---", "title: A hand-written file with CRLF", *OK, "---", "First, CRLF.", "", "Second, CRLF.", end="\r\n"), (Page("article-crlf", "Second, CRLF."),)),
        Case("article-cr", "Old Mac line ends (a lone CR)", "article file", "article-cr.md", lines("---", "title: A hand-written file with CR", *OK, "---", "First, CR.", "", "Second, CR.", end="\r"), (Page("article-cr", "Second, CR."),)),
        Case("article-nul", "A NUL byte", "article file", "article-nul.md", article("title: T", *OK, body="The\x00 text."), (refused("article-nul.md", 5, f"holds NUL (U+0000) at column 4, a control character; remove the control characters: {TR} < content/articles/article-nul.md > content/articles/article-nul-clean.md"),)),
        Case("article-invalid-yaml", "Front matter that is not valid YAML", "article file", "article-invalid-yaml.md", article("title: T", "outlet: [unknown"), (refused("article-invalid-yaml.md", 4, "is not valid YAML: expected ',' or ']', but got '<stream end>'; check the indentation and quoting there"),)),
        Case("article-laughs", "A “billion laughs”: anchors and aliases that expand", "article file", "article-laughs.md", article("title: T", *OK, "author: &a lol", "references: [*a, *a, *a]"), (refused("article-laughs.md", 5, "uses a YAML alias (*name), which is not allowed; write the value out"),)),
        Case("article-python-tag", "A YAML tag that would run code (`!!python/object/apply:os.system`)", "article file", "article-python-tag.md", article("title: !!python/object/apply:os.system ['echo owned']", *OK), (refused("article-python-tag.md", 2, "uses the YAML tag !!python/object/apply:os.system, which is not allowed; remove it, and quote a value that starts with '!'"),)),
        Case("article-key-twice", "A field given twice", "article file", "article-key-twice.md", article("title: T", *OK, "title: U"), (refused("article-key-twice.md", 4, "gives 'title' twice; keep one of them"),)),
        Case("article-unclosed", "Front matter with no closing `---`", "article file", "article-unclosed.md", lines("---", "title: T", *OK, "The text."), (refused("article-unclosed.md", 1, "the front matter is never closed; end it with a '---' line before the text"),)),
        Case("article-list", "Front matter that is a list, not fields", "article file", "article-list.md", article("- title", "- outlet"), (refused("article-list.md", 2, "the front matter is list, not fields; write one field per line, as 'title: The headline'"),)),
        Case("article-hostile", "HTML, script, links, templates, comments and bidi controls in a hand-written title, author and text", "article file", "article-hostile.md", article(f"title: {json.dumps(HOSTILE_TITLE)}", *OK, f"author: {json.dumps(HOSTILE_AUTHOR)}", body=HOSTILE_BODY), (Page("article-hostile", HOSTILE_BODY),)),
        Case("article-hostile-outlet", "HTML, script and templates in an outlet's name and country", "outlets.yml", "article-hostile-outlet.md", article("title: An article from a hostile outlet", f"outlet: {HOSTILE_OUTLET['id']}"), (Page("article-hostile-outlet", HOSTILE_OUTLET["name"]),)),
        Case("article-dashes", "A `---` line in the text", "article file", "article-dashes.md", article("title: A hand-written rule", *OK, body="Before.\n\n---\n\nAfter."), (Page("article-dashes", "---"),)),
        Case("article-hidden", "A file name with a leading dot", "article file", ".article-hidden.md", article("title: A hidden file", *OK), (refused(".article-hidden.md", None, "the file name '.article-hidden' is not a safe slug; rename it to a-hidden-file.md"),)),
        Case("article-reserved", "A file name Windows reserves (`con.md`)", "article file", "con.md", article("title: A reserved name", *OK), (refused("con.md", None, "the file name 'con' is not a safe slug; rename it to a-reserved-name.md"),)),
        Case("article-non-ascii", "A non-ASCII file name", "article file", "статья.md", article("title: A Cyrillic file name", *OK), (refused("статья.md", None, "the file name 'статья' is not a safe slug; rename it to a-cyrillic-file-name.md"),)),
        Case("article-not-md", "A file that is not `.md`", "article file", "notes.txt", b"Notes to self.\n", (refused("notes.txt", None, "is not an article file (.md); article files are .md files directly in this folder"),)),
        Case("article-folder", "A folder", "article file", "2016", None, (refused("2016", None, "is a folder; article files are .md files directly in this folder"),)),
        Case("article-same-title", "Two article files with the same title (as a maintainer writes a slug collision by hand)", "article file", "a-headline-and-nothing-else-2.md", article(f"title: {HEADLINE_ONLY}", *OK), (Page("a-headline-and-nothing-else-2", HEADLINE_ONLY),)),
        Case("article-with-url", "An article file with a URL another article file has", "article file", "article-with-url.md", article("title: A story at a URL", *OK, f"url: {STORY_URL}"), (Refused("content/articles/article-with-url.md:4: url: the same URL as content/articles/article-with-url-again.md; it is one article captured twice: keep one of the two files"),)),
        Case("article-same-url", "Two articles with the same URL (this one and the one above)", "article file", "article-with-url-again.md", article("title: Another copy of the story", *OK, f"url: {STORY_URL}"), (Page("article-with-url-again", "Another copy of the story"),)),
        Case("article-date-impossible", "An impossible date (`2018-02-30`)", "article file", "article-date-impossible.md", article("title: T", *OK, "date: 2018-02-30", "date_source: maintainer"), (refused("article-date-impossible.md", 4, f'date: "2018-02-30" {NOT_A_DATE}'),)),
        Case("article-date-future", "A date in the future (`2031-05-01`)", "article file", "article-date-future.md", article("title: T", *OK, "date: 2031-05-01", "date_source: maintainer"), (refused("article-date-future.md", 4, f"date: 2031-05-01 lies {PERIOD}; correct the date, or {WIDEN}"),)),
        Case("article-date-early", "A date before 2011 (`2009-05-01`)", "article file", "article-date-early.md", article("title: T", *OK, "date: 2009-05-01", "date_source: maintainer"), (refused("article-date-early.md", 4, f"date: 2009-05-01 lies {PERIOD}; correct the date, or {WIDEN}"),)),
        Case("article-unknown-theme", "An unknown theme id", "article file", "article-unknown-theme.md", article("title: T", *OK, "themes: [idlib, aleppo-siege]"), (refused("article-unknown-theme.md", 4, "themes: 'aleppo-siege' is not a theme id in content/themes.yml; use one of: idlib, il-20, geneva, chemical-weapons, air-campaign, aleppo, astana-sochi, us-russia, other"),)),
        Case("article-javascript-url", "A `javascript:` URL", "article file", "article-javascript-url.md", article("title: T", *OK, "url: javascript:alert(1)"), (refused("article-javascript-url.md", 4, "url: 'javascript:alert(1)' is not an http(s) URL"),)),
        Case("article-source-outside", "A source path that leaves content/raw/ (`../../etc/passwd`)", "article file", "article-source-outside.md", article("title: T", *OK, "source: {file: ../../etc/passwd, first_line: 1, last_line: 1, sha256: " + "a" * 64 + "}"), (refused("article-source-outside.md", 4, "source.file: '../../etc/passwd' is not a capture in content/raw/; give the path of the capture as raw/<name>.txt"),)),
        Case("article-huge", "A 5 MB article file", "article file", "article-huge.md", lambda: article("title: T", *OK, body="Text. " * 833_334), (refused("article-huge.md", None, f"is 5.0 MB; a file here may be at most 4 MB; {SPLIT}"),)),
        Case("raw-html", "A file put straight into content/raw/ as `.html`", "content/raw/", "page.html", lines("<script>alert(1)</script>"), (Refused("content/raw/page.html: is not a .txt file: only plain-text captures (or .jsonl datasets) are published under raw/; rename it to page.txt"),)),
    ]  # fmt: skip


CASES = _ingest_cases() + _article_cases()


def visible(text: str) -> str:
    """Text for the docs, with invisible and control characters written as their code points."""
    return "".join(f"U+{ord(c):04X}" if unicodedata.category(c) in ("Cf", "Cc") else c for c in text)


def _code(text: str) -> str:
    text = visible(text)
    fence = "``" if "`" in text else "`"
    return f"{fence} {text} {fence}" if fence == "``" else f"`{text}`"


def documented_outcome(case: Case) -> str:
    """The table's Outcome cell: one line per article the input holds."""
    if case.pending:
        return f"reported by `check` (duplicate {case.outcomes[0].key()[1]}); waits for {case.pending.split(':')[0]}"
    cells = []
    for outcome in case.outcomes:
        if isinstance(outcome, Page):
            cells.append(f"article page `articles/{outcome.slug}/`, showing {_code(outcome.shows)}")
        elif isinstance(outcome, Refused):
            cells.append(f"refused: {_code(outcome.error)}")
        else:
            cells.append(f"skipped: {_code(outcome.line)}")
    return "<br>".join(cells)


def docs_table() -> str:
    """The Markdown table docs/input.md shows."""
    rows = ["| Input | Arrives as | Outcome |", "| --- | --- | --- |"]
    for case in CASES:
        cells = [case.input, case.arrives, documented_outcome(case)]
        assert not any("|" in cell for cell in cells), f"{case.id}: a '|' would split the table's cell"
        rows.append("| " + " | ".join(cells) + " |")
    return "\n".join(rows) + "\n"
