"""Phonetic folding: one spelling-independent form for a name token.

Every romanization convention (BGN, ICAO, RFE/RL, the Kazakh Latin alphabets, German,
French, Polish, Turkish, Spanish press habits) is folded into the same small alphabet:
diacritics removed, digraphs collapsed to one symbol per Cyrillic sound (``zh``, ``j``,
``ż``, ``ž`` -> ``Z``), glides between vowels dropped (``Tokayev``, ``Tokajew``,
``Tokaïev`` -> ``tokaev``), double letters collapsed (``Kassym`` -> ``kasim``). Cyrillic
tokens are first romanized with the ASCII ``odni`` table so both scripts meet.

Folding is lossy on purpose; what it cannot decide (``j`` = ж in French, й in German)
is repaired by the lexicon, which knows how each convention spells each known name.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from typing import Any, Final

from translit._util.cache import BoundedCache
from translit._util.paths import data_path
from translit.letters import has_cyrillic, prepare

# The fold alphabet and the letters it reads, as data (see the file's notes).
_LETTERS: Final[dict[str, Any]] = json.loads(
    data_path("names", "fold_letters.json").read_text(encoding="utf-8")
)
_ALPHABET: Final[dict[str, Any]] = _LETTERS["fold"]
#: The fold's vowels.
VOWELS: Final[str] = _ALPHABET["vowels"]
#: The fold's letters as Russian Cyrillic letters (a ``str.translate`` table).
TO_CYRILLIC: Final[dict[int, str]] = str.maketrans(_ALPHABET["letters"])
#: The fold's sound symbols and their ASCII digraphs (S: sh), for readable keys.
DIGRAPHS: Final[tuple[tuple[str, str], ...]] = tuple(_ALPHABET["digraphs"].items())
# Latin letters with a fixed reading, handled before diacritics are stripped.
_SPECIAL: Final = str.maketrans(_LETTERS["latin"])
# Letters of the Kazakh Wikipedia's Latin that the 2018 and 2021 alphabets do not use.
_KK_WIKIPEDIA_RE: Final = re.compile("[wïşçğñä]")
# kz-2017 apostrophe letters whose base letter reads differently (not the backtick of
# GOST 7.79-2000 B, whose y` is ы: Ry`bakina).
_APOSTROPHE_RE: Final = re.compile("([scy])['’ʼ]")
_APOSTROPHE: Final = {"s": "sh", "c": "ch", "y": "u"}
# The combining marks that NFKD splits off accented Latin letters.
_LATIN_MARKS_RE: Final = re.compile("[\u0300-\u036f]")
# Cyrillic letters that odni writes as digraphs, doubled (written once).
_CYRILLIC_DOUBLE_RE: Final = re.compile("([ғжңхцчшщ])\\1+")
_NON_LETTER_RE: Final = re.compile(r"[^a-z]+")

# Digraphs and letter groups -> one letter of the fold (a symbol per sound), and the
# same for spelling out unknown names (z, з, kept apart from s, с).
_GROUPS: Final[dict[str, str]] = _ALPHABET["groups"]
_SPELL_GROUPS: Final[dict[str, str]] = {**_GROUPS, **_ALPHABET["spell_groups"]}


def _by_first_letter(groups: dict[str, str]) -> tuple[tuple[tuple[str, str], ...], ...]:
    """``groups`` as (group, sound) pairs by the code of the group's first letter (an
    ASCII letter), longest first."""
    out: list[list[tuple[str, str]]] = [[] for _ in range(128)]
    for group in sorted(groups, key=len, reverse=True):
        out[ord(group[0])].append((group, groups[group]))
    return tuple(tuple(pairs) for pairs in out)


_GROUPS_BY_LETTER: Final = _by_first_letter(_GROUPS)
_SPELL_GROUPS_BY_LETTER: Final = _by_first_letter(_SPELL_GROUPS)


def _second_letters(groups: dict[str, str]) -> tuple[int, ...]:
    """By the code of a first letter, the second letters of the groups of two letters
    or more that start with it, as bits (bit ``code - 64`` of each ASCII letter)."""
    out = [0] * 128
    for group in groups:
        if len(group) > 1:
            out[ord(group[0])] |= 1 << (ord(group[1]) - 64)
    return tuple(out)


_SECOND_LETTERS: Final = _second_letters(_SPELL_GROUPS)  # (the same groups of two or more)
# German writes з as a single s between vowels (Nasarbajew) and с as ss (Kassym).
_GERMAN_S_RE: Final = re.compile("(?<=[aeiouy])s(?=[aeiouy])")
# y between consonants is ы (Kystaubaev, Zharylqasymov); spelled out as "Y".
_HARD_Y_RE: Final = re.compile("(?<=[bcdfgklmnpqrstvxz])y(?=[bcdfgklmnpqrstvxz])")
# j: a glide between or after vowels (German, Polish: Tokajew), else ж (French, Turkish).
_J_GLIDE_RE: Final = re.compile(f"(?<=[{VOWELS}])j")


# j after a consonant that Kazakh Latin does not write before ж (Ljudmila, Soboljev,
# Ljubov): a soft consonant or й, as Czech, Slovak, Serbo-Croatian, Dutch and German
# spell them; at the end of a word after a consonant, a soft sign (Sobolj). After r, n,
# k, t, d it stays ж (Erjan, Kenjebek, Bekjan, Baqytjan; French Djomart).
# Words whose spelling reads j as й (and ch as х): Dutch and Scandinavian sj, zj, tj,
# oe with j (Sjojgoe, Joeri), Hungarian cs, zs, -ics, j after a consonant before a
# vowel (Tetjana, Soboljev) and -ij, -yj with their Baltic endings (Jurij, Jurijs).
_J_AS_Y_RE: Final = re.compile(
    "sj|zj|^tj|tj$|j.*oe(?!v)|oe(?!v).*j|cs|zs|ics$|[lbfmpv]j[aeiou]|[iy]j(?:u?s)?$"
)
_J_SOFT_RE: Final = re.compile("(?<=[lbfmpvsz])j(?=[aeiou])")
_J_SOFT_END_RE: Final = re.compile("(?<=[bcdfgklmnprstvz])j$")


# Letter groups of Latin conventions that no other convention writes (the gate for
# _other_latin): Dutch and Scandinavian sj, zj, tj (Sjojgoe, Ljasjko, Tjornovil);
# Hungarian cs, zs and -ics (Turcsinov, Ohnevics); Catalan tx (Turtxínov); Romanian
# and Italian ci before a, o, u and -ici (Ciubarov, Ognevici); Estonian and Finnish
# tš (Tšornovol); Czech and Slovak -ová; Latvian and Lithuanian case endings (-s, -as).
_OTHER_LATIN_RE: Final = re.compile(
    "^x[aou]|sj|zj|tj|oe|cs|zs|tx|ci[aou]|tš|[aeiou][gt]y[aeiou]|^sz[etlv]|sz[tl]|szk(?:ij|aja)$"
)
# Hungarian sz (с) at the start before e, t, l, v, before t and l, and in -szkij,
# -szkaja (Szergej, Szvetlana, Kosztov, Szlavejkov, Zsirinovszkij), where Polish sz (ш)
# is rare (Polish ши is szy, ше sze inside a word: Aszymow); a Polish letter or group in
# the word says Polish (Szewczenko, Szeremietiew).
_HUNGARIAN_SZ_RE: Final = re.compile("^sz[etlv]|sz[tl]|szk(?:ij|aja)$")
_POLISH_MARKS_RE: Final = re.compile("[włżśńąęó]|cz|rz|ie")
# ... and the endings (a test of str.endswith: a regex anchored at the end tries every
# position of the word)
_OTHER_LATIN_ENDINGS: Final = (
    "ová", "ics", "ici", "skis", "enka", "anka", "ic", "au", "aŭ",
    *(
        stem + case + "s"
        for stem in ("ov", "ev", "in", "yn", "ij", "ej", "ėj", "aj")
        for case in ("", "a", "iu", "u")
    ),
)  # fmt: skip
_UZBEK_RE: Final = re.compile("[og][ʻ‘'’]")
# c (not ch) in a name that shows a Turkic Latin alphabet (see KAZAKH_LATIN)
_TURKIC_C_RE: Final = re.compile("c(?!h)")
# The Tajik and Uzbek given-name ending -jon (-жон, -ҷон: Olimjon, Mirzojon) and the
# surnames made of such names: their Latin writes ж and дж as j, like Kazakh Latin.
_JON_ENDINGS: Final = ("jon", "jonov", "jonova")
_HUNGARIAN_SOFT_RE: Final = re.compile("(?<=[aeiou])([gt])y(?=[aeiou])")
_HUNGARIAN_NY_RE: Final = re.compile("(?<=[aeiou])ny(?=[aeiou])")
_DUTCH_OE_RE: Final = re.compile("(?<=[^aeiouy])oe(?!v)|^oe(?!v)")
# Dutch oe before a consonant other than v (Poetin, Zjoeganov; not Boev, Stroev)
_DUTCH_OE_CONSONANT_RE: Final = re.compile("oe[bcdfghklmnprstz]")
_CATALAN_IX_RE: Final = re.compile("(?<=[aeou])ix(?=[aeiou])")
_CI_RE: Final = re.compile("ci(?=[aou])")
_TJ_EDGE_RE: Final = re.compile("^tj|tj$")
# (Serbo-Croatian -ić written -ic, as in official ASCII records: Stojanovic, Gojkovic)
# Latvian and Lithuanian nominative endings after Russian surname and given-name
# endings: Turčinovs, Putinas, Jurijs, Sergejus (read -ов, -ин, -ий, -ей).
_BALTIC_RE: Final = re.compile("(ov|ev|in|yn|ij|[eė]j|aj)(?:a|iu|u)?s$")
# Czech and Slovak feminine surnames are the masculine ones plus -ová: Ivanovová,
# Rybakinová, Savčenková, Ohnevyčová (Иванова, Рыбакина, Савченко, Огневич).
_CZECH_FEMININE: Final = (("ov", "a"), ("ev", "a"), ("in", "a"), ("yn", "a"), ("enk", "o"))


def _other_latin(text: str) -> str:  # noqa: C901 - hot path: folds every word of every name in one pass, compiled with mypyc; a split costs calls per word
    """``text`` (lower case) with the letter groups of the conventions that
    ``_OTHER_LATIN_RE`` finds written as the common conventions write them."""
    if text.startswith("x"):  # Uzbek Latin x is х (Xolmatov, Xo'jayev)
        text = "kh" + text[1:]
    if text.endswith("ová"):
        text = _czech_masculine(text[:-3])
    if "tš" in text:
        text = text.replace("tš", "č")
    dutch_oe = "oe" in text and ("j" in text or _DUTCH_OE_CONSONANT_RE.search(text) is not None)
    if "zju" in text and not dutch_oe:
        # з before ю, as Czech, Slovak, Latvian and Hungarian write it (Zjuganov), where
        # Dutch would write zjoe
        text = text.replace("zju", "ziu")
    if "sj" in text or "zj" in text or "tj" in text:  # Dutch, Scandinavian
        text = text.replace("tsj", "č").replace("sj", "š").replace("zj", "ž")
        text = _TJ_EDGE_RE.sub("č", text)
    if dutch_oe:  # Dutch oe with j or before a consonant (Joeri, Zjoeganov, Poetin)
        text = _DUTCH_OE_RE.sub("u", text)  # (Boev, Stroev stay)
    if (
        "cs" in text
        or "zs" in text
        or text.endswith("ics")
        or ("sz" in text and _hungarian_sz(text))
    ):  # Hungarian: s is ш, sz с, ny between vowels a soft н (Sztanyisev)
        text = text.replace("cs", "č").replace("zs", "ž").replace("sz", "\0")
        text = text.replace("s", "š").replace("\0", "s")
        if "ny" in text:
            text = _HUNGARIAN_NY_RE.sub("n", text)
    if "gy" in text or "ty" in text:  # Hungarian gy, ty between vowels: soft д, т
        text = _HUNGARIAN_SOFT_RE.sub(_first_letter, text)  # (Medvegyev, Putyin)
    if "tx" in text:  # Catalan
        text = _CATALAN_IX_RE.sub("š", text.replace("tx", "č"))
    if text.endswith("ic") and len(text) > 4:  # Serbo-Croatian -ić written -ic
        text = text[:-1] + "č"
    if "ci" in text:  # Romanian, Italian
        if text.endswith("ici"):
            text = text[:-2] + "č"
        text = _CI_RE.sub("č", text)
    if text.endswith(("au", "aŭ")) and len(text) > 4 and text[-3] not in "et":
        # Belarusian -аў (Volkau, Turchynau); not French -eau, nor Kazakh -tau
        # (тау, a mountain: Aktau, Mangystau)
        text = text[:-2] + "ov"
    if text.endswith("nka") and len(text) > 6 and text[-4] in "ae":
        text = text[:-4] + "enko"  # Belarusian -енка, -анка (Lukashenka, Andreychanka)
    if text.endswith("s") and len(text) > 5:
        text = text[:-1] if text.endswith("skis") else _BALTIC_RE.sub(_first_group, text)
    return text


def _kazakh_wikipedia(text: str) -> str:
    """A word of Kazakh Latin (lower case) with the letters of the Kazakh Wikipedia's
    converter read: w is у there (Bawırjan), and ý is й (Qaýrat) where the word shows
    that convention (w, ï, ş, ç, ğ, ñ, ä); in the 2018 alphabet ý is у (Baýyrjan)."""
    if _KK_WIKIPEDIA_RE.search(text) is not None:
        text = text.replace("ý", "y")  # (й, as y reads between and after vowels)
    return text.replace("w", "u")


# Turkmen -ев, -ов after a vowel (й + е, Tokaýew, Nazarbaýewa): the Kazakh Wikipedia's
# Latin writes Тоқаев as Toqayev (y before e after a vowel) and its w is у (Tilew)
_TURKMEN_ENDINGS: Final = ("ýew", "ýewa", "ýow", "ýowa")


def _first_letter(match: re.Match[str]) -> str:
    return "d" if match.group(1) == "g" else "t"


def _hungarian_sz(text: str) -> bool:
    """Is the sz of ``text`` (lower case) the Hungarian с, not the Polish ш?"""
    return _HUNGARIAN_SZ_RE.search(text) is not None and _POLISH_MARKS_RE.search(text) is None


def _czech_masculine(stem: str) -> str:
    """The Russian form of a Czech feminine surname less its -ová."""
    for ending, russian in _CZECH_FEMININE:
        if stem.endswith(ending):
            return stem + russian
    return stem


# "ch" is х in German spellings, ш in French ones, ч in English ones.
# Polish writes е after a consonant as "ie" (Jekatierina, Gierojchan, Kajyrgieldy).
_POLISH_IE_RE: Final = re.compile("(?<=[bcdfghklmnprstvwz])ie")
# Czech, Slovak and Polish letters: their spellings write х as "ch" too.
_KH_MARKS: Final = re.compile("[čšžřěůłżśćńąę]")
_GERMAN_CH_RE: Final = re.compile("(?<!s)ch")
# Polish spellings write hard л as ł and soft л (ль, ля, лё, лю) as l: Ołeh Laszko,
# Serhij Lowoczkin (Ляшко, Лёвочкин). Polish letters and groups mark them.
_POLISH_RE: Final = re.compile("[łżśńąę]|cz|rz")
_POLISH_SOFT_L_RE: Final = re.compile("l(?=[aouó])")
_FRENCH_GU_RE: Final = re.compile("gu(?=[eiy])")
# j after a vowel + i/y is ж (Aijan, Aïjan = Айжан): the glide is already written.
_J_AFTER_GLIDE_RE: Final = re.compile(f"(?<=[{VOWELS}][iy])j")
# ё after ш ж ч щ is written o or e (Хрущёв: Khrushchev, Chruschtschow, Chruščov).
_SIBILANTS: Final = "".join([s for s, c in _ALPHABET["letters"].items() if c in "шжчщ"])
_SIBILANT_YO_RE: Final = re.compile(f"(?<=[{_SIBILANTS}])o(?=va?$)")
_SIBILANT_O_ENDINGS: Final = tuple([s + end for end in ("ov", "ova") for s in _SIBILANTS])


# Letters of the Kazakh Latin alphabets and Turkish: their spellings write ж as "j".
_KZ_MARKS: Final = re.compile("[qğǵıüöşḩə]")
#: Spelling conventions a token can show (``""``: none recognisable).
GERMANIC: Final = "de"
FRENCH: Final = "fr"
KAZAKH_LATIN: Final = "kz"


# Caches of the functions below (strings only: the garbage collector never walks them).
_CACHE_LIMIT: Final = 1 << 18
_conventions: Final[BoundedCache[str, str]] = BoundedCache(_CACHE_LIMIT)
# hint -> token -> fold
_folds: Final[dict[str, BoundedCache[str, str]]] = {}


def clear_caches() -> None:
    """Forget every cached fold and convention (for benchmarks and long-running
    processes)."""
    _conventions.clear()
    _folds.clear()


def convention(token: str) -> str:
    """The spelling convention a Latin token shows, if any: ``de`` (German and Polish:
    w, sch, cz, sz, rz, Polish and Czech letters), ``fr`` (ou, tch, gu+e/i, ï),
    ``kz`` (letters of the Kazakh Latin alphabets and Turkish), or ``""``."""
    out = _conventions.get(token)
    if out is None:
        out = _conventions.put(token, token_convention(token))
    return out


def token_convention(token: str) -> str:
    """:func:`convention` without its cache (for callers that see each token once)."""
    return lower_convention(token.lower())


def lower_convention(text: str) -> str:
    """:func:`token_convention` of a token in lower case."""
    if ("ʻ" in text or "'" in text or "‘" in text or "’" in text) and _UZBEK_RE.search(
        text
    ) is not None:
        return KAZAKH_LATIN  # Uzbek Latin oʻ, gʻ: j is ж, q is қ (Xoʻjayev)
    if not text.isascii():
        # (regex searches: a set test would make a string of each letter past Latin-1)
        if _KH_MARKS.search(text) is not None or text.endswith("ová"):
            return GERMANIC
        if _KZ_MARKS.search(text) is not None:
            return KAZAKH_LATIN
        if "ï" in text:
            return FRENCH
    # (substring tests: a regex search costs more than all of them)
    if "w" in text or "sch" in text or "cz" in text or "sz" in text:
        return GERMANIC
    if (
        "ou" in text
        or "tch" in text
        or text.endswith("ine")
        or ("gu" in text and _FRENCH_GU_RE.search(text) is not None)
    ):
        return FRENCH
    if "q" in text or text.endswith(_JON_ENDINGS):
        return KAZAKH_LATIN
    if ("j" in text or "cs" in text or "zs" in text) and _J_AS_Y_RE.search(text) is not None:
        return GERMANIC
    return ""


def fold_token(token: str, hint: str = "") -> str:
    """The phonetic fold of one name token (any script); ``""`` if it has no letters.

    ``hint`` is the convention the rest of the name shows (see :func:`convention`); it
    decides "ch" and "j" in a token that shows none itself (Geroichan Kystaubajew).
    """
    cache = _folds.get(hint)
    if cache is None:
        cache = _folds.setdefault(hint, BoundedCache(_CACHE_LIMIT))
    out = cache.data.get(token)  # (the dict read directly: a hot loop)
    if out is None:
        out = cache.put(token, _fold(token, hint, False))
    return out


def fold_prepared(low: str, cyrillic: bool, conv: str) -> str:
    """:func:`fold_token` of a word that :func:`translit.letters.prepare` has been through,
    in lower case, told whether it has Cyrillic letters and its :func:`convention` (the
    name parser knows both): the same fold, without finding them again.

    Not cached: the parser keeps what it makes of each chunk, so it folds a word
    again only in another chunk (``Tokayev,``), which is rare; a cache of the folds
    would cost two lookups in a big dict per new word, as much as the fold itself."""
    if not low:
        return ""
    if cyrillic:
        return _fold_lower(_cyrillic_lower(low), "", False)
    return _fold_lower(low, conv, False)


def spell_prepared(word: str, cyrillic: bool, conv: str, hint: str = "") -> str:
    """The fold of a word the name parser has read with з and с kept apart: a basis
    for rendering a name no lexicon knows, in the same alphabet as :func:`fold_token`,
    told whether it has Cyrillic letters and the convention it shows itself (see
    :func:`fold_prepared`); ``hint``: the convention the rest of the name shows. Not
    cached (the normalizer keeps what it makes of the word).

    Latin ``z`` stays ``z``; in German spellings a single ``s`` between vowels is з
    (Nasarbajew). Only German word-initial ``s`` (Sacharow) still reads as с.
    """
    return _read_fold(word, cyrillic, conv, hint, True)


def _fold(token: str, hint: str, spell: bool) -> str:
    cyrillic = not token.isascii() and has_cyrillic(token)
    return _read_fold(token, cyrillic, "" if cyrillic else convention(token), hint, spell)


def _read_fold(token: str, cyrillic: bool, conv: str, hint: str, spell: bool) -> str:
    """The fold of ``token``, told whether it has Cyrillic letters and the convention
    it shows itself (a Cyrillic token is read through the odni letter table)."""
    if not token:
        return ""
    if cyrillic:
        return _fold_lower(cyrillic_to_latin(token).lower(), "", spell)
    return _fold_lower(token.lower(), conv or hint, spell)


def _fold_lower(text: str, conv: str, spell: bool) -> str:  # noqa: C901 - hot path: folds every word of every name in one pass, compiled with mypyc; a split costs calls per word
    """The fold of a Latin token in lower case (a Cyrillic one comes romanized) read
    by the convention ``conv``."""
    if text.endswith(_OTHER_LATIN_ENDINGS) or _OTHER_LATIN_RE.search(text) is not None:
        text = _other_latin(text)
    if conv == GERMANIC:
        if "l" in text and _POLISH_RE.search(text) is not None:
            text = _POLISH_SOFT_L_RE.sub("li", text)  # Polish l is soft, ł hard (Laszko)
        if "ch" in text:
            text = _GERMAN_CH_RE.sub("kh", text)  # Michail, Chruščov (before č->ch)
    elif conv == FRENCH:
        if "ch" in text:
            text = text.replace("tch", "\0").replace("ch", "sh").replace("\0", "tch")
        if text.endswith("ine"):
            text = text[:-1]  # Poutine, Kouanychaline: French writes -ин as -ine
    if conv == KAZAKH_LATIN:
        if "w" in text or "ý" in text:
            text = _kazakh_wikipedia(text)
        if "c" in text:  # Turkish, Azerbaijani, Kyrgyz Latin c is дж (Caparov, Hacıyev)
            text = _TURKIC_C_RE.sub("j", text)
    if text.isascii():
        letters = text.isalpha()  # (only a-z: the steps above write lower case)
    else:
        if text.endswith(_TURKMEN_ENDINGS):  # (Turkmen -ýew, -ýewa: -ев, -ева; Tokaýew)
            cut = text.rindex("ý")
            text = text[:cut] + text[cut:].replace("ý", "y").replace("w", "v")
        text = text.translate(_SPECIAL)  # (every letter with a fixed reading is non-ASCII)
        if not text.isascii():
            text = _LATIN_MARKS_RE.sub("", unicodedata.normalize("NFKD", text))
            if not text.isascii():  # (other combining marks, apostrophes, other scripts)
                text = "".join(c for c in text if not unicodedata.combining(c))
        letters = text.isascii() and text.isalpha() and text.islower()
    if not letters:
        # (kz-2017 s' c' y' for ш ч у; in a word that writes й as j, an apostrophe is a
        # soft sign: Zvjahil's'kyj = Звягільський)
        if conv != GERMANIC and _APOSTROPHE_RE.search(text) is not None:
            text = _APOSTROPHE_RE.sub(_apostrophe_letter, text)
        text = _NON_LETTER_RE.sub("", text)
    if not text:
        return ""
    if "gu" in text:
        text = _FRENCH_GU_RE.sub("g", text)
    if conv == GERMANIC and "ie" in text:
        text = _POLISH_IE_RE.sub("e", text)
    if "j" in text:
        if conv == GERMANIC:
            text = text.replace("j", "i")  # Jelzin, Tokajew: й
        elif conv in (FRENCH, KAZAKH_LATIN):
            text = text.replace("j", "Z")  # Jomart, Toregojina: ж
        else:
            text = _J_AFTER_GLIDE_RE.sub("Z", text)
            text = _J_GLIDE_RE.sub("i", text)
            if "j" in text:
                text = _J_SOFT_RE.sub("i", text)
                text = _J_SOFT_END_RE.sub("", text).replace("j", "Z")
        if "dZ" in text:
            text = text.replace("dZ", "Z")  # French dj, Serbian Dj: дж, ђ (Djomart, Djukic)
    if spell:
        if conv == GERMANIC and "s" in text:
            text = _GERMAN_S_RE.sub("z", text)
        if "y" in text:
            text = _HARD_Y_RE.sub("Y", text)
    text = _sounds(text, _SPELL_GROUPS_BY_LETTER if spell else _GROUPS_BY_LETTER)
    if "io" in text:
        text = _io_as_e(text)
    if text.startswith("ie"):
        text = text[1:]
    if "i" in text:
        # glides dropped (Maria, Mariya); a spelling keeps them as й (Tolstaya, Stoyan),
        # but after и, where Latin mostly writes none (Anelia, Anelija)
        text = _between_vowels(text, "i", "J" if spell else "")
        if spell and "iJ" in text:
            text = text.replace("iJ", "i")
    text = _single_letters(text)
    if text.endswith(_SIBILANT_O_ENDINGS):
        text = _SIBILANT_YO_RE.sub("e", text)
    if not spell and "X" in text:
        # х between vowels alternates with к (Бақытжан / Бахытжан = Bakytzhan / Bakhytzhan)
        text = _between_vowels(text, "X", "k")
    # (ng is ң in Kazakh Latin, which the fold merges with н; a name spelled out keeps
    # its нг: Angel, Angelov, Zhangir, not Anel, Anelov, Zhanir)
    return text if spell else text.replace("ng", "n")


# (The loops below do what a regex substitution would, for less than its call costs:
# the fold of a word seen once is mostly these steps.)


def _sounds(text: str, groups: tuple[tuple[tuple[str, str], ...], ...]) -> str:
    """``text`` (ASCII) with each letter group of ``groups`` (by the code of the first
    letter, longest first) replaced by its sound, read left to right, the longest group
    first at each place: as a regex alternation of the groups, longest first, would."""
    pieces = []
    start = 0  # the first letter not yet copied
    at = 0
    end = len(text)
    last = end - 1
    while at < end:
        code = ord(text[at])
        pairs = groups[code] if code < 128 else ()
        if not pairs:
            at += 1
            continue
        # (a filter: a letter that is no group's second letter never has its bit set)
        if at == last or not _SECOND_LETTERS[code] >> ((ord(text[at + 1]) - 64) & 63) & 1:
            # (no longer group can start here: only the letter's own sound, if any)
            group, sound = pairs[-1]
            if len(group) == 1:
                if start < at:
                    pieces.append(text[start:at])
                pieces.append(sound)
                start = at + 1
            at += 1
            continue
        for group, sound in pairs:
            size = len(group)
            if size == 1 or text.find(group, at, at + size) == at:
                if start < at:
                    pieces.append(text[start:at])
                pieces.append(sound)
                at += size
                start = at
                break
        else:
            at += 1
    if start == 0:
        return text
    if start < end:
        pieces.append(text[start:])
    return "".join(pieces)


def _io_as_e(text: str) -> str:
    """``text`` with each "io" after a letter other than a vowel written "e"."""
    pieces = []
    start = 0
    at = text.find("io", 1)
    while at > 0:
        if text[at - 1] in VOWELS:
            at = text.find("io", at + 1)
        else:
            pieces.append(text[start:at])
            pieces.append("e")
            start = at + 2
            at = text.find("io", start)
    if not pieces:
        return text
    pieces.append(text[start:])
    return "".join(pieces)


def _between_vowels(text: str, letter: str, replacement: str) -> str:
    """``text`` with each ``letter`` between two vowels (of ``text``) replaced."""
    last = len(text) - 1
    at = text.find(letter, 1)
    if at < 0 or at >= last:
        return text
    pieces = []
    start = 0
    while 0 < at < last:
        if text[at - 1] in VOWELS and text[at + 1] in VOWELS:
            pieces.append(text[start:at])
            if replacement:
                pieces.append(replacement)
            start = at + 1
        at = text.find(letter, at + 1)
    if not pieces:
        return text
    pieces.append(text[start:])
    return "".join(pieces)


def _single_letters(text: str) -> str:
    """``text`` with each run of one letter written once (Kassym -> Kasym)."""
    pieces = []
    start = 0  # the first letter not yet copied
    for at in range(1, len(text)):
        if ord(text[at]) == ord(text[at - 1]):
            pieces.append(text[start:at])
            start = at + 1
    if not pieces:
        return text
    pieces.append(text[start:])
    return "".join(pieces)


def _apostrophe_letter(match: re.Match[str]) -> str:
    return _APOSTROPHE[match.group(1)]


def _first_group(match: re.Match[str]) -> str:
    return match.group(1)


def cyrillic_to_latin(token: str) -> str:
    """The token in lower-case ASCII by the letter table of the ``odni`` Kazakh scheme.

    The scheme's one context rule (a doubled digraph letter is written once: шш -> sh)
    is applied to the Cyrillic first; the fold needs nothing else of the scheme, and a
    table lookup is much faster than a full romanization of a word seen once.
    """
    return _cyrillic_lower(prepare(token).lower())


def _cyrillic_lower(text: str) -> str:
    """:func:`cyrillic_to_latin` of a prepared token in lower case (the letters are
    too)."""
    if _CYRILLIC_DOUBLE_RE.search(text) is not None:
        text = _CYRILLIC_DOUBLE_RE.sub(_first_group, text)
    if _OTHER_ALPHABET_RE.search(text) is not None:
        text = _as_russian_letters(text)
    return text.translate(_odni_table())


# Letters and groups that may be of a Cyrillic alphabet other than Russian and Kazakh
# (a cheap gate: Belarusian дз, ц and endings count only in a word with і or ў).
_OTHER_ALPHABET_RE: Final = re.compile("[љњъўє]|ьо|дз|цв?[іеёюяь]|ав(?:а|іч)$|енка$")
# Ukrainian є after a consonant is a soft е, as Russian writes it (Гєллєр = Геллер).
_UKRAINIAN_YE_RE: Final = re.compile("(?<=[бвгґджзклмнпрстфхцчшщ])є")
# Ukrainian writes Russian ё after a soft consonant as ьо (Льовочкін = Лёвочкин,
# Пономарьов = Пономарёв, Альона = Алёна); Russian writes ьо only in French loans.
_UKRAINIAN_YO: Final = ("ьо", "ё")
# Serbian and Macedonian љ, њ before а, о, у read as Russian ля, лё, лю (Тања = Таня).
_SOFT_VOWEL_RE: Final = re.compile("([љњ])([аоу])")
_SOFTENED: Final = {"а": "я", "о": "ё", "у": "ю"}
# Bulgarian ъ is a vowel (България, Гърков); Russian ъ stands only before е, ё, ю, я.
_BULGARIAN_HARD_RE: Final = re.compile("ъ(?=[^еёюя]|$)")
# Belarusian writes Russian д, т before a soft vowel as дз, ц (Уладзімір, Пуцін), and
# unstressed о as а in the surname endings -аў, -ава, -авіч, -аўна (Турчынаў)
# (before в and a soft vowel too, which Belarusian softens with it: Мядзведзеў =
# Медведев, Мацвіенка = Матвиенко); -енка is -енко (Лукашэнка)
# (not a final дзе: Georgian surnames, which Ukrainian writes -дзе and Belarusian -дзэ:
# Лордкіпанідзе)
_BELARUSIAN_SOFT_RE: Final = re.compile("(дз(?!е$)|ц)(?=в?[іеёюяь])")
_BELARUSIAN_ENDINGS: Final = (
    ("аў", "оў"), ("ава", "ова"), ("авіч", "овіч"), ("аўна", "оўна"), ("енка", "енко"),
)  # fmt: skip
# letters Belarusian does not write: Kazakh ones, and Ukrainian и, ї, є, ґ (Білецький)
_NOT_BELARUSIAN_RE: Final = re.compile("[әғқңөұүһиїєґ]")


# Uzbek Cyrillic ў (Latin oʻ) after a consonant or at the start of a word: the о of
# Russian and Kazakh names (Тўқаев, Жўмарт = Тоқаев, Жомарт); Belarusian ў (в, у)
# follows a vowel.
_UZBEK_O_RE: Final = re.compile("(?<![аеёиоуыэюяіїєәөұүў])ў")


def _as_russian_letters(text: str) -> str:
    """A word of another Cyrillic alphabet with the letters and groups that read as
    Russian ones in context written as those (``_OTHER_ALPHABET_RE`` found one); other
    letters are left to the letter table (``data/names/fold_letters.json``)."""
    if "љ" in text or "њ" in text:
        text = _SOFT_VOWEL_RE.sub(_softened, text)  # (else soft л, н: the letter table)
    if "ъ" in text:
        text = _BULGARIAN_HARD_RE.sub("а", text)
    if "є" in text:
        text = _UKRAINIAN_YE_RE.sub("е", text)
    if "ьо" in text:
        text = text.replace(*_UKRAINIAN_YO)
    if "ў" in text:
        text = _UZBEK_O_RE.sub("о", text)
    if ("ў" in text or "і" in text) and _NOT_BELARUSIAN_RE.search(text) is None:
        text = _BELARUSIAN_SOFT_RE.sub(_belarusian_soft, text)
        for ending, russian in _BELARUSIAN_ENDINGS:
            if text.endswith(ending):
                return text[: -len(ending)] + russian
    return text


def _softened(match: re.Match[str]) -> str:
    return _OTHER_CYRILLIC[match.group(1)]["ru"][0] + _SOFTENED[match.group(2)]  # (л, н)


def _belarusian_soft(match: re.Match[str]) -> str:
    return "д" if match.group(1) == "дз" else "т"


# Letters of other Cyrillic alphabets: their Russian letters, and their readings where
# folding does not read them as those.
_OTHER_CYRILLIC: Final[dict[str, dict[str, str]]] = {
    k: v for k, v in _LETTERS["cyrillic"].items() if k != "note"
}


@cache
def _as_russian_table() -> dict[int, str]:
    table = {k: v["ru"] for k, v in _OTHER_CYRILLIC.items() if "ru" in v}
    upper = {k.upper(): v[:1].upper() + v[1:] for k, v in table.items()}
    return str.maketrans({**table, **upper})


_BULGARIAN_HARD_CASED_RE: Final = re.compile("[ъЪ](?=[^еёюяЕЁЮЯ]|$)")


def as_russian_letters(text: str) -> str:
    """``text`` (Cyrillic, any case) with the letters of other Cyrillic alphabets
    written as the Russian letters closest in sound (the ``ru`` readings of ``cyrillic``
    in ``data/names/fold_letters.json``; Bulgarian ъ before a consonant as а), for a
    scheme made for Russian and Kazakh: Петър Іваноў as Петар Іванов."""
    if "ъ" in text or "Ъ" in text:
        text = _BULGARIAN_HARD_CASED_RE.sub(_bulgarian_vowel, text)
    return text.translate(_as_russian_table())


def _bulgarian_vowel(match: re.Match[str]) -> str:
    return "а" if match.group() == "ъ" else "А"


def national_romanization(word: str, lang: str) -> str:
    """``word`` (Ukrainian or Belarusian Cyrillic, ``lang`` ``uk`` or ``be``) in the
    national Latin of its language (``data/names/fold_letters.json``), capitalized."""
    table = _LETTERS[f"{lang}_latin"]
    mapping: dict[str, str] = table["mapping"]
    starts: dict[str, str] = table["start"]
    low = word.lower()
    start = starts.get(low[:1], "")
    rest = low[1:] if start else low
    out = start + "".join(mapping.get(c, c) for c in rest)
    return out[:1].upper() + out[1:]


@cache
def _odni_table() -> dict[int, str]:
    from translit.romanization.schemes import get_scheme_data

    letters = dict(get_scheme_data("odni", "kk").forward.mapping)
    odni = str.maketrans(letters)
    for letter, reading in _OTHER_CYRILLIC.items():
        letters[letter] = reading["latin"] if "latin" in reading else reading["ru"].translate(odni)
    return str.maketrans(letters)
