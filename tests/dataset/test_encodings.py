"""Encodings and compression (issue 15, defect 6): BOMs kept or honoured, .gz and .zst both ways."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

pa = pytest.importorskip("pyarrow")

runner = CliRunner()
TEXT = "id,name\n007,Тоқаев\n008,\n"


def run(app: typer.Typer, args: list[str], stdin: bytes | None = None) -> tuple[int, bytes, str]:
    result = runner.invoke(app, ["normalize", *args], input=stdin)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout_bytes, result.stderr


@pytest.mark.parametrize("out_name", ["out.csv", "out.tsv", None])
def test_a_utf8_bom_is_kept(app: typer.Typer, tmp_path: Path, out_name: str | None) -> None:
    src = tmp_path / "in.csv"
    src.write_bytes(b"\xef\xbb\xbf" + TEXT.encode())
    args = [str(src), "-c", "name"] + (["-o", str(tmp_path / out_name)] if out_name else [])
    code, out, err = run(app, args)
    assert code == 0, err
    written = (tmp_path / out_name).read_bytes() if out_name else out
    assert written.startswith(b"\xef\xbb\xbfid")
    assert written.count(b"\xef\xbb\xbf") == 1


def test_no_bom_in_no_bom_out(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    src.write_text(TEXT, encoding="utf-8")
    code, out, _ = run(app, [str(src), "-c", "name"])
    assert code == 0 and out.startswith(b"id,name,")


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32", "utf-32-be"])
@pytest.mark.parametrize("stdin", [False, True])
def test_utf16_and_utf32_with_a_bom_are_read(
    app: typer.Typer, tmp_path: Path, codec: str, stdin: bool
) -> None:
    data = TEXT.encode(codec)
    if not codec.endswith("16") and not codec.endswith("32"):
        bom = "\ufeff".encode(codec)
        data = bom + data
    src = tmp_path / "in.csv"
    src.write_bytes(data)
    if stdin:
        code, out, err = run(app, ["-", "-c", "name"], stdin=data)
    else:
        code, out, err = run(app, [str(src), "-c", "name"])
    assert code == 0, err
    lines = out.decode("utf-8").splitlines()
    assert lines[0].startswith("id,name,name_normalized")
    assert lines[1].startswith("007,Тоқаев,") and lines[2].startswith("008,,")


def test_utf16_jsonl(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_bytes(json.dumps({"name": "Тоқаев"}, ensure_ascii=False).encode("utf-16") + b"")
    code, out, err = run(app, [str(src), "-c", "name"])
    assert code == 0, err
    assert json.loads(out)["name"] == "Тоқаев"


@pytest.mark.parametrize("src_ext", [".csv.gz", ".csv.zst", ".tsv.gz", ".jsonl.zst"])
@pytest.mark.parametrize("out_ext", [".csv.gz", ".jsonl.zst", ".csv"])
def test_compressed_input_and_output(
    app: typer.Typer, tmp_path: Path, src_ext: str, out_ext: str
) -> None:
    fmt = src_ext.split(".")[1]
    rows = [("007", "Тоқаев"), ("008", "")] * 500
    if fmt == "jsonl":
        plain = "".join(json.dumps({"id": i, "name": n}) + "\n" for i, n in rows).encode()
    else:
        sep = "\t" if fmt == "tsv" else ","
        plain = ("id" + sep + "name\n" + "".join(f"{i}{sep}{n}\n" for i, n in rows)).encode()
    src = tmp_path / f"in{src_ext}"
    codec = "gzip" if src_ext.endswith(".gz") else "zstd"
    with pa.output_stream(str(src), compression=codec) as sink:
        sink.write(plain)
    out = tmp_path / f"out{out_ext}"
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(out)])
    assert code == 0, err
    if out_ext.endswith(".gz"):
        assert out.read_bytes()[:2] == b"\x1f\x8b"
        text = gzip.decompress(out.read_bytes()).decode()
    elif out_ext.endswith(".zst"):
        assert out.read_bytes()[:4] == b"\x28\xb5\x2f\xfd"
        with pa.input_stream(str(out), compression="zstd") as stream:
            text = stream.read().decode()
    else:
        text = out.read_text(encoding="utf-8")
    lines = text.splitlines()
    assert len(lines) == len(rows) + (0 if out_ext.startswith(".jsonl") else 1)
    assert "Тоқаев" in lines[-2]
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([src.name, out.name])


def test_unclosed_quote_in_a_compressed_file(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "in.csv.gz"
    src.write_bytes(gzip.compress(b'id,name\n1,"abc\n2,x\n3,y\n'))
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / "o.csv")])
    assert code == 1 and "unclosed quote" in err and "record 2" in err


@pytest.mark.parametrize("name", ["x.parquet.gz", "x.xlsx.zst"])
def test_compressed_parquet_or_excel_is_refused(
    app: typer.Typer, tmp_path: Path, name: str
) -> None:
    src = tmp_path / "in.csv"
    src.write_text(TEXT, encoding="utf-8")
    code, _, err = run(app, [str(src), "-c", "name", "-o", str(tmp_path / name)])
    assert code == 2 and "cannot be compressed" in err
