"""Benchmark: romanizing names with translit against other libraries.

Times ``translit.romanize`` (one call per name) and ``translit.romanize_many`` (one call
per batch) against anyascii, unidecode, cyrtranslit, iuliia and PyICU on the same
Kazakh and Russian full names, and prints names per second and ratios. Peers that are
not installed are skipped with a note (``pip install -e '.[bench]'``; PyICU also needs
``apt-get install libicu-dev pkg-config``).

Names are generated reproducibly (seeded) from the small lists below: given name +
patronymic + surname, so there are well over 100k distinct full names per language.
Two runs per language: all names distinct, and the same number of names drawn with
realistic repetition (Zipf-weighted given names and surnames).

Usage: ``python bench/romanize.py [--names 120000] [--repeat 3]``
"""

from __future__ import annotations

import argparse
import importlib
import platform
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

# An installed translit (the compiled wheel, `make bench`) wins; else the checkout.
sys.path.append(str(Path(__file__).resolve().parents[1]))

import translit
from translit.romanization.romanize import clear_caches, romanize_uncached

# -- name material (common Kazakh and Russian names; facts, not copied text) -------------

KK_MALE = (
    "Қасым Жомарт Нұрсұлтан Ерлан Ермек Бақытжан Қайрат Серік Асқар Әлихан Бауыржан Дәурен"
    " Ғалым Нұрлан Мұрат Абылай Арман Ербол Жандос Талғат Қанат Дәулет Ержан Ғабит Рүстем"
    " Әділет Мейірхан Нұрбол Айдос Бекзат Санжар Тимур Азамат Олжас Аслан Жәнібек Мұхтар"
    " Өтеген Сәкен Ілияс Мағжан Шоқан Ахмет Әлішер Ерасыл Бейбіт Қуаныш Темірлан Ринат"
).split()
KK_FEMALE = (
    "Дариға Айгүл Гүлнар Жанар Әсел Ақмарал Мөлдір Сәуле Динара Айжан Гүлмира Назерке Ләззат"
    " Әйгерім Аружан Жұлдыз Меруерт Балжан Салтанат Толқын Ұлжан Күләш Шынар Перизат Іңкәр"
    " Томирис Мадина Арай Гауһар Бибігүл Нұргүл Сымбат Аида Әлия Дана Қарлығаш Үміт Маржан"
).split()
KK_ROOTS = (
    "Тоқа Назарба Сағынта Мәсім Құлыба Нұрғали Қали Қонышба Жолдасбек Бектен Иса Сәтба Төреғожа"
    " Әбіш Жұмаба Оспан Мұсаба Ахмет Серікба Есенба Қасымбек Сейтқали Әуезов Байтұрсын Бөкейха"
    " Құнанба Абылай Тәжіба Шәріп Омар Ұзақба Дәулетба Жақсылық Бердібек Төлеге Әлімжан Құдайберген"
    " Қожахмет Рысқұл Өмірзақ Түсіпбек Нұрпейіс Әшім Смағұл Жанұзақ Қыдырәлі Мамыт Үмбетали"
).split()
RU_MALE = (
    "Александр Сергей Дмитрий Андрей Алексей Иван Михаил Николай Владимир Евгений Юрий Пётр"
    " Артём Максим Кирилл Илья Никита Олег Виктор Василий Игорь Роман Павел Константин Фёдор"
    " Григорий Аркадий Леонид Вячеслав Станислав Тимофей Ярослав Эдуард Геннадий Анатолий"
    " Валерий Борис Семён Степан Захар Матвей Глеб Денис Руслан Вадим Антон Егор Лев Всеволод"
).split()
RU_FEMALE = (
    "Елена Ольга Наталья Татьяна Ирина Светлана Юлия Анна Мария Екатерина Анастасия Дарья"
    " Ксения Людмила Галина Валентина Надежда Вера Любовь Евгения Алёна Полина Софья Варвара"
    " Алиса Виктория Кристина Маргарита Зоя Эльвира Жанна Яна Оксана Лариса Нина Раиса Тамара"
).split()
RU_ROOTS = (
    "Иван Смирн Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков"
    " Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров"
    " Никитин Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев"
    " Кузьмин Фролов Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин"
    " Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов"
    " Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов"
    " Щербаков Хрущёв Объедков Подъячев Юдин Шувалов Цветков Чернышёв Эйдельман Якушев"
).split()


def _kk_surname(root: str, female: bool) -> str:
    if root.endswith(("ов", "ев", "ин")):
        stem = root
    else:
        stem = root + ("ев" if root[-1] in "аәеи" else "ов")
    return stem + "а" if female else stem


def _ru_surname(root: str, female: bool) -> str:
    stem = root if root.endswith(("ов", "ев", "ёв", "ин")) else root + "ов"
    return stem + "а" if female else stem


def _ru_patronymic(father: str, female: bool) -> str:
    father = father.replace("ё", "е")
    if father.endswith(("й", "ь")):
        base = father[:-1] + "ев"
    elif father.endswith(("а", "я")):
        base = father[:-1] + "ов"
    else:
        base = father + "ов"
    return base + ("на" if female else "ич")


def _kk_patronymic(father: str, female: bool) -> str:
    return father + ("қызы" if female else "ұлы")


@dataclass(frozen=True)
class Material:
    male: Sequence[str]
    female: Sequence[str]
    roots: Sequence[str]
    surname: Callable[[str, bool], str]
    patronymic: Callable[[str, bool], str]


MATERIAL = {
    "kk": Material(KK_MALE, KK_FEMALE, KK_ROOTS, _kk_surname, _kk_patronymic),
    "ru": Material(RU_MALE, RU_FEMALE, RU_ROOTS, _ru_surname, _ru_patronymic),
}


def _weights(n: int, zipf: bool) -> list[float]:
    return [1.0 / (rank + 1) if zipf else 1.0 for rank in range(n)]


def make_names(lang: str, count: int, seed: int, repeat: bool) -> list[str]:
    """``count`` full names; all distinct unless ``repeat`` (Zipf-weighted parts)."""
    m = MATERIAL[lang]
    rng = random.Random(seed)
    wm, wf, wr = (_weights(len(x), repeat) for x in (m.male, m.female, m.roots))

    def one() -> str:
        female = rng.random() < 0.5
        given = rng.choices(m.female if female else m.male, wf if female else wm)[0]
        father = rng.choices(m.male, wm)[0]
        root = rng.choices(m.roots, wr)[0]
        parts = [given, m.patronymic(father, female), m.surname(root, female)]
        if rng.random() < 0.3:  # surname first, as in lists and registers
            parts = [parts[2], parts[0], parts[1]]
        return " ".join(parts)

    if repeat:
        return [one() for _ in range(count)]
    return _distinct(one, count)


def _distinct(one: Callable[[], str], count: int) -> list[str]:
    seen: dict[str, None] = {}
    while len(seen) < count:
        seen.setdefault(one(), None)
    return list(seen)


_SYLLABLES = {
    "kk": "қа ба жа на ғы сұ тө рі мә ле ке бе ке ңа ұл өр үй ші ай ер ас ан ет ді ғұ қы".split(),
    "ru": "ва ло ми ра ко ле ни ста пе то ду жи ше щу цы ю ря ёж ви ла бо ни ка ре".split(),
}


def make_cold_names(lang: str, count: int, seed: int) -> list[str]:
    """``count`` names of three made-up words each: almost every word is new (no cache help)."""
    syllables = _SYLLABLES[lang]
    rng = random.Random(seed)

    def word() -> str:
        return "".join(rng.choices(syllables, k=rng.randint(3, 5))).capitalize()

    return _distinct(lambda: f"{word()} {word()} {word()}", count)


# -- tools --------------------------------------------------------------------------------

Fn = Callable[[str], object]
"""A romanizer under test: one name in, its romanization out (peers are called bare)."""


def peers(lang: str) -> tuple[dict[str, Fn], list[str]]:
    """Available peer romanizers for ``lang`` and notes on the missing ones."""
    found: dict[str, Fn] = {}
    notes: list[str] = []
    try:
        from anyascii import anyascii

        found["anyascii"] = anyascii
    except ImportError:
        notes.append("anyascii not installed: skipped")
    try:
        from unidecode import unidecode

        found["unidecode"] = unidecode
    except ImportError:
        notes.append("unidecode not installed: skipped")
    if lang == "ru":
        try:
            import cyrtranslit  # type: ignore[import-untyped]

            found["cyrtranslit ru"] = lambda name: cyrtranslit.to_latin(name, lang_code="ru")
        except ImportError:
            notes.append("cyrtranslit not installed: skipped")
        try:
            import iuliia  # type: ignore[import-untyped]

            found["iuliia wikipedia"] = iuliia.WIKIPEDIA.translate
        except ImportError:
            notes.append("iuliia not installed: skipped")
    else:
        notes.append("cyrtranslit has no Kazakh table, iuliia is Russian-only: not run on kk")
    try:
        import icu  # type: ignore[import-untyped]

        rules = "Kazakh-Latin/BGN" if lang == "kk" else "Russian-Latin/BGN"
        tr = icu.Transliterator.createInstance(rules)
        found[f"PyICU {rules}"] = tr.transliterate
    except ImportError:
        notes.append("PyICU not installed: skipped")
    return found, notes


def _call(fn: Callable[..., str], scheme: str, lang: str) -> Fn:
    """``fn(name, scheme=..., lang=...)`` as user code writes it.

    A lambda, not ``functools.partial``: a partial with keywords builds a dict on every
    call (about 0.2 µs in CPython 3.11), a cost of the harness rather than of the tool.
    """
    return lambda name: fn(name, scheme=scheme, lang=lang)


def ours(lang: str) -> dict[str, Fn]:
    schemes = ("bgn-pcgn", "rferl") if lang == "kk" else ("wikipedia", "bgn-pcgn")
    tools: dict[str, Fn] = {f"translit {s}": _call(translit.romanize, s, lang) for s in schemes}
    tools[f"translit {schemes[0]}, no caches"] = _call(romanize_uncached, schemes[0], lang)
    tools[f"translit {schemes[0]}, lang detected"] = _detected(schemes[0])
    return tools


def _detected(scheme: str) -> Fn:
    """``translit.romanize(name, scheme=...)``: the language detected per name."""
    return lambda name: translit.romanize(name, scheme=scheme)


def time_per_name(fn: Fn, names: Sequence[str], repeat: int) -> float:
    """Best wall time (seconds) of ``repeat`` passes calling ``fn`` once per name.

    translit's caches are emptied before every pass, so that a pass never profits from
    the names an earlier pass saw (only from repeats within the pass itself).
    """
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        for name in names:
            fn(name)
        best = min(best, time.perf_counter() - start)
    return best


def time_batch(scheme: str, lang: str, names: list[str], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        clear_caches()
        start = time.perf_counter()
        translit.romanize_many(names, scheme=scheme, lang=lang)
        best = min(best, time.perf_counter() - start)
    return best


# -- report -------------------------------------------------------------------------------


def run(lang: str, names: list[str], label: str, repeat: int) -> None:
    found, notes = peers(lang)
    mine = ours(lang)
    for fn in [*mine.values(), *found.values()]:  # warm up: compile tables, load data
        fn(names[0])
    rows: list[tuple[str, float]] = []
    for tool, fn in [*mine.items(), *found.items()]:
        rows.append((tool, len(names) / time_per_name(fn, names, repeat)))
    first_scheme = next(iter(mine)).removeprefix("translit ")
    batch = len(names) / time_batch(first_scheme, lang, names, repeat)
    rows.append((f"translit romanize_many {first_scheme}", batch))

    distinct = len(set(names))
    words = len({w for name in names for w in name.split()})
    counts = f"{len(names):,} names ({distinct:,} distinct, {words:,} distinct words)"
    print(f"\n## {lang}, {label}: {counts}")
    print(f"   e.g. {names[0]!r} -> {next(iter(mine.values()))(names[0])!r}")
    for note in notes:
        print(f"   note: {note}")
    print(f"   {'tool':<44} {'names/s':>12} {'µs/name':>9}")
    for tool, rate in rows:
        print(f"   {tool:<44} {rate:>12,.0f} {1e6 / rate:>9.2f}")
    own = rows[0][1]
    if lang == "kk":
        peer_rates = [(t, r) for t, r in rows if not t.startswith("translit")]
        if peer_rates:
            tool, rate = max(peer_rates, key=lambda x: x[1])
            print(f"   ratio {rows[0][0]} / fastest peer ({tool}): {own / rate:.2f}x  (goal >= 2x)")
    else:
        iul = dict(rows).get("iuliia wikipedia")
        if iul is not None:
            print(f"   ratio {rows[0][0]} / iuliia wikipedia: {own / iul:.2f}x  (goal >= 5x)")


def _build() -> str:
    """Where translit was imported from, and whether its hot path is compiled."""
    path = str(importlib.import_module("translit.romanization.romanize").__file__)
    return f"{path} ({'compiled' if path.endswith(('.so', '.pyd')) else 'pure Python'})"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--names", type=int, default=120_000, help="names per run")
    parser.add_argument("--repeat", type=int, default=3, help="passes; the best one counts")
    parser.add_argument("--seed", type=int, default=20240601)
    args = parser.parse_args(argv)
    print(f"# translit romanization benchmark: Python {platform.python_version()},")
    print(f"# {platform.machine()}, best of {args.repeat} passes, time.perf_counter")
    print(f"# translit from {_build()}")
    for lang in ("kk", "ru"):
        distinct = make_names(lang, args.names, args.seed, repeat=False)
        repeated = make_names(lang, args.names, args.seed + 1, repeat=True)
        run(lang, distinct, "all distinct", args.repeat)
        run(lang, repeated, "realistic repetition", args.repeat)
        cold = make_cold_names(lang, args.names, args.seed + 2)
        run(lang, cold, "made-up words, cache-cold", args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
