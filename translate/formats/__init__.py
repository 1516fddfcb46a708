"""Document formats: plain text, Markdown, HTML, SRT, JSONL and CSV/TSV."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from translate.errors import DocumentFormatError
from translate.formats.base import Parsed, Unit
from translate.formats.html import parse_html
from translate.formats.markdown import parse_markdown
from translate.formats.srt import looks_like_srt, parse_srt
from translate.formats.tabular import parse_csv, parse_jsonl
from translate.formats.text import parse_text

FORMATS = ("auto", "text", "markdown", "html", "srt", "jsonl", "csv", "tsv", "docx")
_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "markdown",
    ".markdown": "markdown",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".srt": "srt",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
    ".tsv": "tsv",
    ".docx": "docx",
}
#: Signatures of binary documents, for the "unsupported format" message.
_MAGIC = (
    (b"%PDF", "PDF"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office document"),
    (b"{\\rtf", "RTF"),
)
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html[\s>]|<(?:body|div|p|h[1-6])[\s>])", re.I)


def supported() -> str:
    """The formats, with their file extensions, for messages."""
    by_format: dict[str, list[str]] = {}
    for ext, fmt in _EXTENSIONS.items():
        by_format.setdefault(fmt, []).append(ext)
    return ", ".join(f"{fmt} ({' '.join(exts)})" for fmt, exts in by_format.items())


def binary_format(data: bytes, path: Path | None, fmt: str) -> str | None:
    """``docx`` when the input is a Word document to read as bytes, else None (text).

    Raises DocumentFormatError ``unsupported format: X; supported: ...`` for input that
    is neither text nor a Word document (a PDF, a spreadsheet, a legacy ``.doc``).
    """
    from translate.formats.docx import is_docx

    suffix = path.suffix.lower() if path is not None else ""
    if fmt == "docx" or (fmt == "auto" and (suffix == ".docx" or is_docx(data))):
        if not is_docx(data):
            raise DocumentFormatError(f"{path or 'standard input'}: not a Word (.docx) document")
        return "docx"
    if fmt != "auto" or suffix in _EXTENSIONS:
        return None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        head = data[:8192]
        magic = next((kind for start, kind in _MAGIC if head.startswith(start)), None)
        kind = suffix or magic or ("binary data" if b"\x00" in head else None)
        if kind is None:
            return None  # text with a bad byte: the caller says where
        raise DocumentFormatError(f"unsupported format: {kind}; supported: {supported()}") from None
    return None


def detect_format(text: str, path: Path | None = None) -> str:
    """The format of a document, from its file extension or else its first bytes."""
    if path is not None and path.suffix.lower() in _EXTENSIONS:
        return _EXTENSIONS[path.suffix.lower()]
    if _HTML_START.match(text):
        return "html"
    if looks_like_srt(text):
        return "srt"
    return "text"


def parse_document(
    text: str,
    fmt: str,
    columns: Sequence[str] = (),
    add_suffix: str | None = None,
) -> Parsed:
    """Parse ``text`` in format ``fmt`` (not ``auto``: call :func:`detect_format` first)."""
    if fmt == "text":
        return parse_text(text)
    if fmt == "markdown":
        return parse_markdown(text)
    if fmt == "html":
        return parse_html(text)
    if fmt == "srt":
        return parse_srt(text)
    if fmt == "jsonl":
        return parse_jsonl(text, columns, add_suffix)
    if fmt in ("csv", "tsv"):
        return parse_csv(text, columns, "\t" if fmt == "tsv" else None, add_suffix)
    raise DocumentFormatError(f"unknown format {fmt!r} (choose from {', '.join(FORMATS)})")


def output_suffix(fmt: str) -> str:
    """File extension for output files of ``fmt``."""
    return {
        "text": ".txt",
        "markdown": ".md",
        "html": ".html",
        "srt": ".srt",
        "jsonl": ".jsonl",
        "csv": ".csv",
        "tsv": ".tsv",
        "docx": ".docx",
    }[fmt]


__all__ = [
    "FORMATS",
    "Parsed",
    "Unit",
    "binary_format",
    "detect_format",
    "output_suffix",
    "parse_document",
    "supported",
]
