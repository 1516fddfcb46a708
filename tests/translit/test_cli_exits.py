"""The one place errors become exit codes (translit._cli): the app's command group."""

from __future__ import annotations

import pytest
import typer
from typer.testing import CliRunner

from translate.errors import UsageError as TranslateUsageError
from translit._cli import Commands, describe
from translit.errors import InputDataError, OutputError, UnknownStyleError, UsageError

CASES = [
    (UsageError("bad option"), "bad option", 2),
    (UnknownStyleError("unknown style 'x'"), "unknown style 'x'", 2),
    (TranslateUsageError("--commercial needs ..."), "--commercial needs ...", 2),
    (InputDataError("in.csv: line 3: bad row"), "in.csv: line 3: bad row", 1),
    (
        OutputError("cannot write o.csv: Permission denied"),
        "cannot write o.csv: Permission denied",
        1,
    ),
    (
        FileNotFoundError(2, "No such file or directory", "x.csv"),
        "x.csv: No such file or directory",
        1,
    ),
    (KeyboardInterrupt(), "interrupted", 130),
    (
        KeyboardInterrupt("interrupted; run it again to resume"),
        "interrupted; run it again to resume",
        130,
    ),
]


@pytest.mark.parametrize(("error", "message", "code"), CASES)
def test_describe(error: BaseException, message: str, code: int) -> None:
    assert describe(error) == (message, code)


def test_a_bug_is_not_described() -> None:
    assert describe(ZeroDivisionError("boom")) is None


def _app(error: BaseException) -> typer.Typer:
    app = typer.Typer(cls=Commands)

    @app.command()
    def fail() -> None:
        raise error

    @app.command()
    def other() -> None:  # (two commands: the app is a group, as cli.app is)
        pass

    return app


@pytest.mark.parametrize(("error", "message", "code"), CASES)
def test_a_command_error_is_one_line_and_its_exit_code(
    error: BaseException, message: str, code: int
) -> None:
    result = CliRunner().invoke(_app(error), ["fail"])
    assert result.exit_code == code
    assert result.stderr == f"translit: error: {message}\n"


def test_a_reader_that_goes_away_is_no_error() -> None:
    result = CliRunner().invoke(_app(BrokenPipeError()), ["fail"])
    assert result.exit_code == 0 and result.stderr == ""


def test_a_bug_is_left_to_run_app() -> None:
    result = CliRunner().invoke(_app(ZeroDivisionError("boom")), ["fail"])
    assert isinstance(result.exception, ZeroDivisionError)
