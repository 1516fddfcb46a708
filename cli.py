"""The ``translit`` command: a thin Typer layer over the ``translit`` and ``translate`` APIs.

Every command reads its items from arguments or, with none, from standard input one
line at a time, and writes exactly one output line per input line, in order.
"""

# ruff: noqa: E402  (a handler for Ctrl-C is installed before the slow imports)

from __future__ import annotations

import signal
import sys

# Ctrl-C while the modules below load: exit 130 quietly, not a traceback from
# importlib. run_app puts Python's own handler back once the command starts.
signal.signal(signal.SIGINT, lambda _signum, _frame: sys.exit(130))

import json
from collections.abc import Iterator, Mapping
from enum import Enum
from typing import Annotated, Any

import typer

import translit
from translate.commands import register as register_translate
from translit._cli import Commands, ListFormat, emit, note, run_app, texts_or_stdin
from translit._util.atomic import output_or_stdout
from translit._util.gctune import fewer_full_collections
from translit._util.stdio import write_lines
from translit.errors import UsageError
from translit.names.style import get_style
from translit.romanization.lossy import LossySigns

app = typer.Typer(
    cls=Commands,
    name="translit",
    help="Romanize, normalize, match and translate Kazakh and Russian names and texts.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Lang(str, Enum):
    auto = "auto"
    kk = "kk"
    ru = "ru"


class LineFormat(str, Enum):
    """How one output per input line is printed (see :func:`translit._cli.emit`)."""

    text = "text"
    json = "json"
    jsonl = "jsonl"


LineFormatOpt = Annotated[
    LineFormat,
    typer.Option(
        "--format", "-f", help="text: one line per input; jsonl: one object per input; json."
    ),
]


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
def romanize(
    texts: TextsArg = None,
    scheme: Annotated[
        str, typer.Option("--scheme", "-s", help="Scheme id (see `translit schemes`).")
    ] = "bgn-pcgn",
    lang: LangOpt = Lang.auto,
    reverse: Annotated[
        bool, typer.Option("--reverse", "-r", help="Latin to Cyrillic (reversible schemes).")
    ] = False,
    fmt: LineFormatOpt = LineFormat.text,
) -> None:
    """Romanize Cyrillic text (or, with --reverse, convert romanized text back)."""
    code = None if lang is Lang.auto else lang.value
    convert = translit.cyrillize_many if reverse else translit.romanize_many
    convert([], scheme=scheme, lang=code)  # an unknown scheme fails before input is read
    signs = LossySigns.of(scheme, code) if reverse else None

    def converted() -> Iterator[tuple[list[str], list[str]]]:
        nonlocal signs
        for batch in texts_or_stdin(texts):
            found = next(filter(None, map(signs.find, batch)), None) if signs else None
            if signs is not None and found is not None:
                typer.echo(
                    f"translit: warning: {scheme} is not fully reversible: {found[0]!r} "
                    f"may not come back as {found[1]!r} (lossy: {' '.join(signs.lossy)})",
                    err=True,
                )
                signs = None  # once per run
            yield batch, convert(batch, scheme=scheme, lang=code)

    emit(fmt.value, "output", converted())


@app.command()
def schemes(
    lang: Annotated[
        Lang, typer.Option("--lang", "-l", case_sensitive=False, help="Only this language.")
    ] = Lang.auto,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
) -> None:
    """List the romanization schemes: id, language, standard, reversible.

    A reversible scheme is "partly" so when some letters do not come back from
    --reverse (they are listed).
    """
    infos = translit.schemes(None if lang is Lang.auto else lang.value)
    if fmt is ListFormat.json:
        rows = [
            {
                "id": i.id,
                "language": i.language,
                "name": i.name,
                "standard": i.standard,
                "reversible": i.reversible,
                "round_trip": i.round_trip,
                "lossy": list(i.lossy),
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
            _reversibility(i),
        )
        for i in infos
    ]
    widths = [max(len(r[c]) for r in [header, *rows_t]) for c in range(3)]
    for row in [header, *rows_t]:
        typer.echo(
            "  ".join(v.ljust(w) for v, w in zip(row[:3], widths, strict=True)) + "  " + row[3]
        )


def _reversibility(info: translit.SchemeInfo) -> str:
    if not info.reversible:
        return "no"
    return "yes" if not info.lossy else f"partly (lossy: {' '.join(info.lossy)})"


@app.command()
def detect(texts: TextsArg = None, fmt: LineFormatOpt = LineFormat.text) -> None:
    """Print the language of each line: kk, ru, or und (no Cyrillic)."""
    found = (
        (batch, [translit.detect_language(t) for t in batch]) for batch in texts_or_stdin(texts)
    )
    emit(fmt.value, "language", found)


GazetteerOpt = Annotated[
    list[str] | None,
    typer.Option("--gazetteer", "-g", help="Extra gazetteer file (CSV or JSONL); theirs win."),
]


def _gazetteer(paths: list[str] | None) -> translit.Gazetteer | None:
    return translit.load_gazetteer(paths) if paths else None


@app.command()
def key(
    names: TextsArg = None, gazetteer: GazetteerOpt = None, fmt: LineFormatOpt = LineFormat.text
) -> None:
    """Print a match key per name: equal for every spelling of the same name."""
    gaz = _gazetteer(gazetteer)
    keys = ((batch, translit.keys_many(batch, gazetteer=gaz)) for batch in texts_or_stdin(names))
    with fewer_full_collections():  # (the CLI's choice: a long list keeps many objects)
        emit(fmt.value, "key", keys)


StyleOpt = Annotated[
    str, typer.Option("--style", "-s", help="en, a scheme id, cyrillic-kk or cyrillic-ru.")
]
EncodingOpt = Annotated[
    str | None, typer.Option("--encoding", help="Input encoding (default UTF-8).")
]
DataFormatOpt = Annotated[
    str | None,
    typer.Option(
        "--format", "-f", help="Input format: csv, tsv, jsonl, parquet, xlsx (default: extension)."
    ),
]


@app.command()
def normalize(
    names: Annotated[
        list[str] | None,
        typer.Argument(help="Names, or data files with --column; none: standard input."),
    ] = None,
    style: StyleOpt = "en",
    fmt: Annotated[
        str | None,
        typer.Option("--format", "-f", help="Names: text or jsonl. Files: csv, tsv, ..."),
    ] = None,
    gazetteer: GazetteerOpt = None,
    text: Annotated[
        str | None,
        typer.Option("--text", "-t", help="Rewrite the names in running text (FILE or -)."),
    ] = None,
    replacements: Annotated[
        str | None,
        typer.Option("--list-replacements", help="With --text: write replacements (JSONL)."),
    ] = None,
    column: Annotated[
        list[str] | None, typer.Option("--column", "-c", help="Column(s) of names in FILE.")
    ] = None,
    output: Annotated[
        str | None,
        typer.Option("--output", "-o", help="Output file ('-': standard output), or a folder."),
    ] = None,
    in_place: Annotated[
        bool, typer.Option("--in-place", help="Overwrite FILE (a .bak copy is kept).")
    ] = False,
    skip_bad_rows: Annotated[
        bool, typer.Option("--skip-bad-rows", help="Skip malformed rows (saved aside).")
    ] = False,
    encoding: EncodingOpt = None,
    rejects: Annotated[
        str | None,
        typer.Option("--rejects", help="Side file for --skip-bad-rows (default: OUT.rejected.csv)"),
    ] = None,
    progress: Annotated[
        bool | None,
        typer.Option(
            "--progress/--no-progress",
            help="Progress on standard error: a bar on a terminal (the default there), "
            "else a line every 30 s.",
        ),
    ] = None,
    jobs: Annotated[
        int | None,
        typer.Option(
            "--jobs",
            "-j",
            min=1,
            help="Cores to use: 1 = one process; more: names normalized in worker processes "
            "(default: every core, for files from 8 MiB).",
        ),
    ] = None,
    sheet: Annotated[
        str | None,
        typer.Option(
            "--sheet", help="Excel: the worksheet to read (default: the first), or 'all'."
        ),
    ] = None,
) -> None:
    """Canonical form of each name (one per line), of names in files, or in running text."""
    from translit.dataset.formats import is_tabular_path

    get_style(style)  # before any input is read (an unknown style is a usage error)
    file_only = {
        "--in-place": in_place,
        "--skip-bad-rows": skip_bad_rows,
        "--rejects": rejects,
        "--encoding": encoding,
        "--jobs": jobs,
        "--sheet": sheet,
    }
    if text is not None:
        _refuse(
            "--text",
            {"NAME/FILE arguments": names, "--column": column, "--format": fmt, **file_only},
        )
        from translit.text.files import normalize_text_file

        gaz = _gazetteer(gazetteer)
        normalize_text_file(
            text, style=style, gazetteer=gaz, output=output, replacements=replacements
        )
        return
    if replacements is not None:
        raise UsageError("--list-replacements needs --text")
    if column or (names and all(is_tabular_path(n) for n in names)):
        from translit.dataset.runner import normalize_files

        normalize_files(
            names or [],
            column or [],
            output=output,
            style=style,
            gazetteer=gazetteer or [],
            fmt=fmt,
            in_place=in_place,
            skip_bad_rows=skip_bad_rows,
            encoding=encoding,
            rejects=rejects,
            progress=progress,
            jobs=jobs,
            sheet=sheet,
            notify=lambda message: note(f"translit: {message}"),
        )
        return
    if fmt not in (None, "text", "jsonl"):
        raise typer.BadParameter("for names use --format text or jsonl", param_hint="--format")
    _refuse("names (no --column)", file_only)
    gaz = _gazetteer(gazetteer)
    with output_or_stdout(output) as out, fewer_full_collections():
        for batch in texts_or_stdin(names):
            results = translit.normalize_many(batch, style=style, gazetteer=gaz)
            if fmt == "jsonl":
                records = (rounded(translit.name_record(r, gaz)) for r in results)
                write_lines((json.dumps(record, ensure_ascii=False) for record in records), out)
            else:
                write_lines((r.output for r in results), out)


def _refuse(mode: str, options: Mapping[str, object]) -> None:
    """Usage error if any of ``options`` (name: value given) is set: they do not apply."""
    given = [name for name, value in options.items() if value]
    if given:
        raise UsageError(f"{', '.join(given)} cannot be used with {mode}")


@app.command()
def variants(
    name: Annotated[
        str | None,
        typer.Argument(help="A name in any script or spelling; none: names from standard input."),
    ] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
    gazetteer: GazetteerOpt = None,
) -> None:
    """Plausible spellings of a name and which scheme or language gives each.

    From standard input: one line per name, its spellings separated by tabs (table),
    or one JSON object per name (json).
    """
    gaz = _gazetteer(gazetteer)
    if name is None:
        for batch in texts_or_stdin(None):
            found_each = [translit.variants(n, gazetteer=gaz) for n in batch]
            if fmt is ListFormat.json:
                write_lines(
                    json.dumps({"input": n, "variants": _variant_rows(f)}, ensure_ascii=False)
                    for n, f in zip(batch, found_each, strict=True)
                )
            else:
                write_lines("\t".join(v.spelling for v in f) for f in found_each)
        return
    found = translit.variants(name, gazetteer=gaz)
    if fmt is ListFormat.json:
        typer.echo(json.dumps(_variant_rows(found), ensure_ascii=False, indent=1))
        return
    width = max((len(v.spelling) for v in found), default=0)
    for v in found:
        typer.echo(f"{v.spelling.ljust(width)}  {', '.join(v.sources)}")


def _variant_rows(found: list[translit.Variant]) -> list[dict[str, object]]:
    return [{"spelling": v.spelling, "sources": list(v.sources)} for v in found]


SCORE_DIGITS = 3
"""Scores are printed rounded to this many decimals (0.8, not 0.7999999999999999)."""


@app.command()
def match(
    a: Annotated[str | None, typer.Argument(help="First name; none: pairs from stdin.")] = None,
    b: Annotated[str | None, typer.Argument(help="Second name.")] = None,
    fmt: Annotated[ListFormat, typer.Option("--format", "-f", help="Output format.")] = (
        ListFormat.table
    ),
    gazetteer: GazetteerOpt = None,
) -> None:
    """Score two names in [0, 1] and say whether they are the same, and why.

    With no names, reads tab-separated pairs from standard input, one line per pair
    (json: one object per line).
    """
    gaz = _gazetteer(gazetteer)
    if a is not None and b is None:
        raise UsageError("give two names, or none to read tab-separated pairs")
    if a is not None and b is not None:
        result = translit.match(a, b, gazetteer=gaz)
        write_lines([_match_line(result, fmt)])
        return
    number = 0
    for batch in texts_or_stdin(None):
        lines = []
        for line in batch:
            number += 1
            first, tab, second = line.partition("\t")
            if not tab or "\t" in second:
                raise translit.InputDataError(
                    f"standard input line {number}: expected two names separated by one tab"
                )
            lines.append(_match_line(translit.match(first, second, gazetteer=gaz), fmt))
        write_lines(lines)


def rounded(record: dict[str, Any]) -> dict[str, Any]:
    """``record`` with its float values rounded to :data:`SCORE_DIGITS` decimals."""
    return {k: round(v, SCORE_DIGITS) if isinstance(v, float) else v for k, v in record.items()}


def _match_line(result: translit.MatchResult, fmt: ListFormat) -> str:
    if fmt is ListFormat.json:
        return json.dumps(rounded(result.as_dict()), ensure_ascii=False)
    verdict = "same" if result.same else "different"
    return f"{result.score:.{SCORE_DIGITS}f}\t{verdict}\t{result.reason}"


@app.command()
def cluster(
    file: Annotated[str, typer.Argument(help="Data file (CSV, TSV, JSONL, Parquet, xlsx) or '-'.")],
    column: Annotated[list[str], typer.Option("--column", "-c", help="Column of names.")],
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score", help="Match score (0-1) needed to merge two spellings' groups."
        ),
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="Output file, or '-' for standard output.")
    ] = None,
    style: Annotated[str, typer.Option("--style", "-s", help="Style of canonical forms.")] = "en",
    gazetteer: GazetteerOpt = None,
    fmt: DataFormatOpt = None,
    encoding: EncodingOpt = None,
) -> None:
    """Group a column's distinct spellings into entities, one row per spelling."""
    from translit.dataset.runner import cluster as cluster_file

    if len(column) != 1:
        raise UsageError("cluster takes one --column")
    cluster_file(
        file,
        column[0],
        output=output,
        min_score=min_score,
        style=style,
        gazetteer=gazetteer or [],
        fmt=fmt,
        encoding=encoding,
    )


register_translate(app)


def run() -> None:
    """The ``translit`` program: :data:`app` behind the one place that reports errors."""
    run_app(app)


if __name__ == "__main__":  # pragma: no cover
    run()
