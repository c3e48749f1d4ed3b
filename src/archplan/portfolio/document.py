"""The portfolio document: one self-contained HTML page (and a workbook) from a roll-up.

The page is written directly from Python with the report's stylesheet and HTML helpers,
not through a notebook kernel as the case report is: it holds tables only (no charts),
its figures are already computed (in worker processes) by the roll-up, and a kernel would
add start-up time and a second copy of every result for nothing. Like the report it has
no script, fetches nothing, follows the portfolio's language, and escapes every text that
comes from a workspace or the portfolio file.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from importlib.resources import files
from pathlib import Path

import pandas as pd

from archplan.errors import Problem
from archplan.fileio import check_target, write_atomic
from archplan.fiscal import fy_label
from archplan.messages import localize, msg
from archplan.money import TOTAL, format_amount
from archplan.portfolio.attention import KINDS
from archplan.portfolio.rollup import PortfolioView
from archplan.report.sections import esc, html_table

__all__ = ["case_documents", "portfolio_html", "write_portfolio", "write_portfolio_xlsx"]


def case_documents(reports: Path, case_id: str) -> tuple[Path, Path]:
    """Where ``archplan report --all`` writes a case's report and handover pack."""
    return reports / f"{case_id}.html", reports / f"{case_id}-handover.html"


def _tag_label(key: str, lang: str) -> str:
    k = f"pf_tag_{key}"
    from archplan.messages import MESSAGES

    return msg(k, lang) if k in MESSAGES else key


def _tag_value(key: str, value: str, lang: str) -> str:
    from archplan.messages import MESSAGES

    k = f"pf_{key}_{value}"
    return msg(k, lang) if key in ("phase", "time") and k in MESSAGES else value


def _amounts(row: pd.Series, lang: str) -> list[str]:
    return [format_amount(int(v), lang) for v in row]


def _fy_header(table: pd.DataFrame, lang: str) -> list[str]:
    return [
        esc(msg("pf_total", lang)) if c == TOTAL else esc(fy_label(int(c), lang))
        for c in table.columns
    ]


def portfolio_html(
    view: PortfolioView,
    *,
    output: Path | None = None,
    generated: date | None = None,
) -> str:
    """The portfolio document as one HTML page (``output`` sets where links point from).

    Examples
    --------
    >>> from archplan.portfolio import rollup
    >>> page = portfolio_html(rollup("data/portfolio.yaml", today=date(2026, 11, 29), jobs=1))
    >>> "<script" in page, "予算" in page
    (False, True)
    """
    import archplan

    lang = view.language
    pf = view.portfolio

    def T(key: str, **kw: object) -> str:
        return esc(msg(key, lang, **kw))

    here = (output.parent if output else Path.cwd()).resolve()
    reports = pf.reports_dir
    cases = view.cases
    budget = view.budget
    counted = int(cases["counted"].sum()) if len(cases) else 0
    attention = view.attention
    years = view.years
    title = pf.title or msg("pf_kicker", lang)
    sections: list[tuple[str, str, str]] = []  # (anchor, heading, html)

    # summary
    total = int(budget[TOTAL].iloc[-1]) if len(budget) else 0
    summary = T(
        "pf_summary_text",
        n=len(view.results),
        decided=counted,
        undecided=len(view.results) - counted,
        first=fy_label(years[0], lang) if years else "—",
        last=fy_label(years[-1], lang) if years else "—",
        total=format_amount(total, lang),
        attention=len(attention),
    )
    sections.append(("summary", T("pf_summary"), f"<p>{summary}</p>"))

    # budget by case and by tag
    def case_link(cid: str) -> str:
        return f'<a href="#case-{esc(cid)}">{esc(cid)}</a>'

    rows = []
    titles = {r.id: r.title for r in view.results}
    for cid, row in budget.iterrows():
        if cid == TOTAL:
            rows.append([T("pf_total"), "", *_amounts(row, lang)])
        else:
            rows.append([case_link(str(cid)), esc(titles[str(cid)]), *_amounts(row, lang)])
    parts = [f'<p class="ap-note">{T("pf_budget_note")}</p>']
    if len(budget) > 1:
        parts.append(
            html_table(
                [T("pf_case"), T("pf_title"), *_fy_header(budget, lang)],
                rows,
                numeric_from=2,
                total_last=True,
                caption=T("pf_unit_note"),
                css="ap-pf-budget",
            )
        )
    else:
        parts.append(f"<p>{T('pf_nothing')}</p>")
    sections.append(("budget", T("pf_budget"), "".join(parts)))
    if len(budget) > 1:
        for i, key in enumerate(view.tag_keys):
            table = view.budget_by(key)
            trows = [
                [
                    T("pf_total") if k == TOTAL else esc(_tag_value(key, str(k), lang)),
                    *_amounts(r, lang),
                ]
                for k, r in table.iterrows()
            ]
            label = _tag_label(key, lang)
            sections.append(
                (
                    f"by-{key}" if re.fullmatch(r"[A-Za-z0-9_-]+", key) else f"by-tag-{i + 1}",
                    T("pf_by_tag", tag=label),
                    html_table(
                        [esc(label), *_fy_header(table, lang)],
                        trows,
                        numeric_from=1,
                        total_last=True,
                        caption=T("pf_unit_note"),
                        css="ap-pf-by-tag",
                    ),
                )
            )

    # cases not added up
    und = view.undecided
    if len(und):
        paths = {r.id: r.path for r in view.results}
        urows = [
            [
                case_link(str(cid)),
                esc(r["title"])
                if r["title"]
                else f"<code>{esc(_shown_path(paths[str(cid)], pf.root))}</code>",
                T(f"pf_st_{r['status']}"),
                esc(r["reason"]),
            ]
            for cid, r in und.iterrows()
        ]
        body = f'<p class="ap-note">{T("pf_not_added_note")}</p>' + html_table(
            [T("pf_case"), T("pf_title"), T("pf_status"), T("pf_reason")],
            urows,
            css="ap-pf-not-added",
        )
    else:
        body = f"<p>{T('pf_nothing')}</p>"
    sections.append(("not-added", T("pf_not_added"), body))

    # commitments
    com = view.commitments
    if len(com):
        fy_cols = [c for c in com.columns if c not in ("name", "ceiling_yen")]
        crows = []
        for idx, r in com.iterrows():
            cid, contract = (str(k) for k in idx)  # type: ignore[attr-defined]
            if cid == TOTAL:
                crows.append([T("pf_total"), "", "", "", *_amounts(r[fy_cols], lang)])
                continue
            ceiling = r["ceiling_yen"]
            crows.append(
                [
                    case_link(str(cid)),
                    esc(contract),
                    esc(r["name"]),
                    "" if pd.isna(ceiling) else format_amount(int(ceiling), lang),
                    *_amounts(r[fy_cols], lang),
                ]
            )
        body = html_table(
            [
                T("pf_case"),
                T("pf_contract"),
                T("pf_name"),
                T("pf_ceiling"),
                *_fy_header(com[fy_cols], lang),
            ],
            crows,
            numeric_from=3,
            total_last=True,
            caption=T("pf_unit_note"),
            css="ap-pf-commitments",
        )
    else:
        body = f"<p>{T('pf_nothing')}</p>"
    sections.append(("commitments", T("pf_commitments"), body))

    # plan vs actual
    pva = view.plan_vs_actual
    if len(pva):
        prow = [
            [
                case_link(str(r["case"])),
                esc(fy_label(int(r["fiscal_year"]), lang)),
                format_amount(int(r["plan"]), lang),
                format_amount(int(r["actual"]), lang),
                format_amount(int(r["variance"]), lang),
                "—" if r["rate"] is None or pd.isna(r["rate"]) else f"{r['rate']:.1%}",
                T("pf_state_closed") if r["state"] == "closed" else T("pf_state_to_date"),
            ]
            for _, r in pva.iterrows()
        ]
        body = html_table(
            [
                T("pf_case"),
                T("pf_fiscal_year"),
                T("pf_plan"),
                T("pf_actual"),
                T("pf_variance"),
                T("pf_rate"),
                T("pf_state"),
            ],
            prow,
            numeric_from=2,
            caption=T("pf_unit_note"),
            css="ap-pf-actuals",
        )
    else:
        body = (
            f"<p>{T('pf_no_actuals') if _has_actuals_module() else T('pf_actuals_unavailable')}</p>"
        )
    sections.append(("actuals", T("pf_plan_actual"), body))

    # attention
    h = view.horizons
    parts = [
        '<p class="ap-note">'
        + T(
            "pf_attention_note",
            today=h.today.isoformat(),
            days=h.review_within_days,
            stale=h.stale_days,
            months=h.support_within_months,
        )
        + "</p>"
    ]
    for kind in KINDS:
        parts.append(f'<h3 id="attention-{kind}">{T("pf_k_" + kind)}</h3>')
        items = attention[attention["kind"] == kind]
        if kind == "support" and not view.support_known:
            parts.append(f"<p>{T('pf_support_unavailable')}</p>")
            if not len(items):
                continue
        if not len(items):
            parts.append(f"<p>{T('pf_nothing')}</p>")
            continue
        arows = [
            [
                case_link(str(a["case"])),
                esc(a["when"].isoformat() if isinstance(a["when"], date) else "—"),
                esc(a["subject"]),
                esc(a["detail"]),
            ]
            for _, a in items.iterrows()
        ]
        parts.append(
            html_table(
                [T("pf_case"), T("pf_when"), T("pf_subject"), T("pf_detail")],
                arows,
                css=f"ap-pf-attention ap-pf-{kind}",
            )
        )
    sections.append(("attention", T("pf_attention"), "".join(parts)))

    # one line per case
    lines = []
    problems_of = {r.id: r.problems for r in view.results}
    for cid, r in cases.iterrows():
        rep, hand = case_documents(reports, str(cid))
        docs = []
        for path, key in ((rep, "pf_report"), (hand, "pf_handover")):
            if path.is_file():
                href = Path(os.path.relpath(path, here)).as_posix()
                docs.append(f'<a href="{esc(href)}">{T(key)}</a>')
            else:
                docs.append(f"{T(key)}: {T('pf_not_built')}")
        tags = "; ".join(
            f"{_tag_label(k, lang)}: {_tag_value(k, str(r[k]), lang)}"
            for k in view.tag_keys
            if r[k] != "—"
        )
        probs = problems_of[str(cid)]
        shown = "<br>".join(esc(p.render(lang).split("\n")[0]) for p in probs[:3])
        if len(probs) > 3:
            shown += "<br>" + T("pf_more_problems", n=len(probs) - 3)
        decision = "" if pd.isna(r["decision"]) else f"{int(r['decision']):04d}"
        folder = _shown_path(str(r["path"]), pf.root)
        lines.append(
            [
                f'<span id="case-{esc(cid)}">{esc(cid)}</span>',
                esc(r["title"]) if r["title"] else f"<code>{esc(folder)}</code>",
                T(f"pf_st_{r['status']}"),
                esc(decision),
                esc(r["chosen_name"] or ""),
                esc(tags),
                " · ".join(docs),
                shown,
            ]
        )
    sections.append(
        (
            "cases",
            T("pf_cases"),
            html_table(
                [
                    T("pf_case"),
                    T("pf_title"),
                    T("pf_status"),
                    T("pf_decision"),
                    T("pf_chosen"),
                    T("pf_tags"),
                    T("pf_documents"),
                    T("pf_problems"),
                ],
                lines,
                css="ap-pf-cases",
            ),
        )
    )
    if pf.problems:
        prows = [
            [
                esc(p.file),
                esc(p.line or ""),
                esc(p.field or ""),
                esc(_problem_text(p, lang)),
                esc(_expected_text(p, lang) or ""),
            ]
            for p in pf.problems
        ]
        sections.append(
            (
                "problems",
                T("pf_portfolio_problems"),
                html_table(
                    [
                        T("pf_x_file"),
                        T("pf_x_line"),
                        T("pf_x_field"),
                        T("pf_problems"),
                        T("pf_x_expected"),
                    ],
                    prows,
                ),
            )
        )

    today = (generated or date.today()).isoformat()
    toc = "".join(f'<li><a href="#{a}">{h2}</a></li>' for a, h2, _ in sections)
    meta = (
        f"<dt>{T('pf_as_of')}</dt><dd>{esc(h.today.isoformat())}</dd>"
        f"<dt>{T('pf_generated')}</dt><dd>{esc(today)}</dd>"
    )
    body = "".join(f'<section><h2 id="{a}">{h2}</h2>{html}</section>' for a, h2, html in sections)
    css = (files("archplan.report") / "templates" / "report.css").read_text(encoding="utf-8")
    footer = f"archplan {archplan.__version__} · {today} · Python {sys.version.split()[0]}"
    return (
        f'<!DOCTYPE html>\n<html lang="{esc(lang)}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="archplan {esc(archplan.__version__)}">\n'
        f"<title>{esc(title)}</title>\n<style>\n{css}\n"
        ".ap-pf-cases td { font-size: 0.85rem; }\n</style>\n</head>\n"
        '<body class="jp-Notebook">\n<main>\n'
        '<section class="ap-title-page">'
        f'<p class="ap-kicker">{T("pf_kicker")}</p><h1 id="top">{esc(title)}</h1>'
        f'<dl class="ap-meta">{meta}</dl>'
        f'<nav class="ap-toc" aria-label="{T("pf_contents")}"><h2>{T("pf_contents")}</h2>'
        f"<ol>{toc}</ol></nav></section>\n{body}\n"
        f'<footer class="ap-footer">{esc(footer)}</footer>\n</main>\n</body>\n</html>\n'
    )


#: Workbook column labels: the DataFrames' column names → catalogue entries.
_COLUMNS = {
    "case": "pf_case",
    "title": "pf_title",
    "status": "pf_status",
    "decision": "pf_decision",
    "chosen": "pf_x_chosen_id",
    "chosen_name": "pf_chosen",
    "total": "pf_x_total",
    "counted": "pf_x_counted",
    "reason": "pf_reason",
    "problems": "pf_x_problems_n",
    "attention": "pf_x_attention_n",
    "support_end": "pf_x_support_end",
    "executed": "pf_x_executed",
    "path": "pf_x_path",
    "contract": "pf_contract",
    "name": "pf_name",
    "ceiling_yen": "pf_ceiling",
    "fiscal_year": "pf_fiscal_year",
    "plan": "pf_x_plan",
    "actual": "pf_x_actual",
    "variance": "pf_x_variance",
    "rate": "pf_rate",
    "state": "pf_state",
    "kind": "pf_x_kind",
    "when": "pf_when",
    "subject": "pf_subject",
    "detail": "pf_detail",
    "file": "pf_x_file",
    "line": "pf_x_line",
    "field": "pf_x_field",
    "message": "pf_problems",
    "expected": "pf_x_expected",
}


def _column_label(col: object, lang: str) -> str:
    """A workbook column's heading: the catalogue's words, a tag's label, or as named."""
    key = _COLUMNS.get(str(col))
    if key is not None:
        return msg(key, lang)
    return _tag_label(str(col), lang)


def _cell_value(col: str, v: object, lang: str) -> object:
    """Coded values (status, kind, year state, yes/no, fiscal year) in words."""
    if col == "status" and isinstance(v, str):
        return msg(f"pf_st_{v}", lang)
    if col == "kind" and isinstance(v, str):
        return msg(f"pf_k_{v}", lang)
    if col == "state" and v in ("closed", "to date"):
        return msg("pf_state_closed" if v == "closed" else "pf_state_to_date", lang)
    if col == "counted" and isinstance(v, bool | int):
        return msg("yes" if v else "no", lang)
    if col == "fiscal_year" and isinstance(v, int):
        return fy_label(v, lang)
    return v


def _problem_text(p: Problem, lang: str) -> str:
    return p.text.text(lang) if p.text else localize(p.message, lang)


def _expected_text(p: Problem, lang: str) -> str | None:
    if not p.expected:
        return None
    return p.expected_text.text(lang) if p.expected_text else localize(p.expected, lang)


def _shown_path(path: str, root: Path) -> str:
    """A case's folder as the reader wrote it: relative to the portfolio when inside it.

    Examples
    --------
    >>> _shown_path("/a/b/c", Path("/a")), _shown_path("/x/y", Path("/a"))
    ('b/c', '/x/y')
    """
    try:
        return Path(path).relative_to(root).as_posix()
    except ValueError:
        return path


def _has_actuals_module() -> bool:
    import importlib.util

    return importlib.util.find_spec("archplan.actuals") is not None


def _ours(head: bytes) -> bool:
    from archplan.report.build import GENERATOR_MARK

    return bool(GENERATOR_MARK.search(head))


def write_portfolio(
    view: PortfolioView, output: str | Path, *, force: bool = False, generated: date | None = None
) -> Path:
    """Write the portfolio document (replacing only a file archplan wrote, or ``force``).

    Examples
    --------
    >>> import tempfile
    >>> from archplan.portfolio import rollup
    >>> view = rollup("data/portfolio.yaml", today=date(2026, 11, 29), jobs=1)
    >>> write_portfolio(view, tempfile.mkdtemp() + "/p.html").name
    'p.html'
    """
    out = Path(output).resolve()
    check_target(out, force, _ours, "portfolio document")
    write_atomic(out, portfolio_html(view, output=out, generated=generated))
    return out


def write_portfolio_xlsx(view: PortfolioView, output: str | Path, *, force: bool = False) -> Path:
    """The portfolio's tables as a workbook: cases, budget (totals as live ``SUM``
    formulas), budget by each tag, commitments, attention and problems.

    Examples
    --------
    >>> import tempfile
    >>> from archplan.portfolio import rollup
    >>> view = rollup("data/portfolio.yaml", today=date(2026, 11, 29), jobs=1)
    >>> write_portfolio_xlsx(view, tempfile.mkdtemp() + "/p.xlsx").suffix
    '.xlsx'
    """
    import io
    import zipfile

    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    from archplan.export import CREATOR, _sheet_name

    out = Path(output).resolve()

    def ours(head: bytes) -> bool:
        try:
            with zipfile.ZipFile(out) as z:
                return f"<dc:creator>{CREATOR}</dc:creator>".encode() in z.read("docProps/core.xml")
        except Exception:
            return False

    check_target(out, force, ours, "portfolio workbook")
    lang = view.language
    wb = Workbook()
    for sheet in list(wb.worksheets):
        wb.remove(sheet)

    def text(sheet: object, row: int, col: int, value: object) -> None:
        cell = sheet.cell(row=row, column=col)  # type: ignore[attr-defined]
        cell.value = value
        if isinstance(value, str):
            cell.data_type = "s"  # never a formula, whatever the text starts with

    used: set[str] = set()

    def money_sheet(name: str, table: pd.DataFrame, label: str) -> None:
        sh = wb.create_sheet(_sheet_name(name, used))
        years = [c for c in table.columns if c != TOTAL]
        text(sh, 1, 1, label)
        for j, fy in enumerate(years, start=2):
            text(sh, 1, j, fy_label(int(fy), lang))
        text(sh, 1, len(years) + 2, msg("pf_total", lang))
        body = table.drop(index=TOTAL)
        for i, (key, row) in enumerate(body.iterrows(), start=2):
            text(sh, i, 1, value_text(str(key)))
            for j, fy in enumerate(years, start=2):
                sh.cell(row=i, column=j, value=int(row[fy]))
            a, b = get_column_letter(2), get_column_letter(len(years) + 1)
            sh.cell(row=i, column=len(years) + 2, value=f"=SUM({a}{i}:{b}{i})")
        last = len(body) + 1
        tr = last + 1
        text(sh, tr, 1, msg("pf_total", lang))
        for j in range(2, len(years) + 3):
            col = get_column_letter(j)
            c = sh.cell(row=tr, column=j, value=f"=SUM({col}2:{col}{last})" if last >= 2 else 0)
            c.font = Font(bold=True)
        text(sh, tr + 2, 1, msg("pf_unit_note", lang))

    def frame_sheet(name: str, frame: pd.DataFrame) -> None:
        sh = wb.create_sheet(_sheet_name(name, used))
        for j, col in enumerate(frame.columns, start=1):
            text(sh, 1, j, _column_label(col, lang))
            sh.cell(row=1, column=j).font = Font(bold=True)
        for i, row in enumerate(frame.itertuples(index=False), start=2):
            for j, v in enumerate(row, start=1):
                if v is None or (not isinstance(v, str) and pd.isna(v)):
                    continue
                v = _cell_value(str(frame.columns[j - 1]), v, lang)
                if isinstance(v, date):
                    v = v.isoformat()
                elif hasattr(v, "item"):
                    v = v.item()
                text(sh, i, j, v if isinstance(v, int | float) else str(v))

    def value_text(v: str) -> str:
        return v

    cases = view.cases.reset_index()
    tag_keys = view.tag_keys
    for key in tag_keys:  # phase and TIME tags in words; others as written
        cases[key] = [_tag_value(key, str(v), lang) for v in cases[key]]
    frame_sheet(msg("pf_x_sh_cases", lang), cases)
    money_sheet(msg("pf_x_sh_budget", lang), view.budget, msg("pf_case", lang))
    for key in tag_keys:
        if len(view.budget) > 1:
            table = view.budget_by(key)
            table.index = pd.Index(
                [k if k == TOTAL else _tag_value(key, str(k), lang) for k in table.index]
            )
            label = _tag_label(key, lang)
            money_sheet(msg("pf_x_sh_by", lang, tag=label), table, label)
    com = view.commitments
    if len(com):
        flat = com.drop(index=TOTAL, level=0).reset_index()
        flat.columns = pd.Index(
            [
                fy_label(int(c), lang)
                if isinstance(c, int)
                else msg("pf_x_total_k", lang)
                if c == TOTAL
                else c
                for c in flat.columns
            ]
        )
        frame_sheet(msg("pf_x_sh_commitments", lang), flat)
    frame_sheet(msg("pf_x_sh_actuals", lang), view.plan_vs_actual)
    frame_sheet(msg("pf_x_sh_attention", lang), view.attention)
    problems = view.problems
    found = [p for p in view.portfolio.problems] + [p for r in view.results for p in r.problems]
    if len(found) == len(problems):  # the messages in the workbook's language
        problems["message"] = [_problem_text(p, lang) for p in found]
        problems["expected"] = [_expected_text(p, lang) for p in found]
    frame_sheet(msg("pf_x_sh_problems", lang), problems)
    wb.properties.creator = CREATOR
    buf = io.BytesIO()
    wb.save(buf)
    write_atomic(out, buf.getvalue())
    return out
