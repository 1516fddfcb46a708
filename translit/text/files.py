"""Running text in files: the file handling of ``translit normalize --text``.

The text is read whole (a file, or ``-`` for standard input) as UTF-8, with bytes
that are not UTF-8 carried through unchanged; its names are rewritten by
:func:`translit.normalize_text`; the text and the list of replacements are written
atomically, never over the input.
"""

from __future__ import annotations

import json
from pathlib import Path

from translit._util.atomic import atomic_write_text, output_or_stdout, refuse_overwrite
from translit._util.stdio import ENCODING_ERRORS, stdin_bytes, write_lines
from translit.errors import InputDataError, UsageError
from translit.names.gazetteer import Gazetteer
from translit.text.names import Replacement, normalize_text


def _is_stdio(path: str | None) -> bool:
    return path is None or path == "-"


def normalize_text_file(
    source: str,
    *,
    style: str = "en",
    gazetteer: Gazetteer | None = None,
    output: str | None = None,
    replacements: str | None = None,
) -> list[Replacement]:
    """Rewrite the names in the text of ``source`` (``-``: standard input) into
    ``output`` (``None`` or ``-``: standard output); with ``replacements``, also write
    what was replaced there, one JSON object a line (``-``: standard output, when the
    text goes to a file). Returns the replacements."""
    if replacements == "-" and _is_stdio(output):
        raise UsageError("--list-replacements - needs the text written elsewhere: add -o FILE")
    if source == "-":
        raw = stdin_bytes().read()
    else:
        for written in (output, replacements):
            if not _is_stdio(written):
                refuse_overwrite(source, str(written), "write to another file")
        try:
            raw = Path(source).read_bytes()
        except OSError as exc:
            raise InputDataError(f"cannot read {source}: {exc.strerror}") from None
    content = raw.decode("utf-8", ENCODING_ERRORS)
    rewritten, done = normalize_text(content, style=style, gazetteer=gazetteer)
    with output_or_stdout(output) as stream:
        stream.write(rewritten.encode("utf-8", ENCODING_ERRORS))
        stream.flush()
    if replacements is not None:
        lines = [json.dumps(r.as_dict(), ensure_ascii=False) for r in done]
        if replacements == "-":
            write_lines(lines)
        else:
            atomic_write_text(replacements, "".join(line + "\n" for line in lines))
    return done
