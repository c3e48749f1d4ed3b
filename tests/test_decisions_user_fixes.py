"""Decision records as a new user wrote them in a fresh Japanese workspace: a typo in the
chosen option, Japanese status words in ``adr status``, the status's quoting kept, and a
trigger on actuals in a workspace without a ledger (in Japanese, naming the folder)."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from archplan import load_workspace
from archplan.cli import main
from archplan.decisions import check_log, new_record, set_status, supersede
from archplan.errors import InputError, WorkspaceError
from archplan.workspace.scaffold import new_workspace


def _fresh(tmp_path: Path, language: str = "ja") -> tuple[Path, Path]:
    """A new workspace with one record as ``adr new`` writes it (options saas, build)."""
    ws = new_workspace(tmp_path / "庁内基盤", language, today=date(2026, 11, 1))
    record = new_record(load_workspace(ws), "クラウド基盤の選定", today=date(2026, 11, 2))
    return ws, record


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, start: str) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if line.strip().startswith(start))


def test_a_typo_in_the_chosen_option_is_a_located_problem_on_load(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws, record = _fresh(tmp_path)
    _edit(record, "status: proposed", "status: accepted")
    text = record.read_text(encoding="utf-8")
    chosen = re.search(r"^  chosen: (\S+)$", text, re.M)
    assert chosen is not None and chosen.group(1) in ("saas", "build")
    typo = chosen.group(1)[:-1]  # "buil": one letter lost
    _edit(record, f"  chosen: {chosen.group(1)}", f"  chosen: {typo}")
    line = _line_of(record, "chosen:")
    with pytest.raises(WorkspaceError) as err:
        load_workspace(ws)
    problems = [p for p in err.value.problems if p.field == "archplan.chosen"]
    assert len(problems) == 1
    p = problems[0]
    assert p.file.endswith(record.name) and p.line == line
    assert p.message == f"unknown option '{typo}'; nearest: {chosen.group(1)}"
    assert p.expected == "one of the record's options: saas, build"
    # archplan check and adr check both say so, in Japanese, at the line of chosen:.
    assert main(["check", str(ws)]) != 0
    out = capsys.readouterr()
    said = out.out + out.err
    assert f"{record.name}:{line}：archplan.chosen：不明な選択肢'{typo}'" in said
    assert f"近いもの：{chosen.group(1)}" in said and "記録のoptionsに挙げた選択肢" in said
    assert "問題なし" not in said
    assert main(["adr", "check", "-w", str(ws)]) == 1
    out = capsys.readouterr()
    said = out.out + out.err
    assert f"{record.name}:{line}：archplan.chosen：不明な選択肢'{typo}'" in said
    assert "archplan.triggers" not in said


def test_chosen_must_be_an_id_not_a_list(tmp_path: Path) -> None:
    ws, record = _fresh(tmp_path, "en")
    text = record.read_text(encoding="utf-8")
    _edit(record, re.search(r"  chosen: \S+", text).group(0), "  chosen: [saas, build]")  # type: ignore[union-attr]
    with pytest.raises(WorkspaceError) as err:
        load_workspace(ws)
    assert [(p.field, p.line, p.message) for p in err.value.problems] == [
        ("archplan.chosen", _line_of(record, "chosen:"), "the chosen option is not an option id")
    ]


def test_adr_check_puts_a_chosen_option_gone_from_the_workspace_at_its_line(
    tmp_path: Path,
) -> None:
    ws, record = _fresh(tmp_path, "en")
    text = record.read_text(encoding="utf-8")
    _edit(
        record,
        re.search(r"  options: \[.*\]", text).group(0),
        "  options: [saas, build, mainframe]",
    )  # type: ignore[union-attr]
    _edit(record, re.search(r"  chosen: \S+", text).group(0), "  chosen: mainframe")  # type: ignore[union-attr]
    result = check_log(load_workspace(ws), today=date(2026, 11, 3))
    chosen = [p for p in result.problems if p.field == "archplan.chosen"]
    assert [(p.line, p.message) for p in chosen] == [
        (_line_of(record, "chosen:"), "option 'mainframe' no longer exists in the workspace")
    ]


@pytest.mark.parametrize(
    ("word", "status"),
    [
        ("承認", "accepted"),
        ("提案", "proposed"),
        ("却下", "rejected"),
        ("廃止", "deprecated"),
        ("置換", "superseded"),
        ("採用", "accepted"),
        ("不採用", "rejected"),
    ],
)
def test_adr_status_takes_japanese_words_in_the_record_s_own_vocabulary(
    tmp_path: Path, word: str, status: str
) -> None:
    ws, record = _fresh(tmp_path)
    before = record.read_text(encoding="utf-8").splitlines(keepends=True)
    assert before[1] == "status: proposed\n"  # what adr new writes: plain English
    set_status(load_workspace(ws), 1, word)
    after = record.read_text(encoding="utf-8").splitlines(keepends=True)
    # The record speaks MADR's English words: the word changes to the English one, unquoted.
    assert after[1] == f"status: {status}\n" and after[2:] == before[2:]
    assert load_workspace(ws).decisions[0].status == status
    # A record that writes its status in Japanese gets the Japanese word, quoting kept.
    _edit(record, f"status: {status}", "status: '提案'")
    set_status(load_workspace(ws), 1, word)
    assert record.read_text(encoding="utf-8").splitlines()[1] == f"status: '{word}'"
    set_status(load_workspace(ws), 1, "accepted")
    assert record.read_text(encoding="utf-8").splitlines()[1] == "status: '承認'"


def test_adr_status_keeps_the_quoting_as_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws, record = _fresh(tmp_path)
    assert main(["adr", "status", "1", "accepted", "-w", str(ws)]) == 0
    assert record.read_text(encoding="utf-8").splitlines()[1] == "status: accepted"
    assert main(["adr", "status", "1", "承認", "-w", str(ws)]) == 0
    assert record.read_text(encoding="utf-8").splitlines()[1] == "status: accepted"
    _edit(record, "status: accepted", 'status: "accepted"  # by the board')
    assert main(["adr", "status", "1", "却下", "-w", str(ws)]) == 0
    assert record.read_text(encoding="utf-8").splitlines()[1] == (
        'status: "rejected"  # by the board'
    )
    capsys.readouterr()
    assert main(["adr", "status", "1", "保留", "-w", str(ws)]) != 0
    err = capsys.readouterr().err
    assert "不明な状態'保留'" in err and "承認" in err
    with pytest.raises(InputError):
        set_status(load_workspace(ws), 1, "on hold")


def test_supersede_writes_japanese_in_a_japanese_record(tmp_path: Path) -> None:
    ws, record = _fresh(tmp_path)
    _edit(record, "status: proposed", "status: 承認")
    new, old = supersede(load_workspace(ws), 1, "新しい基盤", today=date(2026, 12, 1))
    assert old.read_text(encoding="utf-8").splitlines()[1] == (
        f"status: 置換（[ADR-0002]({new.name})）"
    )
    rec = {r.number: r for r in load_workspace(ws).decisions}[1]
    assert rec.status == "superseded" and ("superseded-by", 2) in rec.links


def test_a_trigger_on_actuals_without_a_ledger_is_said_in_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    ws, record = _fresh(tmp_path)
    _edit(
        record,
        "    - another option ranks first\n",
        "    - another option ranks first\n    - actual of build exceeds plan by more than 10 %\n",
    )
    monkeypatch.chdir(ws)  # the workspace opened as "."
    assert main(["adr", "check"]) == 1
    out = capsys.readouterr()
    said = out.out + out.err
    line = _line_of(record, "- actual of build")
    assert (
        f"{record.name}:{line}：archplan.triggers：実績に関する条件だが、ワークスペース庁内基盤に"
        "actuals/actuals.yamlがない" in said
    )
    assert "trigger on actuals" not in said and " . " not in said


def test_trigger_problems_and_vanished_assumptions_in_japanese_at_their_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ws, record = _fresh(tmp_path)
    text = record.read_text(encoding="utf-8")
    _edit(record, re.search(r"  chosen: \S+", text).group(0), "  chosen: null")  # type: ignore[union-attr]
    _edit(record, "  assumptions: {}", "  assumptions:\n    userz: 45")
    _edit(
        record,
        "    - another option ranks first\n",
        "    - another option ranks first\n    - P90 total of buil > 100\n    - userz > 3\n",
    )
    assert main(["adr", "check", "-w", str(ws)]) == 1
    out = capsys.readouterr()
    said = out.out + out.err
    at = {
        k: f"{record.name}:{_line_of(record, k)}："
        for k in ("userz:", "- another", "- P90", "- userz")
    }
    assert at["userz:"] + "archplan.assumptions：前提条件'userz'はもうない" in said
    assert (
        at["- another"] + "archplan.triggers：条件'another option ranks first'："
        "記録に採用案（archplan.chosen）がない" in said
    )
    assert (
        at["- P90"] + "archplan.triggers：条件'P90 total of buil > 100'：不明な選択肢'buil'" in said
    )
    assert at["- userz"] + "archplan.triggers：条件'userz > 3'：不明な前提条件'userz'" in said
    assert "unknown" not in said and "trigger '" not in said


def test_a_japanese_superseded_status_keeps_its_link_in_an_english_record(
    tmp_path: Path,
) -> None:
    ws, record = _fresh(tmp_path)
    other = new_record(load_workspace(ws), "後継の決定", today=date(2026, 11, 3))
    set_status(load_workspace(ws), 1, f"置換（[ADR-0002]({other.name})）")
    assert record.read_text(encoding="utf-8").splitlines()[1] == (
        f"status: superseded by [ADR-0002]({other.name})"
    )
    rec = {r.number: r for r in load_workspace(ws).decisions}[1]
    assert rec.status == "superseded" and ("superseded-by", 2) in rec.links
