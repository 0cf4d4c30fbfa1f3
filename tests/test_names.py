"""NameFinder: the fast scan (a trie finds where names may start) finds what one alternation of all names finds."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.enrich.names import NameFinder, name_key

NAMES = {
    "IS": "isis",
    "ISIS": "isis",
    "Islamic State": "isis",
    "Idlib": "idlib",
    "Idleb": "idlib",
    "al-Assad": "assad",
    "Assad": "assad",
    "Bashar al-Assad": "assad",
    "US": "usa",
    "United States": "usa",
    "U.S.": "usa",
    "Il-20": "il-20",
    "Ham": "ham",
    "Hama": "hama",
}
# "İdlib", "ıdlib", "ſ" and "Σ": letters whose case-insensitive match is not their str.lower().
PIECES = [*NAMES, "is", "isis", "Isil", "islamic  state", "IDLIB", "al-", "-", " ", "\n", ".", ",", "x", "é"]
PIECES += ["İdlib", "ıdlib", "ſ", "Σ"]


def reference(names: dict[str, str], text: str) -> list[tuple[str, int, int]]:
    """The plain way: one alternation of every name, longest first, scanned at every character."""
    keys = {name_key(n): k for n, k in names.items()}
    alternatives = []
    for name in sorted({" ".join(n.split()) for n in names}, key=lambda n: (-len(n), n)):
        body = r"\s+".join(re.escape(word) for word in name.split())
        alternatives.append(body if name.isupper() else f"(?i:{body})")
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
    found = []
    for match in pattern.finditer(text):
        normal = " ".join(match.group().split())
        key = next(k for n, k in keys.items() if re.fullmatch(re.escape(n), normal, 0 if n.isupper() else re.I))
        found.append((key, match.start(), match.end()))
    return found


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=25))
def test_the_fast_scan_finds_what_the_plain_alternation_finds(pieces: list[str]) -> None:
    text = "".join(pieces)
    finder = NameFinder(NAMES)
    assert [(k, m.start, m.end) for k, m in finder.finditer(text)] == reference(NAMES, text)


def test_a_longer_name_wins_over_the_shorter_one_it_starts_with() -> None:
    finder = NameFinder(NAMES)
    found = [(key, match.text) for key, match in finder.finditer("Bashar al-Assad met ISIS, not IS, in Hama.")]
    assert found == [("assad", "Bashar al-Assad"), ("isis", "ISIS"), ("isis", "IS"), ("hama", "Hama")]


def test_a_name_matched_letter_by_letter_finds_its_entity() -> None:
    # 'İ'.lower() is two characters; the regex matches it as 'I' all the same.
    assert [key for key, _ in NameFinder(NAMES).finditer("In İdlib today")] == ["idlib"]


def test_a_capital_sigma_is_found_whatever_follows_it() -> None:
    # 'ΑΣ'.lower() ends in 'ς', but 'ΑΣ' before an apostrophe and a letter lowers to 'ασ'.
    assert [found.text for _, found in NameFinder({"ΑΣ": "as"}).finditer("ΑΣ'Β, ΑΣ.")] == ["ΑΣ", "ΑΣ"]


def test_no_names_find_nothing() -> None:
    assert list(NameFinder({}).finditer("Idlib")) == []


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=25))
def test_a_finder_tried_at_the_starts_of_a_larger_one_finds_the_same(pieces: list[str]) -> None:
    text = "".join(pieces)
    small = NameFinder({"Idlib": "idlib", "IS": "isis", "Hama": "hama"})
    shared_starts = NameFinder(NAMES).starts(text)
    assert [(k, (m.start, m.end)) for k, m in small.finditer(text, shared_starts)] == [
        (k, (m.start, m.end)) for k, m in small.finditer(text)
    ]
