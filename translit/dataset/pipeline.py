"""Normalize the name columns of a file: read, add columns, write, in bounded memory.

The input is read in batches; each batch gets the added columns (from a
:class:`~translit.dataset.columns.NameCache`, so each distinct name is normalized once
per run) and is written out. For CSV, TSV and Parquet, reading and looking names up,
normalizing new names, assembling and encoding, and writing run on threads of their
own (:func:`_run_threaded`); the new names may be normalized in worker processes
(:mod:`translit.dataset.offload`, through the cache). File outputs are atomic.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO, Protocol

from translit._util.atomic import PendingFile, atomic_output, refuse_overwrite
from translit._util.gctune import fewer_full_collections
from translit.dataset._types import added_columns
from translit.dataset.background import BackgroundWriter
from translit.dataset.batches import (
    Batch,
    Located,
    RowBatch,
    add_columns,
    output_columns,
    rows_to_arrow,
)
from translit.dataset.columns import NameCache
from translit.dataset.csvio import CsvReader
from translit.dataset.csvwriter import CsvWriter, Encoded
from translit.dataset.errors import MissingColumnError, UsageError
from translit.dataset.excel import ExcelReader, ExcelWriter, Merge, excel_column
from translit.dataset.extras import require_formats
from translit.dataset.formats import STDIO, DataFormat, compression_of, input_format, output_format
from translit.dataset.jsonl import JsonlReader, JsonlWriter
from translit.dataset.parquetio import ParquetReader, ParquetWriter
from translit.dataset.prefetch import Prefetch
from translit.dataset.progress import RowProgress
from translit.dataset.rejects import RejectSink
from translit.dataset.sources import UTF8_BOM, NativeWriter, Source

if TYPE_CHECKING:
    import pyarrow as pa

_THREADED = frozenset({DataFormat.csv, DataFormat.tsv, DataFormat.parquet})
"""Formats read, looked up and written on threads of their own (Arrow releases the GIL)."""

PREFETCH_BYTES = 256 << 20
"""Bytes of batches read and looked up ahead of the one being normalized (at least one).

Names are mostly new early in a file, so the normalizer lags behind the reader there;
what is read meanwhile need not be read once it is done."""

PIECE_ROWS = 1 << 16
"""Rows normalized and written at a time (batches are read bigger: lookups cost per batch)."""

MAKERS = 2
"""Threads that assemble and encode the slices to write (written in order by one)."""

LOOKUP_BYTES = 32 << 20
"""Batches looked up together, at least (each lookup hashes all the names known so far).

The first batch is looked up alone, so that its new names reach the normalizer early."""


class Reader(Protocol):
    columns: list[str]

    @property
    def position(self) -> int: ...

    def require(self, columns: list[str]) -> None: ...

    def batches(self) -> Iterator[Batch]: ...

    def close(self) -> None: ...


class Writer(Protocol):
    def write(self, batch: Batch) -> None: ...

    def close(self, columns: list[str] | None = None) -> None: ...


@dataclass
class FileReport:
    """What one file's run did."""

    source: str
    target: str
    rows: int = 0
    rejected: int = 0
    rejects_path: Path | None = None
    messages: list[str] = field(default_factory=list)


def open_reader(
    source: Source,
    fmt: DataFormat,
    *,
    encoding: str | None = None,
    rejects: RejectSink | None = None,
    sheet: str | None = None,
) -> Reader:
    """A reader for ``source`` in format ``fmt`` (``sheet``: Excel's worksheet to read)."""
    if fmt is DataFormat.csv:
        return CsvReader(source, encoding=encoding, rejects=rejects)
    if fmt is DataFormat.tsv:
        return CsvReader(source, delimiter="\t", quoting=False, encoding=encoding, rejects=rejects)
    if fmt is DataFormat.jsonl:
        return JsonlReader(source, encoding=encoding, rejects=rejects)
    if fmt is DataFormat.parquet:
        return ParquetReader(source)
    return ExcelReader(source, sheet=sheet)


class _TextCsvWriter:
    """CSV/TSV writer that also takes records (their values written as text)."""

    def __init__(self, stream: BinaryIO, fmt: DataFormat) -> None:
        tsv = fmt is DataFormat.tsv
        self._inner = CsvWriter(stream, delimiter="\t" if tsv else ",", quoting=not tsv)
        self._columns: list[str] | None = None

    def write(self, batch: Batch) -> None:
        if isinstance(batch, RowBatch):
            if self._columns is None:
                seen: dict[str, None] = {}
                for row in batch.rows:
                    seen.update(dict.fromkeys(row))
                self._columns = list(seen)
            batch = rows_to_arrow(batch, self._columns, text=True)
        self._inner.write(batch)

    def encode(self, batch: Batch) -> Encoded:
        """An Arrow batch's text (see :meth:`CsvWriter.encode`); any thread."""
        assert not isinstance(batch, RowBatch)
        return self._inner.encode(batch)

    def write_encoded(self, encoded: Encoded) -> None:
        self._inner.write_encoded(encoded)

    def close(self, columns: list[str] | None = None) -> None:
        self._inner.close(columns)


def open_writer(
    fmt: DataFormat,
    stream: BinaryIO,
    path: Path | None,
    sheet: str = "Sheet1",
    excel: dict[str, Any] | None = None,
) -> Writer:
    """A writer of ``fmt`` on ``stream`` (Excel writes to ``path`` by name)."""
    if fmt in (DataFormat.csv, DataFormat.tsv):
        return _TextCsvWriter(stream, fmt)
    if fmt is DataFormat.jsonl:
        return JsonlWriter(stream)
    if fmt is DataFormat.parquet:
        return ParquetWriter(stream)
    assert path is not None
    stream.close()
    return ExcelWriter(path, sheet=sheet, **(excel or {}))


def default_rejects_path(source: Source, target: str | None, fmt: DataFormat) -> Path:
    """Where rejected rows go: beside the output, else beside the input."""
    suffix = ".jsonl" if fmt is DataFormat.jsonl else (".tsv" if fmt is DataFormat.tsv else ".csv")
    if target is not None and target != STDIO:
        base = Path(target)
    elif source.path is not None:
        base = source.path
    else:
        raise UsageError("--skip-bad-rows with standard input and output needs --rejects FILE")
    return base.with_name(base.name + ".rejected" + suffix)


@dataclass
class Output:
    """Where a file's output goes: ``temp`` is the file being written (``None``: a stream)."""

    stream: BinaryIO
    temp: Path | None = None
    pending: PendingFile | None = None

    def sync_written(self) -> None:
        """Hand what is written to the disk early (files; see :meth:`PendingFile.sync_written`)."""
        if self.pending is not None:
            self.pending.sync_written()


@contextlib.contextmanager
def output_stream(
    target: str | None, in_place_of: Path | None, stdout: BinaryIO | None
) -> Iterator[Output]:
    if target is None or target == STDIO:
        stream = stdout if stdout is not None else sys.stdout.buffer
        yield Output(stream)
        stream.flush()
        return
    with atomic_output(target, backup=in_place_of is not None) as pending:
        codec = compression_of(target)
        if codec is None:
            yield Output(pending.stream, pending.temp, pending)
            return
        import pyarrow as pa

        compressed = io.BufferedWriter(
            NativeWriter(pa.CompressedOutputStream(pending.stream, codec)), 1 << 20
        )
        try:
            yield Output(compressed)
        finally:  # on success and failure alike: the codec's end goes out before the rename
            with contextlib.suppress(Exception):
                compressed.close()


def prefer_jemalloc() -> None:
    """Make jemalloc Arrow's allocator for this process, unless the user chose one.

    For the command line only (it is process-wide). Batches of the same sizes are
    allocated and freed over and over; jemalloc reuses their pages where Arrow's
    default (mimalloc) hands them back and faults them in again: measured on the
    benchmark file, a third less system time and 90 MB less peak memory.
    """
    if "ARROW_DEFAULT_MEMORY_POOL" in os.environ:
        return
    try:
        import pyarrow as pa
    except ImportError:  # reported, with what to install, when a format needs it
        return
    try:
        pa.set_memory_pool(pa.jemalloc_memory_pool())
    except NotImplementedError:  # a pyarrow built without jemalloc
        pass


def normalize_file(
    source_name: str,
    target: str | None,
    columns: Sequence[str],
    cache: NameCache,
    *,
    fmt: DataFormat | str | None = None,
    out_fmt: DataFormat | str | None = None,
    in_place: bool = False,
    encoding: str | None = None,
    skip_bad_rows: bool = False,
    rejects: str | Path | None = None,
    progress: bool | None = None,
    stdout: BinaryIO | None = None,
    sheet: str | None = None,
) -> FileReport:
    """Normalize ``columns`` of one file into ``target`` (``None`` or ``-``: standard output).

    ``fmt`` is the input format (default: from the extension), ``out_fmt`` the output
    format (default: ``target``'s extension, else the input format). With ``in_place``
    the input is replaced (atomically) and kept as ``FILE.bak``. ``sheet``: the Excel
    worksheet to read (default: the first), or ``all``: every worksheet that has the
    columns (Excel output only).
    """
    source = Source.of(source_name)
    in_format = input_format(source_name, fmt)
    if in_place:
        target = _in_place_target(source)
    out_format = DataFormat(out_fmt) if out_fmt is not None else output_format(target, in_format)
    _check_output(source, target, out_format, in_place)
    wanted = _wanted_columns(columns)
    require_formats(in_format, out_format)
    _check_compression(source_name, in_format, target, out_format)
    report = FileReport(source=source.label, target=target or STDIO)
    sink = None
    if skip_bad_rows:
        sink = _reject_sink(source, target, in_format, rejects)
        report.rejects_path = sink.path
    every_sheet = sheet == ALL_SHEETS
    sheet = _sheet_to_read(source, sheet, in_format, out_format, wanted)
    reader = open_reader(source, in_format, encoding=encoding, rejects=sink, sheet=sheet)
    meter = RowProgress(Path(source.label).name, source.size, enabled=progress)
    try:
        reader.require(wanted)
        refuse_added_columns(source.label, reader.columns, wanted)
        header = output_columns(reader.columns, wanted)
        excel: dict[str, Any] = {}
        if out_format is DataFormat.xlsx:
            excel = _excel_options(reader, in_format, header, report)
        with (
            sink if sink is not None else contextlib.nullcontext(),
            output_stream(target, source.path if in_place else None, stdout) as output,
            fewer_full_collections(),
        ):
            writer = open_writer(
                out_format, output.stream, output.temp, sheet=_sheet_title(reader), excel=excel
            )
            if getattr(reader, "bom", False) and out_format in (DataFormat.csv, DataFormat.tsv):
                output.stream.write(UTF8_BOM)  # the input's UTF-8 BOM is kept
            try:
                report.rows = _write_rows(
                    reader, writer, in_format, out_format, wanted, cache, meter, output
                )
                _close(writer, header, reader, (wanted, cache) if every_sheet else None)
            except BaseException:
                if isinstance(writer, ParquetWriter):
                    writer.abort()
                raise
        _note_moved_backup(output, source, report)
    finally:
        meter.close()
        reader.close()
    _note_one_sheet(reader, out_format, source, report)
    _note_rejects(sink, in_format, source, report)
    return report


def _in_place_target(source: Source) -> str:
    """``--in-place``: the output replaces the input file."""
    if source.path is None:
        raise UsageError("--in-place needs a file, not standard input")
    return str(source.path)


def _check_output(
    source: Source, target: str | None, out_format: DataFormat, in_place: bool
) -> None:
    """Refuse a format that cannot stream to standard output, and overwriting the input."""
    if (target is None or target == STDIO) and not out_format.streamable:
        raise UsageError(f"{out_format.value} cannot be written to standard output; use -o FILE")
    if not in_place and source.path is not None and target not in (None, STDIO):
        refuse_overwrite(source.path, target, "use --in-place")


def _wanted_columns(columns: Sequence[str]) -> list[str]:
    """The columns to normalize, each once, in order; at least one."""
    wanted = list(dict.fromkeys(columns))
    if not wanted:
        raise UsageError("name at least one column with --column")
    return wanted


def _check_compression(
    source_name: str, in_format: DataFormat, target: str | None, out_format: DataFormat
) -> None:
    """Only the streamable formats are read or written compressed."""
    for name, fmt_ in ((source_name, in_format), (target, out_format)):
        if compression_of(name) is not None and not fmt_.streamable:
            raise UsageError(f"{name}: {fmt_.value} files cannot be compressed (.gz, .zst)")


def _reject_sink(
    source: Source, target: str | None, in_format: DataFormat, rejects: str | Path | None
) -> RejectSink:
    """``--skip-bad-rows``: where the rejected rows go (``rejects``, else the default)."""
    where = Path(rejects) if rejects is not None else None
    return RejectSink(where or default_rejects_path(source, target, in_format))


def _sheet_to_read(
    source: Source,
    sheet: str | None,
    in_format: DataFormat,
    out_format: DataFormat,
    wanted: list[str],
) -> str | None:
    """The Excel worksheet to read (``None``: the first).

    ``all``: the first worksheet that has the columns (the others are normalized as the
    output is closed).
    """
    if sheet is not None and in_format is not DataFormat.xlsx:
        raise UsageError("--sheet is for Excel input (.xlsx)")
    if sheet != ALL_SHEETS:
        return sheet
    if out_format is not DataFormat.xlsx:
        raise UsageError("--sheet all needs an Excel output (-o FILE.xlsx)")
    return _first_sheet_with(source, wanted)


def _write_rows(
    reader: Reader,
    writer: Writer,
    in_format: DataFormat,
    out_format: DataFormat,
    wanted: list[str],
    cache: NameCache,
    meter: RowProgress,
    output: Output,
) -> int:
    """Every batch read, with the added columns, written; the rows done.

    CSV, TSV and Parquet on both sides run threaded (:func:`_run_threaded`); the other
    formats a batch at a time.
    """
    if in_format in _THREADED and out_format in _THREADED:
        return _run_threaded(reader, writer, wanted, cache, meter, output)
    rows = 0
    for batch in reader.batches():
        writer.write(add_columns(batch, wanted, cache))
        rows += batch.num_rows
        meter.update(batch.num_rows, reader.position)
    return rows


def _note_moved_backup(output: Output, source: Source, report: FileReport) -> None:
    """Say where the original went when ``FILE.bak`` was taken (``--in-place``)."""
    if output.pending is not None and output.pending.backup is not None:
        backup = output.pending.backup
        if not backup.name.endswith(".bak"):
            report.messages.append(f"{source.label}: the original is kept as {backup}")


def _note_one_sheet(
    reader: Reader, out_format: DataFormat, source: Source, report: FileReport
) -> None:
    """Say that only one worksheet of several was written (an output other than Excel)."""
    if (
        isinstance(reader, ExcelReader)
        and reader.sheet_count > 1
        and out_format is not DataFormat.xlsx
    ):
        report.messages.append(
            f"{source.label}: only the worksheet {reader.title!r} was written (see --sheet)"
        )


def _note_rejects(
    sink: RejectSink | None, in_format: DataFormat, source: Source, report: FileReport
) -> None:
    """Count the rejected rows and say where they went."""
    if sink is not None and sink.count:
        report.rejected = sink.count
        unit = "line" if in_format is DataFormat.jsonl else "record"
        report.messages.append(sink.summary(source.label, unit))


def refuse_added_columns(label: str, columns: Sequence[str], named: Sequence[str]) -> None:
    """Refuse an input that has a column this run would add (``name_normalized`` ...).

    Replacing it would lose its values without a word; the user drops or renames it.
    """
    clash = [a for c in named for a in added_columns(c) if a in columns]
    if clash:
        raise UsageError(
            f"{label}: already has the column(s) {', '.join(clash)} that normalizing "
            f"{', '.join(named)} adds (an earlier run's output?); rename or drop them"
        )


def _run_threaded(
    reader: Reader,
    writer: Writer,
    named: list[str],
    cache: NameCache,
    meter: RowProgress,
    output: Output,
) -> int:
    """Read and look up on one thread, normalize on this one, write behind; rows done.

    Batches are read and their names looked up ahead of the normalizer (up to
    ``PREFETCH_BYTES``), so that parsing overlaps normalizing; with worker processes
    the new names go to them as soon as they are found, and this thread only collects
    their values. Each batch is then normalized and written in slices of
    ``PIECE_ROWS`` rows: a slice is assembled and encoded (on ``MAKERS`` threads) and
    written (in order, on one) as soon as the names it needs are normalized, while
    the next slice's are. The writing thread syncs the output file when it waits.
    """

    def located() -> Iterator[Located]:
        group: list[pa.RecordBatch] = []
        weight = 0
        first = True
        for batch in reader.batches():
            assert not isinstance(batch, RowBatch)
            meter.read(batch.num_rows, reader.position)
            group.append(batch)
            weight += batch.nbytes
            if first or weight >= LOOKUP_BYTES:
                yield from Located.group(group, named, cache)
                group, weight, first = [], 0, False
        if group:
            yield from Located.group(group, named, cache)

    rows = 0
    background = BackgroundWriter(writer, depth=4, makers=MAKERS, on_idle=output.sync_written)
    try:
        with Prefetch(
            located(), budget=PREFETCH_BYTES, weigh=Located.nbytes, on_idle=cache.reader_idle
        ) as ahead:
            for item in ahead:
                for piece in item.pieces(PIECE_ROWS):
                    outputs = cache.resolve(piece.upto)
                    background.write(functools.partial(piece.build, outputs))
                rows += item.batch.num_rows
                meter.update(item.batch.num_rows)
        background.finish()
    finally:
        background.stop()
    return rows


def _sheet_title(reader: Reader) -> str:
    return reader.title if isinstance(reader, ExcelReader) else "Sheet1"


ALL_SHEETS = "all"


def _first_sheet_with(source: Source, wanted: list[str]) -> str:
    """The first worksheet that has every column in ``wanted`` (for ``--sheet all``)."""
    probe = ExcelReader(source)
    try:
        titles = probe.titles
    finally:
        probe.close()
    for title in titles:
        reader = ExcelReader(source, sheet=title)
        try:
            if all(c in reader.columns for c in wanted):
                return title
        finally:
            reader.close()
    raise MissingColumnError(
        f"{source.label}: no worksheet has the column(s) {', '.join(map(repr, wanted))}"
    )


def _excel_options(
    reader: Reader, in_format: DataFormat, header: list[str], report: FileReport
) -> dict[str, Any]:
    """How the Excel output is laid out, from what is read.

    Excel to Excel: the added columns go after the last column, so that formulas
    keep pointing at the cells they did, and merged ranges are kept. CSV and TSV to
    Excel: fields that are plainly numbers are written as numbers.
    """
    if isinstance(reader, ExcelReader):
        added = [c for c in header if c not in reader.columns]
        last = excel_column(len(reader.columns) - 1)
        report.messages.append(
            f"{reader.source.label}: the added columns follow the last column ({last}) so "
            "that formulas keep their cells"
        )
        return {"columns": [*reader.columns, *added], "merges": reader.merges()}
    if in_format in (DataFormat.csv, DataFormat.tsv):
        return {"numbers_in": [c for c in header if c in reader.columns]}
    return {}


def _close(
    writer: Writer,
    header: list[str],
    reader: Reader,
    every_sheet: tuple[list[str], NameCache] | None = None,
) -> None:
    if isinstance(writer, ParquetWriter):
        schema: Any = None
        if isinstance(reader, ParquetReader):
            schema = _added_schema(reader.schema, header)
        writer.close(header, schema)
        return
    if isinstance(writer, ExcelWriter) and isinstance(reader, ExcelReader):
        others = reader.other_sheets()
        if every_sheet is not None:
            others = _normalized_sheets(reader, others, *every_sheet)
        writer.close(header, others)
        return
    writer.close(header)


def _normalized_sheets(
    reader: ExcelReader,
    sheets: Iterator[tuple[str, Iterator[list[Any]], list[Merge]]],
    wanted: list[str],
    cache: NameCache,
) -> Iterator[tuple[str, Iterator[list[Any]], list[Merge]]]:
    """``--sheet all``: the other worksheets, those with the columns normalized too."""
    for title, rows, merges in sheets:
        sheet = ExcelReader(reader.source, sheet=title)
        if not all(c in sheet.columns for c in wanted):
            sheet.close()
            yield title, rows, merges
            continue
        yield title, _sheet_rows(sheet, wanted, cache), merges


def _sheet_rows(sheet: ExcelReader, wanted: list[str], cache: NameCache) -> Iterator[list[Any]]:
    """A worksheet's rows with the added columns after its last column."""
    try:
        added = [c for c in output_columns(sheet.columns, wanted) if c not in sheet.columns]
        order = [*sheet.columns, *added]
        yield order
        for batch in sheet.batches():
            done = add_columns(batch, wanted, cache)
            assert isinstance(done, RowBatch)
            for row in done.rows:
                yield [row.get(c) for c in order]
    finally:
        sheet.close()


def _added_schema(schema: Any, header: list[str]) -> Any:
    import pyarrow as pa

    fields = [schema.field(n) if n in schema.names else pa.field(n, pa.string()) for n in header]
    return pa.schema(fields, schema.metadata)
