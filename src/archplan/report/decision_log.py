"""The report's decision log: records tied to the numbers they rest on."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from archplan.decisions import evaluate_record, render_markdown
from archplan.messages import msg
from archplan.money import format_amount, to_unit
from archplan.report.analysis import analysis_of
from archplan.report.figures import format_number, knocked_out, shown_totals
from archplan.report.i18n import colon, label, paren, status_label, trigger_html
from archplan.report.sections import Fragment, _unit_note, esc, html_table, labeller
from archplan.workspace.model import DecisionRecord, Workspace

__all__ = ["decision_log_section"]

CLOSED = ("superseded", "rejected", "deprecated")


def _status(s: str, lang: str) -> str:
    return status_label(s, lang)


def _target(records: dict[int, DecisionRecord], n: int) -> str:
    r = records.get(n)
    text = f"{n:04d}" + (f" {r.title}" if r else "")
    return f'<a href="#adr-{n:04d}">{esc(text)}</a>' if r else esc(text)


def decision_log_section(ws: Workspace, today: date | None = None) -> Fragment:
    """See :func:`archplan.report.sections.decisions_section`."""
    lang = ws.settings.language
    today = today or date.today()

    L = labeller(lang)

    out = [f'<h2 id="decisions">{L("decisions")}</h2>']
    if not ws.decisions:
        out.append(f"<p>{L('no_decisions')}</p>")
        return Fragment("".join(out))
    records = {r.number: r for r in ws.decisions}
    ctx = analysis_of(ws).triggers()
    # Timeline, oldest first, with the links between records.
    out.append(f'<h3>{L("timeline")}</h3><ol class="ap-timeline">')
    for r in sorted(ws.decisions, key=lambda r: (r.date or date.min, r.number)):
        links = "".join(
            f' <span class="ap-link">{esc(label("rel_" + rel, lang))} {_target(records, n)}</span>'
            for rel, n in r.links
        )
        out.append(
            f'<li><span class="ap-date">{esc(r.date.isoformat() if r.date else "—")}'
            f'</span> <a href="#adr-{r.number:04d}">{esc(f"{r.number:04d}")} '
            f'{esc(r.title)}</a> <span class="ap-status ap-status-{esc(r.status)}">'
            f"{esc(_status(r.status, lang))}</span>{links}</li>"
        )
    out.append("</ol>")
    # What we believed then: the register's history in git, charted for live decisions.
    from archplan.report.assumption_drift import drift_fragment, then_cells

    history = analysis_of(ws).register_history(lang)
    out.append(drift_fragment(ws, history, today))
    from archplan.report.handover import overdue_decision

    ranking = _ranking(ws)
    totals = shown_totals(ws)
    reasons = knocked_out(ws)
    p90 = _p90(ws)
    unit_id = ws.settings.display_unit
    for r in sorted(ws.decisions, key=lambda r: r.number):
        out.append(f'<article class="ap-record" id="adr-{r.number:04d}">')
        out.append(
            f'<p class="ap-record-meta">{esc(f"{r.number:04d}")} · '
            f"{esc(_status(r.status, lang))} · {esc(r.date or '')}"
            + (f" · {L('review_by')} {esc(r.review_by.isoformat())}" if r.review_by else "")
            + "</p>"
        )
        evals, problems = evaluate_record(r, ctx, today) if r.status not in CLOSED else ([], [])
        fired = [e for e in evals if e.fired]
        if r.status not in CLOSED and r.review_by is not None and r.review_by < today:
            out.append(
                f'<p class="ap-warning" role="alert">⚠ '
                f"{esc(label('review_overdue', lang).format(date=r.review_by))}</p>"
            )
        late = overdue_decision(r, today, lang)
        if late:
            out.append(f'<p class="ap-warning" role="alert">⚠ {esc(late)}</p>')
        for e in fired:
            out.append(
                f'<p class="ap-warning" role="alert">⚠ {L("trigger_fires")}{colon(lang)} '
                f"{trigger_html(e.text, lang)} — {esc(e.because)}</p>"
            )
        for p in problems:
            out.append(f'<p class="ap-warning">⚠ {esc(p.message)}</p>')
        considered = list(r.options) or [o.id for o in ws.options]
        if r.options or r.chosen:
            rows = []
            for o in considered:
                if o not in totals:
                    rows.append([esc(o), "—", "—", "—", "—"])
                    continue
                rank = ranking.get(o)
                rows.append(
                    [
                        esc(ws.option(o).name) + (" ★" if o == r.chosen else ""),
                        esc(rank)
                        if rank is not None
                        else esc(
                            msg("rep_knocked_out", lang, reason=reasons[o])
                            if o in reasons
                            else label("excluded_short", lang)
                        ),
                        format_amount(totals[o], lang),
                        format_amount(to_unit(p90[o], unit_id), lang) if o in p90 else "—",
                        esc(label("chosen", lang)) if o == r.chosen else "",
                    ]
                )
            out.append(f"<h4>{L('live_figures')}</h4>")
            out.append(
                html_table(
                    [L("option"), L("rank_now"), L("total_now"), "P90", L("chosen")],
                    rows,
                    numeric=[2, 3],
                    caption=esc(_unit_note(ws)),  # totals and P90: tax-inclusive
                    css="ap-live",
                )
            )
        if r.assumptions:
            from_git = then_cells(ws, r, history)
            rows = []
            for name, then in r.assumptions:
                now = ws.assumptions[name].value if name in ws.assumptions else None
                changed = now is None or Decimal(now) != then
                rows.append(
                    [
                        esc(name),
                        _num(then),
                        _num(now) if now is not None else "—",
                        "≠" if changed else "=",
                    ]
                    + ([esc(from_git[name][0]), esc(from_git[name][1])] if name in from_git else [])
                )
            head = [L("assumption"), L("when_decided"), L("now"), ""]
            if from_git:
                head += [esc(msg("adr_col_then", lang)), esc(msg("adr_col_commit", lang))]
                rows = [row + ["—", "—"] * (len(row) < len(head)) for row in rows]
            out.append(f"<h4>{L('assumptions_then_now')}</h4>")
            out.append(
                html_table(
                    head,
                    rows,
                    # The register's value then (from git) is a number too, ⚠ where it
                    # contradicts the record.
                    numeric=[1, 2, 4] if from_git else [1, 2],
                    css="ap-then-now",
                )
            )
        if evals:
            items = "".join(
                f"<li>{'⚠ ' if e.fired else ''}"
                f"<strong>{esc(msg('trigger_fired' if e.fired else 'trigger_not_fired', lang))}"
                f"</strong>{colon(lang)} {trigger_html(e.text, lang)}"
                f'<span class="ap-note">{esc(paren(e.because, lang))}</span></li>'
                for e in evals
            )
            out.append(f'<h4>{L("triggers")}</h4><ul class="ap-triggers">{items}</ul>')
        out.append(render_markdown(r.body, shift_headings=2, record_anchors=True))
        out.append("</article>")
    return Fragment("".join(out))


def _num(v: Decimal) -> str:
    # Never scientific notation (2181818.18 once printed as 2.18182e+6).
    return format_number(v)


def _ranking(ws: Workspace) -> dict[str, int]:
    return {str(k): int(v) for k, v in analysis_of(ws).ranking["rank"].items()}


def _p90(ws: Workspace) -> dict[str, float]:
    from archplan.report.risk import has_uncertainty

    if not has_uncertainty(ws):
        return {}
    import numpy as np

    sim = analysis_of(ws).simulation
    return {o: float(np.percentile(sim.totals[:, k], 90)) for k, o in enumerate(sim.options)}
