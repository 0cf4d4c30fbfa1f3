"""Rank, for each article, the others most related to it: similar wording, shared entities, shared themes.

Candidates come from an index, never from comparing every pair: the articles that weigh each of an
article's most distinctive words most, and the articles that name its rarest entities.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np
from scipy.sparse import csr_matrix, hstack
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from generator.config import OTHER_THEME_ID
from generator.model import Article, Relation

RELATED_LIMIT = 5
# Score = weighted sum of three similarities, each 0-1. Wording counts most; shared entities
# (weighted by rarity) tie articles about the same event; a shared theme only breaks near-ties.
TEXT_WEIGHT, ENTITY_WEIGHT, THEME_WEIGHT = 0.6, 0.3, 0.1
MIN_SCORE = 0.08  # below this, "related" would be noise: an article gets fewer than five
CANDIDATE_WORDS = 20  # an article's most distinctive words that look for candidates
CANDIDATE_ENTITIES = 5  # its rarest entities that look for candidates
POSTING_LIMIT = 50  # per word or entity, the articles that weigh it most
REASON_LIMIT = 3  # entities and words named in a reason
# Words every news report uses: they say nothing about what two articles share.
NEWS_STOP_WORDS = frozenset({"said", "says", "told", "according", "reported", "reports", "added", "noted", "stated"})
# Words: letters only, three or more, so years and figures do not make two articles "similar".
WORD = re.compile(r"\b[^\W\d_][^\W\d_'’-]{2,}\b")
STOP_WORDS = ENGLISH_STOP_WORDS | NEWS_STOP_WORDS


def _text_entities(article: Article) -> set[str]:
    """Entities the text itself names (not those a maintainer added): what a reason may cite."""
    return {m.entity_id for m in article.entities if not m.by_maintainer}


def _themes(article: Article) -> set[str]:
    return set(article.theme_ids) - {OTHER_THEME_ID}


def relate(articles: list[Article]) -> list[Article]:
    """Each article with up to RELATED_LIMIT related ones, best first, ties broken by slug."""
    if len(articles) < 2:
        return articles
    compared = profiles(articles)
    matrix, vocabulary, entities, themes = compared.words, compared.vocabulary, compared.entities, compared.themes
    entity_sets, theme_sets, entity_weight = compared.entity_sets, compared.theme_sets, compared.entity_weight
    entity_total, theme_total = compared.entity_total, compared.theme_total
    word_postings = _postings(matrix)
    entity_postings = _entity_postings(entity_sets)
    # Entities and themes both as one 0/1 matrix, entities' columns first, so a candidate's row is fetched once.
    members = hstack([entities > 0, themes > 0], format="csr", dtype=np.float64)
    entity_columns = entities.shape[1]
    # Candidates' words are fetched from a single-precision copy: scoring an article reads every word of its
    # ~850 candidates, and at 10,000 articles half the bytes is a tenth of the stage. A score can then round
    # differently in its sixth decimal; the reasons below still read the exact weights.
    fetched = matrix.astype(np.float32)

    related = []
    for row, article in enumerate(articles):
        candidates = _candidates(row, matrix, word_postings, entity_sets[row], entity_weight, entity_postings)
        if not len(candidates):
            related.append(article)
            continue
        words = _dense(matrix, row)
        text_scores = (fetched[candidates] @ words.astype(np.float32)).astype(np.float64)
        # The row's entity weights and its themes as two columns: one product gives both overlaps.
        own = np.zeros((members.shape[1], 2))
        own[:entity_columns, 0] = _dense(entities, row)
        own[entity_columns:, 1] = _dense(themes, row)
        shared = members[candidates] @ own
        scores = pair_scores(
            text_scores,
            shared[:, 0],
            (entity_total[row], entity_total[candidates]),
            shared[:, 1],
            (theme_total[row], theme_total[candidates]),
        )
        # Only the candidates that could make the top RELATED_LIMIT once rounded are ranked in Python.
        floor = max(
            MIN_SCORE,
            -np.partition(-scores, RELATED_LIMIT - 1)[RELATED_LIMIT - 1] if len(scores) >= RELATED_LIMIT else MIN_SCORE,
        )
        near = np.flatnonzero(scores >= floor - 1e-6)
        relations = []
        for other, score in zip(candidates[near].tolist(), scores[near].tolist(), strict=True):
            score = round(score, 6)
            if score >= MIN_SCORE:
                relations.append((score, other))
        relations.sort(key=lambda r: (-r[0], articles[r[1]].slug))
        chosen = []
        for score, other in relations[:RELATED_LIMIT]:
            shared = entity_sets[row] & entity_sets[other]
            chosen.append(
                Relation(
                    slug=articles[other].slug,
                    score=score,
                    entity_ids=tuple(sorted(shared, key=lambda e: (-entity_weight[e], e))[:REASON_LIMIT]),
                    theme_ids=tuple(t for t in article.theme_ids if t in theme_sets[row] & theme_sets[other]),
                    words=_shared_words(words, matrix, other, vocabulary),
                )
            )
        related.append(replace(article, related=tuple(chosen)))
    return related


@dataclass(frozen=True)
class Profiles:
    """What articles are compared by, a row per article: words, entities and themes."""

    words: csr_matrix  # tf-idf, each row of unit length
    vocabulary: np.ndarray  # the word of each column of `words`
    entity_sets: list[set[str]]  # the entities each text names
    theme_sets: list[set[str]]  # each article's themes but the catch-all
    entity_weight: dict[str, float]  # rarer entities weigh more
    # Entities (by weight) and themes as sparse rows, so an article is scored against many at once.
    entities: csr_matrix
    themes: csr_matrix
    entity_total: np.ndarray  # each row's summed entity weights
    theme_total: np.ndarray  # each row's number of themes


def profiles(articles: Sequence[Article]) -> Profiles:
    """The articles' profiles, for relate() and for measuring it (bench/related_recall.py)."""
    words, vocabulary = word_weights(articles)
    entity_sets = [_text_entities(a) for a in articles]
    theme_sets = [_themes(a) for a in articles]
    entity_weight = _inverse_frequencies(entity_sets, len(articles))
    entities = _membership(entity_sets, entity_weight)
    themes = _membership(theme_sets, defaultdict(lambda: 1.0))
    return Profiles(
        words,
        vocabulary,
        entity_sets,
        theme_sets,
        entity_weight,
        entities,
        themes,
        np.asarray(entities.sum(axis=1)).ravel(),
        np.asarray(themes.sum(axis=1)).ravel(),
    )


def pair_scores(
    text: np.ndarray,
    shared_weight: np.ndarray,
    entity_totals: tuple[Any, np.ndarray],
    shared_themes: np.ndarray,
    theme_totals: tuple[Any, np.ndarray],
) -> np.ndarray:
    """The score of pairs of articles: their words' similarity, and the overlap (shared over all) of their
    entities, by weight, and of their themes. Totals: each side's summed weights, arrays that broadcast."""
    union_weight = entity_totals[0] + entity_totals[1] - shared_weight
    entity_scores = np.divide(shared_weight, union_weight, out=np.zeros_like(shared_weight), where=union_weight > 0)
    union_themes = theme_totals[0] + theme_totals[1] - shared_themes
    theme_scores = np.divide(shared_themes, union_themes, out=np.zeros_like(shared_themes), where=shared_themes > 0)
    scores: np.ndarray = TEXT_WEIGHT * text + ENTITY_WEIGHT * entity_scores + THEME_WEIGHT * theme_scores
    return scores


def scores_against_all(compared: Profiles, rows: np.ndarray) -> np.ndarray:
    """The scores of these rows against every article, all pairs, in double precision: what the index spares
    relate(), for measuring what it misses (bench/related_recall.py) and how its shortcuts round (tests)."""
    words, entities, themes = compared.words, compared.entities, compared.themes
    return pair_scores(
        (words[rows] @ words.T).toarray(),
        (entities[rows] @ (entities > 0).T).toarray(),
        (compared.entity_total[rows, None], compared.entity_total[None, :]),
        (themes[rows] @ (themes > 0).T).toarray(),
        (compared.theme_total[rows, None], compared.theme_total[None, :]),
    )


def word_weights(articles: Sequence[Article]) -> tuple[csr_matrix, np.ndarray]:
    """Each article's words weighted by tf-idf, a row per article (unit length), and the word of each column."""
    vectorizer = TfidfVectorizer(analyzer=_word_splitter(), sublinear_tf=True, dtype=np.float64)
    matrix = vectorizer.fit_transform([a.text for a in articles]).tocsr()
    return matrix, vectorizer.get_feature_names_out()


def _word_splitter() -> Callable[[str], list[str]]:
    """A text's words in order, lower case, stop words left out: WORD's matches.

    A word never spans white space, so the text is split there first and each distinct piece is matched
    once for the whole corpus: most pieces recur, and the regex, letter by letter, is the costly part.
    """
    words_in: dict[str, list[str]] = {}

    def words(text: str) -> list[str]:
        found = []
        for piece in text.lower().split():
            known = words_in.get(piece)
            if known is None:
                known = words_in[piece] = [w for w in WORD.findall(piece) if w not in STOP_WORDS]
            found += known
        return found

    return words


def _membership(sets: list[set[str]], weight: Mapping[str, float]) -> csr_matrix:
    """One row per set, one column per member (in sorted order), the member's weight where it belongs."""
    columns = {member: column for column, member in enumerate(sorted(set().union(*sets)))}
    rows = [row for row, members in enumerate(sets) for _ in members]
    cols = [columns[m] for members in sets for m in sorted(members)]
    values = [weight[m] for members in sets for m in sorted(members)]
    return csr_matrix((values, (rows, cols)), shape=(len(sets), max(len(columns), 1)), dtype=np.float64)


def _dense(matrix: csr_matrix, row: int) -> np.ndarray:
    """One row of a sparse matrix as a dense vector."""
    vector = np.zeros(matrix.shape[1])
    indices, data = _row(matrix, row)
    vector[indices] = data
    return vector


def _inverse_frequencies(sets: list[set[str]], total: int) -> dict[str, float]:
    """log(N / document frequency) for each member, plus one so a member of every set still counts."""
    frequency: dict[str, int] = defaultdict(int)
    for members in sets:
        for member in members:
            frequency[member] += 1
    weights = {member: 1 + math.log(total / count) for member, count in frequency.items()}
    return weights


def _postings(matrix: object) -> list[np.ndarray]:
    """For each word, the rows that weigh it most (at most POSTING_LIMIT), heaviest first, then by row."""
    by_column = matrix.tocsc()  # type: ignore[attr-defined]
    postings = []
    for column in range(by_column.shape[1]):
        start, end = by_column.indptr[column], by_column.indptr[column + 1]
        rows, weights = by_column.indices[start:end], by_column.data[start:end]
        postings.append(rows[np.lexsort((rows, -weights))[:POSTING_LIMIT]].astype(np.intp))
    return postings


def _entity_postings(entity_sets: list[set[str]]) -> dict[str, np.ndarray]:
    """For each entity, the first POSTING_LIMIT rows that name it."""
    rows: dict[str, list[int]] = defaultdict(list)
    for row, named in enumerate(entity_sets):
        for entity_id in named:
            if len(rows[entity_id]) < POSTING_LIMIT:
                rows[entity_id].append(row)
    return {entity_id: np.array(found, dtype=np.intp) for entity_id, found in rows.items()}


def _candidates(
    row: int,
    matrix: object,
    word_postings: list[np.ndarray],
    entities: set[str],
    entity_weight: dict[str, float],
    entity_postings: dict[str, np.ndarray],
) -> np.ndarray:
    """The rows worth scoring against `row`, in order: sharers of its most distinctive words and rarest entities."""
    indices, data = _row(matrix, row)
    top_words = indices[np.lexsort((indices, -data))[:CANDIDATE_WORDS]]
    rarest = sorted(entities, key=lambda e: (-entity_weight[e], e))[:CANDIDATE_ENTITIES]
    postings = [word_postings[w] for w in top_words] + [entity_postings[e] for e in rarest]
    # Up to 1,250 rows, each kept once: merged by numpy rather than one by one in a Python set.
    found = np.sort(np.concatenate([np.empty(0, dtype=np.intp), *postings]))
    distinct = np.ones(len(found), dtype=bool)
    distinct[1:] = found[1:] != found[:-1]
    candidates: np.ndarray = found[distinct & (found != row)]
    return candidates


def _row(matrix: object, row: int) -> tuple[np.ndarray, np.ndarray]:
    """A CSR row's column indices and weights, without building a one-row matrix."""
    start, end = matrix.indptr[row], matrix.indptr[row + 1]  # type: ignore[attr-defined]
    return matrix.indices[start:end], matrix.data[start:end]  # type: ignore[attr-defined]


def _shared_words(words: np.ndarray, matrix: object, other: int, vocabulary: object) -> tuple[str, ...]:
    """The words that contribute most to the two texts' similarity; `words` is the one article's dense row."""
    columns, weights = _row(matrix, other)
    products = words[columns] * weights  # zero where the one article lacks the word
    shared = np.flatnonzero(products)
    order = shared[np.lexsort((columns[shared], -products[shared]))][:REASON_LIMIT]
    return tuple(str(vocabulary[index]) for index in columns[order])  # type: ignore[index]
