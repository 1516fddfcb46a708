"""Translation commands of the ``translit`` CLI (registered by ``cli.py``)."""

from __future__ import annotations

import typer


def register(app: typer.Typer) -> None:
    """Add the translation commands to the main app."""
    return None
