"""Related articles: the word weights they are ranked by, and the shortcuts taken on the way."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.feature_extraction.text import TfidfVectorizer

from generator import site
from generator.enrich import related
from generator.enrich.related import STOP_WORDS, WORD, word_weights
from generator.model import Article, FrontMatter

# Pieces where a word may start, end or be cut: apostrophes, hyphens, digits, capitals that lower to two
# letters, stop words, and white space of several kinds.
PIECES = ["Assad's", "al-Assad", "don’t", "x-ray", "2018", "abc123", "İdlib", "the", "said"]
PIECES += [" ", "\t", "\n", "\u2003", "-"]


def plain_words(text: str) -> list[str]:
    return [w for w in WORD.findall(text.lower()) if w not in STOP_WORDS]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(st.sampled_from(PIECES) | st.text(max_size=4), max_size=12), min_size=1, max_size=4))
def test_words_found_piece_by_piece_are_the_words_of_the_whole_text(texts: list[list[str]]) -> None:
    split_words = related._word_splitter()  # one splitter for all texts, as for a corpus: pieces are remembered
    for pieces in texts:
        text = "".join(pieces)
        assert split_words(text) == plain_words(text)


def test_the_word_weights_are_scikit_learns_tf_idf_to_the_last_bit(project: site.Project) -> None:
    _, articles = site.load(project)
    matrix, vocabulary = word_weights(articles)
    reference = TfidfVectorizer(
        stop_words=sorted(STOP_WORDS), sublinear_tf=True, token_pattern=WORD.pattern, dtype=np.float64
    )
    expected = reference.fit_transform([a.text for a in articles]).tocsr()
    assert list(vocabulary) == list(reference.get_feature_names_out())
    for part in ("indptr", "indices", "data"):  # the same values, in the same order
        assert np.array_equal(getattr(matrix, part), getattr(expected, part))
    assert len(vocabulary) > 1000


def test_articles_without_a_single_word_in_common_are_not_related() -> None:
    front = FrontMatter(title="A report", outlet="rt")
    texts = {"one": "Convoy reached Aleppo.", "two": "Parliament debated budgets.", "three": "Convoy reached Homs."}
    articles = [Article(slug, f"articles/{slug}.md", front, (text,)) for slug, text in texts.items()]
    related_slugs = {a.slug: [r.slug for r in a.related] for a in related.relate(articles)}
    assert related_slugs == {"one": ["three"], "two": [], "three": ["one"]}


def test_each_related_score_is_the_formula_in_double_precision_to_the_sixth_decimal(project: site.Project) -> None:
    """Candidates are scored on a single-precision copy of the word weights; only rounding may differ."""
    _, articles = site.load(project)
    exact = related.scores_against_all(related.profiles(articles), np.arange(len(articles)))
    row_of = {a.slug: row for row, a in enumerate(articles)}
    checked = 0
    for row, article in enumerate(articles):
        for relation in article.related:
            assert abs(relation.score - exact[row, row_of[relation.slug]]) <= 1.5e-6, (article.slug, relation.slug)
            checked += 1
    assert checked >= 40
