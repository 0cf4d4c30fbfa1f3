"""The front matter's JSON Schema and `new`'s skeleton both come from the model, so neither can drift from it."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import site
from generator.__main__ import cli
from generator.model import FrontMatter, Reference, SetAsideLine, SourceSpan
from generator.parse.front import read_article
from generator.render.schema import SCHEMA_PATH, front_matter_schema
from tests.conftest import new_problems

REPO = Path(__file__).resolve().parent.parent


def test_checked_in_schema_is_current() -> None:
    assert (REPO / SCHEMA_PATH).read_text(encoding="utf-8") == front_matter_schema(), (
        "schema/front-matter.schema.json is out of date: run `make schema` and commit it"
    )


def test_schema_forbids_unknown_fields_and_documents_every_field() -> None:
    schema = json.loads(front_matter_schema())
    assert schema["additionalProperties"] is False
    assert schema["required"] == ["title", "outlet"]
    for name, info in FrontMatter.model_fields.items():
        assert schema["properties"][name]["description"] == info.description


def new(project: site.Project, monkeypatch: pytest.MonkeyPatch, *options: str) -> tuple[int, str]:
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli, ["new", *options])
    return result.exit_code, result.output


def test_new_writes_a_skeleton_that_is_a_valid_article(project: site.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    code, output = new(project, monkeypatch, "--title", "Russia vetoes a resolution", "--date", "2016-10-08")
    assert (code, output) == (
        0,
        "created content/articles/russia-vetoes-a-resolution.md: write the text below its front matter, "
        "then run: make check\n",
    )
    path = project.content / "articles" / "russia-vetoes-a-resolution.md"
    front, paragraphs = read_article(path, path.read_text(encoding="utf-8"))
    assert front.model_dump(exclude_defaults=True) == {
        "title": "Russia vetoes a resolution",
        "outlet": "unknown",
        "date": dt.date(2016, 10, 8),
        "date_source": "maintainer",
    }
    assert paragraphs == ()
    assert new_problems(site.check(project)[1]) == []


def test_new_explains_every_field_in_the_words_of_the_model(
    project: site.Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    new(project, monkeypatch, "--title", "T")
    text = (project.content / "articles" / "t.md").read_text(encoding="utf-8")
    assert text.startswith("---\n# yaml-language-server: $schema=../../schema/front-matter.schema.json\n")
    for name, info in FrontMatter.model_fields.items():
        assert f"# {info.description}\n" in text
        assert f"\n{name}:" in text or f"\n# {name}:" in text
    for model in (SourceSpan, SetAsideLine, Reference):
        for name, info in model.model_fields.items():
            assert f"#   {name}: {info.description}\n" in text


def test_new_never_overwrites(project: site.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    new(project, monkeypatch, "--title", "T")
    path = project.content / "articles" / "t.md"
    path.write_text(path.read_text(encoding="utf-8") + "My text.\n", encoding="utf-8")
    edited = path.read_bytes()
    assert new(project, monkeypatch, "--title", "T") == (
        1,
        "content/articles/t.md: exists already, and new never overwrites a file; "
        "edit that file, or give the new article another title\n1 error\n",
    )
    assert path.read_bytes() == edited


def test_new_refuses_a_date_that_is_not_one(project: site.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    assert new(project, monkeypatch, "--title", "T", "--date", "8 October") == (
        1,
        'python -m generator new: --date: "8 October" is not a date; write it as YYYY-MM-DD, a day that exists, '
        "e.g. 2016-10-19\n"
        "1 error\n",
    )
