"""Japanese throughout: what archplan itself prints in a Japanese workspace is Japanese,
down to the words it passes on from libraries (PyYAML's syntax errors, the UTF-8 decoder's
reasons) and the labels it gives fields and columns."""

from __future__ import annotations

import pytest

from archplan.errors import Problem
from archplan.messages import MESSAGES, Localized, localize
from archplan.workspace._yaml import load_yaml
from archplan.workspace.yaml_words import yaml_problem
from test_i18n import JAPANESE, english_words

#: Broken YAML of every kind a person writes by hand (unclosed brackets, a bad indent, a
#: colon in a value, an unclosed quote, tabs, stray characters, two documents, …).
BROKEN_YAML = [
    "a: [1, 2\nb: 3\n",
    "a: 1\n b: 2\n",
    "a:\n  - 1\n  b: 2\n",
    "a: 'x\n",
    'a: "x\\q"\n',
    "a: @x\n",
    "a: *nope\n",
    "- a\nb: 1\n",
    "a: b: c\n",
    "key\nother: 1\n",
    "a: {b: 1\n",
    "a: 1\n---\nb: 2\n",
    "a: |0\n  x\n",
    "%YAML 1.1\n%YAML 1.1\n---\na: 1\n",
    "%YAML 2.0\n---\na: 1\n",
    "a: &x 1\nb: &x 2\n",
    "a: `x`\n",
    'a: "\\x4"\n',
    "a: [b, c]]\n",
    "a: }\n",
    "a: 'it''s\n---\n'",
    "a: 1\n- b\n",
    "a:\n  b: 1\n c: 2\n",
]


def _words(text: str) -> list[str]:
    return [w for w in english_words(text.replace("YAML", " ")) if w.lower() != "yaml"]


@pytest.mark.parametrize("text", BROKEN_YAML)
def test_yaml_syntax_errors_are_said_in_japanese(text: str) -> None:
    _, problems = load_yaml(text, "costs.yaml")
    assert problems, text
    for p in problems:
        ja = p.render("ja")
        # The user's quoted characters and names stay ('@', 'nope'); nothing else English.
        unquoted = "".join(ja.removeprefix("costs.yaml").split("'")[::2])
        assert _words(unquoted) == [], ja
        assert JAPANESE.search(ja), ja
        assert str(p).startswith("costs.yaml"), p  # English stays PyYAML's own words
        assert "(expected valid YAML)" in str(p)


def test_a_yaml_problem_keeps_its_detail() -> None:
    assert yaml_problem("expected ',' or ']', but got ':'", "ja") == (
        "','か']'があるべき所に':'がある"
    )
    assert yaml_problem("expected <block end>, but found '?'", "ja") == (
        "ブロックの終わり（インデントの戻り）があるべき所に次のキーがある"
    )
    assert yaml_problem("expected ',' or '}', but got '<stream end>'", "ja") == (
        "','か'}'があるべき所にファイルの終わりがある"
    )
    # A wording PyYAML may add one day: said without its detail, never in English.
    unknown = yaml_problem("found a brand new kind of trouble", "ja")
    assert _words(unknown) == [] and JAPANESE.search(unknown)
    assert yaml_problem("found a brand new kind of trouble", "en") == (
        "found a brand new kind of trouble"
    )


def test_every_pyyaml_wording_has_a_reading() -> None:
    """Every problem text in PyYAML's scanner, parser and composer that a hand-written
    file can cause is matched by an entry, so none falls back to the bare notice."""
    import inspect
    import re

    import yaml.composer
    import yaml.parser
    import yaml.scanner

    src = "".join(inspect.getsource(m) for m in (yaml.scanner, yaml.parser, yaml.composer))
    said = r'"((?:expected|found|could not|mapping|sequence|but found)[^"]*)"'
    found = set(re.findall(said, src))
    fallback = MESSAGES["jt_yaml_unreadable"]["ja"]
    unread = []
    for text in sorted(found):
        if text.startswith("found non-specific tag") or "tag" in text.split(",")[0]:
            continue  # tags: refused before this with their own message
        sample = text.replace("%r", "'x'").replace("%d", "2").replace("%s", "x")
        if yaml_problem(sample, "ja") == fallback:
            unread.append(sample)
    assert unread == [], unread
    assert len(found) > 30


@pytest.mark.parametrize(
    ("data", "said"),
    [
        (b"# \x83\x65\x83\x58\x83\x67", "ファイルの2バイト目を解読できない"),
        ("# 決定".encode()[:-1], "ファイルの5バイト目を解読できない"),
        (b"# \xe6\x41", "ファイルの2バイト目を解読できない"),
    ],
)
def test_a_record_not_in_utf8_says_why_in_japanese(data: bytes, said: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from archplan.decisions.records import read_record_text

    path = tmp_path / "0001-x.md"
    path.write_bytes(data)
    _, problem = read_record_text(path, "decisions/0001-x.md")
    assert problem is not None
    ja = problem.render("ja")
    rest = ja.removeprefix("decisions/0001-x.md").replace("UTF-8", " ").replace("Markdown", " ")
    assert said in ja and _words(rest) == [], ja
    assert "cannot be decoded" in str(problem) and problem.line == 1


def test_a_label_archplan_gives_a_field_is_said_in_the_readers_language() -> None:
    p = Problem(
        "decisions/0001-x.md",
        2,
        "front matter",
        "front matter is not a mapping",
        field_text=Localized("jt_fld_front_matter"),
    )
    assert p.render("ja").startswith("decisions/0001-x.md:2：フロントマター：")
    assert str(p).startswith("decisions/0001-x.md:2: front matter: ")
    # A field path the user wrote stays as written.
    q = Problem("costs.yaml", 3, "items[0].quantity", "a list is not a number")
    assert "items[0].quantity" in q.render("ja")


# --- the command line's --help ---------------------------------------------------------


def _all_help(language: str) -> dict[str, str]:
    """Every (sub)command's --help text, as printed, in ``language``."""
    from archplan.cli import build_parser
    from archplan.cli_help import localize_parser, parsers

    return {p.prog: p.format_help() for p in parsers(localize_parser(build_parser(), language))}


def test_every_help_text_has_a_japanese_entry() -> None:
    import argparse

    from archplan.cli import build_parser
    from archplan.cli_help import parsers
    from archplan.messages import template

    known = {template(k, "en") for k in MESSAGES if k.startswith("clih_")}
    missing = []
    for p in parsers(build_parser()):
        texts = [p.description] + [a.help for a in p._actions]
        for a in p._actions:
            if isinstance(a, argparse._SubParsersAction):
                texts += [c.help for c in a._choices_actions]
        missing += [t for t in texts if t and t is not argparse.SUPPRESS and t not in known]
    assert missing == [], f"add clih_ entries to messages.py for: {missing}"


def test_the_japanese_help_has_no_english_archplan_wrote() -> None:
    import re

    helps = _all_help("ja")
    commands = {w for prog in helps for w in prog.split()}  # report, adr, new, …
    assert len(helps) >= 20  # archplan, check, report, …, adr new, adr list, …, eol update
    for prog, text in helps.items():
        # What stays as written: the usage line's options, metavars and command names,
        # option flags, file names, code words quoted in the help ("--all", "NAME.md").
        body = "\n".join(ln for ln in text.splitlines() if not ln.startswith("使い方"))
        body = re.sub(r"\{[^}]*\}|--?[\w-]+|[\w./-]+\.(?:md|yaml|csv|ipynb|xlsx|html)", " ", body)
        body = re.sub(r"(?m)^\s+[\w{},.-]+(?=\s{2,}|$)", " ", body)  # the argument named
        body = re.sub(r"\b[A-Z][A-Z_]+\b", " ", body)  # metavars: OUTPUT_DIR, FILE
        words = [
            w
            for w in _words(body)
            if w not in commands
            and w
            not in {
                "archplan",
                "MADR",
                "Mermaid",
                "CSV",
                "HTML",
                "Excel",
                "JSON",
                "Schema",
                "git",
                "ja",
                "en",
                "out",
                "schema",
                "adr",
                "tools",
                "log4brains",
                "endoflife",
                "date",
                "products",
                "NAME",
                "YYYY",
                "MM",
                "DD",
                "ipynb",
                "log",
                "brains",
                "new",
                "list",
                "status",
                "supersede",
                "check",
                "index",
                "import",
                "proposed",
                "accepted",
                "rejected",
                "deprecated",
                "N",
                "xlsx",
            }
        ]
        assert words == [], (prog, words, text)
        assert text.splitlines()[0].startswith("使い方: "), text


def test_the_english_help_is_unchanged_and_has_no_japanese() -> None:
    from archplan.cli import build_parser

    helps = _all_help("en")
    assert helps["archplan"] == build_parser().format_help()
    for prog, text in helps.items():
        assert JAPANESE.findall(text) == [], prog


def test_help_follows_the_workspace_the_lang_option_and_the_locale(
    tmp_path,
    monkeypatch,
    capsys,  # type: ignore[no-untyped-def]
) -> None:
    from pathlib import Path

    from archplan.cli import main
    from archplan.cli_help import help_language

    food_lab = str(Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "C.UTF-8")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    with pytest.raises(SystemExit):
        main(["check", food_lab, "--help"])
    out = capsys.readouterr().out
    assert out.startswith("使い方: archplan check") and "ワークスペースのフォルダ" in out
    assert help_language(["--help"], tmp_path) == "en"
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert help_language(["--help"], tmp_path) == "ja"
    assert help_language(["new", "x", "--lang", "en", "-h"], tmp_path) == "en"
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    assert help_language(["--help"], tmp_path) == "en"
    # A usage error in a Japanese workspace is headed in Japanese too.
    with pytest.raises(SystemExit):
        main(["check"])
    assert "usage:" in capsys.readouterr().err


# --- comparisons: two options under min–max, must-have-only criteria -----------------


def _food_lab(tmp_path, edit=None):  # type: ignore[no-untyped-def]
    import shutil
    from pathlib import Path

    ws = tmp_path / "ws"
    shutil.copytree(Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab", ws)
    for name, old, new in edit or []:
        text = (ws / name).read_text(encoding="utf-8")
        assert old in text, (name, old)
        (ws / name).write_text(text.replace(old, new, 1), encoding="utf-8")
    return ws


#: onprem fails the data-residency must-have too: two options are left to rank.
TWO_LEFT = [("scores.csv", "onprem,◎,", "onprem,×,")]
#: residency becomes a must-have-only criterion (a gate).
GATE = [
    ("criteria.yaml", "    weight: 10\n    must: {not: [×]}", "    weight: 0\n    must: {not: [×]}")
]


def _by_hand_minmax(values: list[float], cost: bool) -> list[float]:
    lo, hi = min(values), max(values)
    return [((hi - v) if cost else (v - lo)) / (hi - lo) if hi > lo else 0.0 for v in values]


def test_two_options_under_minmax_are_all_or_nothing_and_said(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from archplan import load_workspace
    from archplan.cli import main
    from archplan.compare import build_problem, rank
    from archplan.compare.advice import comparison_warnings
    from archplan.report.comparison import comparison_section

    ws = load_workspace(_food_lab(tmp_path, TWO_LEFT))
    problem = build_problem(ws)
    assert list(problem.matrix.index) == ["saas", "gov-cloud"]
    # The defect said: with two options every normalised value is 0 or 1 (by hand).
    for c in problem.matrix.columns:
        col = [float(v) for v in problem.matrix[c]]
        assert set(_by_hand_minmax(col, bool(problem.cost[c]))) <= {0.0, 1.0}
    ranking = rank(problem)
    assert len(ranking.table) == 2
    warnings = comparison_warnings(ws)
    assert len(warnings) == 1 and "最小最大法" in warnings[0]
    assert "検査情報管理SaaSの利用" in warnings[0] and "最大値法" in warnings[0]
    # archplan check says it, in Japanese, as a warning …
    assert main(["check", str(tmp_path / "ws")]) == 0
    out = capsys.readouterr().out
    assert "警告：順位付けの対象が2案" in out
    # … and so do the report's comparison notes.
    html = str(comparison_section(ws))
    assert "順位付けの対象が2案" in html
    # An English workspace gets it in English.
    (tmp_path / "ws" / "archplan.yaml").write_text(
        (tmp_path / "ws" / "archplan.yaml")
        .read_text("utf-8")
        .replace("language: ja", "language: en"),
        encoding="utf-8",
    )
    en = comparison_warnings(load_workspace(tmp_path / "ws"))
    assert en[0].startswith("Only two options are ranked") and not JAPANESE.search(
        en[0].replace("検査情報管理SaaSの利用", "").replace("ガバメントクラウド上での独自構築", "")
    )


def test_three_options_or_max_normalisation_get_no_warning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from archplan import load_workspace
    from archplan.compare import build_problem, workspace_method
    from archplan.compare.advice import comparison_warnings

    assert comparison_warnings(load_workspace(_food_lab(tmp_path))) == []
    max_norm = (
        "archplan.yaml",
        "currency: JPY",
        "currency: JPY\ncomparison:\n  normalization: max",
    )
    ws = load_workspace(_food_lab(tmp_path / "b", [*TWO_LEFT, max_norm]))
    assert len(build_problem(ws).matrix) == 2
    assert getattr(workspace_method(ws), "normalization", None) == "max"
    assert comparison_warnings(ws) == []


def test_a_must_have_only_criterion_is_shown_as_a_gate(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import re

    from archplan import load_workspace
    from archplan.compare import build_problem, stability_intervals
    from archplan.compare.advice import gate_criteria
    from archplan.report.comparison import comparison_section, sensitivity_section

    ws = load_workspace(_food_lab(tmp_path, GATE))
    problem = build_problem(ws)
    assert gate_criteria(problem) == ["residency"]
    assert "overseas-saas" in problem.excluded.index  # the gate still knocks out
    # What the defect showed: a 0 % weight and a 0–100 % interval.
    stab = stability_intervals(problem)
    assert stab.loc["residency", "weight"] == 0.0
    comparison = str(comparison_section(ws))
    row = re.search(r"<tr><t[hd][^>]*>データの国内保管.*?</tr>", comparison)
    assert row is not None
    assert "足切りのみ" in row.group(0) and "0.0%" not in row.group(0)
    sensitivity = str(sensitivity_section(ws))
    table = sensitivity.split('class="ap-table ap-stability"')[1].split("</table>")[0]
    assert "データの国内保管" not in table and "セキュリティ" in table
    assert "データの国内保管は足切りだけに使う評価項目" in sensitivity
    # A weighted must-have (food-lab as shipped) stays a weighted criterion.
    assert gate_criteria(build_problem(load_workspace(_food_lab(tmp_path / "c")))) == []


# --- errors the command line prints ---------------------------------------------------


def test_command_errors_are_in_the_workspace_language(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    import re

    from archplan.cli import main
    from archplan.workspace.scaffold import new_workspace

    ja, en = tmp_path / "ja", tmp_path / "en"
    new_workspace(ja, "ja")
    new_workspace(en, "en")
    commands = [
        ["adr", "status", "1", "maybe", "-w", "{ws}"],
        ["adr", "status", "9", "accepted", "-w", "{ws}"],
        ["adr", "supersede", "9", "新しい方式", "-w", "{ws}"],
        ["adr", "import", str(tmp_path / "nowhere"), "-w", "{ws}"],
        ["report", "{ws}"],
        ["export", "{ws}"],
        ["history", "-w", "{ws}"],
        ["actuals", "{ws}"],
        ["timing", "{ws}", "--as-of", "soon"],
    ]
    for command in commands:
        for ws, language in ((ja, "ja"), (en, "en")):
            argv = [a.replace("{ws}", str(ws)) for a in command]
            assert main(argv) == 1, argv
            err = capsys.readouterr().err.strip()
            assert err.startswith("archplan: "), (argv, err)
            said = re.sub(r"/[A-Za-z0-9_./-]+", " ", err.removeprefix("archplan: "))  # paths
            if language == "ja":
                assert JAPANESE.search(said), (argv, err)
                rest = "".join(said.split("'")[::2])  # quoted values stay as written
                allowed = {
                    "archplan",
                    "decisions",
                    "history",
                    "record",
                    "actuals",
                    "yaml",
                    "docs",
                    "md",
                    "proposed",
                    "accepted",
                    "rejected",
                    "deprecated",
                    "superseded",
                    "YYYY",
                    "MM",
                    "DD",
                    "all",
                    "xlsx",
                    "csv",
                    "as",
                    "of",
                    "ja",
                    "en",
                }
                assert [w for w in _words(rest) if w not in allowed] == [], (argv, err)
            else:
                assert not JAPANESE.search(said.replace("新しい方式", "")), (argv, err)
    # archplan new speaks the language it is asked for.
    assert main(["new", str(ja)]) == 1
    assert "既にある" in capsys.readouterr().err
    assert main(["new", str(ja), "--lang", "en"]) == 1
    assert "already exists" in capsys.readouterr().err


def test_the_comparison_notes_have_no_english_in_a_japanese_report(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from archplan import load_workspace
    from archplan.report.comparison import comparison_section, sensitivity_section
    from test_i18n import archplans_words

    root = _food_lab(tmp_path, TWO_LEFT + GATE)
    ws = load_workspace(root)
    page = str(comparison_section(ws)) + str(sensitivity_section(ws))
    assert "順位付けの対象が2案" in page and "足切りのみ" in page
    assert english_words(archplans_words(page, root)) == []


def test_usage_errors_follow_the_language(tmp_path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    from pathlib import Path

    from archplan.cli import main

    food_lab = str(Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "C.UTF-8")
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    cases = [
        (["check", food_lab, "extra"], "解釈できない引数：extra", "unrecognized arguments: extra"),
        (["report", food_lab, "--jobs", "x"], "引数--jobs：'x'は整数ではない", "invalid int value"),
        (["report", food_lab, "--jobs"], "引数--jobs：値が1つ必要", "expected one argument"),
        (["adr", "status", "1", "-w", food_lab], "次の引数が必要：status", "are required: status"),
    ]
    for argv, ja, en in cases:
        with pytest.raises(SystemExit) as info:
            main(argv)
        assert info.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith("使い方: archplan") and ja in err and "：エラー：" in err, err
        # Without a Japanese workspace, locale or --lang: argparse's English, unchanged.
        english = [a if a != food_lab else str(tmp_path) for a in argv]
        with pytest.raises(SystemExit):
            main(english)
        err = capsys.readouterr().err
        assert err.startswith("usage: archplan") and en in err and ": error: " in err, err


def test_a_number_grouped_with_commas_says_how_to_write_it(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """YAML reads 2,400 as text: the problem says to drop the commas, in both languages."""
    from archplan.workspace.fields import _decimal

    with pytest.raises(ValueError, match="write it without the commas, as 2400") as err:
        _decimal("2,400")
    assert localize(str(err.value), "ja") == "'2,400'は数値ではない。カンマを除いて2400と書く"
    with pytest.raises(ValueError, match=r"write it without the commas, as -1234567\.5"):
        _decimal("-1,234,567.5")
    with pytest.raises(ValueError) as plain:  # not grouped by thousands: no such hint
        _decimal("2,40")
    assert str(plain.value) == "'2,40' is not a number"
