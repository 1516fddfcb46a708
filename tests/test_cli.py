"""The command line through Typer's CliRunner: arguments, pipes, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cli import app

runner = CliRunner()


def run(args: list[str], input: bytes | str | None = None) -> tuple[int, str, str]:
    result = runner.invoke(app, args, input=input)
    return result.exit_code, result.stdout, result.stderr


def test_romanize_arguments() -> None:
    code, out, _ = run(["romanize", "--scheme", "rferl", "Қасым-Жомарт Тоқаев", "Назарбаев"])
    assert code == 0
    assert out == "Qasym-Zhomart Toqaev\nNazarbaev\n"


def test_romanize_stdin_one_line_per_line_in_order() -> None:
    lines = ["Тоқаев", "", "Токаев", "Tokayev", "  ", "ЖАҢА"]
    code, out, _ = run(["romanize", "-s", "bgn-pcgn"], input="\n".join(lines) + "\n")
    assert code == 0
    assert out.split("\n")[:-1] == ["Toqaev", "", "Tokayev", "Tokayev", "  ", "ZHANGA"]


def test_romanize_stdin_without_final_newline() -> None:
    code, out, _ = run(["romanize", "-s", "rferl"], input="Тоқаев\nАқтау")
    assert code == 0
    assert out == "Toqaev\nAqtau\n"


def test_lang_override() -> None:
    _, out, _ = run(["romanize", "-s", "bgn-pcgn", "--lang", "kk", "Токаев"])
    assert out == "Tokaev\n"


def test_reverse() -> None:
    code, out, _ = run(["romanize", "--reverse", "-s", "iso9", "Tokaev"])
    assert code == 0 and out == "Токаев\n"


def test_invalid_utf8_and_nul_pass_through() -> None:
    raw = b"\xd0\xa2\xd0\xbe\xd2\x9b\xd0\xb0\xd0\xb5\xd0\xb2 \xff\xfe\n\x00\xd0\x96\n"
    result = runner.invoke(app, ["romanize", "-s", "rferl"], input=raw)
    assert result.exit_code == 0
    assert result.stdout_bytes == b"Toqaev \xff\xfe\n\x00Zh\n"


def test_unicode_line_separators_do_not_split_lines() -> None:
    text = "Тоқаев\u2028Назарбаев\x0bАқтау\x1c\n"
    _, out, _ = run(["romanize", "-s", "rferl"], input=text)
    assert out == "Toqaev\u2028Nazarbaev\x0bAqtau\x1c\n"


def test_very_long_line_and_emoji() -> None:
    line = ("Тоқаев 😀 " * 5000).strip()
    code, out, _ = run(["romanize", "-s", "rferl"], input=line + "\n")
    assert code == 0
    assert out == ("Toqaev 😀 " * 5000).strip() + "\n"


def test_unknown_scheme_one_line_error() -> None:
    code, out, err = run(["romanize", "-s", "nope", "Тоқаев"])
    assert code == 2  # a usage error
    assert out == ""
    assert err.count("\n") == 1 and "unknown scheme 'nope'" in err and "rferl" in err
    assert "Traceback" not in err


def test_unknown_language_is_a_usage_error() -> None:
    code, _, err = run(["romanize", "--lang", "xx", "Тоқаев"])
    assert code == 2
    assert "xx" in err


def test_not_reversible_error() -> None:
    code, _, err = run(["romanize", "--reverse", "-s", "rferl", "Toqaev"])
    assert code == 2 and "not reversible" in err


def test_schemes_table_and_json() -> None:
    code, out, _ = run(["schemes"])
    assert code == 0
    header = out.splitlines()[0].split()
    assert header == ["id", "language", "standard", "reversible"]
    assert any(line.startswith("kz-2021") for line in out.splitlines())
    code, out, _ = run(["schemes", "--format", "json", "--lang", "kk"])
    rows = json.loads(out)
    assert {r["language"] for r in rows} == {"kk"}
    assert {"rferl", "official", "kz-2021"} <= {r["id"] for r in rows}


@pytest.mark.parametrize(
    ("text", "lang"), [("Тоқаев", "kk"), ("Токаев", "ru"), ("Tokayev", "und"), ("", "und")]
)
def test_detect(text: str, lang: str) -> None:
    code, out, _ = run(["detect"], input=text + "\n")
    assert code == 0 and out == lang + "\n"


def test_version_and_help() -> None:
    code, out, _ = run(["--version"])
    assert code == 0 and out.startswith("translit ")
    code, out, _ = run(["--help"])
    assert code == 0 and "romanize" in out


def test_normalize_csv_file_end_to_end(tmp_path: object) -> None:
    from pathlib import Path

    src = Path(str(tmp_path)) / "in.csv"
    src.write_text("id,name\n007,Tokajew\n008,\n009,Бақытжан Төреғожина\n", encoding="utf-8")
    out = Path(str(tmp_path)) / "out.csv"
    code, _, err = run(["normalize", str(src), "--column", "name", "-s", "rferl", "-o", str(out)])
    assert code == 0, err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "id,name,name_normalized,name_key,name_entity,name_method"
    assert lines[1].startswith("007,Tokajew,Toqaev,")  # a bare surname: no entity
    assert lines[2].startswith("008,,")
    assert "Baqytzhan Toreghozhina" in lines[3] and len(lines) == 4
    assert src.read_text(encoding="utf-8").startswith("id,name\n007,Tokajew")


def test_normalize_jobs_gives_the_same_file(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    names = ["Tokajew", "Бақытжан Төреғожина", "Petrov Ivan", "", "Nasarbajew"] * 40
    src.write_text("id,name\n" + "".join(f"{i},{n}\n" for i, n in enumerate(names)), "utf-8")
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.csv"
        code, _, err = run(["normalize", str(src), "-c", "name", "-o", str(out), "--jobs", jobs])
        assert code == 0, err
        outputs.append(out.read_bytes())
    assert outputs[0] == outputs[1] and outputs[0].count(b"\n") == len(names) + 1
    code, _, err = run(["normalize", str(src), "-c", "name", "--jobs", "0"])
    assert code == 2 and "--jobs" in err


def test_an_unwritable_replacement_list_is_a_one_line_error(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text("Tokayev met Nazarbayev.\n", encoding="utf-8")
    target = tmp_path / "missing" / "replacements.jsonl"
    code, _, err = run(["normalize", "--text", str(report), "--list-replacements", str(target)])
    assert code == 1
    assert err.strip() == f"translit: error: cannot write {target}: No such file or directory"


def test_cluster_groups_spellings() -> None:
    code, out, _ = run(["cluster", "data/samples/names.csv", "--column", "name"])
    assert code == 0
    rows = [line.split(",") for line in out.splitlines()[1:]]
    full = ("Kassym-Jomart Tokayev", "Қасым-Жомарт Тоқаев", "TOKAYEV KASSYM-JOMART")
    assert len({r[1] for r in rows if r[0] in full}) == 1
    # spellings of the bare surname meet each other, not the full name
    bare = {r[1] for r in rows if r[0] in ("Tokajew", "Tokaïev")}
    assert len(bare) == 1 and bare.isdisjoint({r[1] for r in rows if r[0] in full})


def test_normalize_file_skip_bad_rows_with_rejects_file(tmp_path: Path) -> None:
    source = tmp_path / "in.csv"
    source.write_text('name,id\nҚасым-Жомарт Тоқаев,1\n"broken,2\n', encoding="utf-8")
    out, rejects = tmp_path / "out.csv", tmp_path / "bad.csv"
    args = ["normalize", str(source), "--column", "name", "-o", str(out)]
    args += ["--skip-bad-rows", "--rejects", str(rejects), "--no-progress"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("name,name_normalized")
    assert lines[1].startswith("Қасым-Жомарт Тоқаев,Kassym-Jomart Tokayev")
    assert len(lines) == 2
    assert "broken" in rejects.read_text(encoding="utf-8")


def test_jsonl_lists_the_candidates_of_a_bare_surname() -> None:
    # the open-world names issue: a lone surname is linked to no one, but the
    # gazetteer's bearers of it are listed apart
    code, out, _ = run(["normalize", "-f", "jsonl", "Масимов", "Karim Massimov"])
    assert code == 0
    bare, full = (json.loads(line) for line in out.splitlines())
    assert bare["entity"] is None and full["entity"] in bare["candidates"]
    assert full["candidates"] == []


def _same_file(tmp_path: Path, src: Path, how: str) -> Path:
    if how == "same":
        return src
    other = tmp_path / f"other{src.suffix}"
    if how == "symlink":
        other.symlink_to(src)
    else:
        other.hardlink_to(src)
    return other


@pytest.mark.parametrize("how", ["same", "symlink", "hardlink"])
@pytest.mark.parametrize(
    ("name", "content", "extra"),
    [
        ("a.txt", "Сәлем әлем.\n", []),
        ("a.html", "<p>Сәлем әлем.</p>\n", []),
        ("a.csv", "id,text\n1,Сәлем әлем.\n", ["-c", "text"]),
    ],
)
def test_translate_refuses_to_overwrite_its_input(
    tmp_path: Path, name: str, content: str, extra: list[str], how: str
) -> None:
    """The same check as normalize's: exit 2, the input untouched (hard links count)."""
    src = tmp_path / name
    src.write_text(content, encoding="utf-8")
    out = _same_file(tmp_path, src, how)
    args = ["translate", "--model", "demo", "-q", "--no-cache", str(src), "-o", str(out), *extra]
    code, _, err = run(args)
    assert code == 2, err
    assert "would overwrite the input" in err and err.count("\n") == 1
    assert src.read_text(encoding="utf-8") == content


def test_translate_refuses_a_report_over_its_input(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text("Сәлем.\n", encoding="utf-8")
    code, _, err = run(
        ["translate", "--model", "demo", "-q", "--no-cache", str(src), "--report", str(src)]
    )
    assert code == 2 and "would overwrite the input" in err
    assert src.read_text(encoding="utf-8") == "Сәлем.\n"


@pytest.mark.parametrize("how", ["symlink", "hardlink"])
def test_normalize_refuses_a_link_to_its_input(tmp_path: Path, how: str) -> None:
    src = tmp_path / "in.csv"
    src.write_text("id,name\n1,Tokayev\n", encoding="utf-8")
    out = _same_file(tmp_path, src, how)
    code, _, err = run(["normalize", str(src), "-c", "name", "-o", str(out)])
    assert code == 2 and "would overwrite the input" in err and "--in-place" in err
    assert src.read_text(encoding="utf-8") == "id,name\n1,Tokayev\n"


@pytest.mark.parametrize(
    "args",
    [
        ["romanize", "-s", "nope", "x"],
        ["romanize", "-s", "nope"],  # before standard input is read
        ["normalize", "-s", "nope", "x"],
        ["normalize", "-s", "nope", "data/samples/names.csv", "-c", "name"],
        ["cluster", "data/samples/names.csv", "-c", "name", "-s", "nope"],
        ["romanize", "--lang", "xx", "x"],
        ["normalize", "--format", "xml", "x"],
        ["match", "only-one"],
    ],
    ids=" ".join,
)
def test_usage_errors_exit_2(args: list[str]) -> None:
    code, _, err = run(args, input="Тоқаев\n")
    assert code == 2, err
    assert "Traceback" not in err


@pytest.mark.parametrize(
    "command",
    [[], ["romanize"], ["normalize"], ["match"], ["translate"], ["cache"], ["cache", "info"]],
    ids=" ".join,
)
def test_dash_h_is_help(command: list[str]) -> None:
    code, out, _ = run([*command, "-h"])
    assert code == 0 and "Usage:" in out


@pytest.mark.parametrize(
    ("command", "field", "value"),
    [
        (["romanize", "-s", "rferl"], "output", "Toqaev"),
        (["key"], "key", "tokaev"),  # a bare surname: no entity
        (["detect"], "language", "kk"),
    ],
)
def test_line_commands_write_json_and_jsonl(command: list[str], field: str, value: str) -> None:
    code, out, _ = run([*command, "--format", "jsonl"], input="Тоқаев\n\n")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert len(records) == 2
    assert records[0] == {"input": "Тоқаев", field: value}
    code, out, _ = run([*command, "-f", "json", "Тоқаев"])
    assert code == 0 and json.loads(out) == [{"input": "Тоқаев", field: value}]


def test_match_reads_tab_separated_pairs() -> None:
    pairs = "Tokayev\tТоқаев\nNazarbayev\tTokayev\n"
    code, out, _ = run(["match"], input=pairs)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].split("\t")[:2] == ["1.000", "same"]
    assert lines[1].split("\t")[1] == "different"
    code, out, _ = run(["match", "-f", "json"], input=pairs)
    assert [json.loads(line)["same"] for line in out.splitlines()] == [True, False]
    code, _, err = run(["match"], input="Tokayev\tТоқаев\nno tab here\n")
    assert code == 1 and "line 2" in err


def test_variants_reads_names_from_stdin() -> None:
    code, out, _ = run(["variants"], input="Tokayev\nАлматы\n")
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert "Тоқаев" in lines[0].split("\t") and "Almaty" in lines[1].split("\t")
    code, out, _ = run(["variants", "-f", "json"], input="Tokayev\n")
    record = json.loads(out)
    assert record["input"] == "Tokayev" and record["variants"][0]["spelling"]


def test_f_means_format_everywhere() -> None:
    """Every command with an -f option means --format by it (translate's was --from)."""
    from typer.main import get_command

    group = get_command(app)
    commands = group.commands  # type: ignore[attr-defined]
    found = 0
    for name, command in commands.items():
        for param in command.params:
            if "-f" in param.opts:
                assert "--format" in param.opts, name
                found += 1
    assert found >= 8


def test_scores_print_rounded() -> None:
    import translit

    result = translit.match("Tokayev", "Tokaev")
    code, out, _ = run(["match", "-f", "json", "Tokayev", "Tokaev"])
    assert code == 0 and json.loads(out)["score"] == round(result.score, 3)
    code, out, _ = run(["normalize", "-f", "jsonl", "Tokayev", "Nurlan Ivanov"])
    assert code == 0 and out.count("\n") == 2
    for line in out.splitlines():
        for value in json.loads(line).values():
            if isinstance(value, float):
                assert value == round(value, 3)


def _report(tmp_path: Path) -> Path:
    report = tmp_path / "report.txt"
    report.write_text("Tokayev met Nursultan Nazarbayev in Alma-Ata.\n", encoding="utf-8")
    return report


@pytest.mark.parametrize(
    "extra",
    [
        ["--in-place"],
        ["--format", "jsonl"],
        ["extra.txt"],
        ["--column", "name"],
        ["--skip-bad-rows"],
        ["--encoding", "latin-1"],
        ["--jobs", "2"],
    ],
    ids=" ".join,
)
def test_text_rejects_options_it_cannot_honour(tmp_path: Path, extra: list[str]) -> None:
    report = _report(tmp_path)
    code, out, err = run(["normalize", "--text", str(report), *extra])
    assert code == 2, err
    assert (out == "" and extra[0].split("=")[0] in err) or "arguments" in err


@pytest.mark.parametrize(
    "extra", [["--in-place"], ["--skip-bad-rows"], ["--rejects", "r.csv"], ["--jobs", "2"]]
)
def test_names_reject_file_options(extra: list[str]) -> None:
    code, out, err = run(["normalize", "Tokayev", *extra])
    assert code == 2 and out == "" and extra[0] in err


def test_names_and_text_honour_output(tmp_path: Path) -> None:
    out = tmp_path / "names.txt"
    _, expected, _ = run(["normalize", "-s", "rferl", "Тоқаев", "Назарбаев"])
    code, stdout, err = run(["normalize", "-s", "rferl", "Тоқаев", "Назарбаев", "-o", str(out)])
    assert code == 0, err
    assert stdout == "" and out.read_text(encoding="utf-8") == expected
    assert expected.count("\n") == 2
    report = _report(tmp_path)
    rewritten = tmp_path / "rewritten.txt"
    code, stdout, err = run(["normalize", "--text", str(report), "-o", str(rewritten)])
    assert code == 0, err
    assert stdout == "" and "Tokayev" in rewritten.read_text(encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "names.txt",
        "report.txt",
        "rewritten.txt",
    ]


def test_text_output_over_its_input_is_refused(tmp_path: Path) -> None:
    report = _report(tmp_path)
    code, _, err = run(["normalize", "--text", str(report), "-o", str(report)])
    assert code == 2 and "would overwrite the input" in err
    assert report.read_text(encoding="utf-8").startswith("Tokayev met")


def test_list_replacements_dash_is_standard_output(tmp_path: Path) -> None:
    report = _report(tmp_path)
    rewritten = tmp_path / "out.txt"
    args = ["normalize", "--text", str(report), "-o", str(rewritten), "--list-replacements", "-"]
    code, out, err = run(args)
    assert code == 0, err
    records = [json.loads(line) for line in out.splitlines()]
    assert "Almaty" in [r["replacement"] for r in records]
    assert not (Path.cwd() / "-").exists()
    code, _, err = run(["normalize", "--text", str(report), "--list-replacements", "-"])
    assert code == 2 and "-o FILE" in err
    code, _, err = run(["normalize", "Tokayev", "--list-replacements", "r.jsonl"])
    assert code == 2 and "--text" in err


def test_cluster_refuses_two_columns() -> None:
    code, out, err = run(["cluster", "data/samples/names.csv", "-c", "name", "-c", "name"])
    assert code == 2 and out == "" and "one --column" in err


def test_second_in_place_keeps_the_first_backup(tmp_path: Path) -> None:
    src = tmp_path / "in.csv"
    original = "id,name\n1,Tokajew\n"
    src.write_text(original, encoding="utf-8")
    code, _, err = run(["normalize", str(src), "-c", "name", "--in-place"])
    assert code == 0, err
    first = src.read_text(encoding="utf-8")
    # The second run works on another column of the first run's output.
    code, _, err = run(["normalize", str(src), "-c", "id", "--in-place"])
    assert code == 0, err
    assert (tmp_path / "in.csv.bak").read_text(encoding="utf-8") == original
    assert (tmp_path / "in.csv.bak.1").read_text(encoding="utf-8") == first
    assert "in.csv.bak.1" in err


@pytest.mark.parametrize("path", ["people.csv", "people.csv.gz", "people.tab", "people.xlsm"])
def test_a_data_file_without_a_column_is_a_usage_error(path: str) -> None:
    """Every extension the dataset tools read marks a data file (issue 17: ``.csv.gz``,
    ``.tab`` and ``.xlsm`` were normalized as if they were names)."""
    code, out, err = run(["normalize", path])
    assert code == 2 and out == ""
    assert err == "translit: error: name the column(s) to normalize with --column NAME\n"
