"""Translation of Kazakh and Russian reports (document-aware, offline-safe).

Importing this package is light: torch, transformers and CTranslate2 are imported only
when a translation actually runs.
"""

from __future__ import annotations

__all__: list[str] = []
