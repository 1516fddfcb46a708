"""The dataset runner: ``translit normalize FILE ...`` and ``translit cluster`` as library calls.

Each call checks its options, then does the whole job (worker processes, every file,
the shared cache of names); errors are raised as :mod:`translit.errors` exceptions,
never printed. The command line only parses its options, calls one of these and
prints what :func:`normalize_files` reports.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from translit.dataset._types import Normalizer
from translit.dataset.formats import STDIO, DataFormat
from translit.errors import UsageError

if TYPE_CHECKING:  # (the pipeline imports pyarrow: only when a file is normalized)
    from translit.dataset.pipeline import FileReport


def _check_format(fmt: str | None) -> None:
    if fmt is not None and fmt not in DataFormat.__members__:
        choices = ", ".join(DataFormat.__members__)
        raise UsageError(f"unknown format {fmt!r}; choose from {choices}")


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
    files: Sequence[str],
    columns: Sequence[str],
    *,
    output: str | None = None,
    style: str = "en",
    gazetteer: Sequence[str] = (),
    fmt: str | None = None,
    in_place: bool = False,
    skip_bad_rows: bool = False,
    encoding: str | None = None,
    rejects: str | None = None,
    progress: bool | None = None,
    normalizer: Normalizer | None = None,
    jobs: int | None = None,
    sheet: str | None = None,
    notify: Callable[[str], None] | None = None,
) -> list[FileReport]:
    """Normalize ``columns`` of each file; return one report per file.

    ``files``: paths, or ``-`` for standard input (CSV unless ``fmt`` says otherwise);
    none: standard input. ``output``: a file, ``-``/``None`` (standard output), or an
    existing directory (one output per input, same name). ``fmt`` is the input format
    (default: extension); the output format follows ``output``'s extension, else the
    input's. ``rejects``: side file for ``skip_bad_rows`` (default
    ``<OUTPUT or INPUT>.rejected.<ext>``). ``progress``: ``None`` shows a bar only when
    standard error is a terminal. ``normalizer``: default, ``translit.normalize_many``
    in ``style`` with the ``gazetteer`` files. ``jobs``: cores to keep busy: 1 = this
    process only; N >= 2 = worker processes normalize names while this one reads and
    writes; ``None`` decides by the files and the cores
    (:func:`~translit.dataset.offload.worker_count`). ``sheet``: the Excel worksheet
    to read, or ``all`` (every one with the columns; Excel output). ``notify`` is
    given each file's messages (the kept original, rejected rows) as it is done.
    """
    from translit.dataset.columns import NameCache
    from translit.dataset.normalizer import default_normalizer
    from translit.dataset.offload import WorkerPool, start_workers
    from translit.dataset.pipeline import normalize_file, prefer_jemalloc

    files = list(files) or [STDIO]
    if not columns:
        raise UsageError("name the column(s) to normalize with --column NAME")
    _check_format(fmt)
    if rejects is not None and len(files) > 1:
        raise UsageError("--rejects takes one input file")
    targets = _targets(files, output, in_place)
    if normalizer is None:
        normalizer = default_normalizer(style, gazetteer)
    workers: WorkerPool | None = None
    reports: list[FileReport] = []
    try:
        workers = start_workers(files, fmt, normalizer, jobs)
        prefer_jemalloc()
        cache = NameCache(normalizer, offload=workers)  # each distinct name once in all files
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
            reports.append(report)
            for message in report.messages:
                if notify is not None:
                    notify(message)
    finally:
        if workers is not None:
            workers.close()
    return reports


def cluster(
    file: str,
    column: str,
    *,
    output: str | None = None,
    min_score: float | None = None,
    style: str = "en",
    gazetteer: Sequence[str] = (),
    fmt: str | None = None,
    encoding: str | None = None,
    normalizer: Normalizer | None = None,
) -> int:
    """Group the spellings of ``column`` into entities, one row per spelling, into
    ``output`` (``None``/``-``: standard output); return the number of groups."""
    from translit.dataset.cluster import DEFAULT_MIN_SCORE, cluster_file, default_scorer
    from translit.dataset.normalizer import default_normalizer

    if min_score is not None and not 0.0 <= min_score <= 1.0:
        raise UsageError("--min-score must be between 0 and 1")
    _check_format(fmt)
    if normalizer is None:
        normalizer = default_normalizer(style, gazetteer)
    return cluster_file(
        file,
        column,
        output,
        normalizer,
        scorer=default_scorer(),
        min_score=DEFAULT_MIN_SCORE if min_score is None else min_score,
        fmt=fmt,
        encoding=encoding,
    )
