"""Command-line side of the dataset tools: ``translit normalize FILE ...`` and ``translit cluster``.

``cli.py`` registers ``cluster`` with :func:`register` and calls :func:`normalize_files`
from its ``normalize`` command when it is given files or ``--column``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from translit._cli import fail
from translit.dataset._types import Normalizer
from translit.dataset.errors import UsageError
from translit.dataset.formats import STDIO, Format, is_tabular_path
from translit.errors import TranslitError

EXIT_OK = 0
EXIT_DATA = 1
EXIT_USAGE = 2


def wants_dataset(files: Sequence[str], columns: Sequence[str]) -> bool:
    """Whether ``translit normalize`` should treat its arguments as data files.

    True when a column is named or any argument has a tabular extension
    (``.csv``, ``.tsv``, ``.jsonl``, ``.parquet``, ``.xlsx`` ...).
    """
    return bool(columns) or any(is_tabular_path(f) for f in files)


def _error_code(exc: TranslitError) -> int:
    code = EXIT_USAGE if isinstance(exc, UsageError) else EXIT_DATA
    fail(str(exc), code=code)  # prints the one-line message
    return code


def _targets(files: Sequence[str], output: str | None, in_place: bool) -> list[str | None]:
    """The output of each input file: ``None`` = standard output."""
    if in_place:
        if output is not None:
            raise UsageError("--in-place and -o/--output cannot be used together")
        if STDIO in files:
            raise UsageError("--in-place needs files, not standard input")
        return list(files)
    if output is not None and output != STDIO and Path(output).is_dir():
        return [str(Path(output) / Path(f).name) if f != STDIO else None for f in files]
    if len(files) > 1:
        raise UsageError("several input files need -o DIRECTORY (an existing folder) or --in-place")
    return [output]


def normalize_files(
    files: list[str],
    columns: list[str],
    output: str | None = None,
    style: str = "en",
    gazetteer: list[str] | None = None,
    fmt: str | None = None,
    in_place: bool = False,
    skip_bad_rows: bool = False,
    encoding: str | None = None,
    rejects: str | None = None,
    progress: bool | None = None,
    normalizer: Normalizer | None = None,
    jobs: int | None = None,
    sheet: str | None = None,
) -> int:
    """Normalize ``columns`` of each file; print errors; return the exit code.

    ``files``: paths, or ``-`` for standard input (CSV unless ``fmt`` says otherwise).
    ``output``: a file, ``-``/``None`` (standard output), or an existing directory (one
    output per input, same name). ``fmt`` is the input format (default: extension);
    the output format follows ``output``'s extension, else the input's. ``rejects``:
    side file for ``--skip-bad-rows`` (default ``<OUTPUT or INPUT>.rejected.<ext>``).
    ``progress``: ``None`` shows a bar only when standard error is a terminal.
    ``jobs``: cores to keep busy: 1 = this process only; N >= 2 = worker processes
    normalize names while this one reads and writes; ``None`` decides by the files
    and the cores (:func:`~translit.dataset.offload.worker_count`). ``sheet``: the
    Excel worksheet to read, or ``all`` (every one with the columns; Excel output).
    """
    from translit.dataset.columns import NameCache
    from translit.dataset.normalizer import default_normalizer
    from translit.dataset.offload import WorkerPool, start_workers
    from translit.dataset.pipeline import normalize_file, prefer_jemalloc

    workers: WorkerPool | None = None
    try:
        if not files:
            files = [STDIO]
        if not columns:
            raise UsageError("name the column(s) to normalize with --column NAME")
        if fmt is not None and fmt not in Format.__members__:
            raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(Format.__members__)}")
        if rejects is not None and len(files) > 1:
            raise UsageError("--rejects takes one input file")
        targets = _targets(files, output, in_place)
        if normalizer is None:
            normalizer = default_normalizer(style, gazetteer or [])
        workers = start_workers(files, fmt, normalizer, jobs)
        prefer_jemalloc()
        # Shared: each distinct name once across all files.
        cache = NameCache(normalizer, offload=workers)
        for source, target in zip(files, targets, strict=True):
            report = normalize_file(
                source,
                target,
                columns,
                cache,
                fmt=fmt,
                in_place=in_place,
                encoding=encoding,
                skip_bad_rows=skip_bad_rows,
                rejects=rejects,
                progress=progress,
                sheet=sheet,
            )
            for message in report.messages:
                typer.echo(f"translit: {message}", err=True)
    except TranslitError as exc:
        return _error_code(exc)
    except BrokenPipeError:
        return EXIT_OK
    finally:
        if workers is not None:
            workers.close()
    return EXIT_OK


def cluster_command(
    file: str,
    column: str,
    output: str | None = None,
    min_score: float | None = None,
    style: str = "en",
    gazetteer: list[str] | None = None,
    fmt: str | None = None,
    encoding: str | None = None,
    normalizer: Normalizer | None = None,
) -> int:
    """Run ``translit cluster``; print errors; return the exit code."""
    from translit.dataset.cluster import DEFAULT_MIN_SCORE, cluster_file, default_scorer
    from translit.dataset.normalizer import default_normalizer

    try:
        if min_score is not None and not 0.0 <= min_score <= 1.0:
            raise UsageError("--min-score must be between 0 and 1")
        if fmt is not None and fmt not in Format.__members__:
            raise UsageError(f"unknown format {fmt!r}; choose from {', '.join(Format.__members__)}")
        if normalizer is None:
            normalizer = default_normalizer(style, gazetteer or [])
        cluster_file(
            file,
            column,
            output,
            normalizer,
            scorer=default_scorer(),
            min_score=DEFAULT_MIN_SCORE if min_score is None else min_score,
            fmt=fmt,
            encoding=encoding,
        )
    except TranslitError as exc:
        return _error_code(exc)
    except BrokenPipeError:
        return EXIT_OK
    return EXIT_OK


# -- Typer options, shared with the ``normalize`` command in cli.py -------------------

ColumnOpt = Annotated[
    list[str] | None,
    typer.Option("--column", "-c", help="Column of names to normalize (repeatable)."),
]
OutputOpt = Annotated[
    str | None,
    typer.Option(
        "--output",
        "-o",
        help="Output file, '-' for standard output, or a folder for several files.",
    ),
]
GazetteerOpt = Annotated[
    list[str] | None,
    typer.Option("--gazetteer", "-g", help="Your gazetteer file (CSV or JSONL); repeatable."),
]
FormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", help="Input format: csv, tsv, jsonl, parquet, xlsx (default: extension)."
    ),
]
InPlaceOpt = Annotated[
    bool, typer.Option("--in-place", help="Replace each input file, keeping FILE.bak.")
]
SkipBadRowsOpt = Annotated[
    bool,
    typer.Option(
        "--skip-bad-rows", help="Set malformed rows aside in a side file instead of stopping."
    ),
]
RejectsOpt = Annotated[
    str | None,
    typer.Option("--rejects", help="Side file for --skip-bad-rows (default: OUT.rejected.csv)."),
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Input text encoding (default UTF-8).")
]
JobsOpt = Annotated[
    int | None,
    typer.Option(
        "--jobs",
        "-j",
        min=1,
        help="Cores to use: 1 = one process; more: names normalized in worker processes "
        "(default: every core, for files from 8 MiB).",
    ),
]
SheetOpt = Annotated[
    str | None,
    typer.Option("--sheet", help="Excel: the worksheet to read (default: the first), or 'all'."),
]
ProgressOpt = Annotated[
    bool | None,
    typer.Option(
        "--progress/--no-progress",
        help="Progress on standard error: a bar on a terminal (the default there), "
        "else a line every 30 s.",
    ),
]


def register(app: typer.Typer) -> None:
    """Add ``cluster`` to the main app (``normalize`` FILE mode is wired by cli.py)."""

    @app.command()
    def cluster(
        file: Annotated[
            str, typer.Argument(help="Data file (CSV, TSV, JSONL, Parquet, xlsx) or '-'.")
        ],
        column: Annotated[list[str], typer.Option("--column", "-c", help="Column of names.")],
        min_score: Annotated[
            float | None,
            typer.Option(
                "--min-score", help="Match score (0-1) needed to merge two spellings' groups."
            ),
        ] = None,
        output: OutputOpt = None,
        style: Annotated[
            str, typer.Option("--style", "-s", help="Style of canonical forms.")
        ] = "en",
        gazetteer: GazetteerOpt = None,
        fmt: FormatOpt = None,
        encoding: EncodingOpt = None,
    ) -> None:
        """Group a column's distinct spellings into entities, one row per spelling."""
        if len(column) != 1:
            raise typer.Exit(_error_code(UsageError("cluster takes one --column")))
        code = cluster_command(file, column[0], output, min_score, style, gazetteer, fmt, encoding)
        if code:
            raise typer.Exit(code=code)
