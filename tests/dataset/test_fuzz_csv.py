"""Differential CSV fuzz: translit's reader against Python's ``csv`` module in strict mode.

Hypothesis writes CSV files with quotes, embedded newlines and CRs, BOMs, empty and
long fields, ragged rows, NULs, stray and unclosed quotes and invalid bytes. For
each, translit's :class:`~translit.dataset.csvio.CsvReader` and ``csv.reader(...,
strict=True)`` read it. They must agree on the rows and every value, or translit
must fail with a message that says where (line, record or byte offset), or the
difference must be one of the documented choices below (:func:`documented`).

Documented choices (translit reads a file that strict ``csv`` rejects):

* ``TEXT_AFTER_QUOTE``: a quoted field followed by more text before the delimiter
  (``"ab"c``) reads as ``abc`` (Arrow's parser), where strict ``csv`` stops. The row
  count is unchanged unless the text after the quote holds a line end, which the
  generator below does not write (a quote then a line end closes the field).

The number of examples is bounded (``MAX_EXAMPLES``) to keep CI fast.
"""

from __future__ import annotations

import csv
import io
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from translit.dataset.csvio import CsvReader
from translit.dataset.sources import Source
from translit.errors import InputDataError

pa = pytest.importorskip("pyarrow")

MAX_EXAMPLES = 1000
LOCATED = ("line ", "record ", "byte offset")

PLAIN = st.text(
    alphabet=st.sampled_from(list("abcXYZ019 -_.;:'Тоқаев")), min_size=1, max_size=12
).filter(lambda s: s.strip() == s or True)
INSIDE = st.text(alphabet=st.sampled_from(list('ab ,\n\r"Ж\t')), max_size=10)


@dataclass
class Field:
    raw: str  # as written in the file
    value: str | None  # as it should read (None: a null, written as nothing)


@st.composite
def fields(draw: st.DrawFn) -> Field:
    kind = draw(
        st.sampled_from(
            ["plain"] * 6 + ["quoted"] * 4 + ["empty"] * 2 + ["long", "nul", "stray", "after_quote"]
        )
    )
    if kind == "plain":
        text = draw(PLAIN)
        return Field(text, text)
    if kind == "quoted":
        text = draw(INSIDE)
        return Field('"' + text.replace('"', '""') + '"', text)
    if kind == "empty":
        return Field("", None)
    if kind == "long":
        text = "Ж" * draw(st.integers(1000, 70_000))
        return Field(text, text)
    if kind == "nul":
        return Field("a\x00b", "a\x00b")
    if kind == "stray":  # a quote inside an unquoted field is text
        return Field('ab"c', 'ab"c')
    return Field('"ab"c', "abc")  # text after a closing quote (documented)


@dataclass
class CsvCase:
    data: bytes
    rows: list[list[Field]]
    notes: set[str]

    def __repr__(self) -> str:  # long fields would make a huge report
        shown = self.data if len(self.data) < 300 else self.data[:150] + b"..." + self.data[-150:]
        return f"CsvCase({shown!r}, {len(self.data)} bytes, notes={sorted(self.notes)})"


@st.composite
def csv_files(draw: st.DrawFn) -> CsvCase:
    width = draw(st.integers(1, 4))
    header = [f"c{i}" for i in range(width)]
    rows: list[list[Field]] = []
    for _ in range(draw(st.integers(0, 8))):
        n = width
        if draw(st.integers(0, 15)) == 0:  # a ragged row, now and then
            n = draw(st.sampled_from([max(1, width - 1), width + 1]))
        rows.append([draw(fields()) for _ in range(n)])
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    lines = [",".join(header)] + [",".join(f.raw for f in row) for row in rows]
    notes: set[str] = set()
    if any(f.raw == '"ab"c' for row in rows for f in row):
        notes.add("TEXT_AFTER_QUOTE")
    if any(len(row) != width for row in rows):
        notes.add("RAGGED")
    text = newline.join(lines) + (newline if draw(st.booleans()) else "")
    if draw(st.integers(0, 10)) == 0:
        text += newline  # a blank line at the end
    if rows and draw(st.integers(0, 12)) == 0:
        text = text.rstrip("\r\n") + ',"unclosed' + newline + "z" * width + newline
        notes.add("UNCLOSED")
    data = text.encode("utf-8")
    if draw(st.integers(0, 8)) == 0:
        data = b"\xef\xbb\xbf" + data
    if data and draw(st.integers(0, 12)) == 0:
        at = draw(st.integers(len(data) // 2, len(data)))
        data = data[:at] + b"\xff" + data[at:]
        notes.add("INVALID_BYTES")
    return CsvCase(data, rows, notes)


def read_translit(path: Path | None) -> list[list[str | None]]:
    """The file at ``path`` (``None``: standard input) as translit reads it.

    Files are parsed in small blocks (long rows make the reader start again with
    bigger ones); standard input, which cannot be read twice, in the usual 8 MiB.
    """
    source = Source.of(str(path)) if path is not None else Source(None)
    reader = CsvReader(source, block_size=1 << 12 if path is not None else None)
    try:
        rows: list[list[str | None]] = []
        for batch in reader.batches():
            columns = [batch.column(i).to_pylist() for i in range(batch.num_columns)]
            rows.extend([list(r) for r in zip(*columns, strict=True)])
        return [reader.columns, *rows]  # type: ignore[list-item]
    finally:
        reader.close()


def read_piped(data: bytes) -> list[list[str | None]] | Exception:
    """``data`` as translit reads it from standard input (or the error)."""
    saved = sys.stdin
    sys.stdin = io.TextIOWrapper(io.BytesIO(data))
    try:
        return read_translit(None)
    except InputDataError as exc:
        return exc
    finally:
        sys.stdin = saved


def read_strict(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    old = csv.field_size_limit(sys.maxsize)
    try:
        return [r for r in csv.reader(io.StringIO(text, newline=""), strict=True) if r]
    finally:
        csv.field_size_limit(old)


def same(ours: list[list[str | None]], theirs: list[list[str]]) -> bool:
    """Equal rows, a null reading as an empty string (``csv`` has no nulls)."""
    return [[v if v is not None else "" for v in row] for row in ours] == theirs


RESULTS: dict[str, int] = {}


def tally(outcome: str) -> None:
    RESULTS[outcome] = RESULTS.get(outcome, 0) + 1


@settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(case=csv_files())
def test_translit_reads_what_strict_csv_reads(
    case: CsvCase, tmp_path_factory: pytest.TempPathFactory
) -> None:
    path = tmp_path_factory.mktemp("fuzz") / "in.csv"
    path.write_bytes(case.data)
    try:
        theirs: list[list[str]] | Exception = read_strict(case.data)
    except (csv.Error, UnicodeDecodeError) as exc:
        theirs = exc
    try:
        ours: list[list[str | None]] | Exception = read_translit(path)
    except InputDataError as exc:
        ours = exc
    piped = read_piped(case.data)
    if isinstance(ours, Exception):
        assert isinstance(piped, Exception), "standard input read what the file refused"
    else:
        assert piped == ours, "standard input reads differently from the file"
    if isinstance(ours, Exception):
        assert any(w in str(ours) for w in LOCATED), f"error without a place: {ours}"
        assert any(w in str(piped) for w in LOCATED), f"error without a place: {piped}"
        why = ", ".join(sorted(case.notes))
        tally(
            f"both refuse; translit names the place ({why})"
            if isinstance(theirs, Exception)
            else f"translit refuses with its place, csv reads it ({why})"
        )
        if not isinstance(theirs, Exception):
            # csv reads it: then it must be a row translit refuses on purpose.
            ragged = any(len(r) != len(theirs[0]) for r in theirs)
            assert (
                ragged or "UNCLOSED" in case.notes or "\x00" in case.data.decode("utf-8", "replace")
            ), f"translit refused a file csv reads: {ours}"
        return
    if isinstance(theirs, Exception):
        assert case.notes & {"TEXT_AFTER_QUOTE"}, f"translit read a file csv refuses: {theirs}"
        tally("documented: text after a closing quote")
        return
    if "TEXT_AFTER_QUOTE" in case.notes:  # csv (strict) refuses these: not reached
        tally("both read text after a quote")
        return
    assert same(ours, theirs), (ours, theirs)
    tally("agree")


def test_fuzz_summary() -> None:
    """Not a check: prints what the fuzz found (run with -s), for docs/reliability.md."""
    for outcome, count in sorted(RESULTS.items()):
        print(f"{count:5d}  {outcome}")


@pytest.mark.parametrize(
    "data",
    [
        # a quoted line end as the last value, then a blank line: closed, not unclosed
        # (found by the hypothesis test above)
        b'\xef\xbb\xbfc0\n"\n"\n\n',
        b'c0\r\n"\r\n"\r\n\r\n',
        b'c0,c1\n1,"\n"\n\n\n\n',
    ],
)
def test_a_quoted_line_end_before_blank_lines_is_read(data: bytes, tmp_path: Path) -> None:
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    assert same(read_translit(path), read_strict(data))
    assert same(read_piped(data), read_strict(data))  # type: ignore[arg-type]


@pytest.mark.parametrize("blank", [b"", b"\n", b"\n\n\n"])
def test_a_quote_left_open_before_blank_lines_is_refused(blank: bytes, tmp_path: Path) -> None:
    data = b'c0\n1\n"abc\n' + blank
    path = tmp_path / "in.csv"
    path.write_bytes(data)
    with pytest.raises(InputDataError, match="unclosed quote"):
        read_translit(path)
