"""normalize_file (translit.dataset.pipeline): a request it cannot carry out is refused, with
its message, before anything is read or written; the first of several problems is named."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import pytest

from tests.dataset.fakes import CountingNormalizer
from translit.dataset.columns import NameCache
from translit.dataset.pipeline import normalize_file
from translit.errors import UsageError


@pytest.mark.parametrize(
    ("source", "target", "columns", "options", "message"),
    [
        ("-", None, ["name"], {"in_place": True}, "--in-place needs a file, not standard input"),
        (
            "{csv}",
            None,
            ["name"],
            {"out_fmt": "parquet"},
            "parquet cannot be written to standard output; use -o FILE",
        ),
        (
            "{csv}",
            "{csv}",
            ["name"],
            {},
            "{csv}: the output would overwrite the input {csv}; use --in-place",
        ),
        ("{csv}", "{out}", [], {}, "name at least one column with --column"),
        (
            "{csv}",
            "{gz}",
            ["name"],
            {},
            "{gz}: xlsx files cannot be compressed (.gz, .zst)",
        ),
        (
            "-",
            None,
            ["name"],
            {"skip_bad_rows": True},
            "--skip-bad-rows with standard input and output needs --rejects FILE",
        ),
        ("{csv}", "{out}", ["name"], {"sheet": "x"}, "--sheet is for Excel input (.xlsx)"),
        (
            "{xlsx}",
            "{out}",
            ["name"],
            {"sheet": "all"},
            "--sheet all needs an Excel output (-o FILE.xlsx)",
        ),
        # several problems: the first is named
        (
            "-",
            None,
            [],
            {"in_place": True, "sheet": "x"},
            "--in-place needs a file, not standard input",
        ),
        (
            "{csv}",
            "{csv}",
            [],
            {"sheet": "x"},
            "{csv}: the output would overwrite the input {csv}; use --in-place",
        ),
        ("{csv}", "{out}", [], {"sheet": "x"}, "name at least one column with --column"),
        (
            "-",
            None,
            ["name"],
            {"skip_bad_rows": True, "sheet": "x"},
            "--skip-bad-rows with standard input and output needs --rejects FILE",
        ),
    ],
)
def test_refused_before_any_work(
    tmp_path: Path,
    source: str,
    target: str | None,
    columns: list[str],
    options: dict[str, Any],
    message: str,
) -> None:
    for name in ("a.csv", "a.xlsx"):
        (tmp_path / name).write_bytes(b"id,name\n1,Tokayev\n")
    before = sorted(tmp_path.iterdir())
    files = {"csv": "a.csv", "xlsx": "a.xlsx", "out": "o.csv", "gz": "o.xlsx.gz"}
    names = {key: str(tmp_path / name) for key, name in files.items()}
    counting = CountingNormalizer()
    out = io.BytesIO()
    with pytest.raises(UsageError) as caught:
        normalize_file(
            source.format_map(names),
            None if target is None else target.format_map(names),
            columns,
            NameCache(counting),
            stdout=out,
            **options,
        )
    assert str(caught.value) == message.format_map(names)
    assert counting.batches == [] and out.getvalue() == b""
    assert sorted(tmp_path.iterdir()) == before
