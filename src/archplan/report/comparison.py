"""Report sections on the comparison of options: inputs, knock-outs, ranking, robustness."""

from __future__ import annotations

import pandas as pd

from archplan.compare import (
    Method,
    compare_methods,
    rank_acceptability,
    stability_intervals,
    value_for_money,
    workspace_method,
)
from archplan.compare.advice import comparison_warnings, gate_criteria
from archplan.errors import ArchplanError
from archplan.messages import MESSAGES, msg
from archplan.money import UNIT_DIVISOR
from archplan.report.analysis import analysis_of
from archplan.report.charts import (
    acceptability_chart,
    contribution_chart,
    stability_chart,
    value_chart,
)
from archplan.report.figures import knocked_out, money_text, option_name_cell
from archplan.report.i18n import colon, label, paren
from archplan.report.sections import Fragment, esc, html_table, labeller
from archplan.workspace.model import Workspace

__all__ = ["comparison_section", "sensitivity_section"]


def _method(ws: Workspace) -> Method:
    return workspace_method(ws)


def comparison_section(ws: Workspace) -> Fragment:
    """Criteria with scales and weights, the scores as written, knock-outs, the ranking,
    why the winner won, and the conventions used."""
    lang = ws.settings.language
    problem = analysis_of(ws).problem
    names = {str(k): str(v) for k, v in problem.option_names.items()}
    crit_names = {str(k): str(v) for k, v in problem.criterion_names.items()}
    weights = {str(k): float(v) for k, v in problem.weights.items()}

    L = labeller(lang)

    out = [f'<h2 id="comparison">{L("comparison")}</h2>']
    gates = set(gate_criteria(problem))
    crit_rows = []
    for cid, row in problem.scales.iterrows():
        c = ws.criterion(str(cid))
        direction = label(c.direction, lang) if c.direction != "target" else row["direction"]
        crit_rows.append(
            [
                esc(row["name"])
                + (f' <span class="ap-unit">[{esc(c.unit)}]</span>' if c.unit else ""),
                esc(direction),
                esc(row["mapping"] if c.scale != "number" else ""),
                esc(row["must"]),
                # A must-have-only criterion is a gate, not a 0 % weight (compare.advice).
                esc(msg("jt_gate_only", lang)) if cid in gates else f"{weights[str(cid)]:.1%}",
            ]
        )
    out.append(f"<h3>{L('criteria')}</h3>")
    out.append(
        html_table(
            [L("criterion"), L("direction"), L("mapping"), L("must"), L("weight")],
            crit_rows,
            numeric_from=4,
        )
    )
    evidence = [(c.name, c.evidence) for c in ws.criteria if c.evidence]
    if evidence:
        out.append(
            f'<p class="ap-note">{L("evidence")}{colon(lang)}</p><ul class="ap-note">'
            + "".join(f"<li>{esc(n)}{colon(lang)} {esc(e)}</li>" for n, e in evidence)
            + "</ul>"
        )
    weights_note = problem.weights_note
    if weights_note:
        out.append(f'<p class="ap-note">{esc(weights_note)}</p>')
    # The scores as written (marks kept), cost-model values in the display unit.
    reasons = knocked_out(ws)
    unit_note = paren(label("unit_" + ws.settings.display_unit, lang), lang)
    header = [L("option")] + [
        esc(crit_names[str(c)] + (unit_note if ws.criterion(str(c)).source != "scores" else ""))
        for c in problem.cells.columns
    ]
    rows = []
    full = problem.full_matrix
    for i, o in enumerate(problem.cells.index):
        cells = []
        for cid in problem.cells.columns:
            if ws.criterion(str(cid)).source != "scores":
                # The display convention (half-up, as every other document shows it).
                cells.append(money_text(ws, float(full[cid].to_numpy()[i])))
            else:
                cells.append(esc(problem.cells.loc[o, cid]))
        rows.append([option_name_cell(ws, str(o), reasons), *cells])
    out.append(f"<h3>{L('scores')}</h3>")
    out.append(html_table(header, rows, css="ap-scores"))
    other = [n for n in problem.notes if n != problem.weights_note]
    other += comparison_warnings(ws, problem, _method(ws))  # two options, min–max
    if other:
        out.append('<ul class="ap-note">' + "".join(f"<li>{esc(n)}</li>" for n in other) + "</ul>")
    if len(problem.excluded):
        out.append(f"<h3>{L('excluded')}</h3>")
        out.append(
            html_table(
                [L("option"), L("reason")],
                [[esc(names[str(o)]), esc(r["reason"])] for o, r in problem.excluded.iterrows()],
                css="ap-excluded",
            )
        )
    try:
        result = analysis_of(ws).result
    except ArchplanError as exc:
        out.append(f'<p class="ap-warning">{esc(exc)}</p>')
        return Fragment("".join(out))
    out.append(f'<h3 id="ranking">{L("ranking")} — {esc(result.method.label_for(lang))}</h3>')
    if not len(result.table):
        out.append(f'<p class="ap-warning">{L("all_excluded")}</p>')
        return Fragment("".join(out))
    out.append(
        html_table(
            [L("rank"), L("option"), L("score")],
            [
                [esc(r["rank"]), esc(r["name"]), f"{r['score']:.3f}"]
                for _, r in result.table.iterrows()
            ],
            numeric_from=2,
            css="ap-ranking",
        )
    )
    out.append(f'<p class="ap-explain">{esc(result.explain(language=lang))}</p>')
    out.append(
        contribution_chart(
            result.contributions, problem.option_names, problem.criterion_names, lang
        ).html()
    )
    sep = colon(lang) + ("" if lang == "ja" else " ")
    conv = "".join(
        f"<li>{esc(k)}{sep}{esc(v)}</li>" for k, v in result.conventions_for(lang).items()
    )
    out.append(
        f'<details class="ap-note"><summary>{L("conventions")}</summary><ul>{conv}</ul></details>'
    )
    return Fragment("".join(out))


def sensitivity_section(ws: Workspace) -> Fragment:
    """Weight stability intervals, rank acceptability, method agreement, value for money."""
    lang = ws.settings.language

    L = labeller(lang)

    problem = analysis_of(ws).problem
    names = {str(k): str(v) for k, v in problem.option_names.items()}
    method = _method(ws)
    out = [f'<h2 id="sensitivity">{L("robustness")}</h2>']
    if len(problem.matrix) < 2:
        out.append(f"<p>{L('too_few')}</p>")
        return Fragment("".join(out))
    cs = ws.settings.comparison
    stab = stability_intervals(problem, method)
    gates = gate_criteria(problem)
    stab = stab.drop(index=gates)  # gates are not weighted: no interval to show
    winner = names[str(stab.attrs["winner"])]
    out.append(f"<h3>{L('stability')}</h3>")
    out.append(f'<p class="ap-note">{esc(label("stability_note", lang).format(winner=winner))}</p>')

    def taker(v: object) -> str:
        return esc(names.get(v, v)) if isinstance(v, str) else "—"

    rows = [
        [
            esc(r["name"]),
            f"{r['weight']:.1%}",
            f"{r['lower']:.1%}",
            f"{r['upper']:.1%}",
            taker(r["below"]),
            taker(r["above"]),
        ]
        for _, r in stab.iterrows()
    ]
    out.append(
        html_table(
            [L("criterion"), L("weight"), L("lower"), L("upper"), L("below"), L("above")],
            rows,
            numeric=[1, 2, 3],
            css="ap-stability",
        )
    )
    if gates:
        gate_names = "、" if lang == "ja" else ", "
        out.append(
            '<p class="ap-note">'
            + esc(
                msg(
                    "jt_gate_note",
                    lang,
                    names=gate_names.join(str(problem.criterion_names[g]) for g in gates),
                )
            )
            + "</p>"
        )
    out.append(stability_chart(stab, lang).html())
    ra = rank_acceptability(
        problem,
        method,
        samples=cs.samples,
        seed=cs.seed,
        concentration=cs.concentration,
    )
    out.append(f"<h3>{L('acceptability')}</h3>")
    out.append(
        '<p class="ap-note">'
        + esc(
            label("acceptability_note", lang).format(**_acceptability_attrs(ra.attrs, method, lang))
        )
        + "</p>"
    )
    rows = [[esc(names[str(o)])] + [f"{v:.1%}" for v in r] for o, r in ra.iterrows()]
    out.append(
        html_table(
            [L("option")] + [esc(f"{label('rank', lang)} {k}") for k in ra.columns],
            rows,
            numeric_from=1,
            css="ap-acceptability",
        )
    )
    out.append(acceptability_chart(ra, problem.option_names, lang).html())
    methods = compare_methods(problem)
    out.append(f"<h3>{L('methods')}</h3>")
    cols = [c for c in methods.columns if c != "agree"]
    from archplan.compare import METHODS

    local_names = {cls.label: msg("method_" + key, lang) for key, cls in METHODS.items()}
    methods = methods.rename(columns=local_names)
    cols = [local_names.get(c, c) for c in cols]
    rows = [
        [esc(names[str(o)])]
        + ["—" if pd.isna(r[c]) else str(int(r[c])) for c in cols]
        + [esc(msg("agree", lang)) if r["agree"] else "⚠ " + esc(label("disagree", lang))]
        for o, r in methods.iterrows()
    ]
    out.append(
        html_table(
            [L("option")] + [esc(c) for c in cols] + [L("agreement")],
            rows,
            numeric=list(range(1, len(cols) + 1)),
            css="ap-methods",
        )
    )
    for note in methods.attrs.get("notes", []):
        out.append(f'<p class="ap-note">{esc(note)}</p>')
    try:
        costs = analysis_of(ws).cost_summary["total"]
        vfm = value_for_money(problem, costs)
    except ArchplanError:
        return Fragment("".join(out))
    divisor = UNIT_DIVISOR[ws.settings.display_unit]
    unit = label("unit_" + ws.settings.display_unit, lang)
    out.append(f"<h3>{L('value_for_money')}</h3>")
    rows = [
        [
            esc(r["name"]),
            f"{r['benefit']:.3f}",
            money_text(ws, float(r["cost"])),
            esc(msg("yes", lang)) if r["efficient"] else "",
        ]
        for _, r in vfm.iterrows()
    ]
    out.append(
        html_table(
            [
                L("option"),
                L("benefit_score"),
                esc(label("total", lang) + paren(unit, lang)),  # 合計（千円）
                L("efficient"),
            ],
            rows,
            numeric=[1, 2],  # "efficient" is a word (該当 / yes), not a number
            css="ap-value",
        )
    )
    out.append(value_chart(vfm, divisor, unit, lang).html())
    return Fragment("".join(out))


def _acceptability_attrs(
    attrs: dict[object, object], method: Method, lang: str
) -> dict[str, object]:
    out = {str(k): v for k, v in attrs.items()}
    out["method"] = method.label_for(lang)
    out["mode"] = (
        msg(f"mode_{out['mode']}", lang) if f"mode_{out['mode']}" in MESSAGES else out["mode"]
    )
    return out
