"""scripts/build_devset.py on a small made-up source tree (never the saved sources)."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "build_devset.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_devset", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # (its dataclasses look their module up)
    spec.loader.exec_module(module)
    return module


bd = _load()
UP_COMMIT = "1" * 40


def _csv(path: Path, header: list[str], rows: list[list[str]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    root = tmp_path / "src"
    rada = root / "everypolitician-2015" / "Ukraine" / "Verkhovna_Rada"
    _csv(
        rada / "names.csv",
        ["name", "id"],
        [
            ["Порошенко Олексій Петрович", "p1"],
            ["Oleksij Poroschenko", "p1"],
            ["Бойко Юрій Анатолійович", "p2"],
            ["Бойко Олена Іванівна", "p3"],
            ["Самотній Іван Іванович", "p4"],
        ],
    )
    _csv(
        rada / "sources" / "morph" / "wikidata.csv",
        [
            "id",
            "name__uk",
            "name__ru",
            "name__de",
            "name__ja",
            "name__el",
            "wikipedia__pl",
            "wikipedia__plwikiquote",
            "wikipedia__commons",
        ],
        [
            [
                "Q1",
                "Олексій Порошенко",
                "Порошенко, Алексей Петрович",
                "Oleksij Poroschenko",
                "ポロシェンコ",
                "",
                "Ołeksij Poroszenko (polityk)",
                "Petro Poroszenko",
                "Category:Petro Poroshenko",
            ],
            [
                "Q2",
                "Бойко Юрій Анатолійович",
                "Бойко, Юрий Анатольевич",
                "Jurij Bojko",
                "",
                "Γιούρι Μπόικο",
                "",
                "",
                "",
            ],
        ],
    )
    _csv(
        rada / "sources" / "morph" / "data.csv",
        ["id", "name", "given_name"],
        [["1", "Бойко Олена Іванівна", "Олена"], ["2", "Бойко Олена Іванівна", "Олена"]],
    )
    up = root / "everypolitician-upstream"
    # Upstream gives p1 a second id (one per term): it shares a three-word spelling.
    _csv(
        up / "Ukraine" / "Verkhovna_Rada" / "names.csv",
        ["name", "id"],
        [["Порошенко Олексій Петрович", "p9"], ["Olexij Poroschenko (Politiker)", "p9"]],
    )
    (up / "SOURCES.md").write_text(
        f"| Ukraine/Verkhovna_Rada/names.csv | `{UP_COMMIT}` | 1 | 2 | 1 | 0 | 0 |\n",
        encoding="utf-8",
    )
    other = root / "everypolitician-2015-other"
    _csv(
        other / "Poland" / "Sejm" / "names.csv",
        ["name", "id"],
        [["Andrzej Smirnow", "x1"], ["Jan Kowalski", "x2"], ["Jan Kowalski (polityk)", "x2"]],
    )
    return root


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def _build(sources: Path, out: Path) -> dict[str, list[dict[str, str]]]:
    out.mkdir(parents=True, exist_ok=True)
    (out / "open_world_review.tsv").write_text(
        "name\tdecision\tnote\nAndrzej Smirnow\tyes\tRussian surname in Polish spelling\n",
        encoding="utf-8",
    )
    assert bd.main([str(sources), "--out", str(out)]) == 0
    return {p.stem: _read(p) for p in out.glob("*.tsv")}


def test_build_on_a_small_tree(sources: Path, tmp_path: Path) -> None:
    files = _build(sources, tmp_path / "out")
    rows = files["tune"] + files["measure"]
    by_person: dict[str, dict[str, dict[str, str]]] = {}
    for r in rows:
        by_person.setdefault(r["person"], {})[r["name"]] = r
    # p9 (upstream) merged into p1; p4 (one spelling) dropped; Q2 tied to p2 by its labels;
    # p3's namesake-free official record adds no second spelling, so p3 is dropped too.
    assert set(by_person) == {"p1", "p2"}
    p1 = by_person["p1"]
    # every script is kept: the Japanese label too (each spelling under its script)
    assert {n for n in p1 if p1[n]["script"] not in ("Latin", "Cyrillic")} == {"ポロシェンコ"}
    assert p1["ポロシェンコ"]["script"] == "CJK"
    assert {n for n in p1 if p1[n]["script"] in ("Latin", "Cyrillic")} == {
        "Порошенко Олексій Петрович",
        "Oleksij Poroschenko",
        "Olexij Poroschenko",
        "Олексій Порошенко",
        "Порошенко, Алексей Петрович",
        "Ołeksij Poroszenko",  # a Wikipedia title, its disambiguator removed
    }
    assert p1["Ołeksij Poroszenko"]["conventions"] == "pl"  # not Wikiquote nor Commons
    assert p1["Oleksij Poroschenko"]["conventions"] == "de"
    assert p1["Порошенко, Алексей Петрович"]["form"] == "comma+patr"
    assert p1["Порошенко Олексій Петрович"]["form"] == "surname-first+patr"
    assert p1["Olexij Poroschenko"]["conventions"] == "names:ua"
    sources_tsv = {s["id"]: s for s in files["sources"]}
    upstream = {s["id"] for s in sources_tsv.values() if s["commit"] == UP_COMMIT}
    assert set(p1["Olexij Poroschenko"]["sources"].split(",")) == upstream
    assert all(s["path"].startswith("data/") for s in sources_tsv.values())
    persons = {p["person"]: p for p in files["persons"]}
    assert persons["p1"]["wikidata"] == "Q1" and persons["p1"]["spellings"] == "7"
    assert {p["split"] for p in persons.values()} <= {"tune", "measure"}
    opens = {(o["name"], o["cyrillic_origin"]) for o in files["open_world"]}
    assert opens == {("Andrzej Smirnow", "yes"), ("Jan Kowalski", "no")}


def test_core_build_keeps_latin_and_cyrillic_only(sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "core"
    out.mkdir()
    assert bd.main([str(sources), "--out", str(out), "--core"]) == 0
    rows = _read(out / "tune.tsv") + _read(out / "measure.tsv")
    assert {r["script"] for r in rows} <= {"Latin", "Cyrillic"}
    dropped = {d["reason"]: int(d["count"]) for d in _read(out / "dropped.tsv")}
    assert dropped["spelling in script CJK"] == 1
    assert dropped["spelling in script Greek"] == 1


def test_build_is_deterministic_and_leaves_no_stray_files(sources: Path, tmp_path: Path) -> None:
    first = _build(sources, tmp_path / "a")
    second = _build(sources, tmp_path / "b")
    assert first == second
    names = sorted(p.name for p in (tmp_path / "a").iterdir())
    assert not [n for n in names if n.startswith(".")]
    assert "README.md" in names


def test_missing_sources_is_a_usage_error(tmp_path: Path) -> None:
    assert bd.main([str(tmp_path / "nowhere"), "--out", str(tmp_path / "out")]) == 2
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    ("name", "form"),
    [
        ("Oleksij Poroschenko", "full"),
        ("Порошенко Олексій Петрович", "surname-first+patr"),
        ("Олексій Петрович Порошенко", "full+patr"),
        ("Порошенко, Олексій", "comma"),
        ("AGEEV ALEKSANDR", "full+caps"),
        ("KIRIL BOYANOV KALFIN", "full+middle+caps"),
        ("A. Nazarbayev", "initials"),
        ("Nazarbayev", "single"),
        ("Jevhen Mikolajovics Bakulin", "full+patr"),
    ],
)
def test_form_of(name: str, form: str) -> None:
    assert bd.form_of(name) == form


def test_surname_first_is_learnt_from_the_persons_other_spellings() -> None:
    spellings = [
        ("Aleksandr Ageev", {"en"}),
        ("Aliaksandr Ahiejeu", {"be-tarask"}),
        ("Агеев, Александр Николаевич", {"ru"}),
        ("AGEEV ALEKSANDR", {"official:by"}),
        ("ALEKSANDR AGEEV", {"names:by"}),
    ]
    assert bd.surname_first_names(spellings) == {"AGEEV ALEKSANDR"}
    assert bd.form_of("AGEEV ALEKSANDR", surname_first=True) == "surname-first+caps"


@pytest.mark.parametrize(
    ("text", "script"),
    [
        ("Порошенко", "Cyrillic"),
        ("Oʻzbekiston Ĝemilev", "Latin"),
        ("Викторoвна", "mixed"),  # a Latin o among Cyrillic letters
        ("Γιούρι", "Greek"),
        ("ポロシェンコ", "CJK"),
        ("123", "none"),
    ],
)
def test_script_of(text: str, script: str) -> None:
    assert bd.script_of(text) == script


@pytest.mark.parametrize(
    ("name", "evidence"),
    [
        ("Andrzej Smirnow", "Smirnow"),
        ("Natan Sharansky", "Sharansky"),
        ("Tarja Filatov", "Filatov"),
        ("Ksenia Svetlova", "Ksenia Svetlova"),
        ("Andrew Little", ""),
        ("Jana Petrová", ""),
        ("Zbigniew Ziobro", ""),
        ("Jo", ""),
    ],
)
def test_slavic_evidence(name: str, evidence: str) -> None:
    assert bd.slavic_evidence(name) == evidence


@pytest.mark.parametrize(
    ("a", "form_a", "b", "form_b", "category"),
    [
        ("Hrant Grigoryan", "full", "Rafik Grigoryan", "full", "given-name"),
        (
            "PETROV PLAMEN",
            "surname-first+caps",
            "PETROV VESELIN",
            "surname-first+caps",
            "given-name",
        ),
        ("Ivan Petrov", "full", "Ivan Sidorov", "full", "surname"),
        ("PETROV PLAMEN", "surname-first+caps", "RUSEV PLAMEN", "surname-first+caps", "surname"),
        ("Петров, Иван Ильич", "comma+patr", "Петров, Иван Петрович", "comma+patr", "patronymic"),
        (
            "IVAN DIMOV IVANOV",
            "full+middle+caps",
            "IVAN DIMITROV IVANOV",
            "full+middle+caps",
            "patronymic",
        ),
        ("IVAN TODOROV DIMITROV", "full+middle", "IVAN DIMITROV STOYNOV", "full+middle", "other"),
        ("MARKOV GEORGI", "surname-first+caps", "Georgi Markov", "full", "identical"),
    ],
)
def test_negative_category(a: str, form_a: str, b: str, form_b: str, category: str) -> None:
    x = bd.Row("p1", a, ("x",), "Latin", form_a, ("s1",), "bg", "yes")
    y = bd.Row("p2", b, ("x",), "Latin", form_b, ("s1",), "bg", "yes")
    assert bd.negative_category(x, y) == category


def test_word_roles() -> None:
    assert bd.word_roles("Петров, Иван Ильич", "comma+patr") == ["surname", "given", "patronymic"]
    assert bd.word_roles("AGEEV ALEKSANDR", "surname-first+caps") == ["surname", "given"]
    assert bd.word_roles("Kiril Boyanov Kalfin", "full+middle") == ["given", "middle", "surname"]


def test_tidy() -> None:
    assert bd.tidy("  Jan   Kowalski (polityk) ") == "Jan Kowalski"
    assert bd.tidy("Jose\u0301") == "José"
