"""`check` across the corpus: the same URL, near-identical text, raw files no article comes from."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from click.testing import CliRunner

from generator import site
from generator.__main__ import cli
from generator.near_duplicates import find_near_duplicates

DRIVING_OUT = "driving-out-militants-from-syrias-idlib-now-top-priority-putin.md"
ASSISTANCE = "russian-military-assistance-to-assad-remains-the-main-stumbling-block-over-syria.md"


def article(project: site.Project, name: str, front: str, body: str = "Text.") -> Path:
    path = project.content / "articles" / name
    path.write_text(f"---\n{front}\n---\n{body}\n", encoding="utf-8")
    return path


def body_of(project: site.Project, name: str) -> str:
    return (project.content / "articles" / name).read_text(encoding="utf-8").split("\n---\n", 1)[1]


# The seeds name 13 headlines as further reading that are not in the corpus: 5 articles, one warning each.
SEED_REFERENCE_WARNINGS = 5


def check_output(
    project: site.Project, monkeypatch: pytest.MonkeyPatch, references: bool = False
) -> tuple[int, list[str], list[str]]:
    """Exit code, standard output and error of `check`; the seeds' reference warnings left out unless asked for."""
    monkeypatch.chdir(project.root)
    result = CliRunner().invoke(cli, ["check"])
    err = [line for line in result.stderr.splitlines() if references or ": references: warning:" not in line]
    return result.exit_code, result.stdout.splitlines(), err


def test_check_reports_every_kind_of_mistake_in_path_order(
    project: site.Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    article(project, "no-title.md", "outlet: rt")
    article(project, "bad-date.md", "title: T\noutlet: rt\ndate: 19/10/2016\ndate_source: maintainer")
    article(project, "broken-yaml.md", "title: T\noutlet: [rt")
    article(project, "unknown-outlet.md", "title: T\noutlet: pravda")
    article(project, "again.md", "title: Again\noutlet: rt\nurl: http://rt.com/news/437877-putin-idlib-syria-summit")
    article(project, "copy.md", "title: Copy\noutlet: unknown", body_of(project, ASSISTANCE) + "\nOne more line.")
    (project.content / "raw" / "leftover.txt").write_text("Nobody ingested this.\n", encoding="utf-8")
    code, out, err = check_output(project, monkeypatch)
    assert code == 1
    assert out == []
    assert err == [
        'content/articles/bad-date.md:4: date: "19/10/2016" is not a date; write it as YYYY-MM-DD, a day that exists, '
        "e.g. 2016-10-19",
        "content/articles/broken-yaml.md:4: is not valid YAML: expected ',' or ']', but got '<stream end>'; "
        "check the indentation and quoting there",
        "content/articles/" + DRIVING_OUT + ":5: url: the same URL as content/articles/again.md; "
        "it is one article captured twice: keep one of the two files",
        "content/articles/no-title.md:1: title: is required; add it",
        "content/articles/" + ASSISTANCE + ":50: text: nearly the same text (99% alike) as content/articles/copy.md; "
        "it is one article captured twice: keep one of the two files",
        "content/articles/unknown-outlet.md:3: outlet: 'pravda' is not an outlet id in content/outlets.yml; "
        "use one of the ids there, or add the outlet",
        "content/raw/leftover.txt: no article comes from this raw file; ingest it (python -m generator ingest "
        "content/raw/leftover.txt), or delete it if it does not belong here",
        "25 article files: 21 valid, 4 refused",
        f"7 errors, {SEED_REFERENCE_WARNINGS} warnings",
    ]


def test_an_empty_title_is_an_error(project: site.Project, monkeypatch: pytest.MonkeyPatch) -> None:
    article(project, "empty-title.md", "title:\noutlet: rt")
    assert check_output(project, monkeypatch)[2] == [
        "content/articles/empty-title.md:2: title: is empty; write the headline",
        "20 article files: 19 valid, 1 refused",
        f"1 error, {SEED_REFERENCE_WARNINGS} warnings",
    ]


def test_same_text_from_two_outlets_is_a_warning_and_check_passes(
    project: site.Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    article(project, "syndicated.md", "title: Syndicated\noutlet: tass", body_of(project, ASSISTANCE))
    code, out, err = check_output(project, monkeypatch)
    assert code == 0
    assert out == [f"20 article files: 20 valid, 0 refused ({1 + SEED_REFERENCE_WARNINGS} warnings)"]
    assert err == [
        "content/articles/syndicated.md:5: text: warning: the same text as content/articles/" + ASSISTANCE + ", "
        "from another outlet; if both outlets published it, keep both; otherwise delete the copy"
    ]


def test_a_raw_file_named_by_a_broken_article_is_not_also_unused(
    project: site.Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = project.content / "articles" / DRIVING_OUT
    path.write_text(path.read_text(encoding="utf-8").replace("outlet: rt", "outlet: pravda"), encoding="utf-8")
    code, _, err = check_output(project, monkeypatch)
    assert code == 1
    assert len(err) == 3 and "'pravda' is not an outlet id" in err[0]


def test_a_reference_close_to_a_headline_is_a_near_miss_warning(
    project: site.Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    article(
        project,
        "quoting.md",
        "title: Quoting\noutlet: rt\nreferences:\n- label: READ MORE\n"
        "  title: 'Putin: driving out militants from Idlib is top priority'",
    )
    code, _, err = check_output(project, monkeypatch, references=True)
    assert code == 0
    near_miss = (
        "content/articles/quoting.md:4: references: warning: “Putin: driving out militants from Idlib is top "
        "priority” is 78.6% like the headline of content/articles/" + DRIVING_OUT + ", under the 90% that links "
        "them; if it is that article, copy its headline into the reference's title"
    )
    assert near_miss in err
    assert len(err) == SEED_REFERENCE_WARNINGS + 1


def test_a_build_is_not_stopped_by_corpus_checks(project: site.Project) -> None:
    """A preview keeps working while a raw file waits for its article; check and CI stop it instead."""
    (project.content / "raw" / "leftover.txt").write_text("Nobody ingested this.\n", encoding="utf-8")
    assert len(site.generate(project)) == 19
    errors = [str(p) for p in site.check(project)[1] if not p.warning]
    assert errors[0].startswith("content/raw/leftover.txt: no article")


# The near-duplicate index on its own.

WORDS = [f"w{n}" for n in range(5000)]


def random_text(rng: random.Random, length: int = 300) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(length))


def test_near_identical_texts_are_found_and_different_ones_are_not() -> None:
    rng = random.Random(6)
    original = random_text(rng)
    words = original.split()
    texts = {
        "a": original,
        "b": " ".join(words[:100] + ["changed"] + words[101:]),  # one word changed
        "c": original.upper().replace(" ", ",  "),  # identical once case and punctuation are ignored
        "d": random_text(rng),  # another text
        "e": " ".join(words[:150]),  # half of it: too different to be a copy
    }
    found = find_near_duplicates(texts)
    assert [(p.first, p.second) for p in found.pairs] == [("a", "b"), ("a", "c"), ("b", "c")]
    assert next(p for p in found.pairs if p.second == "c").similarity == 1.0


def test_a_large_corpus_is_not_compared_pair_by_pair() -> None:
    rng = random.Random(10_000)
    texts = {f"t{n:04d}": random_text(rng) for n in range(2000)}
    texts["t9999"] = texts["t1234"] + " and one more sentence at the end of it"
    found = find_near_duplicates(texts)
    assert [(p.first, p.second) for p in found.pairs] == [("t1234", "t9999")]
    all_pairs = len(texts) * (len(texts) - 1) // 2
    assert found.compared < all_pairs / 1000


def test_short_texts_are_left_out_even_when_identical() -> None:
    caption = "Watch the video on our channel."
    long_text = " ".join(["Russian jets struck Idlib again on Friday, the ministry said."] * 4)
    found = find_near_duplicates({"a": caption, "b": caption, "c": long_text, "d": long_text + "!"})
    assert [(p.first, p.second, p.similarity) for p in found.pairs] == [("c", "d", 1.0)]
