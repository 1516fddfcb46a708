"""The two shapes data moves in, and the step that adds the normalized columns.

Columnar formats (CSV, TSV, Parquet) move as Arrow record batches; formats whose
cells each carry their own type (JSON Lines, Excel) move as :class:`RowBatch`, a list
of records. Writers accept both, converting where they must.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Union

from translit.dataset._types import added_columns
from translit.dataset.columns import NameCache, as_text, take_outputs
from translit.errors import InputDataError

if TYPE_CHECKING:
    import pyarrow as pa


@dataclass
class RowBatch:
    """Records (column -> value) in input order; ``first_line`` is the first's line number."""

    rows: list[dict[str, Any]]
    first_line: int = 1

    @property
    def num_rows(self) -> int:
        return len(self.rows)


Batch = Union["pa.RecordBatch", RowBatch]


def output_columns(columns: Sequence[str], named: Sequence[str]) -> list[str]:
    """The output's column order: the added columns follow each named column.

    Columns of the input that have the name of an added column (an earlier run's
    output) are dropped: the new values replace them.
    """
    added = {a for c in named for a in added_columns(c)}
    result: list[str] = []
    for column in columns:
        if column in added and column not in named:
            continue
        result.append(column)
        if column in named:
            result.extend(added_columns(column))
    return result


def add_columns(batch: Batch, named: Sequence[str], cache: NameCache) -> Batch:
    """``batch`` with the four added columns after each named column."""
    if isinstance(batch, RowBatch):
        return _add_to_rows(batch, named, cache)
    return _add_to_arrow(batch, named, cache)


def _add_to_arrow(batch: pa.RecordBatch, named: Sequence[str], cache: NameCache) -> pa.RecordBatch:
    return with_added(batch, {c: cache.map_array(batch.column(c)) for c in named})


def with_added(batch: pa.RecordBatch, computed: dict[str, list[pa.Array]]) -> pa.RecordBatch:
    """``batch`` with ``computed[c]`` (the added columns of ``c``) after each column ``c``.

    Columns named like an added column of another named column (an earlier run's
    output) are left out: the new values replace them.
    """
    import pyarrow as pa

    added = {a for c in computed for a in added_columns(c)}
    arrays: list[pa.Array] = []
    fields: list[pa.Field] = []
    for field, array in zip(batch.schema, batch.columns, strict=True):
        if field.name in added and field.name not in computed:
            continue
        fields.append(field)
        arrays.append(array)
        if field.name in computed:
            for name, values in zip(added_columns(field.name), computed[field.name], strict=True):
                fields.append(pa.field(name, pa.string()))
                arrays.append(values)
    return pa.RecordBatch.from_arrays(arrays, schema=pa.schema(fields, batch.schema.metadata))


@dataclass
class Located:
    """An Arrow batch whose named columns have been looked up (:meth:`NameCache.positions`).

    ``upto``: the names the cache had given positions to by then; the batch's values
    are known once the cache has resolved that many.
    """

    batch: pa.RecordBatch
    positions: dict[str, pa.Array]
    upto: int

    @classmethod
    def of(cls, batch: pa.RecordBatch, named: Sequence[str], cache: NameCache) -> Located:
        positions = {c: cache.positions(batch.column(c)) for c in named}
        return cls(batch, positions, cache.assigned)

    @classmethod
    def group(
        cls, batches: Sequence[pa.RecordBatch], named: Sequence[str], cache: NameCache
    ) -> list[Located]:
        """Each of ``batches``, looked up together (one pass over the known names)."""
        import pyarrow as pa

        if len(batches) == 1:
            return [cls.of(batches[0], named, cache)]
        together = {
            c: cache.positions(pa.chunked_array([b.column(c) for b in batches])) for c in named
        }
        found: list[Located] = []
        start = 0
        for batch in batches:
            positions = {c: p.slice(start, batch.num_rows) for c, p in together.items()}
            found.append(cls(batch, positions, _needed(positions)))
            start += batch.num_rows
        return found

    def nbytes(self) -> int:
        """Memory held by the batch and its positions."""
        return int(self.batch.nbytes) + sum(int(p.nbytes) for p in self.positions.values())

    def pieces(self, size: int) -> Iterator[Located]:
        """The batch in slices of at most ``size`` rows, each knowing the names it needs.

        New names are numbered in order of first appearance, so the first rows of a
        batch need only the first of its new names: a slice can be written as soon as
        those are normalized, while the rest are.
        """

        rows = self.batch.num_rows
        if rows <= size:
            yield self
            return
        count = -(-rows // size)
        step = -(-rows // count)  # equal slices, none much shorter than the others
        for start in range(0, rows, step):
            positions = {c: p.slice(start, step) for c, p in self.positions.items()}
            yield Located(self.batch.slice(start, step), positions, _needed(positions))

    def build(self, outputs: list[pa.ChunkedArray]) -> pa.RecordBatch:
        """The batch with its added columns, from :meth:`NameCache.resolve`'s arrays."""
        return with_added(
            self.batch, {c: take_outputs(outputs, p) for c, p in self.positions.items()}
        )


def _needed(positions: dict[str, pa.Array]) -> int:
    """How many names the cache must have resolved for rows at ``positions``."""
    import pyarrow.compute as pc

    highest = [pc.max(p).as_py() for p in positions.values()]
    return max((h + 1 for h in highest if h is not None), default=0)


def _add_to_rows(batch: RowBatch, named: Sequence[str], cache: NameCache) -> RowBatch:
    computed = {c: cache.lookup_many(row.get(c) for row in batch.rows) for c in named}
    added = {a: None for c in named for a in added_columns(c)}
    out: list[dict[str, Any]] = []
    for i, row in enumerate(batch.rows):
        new: dict[str, Any] = {}
        for key, value in row.items():
            if key in added and key not in computed:
                continue
            new[key] = value
            values = computed.get(key)
            if values is not None:
                new.update(zip(added_columns(key), values[i], strict=True))
        for column, values in computed.items():  # records without the column
            if column not in row:
                new.update(zip(added_columns(column), values[i], strict=True))
        out.append(new)
    return RowBatch(out, batch.first_line)


# -- conversions between the two shapes -------------------------------------------------


def arrow_to_rows(batch: pa.RecordBatch) -> RowBatch:
    """Records of an Arrow batch (Python values)."""
    names = batch.schema.names
    columns = [c.to_pylist() for c in batch.columns]
    return RowBatch(
        [dict(zip(names, values, strict=True)) for values in zip(*columns, strict=True)]
    )


def rows_to_arrow(
    batch: RowBatch, columns: Sequence[str], schema: pa.Schema | None = None, *, text: bool = False
) -> pa.RecordBatch:
    """An Arrow batch with ``columns``; ``text``: every value as text (for CSV/TSV).

    With ``schema`` (from an earlier batch) the types are kept; otherwise each column's
    type is inferred, falling back to text when its values mix types. A record with a
    key outside ``columns`` is an error: the output's columns are fixed by then.
    """
    import pyarrow as pa

    known = set(columns)
    for offset, row in enumerate(batch.rows):
        extra = [k for k in row if k not in known]
        if extra:
            raise InputDataError(
                f"record at line {batch.first_line + offset} has a key not in the first "
                f"records ({', '.join(map(repr, extra))}); write JSON Lines instead"
            )
    arrays: list[pa.Array] = []
    for i, name in enumerate(columns):
        values = [row.get(name) for row in batch.rows]
        if text:
            arrays.append(pa.array([as_text(v) for v in values], pa.string()))
            continue
        wanted = None if schema is None else schema.field(i).type
        arrays.append(_typed_array(name, values, wanted))
    if schema is None:
        return pa.RecordBatch.from_arrays(arrays, names=list(columns))
    return pa.RecordBatch.from_arrays(arrays, schema=schema)


def _typed_array(name: str, values: list[Any], wanted: pa.DataType | None) -> pa.Array:
    import pyarrow as pa

    if wanted is not None and pa.types.is_string(wanted):
        return pa.array([as_text(v) for v in values], pa.string())
    try:
        return pa.array(values, type=wanted)
    except (pa.ArrowInvalid, pa.ArrowTypeError, OverflowError) as exc:
        if wanted is None:
            return pa.array([as_text(v) for v in values], pa.string())
        raise InputDataError(
            f"column {name!r} changes type part way ({wanted} before): {exc}; "
            "write CSV or JSON Lines instead"
        ) from None
