"""CsvWriter: Arrow's unquoted writer where it can, polars elsewhere, the same text either way.

The reference is polars ``write_csv`` with quoting where necessary (never, for TSV):
the writer this module used alone before the unquoted fast path.
"""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from translit.dataset.csvwriter import CsvWriter, plain_text
from translit.errors import InputDataError

pa = pytest.importorskip("pyarrow")
pl = pytest.importorskip("polars")

PLAIN = st.text(st.sampled_from("abz Ж7-.'ё"), max_size=5)
TRICKY = st.sampled_from(["", ",", '"', 'a "b"', "x\ny", "c\rd", "t\tu", " pad ", "ä,ö"])
CELL = st.one_of(st.none(), PLAIN, TRICKY)


def polars_text(batches: list[pa.RecordBatch], delimiter: str) -> bytes:
    frame = pl.from_arrow(pa.Table.from_batches(batches))
    assert isinstance(frame, pl.DataFrame)
    out = io.BytesIO()
    style = "necessary" if delimiter == "," else "never"
    frame.write_csv(out, separator=delimiter, quote_style=style)
    return out.getvalue()


def written(batches: list[pa.RecordBatch], delimiter: str = ",") -> tuple[bytes, CsvWriter]:
    out = io.BytesIO()
    writer = CsvWriter(out, delimiter=delimiter, quoting=delimiter == ",")
    for batch in batches:
        writer.write(batch)
    writer.close(batches[0].schema.names)
    return out.getvalue(), writer


def batch_of(rows: list[list[str | None]]) -> pa.RecordBatch:
    columns = list(zip(*rows, strict=True)) if rows else [(), ()]
    return pa.record_batch([pa.array(list(c), pa.string()) for c in columns], names=["a", "b"])


@settings(max_examples=120, deadline=None)
@given(st.lists(st.lists(st.lists(CELL, min_size=2, max_size=2), max_size=6), min_size=1))
def test_csv_text_equals_polars_and_reads_back(rows: list[list[list[str | None]]]) -> None:
    batches = [batch_of(r) for r in rows]
    got, _ = written(batches)
    assert got == polars_text(batches, ",")
    back = list(csv.reader(io.StringIO(got.decode(), newline="")))
    flat = [row for r in rows for row in r]
    assert back == [["a", "b"], *[[c or "" for c in row] for row in flat]]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.lists(st.none() | PLAIN, min_size=2, max_size=2), max_size=6)))
def test_tsv_text_equals_polars(rows: list[list[list[str | None]]]) -> None:
    batches = [batch_of(r) for r in rows] or [batch_of([])]
    got, _ = written(batches, "\t")
    assert got == polars_text(batches, "\t")


def test_plain_batches_take_the_fast_path() -> None:
    plain = batch_of([["007", "Tokayev"], [None, "Алматы"]])
    _, writer = written([plain, plain])
    assert writer.fast_batches == 2


@pytest.mark.parametrize(
    ("cell", "fast", "line"),
    [
        ("", False, 'x,""'),  # an empty string is not a missing field
        (None, True, "x,"),
        ("a,b", False, 'x,"a,b"'),
        ('say "hi"', False, 'x,"say ""hi"""'),
        ("two\nlines", False, 'x,"two'),
        (" pad ", True, "x, pad "),
    ],
)
def test_which_batches_need_quotes(cell: str | None, fast: bool, line: str) -> None:
    text, writer = written([batch_of([["x", cell]])])
    assert writer.fast_batches == int(fast)
    assert text.decode().split("\n")[1] == line


def test_only_text_columns_are_plain() -> None:
    numbers = pa.record_batch([pa.array([1, 2])], names=["n"])
    assert not plain_text(numbers)
    assert plain_text(pa.record_batch([pa.nulls(2, pa.string())], names=["s"]))


def test_tsv_refuses_tabs_inside_fields() -> None:
    with pytest.raises(InputDataError, match="tab or line break"):
        written([batch_of([["x", "a\tb"]])], "\t")


def test_quotes_and_commas_in_tsv_are_written_as_they_are() -> None:
    text, _ = written([batch_of([['"q"', "a,b"]])], "\t")
    assert text.decode() == 'a\tb\n"q"\ta,b\n'


def test_header_alone() -> None:
    out = io.BytesIO()
    CsvWriter(out).close(["id", "a,b"])
    assert out.getvalue() == b'id,"a,b"\n'


HEADER_NAME = st.one_of(PLAIN.filter(bool), TRICKY.filter(bool))


@settings(max_examples=60, deadline=None)
@given(st.lists(HEADER_NAME, min_size=1, max_size=4, unique=True), st.sampled_from([",", "\t"]))
def test_the_header_equals_polars_header(names: list[str], delimiter: str) -> None:
    if delimiter == "\t":
        names = [n for n in names if not any(c in n for c in "\t\n\r")] or ["x"]
    empty = pa.record_batch([pa.array([], pa.string()) for _ in names], names=names)
    out = io.BytesIO()
    CsvWriter(out, delimiter=delimiter, quoting=delimiter == ",").close(names)
    assert out.getvalue() == polars_text([empty], delimiter)


def test_encoded_batches_written_in_order_match_written_batches() -> None:
    from concurrent.futures import ThreadPoolExecutor

    batches = [batch_of([[f"r{i}", "a,b" if i % 3 == 0 else "x"]]) for i in range(12)]
    expected, _ = written(batches)
    out = io.BytesIO()
    writer = CsvWriter(out)
    with ThreadPoolExecutor(3) as pool:
        encoded = list(pool.map(writer.encode, batches))
    for item in encoded:
        writer.write_encoded(item)
    writer.close(batches[0].schema.names)
    assert out.getvalue() == expected
    assert writer.fast_batches == 8
