"""Files: the input is never overwritten, outputs are atomic, ``--in-place`` keeps a backup,
and the exit code says what went wrong (0 ok, 1 data error, 2 usage error)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from tests.dataset.conftest import InstallNormalizer
from tests.dataset.fakes import CountingNormalizer

runner = CliRunner()
CSV = "id,name\n007,Tokayev\n008,\n"
OUT = (
    "id,name,name_normalized,name_key,name_entity,name_method\n"
    "007,Tokayev,Tokayev,tokayev,Q1,gazetteer\n"
    "008,,,,,\n"
)


def run(app: typer.Typer, args: list[str]) -> tuple[int, str, str]:
    result = runner.invoke(app, ["normalize", *args])
    return result.exit_code, result.stdout, result.stderr


def test_in_place_replaces_the_file_and_keeps_a_backup(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    src.write_text(CSV)
    os.chmod(src, 0o640)
    code, out, err = run(app, [str(src), "-c", "name", "--in-place"])
    assert (code, out, err) == (0, "", "")
    assert src.read_text() == OUT
    assert (tmp_path / "people.csv.bak").read_text() == CSV
    assert src.stat().st_mode & 0o777 == 0o640  # the replaced file's mode is kept
    assert sorted(p.name for p in tmp_path.iterdir()) == ["people.csv", "people.csv.bak"]


def test_in_place_on_error_leaves_the_file_alone(app: typer.Typer, tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    src.write_text("id,name\n1,a\n2,b,c\n")
    code, _, err = run(app, [str(src), "-c", "name", "--in-place"])
    assert code == 1 and "malformed row at line 3" in err
    assert src.read_text() == "id,name\n1,a\n2,b,c\n"
    assert [p.name for p in tmp_path.iterdir()] == ["people.csv"]  # no backup, no temp


@pytest.mark.parametrize("how", ["same", "relative", "hardlink", "symlink"])
def test_output_onto_the_input_is_refused(
    app: typer.Typer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    src = tmp_path / "people.csv"
    src.write_text(CSV)
    target = str(src)
    if how == "relative":
        monkeypatch.chdir(tmp_path)
        target = "./people.csv"
    elif how == "hardlink":
        os.link(src, tmp_path / "other.csv")
        target = str(tmp_path / "other.csv")
    elif how == "symlink":
        (tmp_path / "link.csv").symlink_to(src)
        target = str(tmp_path / "link.csv")
    code, _, err = run(app, [str(src), "-c", "name", "-o", target])
    assert code == 2
    assert "would overwrite the input" in err and "--in-place" in err
    assert src.read_text() == CSV


def test_an_existing_output_is_replaced_only_on_success(app: typer.Typer, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    out.write_text("old\n")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,name\n1,a\n2,b,c\n")
    code, _, _ = run(app, [str(bad), "-c", "name", "-o", str(out)])
    assert code == 1
    assert out.read_text() == "old\n"  # a failed run leaves the old output
    good = tmp_path / "good.csv"
    good.write_text(CSV)
    code, _, _ = run(app, [str(good), "-c", "name", "-o", str(out)])
    assert code == 0
    assert out.read_text() == OUT
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.csv", "good.csv", "out.csv"]


def test_a_normalizer_crash_leaves_no_output(tmp_path: Path, app_with: InstallNormalizer) -> None:
    class Broken(CountingNormalizer):
        def __call__(self, names: object) -> list[object]:  # type: ignore[override]
            raise RuntimeError("boom")

    src = tmp_path / "in.csv"
    src.write_text(CSV)
    out = tmp_path / "out.csv"
    result = runner.invoke(
        app_with(Broken()), ["normalize", str(src), "-c", "name", "-o", str(out)]
    )
    assert isinstance(result.exception, RuntimeError)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.csv"]


def test_several_files_into_a_folder(app: typer.Typer, tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text(CSV)
    (tmp_path / "b.csv").write_text("name,x\nTokayev,1\n")
    dest = tmp_path / "out"
    dest.mkdir()
    code, _, _ = run(
        app, [str(tmp_path / "a.csv"), str(tmp_path / "b.csv"), "-c", "name", "-o", str(dest)]
    )
    assert code == 0
    assert (dest / "a.csv").read_text() == OUT
    assert (dest / "b.csv").read_text().splitlines()[1] == "Tokayev,Tokayev,tokayev,Q1,gazetteer,1"


def test_one_normalization_per_distinct_name_across_files(
    tmp_path: Path, app_with: InstallNormalizer
) -> None:
    counting = CountingNormalizer()
    for name in ("a.csv", "b.csv"):
        (tmp_path / name).write_text("name\nTokayev\nAlmaty\nTokayev\n")
    dest = tmp_path / "out"
    dest.mkdir()
    result = runner.invoke(
        app_with(counting),
        [
            "normalize",
            str(tmp_path / "a.csv"),
            str(tmp_path / "b.csv"),
            "-c",
            "name",
            "-o",
            str(dest),
        ],
    )
    assert result.exit_code == 0
    assert sorted(counting.seen) == ["Almaty", "Tokayev"]


# Each case: arguments (with {src} for a good CSV input, {tmp} for the folder), exit code.
EXIT_CODES = [
    (["{src}", "-c", "name"], 0),
    (["{src}", "-c", "name", "-o", "{tmp}/o.parquet"], 0),
    (["{src}", "-c", "nope"], 1),  # data: no such column
    (["{tmp}/bad.csv", "-c", "name"], 1),  # data: malformed row
    (["{tmp}/empty.csv", "-c", "name"], 1),  # data: empty file
    (["{src}"], 2),  # usage: no column named
    (["{tmp}/none.csv", "-c", "name"], 2),  # usage: no such file
    (["{src}", "-c", "name", "--format", "yaml"], 2),  # usage: unknown format
    (["{src}", "-c", "name", "-o", "{src}"], 2),  # usage: would overwrite the input
    (["{src}", "-c", "name", "--in-place", "-o", "{tmp}/x.csv"], 2),  # usage: both
    (["{src}", "{src}", "-c", "name"], 2),  # usage: several files to one output
    (["{src}", "-c", "name", "-o", "-", "--format", "parquet"], 1),  # data: not Parquet
    (["{src}", "-c", "name", "-o", "{tmp}/o.xlsx", "--skip-bad-rows"], 0),
]


@pytest.mark.parametrize(("args", "code"), EXIT_CODES)
def test_exit_codes(app: typer.Typer, tmp_path: Path, args: list[str], code: int) -> None:
    (tmp_path / "in.csv").write_text(CSV)
    (tmp_path / "bad.csv").write_text("id,name\n1,a,b\n")
    (tmp_path / "empty.csv").write_text("")
    values = [a.format(src=tmp_path / "in.csv", tmp=tmp_path) for a in args]
    got, _, err = run(app, values)
    assert got == code, err
    if code:
        assert len(err.strip().splitlines()) == 1 and err.startswith("translit: error: ")
    else:
        assert "error" not in err


def test_a_writer_with_nothing_to_do_syncs_what_it_wrote(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from translit._util import atomic

    synced: list[int] = []
    real = getattr(os, "fdatasync", os.fsync)

    def sync(fd: int) -> None:
        synced.append(os.fstat(fd).st_size)
        real(fd)

    monkeypatch.setattr(atomic, "SYNC_EVERY", 1000)
    monkeypatch.setattr(os, "fdatasync", sync, raising=False)
    target = tmp_path / "out.bin"
    with atomic.atomic_output(target) as pending:
        for size in (600, 600, 300, 1200):
            pending.stream.write(b"x" * size)
            pending.sync_written()
        pending.stream.close()  # a writer may close the stream
        pending.sync_written()
    assert synced == [1200, 2700]  # each time 1000 bytes or more were new
    assert target.read_bytes() == b"x" * 2700
    assert [p.name for p in tmp_path.iterdir()] == ["out.bin"]


def test_the_threaded_pipeline_syncs_while_it_waits(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from translit._util import atomic
    from translit.dataset import csvio, pipeline
    from translit.dataset.columns import NameCache
    from translit.dataset.pipeline import normalize_file

    monkeypatch.setattr(csvio, "DEFAULT_BLOCK_SIZE", 2048)
    monkeypatch.setattr(pipeline, "PIECE_ROWS", 37)
    monkeypatch.setattr(atomic, "SYNC_EVERY", 4096)
    calls: list[int] = []
    real = atomic.PendingFile.sync_written

    def counted(self: atomic.PendingFile) -> None:
        calls.append(self.synced)
        real(self)

    monkeypatch.setattr(atomic.PendingFile, "sync_written", counted)
    src = tmp_path / "in.csv"
    src.write_text("i,name\n" + "".join(f"{i},name {i % 211}\n" for i in range(3000)))
    target = tmp_path / "out.csv"
    normalize_file(str(src), str(target), ["name"], NameCache(CountingNormalizer()))
    assert calls  # the writer had nothing to do now and then
    assert target.read_text().count("\n") == 3001
