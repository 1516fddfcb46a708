"""What may not come back from --reverse (translit.lossy)."""

from __future__ import annotations

import pytest

from translit.romanization.lossy import LossySigns


def test_a_partly_reversible_scheme_has_signs_longest_first() -> None:
    signs = LossySigns.of("kz-2021", "kk")
    assert "ю" in signs.lossy and ("iu", "ю") in signs.signs
    lengths = [len(latin) for latin, _ in signs.signs]
    assert lengths == sorted(lengths, reverse=True)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Iurii", ("iu", "ю")),  # ю before и: the longer form tells more
        ("ŞŞYQ", ("şş", "щ")),  # case does not matter
        ("Qazaq", None),
    ],
)
def test_find_gives_the_first_sign_and_its_letter(text: str, found: tuple[str, str] | None) -> None:
    assert LossySigns.of("kz-2021").find(text) == found


def test_a_scheme_without_lossy_letters_finds_nothing() -> None:
    signs = LossySigns.of("rferl")
    assert signs.lossy == () and signs.find("Iurii Tsoi") is None
