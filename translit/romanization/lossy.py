"""What may not come back from ``--reverse``: the romanized forms of a scheme's lossy letters.

A reversible scheme is only *partly* so when some letters (its ``lossy`` ones) romanize
to what another letter does too; text holding such a form may come back with the
other letter. :class:`LossySigns` finds those forms in text to reverse.
"""

from __future__ import annotations

from dataclasses import dataclass

from translit.romanization.romanize import romanize
from translit.romanization.schemes import list_schemes


@dataclass(frozen=True)
class LossySigns:
    """The lossy letters of a scheme (``lossy``) and what each romanizes to (``signs``:
    romanized form, casefolded -> letter; the longest first: ``iu`` (ю) before ``i``)."""

    scheme: str
    lossy: tuple[str, ...]
    signs: tuple[tuple[str, str], ...]

    @classmethod
    def of(cls, scheme: str, lang: str | None = None) -> LossySigns:
        """The signs of ``scheme`` (an id or alias) in ``lang`` (``None``: every language)."""
        lossy: tuple[str, ...] = ()
        signs: dict[str, str] = {}
        for info in list_schemes(lang):
            if scheme in (info.id, *info.aliases):
                lossy += info.lossy
                for letter in info.lossy:
                    latin = romanize(letter, scheme=info.id, lang=info.language)
                    if latin.strip():
                        signs.setdefault(latin.casefold(), letter)
        ordered = tuple(sorted(signs.items(), key=lambda kv: -len(kv[0])))
        return cls(scheme, lossy, ordered)

    def find(self, text: str) -> tuple[str, str] | None:
        """The first romanized form of a lossy letter in ``text``, and that letter."""
        folded = text.casefold()
        for latin, letter in self.signs:
            if latin in folded:
                return latin, letter
        return None
