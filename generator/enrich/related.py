"""Rank, for each article, the others most related to it: similar wording, shared entities, shared themes.

Candidates come from an index, never from comparing every pair: the articles that weigh each of an
article's most distinctive words most, and the articles that name its rarest entities.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import replace

import numpy as np
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
_TOKEN = r"(?u)\b[^\W\d_][^\W\d_'’-]{2,}\b"


def _text_entities(article: Article) -> set[str]:
    """Entities the text itself names (not those a maintainer added): what a reason may cite."""
    return {m.entity_id for m in article.entities if not m.by_maintainer}


def _themes(article: Article) -> set[str]:
    return set(article.theme_ids) - {OTHER_THEME_ID}


def relate(articles: list[Article]) -> list[Article]:
    """Each article with up to RELATED_LIMIT related ones, best first, ties broken by slug."""
    if len(articles) < 2:
        return articles
    vectorizer = TfidfVectorizer(
        stop_words=sorted(ENGLISH_STOP_WORDS | NEWS_STOP_WORDS),
        sublinear_tf=True,
        token_pattern=_TOKEN,
        dtype=np.float64,
    )
    matrix = vectorizer.fit_transform([a.text for a in articles]).tocsr()
    vocabulary = vectorizer.get_feature_names_out()
    entity_sets = [_text_entities(a) for a in articles]
    theme_sets = [_themes(a) for a in articles]
    entity_weight = _inverse_frequencies(entity_sets, len(articles))
    # Each article's total entity weight: the weight of a union is then the two totals less the shared part.
    entity_total = [sum(entity_weight[e] for e in entities) for entities in entity_sets]
    word_postings = _postings(matrix)
    entity_postings: dict[str, list[int]] = defaultdict(list)
    for row, entities in enumerate(entity_sets):
        for entity_id in entities:
            entity_postings[entity_id].append(row)

    related = []
    for row, article in enumerate(articles):
        candidates = _candidates(row, matrix, word_postings, entity_sets[row], entity_weight, entity_postings)
        if not candidates:
            related.append(article)
            continue
        text_scores = (matrix[candidates] @ matrix[row].T).toarray().ravel()
        relations = []
        for other, text_score in zip(candidates, text_scores, strict=True):
            shared_entities = entity_sets[row] & entity_sets[other]
            shared_weight = sum(entity_weight[e] for e in shared_entities)
            union_weight = entity_total[row] + entity_total[other] - shared_weight
            entity_score = shared_weight / union_weight if union_weight > 0 else 0.0
            shared_themes = theme_sets[row] & theme_sets[other]
            theme_score = len(shared_themes) / len(theme_sets[row] | theme_sets[other]) if shared_themes else 0.0
            score = round(TEXT_WEIGHT * text_score + ENTITY_WEIGHT * entity_score + THEME_WEIGHT * theme_score, 6)
            if score >= MIN_SCORE:
                relations.append((score, other, shared_entities, shared_themes))
        relations.sort(key=lambda r: (-r[0], articles[r[1]].slug))
        chosen = [
            Relation(
                slug=articles[other].slug,
                score=score,
                entity_ids=tuple(sorted(shared, key=lambda e: (-entity_weight[e], e))[:REASON_LIMIT]),
                theme_ids=tuple(t for t in article.theme_ids if t in themes),
                words=_shared_words(matrix, row, other, vocabulary),
            )
            for score, other, shared, themes in relations[:RELATED_LIMIT]
        ]
        related.append(replace(article, related=tuple(chosen)))
    return related


def _inverse_frequencies(sets: list[set[str]], total: int) -> dict[str, float]:
    """log(N / document frequency) for each member, plus one so a member of every set still counts."""
    frequency: dict[str, int] = defaultdict(int)
    for members in sets:
        for member in members:
            frequency[member] += 1
    weights = {member: 1 + math.log(total / count) for member, count in frequency.items()}
    return weights


def _postings(matrix: object) -> list[list[int]]:
    """For each word, the rows that weigh it most (at most POSTING_LIMIT), heaviest first, then by row."""
    by_column = matrix.tocsc()  # type: ignore[attr-defined]
    postings = []
    for column in range(by_column.shape[1]):
        start, end = by_column.indptr[column], by_column.indptr[column + 1]
        rows, weights = by_column.indices[start:end], by_column.data[start:end]
        order = np.lexsort((rows, -weights))[:POSTING_LIMIT]
        postings.append(rows[order].tolist())
    return postings


def _candidates(
    row: int,
    matrix: object,
    word_postings: list[list[int]],
    entities: set[str],
    entity_weight: dict[str, float],
    entity_postings: dict[str, list[int]],
) -> list[int]:
    """The rows worth scoring against `row`: sharers of its most distinctive words and rarest entities."""
    indices, data = _row(matrix, row)
    top_words = indices[np.lexsort((indices, -data))[:CANDIDATE_WORDS]]
    found = {other for word in top_words for other in word_postings[word]}
    rarest = sorted(entities, key=lambda e: (-entity_weight[e], e))[:CANDIDATE_ENTITIES]
    found.update(other for entity_id in rarest for other in entity_postings[entity_id][:POSTING_LIMIT])
    found.discard(row)
    return sorted(found)


def _row(matrix: object, row: int) -> tuple[np.ndarray, np.ndarray]:  # type: ignore[type-arg]
    """A CSR row's column indices and weights, without building a one-row matrix."""
    start, end = matrix.indptr[row], matrix.indptr[row + 1]  # type: ignore[attr-defined]
    return matrix.indices[start:end], matrix.data[start:end]  # type: ignore[attr-defined]


def _shared_words(matrix: object, row: int, other: int, vocabulary: object) -> tuple[str, ...]:
    """The words that contribute most to the two texts' similarity."""
    (columns, weights), (other_columns, other_weights) = _row(matrix, row), _row(matrix, other)
    shared, mine, theirs = np.intersect1d(columns, other_columns, assume_unique=True, return_indices=True)
    products = weights[mine] * other_weights[theirs]
    order = np.lexsort((shared, -products))[:REASON_LIMIT]
    return tuple(str(vocabulary[index]) for index in shared[order])  # type: ignore[index]
