"""Person names in Russian text by natasha's news NER, where natasha is installed
(``pip install 'translit-kz[ner]'``; its models ship in the wheels of natasha, navec and
slovnet: arrays read from raw buffers and JSON, no pickle).

Measured on the news of factRuEval-2016 (``bench/text_names.py``), natasha finds person
mentions in Russian text far better than translit's own patterns do (exact spans, test
set: P 0.949 R 0.900 against P 0.799 R 0.575), so the name finder takes the persons of
Russian text from it and keeps its own gazetteer for entities.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def _models() -> tuple[Any, Any] | None:
    """natasha's segmenter and news NER tagger, loaded once; ``None`` where natasha is
    not installed."""
    try:
        from natasha import NewsEmbedding, NewsNERTagger, Segmenter
    except ImportError:
        return None
    return Segmenter(), NewsNERTagger(NewsEmbedding())


def available() -> bool:
    """Is natasha installed?"""
    return _models() is not None


def person_spans(text: str) -> list[tuple[int, int]] | None:
    """The (start, end) offsets of the person mentions natasha finds in ``text``, in
    order; ``None`` where natasha is not installed."""
    models = _models()
    if models is None:
        return None
    from natasha import Doc

    segmenter, tagger = models
    doc = Doc(text)
    doc.segment(segmenter)
    doc.tag_ner(tagger)
    return [(span.start, span.stop) for span in doc.spans if span.type == "PER"]
