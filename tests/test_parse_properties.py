"""Properties of the parser, the article file and the names, checked with generated inputs (hypothesis).

"The raw text's lines" are the lines RawFile reads: the text split at LF, CRLF or a lone CR, a byte-order mark
dropped. A line is blank when it holds only whitespace and invisible format characters (zero-width spaces, bidi
marks, a soft hyphen): blank lines separate paragraphs and carry no text, so they are neither body nor set aside.
Every other line of a post is given back exactly once: set aside with its text unchanged, or in the body as the
line with the whitespace around it removed, in the order of the raw file.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from urllib.parse import quote

from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator import site
from generator.config import load_site_data
from generator.errors import ContentError
from generator.parse.capture import Draft, RawFile, parse_segment, split_posts
from generator.parse.decode import decode_text
from generator.parse.front import read_article, write_article
from generator.slug import WINDOWS_RESERVED, capture_name_problem, is_safe_slug, safe_capture_name, slugify
from generator.visible import is_blank

CONTENT = Path(__file__).resolve().parent.parent / "content"
DATA = load_site_data(CONTENT)
LINE_ENDS = "\r\n"

# Lines drawn from what captures hold: boilerplate, separators, metadata, invisible characters, and any text.
line = st.one_of(
    st.sampled_from(
        [
            "",
            "   ",
            "Share:",
            "Share",
            "Advertisement",
            "Related: Another headline",
            "READ MORE: X",
            "Source: https://www.rt.com/news/1-x/",
            "Source: RT",
            "Author : A. N. Other",
            "May 1, 2016",
            "February 30, 2018",
            "Related:",
            "---",
            "\u200b",
            "\u202eevil\u202c",
            "\xad",
            "<script>alert(1)</script>",
        ]
    ),
    st.text(st.characters(blacklist_categories=["Cs"], blacklist_characters=LINE_ENDS), max_size=60),
)
# Any mix of line ends, with or without a byte-order mark and a final line end.
raw_text = st.builds(
    lambda bom, lines, ends, final: bom + "".join(text + end for text, end in zip(lines, ends, strict=False)) + final,
    st.sampled_from(["", "\ufeff"]),
    st.lists(line, max_size=30),
    st.lists(st.sampled_from(["\n", "\r\n", "\r"]), min_size=30, max_size=30),
    st.sampled_from(["", "x"]),
)


def drafts_of(text: str) -> list[tuple[range, Draft | ContentError]]:
    """Each post's line numbers and its draft, or the ContentError that refused it."""
    raw = RawFile.from_text("raw/x.txt", text)
    found: list[tuple[range, Draft | ContentError]] = []
    for segment in split_posts(raw, DATA.separators):
        try:
            draft: Draft | ContentError = parse_segment(raw, segment, DATA)
        except ContentError as error:
            draft = error
        found.append((range(segment.first, segment.last + 1), draft))
    return found


@settings(max_examples=500, deadline=None)
@given(raw_text)
def test_body_plus_set_aside_lines_give_back_the_raw_lines_in_order(text: str) -> None:
    raw = RawFile.from_text("raw/x.txt", text)
    posts = drafts_of(text)
    in_posts = [n for numbers, _ in posts for n in numbers]
    assert in_posts == sorted(set(in_posts))  # posts do not overlap, and come in file order
    outside = [raw.line(n) for n in range(1, len(raw.lines) + 1) if n not in set(in_posts)]
    assert all(is_blank(line) or line.strip() in DATA.separators for line in outside)  # no text between posts
    for numbers, draft in posts:
        if isinstance(draft, ContentError):
            continue  # a refused post is one error naming its line; ingest reports it
        set_aside = {s.line: s.text for s in draft.front.set_aside}
        assert set(set_aside) <= set(numbers)
        text_lines = [n for n in numbers if not is_blank(raw.line(n))]
        body = iter(draft.paragraphs)
        given_back = [set_aside[n] if n in set_aside else next(body) for n in text_lines]
        assert next(body, None) is None  # no paragraph left over
        assert given_back == [raw.line(n) if n in set_aside else raw.line(n).strip() for n in text_lines]


@settings(max_examples=500, deadline=None)
@given(raw_text)
@example(":\xa0")  # python-frontmatter stripped the no-break space off the last YAML value
@example(":\x85")  # PyYAML writes it plain, and reads a line break
def test_the_article_file_ingest_writes_reads_back_the_same(text: str) -> None:
    for _, draft in drafts_of(text):
        if isinstance(draft, Draft):
            written = write_article(draft.front, draft.paragraphs)
            assert read_article(Path("content/articles/x.md"), written) == (draft.front, draft.paragraphs)


reserved_or_tricky = st.sampled_from(
    [*WINDOWS_RESERVED, "CON", "Nul", "../../etc/passwd", ".hidden", "..", "-", "a/b", "C:\\x", "%2e%2e", "Путин"]
)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=200), reserved_or_tricky))
def test_slug_is_safe_as_a_file_name_and_url_and_depends_only_on_the_title(title: str) -> None:
    slug = slugify(title)
    assert is_safe_slug(slug)
    assert slug == slugify(title)
    assert slug.isascii() and quote(slug) == slug and len(slug) <= 80
    assert ".." not in slug and not slug.startswith(".") and "/" not in slug and "\\" not in slug
    assert slug not in WINDOWS_RESERVED


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=150), reserved_or_tricky.map(lambda name: name + ".txt")))
def test_capture_names_are_accepted_only_when_safe_and_the_suggestion_always_is(name: str) -> None:
    if capture_name_problem(name) is None:
        assert name.isascii() and quote(name) == name and not name.startswith(".")
        assert name.endswith(".txt") and name.split(".")[0].lower() not in WINDOWS_RESERVED
    assert capture_name_problem(safe_capture_name(name)) is None


titles = st.text(st.characters(categories=["L", "N", "P", "Zs"]), min_size=1, max_size=40)
# The least content/ that ingest reads (the repository's takes 0.2 s to load: too slow to repeat 100 times).
SMALL_CONTENT = {
    "themes.yml": "themes:\n- {id: other, title: Other, summary: S, intro: I}\n",
    "outlets.yml": "outlets:\n- {id: unknown, name: Outlet not stated}\n",
    "boilerplate.yml": "post_separators: ['Share:']\nrules: []\n",
    "site.yml": "period: {start: 2011-01-01, end: 2018-12-31}\n",
    "entities.yml": "entities: []\n",
}


@settings(max_examples=100, deadline=None)
@given(st.lists(titles, min_size=1, max_size=6))
def test_ingest_gives_each_post_one_outcome_and_each_article_its_own_file(post_titles: list[str]) -> None:
    dump = "".join(f"{title}\n\nText of post {index}.\nShare:\n" for index, title in enumerate(post_titles))
    with tempfile.TemporaryDirectory() as directory:
        root = Path(directory)
        (root / "content" / "articles").mkdir(parents=True)
        (root / "content" / "raw").mkdir()
        for name, text in SMALL_CONTENT.items():
            (root / "content" / name).write_text(text, encoding="utf-8")
        (root / "dump.txt").write_text(dump, encoding="utf-8")
        report = site.ingest(site.Project(root), [root / "dump.txt"])
        files = sorted((root / "content" / "articles").iterdir())
        assert report.records == len(report.created) + len(report.skipped) + len(report.errors)
        assert len(files) == len(report.created)  # one file per created article, none overwritten
        for path in files:
            front, _ = read_article(path, path.read_text(encoding="utf-8"))
            assert path.stem == slugify(front.title)
        for error in report.errors:  # a refusal here is a post whose file name another post has, or names an outlet
            collision = error.message.startswith("gives the file name content/articles/")
            assert collision or error.field == "outlet", error
            if collision:
                assert (root / error.message.split()[4].rstrip(",")).is_file()


@settings(max_examples=500, deadline=None)
@given(st.one_of(st.binary(max_size=300), st.text(max_size=100).map(lambda text: text.encode("utf-8"))))
def test_decoding_gives_text_without_control_characters_or_one_error(data: bytes) -> None:
    try:
        text = decode_text("x.txt", data)
    except ContentError as error:
        assert str(error).startswith("x.txt")
        return
    assert text == data.decode("utf-8").removeprefix("\ufeff")
    assert not any(ord(char) < 32 and char not in "\t\r\n" for char in text)
