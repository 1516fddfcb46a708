"""The progress bar: drawn on a terminal only, for long enough runs."""

from __future__ import annotations

import io

from translate.progress import ProgressBar


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_draws_on_a_terminal() -> None:
    stream = Terminal()
    bar = ProgressBar(stream, minimum=2)
    bar(0, 4)
    bar(2, 4)
    bar(4, 4)
    bar.close()
    text = stream.getvalue()
    assert "\r[" in text and "2/4 sentences" in text and "4/4 sentences" in text
    assert "#" * 30 in text and text.endswith("\n")


def test_silent_off_a_terminal_and_for_short_runs() -> None:
    pipe = io.StringIO()
    bar = ProgressBar(pipe, minimum=2)
    bar(1, 4)
    bar.close()
    assert pipe.getvalue() == ""
    terminal = Terminal()
    short = ProgressBar(terminal, minimum=8)
    short(1, 3)
    short.close()
    assert terminal.getvalue() == ""
