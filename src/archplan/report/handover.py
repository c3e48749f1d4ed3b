"""The handover pack: the document a successor reads first.

What is decided and what is still open, every decision with its status and links, the
assumptions register with sources and their age (stale ones flagged), the cost plan and
its commitments by fiscal year, the risks, the review calendar (what to revisit when, and
which triggers fire now), and where the files live.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from archplan.decisions import TriggerContext, evaluate_record
from archplan.fiscal import fy_label
from archplan.report.i18n import label, status_label, trigger_html
from archplan.report.sections import Fragment, esc, html_table, labeller
from archplan.workspace.loader import (
    ASSUMPTIONS_FILE,
    COSTS_FILE,
    CRITERIA_FILE,
    DECISIONS_DIR,
    OPTIONS_FILE,
    SCORES_FILE,
    SETTINGS_FILE,
)
from archplan.workspace.model import Workspace

__all__ = [
    "STALE_DAYS",
    "assumptions_section",
    "decided_and_open",
    "files_section",
    "handover_title",
    "review_calendar",
    "risks_section",
]

#: An assumption whose as-of date is older than this is flagged as stale.
STALE_DAYS = 365
CLOSED = ("superseded", "rejected", "deprecated")


def _status(s: str, lang: str) -> str:
    return status_label(s, lang)


def handover_title(ws: Workspace, today: date | None = None) -> Fragment:
    """Title, date, author, contents."""
    lang = ws.settings.language
    today = today or date.today()

    L = labeller(lang)

    entries = [
        ("decided", "decided_open"),
        ("decisions", "decisions"),
        ("calendar", "review_calendar"),
        ("assumptions", "assumptions_register"),
        ("budget", "budget"),
        ("risks", "risks_heading"),
        ("files", "files"),
    ]
    toc = "".join(f'<li><a href="#{a}">{L(k)}</a></li>' for a, k in entries)
    meta = [f"<dt>{L('generated')}</dt><dd>{esc(today.isoformat())}</dd>"]
    if ws.settings.author:
        meta.append(f"<dt>{L('author')}</dt><dd>{esc(ws.settings.author)}</dd>")
    return Fragment(
        '<section class="ap-title-page">'
        f'<p class="ap-kicker">{L("handover")}</p><h1 id="top">{esc(ws.settings.title)}</h1>'
        f'<dl class="ap-meta">{"".join(meta)}</dl>'
        f"<p>{L('handover_intro')}</p>"
        f'<nav class="ap-toc" aria-label="{L("contents")}"><h2>{L("contents")}</h2>'
        f"<ol>{toc}</ol></nav></section>"
    )


def decided_and_open(ws: Workspace) -> Fragment:
    """Decided (accepted), open (proposed or unknown) and closed records; the current
    recommendation."""
    from archplan.report.summary import recommendation_status

    lang = ws.settings.language

    L = labeller(lang)

    out = [
        f'<h2 id="decided">{L("decided_open")}</h2>',
        f"<p><strong>{L('recommendation_status')}:</strong> {esc(recommendation_status(ws))}</p>",
    ]
    groups = [
        ("decided", [r for r in ws.decisions if r.status == "accepted"]),
        ("still_open", [r for r in ws.decisions if r.status not in ("accepted", *CLOSED)]),
        ("closed", [r for r in ws.decisions if r.status in CLOSED]),
    ]
    for key, records in groups:
        out.append(f"<h3>{L(key)}</h3>")
        if not records:
            out.append(f"<p>{L('none')}</p>")
            continue
        rows = []
        for r in records:
            chosen = (
                ws.option(r.chosen).name
                if r.chosen and r.chosen in {o.id for o in ws.options}
                else (r.chosen or "")
            )
            links = ", ".join(f"{label('rel_' + rel, lang)} {n:04d}" for rel, n in r.links)
            rows.append(
                [
                    f'<a href="#adr-{r.number:04d}">{esc(f"{r.number:04d}")}</a>',
                    esc(r.title),
                    esc(_status(r.status, lang)),
                    esc(r.date.isoformat() if r.date else ""),
                    esc(chosen),
                    esc(links),
                ]
            )
        out.append(
            html_table(
                [L("number"), L("title"), L("status"), L("date"), L("chosen"), L("links")],
                rows,
                css=f"ap-{key}",
            )
        )
    return Fragment("".join(out))


def assumptions_section(ws: Workspace, today: date | None = None) -> Fragment:
    """The assumptions register: value, unit, source, as-of date and age; stale flagged."""
    lang = ws.settings.language
    today = today or date.today()

    L = labeller(lang)

    rows = []
    stale = 0
    for a in ws.assumptions.values():
        age = (today - a.as_of).days if a.as_of else None
        is_stale = age is None or age > STALE_DAYS
        stale += is_stale
        value = f"{a.value:,}"
        age_text = (
            label("no_date", lang) if age is None else label("age_days", lang).format(days=age)
        )
        flag = f'<span class="ap-stale">⚠ {L("stale")}</span>' if is_stale else ""
        rows.append(
            [
                esc(a.name),
                value,
                esc(a.unit),
                esc(a.source),
                esc(a.as_of.isoformat() if a.as_of else "—"),
                esc(age_text) + flag,
                esc(a.uncertainty.describe(lang)) if a.uncertainty else "",
            ]
        )
    note = label("stale_note", lang).format(days=STALE_DAYS, n=stale)
    return Fragment(
        f'<h2 id="assumptions">{L("assumptions_register")}</h2>'
        f'<p class="ap-note">{esc(note)}</p>'
        + html_table(
            [
                L("assumption"),
                L("value"),
                L("unit"),
                L("source"),
                L("as_of"),
                L("age"),
                L("distribution"),
            ],
            rows,
            numeric_from=1,
            css="ap-assumptions",
        )
    )


def risks_section(ws: Workspace) -> Fragment:
    """Risk events and uncertain inputs, with the cost range they give."""
    from archplan.report.risk import has_uncertainty, input_label

    lang = ws.settings.language

    L = labeller(lang)

    out = [f'<h2 id="risks">{L("risks_heading")}</h2>']
    if not has_uncertainty(ws):
        out.append(f"<p>{L('no_uncertainty')}</p>")
        return Fragment("".join(out))
    if ws.risks:
        rows = [
            [
                esc(r.name),
                esc(fy_label(r.fy, lang)),
                f"{r.probability:.0%}",
                esc("; ".join(f"{ws.option(o).name}: {d.describe(lang)}" for o, d in r.impacts)),
            ]
            for r in ws.risks
        ]
        out.append(
            html_table(
                [L("risk_event"), L("fiscal_year"), L("probability"), L("impact")],
                rows,
                css="ap-risk-events",
            )
        )
    from archplan.uncertainty import simulate, summary_table

    sim = simulate(ws)
    table = summary_table(sim)
    names = {o.id: o.name for o in ws.options}
    rows = [
        [
            esc(names[str(o)]),
            f"{r['P10']:,.0f}",
            f"{r['P50']:,.0f}",
            f"{r['P90']:,.0f}",
            f"{r['plan']:,.0f}",
            f"P{round(r['plan_percentile'] * 100)}",
        ]
        for o, r in table.iterrows()
    ]
    out.append(
        html_table(
            [L("option"), "P10", "P50", "P90", L("plan"), L("plan_confidence")],
            rows,
            numeric_from=1,
            caption=esc(f"({label('unit_yen', lang)})"),
            css="ap-risk-summary",
        )
    )
    inputs = [esc(input_label(ws, n, lang)) for n in sim.model.input_names]
    out.append(f'<p class="ap-note">{L("inputs")}: {", ".join(inputs)}</p>')
    return Fragment("".join(out))


def review_calendar(ws: Workspace, today: date | None = None) -> Fragment:
    """Every open record's review date (overdue first), and the triggers that fire now."""
    lang = ws.settings.language
    today = today or date.today()

    L = labeller(lang)

    ctx = TriggerContext(ws)
    rows = []
    for r in sorted(
        (r for r in ws.decisions if r.status not in CLOSED),
        key=lambda r: (r.review_by or date.max, r.number),
    ):
        evals, _ = evaluate_record(r, ctx, today)
        fired = [e for e in evals if e.fired]
        when = r.review_by.isoformat() if r.review_by else "—"
        state = ""
        if r.review_by and r.review_by < today:
            state = "⚠ " + label("overdue", lang)
        elif r.review_by:
            state = label("in_days", lang).format(days=(r.review_by - today).days)
        triggers = "; ".join(
            f"⚠ {trigger_html(e.text, lang)} ({esc(e.because)})" for e in fired
        ) or esc(label("no_trigger_fires", lang) if evals else "—")
        rows.append(
            [
                f'<a href="#adr-{r.number:04d}">{esc(f"{r.number:04d}")}</a>',
                esc(r.title),
                esc(when),
                esc(state),
                triggers,
            ]
        )
    if not rows:
        return Fragment(f'<h2 id="calendar">{L("review_calendar")}</h2><p>{L("none")}</p>')
    return Fragment(
        f'<h2 id="calendar">{L("review_calendar")}</h2>'
        + html_table(
            [L("number"), L("title"), L("review_by"), L("when"), L("triggers")],
            rows,
            css="ap-calendar",
        )
    )


def files_section(ws: Workspace) -> Fragment:
    """Where everything lives: the workspace folder, its files, its git commit."""
    from archplan.report.build import git_commit

    lang = ws.settings.language

    L = labeller(lang)

    root = Path(ws.root).resolve()
    files = [
        (SETTINGS_FILE, "f_settings"),
        (OPTIONS_FILE, "f_options"),
        (CRITERIA_FILE, "f_criteria"),
        (SCORES_FILE, "f_scores"),
        (ASSUMPTIONS_FILE, "f_assumptions"),
        (COSTS_FILE, "f_costs"),
        (DECISIONS_DIR + "/", "f_decisions"),
    ]
    extra = sorted(p.name for p in root.glob("*.csv") if p.name != SCORES_FILE)
    files += [(name, "f_ahp") for name in extra]
    rows = [
        [f"<code>{esc(name)}</code>", L(key)]
        for name, key in files
        if (root / name.rstrip("/")).exists()
    ]
    commit = git_commit(root)
    return Fragment(
        f'<h2 id="files">{L("files")}</h2>'
        f"<p>{L('workspace_folder')}: <code>{esc(root)}</code>"
        + (f" · git <code>{esc(commit)}</code>" if commit else "")
        + "</p>"
        + html_table([L("file"), L("contents_of_file")], rows, css="ap-files")
        + '<p class="ap-note">'
        + esc(label("files_note", lang)).format(
            rebuild="<code>archplan handover WORKSPACE -o FILE.html</code>",
            check="<code>archplan check WORKSPACE</code>",
            adr_check="<code>archplan adr check -w WORKSPACE</code>",
        )
        + "</p>"
    )
