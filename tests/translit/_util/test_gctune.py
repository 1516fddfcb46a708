"""fewer_full_collections: the third GC threshold raised inside, restored after (threads too)."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from translit._util.gctune import fewer_full_collections


@pytest.fixture(autouse=True)
def known_thresholds() -> Iterator[None]:
    old = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*old)


def test_raised_inside_and_restored_after() -> None:
    with fewer_full_collections():
        first, second, third = gc.get_threshold()
        assert (first, second) == (700, 10)
        assert third > 1_000_000
        with fewer_full_collections():  # nested
            assert gc.get_threshold()[2] == third
        assert gc.get_threshold()[2] == third  # still inside the outer block
    assert gc.get_threshold() == (700, 10, 10)


def test_restored_after_an_error() -> None:
    with pytest.raises(ValueError), fewer_full_collections():
        raise ValueError
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_threads_restore_the_original() -> None:
    inside = threading.Barrier(4)
    leave = threading.Event()

    def work() -> None:
        with fewer_full_collections():
            inside.wait()
            leave.wait()

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    inside.wait()  # all three are inside
    assert gc.get_threshold()[2] > 1_000_000
    leave.set()
    for t in threads:
        t.join()
    assert gc.get_threshold() == (700, 10, 10)
