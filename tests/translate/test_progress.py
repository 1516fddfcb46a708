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


class Clock:
    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_lines_off_a_terminal_every_few_seconds() -> None:
    log, clock = io.StringIO(), Clock()
    bar = ProgressBar(log, minimum=2, lines=True, interval=5.0, clock=clock)
    for done in range(11):
        clock.now = done * 1.5  # a batch every 1.5 s
        bar(done, 10, "sentences")
    lines = log.getvalue().splitlines()
    # at 0 s, then at least 5 s apart, and the last one
    assert lines[0] == "translit: 0/10 sentences, 0 s"
    assert lines[1] == "translit: 4/10 sentences, 6 s, about 9 s left"
    assert lines[-1] == "translit: 10/10 sentences, 15 s, about 0 s left"
    assert len(lines) == 4 and "\r" not in log.getvalue()


def test_each_stage_has_its_label() -> None:
    stream = Terminal()
    bar = ProgressBar(stream, minimum=1)
    bar(2, 2, "sentences")
    bar(1, 1, "names and terms")
    bar.close()
    first, second = stream.getvalue().strip("\n").split("\n")
    assert "2/2 sentences" in first and "1/1 names and terms" in second
