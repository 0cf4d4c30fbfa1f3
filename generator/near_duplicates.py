"""Near-identical texts in a large corpus, found through an index of sampled phrases, not by comparing all pairs.

A text is read as its words (case and punctuation ignored) and then as the set of its five-word phrases, each
hashed. Two texts are near-identical when those sets overlap by at least SIMILAR (Jaccard similarity).

Comparing every pair of 10,000 texts would be 50 million comparisons. Instead each text is indexed under a
sample of its phrase hashes: the ones divisible by SAMPLE. The rule picks the same phrases in every text, so
near-identical texts share many sampled phrases and unrelated ones share few. Only texts sharing at least
MIN_SHARED sampled phrases are compared. A phrase sampled in more than COMMON texts is a stock phrase ("the
Syrian Observatory for Human Rights said") that says nothing about copying, so it is not used. A text with
fewer than SHORT phrases is indexed under all of them, so that short texts are not missed for want of a sample.

Texts identical once case, punctuation and spacing are ignored are found by a hash of their words. Texts of
fewer than MIN_WORDS words are left out. The hashes are fast and the same in every run; a rare collision
only nudges a similarity.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
import zlib
from array import array
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

PHRASE_WORDS = 5
SAMPLE = 8
SHORT = 128
COMMON = 100
MIN_SHARED = 3
SIMILAR = 0.8
MIN_WORDS = 25  # shorter texts are left out: a caption such as "Watch the video." is no sign of a copy

_WORD = re.compile(r"\w+")


def words(text: str) -> list[str]:
    """The words of a text, case-folded, in order.

    >>> words("Russia’s  jets STRUCK Idlib.")
    ['russia', 's', 'jets', 'struck', 'idlib']
    """
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def phrases(text_words: list[str]) -> frozenset[int]:
    """The hashes of every run of PHRASE_WORDS words.

    A word is a CRC-32 of its letters, a phrase the hash of a tuple of those numbers: Python hashes a tuple of
    ints the same in every run (only text hashing is randomised), and in C, which keeps 10,000 texts quick.
    """
    numbers = [zlib.crc32(word.encode("utf-8")) for word in text_words]
    runs = zip(*(numbers[start:] for start in range(PHRASE_WORDS)), strict=False)
    return frozenset(map(hash, runs))


def similarity(a: frozenset[int], b: frozenset[int]) -> float:
    """Jaccard similarity: shared phrases over all phrases of the two.

    >>> similarity(frozenset({1, 2, 3, 4}), frozenset({2, 3, 4, 5}))
    0.6
    """
    return len(a & b) / len(a | b) if a or b else 1.0


@dataclass(frozen=True)
class Pair:
    """Two near-identical texts, by key: `first` sorts before `second`."""

    first: str
    second: str
    similarity: float  # 1.0 for texts identical once case, punctuation and spacing are ignored


@dataclass(frozen=True)
class Found:
    """The near-identical pairs in key order, and how many pairs were compared to find them."""

    pairs: list[Pair]
    compared: int


def find_near_duplicates(texts: Mapping[str, str]) -> Found:
    """Every pair of near-identical texts among `texts` (key -> text), without comparing all pairs."""
    pairs: dict[tuple[str, str], float] = {}
    by_words: dict[str, list[str]] = defaultdict(list)
    # Kept as packed arrays, 8 bytes a phrase: a set per text would hold 10,000 texts in a gigabyte.
    packed: dict[str, array[int]] = {}
    sampled: dict[str, list[int]] = {}
    for key in sorted(texts):
        text_words = words(texts[key])
        if len(text_words) < MIN_WORDS:
            continue
        by_words[hashlib.sha256(" ".join(text_words).encode("utf-8")).hexdigest()].append(key)
        hashes = phrases(text_words)
        packed[key] = array("q", sorted(hashes))
        sampled[key] = sorted(hashes) if len(hashes) < SHORT else sorted(h for h in hashes if h % SAMPLE == 0)
    for same in by_words.values():
        for position, second in enumerate(same):
            for first in same[:position]:
                pairs[(first, second)] = 1.0

    holders_of: dict[int, list[str]] = defaultdict(list)
    for key, sample in sampled.items():
        for hashed in sample:
            holders_of[hashed].append(key)
    compared = 0
    for key, sample in sampled.items():
        shared: Counter[str] = Counter()
        for hashed in sample:
            holders = holders_of[hashed]
            if len(holders) <= COMMON:
                shared.update(other for other in holders if other < key)
        for other, count in sorted(shared.items()):
            if count < MIN_SHARED or (other, key) in pairs:
                continue
            compared += 1
            score = similarity(frozenset(packed[other]), frozenset(packed[key]))
            if score >= SIMILAR:
                pairs[(other, key)] = score
    return Found([Pair(a, b, score) for (a, b), score in sorted(pairs.items())], compared)
