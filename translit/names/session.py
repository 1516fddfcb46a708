"""The owner of what the name path remembers: one session per gazetteer and style.

The gazetteer, the lexicon and the parsed words are frozen data; what normalization
and keys make of them for one gazetteer and one house style is kept here, in bounded
caches (:class:`translit._util.cache.BoundedCache`), and nowhere else:

* :class:`GazetteerCaches` (one per gazetteer, shared by its sessions): the key and
  entity of each tuple of word folds (:func:`translit.names.keys.folds_key`), and the
  running-text name finder built from the gazetteer (:mod:`translit.text.names`).
* :class:`Session` (one per gazetteer and style): each entity's canonical form and
  each word's record: the kinds of its fold in the gazetteer, its Cyrillic form and
  its rendering in the style. A word the lexicon knows (its fold the entry's, not in
  capitals) has the record of its lexicon entry, which every spelling of it shares;
  any other word has its own, per spelling-convention hint.

Caches of pure functions of frozen data stay with their function: folds
(``fold.py``), romanizations (``romanize.py``), parsed chunks (``parse.py``),
origin evidence (``origin.py``) and the name-shape decisions (``normalize.py``).

:func:`session` and :func:`gazetteer_caches` give the ones for a gazetteer (the
bundled one by default) and style; the last one used is found without a lookup.
"""

from __future__ import annotations

from typing import Final

from mypy_extensions import mypyc_attr

from translit._util.cache import BoundedCache
from translit.names.gazetteer import Entity, Gazetteer, bundled_gazetteer
from translit.names.lexicon import LexiconEntry
from translit.names.style import Style, get_style

#: A key and the entity with its confidence (``None``: no entity), per tuple of folds.
KeyHit = tuple[str, "tuple[Entity, float] | None"]

#: Tuples of folds whose key a gazetteer's caches keep.
_KEY_LIMIT: Final = 1 << 18
#: Word renderings a session keeps per convention hint, and per lexicon entry.
_WORD_LIMIT: Final = 1 << 17
#: Entity renderings a session keeps.
_ENTITY_LIMIT: Final = 1 << 16
#: Gazetteers and sessions the registries keep (each holds its gazetteer alive).
_REGISTRY_LIMIT: Final = 64


@mypyc_attr(acyclic=True)
class WordRendering:
    """What a session knows of one plain word of a name: the kinds of its fold in the
    gazetteer (``translit.names.gazetteer.KEY_FOLD``, ``SURNAME_FOLD``); its Cyrillic form
    (as :func:`translit.names.spelling.reconstruct` gives it), whether the lexicon knew
    it and whether that form has Kazakh letters (``""``, 0, 0 until asked); and that
    form in the session's style for a Kazakh and a Russian name (``""`` until asked).

    Acyclic (compiled, the garbage collector does not track it): it holds strings and
    ints only."""

    __slots__ = ("cyrillic", "found", "kazakh", "kinds", "kk", "ru")

    def __init__(self, kinds: int) -> None:
        self.kinds = kinds
        self.cyrillic = ""
        self.found = 0  # 1 where the lexicon knew the word
        self.kazakh = 0  # 1 where the Cyrillic form has Kazakh letters
        self.kk = ""
        self.ru = ""


class GazetteerCaches:
    """What the name path remembers of one gazetteer, whatever the style."""

    __slots__ = ("finder", "gazetteer", "keys")

    def __init__(self, gazetteer: Gazetteer) -> None:
        self.gazetteer = gazetteer
        # folds of a name's words -> its key and entity (translit.names.keys.folds_key)
        self.keys: BoundedCache[tuple[str, ...], KeyHit] = BoundedCache(_KEY_LIMIT)
        # the running-text name finder (a translit.text.names finder), built when asked
        self.finder: object = None


class Session:
    """What the name path remembers for one gazetteer and one house style."""

    __slots__ = ("caches", "entities", "gazetteer", "hinted", "keys", "known", "style", "words")

    def __init__(self, gazetteer: Gazetteer, style: Style, caches: GazetteerCaches) -> None:
        self.gazetteer = gazetteer
        self.style = style
        self.caches = caches
        self.keys = caches.keys  # (the gazetteer's, read directly)
        # entity id -> its canonical form in the style
        self.entities: BoundedCache[str, str] = BoundedCache(_ENTITY_LIMIT)
        # lexicon entry -> the rendering every spelling of it shares (whatever the
        # hint: the entry gives the fold and the Cyrillic form), see known_word
        self.known: BoundedCache[LexiconEntry, WordRendering] = BoundedCache(_WORD_LIMIT)
        # any other word -> its rendering, for names that show no spelling convention ...
        self.words: BoundedCache[str, WordRendering] = BoundedCache(_WORD_LIMIT)
        # ... and per convention hint for the others (the word's fold follows from both)
        self.hinted: dict[str, BoundedCache[str, WordRendering]] = {}

    def words_for(self, hint: str) -> BoundedCache[str, WordRendering]:
        """The word renderings for names that show the convention ``hint``."""
        if not hint:
            return self.words
        found = self.hinted.get(hint)
        if found is None:
            found = self.hinted.setdefault(hint, BoundedCache(_WORD_LIMIT))
        return found

    def __repr__(self) -> str:
        return f"Session({self.style.id!r}, {len(self.gazetteer.entities)} entities)"


# The registries: (id of the gazetteer[, style id]) -> its caches (which hold the
# gazetteer, so its id is not reused while they are kept), and the last one given.
_CACHES: Final[BoundedCache[int, GazetteerCaches]] = BoundedCache(_REGISTRY_LIMIT)
_SESSIONS: Final[BoundedCache[tuple[int, str], Session]] = BoundedCache(_REGISTRY_LIMIT)
_LAST_CACHES: Final[list[GazetteerCaches | None]] = [None]
_LAST_SESSION: Final[list[Session | None]] = [None]


def gazetteer_caches(gazetteer: Gazetteer | None = None) -> GazetteerCaches:
    """The caches of ``gazetteer`` (default: the bundled one)."""
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    last = _LAST_CACHES[0]
    if last is not None and last.gazetteer is gaz:
        return last
    found = _CACHES.get(id(gaz))
    if found is None or found.gazetteer is not gaz:
        found = _CACHES.put(id(gaz), GazetteerCaches(gaz))
    _LAST_CACHES[0] = found
    return found


def session(style: str | Style = "en", gazetteer: Gazetteer | None = None) -> Session:
    """The session of ``style`` (a name or a :class:`Style`) and ``gazetteer``
    (default: the bundled one). An unknown style raises
    :class:`~translit.errors.UnknownStyleError`."""
    gaz = gazetteer if gazetteer is not None else bundled_gazetteer()
    last = _LAST_SESSION[0]
    if (
        last is not None
        and last.gazetteer is gaz
        and (last.style is style or last.style.id == style)
    ):
        return last
    value = get_style(style)
    found = _SESSIONS.get((id(gaz), value.id))
    if found is None or found.gazetteer is not gaz:
        found = Session(gaz, value, gazetteer_caches(gaz))
        _SESSIONS.put((id(gaz), value.id), found)
    _LAST_SESSION[0] = found
    return found
