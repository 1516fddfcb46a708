"""Fixtures for the dataset tests: a fake normalizer and a Typer app wired like cli.py."""

from __future__ import annotations

from typing import Annotated

import pytest
import typer

from tests.dataset.fakes import CountingNormalizer
from translit.dataset import cli as dataset_cli


@pytest.fixture
def normalizer() -> CountingNormalizer:
    return CountingNormalizer()


def make_app(normalizer: CountingNormalizer) -> typer.Typer:
    """An app with ``normalize`` (FILE mode) and ``cluster``, as cli.py wires them."""
    app = typer.Typer(add_completion=False, pretty_exceptions_enable=False)

    @app.command()
    def normalize(
        files: Annotated[list[str] | None, typer.Argument()] = None,
        column: dataset_cli.ColumnOpt = None,
        output: dataset_cli.OutputOpt = None,
        style: Annotated[str, typer.Option("--style", "-s")] = "en",
        gazetteer: dataset_cli.GazetteerOpt = None,
        fmt: dataset_cli.FormatOpt = None,
        in_place: dataset_cli.InPlaceOpt = False,
        skip_bad_rows: dataset_cli.SkipBadRowsOpt = False,
        rejects: dataset_cli.RejectsOpt = None,
        encoding: dataset_cli.EncodingOpt = None,
        progress: dataset_cli.ProgressOpt = None,
        sheet: dataset_cli.SheetOpt = None,
    ) -> None:
        code = dataset_cli.normalize_files(
            files or [],
            column or [],
            output=output,
            style=style,
            gazetteer=gazetteer or [],
            fmt=fmt,
            in_place=in_place,
            skip_bad_rows=skip_bad_rows,
            encoding=encoding,
            rejects=rejects,
            progress=progress,
            normalizer=normalizer,
            sheet=sheet,
        )
        raise typer.Exit(code)

    @app.command()
    def cluster(
        file: str,
        column: Annotated[str, typer.Option("--column", "-c")],
        min_score: Annotated[float | None, typer.Option("--min-score")] = None,
        output: dataset_cli.OutputOpt = None,
        fmt: dataset_cli.FormatOpt = None,
    ) -> None:
        code = dataset_cli.cluster_command(
            file, column, output, min_score, fmt=fmt, normalizer=normalizer
        )
        raise typer.Exit(code)

    return app


@pytest.fixture
def app(normalizer: CountingNormalizer) -> typer.Typer:
    return make_app(normalizer)
