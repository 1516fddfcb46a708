"""Translation engines behind one interface: transformers and CTranslate2.

Nothing heavy is imported here; each engine imports its libraries when it is created.
"""

from __future__ import annotations

from translate.engines.base import DecodeOptions, Engine, EngineInfo, Hypothesis, open_engine

__all__ = ["DecodeOptions", "Engine", "EngineInfo", "Hypothesis", "open_engine"]
