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
import threading
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from translit.dataset._types import ADDED_SUFFIXES, Normalizer
from translit.errors import InputDataError

if TYPE_CHECKING:
    import pyarrow as pa

Outputs = tuple[str | None, str | None, str | None, str | None]
"""One name's added values, in :data:`ADDED_SUFFIXES` order."""

_EMPTY: Outputs = (None, None, None, None)

Columns = list[list[str | None]]
"""The added values of consecutive names: one list per added column, same lengths."""


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


class Offload(Protocol):
    """Normalizes names elsewhere (another process), in the order they are submitted."""

    def submit(self, names: list[str]) -> None:
        """Queue ``names`` (the next ones given positions); returns at once."""

    def take(self, count: int) -> Columns:
        """The values of the next ``count`` names submitted (waits for them)."""
        ...

    def reader_idle(self, idle: bool) -> None:
        """Whether the reading thread waits (or is done): CPU to spare for normalizing."""


class NameCache:
    """Distinct name -> added values, filled by one normalizer call per batch of new names.

    Looking names up and normalizing them are separate steps, so that a thread can
    look up the names of batches read ahead (:meth:`positions`, C kernels only) while
    another normalizes the new names of an earlier batch (:meth:`resolve`, the
    normalizer) and a third gathers the values of a batch already resolved
    (:func:`take_outputs`). Each step must be called from one thread at a time.
    :meth:`map_array` and :meth:`lookup_many` do all three in one call.

    With ``offload`` (a :class:`~translit.dataset.offload.WorkerPool` running the same
    normalizer) new names are handed over as soon as they get positions, and
    :meth:`resolve` only collects their values: the normalizer runs on another core.
    """

    def __init__(self, normalizer: Normalizer, *, offload: Offload | None = None) -> None:
        self._normalizer = normalizer
        self._offload = offload
        self._lock = threading.Lock()
        self._names: list[str] = []  # every name given a position, in order of position
        self._values: Columns = [[] for _ in ADDED_SUFFIXES]  # of the first len(self) names
        self._index: dict[str, int] = {}  # name -> position, filled when Python values come
        # Arrow copies of _names (owned by the thread that calls positions) and of _values
        # (owned by the thread that calls resolve), one chunk per call that added some.
        self._name_chunks: list[pa.Array] = []
        self._output_chunks: list[list[pa.Array]] = [[] for _ in ADDED_SUFFIXES]

    def __len__(self) -> int:
        """Names normalized so far."""
        return len(self._values[0])

    @property
    def assigned(self) -> int:
        """Names given a position so far (normalized or waiting for :meth:`resolve`)."""
        return len(self._names)

    # -- step 1: positions -------------------------------------------------------------

    def _assign(self, names: list[str], arrow: pa.Array | None = None) -> None:
        """Give ``names`` (distinct, without positions yet) the next positions."""
        import pyarrow as pa

        if not names:
            return
        with self._lock:
            self._names.extend(names)
        if self._offload is not None:
            self._offload.submit(names)
        self._name_chunks.append(pa.array(names, pa.string()) if arrow is None else arrow)

    def _known_names(self) -> pa.ChunkedArray:
        import pyarrow as pa

        return pa.chunked_array(self._name_chunks, pa.string())

    def positions(self, column: pa.Array | pa.ChunkedArray) -> pa.Array:
        """Each row's position (null for null cells); names new to the cache get the next ones.

        New names are numbered in order of first appearance. Their values come with
        :meth:`resolve`.
        """
        import pyarrow as pa
        import pyarrow.compute as pc

        column = as_string_array(column)
        positions = pc.index_in(column, value_set=self._known_names())
        if positions.null_count != column.null_count:  # some names are new
            unseen = pc.and_(pc.is_null(positions), pc.is_valid(column))
            names = pc.filter(column, unseen)
            new = pc.unique(names)
            start = self.assigned
            self._assign(new.to_pylist(), new)
            fresh = pc.add(pc.index_in(names, value_set=new), pa.scalar(start, positions.type))
            positions = pc.replace_with_mask(positions, unseen, fresh)
        return positions

    def reader_idle(self, idle: bool) -> None:
        """Tell the offload whether the thread that calls :meth:`positions` waits or is done."""
        if self._offload is not None:
            self._offload.reader_idle(idle)

    # -- step 2: normalization ---------------------------------------------------------

    def resolve(self, upto: int | None = None) -> list[pa.ChunkedArray]:
        """Normalize the names before position ``upto`` (default: all); their values.

        Returns the Arrow copies of the values, one array per added column, indexed by
        position (at least ``upto`` long).
        """
        import pyarrow as pa

        done = len(self)
        with self._lock:
            end = len(self._names) if upto is None else min(upto, len(self._names))
            todo = self._names[done:end] if self._offload is None else []
        if end > done:
            if self._offload is not None:
                found = self._offload.take(end - done)
            else:
                found = normalize_columns(self._normalizer, todo)
            for values, known, chunks in zip(found, self._values, self._output_chunks, strict=True):
                known.extend(values)
                chunks.append(pa.array(values, pa.string()))
        return [pa.chunked_array(chunks, pa.string()) for chunks in self._output_chunks]

    # -- all steps at once -------------------------------------------------------------

    def map_array(self, column: pa.Array | pa.ChunkedArray) -> list[pa.Array]:
        """The added columns for an Arrow column of names (any type; non-strings as text)."""
        positions = self.positions(column)
        return take_outputs(self.resolve(), positions)

    def lookup_many(self, values: Iterable[Any]) -> list[Outputs]:
        """Added values for each cell value (JSONL, Excel); nulls and blanks give empty ones."""
        texts = [as_text(v) for v in values]
        index = self._python_index()
        new: dict[str, None] = {}
        for t in texts:
            if t is not None and t not in index:
                new[t] = None
        if new:
            self._assign(list(new))
            index = self._python_index()
        self.resolve()
        out, key, entity, method = self._values
        found: list[Outputs] = []
        for t in texts:
            if t is None:
                found.append(_EMPTY)
            else:
                i = index[t]
                found.append((out[i], key[i], entity[i], method[i]))
        return found

    def _python_index(self) -> dict[str, int]:
        """Name -> position, brought up to date with the names given positions."""
        index = self._index
        if len(index) < len(self._names):
            start = len(index)
            index.update(zip(self._names[start:], range(start, len(self._names)), strict=True))
        return index


def normalize_columns(normalizer: Normalizer, names: Sequence[str]) -> Columns:
    """The added values of ``names``, one list per added column (:data:`ADDED_SUFFIXES`).

    Names that strip to nothing get empty values without reaching the normalizer.
    """
    blank = [not n or n.isspace() for n in names]
    todo = [n for n, b in zip(names, blank, strict=True) if not b] if any(blank) else names
    results = normalizer(todo) if todo else []
    if len(results) != len(todo):
        raise InputDataError(
            f"the normalizer returned {len(results)} results for {len(todo)} names"
        )
    columns: Columns = [
        [r.output for r in results],
        [r.key for r in results],
        [r.entity for r in results],
        [r.method for r in results],
    ]
    if len(todo) != len(names):
        for values in columns:
            done = iter(values)
            values[:] = [None if b else next(done) for b in blank]
    return columns


def take_outputs(outputs: list[pa.ChunkedArray], positions: pa.Array) -> list[pa.Array]:
    """The added columns of rows at ``positions``, from :meth:`NameCache.resolve`'s arrays."""
    return [_take(out, positions) for out in outputs]


def _take(values: pa.ChunkedArray, positions: pa.Array) -> pa.Array:
    """``values`` at ``positions`` (null positions give nulls), as one array."""
    import pyarrow as pa
    import pyarrow.compute as pc

    if values.null_count == len(values):  # e.g. entity ids when the gazetteer knows none
        return pa.nulls(len(positions), values.type)
    taken = pc.take(values, positions)
    return taken.combine_chunks() if isinstance(taken, pa.ChunkedArray) else taken


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
