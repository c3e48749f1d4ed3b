"""The ``archplan timing`` and ``archplan eol`` commands (wired into :mod:`archplan.cli`)."""

from __future__ import annotations

import argparse
from datetime import date

import pandas as pd

from archplan.errors import ArchplanError
from archplan.messages import Localized
from archplan.textview import Column, Style, heading, text_table
from archplan.workspace.model import Workspace

__all__ = ["act_by_view", "add_parsers", "waiting_columns", "windows_view"]


def _as_of(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArchplanError(Localized("jt_err_as_of", value=repr(text))) from None


def _dates(*values: object, lang: str) -> str:
    """Dates of a support window for a cell: ISO, "passed (no date)" for an end known to
    have passed without a published date, — for none (as the report shows them)."""
    from archplan.messages import msg

    out = [
        v.isoformat() if isinstance(v, date) else msg("tim_passed", lang)
        for v in values
        if v is True or isinstance(v, date)
    ]
    return ", ".join(out)


def windows_view(ws: Workspace) -> tuple[pd.DataFrame, list[Column]]:
    """The support windows as ``archplan timing`` prints them: the report's columns
    (component, release, active, security, extended, other ends, used by, source), empty
    columns left out.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> frame, cols = windows_view(load_workspace("data/examples/shared-platform"))
    >>> [c.header for c in cols][:3], frame.loc["app-server", "other"]
    (['tim_component', 'tim_release', 'tim_security'], '2027-09-30')
    """
    from archplan.messages import msg
    from archplan.timing.analysis import support_windows

    lang = ws.settings.language
    sw = support_windows(ws)
    src = {
        c.id: (
            "endoflife.date"
            + (f" + {msg('tim_declared', lang)} ({', '.join(c.declared)})" if c.declared else "")
            if c.product
            else msg("tim_declared", lang)
        )
        for c in ws.components
    }
    frame = pd.DataFrame(
        {
            "name": sw["name"],
            "release": [
                f"{p} {r}" if isinstance(p, str) and p else None
                for p, r in zip(sw["product"], sw["release"], strict=True)
            ],
            "active": [_dates(v, lang=lang) for v in sw["active_end"]],
            "security": [_dates(v, lang=lang) for v in sw["security_end"]],
            "extended": [_dates(v, lang=lang) for v in sw["extended_end"]],
            "other": [
                _dates(*vs, lang=lang)
                for vs in zip(
                    sw["maintenance_end"], sw["life_end"], sw["contract_end"], strict=True
                )
            ],
            "options": sw["options"],
            "source": [src[str(c)] for c in sw.index],
        },
        index=sw.index,
    )
    cols = [
        Column("name", "tim_component"),
        Column("release", "tim_release"),
        Column("active", "tim_active"),
        Column("security", "tim_security"),
        Column("extended", "tim_extended"),
        Column("other", "tim_other_end"),
        Column("options", "tim_used_by"),
        Column("source", "tim_source"),
    ]
    # As in the report, columns with nothing in them are left out.
    keep = [c for c in cols if c.key == "name" or frame[c.key].map(bool).any()]
    return frame, keep


def act_by_view(ws: Workspace, as_of: date | None) -> tuple[pd.DataFrame, list[Column]]:
    """When each option must act, as ``archplan timing`` prints it: the report's columns
    (option, act by, fiscal year, what ends, covered by the plan) and the days left.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> ws = load_workspace("data/examples/shared-platform")
    >>> frame, _ = act_by_view(ws, date(2026, 11, 29))
    >>> frame.loc["separate", "covered"], int(frame.loc["separate", "days_left"])
    ('yes: sep-extension', -17)
    """
    from archplan.messages import msg
    from archplan.report.figures import knocked_out, option_label
    from archplan.report.timing import _gap
    from archplan.timing.analysis import act_by
    from archplan.timing.gaps import open_gap_cell

    lang = ws.settings.language
    t = act_by(ws, as_of)
    reasons = knocked_out(ws)
    covered: list[str] = []
    for oid, r in t.iterrows():
        if not r["what"]:  # nothing ends (an end that passed undated has a "what")
            covered.append("")
            continue
        # The report's cell (report/timing.py), word for word: "no", or a fix too late.
        text = (
            msg("tim_yes", lang, by=r["covered_by"])
            if r["covered"]
            else open_gap_cell(ws, str(oid), lang)
            or msg("tim_no", lang, days=_gap(ws, str(oid), r))
        )
        covered.append(text + (msg("tim_open_n", lang, n=r["open"]) if r["open"] else ""))
    frame = pd.DataFrame(
        {
            "option": [option_label(ws, str(o), reasons) for o in t.index],
            "date": [
                d if d is not None or not w else msg("tim_passed", lang)
                for w, d in zip(t["what"], t["date"], strict=True)
            ],
            "fy": t["fy"],
            "what": [w or msg("tim_nothing", lang) for w in t["what"]],
            "covered": covered,
            "days_left": t["days_left"],
        },
        index=t.index,
    )
    cols = [
        Column("option", "tim_option"),
        Column("date", "tim_act_by", "date"),
        Column("fy", "tim_fy", "fy"),
        Column("what", "tim_what"),
        Column("covered", "tim_covered"),
        Column("days_left", "cv_days_left", "count"),
    ]
    return frame, cols


def waiting_columns(table: pd.DataFrame) -> list[Column]:
    """The columns of a cost-of-waiting table as ``archplan timing`` prints it: the
    report's (start year, total, the option's own plan, of which current system, NPV, EAC,
    extra; the benefits lost and the net extra when a delay loses benefits), then the
    extra's NPV and the support or contract ends left open.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> from archplan.timing import cost_of_waiting
    >>> t = cost_of_waiting(load_workspace("data/examples/food-lab"), "saas")
    >>> [c.header for c in waiting_columns(t)][:4]
    ['tim_start', 'tim_total', 'dfx_option_part', 'tim_current_part']
    """
    cols = [
        Column("start_fy", "tim_start", "fy"),
        Column("total", "tim_total", "money"),
        Column("option_cost", "dfx_option_part", "money"),
        Column("current_system", "tim_current_part", "money"),
        Column("npv", "tim_npv", "money"),
        Column("eac", "tim_eac", "money"),
        Column("extra", "tim_extra", "money"),
        Column("extra_npv", "cv_extra_npv", "money"),
    ]
    if table["lost_benefit"].any():  # as the report: benefits that move with the option
        cols += [
            Column("lost_benefit", "tim_lost_benefit", "money"),
            Column("net_extra", "tim_net_extra", "money"),
        ]
    return [*cols, Column("open_ends", "cv_open_ends", "count")]


def _print_csv(
    ws: Workspace, what: str, as_of: date | None, options: list[str], args: argparse.Namespace
) -> int:
    """One of the tables as CSV, raw (the functions' own columns, integer yen, ISO dates):
    for a spreadsheet or a script."""
    from archplan.timing.analysis import act_by, support_windows
    from archplan.timing.waiting import cost_of_waiting

    if what == "windows":
        frame = support_windows(ws)
    elif what == "act-by":
        frame = act_by(ws, as_of)
    else:
        frames = [
            cost_of_waiting(ws, o, delays=tuple(args.delays), items=args.items)
            .reset_index()
            .assign(option=o)
            .set_index(["option", "delay"])
            for o in options
        ]
        if not frames:
            from archplan.messages import Localized

            raise ArchplanError(Localized("cv_which_option"))
        frame = pd.concat(frames)
    print(frame.to_csv(), end="")
    return 0


def _cmd_timing(args: argparse.Namespace) -> int:
    from archplan.messages import msg
    from archplan.report.sections import _unit_note  # the report's "(thousand yen, tax …)"
    from archplan.timing.analysis import timing_warnings
    from archplan.timing.waiting import cost_of_waiting, replacement_intervals
    from archplan.workspace import load_workspace

    ws = load_workspace(args.workspace)
    lang = ws.settings.language
    style = Style.of(ws)
    as_of = _as_of(args.as_of)
    options = args.option or []
    if not options and ws.current_option:
        from archplan.report.timing import _chosen  # the report's recommended option

        options = [o for o in [_chosen(ws)] if o]
    for o in options:
        ws.option(o)  # an unknown --option is said before any table is printed
    if args.csv:
        return _print_csv(ws, args.csv, as_of, options, args)
    if ws.components:
        print(msg("tim_windows", lang))
        print(text_table(*windows_view(ws), style))
        print()
    print(msg("tim_cli_act_by_as_of", lang, date=as_of) if as_of else msg("tim_cli_act_by", lang))
    print(text_table(*act_by_view(ws, as_of), style))
    for option in options:
        t = cost_of_waiting(ws, option, delays=tuple(args.delays), items=args.items)
        print()
        print(
            heading(
                msg("tim_waiting_title", lang, option=ws.option(option).name), _unit_note(ws), lang
            )
        )
        print(text_table(t, waiting_columns(t), style))
    for cid, table in replacement_intervals(ws).items():
        comp = next(c for c in ws.components if c.id == cid)
        best = int(table.attrs["best"])
        shown = table.assign(
            years=[f"{n}" + (msg("tim_best", lang) if n == best else "") for n in table.index]
        )
        print()
        note = _unit_note(ws, ws.settings.amounts_entered)
        print(heading(msg("tim_interval_title", lang, name=comp.name), note, lang))
        cols = [
            Column("years", "tim_interval"),
            Column("pv", "tim_pv", "money"),
            Column("eac", "tim_eac", "money"),
        ]
        print(text_table(shown, cols, style))
    warnings = timing_warnings(ws)
    for w in warnings:
        print(msg("cli_warning", lang, text=w))
    if any(c.product for c in ws.components):
        print(msg("tim_attribution_footer", lang))
    return 0


def _eol_language(args: argparse.Namespace) -> str:
    """``--lang``, else the language of the workspace (``-w``, default the current
    folder), else English."""
    if args.lang:
        return str(args.lang)
    from archplan.cli import _language

    return _language(args.workspace)


def _cmd_eol(args: argparse.Namespace) -> int:
    from archplan.messages import localized

    try:
        return _eol(args)
    except ArchplanError as exc:  # worded in the output's language (--lang or -w)
        raise type(exc)(localized(exc, _eol_language(args))) from None


def _eol(args: argparse.Namespace) -> int:
    from archplan.messages import msg
    from archplan.report.timing import source_text
    from archplan.timing.eol import load_eol, update_eol

    lang = _eol_language(args)
    if args.eol_command == "update":
        path, n = update_eol(args.from_dir, args.to)
        print(msg("eolc_updated", lang, n=n, path=path))
        return 0
    data = load_eol()
    release = args.release
    try:
        product = data.product(args.product)
    except ArchplanError:
        both = data.split(args.product) if release is None else None  # "SQL Server 2016"
        if both is None:
            raise
        product, release = both
    releases = [product.release(release)] if release else list(product.releases)
    attribution = msg("tim_attribution_footer", lang)
    print(
        msg(
            "eolc_product",
            lang,
            title=product.title,
            name=product.name,
            attribution=attribution,
            source=source_text(data.source, lang),
        )
    )
    passed = msg("eolc_passed", lang)

    def f(v: object) -> str:
        if isinstance(v, date):
            return v.isoformat()
        return passed if v is True else "-"

    for r in releases:
        print(
            msg(
                "eolc_release",
                lang,
                cycle=f"{r.cycle:<14}",
                label=f"{r.label[:28]:<28}",
                released=f(r.release_date),
                active=f(r.eoas),
                security=f(r.eol),
                extended=f(r.eoes),
            )
        )
    return 0


def add_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """Add ``timing`` and ``eol`` to the ``archplan`` command's subcommands."""
    p = sub.add_parser("timing", help="support ends, when to act, and the cost of waiting")
    p.add_argument("workspace", help="the workspace folder")
    p.add_argument("--as-of", help="count days from this date (YYYY-MM-DD; default today)")
    p.add_argument("--option", action="append", help="show the cost of starting this option later")
    p.add_argument(
        "--delays", type=int, nargs="+", default=[0, 1, 2], help="years of delay (default 0 1 2)"
    )
    p.add_argument("--items", nargs="+", help="move only these items of the option (a change)")
    p.add_argument(
        "--csv",
        choices=("windows", "act-by", "waiting"),
        help="print one table as CSV (raw values) instead, for a spreadsheet",
    )
    p.set_defaults(func=_cmd_timing)

    p = sub.add_parser("eol", help="the packaged end-of-life data: show a product, update")
    p.add_argument(
        "--lang", choices=("ja", "en"), help="language of the output (default: the workspace's)"
    )
    p.add_argument(
        "-w", "--workspace", default=".", help="whose language to use (default: this folder)"
    )
    eol_sub = p.add_subparsers(dest="eol_command", required=True)
    q = eol_sub.add_parser("show", help="the release cycles and support dates of a product")
    q.add_argument("product")
    q.add_argument("release", nargs="?")
    q = eol_sub.add_parser("update", help="rebuild the data from an endoflife.date checkout")
    q.add_argument(
        "--from",
        dest="from_dir",
        required=True,
        help="a products/ folder (NAME.md or NAME.yaml front matter)",
    )
    q.add_argument("--to", help="write here instead of the packaged copy")
    p.set_defaults(func=_cmd_eol)
