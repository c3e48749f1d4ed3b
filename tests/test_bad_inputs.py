"""The bad-input corpus: every broken workspace or record in ``tests/bad_inputs/`` must
give the messages its ``case.yaml`` lists — each on its own line with file, line or field
and what was expected — exit non-zero, raise an ``ArchplanError`` from the Python API, and
never print a traceback or hang. Cases marked ``exit: 0`` are common, unambiguous quirks
(a byte-order mark, CRLF, Shift_JIS from Excel, full-width digits…) that must be read
correctly, and said.

A case folder holds ``case.yaml`` (description, command, expected exit, expected message
fragments, edits to apply to the food-lab example, files to remove or append to) and
optionally ``files/`` with whole files to drop into the workspace.
"""

from __future__ import annotations

import functools
import re
import shutil
import string
import time
from pathlib import Path

import pytest
import yaml

from archplan import ArchplanError, WorkspaceError, load_workspace
from archplan.cli import main
from archplan.messages import MESSAGES
from archplan.workspace import check_workspace
from archplan.workspace.language import workspace_language

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "bad_inputs"
EXAMPLE = HERE.parent / "data" / "examples" / "food-lab"
CASES = sorted(p for p in CORPUS.iterdir() if (p / "case.yaml").is_file())

#: The prefix of a notice line: the CLI speaks the workspace's language (the corpus is
#: built on a Japanese workspace; a broken archplan.yaml falls back to English).
NOTE = ("note: ", "注意：")


def _pattern(template: str) -> re.Pattern[str]:
    """A catalogue entry as a regular expression, its placeholders matching anything."""
    parts = []
    for literal, field, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(".*")
    return re.compile("".join(parts) + "$")


#: The command's own lines around the problems (in either language: the CLI speaks the
#: workspace's, and food-lab is Japanese); problems themselves stay as the loader words them.
OWN_LINES = [
    _pattern(MESSAGES[key][lang])
    for key in (
        "cli_note",
        "cli_warning",
        "cli_problems",
        "cli_ok",
        "cv_check_ok_with",
        "cli_nothing_written",
    )
    for lang in ("en", "ja")
]
NOTE_PREFIXES = tuple(MESSAGES["cli_note"][lang].split("{")[0] for lang in ("en", "ja"))


def build_case(case: Path, dest: Path) -> dict[str, object]:
    """The food-lab example with the case's changes applied, in ``dest``."""
    spec = yaml.safe_load((case / "case.yaml").read_text(encoding="utf-8"))
    shutil.copytree(EXAMPLE, dest)
    for name in spec.get("remove", []):
        (dest / name).unlink()
    for edit in spec.get("edits", []):
        path = dest / edit["file"]
        text = path.read_text(encoding="utf-8")
        assert edit["replace"] in text, f"{case.name}: {edit['replace']!r} not in {edit['file']}"
        path.write_text(text.replace(edit["replace"], edit["with"], 1), encoding="utf-8")
    for name, extra in spec.get("append", {}).items():
        path = dest / name
        path.write_text(path.read_text(encoding="utf-8") + extra, encoding="utf-8")
    if (case / "files").is_dir():
        for src in (case / "files").rglob("*"):
            if src.is_file():
                target = dest / src.relative_to(case / "files")
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(src, target)
    if spec.get("generate"):
        gen = spec["generate"]
        line = b"# padding line of a file that is far too large\n"
        data = line * (gen["size"] // len(line) + 1)
        (dest / gen["file"]).write_bytes(data[: gen["size"]])
    return spec


def test_the_corpus_is_large_enough() -> None:
    assert len(CASES) >= 60
    broken = [c for c in CASES if yaml.safe_load((c / "case.yaml").read_text("utf-8"))["exit"]]
    assert len(broken) >= 60


def _english(spec: dict[str, object], ws: Path) -> list[str]:
    """The problems and notices of a case in English, as ``str(problem)`` words them (the
    corpus's fragments are English; the command line speaks the workspace's language)."""
    if spec["command"] == "check":
        problems, notices = check_workspace(ws)
        return [str(p) for p in problems] + [NOTE[0] + n for n in notices]
    from archplan import decisions

    try:
        result = decisions.check_log(load_workspace(ws))
    except WorkspaceError as exc:
        return [str(p) for p in exc.problems]
    return [str(p) for p in result.problems] + [NOTE[0] + n for n in result.notes]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_bad_input(case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    ws = tmp_path / "ws"
    spec = build_case(case, ws)
    start = time.perf_counter()
    if spec["command"] == "check":
        code = main(["check", str(ws)])
    else:
        code = main(["adr", "check", "-w", str(ws)])
    elapsed = time.perf_counter() - start
    out = capsys.readouterr()
    lines = (out.out + out.err).splitlines()
    assert elapsed < 20, f"took {elapsed:.1f} s"
    assert "Traceback" not in out.out + out.err
    assert code == spec["exit"], "\n".join(lines)
    english = _english(spec, ws) + lines
    for fragment in spec.get("expect", []):
        assert any(fragment in line for line in english), (fragment, english)
    for fragment in spec.get("notices", []):
        assert any(line.startswith(NOTE_PREFIXES) and fragment in line for line in english), (
            fragment,
            english,
        )
    # Every problem line names its file first ("file:line: field: message (expected …)",
    # in Japanese "file:line：field：message（…）").
    problem_lines = [ln for ln in lines if ln.strip() and not any(p.match(ln) for p in OWN_LINES)]
    if spec["command"] == "check":
        for ln in problem_lines:
            assert re.split("[:：]", ln)[0].endswith((".yaml", ".csv", ".md")), ln
        # The Python API says the same, as an ArchplanError; in English, each problem
        # says what was expected.
        if spec["exit"]:
            with pytest.raises(WorkspaceError) as info:
                load_workspace(ws)
            assert isinstance(info.value, ArchplanError)
            assert len(info.value.problems) == len(problem_lines)
            for p in info.value.problems:
                assert "(expected " in str(p), p
                assert p.render("en") == str(p)
            # The error's own message is in the workspace's language.
            lang = workspace_language(ws)
            assert info.value.language == lang
            assert str(info.value) == info.value.render(lang)
        else:
            load_workspace(ws)


# --- the language of the problems ------------------------------------------------------
#
# The corpus is built on food-lab, a Japanese workspace: `archplan check` must print its
# problems with no English that archplan wrote. What the user wrote stays as written and
# is taken out before the scan: quoted values ('titel'), every key and value of the case's
# YAML and CSV files, the workspace's own strings, and the file format's vocabulary (the
# keys and words of the JSON Schemas, e.g. the category names in "(expected one of …)").

#: Cases still printing English archplan wrote in a Japanese workspace, and why. A ratchet:
#: a listed case that becomes clean fails the test (take it off the list), and an unlisted
#: case with English fails it too.
STILL_ENGLISH: set[str] = set()


def _vocabulary() -> set[str]:
    """The file format's own words: every key and enum word of the workspace schemas."""
    from archplan.workspace.schema.export import MODELS, json_schema

    words: set[str] = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "properties" and isinstance(v, dict):
                    words.update(v)
                if k == "enum" and isinstance(v, list):
                    words.update(str(w) for w in v)
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    for fname in MODELS:
        walk(json_schema(fname))
    return words


def _written(ws: Path) -> set[str]:
    """Every key and value of the case's YAML and CSV files, as written."""
    import csv

    from test_i18n import _strings

    out: set[str] = set()
    for path in ws.rglob("*"):
        if not path.is_file() or path.suffix not in (".yaml", ".csv", ".md"):
            continue
        if path.stat().st_size > 1_000_000:  # refused unread by archplan: nothing quoted
            continue
        raw = path.read_bytes()
        text = raw.decode("utf-8", "replace") if b"\0" not in raw else ""
        if path.suffix == ".csv":
            out |= {c.strip() for row in csv.reader(text.splitlines()) for c in row}
            continue
        body = text
        if path.suffix == ".md":
            parts = text.split("---", 2)
            body = parts[1] if len(parts) == 3 else ""
            out |= set(re.findall(r"[^\s|()\[\]「」（）、。:：]+", text))
        try:
            data = yaml.safe_load(body)
        except yaml.YAMLError:
            out |= set(re.findall(r"[A-Za-z_][\w.-]*", body))
            continue
        out |= {s.strip() for s in _strings(data)} | {str(k) for k in _keys(data)}
    return out


def _keys(data: object) -> set[object]:
    """Every mapping key, each shared node visited once (an alias bomb stays small)."""
    keys: set[object] = set()
    seen: set[int] = set()
    stack = [data]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        if isinstance(node, dict):
            keys.update(node)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return keys


#: Names of formats and encodings, and literals of the file formats, that a Japanese
#: message names as they are (Shift_JIS, UTF-8, CRLF, YAML's true/false, FOCUS's column
#: names, MADR's section headings and statuses, the date pattern YYYY-MM-DD, the key
#: rates: of actuals.yaml).
FORMAT_WORDS = re.compile(
    r"YAML|BOM|CRLF|Windows|Shift_JIS|cp932|UTF-8|YYYY-MM-DD|(?<![A-Za-z])(?:true|false)(?![A-Za-z])"
    r"|FOCUS|NPV|EAC|TOML"
    r"|BillingCurrency|BilledCost|Context And Problem Statement|Considered Options"
    r"|Decision Outcome|rates:"
    r"|proposed|accepted|rejected|deprecated|superseded by"  # MADR's statuses
)
#: Paths (decisions/0002-x.md) and hyphenated ids (windows-server-core, 23h2-ac); the
#: syntax item:<id> and risk:<id> of correlations is taken out too.
CODE_LIKE = re.compile(r"(?:[\w.-]+/)+[\w.-]*|[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)+")


def _archplans_text(lines: list[str], ws: Path) -> str:
    """The command's output with the user's words taken out."""
    from test_i18n import archplans_words

    text = "\n".join(lines).replace(str(ws), " ")
    text = re.sub(r"'[^'\n]*'", " ", text)  # values quoted as written
    text = CODE_LIKE.sub(" ", text.replace("item:<id>", " ").replace("risk:<id>", " "))
    supplied = {s for s in _example_strings() | _written(ws) | VOCABULARY if s and s in text}
    left = archplans_words(text.replace("<", "‹"), ws, supplied)
    return FORMAT_WORDS.sub(" ", left)


VOCABULARY = _vocabulary()


@functools.cache
def _example_strings() -> frozenset[str]:
    from test_i18n import _supplied

    return frozenset(_supplied(load_workspace(EXAMPLE)))


def _check_output(case: Path, ws: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    spec = build_case(case, ws)
    if spec["command"] == "check":
        main(["check", str(ws)])
    else:
        main(["adr", "check", "-w", str(ws)])
    out = capsys.readouterr()
    return (out.out + out.err).splitlines()


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_a_japanese_workspace_gets_its_problems_in_japanese(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_i18n import JAPANESE, english_words

    ws = tmp_path / "ws"
    lines = _check_output(case, ws, capsys)
    left = _archplans_text(lines, ws)
    if workspace_language(ws) == "en":
        # archplan.yaml unreadable (missing, empty, binary …) or its language invalid:
        # archplan speaks English, and none of it is Japanese.
        assert JAPANESE.findall(left) == [], left
        return
    found = english_words(left)
    if case.name in STILL_ENGLISH:
        assert found, f"{case.name} is clean now: take it off STILL_ENGLISH"
    else:
        assert found == [], f"{found}\n" + "\n".join(lines)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_an_english_workspace_gets_no_japanese(
    case: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from test_i18n import JAPANESE

    ws = tmp_path / "ws"
    spec = build_case(case, ws)
    settings = ws / "archplan.yaml"
    if settings.is_file():
        raw = settings.read_bytes()
        settings.write_bytes(raw.replace(b"language: ja", b"language: en"))
    if spec["command"] == "check":
        main(["check", str(ws)])
    else:
        main(["adr", "check", "-w", str(ws)])
    out = capsys.readouterr()
    lines = (out.out + out.err).splitlines()
    # The unit of a ledger's amounts is named as its header declares it (円, 千円).
    left = _archplans_text(lines, ws).replace("千円", " ").replace("円", " ")
    assert JAPANESE.findall(left) == [], (left, lines)


# --- the mechanism ---------------------------------------------------------------------


def test_every_problem_entry_has_the_same_placeholders_in_both_languages() -> None:
    formatter = string.Formatter()
    entries = {k: v for k, v in MESSAGES.items() if k.startswith("prob_")}
    assert len(entries) > 150
    for key, entry in entries.items():
        en = {f for _, f, _, _ in formatter.parse(entry["en"]) if f is not None}
        ja = {f for _, f, _, _ in formatter.parse(entry["ja"]) if f is not None}
        assert en == ja, key
        # Translated, in the catalogue's Japanese style: full-width brackets, not " (".
        assert entry["ja"] != entry["en"], key
        assert " (" not in entry["ja"] and "(expected" not in entry["ja"], key


def test_str_of_a_problem_is_its_english_rendering_unchanged() -> None:
    from archplan.errors import Phrase, Problem

    p = Problem("archplan.yaml", 2, "titel", "unknown key 'titel'", "one of title, language")
    assert str(p) == (
        "archplan.yaml:2: titel: unknown key 'titel' (expected one of title, language)"
    )
    assert p.render("en") == str(p)
    assert (
        p.render("ja") == "archplan.yaml:2：titel：不明なキー'titel'（title, languageのいずれか）"
    )
    # A declared Japanese expectation (a schema field's) is used as it is.
    q = Problem(
        "a.yaml", None, None, "'x' is not a number", "a rate", expected_text=Phrase("a rate", "率")
    )
    assert str(q) == "a.yaml: 'x' is not a number (expected a rate)"
    assert q.render("ja") == "a.yaml：'x'は数値ではない（率）"
    # Equality ignores the translations: the same problem, however it can be rendered.
    assert q == Problem("a.yaml", None, None, "'x' is not a number", "a rate")


def test_the_users_words_stay_as_written() -> None:
    from archplan.messages import localize

    # A quoted value that happens to read like an archplan message is not translated.
    assert localize("unknown key 'a list'", "ja") == "不明なキー'a list'"
    assert localize("unknown option 'unknown option'", "ja") == "不明な選択肢'unknown option'"
    # Text no entry gives back exactly stays English (and the corpus scan would say so).
    assert localize("something archplan never says", "ja") == "something archplan never says"
    # A CSV cell's row and column are the user's ids.
    assert localize("row option, column a list", "ja") == "行option・列a list"


def test_the_workspace_error_speaks_the_workspace_language(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    path = ws / "options.yaml"
    path.write_text(path.read_text("utf-8").replace("name:", "nmae:", 1), "utf-8")
    with pytest.raises(WorkspaceError) as info:
        load_workspace(ws)
    err = info.value
    assert err.language == "ja"
    assert "不明なキー'nmae'" in str(err) and "unknown key" not in str(err)
    assert "unknown key 'nmae'" in err.render("en")
    settings = ws / "archplan.yaml"
    settings.write_text(
        settings.read_text("utf-8").replace("language: ja", "language: en"), "utf-8"
    )
    with pytest.raises(WorkspaceError) as info:
        load_workspace(ws)
    assert info.value.language == "en"
    assert str(info.value) == info.value.render("en")
    assert "unknown key 'nmae'" in str(info.value)
    settings.unlink()  # no settings: English
    with pytest.raises(WorkspaceError) as info:
        load_workspace(ws)
    assert info.value.language == "en"


def test_full_width_numbers_in_yaml_and_look_alike_marks_are_read_and_said(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    plain = load_workspace(ws)
    assumptions = ws / "assumptions.yaml"
    text = assumptions.read_text("utf-8")
    assert "    value: 12000\n" in text
    assumptions.write_text(
        text.replace("    value: 12000\n", "    value: １２０００\n", 1), "utf-8"
    )
    scores = ws / "scores.csv"
    rows = scores.read_text("utf-8").splitlines()
    at = next(i for i, r in enumerate(rows) if "○" in r)
    rows[at] = rows[at].replace("○", "◯", 1)  # U+25EF LARGE CIRCLE for U+25CB WHITE CIRCLE
    scores.write_text("\n".join(rows) + "\n", "utf-8")
    # Read as the same numbers …
    changed = load_workspace(ws)
    assert changed.assumptions == plain.assumptions
    assert changed.scores.equals(plain.scores)
    # … and said, in English through the API and in the workspace's language on the CLI.
    problems, notices = check_workspace(ws)
    assert problems == []
    assert any(
        n.startswith("assumptions.yaml:10: assumptions.saas_price_per_user_month.value: ")
        and n.endswith("'１２０００' read as 12000 (full-width digits or separators)")
        for n in notices
    ), notices
    assert any(
        n.startswith(f"scores.csv:{at + 1}: row ") and n.endswith("'◯' read as the mark ○")
        for n in notices
    ), notices
    assert main(["check", str(ws)]) == 0
    out = capsys.readouterr().out
    assert (
        "注意：assumptions.yaml:10：assumptions.saas_price_per_user_month.value：'１２０００'を12000として読んだ（全角の数字または桁区切り）"
        in out
    )
    assert "'◯'を記号○として読んだ" in out


def test_a_number_where_the_cost_items_belong_is_a_problem_not_a_traceback(
    tmp_path: Path,
) -> None:
    """Found by writing bad values everywhere: ``items: -1`` once crashed the check of
    percent_of references (it iterated over the number)."""
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLE, ws)
    (ws / "costs.yaml").write_text("items: -1\n", encoding="utf-8")
    problems, _ = check_workspace(ws)
    assert str(problems[0]) == (
        "costs.yaml:1: items: -1 where a list of cost items belongs "
        "(expected a list of cost items, each starting with '- ')"
    )
