"""Normalize the values of a column, doing the work once per distinct value.

:class:`NameCache` remembers every distinct name it has seen (across batches, columns
and files), calls the normalizer only for names it has not seen yet, and maps whole
Arrow columns through the remembered results with vectorized ``index_in`` / ``take``
kernels, so the per-row cost stays in C.
"""

from __future__ import annotations

import datetime as _dt
import json
import math
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

from translit.dataset._types import ADDED_SUFFIXES, Normalizer
from translit.errors import InputDataError

if TYPE_CHECKING:
    import pyarrow as pa

Outputs = tuple[str | None, str | None, str | None, str | None]
"""One name's added values, in :data:`ADDED_SUFFIXES` order."""

_EMPTY: Outputs = (None, None, None, None)


def as_text(value: Any) -> str | None:
    """The text a cell stands for, for normalization: ``None`` for nulls.

    Strings are returned as they are; numbers, booleans and dates in their usual
    text form; lists and objects (JSON) as compact JSON.
    """
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, _dt.date | _dt.time):
        return value.isoformat()
    if isinstance(value, dict | list):
        return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    return str(value)


class NameCache:
    """Distinct name -> added values, filled by one normalizer call per batch of new names."""

    def __init__(self, normalizer: Normalizer) -> None:
        self._normalizer = normalizer
        self._index: dict[str, int] = {}
        self._rows: list[Outputs] = []
        # Arrow copies of the same data, appended in chunks and combined on demand.
        self._known_chunks: list[pa.Array] = []
        self._output_chunks: list[list[pa.Array]] = [[] for _ in ADDED_SUFFIXES]
        self._known: pa.Array | None = None
        self._outputs: list[pa.Array] | None = None

    def __len__(self) -> int:
        return len(self._rows)

    def _learn(self, names: Sequence[str]) -> list[Outputs]:
        """Normalize ``names`` (distinct, not yet known) and remember the results."""
        blank = [n.strip() == "" for n in names]
        todo = [n for n, b in zip(names, blank, strict=True) if not b]
        results = self._normalizer(todo) if todo else []
        if len(results) != len(todo):
            raise InputDataError(
                f"the normalizer returned {len(results)} results for {len(todo)} names"
            )
        found: list[Outputs] = [(r.output, r.key, r.entity, r.method) for r in results]
        if len(found) == len(names):
            rows = found
        else:
            done = iter(found)
            rows = [_EMPTY if b else next(done) for b in blank]
        start = len(self._rows)
        self._index.update(zip(names, range(start, start + len(names)), strict=True))
        self._rows.extend(rows)
        return rows

    # -- Python values (JSONL, Excel) ------------------------------------------------

    def lookup_many(self, values: Iterable[Any]) -> list[Outputs]:
        """Added values for each cell value; nulls and blank names give empty outputs."""
        texts = [as_text(v) for v in values]
        new: dict[str, None] = {}
        for t in texts:
            if t is not None and t not in self._index:
                new[t] = None
        if new:
            self._learn_arrow_too(list(new))
        index, rows = self._index, self._rows
        return [_EMPTY if t is None else rows[index[t]] for t in texts]

    def _learn_arrow_too(self, names: list[str]) -> None:
        import pyarrow as pa

        rows = self._learn(names)
        if not rows:
            return
        self._known_chunks.append(pa.array(names, pa.string()))
        for chunks, values in zip(self._output_chunks, zip(*rows, strict=True), strict=True):
            chunks.append(pa.array(values, pa.string()))
        self._known = None
        self._outputs = None

    # -- Arrow columns (CSV, TSV, Parquet, dataframes) ---------------------------------

    def _arrow_state(self) -> tuple[pa.Array, list[pa.Array]]:
        import pyarrow as pa

        if self._known is None or self._outputs is None:
            self._known = _combine(self._known_chunks, pa.string())
            self._known_chunks = [self._known] if len(self._known) else []
            self._outputs = []
            for i, chunks in enumerate(self._output_chunks):
                combined = _combine(chunks, pa.string())
                self._output_chunks[i] = [combined] if len(combined) else []
                self._outputs.append(combined)
        return self._known, self._outputs

    def map_array(self, column: pa.Array | pa.ChunkedArray) -> list[pa.Array]:
        """The added columns for an Arrow column of names (any type; non-strings as text).

        Each row is looked up in the known names (one hash lookup per row, in C); the
        names not known yet are normalized (once each, in order of first appearance)
        and their rows pointed at the new entries.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        column = as_string_array(column)
        known, _ = self._arrow_state()
        positions = pc.index_in(column, value_set=known)  # null: a null cell or a new name
        if positions.null_count != column.null_count:
            unseen = pc.and_(pc.is_null(positions), pc.is_valid(column))
            names = pc.filter(column, unseen)
            new = pc.unique(names)
            start = len(self._rows)
            self._learn_arrow_too(new.to_pylist())
            fresh = pc.add(pc.index_in(names, value_set=new), pa.scalar(start, positions.type))
            positions = pc.replace_with_mask(positions, unseen, fresh)
        _, outputs = self._arrow_state()
        return [pc.take(out, positions) for out in outputs]


def _combine(chunks: list[pa.Array], type_: pa.DataType) -> pa.Array:
    import pyarrow as pa

    if not chunks:
        return pa.array([], type_)
    if len(chunks) == 1:
        return chunks[0]
    return pa.concat_arrays(chunks)


def as_string_array(column: pa.Array | pa.ChunkedArray) -> pa.Array:
    """``column`` as one Arrow ``string`` array; other types are cast to their text form."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    if pa.types.is_dictionary(column.type):
        column = column.dictionary_decode()
    if pa.types.is_string(column.type):
        return column
    if pa.types.is_large_string(column.type) or pa.types.is_string_view(column.type):
        return pc.cast(column, pa.string())
    if pa.types.is_null(column.type):
        return pa.nulls(len(column), pa.string())
    if pa.types.is_floating(column.type) or pa.types.is_nested(column.type):
        return pa.array([as_text(v) for v in column.to_pylist()], pa.string())
    try:
        return pc.cast(column, pa.string())
    except (pa.ArrowNotImplementedError, pa.ArrowInvalid):
        return pa.array([as_text(v) for v in column.to_pylist()], pa.string())
