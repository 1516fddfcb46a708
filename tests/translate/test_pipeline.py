"""The pipeline with a fake engine: routing, batching, memory, resume, retries, names."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from tests.translate.conftest import FakeEngine
from tests.translate.test_names import finder, renderer
from translate.document import Source, summary, translate_documents
from translate.errors import UnsupportedLanguageError, UsageError
from translate.memory import TranslationMemory
from translate.models import ModelRef
from translate.names import NameLayer
from translate.pipeline import LENGTH_MARGIN, LENGTH_RATIO, Pipeline, Settings

KK_1 = "Астанада жаңа мектеп ашылды."
KK_2 = "Ауыл әкімі мектепті аралады."
RU_1 = "Глава государства принял инвесторов."


def _pipeline(
    fake: FakeEngine,
    memory: TranslationMemory | None = None,
    names: NameLayer | None = None,
    **settings: object,
) -> Pipeline:
    options: dict[str, object] = {"model": "demo", "use_memory": memory is not None}
    options.update(settings)

    def factory(ref: ModelRef) -> FakeEngine:
        return fake

    return Pipeline(
        Settings(**options),  # type: ignore[arg-type]
        memory=memory,
        names=names,
        engine_factory=factory,
        notify=lambda message: None,
    )


def test_each_distinct_sentence_is_translated_once(fake: FakeEngine) -> None:
    units = [f"{KK_1} {KK_2}", KK_1, f"  {KK_1}  "]
    result = _pipeline(fake).run(units)
    assert sorted(fake.translated) == sorted([KK_1, KK_2])
    assert result.outputs == [f"{KK_1.upper()} {KK_2.upper()}", KK_1.upper(), f"  {KK_1.upper()}  "]
    assert [s.status for s in result.sentences] == [
        "translated",
        "translated",
        "duplicate",
        "duplicate",
    ]


def test_batches_are_sorted_by_length(fake: FakeEngine) -> None:
    short, long = "Ол келді.", "Ол бүгін таңертең ерте жаңа мектепке барып келді."
    _pipeline(fake, max_batch_size=1).run([short, long])
    assert fake.calls == [[long], [short]]


def test_length_cap_follows_the_input(fake: FakeEngine) -> None:
    _pipeline(fake).run([KK_1])
    tokens = len(KK_1.split()) + 1  # the fake engine's count
    assert fake.options[0].max_new_tokens == math.ceil(tokens * LENGTH_RATIO) + LENGTH_MARGIN


def test_memory_answers_a_rerun(fake: FakeEngine) -> None:
    with TranslationMemory.open() as memory:
        _pipeline(fake, memory).run([KK_1, KK_2])
        again = FakeEngine()
        result = _pipeline(again, memory).run([KK_1, KK_2])
    assert again.calls == []
    assert [s.status for s in result.sentences] == ["cached", "cached"]
    assert result.outputs == [KK_1.upper(), KK_2.upper()]


def test_an_updated_report_translates_only_what_is_new(fake: FakeEngine) -> None:
    with TranslationMemory.open() as memory:
        _pipeline(fake, memory).run([KK_1])
        again = FakeEngine()
        result = _pipeline(again, memory).run([KK_1, RU_1])
    assert again.translated == [RU_1]
    assert result.cached_chunks == 1 and result.translated_chunks == 1


def test_an_interrupted_run_resumes(fake: FakeEngine) -> None:
    units = [KK_1, KK_2, RU_1]
    with TranslationMemory.open() as memory:
        fake.fail_after = 1
        with pytest.raises(KeyboardInterrupt):
            _pipeline(fake, memory, max_batch_size=1).run(units)
        assert len(fake.translated) == 1
        again = FakeEngine()
        result = _pipeline(again, memory, max_batch_size=1).run(units)
    assert sorted(again.translated + fake.translated) == sorted(units)
    assert result.outputs == [u.upper() for u in units]


def test_no_cache_translates_again(fake: FakeEngine) -> None:
    with TranslationMemory.open() as memory:
        _pipeline(fake, memory).run([KK_1])
        again = FakeEngine()
        pipeline = _pipeline(again, memory)
        pipeline = _pipeline(again, None)
        pipeline.run([KK_1])
    assert again.translated == [KK_1]


def test_languages_are_routed_per_sentence(fake: FakeEngine) -> None:
    text = f"{KK_1} {RU_1} The school is open. 2024–2025."
    result = _pipeline(fake).run([text])
    assert [(s.source_lang, s.status) for s in result.sentences] == [
        ("kk", "translated"),
        ("ru", "translated"),
        ("en", "kept"),
        ("ru", "kept"),  # no words: the paragraph's language (mostly Russian), copied
    ]
    assert result.outputs == [f"{KK_1.upper()} {RU_1.upper()} The school is open. 2024–2025."]


def test_forced_source_language(fake: FakeEngine) -> None:
    result = _pipeline(fake, source="ru").run(["Астана."])
    assert result.sentences[0].source_lang == "ru"
    assert fake.translated == ["Астана."]


def test_undetermined_language_is_flagged(fake: FakeEngine) -> None:
    # no --model: the language decides the model, and nothing says which it is
    result = _pipeline(fake, model=None).run(["Астана."])
    assert result.sentences[0].flags == ["unknown_language"]
    assert result.outputs == ["Астана."] and fake.calls == []


def test_undetermined_language_with_a_code_free_model(fake: FakeEngine) -> None:
    # the demo model (Marian) needs no source code: the sentence is translated as is
    result = _pipeline(fake).run(["Астана."])
    assert result.sentences[0].source_lang == "kk" and result.outputs == ["АСТАНА."]


def test_a_target_the_model_cannot_write_is_an_error(fake: FakeEngine) -> None:
    with pytest.raises(UnsupportedLanguageError, match=r"demo cannot translate into German \(de\)"):
        _pipeline(fake, target="de").run([KK_1])
    assert fake.calls == []


def test_a_source_language_the_model_does_not_know_is_an_error(fake: FakeEngine) -> None:
    uk = "Сьогодні уряд затвердив нову програму розвитку регіонів."
    with pytest.raises(UnsupportedLanguageError, match=r"demo cannot translate Ukrainian \(uk\)"):
        _pipeline(fake).run([KK_1, uk])
    assert fake.calls == []


def test_without_model_each_language_goes_to_the_registry_model(fake: FakeEngine) -> None:
    uk = "Сьогодні уряд затвердив нову програму розвитку регіонів."
    pipeline = _pipeline(fake, model=None)
    chosen: list[tuple[str, str]] = []
    recommended = pipeline.pool._recommended

    def spy(source: str, target: str) -> str:
        chosen.append((source, target))
        return "demo"  # stands in for the registry's model (no download in tests)

    pipeline.pool._recommended = spy  # type: ignore[method-assign]
    with pytest.raises(UnsupportedLanguageError, match="Ukrainian"):
        pipeline.run([uk])
    assert chosen == [("uk", "en")]
    assert recommended("uk", "en") == "opus-mt-zle-en"  # East Slavic -> English
    assert recommended("ky", "en") == "nllb-600m"


def test_commercial_with_a_non_commercial_model_is_a_usage_error(fake: FakeEngine) -> None:
    with pytest.raises(UsageError, match="--commercial"):
        _pipeline(fake, model="nllb-600m", commercial=True).run([KK_1])


def test_long_sentences_are_split_at_clauses(fake: FakeEngine) -> None:
    fake.answers = {
        "Алматыда жер сілкінісі болды": "An earthquake occurred in Almaty.",
        "ол түнде болды.": "It happened at night.",
    }
    result = _pipeline(fake, max_input_tokens=6).run(
        ["Алматыда жер сілкінісі болды, ол түнде болды."]
    )
    assert result.outputs == ["An earthquake occurred in Almaty, it happened at night."]
    assert result.sentences[0].chunks == 2 and "split" in result.sentences[0].flags


def test_punctuation_is_normalized_for_marian(fake: FakeEngine) -> None:
    _pipeline(fake).run(["Ол «жоқ» деді – бәрі."])
    assert fake.translated == ['Ол "жоқ" деді - бәрі.']


def test_suspicious_output_is_retried_with_safer_settings(fake: FakeEngine) -> None:
    source = "Мемлекеттік кірістер комитеті салық түсімдері артқанын хабарлады."
    fake.answers = {source: "Taxes."}
    fake.safer = {source: "The State Revenue Committee reported that tax receipts grew."}
    result = _pipeline(fake).run([source])
    assert result.outputs == ["The State Revenue Committee reported that tax receipts grew."]
    assert result.sentences[0].flags == ["retried"]
    retry = fake.options[1]
    assert retry.no_repeat_ngram_size == 3 and retry.repetition_penalty > 1
    assert retry.beam_size >= 4


def test_output_still_bad_after_retry_is_flagged(fake: FakeEngine) -> None:
    source = "Мемлекеттік кірістер комитеті 2023 жылы салық түсімдері артқанын хабарлады."
    fake.answers = {source: "the the the the"}
    fake.safer = {source: "Taxes."}
    result = _pipeline(fake).run([source])
    flags = result.sentences[0].flags
    assert "retried" in flags and "numbers_changed" in flags
    assert "too_short" in flags or "repetition" in flags


def test_lost_url_is_restored(fake: FakeEngine) -> None:
    source = "Есеп https://stat.gov.kz сайтында."
    fake.answers = {source: "The report is on the website."}
    result = _pipeline(fake).run([source])
    assert result.outputs == ["The report is on the website. (https://stat.gov.kz)"]
    assert "url_missing" in result.sentences[0].flags


def test_names_are_rendered_and_repaired(fake: FakeEngine) -> None:
    source = "Ауыл әкімі Жомарт Сейітов жаңа мектепті аралады."
    fake.answers = {
        source: "Village akim Generous Seitov visited the new school.",
        "Жомарт": "Generous",
    }
    names = NameLayer(finder, renderer, "rferl")
    result = _pipeline(fake, names=names).run([source])
    assert result.outputs == ["Village akim Jomart Seiitov visited the new school."]
    assert "Жомарт" in fake.translated  # the gloss was asked from the model
    report = result.sentences[0]
    assert [n.status for n in report.names] == ["repaired"]
    assert "name_repaired" in report.flags


def test_documents_share_one_run(fake: FakeEngine, tmp_path: Path) -> None:
    sources = [
        Source(f"# {KK_1}\n\n{KK_2}\n", name="a.md", format="markdown"),
        Source(f"<p>{KK_1}</p>", name="b.html", format="html"),
    ]
    batch = translate_documents(sources, _pipeline(fake))
    assert [d.output for d in batch.documents] == [
        f"# {KK_1.upper()}\n\n{KK_2.upper()}\n",
        f"<p>{KK_1.upper()}</p>",
    ]
    assert sorted(fake.translated) == sorted([KK_1, KK_2])
    info = summary(batch)
    assert info["sentences"] == 3 and info["by_status"] == {"duplicate": 1, "translated": 2}


def test_progress_is_reported(fake: FakeEngine) -> None:
    seen: list[tuple[int, int]] = []
    pipeline = _pipeline(fake, max_batch_size=1)
    pipeline._progress = lambda done, total, label: seen.append((done, total))
    pipeline.run([KK_1, KK_2])
    assert seen == [(0, 2), (1, 2), (2, 2)]


def test_marked_phrases_are_glossed_once_and_remembered(fake: FakeEngine) -> None:
    fake.answers = {
        "Астанада жаңа мектеп ашылды.": "A new school opened in Astana.",
        "Астанада": "In Astana",
    }
    text = "Бүгін: **Астанада** жаңа мектеп ашылды.\n\n**Астанада** жаңа мектеп ашылды.\n"
    fake.answers["Бүгін: Астанада жаңа мектеп ашылды."] = "Today: a new school opened in Astana."
    memory = TranslationMemory.open()
    try:
        batch = translate_documents([Source(text, format="markdown")], _pipeline(fake, memory))
        assert batch.documents[0].output == (
            "Today: a new school opened **in Astana**.\n\nA new school opened **in Astana**.\n"
        )
        # the phrase is glossed once, after the sentences, in a batch of its own
        assert fake.calls[-1] == ["Астанада"] and fake.translated.count("Астанада") == 1
        calls = len(fake.calls)
        again = translate_documents([Source(text, format="markdown")], _pipeline(fake, memory))
        assert again.documents[0].output == batch.documents[0].output
        assert len(fake.calls) == calls  # sentences and gloss come from the memory
    finally:
        memory.close()
