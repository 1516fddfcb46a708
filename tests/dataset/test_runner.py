"""The dataset runner (translit.dataset.runner): options checked before any work, errors raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.dataset.fakes import CountingNormalizer
from translit.dataset.runner import cluster, normalize_files
from translit.errors import UsageError

CSV = "id,name\n1,Tokayev\n2,Almaty\n"


@pytest.mark.parametrize(
    ("files", "columns", "options", "message"),
    [
        (["{a}"], [], {}, "name the column"),
        (["{a}"], ["name"], {"fmt": "yaml"}, "unknown format 'yaml'"),
        (["{a}", "{b}"], ["name"], {"rejects": "r.csv"}, "--rejects takes one input file"),
        (["{a}"], ["name"], {"in_place": True, "output": "o.csv"}, "cannot be used together"),
        (["-"], ["name"], {"in_place": True}, "--in-place needs files"),
        (["{a}", "{b}"], ["name"], {"output": "o.csv"}, "several input files need -o DIRECTORY"),
    ],
)
def test_bad_options_are_usage_errors_before_any_work(
    tmp_path: Path, files: list[str], columns: list[str], options: dict[str, object], message: str
) -> None:
    for name in ("a", "b"):
        (tmp_path / f"{name}.csv").write_text(CSV, encoding="utf-8")
    paths = [f.format(a=tmp_path / "a.csv", b=tmp_path / "b.csv") for f in files]
    counting = CountingNormalizer()
    with pytest.raises(UsageError, match=message):
        normalize_files(paths, columns, normalizer=counting, **options)  # type: ignore[arg-type]
    assert counting.batches == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_each_file_is_reported_and_its_messages_passed_on(tmp_path: Path) -> None:
    source = tmp_path / "a.csv"
    source.write_text(CSV, encoding="utf-8")
    (tmp_path / "a.csv.bak").write_text("an older backup\n", encoding="utf-8")
    said: list[str] = []
    reports = normalize_files(
        [str(source)], ["name"], in_place=True, normalizer=CountingNormalizer(), notify=said.append
    )
    assert [r.rows for r in reports] == [2]
    assert said == reports[0].messages and said[0].endswith(
        "the original is kept as " + str(tmp_path / "a.csv.bak.1")
    )
    assert (tmp_path / "a.csv.bak.1").read_text(encoding="utf-8") == CSV


@pytest.mark.parametrize("score", [-0.1, 1.5])
def test_cluster_refuses_a_score_outside_0_1(tmp_path: Path, score: float) -> None:
    with pytest.raises(UsageError, match="--min-score must be between 0 and 1"):
        cluster(str(tmp_path / "a.csv"), "name", min_score=score, normalizer=CountingNormalizer())
