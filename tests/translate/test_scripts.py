"""Uzbek written in Cyrillic reaches the model in the Latin script NLLB knows."""

from __future__ import annotations

import dataclasses

import pytest

from tests.translate.conftest import FakeEngine
from translate.models import ModelRef
from translate.pipeline import Pipeline, Settings
from translate.scripts import to_model_script


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Бугун Тошкентда ёмғир ёғади.", "uz", "Bugun Toshkentda yomgʻir yogʻadi."),
        ("Ўқувчилар ёзги таътилга чиқишди.", "uz", "Oʻquvchilar yozgi taʼtilga chiqishdi."),
        ("Ер юзида етти ҳафта, Шаҳар.", "uz", "Yer yuzida yetti hafta, Shahar."),
        ("Bugun Toshkentda", "uz", "Bugun Toshkentda"),  # already Latin
        ("Бүгін Астанада", "kk", "Бүгін Астанада"),  # no table: unchanged
    ],
)
def test_to_model_script(text: str, lang: str, expected: str) -> None:
    assert to_model_script(text, lang) == expected


def test_uzbek_cyrillic_goes_to_the_model_in_latin(fake: FakeEngine, demo_ref: ModelRef) -> None:
    pipeline = Pipeline(
        Settings(use_memory=False),
        engine_factory=lambda ref: fake,
        notify=lambda _: None,
    )
    nllb_like = dataclasses.replace(demo_ref, entry=None, normalize=None)
    pipeline.pool.ref_for = lambda source, target: nllb_like  # type: ignore[method-assign]
    sentence = "Ҳукумат ҳудудларни ривожлантиришнинг янги дастурини тасдиқлади."
    result = pipeline.run([sentence])
    assert result.sentences[0].source_lang == "uz"
    assert result.sentences[0].source == sentence  # the report keeps the source as written
    assert fake.translated == ["Hukumat hududlarni rivojlantirishning yangi dasturini tasdiqladi."]
