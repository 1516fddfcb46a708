"""The ``translit`` command: a thin Typer layer over the ``translit`` and ``translate`` APIs.

Every command reads its items from arguments or, with none, from standard input one
line at a time, and writes exactly one output line per input line, in order.
"""

from __future__ import annotations

import json
from enum import Enum
from typing import Annotated

import typer

import translit
from translate.commands import register as register_translate
from translit._cli import guarded, texts_or_stdin, write_lines

app = typer.Typer(
    name="translit",
    help="Romanize, normalize, match and translate Kazakh and Russian names and texts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


class Lang(str, Enum):
    auto = "auto"
    kk = "kk"
    ru = "ru"


class TableFormat(str, Enum):
    table = "table"
    json = "json"


def _version(value: bool) -> None:
    if value:
        typer.echo(f"translit {translit.__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version."),
    ] = False,
) -> None:
    """Romanize, normalize, match and translate Kazakh and Russian names and texts."""


TextsArg = Annotated[
    list[str] | None,
    typer.Argument(help="Texts to process; with none, read standard input line by line."),
]
LangOpt = Annotated[
    Lang, typer.Option("--lang", "-l", case_sensitive=False, help="Source language.")
]


@app.command()
@guarded
def romanize(
    texts: TextsArg = None,
    scheme: Annotated[
        str, typer.Option("--scheme", "-s", help="Scheme id (see `translit schemes`).")
    ] = "bgn-pcgn",
    lang: LangOpt = Lang.auto,
    reverse: Annotated[
        bool, typer.Option("--reverse", "-r", help="Latin to Cyrillic (reversible schemes).")
    ] = False,
) -> None:
    """Romanize Cyrillic text (or, with --reverse, convert romanized text back)."""
    code = None if lang is Lang.auto else lang.value
    for batch in texts_or_stdin(texts):
        if reverse:
            write_lines(translit.cyrillize_many(batch, scheme=scheme, lang=code))
        else:
            write_lines(translit.romanize_many(batch, scheme=scheme, lang=code))


@app.command()
@guarded
def schemes(
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", case_sensitive=False, help="Only this language.")
    ] = Lang.auto,
    fmt: Annotated[TableFormat, typer.Option("--format", "-f", help="Output format.")] = (
        TableFormat.table
    ),
) -> None:
    """List the romanization schemes: id, language, standard, reversible."""
    infos = translit.schemes(None if lang is Lang.auto else lang.value)
    if fmt is TableFormat.json:
        rows = [
            {
                "id": i.id,
                "language": i.language,
                "name": i.name,
                "standard": i.standard,
                "reversible": i.reversible,
                "ascii": i.ascii,
                "aliases": list(i.aliases),
            }
            for i in infos
        ]
        typer.echo(json.dumps(rows, ensure_ascii=False, indent=1))
        return
    header = ("id", "language", "standard", "reversible")
    rows_t = [
        (
            i.id + (f" ({', '.join(i.aliases)})" if i.aliases else ""),
            i.language,
            i.standard,
            "yes" if i.reversible else "no",
        )
        for i in infos
    ]
    widths = [max(len(r[c]) for r in [header, *rows_t]) for c in range(3)]
    for row in [header, *rows_t]:
        typer.echo(
            "  ".join(v.ljust(w) for v, w in zip(row[:3], widths, strict=True)) + "  " + row[3]
        )


@app.command()
@guarded
def detect(texts: TextsArg = None) -> None:
    """Print the language of each line: kk, ru, or und (no Cyrillic)."""
    for batch in texts_or_stdin(texts):
        write_lines(translit.detect_language(t) for t in batch)


register_translate(app)

if __name__ == "__main__":  # pragma: no cover
    app()
