"""The report's front matter: the status of the recommendation, a table of contents and
the executive summary a department head reads first."""

from __future__ import annotations

from datetime import date

import numpy as np

from archplan.decisions import evaluate_record
from archplan.decisions.reading import trigger_with_reading
from archplan.errors import ArchplanError
from archplan.fiscal import fy_label
from archplan.messages import msg
from archplan.money import TOTAL, format_amount, to_unit
from archplan.report.analysis import analysis_of
from archplan.report.figures import option_label
from archplan.report.i18n import colon, label, paren, status_label
from archplan.report.sections import esc, labeller
from archplan.workspace.model import Workspace

__all__ = ["executive_summary", "recommendation_status", "toc"]


def _top(ws: Workspace) -> str | None:
    return analysis_of(ws).top


def recommendation_status(ws: Workspace) -> str:
    """Where the recommendation stands in the decision log, in the workspace language."""
    lang = ws.settings.language
    top = _top(ws)
    if top is None:
        return label("no_recommendation", lang)
    records = [r for r in ws.decisions if r.chosen == top and r.status != "superseded"]
    name = ws.option(top).name
    if not records:
        return label("status_unrecorded", lang).format(option=name)
    # The record that chose the option is the accepted one (the latest, if several);
    # a later proposal that merely names the same option (a follow-up) does not make
    # the choice "proposed" again. Only when none is accepted is the latest one stated.
    accepted = [r for r in records if r.status == "accepted"]
    r = max(accepted or records, key=lambda r: r.number)
    status = status_label(r.status, lang)
    return label("status_recorded", lang).format(
        option=name, status=status, number=f"{r.number:04d}"
    )


def toc(ws: Workspace, document: str = "report") -> str:
    """Links to the sections of the document that this workspace has (the report
    registry's :func:`~archplan.report.registry.contents`)."""
    from archplan.report.registry import contents

    lang = ws.settings.language
    items = "".join(
        f'<li><a href="#{esc(anchor)}">{esc(text)}</a></li>'
        for anchor, text in contents(ws, document)
    )
    return (
        f'<nav class="ap-toc" aria-label="{esc(label("contents", lang))}">'
        f"<h2>{esc(label('contents', lang))}</h2><ol>{items}</ol></nav>"
    )


def executive_summary(ws: Workspace, today: date | None = None) -> str:
    """The recommended option, why, its cost and confidence range, what needs review."""
    from archplan.report.risk import has_uncertainty

    lang = ws.settings.language
    today = today or date.today()

    L = labeller(lang)

    out = [f'<section class="ap-summary"><h2 id="summary">{L("summary")}</h2>']
    a = analysis_of(ws)
    problem = a.problem
    try:
        result = a.result
    except ArchplanError as exc:
        out.append(f'<p class="ap-warning">{esc(exc)}</p></section>')
        return "".join(out)
    if not len(result.table):
        out.append(f"<p>{L('all_excluded')}</p></section>")
        return "".join(out)
    top = str(result.table.index[0])
    name = ws.option(top).name
    unit_id = ws.settings.display_unit
    unit = label("unit_" + ws.settings.display_unit, lang)
    years = ws.settings.fiscal_years
    span = f"{fy_label(years[0], lang)}–{fy_label(years[-1], lang)}"
    # The budget table's own total (sum of rounded cells), so the two never disagree.
    total = int(a.budget_view()[TOTAL].to_dict()[top])
    c = colon(lang)  # "：" in Japanese
    items = [
        f"<li><strong>{L('recommended')}{c}</strong> {esc(name)}</li>",
        f"<li><strong>{L('why')}{c}</strong> {esc(result.explain(language=lang))}</li>",
        f"<li><strong>{L('total')} {esc(span)}{c}</strong> "
        f"{format_amount(total, lang)} {esc(unit)}{esc(paren(label('tax_inclusive', lang), lang))}"
        "</li>",
    ]
    if has_uncertainty(ws):
        from archplan.uncertainty.results import is_certain

        sim = a.simulation
        k = sim.options.index(top)
        p10, p50, p90 = np.percentile(sim.totals[:, k], [10, 50, 90])
        # The P10–P90 range (not a confidence interval); none for an option with no
        # uncertain input, whose three percentiles would all be the plan.
        items.append(
            f"<li><strong>{esc(msg('dfx_range', lang))}{c}</strong> "
            + (
                esc(msg("dfx_certain_option", lang, option=name))
                if is_certain(sim, top)
                else f"P10 {format_amount(to_unit(p10, unit_id), lang)} – P50 "
                f"{format_amount(to_unit(p50, unit_id), lang)} – P90 "
                f"{format_amount(to_unit(p90, unit_id), lang)} {esc(unit)}"
            )
            + "</li>"
        )
    else:
        none = L("no_uncertainty")
        items.append(f"<li><strong>{esc(msg('dfx_range', lang))}{c}</strong> {none}</li>")
    if len(problem.excluded):
        names = ", ".join(option_label(ws, str(o)) for o in problem.excluded.index)
        items.append(f"<li><strong>{L('excluded')}{c}</strong> {esc(names)}</li>")
    com = a.commitments
    for w in com.attrs.get("warnings", []):
        items.append(f'<li class="ap-warning">⚠ {esc(w)}</li>')
    out.append(f"<ul>{''.join(items)}</ul>")
    from archplan.report.timing import open_gaps_html

    out.append(open_gaps_html(ws))  # the open support gaps that archplan check warns of
    due = _due(ws, today)
    out.append(f"<h3>{L('due_for_review')}</h3>")
    if due:
        out.append(
            "<ul>"
            + "".join(
                f'<li class="ap-warning"><a href="#adr-{n:04d}">'
                f"{esc(f'{n:04d}')} {esc(t)}</a> — {esc(why)}</li>"
                for n, t, why in due
            )
            + "</ul>"
        )
    else:
        out.append(f"<p>{L('nothing_due')}</p>")
    out.append("</section>")
    return "".join(out)


def _due(ws: Workspace, today: date) -> list[tuple[int, str, str]]:
    """Open records past their review date or with a trigger that fires."""
    lang = ws.settings.language
    ctx = analysis_of(ws).triggers()
    out = []
    for r in ws.decisions:
        if r.status in ("superseded", "rejected", "deprecated"):
            continue
        reasons = []
        if r.review_by is not None and r.review_by < today:
            reasons.append(label("review_overdue", lang).format(date=r.review_by))
        evals, _ = evaluate_record(r, ctx, today)
        reasons += [
            f"{label('trigger_fires', lang)}{colon(lang)} {trigger_with_reading(e.text, lang)}"
            for e in evals
            if e.fired
        ]
        if reasons:
            out.append((r.number, r.title, msg("tim_sep", lang).join(reasons)))
    return out
