"""Export the cost plan to a workbook a finance officer can audit, and to CSV.

The workbook has a summary sheet and one sheet per option, fiscal years as columns.
Amounts are integer yen values; **every total is a live formula** (``=SUM(…)``), the
summary's totals refer to the option sheets, and its NPV is the spreadsheet's own
``NPV()`` formula adjusted to the workspace's timing convention, so the officer can check
each figure in Excel itself.

Text from the workspace that a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) is neutralised: stored as a string in the
workbook, and prefixed with ``'`` in CSV (OWASP's advice for CSV injection).
"""

from __future__ import annotations

import csv
import io
import zipfile
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from archplan.costs import budget_view, commitments, cost_summary, describe_basis, item_schedule
from archplan.costs.engine import Basis
from archplan.fileio import check_target, write_atomic
from archplan.fiscal import fy_label
from archplan.messages import MESSAGES, msg
from archplan.workspace.model import Workspace

__all__ = ["export_csv", "export_xlsx", "neutralise"]

_DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
CREATOR = "archplan"


def neutralise(text: str) -> str:
    """Make text safe for a CSV cell: a leading formula character gets a ``'`` before it.

    Examples
    --------
    >>> neutralise("=HYPERLINK(\\"http://x\\")"), neutralise("plain"), neutralise("-3 items")
    ('\\'=HYPERLINK("http://x")', 'plain', "'-3 items")
    """
    return "'" + text if text.startswith(_DANGEROUS) else text


def _text_cell(ws_sheet: Any, row: int, col: int, value: str) -> None:
    cell = ws_sheet.cell(row=row, column=col)
    cell.value = value
    # openpyxl would store "=…" as a formula; force a plain string cell instead.
    cell.data_type = "s"


def _sheet_name(option: str, used: set[str]) -> str:
    """A valid sheet name for an option, unlike the names in ``used`` (lower case: the
    workbook's own sheets and the options before it)."""
    name = "".join(ch for ch in option if ch not in "[]:*?/\\")[:28] or "~"
    base, k = name, 2
    while name.lower() in used:
        name = f"{base[:26]}~{k}"
        k += 1
    used.add(name.lower())
    return name


def _unit_name(unit: str, lang: str) -> str:
    from archplan.report.i18n import label

    return label("unit_" + unit, lang)


def _basis_line(basis: str, lang: str) -> str:
    """``yen, tax-inclusive`` / ``円・税込``: what the exported figures are."""
    return msg(
        "xp_basis_line", lang, unit=msg("lbl_unit_yen", lang), basis=msg(f"lbl_tax_{basis}", lang)
    )


def _category(category: str, lang: str) -> str:
    from archplan.report.i18n import category_label

    return category_label(category, lang)


def _phase(phase: str, lang: str) -> str:
    key = "xp_ph_" + phase
    return msg(key, lang) if key in MESSAGES else phase


def _is_ours(head: bytes) -> bool:
    try:
        with zipfile.ZipFile(io.BytesIO(head)) as z:
            return f"<dc:creator>{CREATOR}</dc:creator>".encode() in z.read("docProps/core.xml")
    except Exception:
        # Only the first 64 KiB were read: fall back to looking for the marker bytes.
        return False


def _is_ours_file(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as z:
            return f"<dc:creator>{CREATOR}</dc:creator>".encode() in z.read("docProps/core.xml")
    except Exception:
        return False


def _plain_format(number: object) -> str:
    """A spreadsheet number format that shows the value as written, with as many decimals
    as it has: never ``1E-07`` (the General format's choice for a small value).

    Examples
    --------
    >>> from decimal import Decimal
    >>> _plain_format(Decimal("1E-7")), _plain_format(Decimal("151.37")), _plain_format(45)
    ('#,##0.0000000', '#,##0.00', '#,##0')
    """
    exponent = Decimal(str(number)).normalize().as_tuple().exponent
    places = -exponent if isinstance(exponent, int) and exponent < 0 else 0
    return "#,##0" + ("." + "0" * places if places else "")


def export_xlsx(
    ws: Workspace, path: str | Path, *, basis: Basis = "inclusive", force: bool = False
) -> Path:
    """Write the cost plan as an ``.xlsx`` workbook with live total formulas.

    Examples
    --------
    >>> import tempfile
    >>> from archplan import load_workspace
    >>> out = export_xlsx(load_workspace("data/examples/food-lab"),
    ...                   tempfile.mkdtemp() + "/plan.xlsx")
    >>> out.suffix
    '.xlsx'
    """
    out = Path(path).resolve()
    if out.exists() and not force and not _is_ours_file(out):
        check_target(out, force, _is_ours, "workbook")
    lang = ws.settings.language
    sched = item_schedule(ws, basis)
    bases = describe_basis(ws, lang)
    years = list(sched.columns)
    items = {i.id: i for i in ws.cost_items}
    neg = "▲" if lang == "ja" else "-"
    money = f'#,##0;[Red]"{neg}"#,##0'
    bold = Font(bold=True)
    head_fill = PatternFill("solid", fgColor="E8EEF7")
    wb = Workbook()
    wb.properties.creator = CREATOR
    wb.properties.title = ws.settings.title
    summary = wb.create_sheet(msg("pf_summary", lang), 0)
    wb.remove(wb["Sheet"])
    sheet_names = {k: msg(k, lang) for k in ("pf_summary", "lbl_commitments", "w_assumptions")}
    used: set[str] = {n.lower() for n in sheet_names.values()}
    used.add(msg("act_x_sheet", lang).lower())
    total_refs: dict[str, tuple[str, int]] = {}
    first_col = 5  # A id, B name, C category, D phase, then fiscal years
    for option in ws.options:
        sheet = wb.create_sheet(_sheet_name(option.id, used))
        _text_cell(sheet, 1, 1, option.name)
        sheet.cell(row=1, column=1).font = Font(bold=True, size=13)
        _text_cell(sheet, 2, 1, _basis_line(basis, lang))
        headers = [
            msg("lbl_item", lang),
            msg("pf_name", lang),
            msg("lbl_category", lang),
            msg("xp_phase", lang),
            *[fy_label(int(fy), lang) for fy in years],
            msg("lbl_total", lang),
            msg("cst_tax_header", lang),
            msg("cst_basis_header", lang),
        ]
        for c, h in enumerate(headers, start=1):
            _text_cell(sheet, 4, c, h)
            sheet.cell(row=4, column=c).font = bold
            sheet.cell(row=4, column=c).fill = head_fill
        rows = (
            sched.xs(option.id, level="option")
            if option.id in sched.index.get_level_values("option")
            else sched.iloc[0:0]
        )
        r = 5
        for item_id, values in rows.iterrows():
            it = items[str(item_id)]
            texts = [it.id, it.name, _category(it.category, lang), _phase(it.phase, lang)]
            for c, text in enumerate(texts, start=1):
                _text_cell(sheet, r, c, text)
            for k, v in enumerate(values.tolist()):
                cell = sheet.cell(row=r, column=first_col + k, value=int(v))
                cell.number_format = money
            a = get_column_letter(first_col)
            z = get_column_letter(first_col + len(years) - 1)
            tot = sheet.cell(row=r, column=first_col + len(years), value=f"=SUM({a}{r}:{z}{r})")
            tot.number_format = money
            # The item's tax treatment (課税/不課税/非課税) and basis, after the figures.
            treatment = msg("cst_tax_" + it.tax_treatment(ws.settings), lang)
            _text_cell(sheet, r, first_col + len(years) + 1, treatment)
            _text_cell(sheet, r, first_col + len(years) + 2, str(bases.loc[(it.option, it.id)]))
            r += 1
        total_row = r
        _text_cell(sheet, total_row, 1, msg("lbl_total", lang))
        sheet.cell(row=total_row, column=1).font = bold
        for k in range(len(years) + 1):
            col = get_column_letter(first_col + k)
            cell = sheet.cell(
                row=total_row,
                column=first_col + k,
                value=f"=SUM({col}5:{col}{total_row - 1})" if total_row > 5 else 0,
            )
            cell.number_format = money
            cell.font = bold
        sheet.column_dimensions["B"].width = 34
        for k in range(len(years) + 1):
            sheet.column_dimensions[get_column_letter(first_col + k)].width = 14
        sheet.freeze_panes = "E5"
        total_refs[option.id] = (sheet.title, total_row)
    # Summary: per option, each fiscal year's total and the grand total refer to the
    # option sheets; NPV is a live NPV() formula on those cells.
    _text_cell(summary, 1, 1, ws.settings.title)
    summary.cell(row=1, column=1).font = Font(bold=True, size=13)
    rate = ws.settings.discount_rate
    timing = ws.settings.discount_timing
    line = msg(
        "xp_discount_line",
        lang,
        basis=_basis_line(basis, lang),
        rate=f"{rate:.2%}",
        timing=msg(f"rep_timing_{timing}", lang),
    )
    _text_cell(summary, 2, 1, line)
    summary.cell(row=3, column=1, value=rate).number_format = "0.00%"
    _text_cell(summary, 3, 2, msg("xp_discount_rate", lang))
    headers = [
        msg("lbl_option", lang),
        msg("pf_name", lang),
        *[fy_label(int(fy), lang) for fy in years],
        msg("lbl_total", lang),
        msg("lbl_npv", lang),
    ]
    for c, h in enumerate(headers, start=1):
        _text_cell(summary, 5, c, h)
        summary.cell(row=5, column=c).font = bold
        summary.cell(row=5, column=c).fill = head_fill
    npvs = cost_summary(ws, basis)["npv"]
    # Options are alternatives: the summary has one row each and no total row; an option
    # that a must-have criterion knocks out says so, with the reason.
    from archplan.report.figures import knocked_out

    reasons = knocked_out(ws)
    for k, option in enumerate(ws.options):
        r = 6 + k
        sheet_title, total_row = total_refs[option.id]
        ref = "'" + sheet_title.replace("'", "''") + "'"
        _text_cell(summary, r, 1, option.id)
        _text_cell(summary, r, 2, option.name)
        for j in range(len(years) + 1):
            col = get_column_letter(first_col + j)
            cell = summary.cell(row=r, column=3 + j, value=f"={ref}!{col}{total_row}")
            cell.number_format = money
        first = get_column_letter(3)
        second = get_column_letter(4)
        last = get_column_letter(2 + len(years))
        if timing == "start":
            formula = (
                f"={first}{r}+NPV($A$3,{second}{r}:{last}{r})" if len(years) > 1 else f"={first}{r}"
            )
        else:
            formula = f"=NPV($A$3,{first}{r}:{last}{r})"
        cell = summary.cell(row=r, column=3 + len(years) + 1, value=formula)
        cell.number_format = money
        # Keep archplan's own figure beside it, so a difference would show at once.
        _text_cell(summary, r, 3 + len(years) + 2, f"archplan: {npvs[option.id]:,.0f}")
        if option.id in reasons:
            note = msg("rep_knocked_out", lang, reason=reasons[option.id])
            _text_cell(summary, r, 3 + len(years) + 3, note)
    # The same figures as every document shows them (display unit; the option's total
    # rounded half-up, its fiscal years apportioned to it), so a figure quoted from the
    # workbook is the figure in the report. The total is a live sum of the years shown.
    unit = ws.settings.display_unit
    if unit != "yen":
        shown = budget_view(ws, basis=basis)
        top = 6 + len(ws.options) + 2
        _text_cell(summary, top, 1, msg("rep_xlsx_shown", lang, unit=_unit_name(unit, lang)))
        summary.cell(row=top, column=1).font = bold
        for c, h in enumerate(headers[:-1], start=1):
            _text_cell(summary, top + 1, c, h)
            summary.cell(row=top + 1, column=c).font = bold
            summary.cell(row=top + 1, column=c).fill = head_fill
        for k, option in enumerate(ws.options):
            r = top + 2 + k
            _text_cell(summary, r, 1, option.id)
            _text_cell(summary, r, 2, option.name)
            figures = {
                str(c): int(v) for c, v in zip(shown.columns, shown.loc[option.id], strict=True)
            }
            for j, fy in enumerate(years):
                cell = summary.cell(row=r, column=3 + j, value=figures[str(fy)])
                cell.number_format = money
            a, z = get_column_letter(3), get_column_letter(2 + len(years))
            cell = summary.cell(row=r, column=3 + len(years), value=f"=SUM({a}{r}:{z}{r})")
            cell.number_format = money
            if option.id in reasons:
                note = msg("rep_knocked_out", lang, reason=reasons[option.id])
                _text_cell(summary, r, 3 + len(years) + 1, note)
    summary.column_dimensions["B"].width = 34
    # Commitments and the assumptions register, for the audit trail.
    com = commitments(ws, basis)
    if not com.empty:
        sheet = wb.create_sheet(sheet_names["lbl_commitments"])
        cols = [
            "contract",
            "name",
            "first_fy",
            "last_fy",
            "total",
            "ceiling",
            "exceeded",
            *com.attrs["years"],
        ]
        names = {
            "contract": "lbl_contract",
            "name": "pf_name",
            "first_fy": "xp_first_fy",
            "last_fy": "xp_last_fy",
            "total": "lbl_total",
            "ceiling": "lbl_ceiling",
            "exceeded": "xp_exceeded",
        }
        for c, h in enumerate(cols, start=1):
            head = msg(names[h], lang) if h in names else fy_label(int(h), lang)
            _text_cell(sheet, 1, c, head)
            sheet.cell(row=1, column=c).font = bold
        for r, (cid, row) in enumerate(com.iterrows(), start=2):
            _text_cell(sheet, r, 1, str(cid))
            _text_cell(sheet, r, 2, str(row["name"]))
            for c, key in enumerate(cols[2:], start=3):
                v = row[key]
                sheet.cell(
                    row=r,
                    column=c,
                    value=None
                    if v is None or v != v
                    else (bool(v) if key == "exceeded" else int(v)),
                )
    sheet = wb.create_sheet(sheet_names["w_assumptions"])
    heads = ("pf_name", "lbl_value", "lbl_unit", "lbl_source", "lbl_as_of")
    for c, h in enumerate(heads, start=1):
        _text_cell(sheet, 1, c, msg(h, lang))
        sheet.cell(row=1, column=c).font = bold
    for r, assumption in enumerate(ws.assumptions.values(), start=2):
        _text_cell(sheet, r, 1, assumption.name)
        value = sheet.cell(row=r, column=2, value=float(assumption.value))
        value.number_format = _plain_format(assumption.value)
        _text_cell(sheet, r, 3, assumption.unit)
        _text_cell(sheet, r, 4, assumption.source)
        _text_cell(sheet, r, 5, assumption.as_of.isoformat() if assumption.as_of else "")
        sheet.cell(row=r, column=4).alignment = Alignment(wrap_text=True)
    if ws.actuals is not None and ws.actuals.option is not None:
        _execution_sheet(wb, ws, money, bold)  # 予算額・執行額 (actuals/)
    buf = io.BytesIO()
    wb.save(buf)
    write_atomic(out, buf.getvalue())
    return out


def export_csv(
    ws: Workspace, folder: str | Path, *, basis: Basis = "inclusive", force: bool = False
) -> list[Path]:
    """Write ``costs.csv`` (one row per item, fiscal years as columns) and
    ``summary.csv`` (per option: total and NPV) into ``folder`` (UTF-8 with a byte-order
    mark, so Excel on Japanese Windows opens it correctly).
    """
    root = Path(folder).resolve()
    root.mkdir(parents=True, exist_ok=True)
    marker = b"\xef\xbb\xbf# archplan"
    sched = item_schedule(ws, basis)
    years = [int(y) for y in sched.columns]
    items = {i.id: i for i in ws.cost_items}
    lang = ws.settings.language
    option, name_, total = (msg(k, lang) for k in ("lbl_option", "pf_name", "lbl_total"))
    from archplan.report.figures import knocked_out

    reasons = knocked_out(ws)
    written = []
    for name, header, rows in (
        (
            "costs.csv",
            [
                option,
                msg("lbl_item", lang),
                name_,
                msg("lbl_category", lang),
                msg("xp_phase", lang),
                *years,
                total,
                msg("cst_tax_header", lang),
            ],
            [
                [
                    o,
                    i,
                    items[i].name,
                    _category(items[i].category, lang),
                    _phase(items[i].phase, lang),
                    *map(int, v),
                    int(sum(v)),
                    msg("cst_tax_" + items[i].tax_treatment(ws.settings), lang),
                ]
                for (o, i), v in zip(sched.index, sched.to_numpy().tolist(), strict=True)
            ],
        ),
        (
            # Options are alternatives: one row each, no total row; a knocked-out option
            # says so, with the reason, in the last column (empty for the others).
            "summary.csv",
            [option, name_, total, msg("lbl_npv", lang), msg("fig_knocked_out_header", lang)],
            [
                [o, r["name"], int(r["total"]), round(float(r["npv"])), reasons.get(str(o), "")]
                for o, r in cost_summary(ws, basis).iterrows()
            ],
        ),
    ):
        path = root / name
        check_target(path, force, lambda head: head.startswith(marker), "CSV file")
        buf = io.StringIO()
        title = " ".join(ws.settings.title.split())  # one line, whatever the user typed
        buf.write(f"# archplan {title}; {_basis_line(basis, lang)}\n")
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([neutralise(v) if isinstance(v, str) else v for v in row])
        write_atomic(path, "\ufeff" + buf.getvalue())
        written.append(path)
    if ws.actuals is not None and ws.actuals.option is not None:
        path = root / "budget_execution.csv"  # 予算額・執行額 (actuals/)
        check_target(path, force, lambda head: head.startswith(marker), "CSV file")
        header, rows, note = execution_table(ws)
        buf = io.StringIO()
        buf.write(f"# archplan {' '.join(ws.settings.title.split())}; {note}\n")
        writer = csv.writer(buf, lineterminator="\n")
        writer.writerow(header)
        for row in rows:
            writer.writerow([neutralise(v) if isinstance(v, str) else v for v in row])
        write_atomic(path, "\ufeff" + buf.getvalue())
        written.append(path)
    return written


#: The columns of a 行政事業レビューシート's budget block, in order (message keys).
EXECUTION_COLUMNS = (
    "act_x_fy",
    "act_x_initial",
    "act_x_supplementary",
    "act_x_carried",
    "act_x_carried_next",
    "act_x_reserve",
    "act_x_total",
    "act_x_executed",
    "act_x_rate",
    "act_x_state",
)


def execution_table(ws: Workspace) -> tuple[list[str], list[list[object]], str]:
    """The yearly 予算額・執行額 table: header, rows (fiscal year label, 当初予算 = the
    plan, 補正予算, 前年度から繰越し, 翌年度へ繰越し (negative, as the sheet writes it
    with △), 予備費等 (0, to fill in), 計, 執行額, 執行率 %, state) and a note naming
    the option, the as-of month and the basis.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> header, rows, note = execution_table(load_workspace("data/examples/vaccine-booking"))
    >>> header[1], header[4], rows[0][1], rows[0][7]
    ('当初予算額', '翌年度へ繰越し', 28193000, 16470384)
    """
    from archplan.actuals import budget_execution
    from archplan.messages import msg

    lang = ws.settings.language
    t = budget_execution(ws)
    rows: list[list[object]] = []
    for fy, r in t.iterrows():
        budget = int(r["budget"])
        executed = int(r["executed"])
        rows.append(
            [
                fy_label(int(str(fy)), lang),
                budget,
                0,
                0,
                0,
                0,
                budget,
                executed,
                r["rate_pct"],
                msg("act_state_" + str(r["state"]), lang),
            ]
        )
    note = msg("act_x_note", lang, option=t.attrs["option"], as_of=t.attrs["as_of"])
    return [msg(k, lang) for k in EXECUTION_COLUMNS], rows, note


def _execution_sheet(wb: Any, ws: Workspace, money: str, bold: Any) -> None:
    """A sheet with the 予算額・執行額 table; 計 and 執行率 are live formulas."""
    from archplan.messages import msg

    header, rows, note = execution_table(ws)
    sheet = wb.create_sheet(msg("act_x_sheet", ws.settings.language))
    _text_cell(sheet, 1, 1, note)
    for c, h in enumerate(header, start=1):
        _text_cell(sheet, 2, c, h)
        sheet.cell(row=2, column=c).font = bold
    for r, row in enumerate(rows, start=3):
        _text_cell(sheet, r, 1, str(row[0]))
        for c in range(2, 7):  # 当初, 補正, 前年度から繰越し, 翌年度へ繰越し (△), 予備費等
            sheet.cell(row=r, column=c, value=row[c - 1]).number_format = money
        sheet.cell(row=r, column=7, value=f"=SUM(B{r}:F{r})").number_format = money
        sheet.cell(row=r, column=8, value=row[7]).number_format = money
        sheet.cell(row=r, column=9, value=f'=IF(G{r}=0,"",H{r}/G{r})').number_format = "0.0%"
        _text_cell(sheet, r, 10, str(row[9]))
