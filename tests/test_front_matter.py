"""The article file's front matter: validated against the model, errors name the file, line and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.errors import ContentErrors
from generator.model import SetAsideLine
from generator.parse.front import read_article, write_article

PATH = Path("content/articles/x.md")
REPO_ARTICLES = Path(__file__).resolve().parent.parent / "content" / "articles"


def errors_of(text: str) -> list[str]:
    with pytest.raises(ContentErrors) as raised:
        read_article(PATH, text)
    return [str(error) for error in raised.value.errors]


def test_missing_title_is_an_error_naming_file_and_field() -> None:
    assert errors_of("---\noutlet: rt\n---\nText.\n") == ["content/articles/x.md:1: title: is required; add it"]


def test_empty_title_is_an_error_on_its_line() -> None:
    assert errors_of("---\noutlet: rt\ntitle: ' '\n---\nText.\n") == [
        "content/articles/x.md:3: title: is empty; write the text or remove the field"
    ]


def test_unknown_field_is_an_error_not_a_new_field() -> None:
    assert errors_of("---\ntitle: T\noutlet: rt\nthemse: [idlib]\n---\n") == [
        "content/articles/x.md:4: themse: is not a known field; check the spelling; see the schema in the method page"
    ]


def test_impossible_date_is_an_error() -> None:
    assert errors_of("---\ntitle: T\noutlet: rt\ndate: 2018-02-30\ndate_source: maintainer\n---\n") == [
        'content/articles/x.md:4: date: "2018-02-30" is not a date; write it as YYYY-MM-DD, a day that exists, '
        "e.g. 2016-10-19"
    ]


def test_date_without_its_source_is_an_error() -> None:
    [error] = errors_of("---\ntitle: T\noutlet: rt\ndate: 2018-02-03\n---\n")
    assert "use 'maintainer' for a date you set by hand" in error


def test_invalid_yaml_reports_its_line_in_the_file() -> None:
    assert errors_of("---\ntitle: T\noutlet: [rt\n---\n") == [
        "content/articles/x.md:4: is not valid YAML: expected ',' or ']', but got '<stream end>'; "
        "check the indentation and quoting there"
    ]


def test_python_tags_are_refused_not_run() -> None:
    assert errors_of("---\ntitle: !!python/object/apply:os.system ['echo hi']\noutlet: rt\n---\n") == [
        "content/articles/x.md:2: uses the YAML tag !!python/object/apply:os.system, which is not allowed; "
        "remove it, and quote a value that starts with '!'"
    ]


def test_written_file_reads_back_the_same() -> None:
    text = "---\ntitle: 'A <b>bold</b> claim'\noutlet: rt\nthemes: [idlib]\n---\nFirst.\n\nSecond *para*.\n"
    front, paragraphs = read_article(PATH, text)
    assert paragraphs == ("First.", "Second *para*.")
    assert read_article(PATH, write_article(front, paragraphs)) == (front, paragraphs)


def test_yaml_aliases_are_refused_so_they_cannot_expand() -> None:
    text = "---\ntitle: T\noutlet: rt\nauthor: &a x\nreferences: [*a, *a]\n---\n"
    assert errors_of(text) == [
        "content/articles/x.md:5: uses a YAML alias (*name), which is not allowed; write the value out"
    ]


def test_a_field_given_twice_is_an_error_not_the_last_one_silently() -> None:
    assert errors_of("---\ntitle: T\noutlet: rt\ntitle: U\n---\n") == [
        "content/articles/x.md:4: gives 'title' twice; keep one of them"
    ]


def test_front_matter_that_is_never_closed_is_one_error() -> None:
    assert errors_of("---\ntitle: T\noutlet: rt\nText.\n") == [
        "content/articles/x.md:1: the front matter is never closed; end it with a '---' line before the text"
    ]


def test_front_matter_that_is_a_list_is_one_error() -> None:
    assert errors_of("---\n- title\n- outlet\n---\nText.\n") == [
        "content/articles/x.md:2: the front matter is list, not fields; "
        "write one field per line, as 'title: The headline'"
    ]


def test_a_dashed_line_in_the_body_is_text() -> None:
    assert read_article(PATH, "---\ntitle: T\noutlet: rt\n---\nBefore.\n\n---\n\nAfter.\n")[1] == (
        "Before.",
        "---",
        "After.",
    )


@pytest.mark.parametrize("path", sorted(REPO_ARTICLES.glob("*.md")), ids=lambda path: path.stem)
def test_an_ingested_article_file_is_written_again_byte_for_byte(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert write_article(*read_article(PATH, text)) == text


def test_a_set_aside_line_ending_in_a_no_break_space_reads_back() -> None:
    front, paragraphs = read_article(PATH, "---\ntitle: T\noutlet: rt\n---\n")
    front = front.model_copy(update={"set_aside": [SetAsideLine(line=1, role="title", text=":\xa0")]})
    assert read_article(PATH, write_article(front, paragraphs)) == (front, paragraphs)
