"""Group the distinct spellings of a column into entities, for review.

Spellings with the same match key (or the same gazetteer entity) form one block.
Blocks that share a rare key token are then compared pairwise with a score (by default
:func:`translit.match`) and merged when the score reaches ``min_score``. Each cluster's
canonical form is the normalized form of its most frequent spelling, preferring a
spelling the gazetteer knows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from translit._util.gctune import fewer_full_collections
from translit.dataset._types import Normalizer
from translit.dataset.batches import Batch, RowBatch
from translit.dataset.columns import as_string_array, as_text

Scorer = Callable[[str, str], float]
"""Similarity of two spellings, in [0, 1]."""

DEFAULT_MIN_SCORE = 0.9
MAX_POSTING = 64
"""Key tokens shared by more blocks than this (common given names) do not make pairs."""


@dataclass(frozen=True)
class ClusterRow:
    """One distinct spelling and the cluster it was put in."""

    spelling: str
    cluster: int
    canonical: str
    count: int
    entity: str | None


CLUSTER_COLUMNS = ("spelling", "cluster", "canonical", "count", "entity")


def count_values(batches: Iterable[Batch], column: str) -> Counter[str]:
    """How often each distinct non-empty value of ``column`` occurs."""
    import pyarrow.compute as pc

    counts: Counter[str] = Counter()
    for batch in batches:
        if isinstance(batch, RowBatch):
            for row in batch.rows:
                text = as_text(row.get(column))
                if text is not None and text.strip() != "":
                    counts[text] += 1
            continue
        tallied = pc.value_counts(as_string_array(batch.column(column)))
        values = tallied.field("values").to_pylist()
        numbers = tallied.field("counts").to_pylist()
        for value, number in zip(values, numbers, strict=True):
            if value is not None and value.strip() != "":
                counts[value] += number
    return counts


class _UnionFind:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def cluster_spellings(
    counts: dict[str, int],
    normalizer: Normalizer,
    *,
    scorer: Scorer | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
) -> list[ClusterRow]:
    """Cluster the spellings in ``counts`` (spelling -> occurrences).

    Without a ``scorer`` only equal keys and equal entities merge.
    """
    spellings = sorted(counts, key=lambda s: (-counts[s], s))
    with fewer_full_collections():
        results = normalizer(spellings) if spellings else []
    keys = [r.key for r in results]
    entities = [r.entity for r in results]
    groups = _UnionFind(len(spellings))
    first_of: dict[tuple[str, str], int] = {}
    for i, (key, entity) in enumerate(zip(keys, entities, strict=True)):
        for mark in (("k", key), ("e", entity or "")):
            if mark[1] == "":
                continue
            j = first_of.setdefault(mark, i)
            if j != i:
                groups.union(i, j)
    if scorer is not None:
        _merge_similar(spellings, keys, groups, scorer, min_score)
    return _rows(spellings, counts, [r.output for r in results], entities, groups)


def _merge_similar(
    spellings: Sequence[str],
    keys: Sequence[str],
    groups: _UnionFind,
    scorer: Scorer,
    min_score: float,
) -> None:
    """Merge blocks whose representatives (most frequent spelling) score high enough."""
    representative: dict[str, int] = {}
    for i, key in enumerate(keys):  # spellings are sorted by count: the first is the most common
        if key != "":
            representative.setdefault(key, i)
    postings: dict[str, list[str]] = {}
    for key in representative:
        for token in set(key.split()):
            postings.setdefault(token, []).append(key)
    compared: set[tuple[str, str]] = set()
    for block_keys in postings.values():
        if len(block_keys) < 2 or len(block_keys) > MAX_POSTING:
            continue
        for x, a in enumerate(block_keys):
            for b in block_keys[x + 1 :]:
                pair = (a, b) if a < b else (b, a)
                if pair in compared:
                    continue
                compared.add(pair)
                i, j = representative[a], representative[b]
                if groups.find(i) == groups.find(j):
                    continue
                if scorer(spellings[i], spellings[j]) >= min_score:
                    groups.union(i, j)


def _rows(
    spellings: Sequence[str],
    counts: dict[str, int],
    outputs: Sequence[str],
    entities: Sequence[str | None],
    groups: _UnionFind,
) -> list[ClusterRow]:
    members: dict[int, list[int]] = {}
    for i in range(len(spellings)):
        members.setdefault(groups.find(i), []).append(i)
    clusters: list[tuple[int, str, str | None, list[int]]] = []
    for items in members.values():
        known = [i for i in items if entities[i] is not None]
        best = known[0] if known else items[0]  # items follow the count order
        total = sum(counts[spellings[i]] for i in items)
        clusters.append((total, outputs[best], entities[best], items))
    clusters.sort(key=lambda c: (-c[0], c[1], spellings[c[3][0]]))
    rows: list[ClusterRow] = []
    for number, (_total, canonical, _entity, items) in enumerate(clusters, start=1):
        for i in items:
            rows.append(
                ClusterRow(spellings[i], number, canonical, counts[spellings[i]], entities[i])
            )
    return rows


def default_scorer() -> Scorer | None:
    """:func:`translit.match`'s score, when the library provides it."""
    import translit

    match: Any = getattr(translit, "match", None)
    if match is None:
        return None

    def score(a: str, b: str) -> float:
        return float(match(a, b).score)

    return score


def rows_to_batch(rows: Sequence[ClusterRow]) -> RowBatch:
    """The clusters as records, ready for any writer."""
    return RowBatch(
        [
            {
                "spelling": r.spelling,
                "cluster": r.cluster,
                "canonical": r.canonical,
                "count": r.count,
                "entity": r.entity,
            }
            for r in rows
        ]
    )


def cluster_file(
    source_name: str,
    column: str,
    target: str | None,
    normalizer: Normalizer,
    *,
    scorer: Scorer | None = None,
    min_score: float = DEFAULT_MIN_SCORE,
    fmt: str | None = None,
    out_fmt: str | None = None,
    encoding: str | None = None,
    stdout: Any = None,
) -> int:
    """Cluster the spellings of ``column`` in a file; write one row per spelling.

    Returns the number of clusters.
    """
    from translit.dataset.errors import UsageError
    from translit.dataset.extras import require_formats
    from translit.dataset.formats import STDIO, DataFormat, input_format, output_format
    from translit.dataset.pipeline import open_reader, open_writer, output_stream
    from translit.dataset.sources import Source

    source = Source.of(source_name)
    in_format = input_format(source_name, fmt)
    out_format = (
        DataFormat(out_fmt) if out_fmt is not None else output_format(target, DataFormat.csv)
    )
    if target in (None, STDIO) and not out_format.streamable:
        raise UsageError(f"{out_format.value} cannot be written to standard output; use -o FILE")
    require_formats(in_format, out_format)
    reader = open_reader(source, in_format, encoding=encoding)
    try:
        reader.require([column])
        counts = count_values(reader.batches(), column)
    finally:
        reader.close()
    rows = cluster_spellings(counts, normalizer, scorer=scorer, min_score=min_score)
    with output_stream(target, None, stdout) as output:
        writer = open_writer(out_format, output.stream, output.temp, sheet="clusters")
        if rows:
            writer.write(rows_to_batch(rows))
        writer.close(list(CLUSTER_COLUMNS))
    return len({r.cluster for r in rows})
