"""Loading and validating workspaces: every problem at once, each located."""

from __future__ import annotations

from pathlib import Path

import pytest

from archplan import ArchplanError, Problem, WorkspaceError, check_workspace, load_workspace


def _edit(path: Path, old: str, new: str, count: int = 1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"test setup: {old!r} not in {path.name}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def _problems(ws: Path) -> list[Problem]:
    with pytest.raises(WorkspaceError) as info:
        load_workspace(ws)
    assert isinstance(info.value, ArchplanError)
    return list(info.value.problems)


def test_example_loads(example_dir: Path) -> None:
    ws = load_workspace(example_dir)
    assert [o.id for o in ws.options] == ["saas", "gov-cloud", "onprem", "overseas-saas"]
    assert len(ws.criteria) == 8
    assert ws.scores.shape == (4, 7)  # cost5y comes from the cost plan, not scores.csv
    assert ws.scores_raw is not None and ws.scores_raw.loc["onprem", "lock_in"] == "×"
    assert ws.scores.index.name == "option" and ws.scores.columns.name == "criterion"
    assert ws.settings.fiscal_years == [2026, 2027, 2028, 2029, 2030]
    assert ws.assumptions["users"].as_of.isoformat() == "2026-04-01"
    assert [(d.number, d.status) for d in ws.decisions] == [
        (1, "superseded"),
        (2, "accepted"),
        (3, "proposed"),
    ]
    assert ws.notices == ()


def test_three_deliberate_mistakes_are_all_reported(example_copy: Path) -> None:
    # 1. a criterion missing from the scores table
    scores = example_copy / "scores.csv"
    lines = scores.read_text(encoding="utf-8").splitlines()
    scores.write_text("\n".join(line.rsplit(",", 1)[0] for line in lines) + "\n", encoding="utf-8")
    # 2. a cost item referring to an unknown assumption
    _edit(example_copy / "costs.yaml", "amount: saas_setup", "amount: saas_setup_fee")
    # 3. a non-numeric quantity
    _edit(example_copy / "costs.yaml", "quantity: users", "quantity: 45 users")
    problems = _problems(example_copy)
    text = [str(p) for p in problems]
    assert len(problems) == 3, text
    missing, unknown, bad_qty = problems
    assert (missing.file, missing.line) == ("scores.csv", 1)
    assert "staff_burden" in missing.message
    assert (unknown.file, unknown.field) == ("costs.yaml", "items[0].amount")
    assert unknown.line == 12 and "saas_setup_fee" in unknown.message
    assert (bad_qty.file, bad_qty.field) == ("costs.yaml", "items[2].quantity")
    assert "'45 users'" in bad_qty.message and bad_qty.expected


CASES = [
    # (file, old, new, expected file, expected field, words in the message)
    (
        "archplan.yaml",
        "language: ja",
        "language: fr",
        "archplan.yaml",
        "language",
        "'fr' is not allowed",
    ),
    ("archplan.yaml", "title:", "titel:", "archplan.yaml", None, "'title' is missing"),
    (
        "archplan.yaml",
        "horizon: 5",
        "horizon: five",
        "archplan.yaml",
        "fiscal_year.horizon",
        "'five' is not a number",
    ),
    (
        "archplan.yaml",
        "start_month: 4",
        "start_month: 13",
        "archplan.yaml",
        "fiscal_year.start_month",
        "out of range",
    ),
    (
        "options.yaml",
        "id: onprem",
        "id: saas",
        "options.yaml",
        "options[2].id",
        "duplicate option id 'saas'",
    ),
    (
        "criteria.yaml",
        "name: 稼働までの期間\n    direction: cost",
        "name: 稼働までの期間\n    direction: cheaper",
        "criteria.yaml",
        "criteria[5].direction",
        "'cheaper' is not allowed",
    ),
    (
        "criteria.yaml",
        "weight: 30",
        "weight: -30",
        "criteria.yaml",
        "criteria[0].weight",
        "out of range",
    ),
    (
        "costs.yaml",
        "end: 2030\n  - id: saas-interface",
        "end: 2025\n  - id: saas-interface",
        "costs.yaml",
        "items[2].end",
        "end 2025 is before start 2027",
    ),
    (
        "costs.yaml",
        "amount: 1200000",
        "amount: -1200000",
        "costs.yaml",
        "items[3].amount",
        "negative amount",
    ),
    (
        "costs.yaml",
        "option: gov-cloud\n    name: 設計・開発",
        "option: cloud\n    name: 設計・開発",
        "costs.yaml",
        "items[4].option",
        "unknown option 'cloud'",
    ),
    (
        "costs.yaml",
        "nature: one-off\n    amount: saas_setup",
        "nature: sometimes\n    amount: saas_setup",
        "costs.yaml",
        "items[0].nature",
        "'sometimes' is not allowed",
    ),
    (
        "assumptions.yaml",
        "value: 45",
        "value: [45]",
        "assumptions.yaml",
        "assumptions.users.value",
        "a list is not a number",
    ),
    (
        "assumptions.yaml",
        "as_of: 2026-04-01",
        "as_of: April 2026",
        "assumptions.yaml",
        "assumptions.users.as_of",
        "'April 2026' is not a date",
    ),
    (
        "criteria.yaml",
        "must: {not: [×]}",
        "must: {not: [bad]}",
        "criteria.yaml",
        "criteria[1].must.not",
        "'bad' is not a mark of the marks scale",
    ),
    (
        "criteria.yaml",
        "scale: levels",
        "scale: stars",
        "criteria.yaml",
        "criteria[4].scale",
        "'stars' is not allowed",
    ),
    (
        "criteria.yaml",
        "    source: cost_total\n",
        "    source: invoices\n",
        "criteria.yaml",
        "criteria[0].source",
        "'invoices' is not allowed",
    ),
    (
        "archplan.yaml",
        "tax:",
        "comparison:\n  method: electre\ntax:",
        "archplan.yaml",
        "comparison.method",
        "'electre' is not allowed",
    ),
    (
        "scores.csv",
        "saas,◎,○",
        "saas,◎,good",
        "scores.csv",
        "row saas, column security",
        "'good' is not a mark of the marks scale",
    ),
    (
        "scores.csv",
        "saas,◎,○,4",
        "saas,◎,○,four",
        "scores.csv",
        "row saas, column availability",
        "score 'four' is not a number",
    ),
    (
        "scores.csv",
        "onprem,◎",
        "on-prem,◎",
        "scores.csv",
        "column option",
        "unknown option 'on-prem'",
    ),
]


@pytest.mark.parametrize(("fname", "old", "new", "pfile", "pfield", "words"), CASES)
def test_bad_input_is_located(
    example_copy: Path, fname: str, old: str, new: str, pfile: str, pfield: str | None, words: str
) -> None:
    _edit(example_copy / fname, old, new)
    problems = _problems(example_copy)
    hits = [p for p in problems if p.file == pfile and p.field == pfield and words in str(p)]
    assert hits, [str(p) for p in problems]
    assert all(p.line is not None for p in hits if p.file.endswith(".yaml"))


def test_all_zero_weights(example_copy: Path) -> None:
    path = example_copy / "criteria.yaml"
    text = path.read_text(encoding="utf-8")
    for w in ("30", "15", "10", "5"):
        text = text.replace(f"weight: {w}\n", "weight: 0\n")
    path.write_text(text, encoding="utf-8")
    assert any("all criterion weights are zero" in str(p) for p in _problems(example_copy))


def test_missing_file(example_copy: Path) -> None:
    (example_copy / "assumptions.yaml").unlink()
    problems = _problems(example_copy)
    assert any(p.file == "assumptions.yaml" and "missing" in p.message for p in problems)


def test_spreadsheet_csv_quirks_are_read_and_noted(example_copy: Path) -> None:
    scores = example_copy / "scores.csv"
    text = scores.read_text(encoding="utf-8")
    # Excel on Japanese Windows: Shift_JIS, CRLF line ends, an empty trailing column.
    crlf = text.replace("\n", ",\r\n").replace("option,", "option,", 1)
    scores.write_bytes(crlf.encode("cp932"))
    ws = load_workspace(example_copy)
    assert ws.scores.loc["saas", "security"] == 2  # ○, read from Shift_JIS
    problems, notices = check_workspace(example_copy)
    assert problems == []
    scores.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    problems, notices = check_workspace(example_copy)
    assert problems == [] and any("byte-order mark" in n for n in notices)


def test_yaml_duplicate_key_in_workspace(example_copy: Path) -> None:
    _edit(example_copy / "archplan.yaml", "author:", "language: en\nauthor:")
    problems = _problems(example_copy)
    assert any(
        p.file == "archplan.yaml" and "duplicate key 'language'" in p.message for p in problems
    )


def test_problem_text_names_file_line_field_and_expectation(example_copy: Path) -> None:
    _edit(example_copy / "archplan.yaml", "discount_rate: 0.04", "discount_rate: 4%")
    (problem,) = _problems(example_copy)
    assert str(problem).startswith("archplan.yaml:11: discount_rate: '4%' is not a number")
    assert "(expected a yearly rate between 0 and 1" in str(problem)
