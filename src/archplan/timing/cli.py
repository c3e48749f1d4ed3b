"""The ``archplan timing`` and ``archplan eol`` commands (wired into :mod:`archplan.cli`)."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from archplan.errors import ArchplanError

__all__ = ["add_parsers"]


def _as_of(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ArchplanError(f"--as-of {text!r} is not a date YYYY-MM-DD") from None


#: The catalogue entry naming each column (and index) the ``timing`` command prints.
_HEADINGS = {
    "component": "tim_component",
    "name": "pf_name",
    "release": "tim_release",
    "active_end": "tim_active",
    "security_end": "tim_security",
    "extended_end": "tim_extended",
    "maintenance_end": "tim_kind_maintenance_end",
    "life_end": "tim_kind_life_end",
    "contract_end": "tim_kind_contract_end",
    "source": "tim_source",
    "option": "tim_option",
    "date": "tim_act_by",
    "fy": "tim_fy",
    "what": "tim_what",
    "covered": "tim_covered",
    "covered_by": "timc_covered_by",
    "days_left": "timc_days_left",
    "open": "timc_open",
    "delay": "timc_delay",
    "start_fy": "tim_start",
    "total": "tim_total",
    "current_system": "tim_current_part",
    "npv": "tim_npv",
    "eac": "tim_eac",
    "open_ends": "timc_open",
    "benefit": "cat_benefit",
    "extra": "tim_extra",
    "extra_npv": "timc_extra_npv",
    "lost_benefit": "tim_lost_benefit",
    "net_extra": "tim_net_extra",
}


def _shown(table: Any, language: str) -> Any:
    from archplan.cli_tables import shown

    return shown(table, _HEADINGS, language, words={"declared": "tim_declared"})


def _cmd_timing(args: argparse.Namespace) -> int:
    import pandas as pd

    from archplan.messages import msg
    from archplan.timing.analysis import act_by, support_windows, timing_warnings
    from archplan.timing.waiting import cost_of_waiting
    from archplan.workspace import load_workspace

    ws = load_workspace(args.workspace)
    lang = ws.settings.language
    as_of = _as_of(args.as_of)
    with pd.option_context(
        "display.width", 200, "display.max_columns", 20, "display.max_colwidth", 60
    ):
        if ws.components:
            cols = [
                "name",
                "release",
                "active_end",
                "security_end",
                "extended_end",
                "maintenance_end",
                "life_end",
                "contract_end",
                "source",
            ]
            print(msg("tim_cli_windows", lang))
            print(_shown(support_windows(ws)[cols], lang).to_string())
            print()
        print(
            msg("tim_cli_act_by_as_of", lang, date=as_of) if as_of else msg("tim_cli_act_by", lang)
        )
        print(_shown(act_by(ws, as_of).drop(columns=["name"]), lang).to_string())
        options = args.option or []
        if not options and ws.current_option:
            from archplan.report.timing import _chosen  # the report's recommended option

            options = [o for o in [_chosen(ws)] if o]
        for option in options:
            print()
            print(msg("tim_cli_waiting", lang, option=option))
            t = cost_of_waiting(ws, option, delays=tuple(args.delays), items=args.items)
            print(_shown(t, lang).to_string(float_format=lambda v: f"{v:,.0f}"))
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
    product = data.product(args.product)
    releases = [product.release(args.release)] if args.release else list(product.releases)
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
