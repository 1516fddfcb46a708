"""Fixtures for the dataset tests: the real app (``cli.app``) with a fake normalizer."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
import typer

import cli
from tests.dataset.fakes import CountingNormalizer
from translit.dataset import normalizer as normalizer_module

InstallNormalizer = Callable[[Any], typer.Typer]


@pytest.fixture
def normalizer() -> CountingNormalizer:
    return CountingNormalizer()


@pytest.fixture
def app_with(monkeypatch: pytest.MonkeyPatch) -> InstallNormalizer:
    """``app_with(fake)``: the real app, its commands normalizing names with ``fake``.

    The fake stands in for :func:`translit.dataset.normalizer.default_normalizer`'s
    result, whatever the style and gazetteer (so the I/O tests need no name data).
    """

    def install(fake: Any) -> typer.Typer:
        monkeypatch.setattr(normalizer_module, "default_normalizer", lambda *_, **__: fake)
        return cli.app

    return install


@pytest.fixture
def app(normalizer: CountingNormalizer, app_with: InstallNormalizer) -> typer.Typer:
    return app_with(normalizer)
