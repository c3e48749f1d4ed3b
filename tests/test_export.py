"""Excel and CSV export: live formulas that add up, neutralised text, safe writes."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import column_index_from_string

from archplan import TargetExistsError, load_workspace
from archplan.cli import main
from archplan.costs import cost_summary, cost_table
from archplan.export import export_csv, export_xlsx


def _evaluate(wb: openpyxl.Workbook, sheet: str, ref: str, depth: int = 0) -> float:
    """A tiny evaluator for the formulas archplan writes: =SUM(A1:B2) and ='s'!C3."""
    assert depth < 10
    cell = wb[sheet][ref]
    v = cell.value
    if not (isinstance(v, str) and v.startswith("=")) or cell.data_type == "s":
        return float(v or 0)
    m = re.fullmatch(r"=SUM\(([A-Z]+)(\d+):([A-Z]+)(\d+)\)", v)
    if m:
        c1, r1 = column_index_from_string(m.group(1)), int(m.group(2))
        c2, r2 = column_index_from_string(m.group(3)), int(m.group(4))
        return sum(
            _evaluate(wb, sheet, wb[sheet].cell(row=r, column=c).coordinate, depth + 1)
            for r in range(r1, r2 + 1)
            for c in range(c1, c2 + 1)
        )
    m = re.fullmatch(r"='(.+)'!([A-Z]+\d+)", v)
    if m:
        return _evaluate(wb, m.group(1).replace("''", "'"), m.group(2), depth + 1)
    raise AssertionError(f"unexpected formula {v}")


def test_workbook_totals_are_live_formulas_that_add_up(example_dir: Path, tmp_path: Path) -> None:
    ws = load_workspace(example_dir)
    out = export_xlsx(ws, tmp_path / "plan.xlsx")
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames[:2] == ["概要", "saas"]  # food-lab is Japanese
    table = cost_table(ws, "gov-cloud")
    sheet = wb["gov-cloud"]
    total_row = 4 + len(table)  # header on row 4, items, then totals
    assert sheet.cell(row=total_row, column=1).value == "合計"
    grand = sheet.cell(row=total_row, column=5 + 5)
    assert grand.value.startswith("=SUM(")
    assert _evaluate(wb, "gov-cloud", grand.coordinate) == table.loc["total", "total"]
    summary = wb["概要"]
    for r in range(6, 6 + len(ws.options)):
        option = summary.cell(row=r, column=1).value
        assert _evaluate(wb, "概要", f"H{r}") == cost_summary(ws).loc[option, "total"]
        assert summary[f"I{r}"].value == f"=C{r}+NPV($A$3,D{r}:G{r})"


def test_formula_like_text_is_neutralised(example_dir: Path, tmp_path: Path) -> None:
    ws_dir = tmp_path / "ws"
    shutil.copytree(example_dir, ws_dir)
    costs = ws_dir / "costs.yaml"
    costs.write_text(
        costs.read_text(encoding="utf-8").replace(
            "name: 初期設定・帳票調整", 'name: \'=HYPERLINK("http://evil.example","x")\''
        ),
        encoding="utf-8",
    )
    ws = load_workspace(ws_dir)
    wb = openpyxl.load_workbook(export_xlsx(ws, tmp_path / "x.xlsx"))
    cell = wb["saas"]["B5"]
    assert cell.value.startswith("=HYPERLINK") and cell.data_type == "s"  # text, not formula
    export_csv(ws, tmp_path / "csv")
    with (tmp_path / "csv" / "costs.csv").open(encoding="utf-8-sig") as fh:
        rows = list(csv.reader(line for line in fh if not line.startswith("#")))
    assert rows[1][2].startswith("'=HYPERLINK")


def test_export_refuses_foreign_files_and_replaces_its_own(
    example_dir: Path, tmp_path: Path
) -> None:
    ws = load_workspace(example_dir)
    mine = tmp_path / "budget.xlsx"
    mine.write_bytes(b"the finance office's own workbook")
    with pytest.raises(TargetExistsError):
        export_xlsx(ws, mine)
    assert mine.read_bytes() == b"the finance office's own workbook"
    ours = export_xlsx(ws, tmp_path / "plan.xlsx")
    export_xlsx(ws, ours)  # archplan's own workbook: replaced without --force
    assert main(["export", str(example_dir), "--xlsx", str(mine)]) == 1
    assert main(["export", str(example_dir), "--xlsx", str(mine), "--force"]) == 0
    assert openpyxl.load_workbook(mine).sheetnames[0] == "概要"


def test_summary_sheet_adds_up_no_alternatives_and_marks_knock_outs(
    example_dir: Path, tmp_path: Path
) -> None:
    ws = load_workspace(example_dir)
    wb = openpyxl.load_workbook(export_xlsx(ws, tmp_path / "plan.xlsx"))
    summary = wb["概要"]
    n = len(ws.options)
    rows = list(summary.iter_rows(min_row=6, max_row=6 + n, values_only=True))
    ids = [r[0] for r in rows if r[0] is not None]
    assert ids == [o.id for o in ws.options]  # one row per option, no total row after them
    # No formula anywhere in the sheet adds up more than one row (i.e. several options).
    sums = [
        re.fullmatch(r"=SUM\([A-Z]+(\d+):[A-Z]+(\d+)\)", str(v))
        for r in summary.iter_rows(values_only=True)
        for v in r
        if str(v).startswith("=SUM(")
    ]
    assert sums and all(m is not None and m.group(1) == m.group(2) for m in sums)
    # food-lab: overseas-saas has × on data residency, a must-have criterion.
    marks = {r[0]: r[-1] for r in rows if r[0] is not None}
    assert marks["overseas-saas"] == "除外：データの国内保管：×は許容されない"
    assert not str(marks["saas"]).startswith("除外")


def test_summary_sheet_shows_the_documents_figures(example_dir: Path, tmp_path: Path) -> None:
    """Below the exact yen: the figures as every document prints them (千円), their total a
    live sum of the years; the total is the exact total rounded half-up."""
    ws = load_workspace(example_dir)
    wb = openpyxl.load_workbook(export_xlsx(ws, tmp_path / "plan.xlsx"))
    summary = wb["概要"]
    top = 6 + len(ws.options) + 2
    assert str(summary.cell(row=top, column=1).value).startswith("各文書での表示（千円")
    exact = cost_summary(ws)["total"]
    for k, option in enumerate(ws.options):
        r = top + 2 + k
        assert summary.cell(row=r, column=1).value == option.id
        total = _evaluate(wb, "概要", f"H{r}")
        e = int(exact[option.id])
        assert total == e // 1000 + (e % 1000 >= 500)  # half-up by hand
        years = [summary.cell(row=r, column=c).value for c in range(3, 8)]
        assert all(
            abs(y * 1000 - v) < 1000 for y, v in zip(years, _yearly(ws, option.id), strict=True)
        )


def _yearly(ws, option: str) -> list[int]:  # type: ignore[no-untyped-def]
    from archplan.costs import yearly_totals

    return [int(v) for v in yearly_totals(ws)[option].tolist()]
