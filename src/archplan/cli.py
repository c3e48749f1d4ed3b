"""The ``archplan`` command line.

Every command catches :class:`~archplan.errors.ArchplanError` and prints its message:
users see what to fix, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from archplan.errors import ArchplanError, WorkspaceError
from archplan.messages import Localized, localize, localized, msg


def _examples() -> list[Path]:
    # Source checkouts (and editable installs) have data/examples next to src/.
    here = Path(__file__).resolve()
    for parent in here.parents:
        folder = parent / "data" / "examples"
        if folder.is_dir():
            found = sorted(p for p in folder.iterdir() if (p / "archplan.yaml").is_file())
            if found:
                return found
    raise ArchplanError(
        "the bundled examples were not found; run archplan demo from a source checkout"
    )


def _language(workspace: object) -> str:
    """The language of a workspace's ``archplan.yaml`` for the command's messages and the
    problems it prints ("en" when it cannot be read); problems keep the fields and values
    as written."""
    from archplan.workspace.language import workspace_language

    return workspace_language(str(workspace))


def _error_language(args: argparse.Namespace) -> str:
    """The language of an error: the portfolio's for ``portfolio`` and ``report --all``,
    else the workspace's."""
    if getattr(args, "portfolio", None) or getattr(args, "all", False):
        from archplan.portfolio.spec import portfolio_language

        return portfolio_language(getattr(args, "portfolio", None) or args.workspace)
    return _language(getattr(args, "workspace", None) or ".")


def _cmd_check(args: argparse.Namespace) -> int:
    from archplan.workspace import check_workspace

    problems, notices = check_workspace(args.workspace)
    lang = _language(args.workspace)
    for n in notices:
        print(msg("cli_note", lang, text=localize(n, lang)))
    if problems:
        for p in problems:
            print(p.render(lang))
        print(msg("cli_problems", lang, n=len(problems), path=args.workspace), file=sys.stderr)
        return 1
    from archplan.costs.advice import plan_warnings
    from archplan.timing.analysis import timing_warnings
    from archplan.workspace import load_workspace

    ws = load_workspace(args.workspace)
    from archplan.compare.advice import comparison_warnings

    warnings = timing_warnings(ws) + plan_warnings(ws) + comparison_warnings(ws)
    for w in warnings:
        print(msg("cli_warning", lang, text=w))  # timing: ends the plan runs past, unplanned
    if warnings or notices:  # the summary counts what was printed above it
        print(
            msg(
                "cv_check_ok_with",
                lang,
                path=args.workspace,
                warnings=len(warnings),
                notes=len(notices),
            )
        )
    else:
        print(msg("cli_ok", lang, path=args.workspace))
    return 0


def _cmd_report(args: argparse.Namespace) -> int:
    from archplan.report import build_report

    if args.all:
        return _cmd_report_all(args)
    if not args.output:
        raise ArchplanError(Localized("jt_err_report_where"))
    out = build_report(args.workspace, args.output, force=args.force)
    print(msg("cli_report", _language(args.workspace), path=out))
    return 0


def _cmd_report_all(args: argparse.Namespace) -> int:
    from archplan.portfolio import load_portfolio
    from archplan.portfolio.batch import batch_language, build_all, summary_lines

    pf = load_portfolio(args.workspace)
    lang = batch_language(pf)
    results = build_all(
        pf, output_dir=args.output_dir, jobs=args.jobs, force=args.force, language=lang
    )
    lines, summary = summary_lines(results, lang)  # in the portfolio's language
    for line in lines:
        print(line, file=sys.stderr)
    print(summary)
    return 1 if any(r.state == "failed" for r in results) else 0


def _cmd_portfolio(args: argparse.Namespace) -> int:
    from datetime import date

    from archplan.portfolio import rollup
    from archplan.portfolio.document import write_portfolio, write_portfolio_xlsx

    if not args.output and not args.xlsx:
        raise ArchplanError(Localized("pf_cli_say_what"))
    try:
        today = date.fromisoformat(args.today) if args.today else None
    except ValueError:
        raise ArchplanError(Localized("pf_cli_bad_today", value=repr(args.today))) from None
    from dataclasses import replace

    from archplan.portfolio import load_portfolio

    pf = load_portfolio(args.portfolio)
    if args.reports:
        pf = replace(pf, reports=Path(args.reports).resolve())
    view = rollup(pf, today=today, jobs=args.jobs, language=args.lang, progress=True)
    for note in pf.notices:
        print(msg("cli_note", view.language, text=note.text(view.language)), file=sys.stderr)
    if args.output:
        out = write_portfolio(view, args.output, force=args.force)
        print(msg("pf_cli_written", view.language, path=out))
    if args.xlsx:
        book = write_portfolio_xlsx(view, args.xlsx, force=args.force)
        print(msg("cli_workbook", view.language, path=book))
    lines = view.problem_lines()  # every case with a problem, each with its first one
    for line in lines:
        print(line, file=sys.stderr)
    if lines:
        print(msg("pf_cli_problems", view.language, n=len(lines)), file=sys.stderr)
    return 1 if lines else 0


def _cmd_export(args: argparse.Namespace) -> int:
    from archplan.export import export_csv, export_xlsx
    from archplan.workspace import load_workspace

    if not args.xlsx and not args.csv:
        raise ArchplanError(Localized("jt_err_export_what"))
    ws = load_workspace(args.workspace)
    if args.xlsx:
        book = export_xlsx(ws, args.xlsx, basis=args.basis, force=args.force)
        print(msg("cli_workbook", ws.settings.language, path=book))
    if args.csv:
        for path in export_csv(ws, args.csv, basis=args.basis, force=args.force):
            print(msg("cli_csv", ws.settings.language, path=path))
    return 0


def _cmd_actuals(args: argparse.Namespace) -> int:
    from archplan.actuals.cli import print_actuals
    from archplan.workspace import load_workspace

    ws = load_workspace(args.workspace)
    if ws.actuals is None:
        raise ArchplanError(Localized("jt_err_no_actuals", path=args.workspace))
    return print_actuals(
        ws, by=args.by, fiscal_year=args.fiscal_year, as_of=args.as_of, csv=args.csv
    )


def _cmd_adr(args: argparse.Namespace) -> int:
    from archplan import decisions as adr
    from archplan.workspace import load_workspace

    ws = load_workspace(args.workspace)
    lang = ws.settings.language
    if args.adr_command == "new":
        print(msg("cli_created", lang, path=adr.new_record(ws, args.title)))
    elif args.adr_command == "list":
        from archplan.decisions.cli_views import print_log

        return print_log(ws, csv=args.csv)
    elif args.adr_command == "status":
        print(msg("cli_updated", lang, path=adr.set_status(ws, args.number, args.status)))
    elif args.adr_command == "supersede":
        new, old = adr.supersede(ws, args.number, args.title)
        print(msg("cli_superseded", lang, new=new, old=old))
    elif args.adr_command == "check":
        result = adr.check_log(ws)
        for note in result.notes:
            print(msg("cli_note", lang, text=note))
        for p in result.problems:
            print(p.render(lang))
        for p in result.warnings:
            print(msg("cli_warning", lang, text=p.render(lang)))
        n = len(result.problems) + len(result.warnings)
        print(
            msg(
                "cli_log_summary",
                lang,
                problems=len(result.problems),
                warnings=len(result.warnings),
            )
            if n
            else msg("cli_log_ok", lang),
            file=sys.stderr if n else sys.stdout,
        )
        return 1 if n else 0
    elif args.adr_command == "index":
        print(msg("cli_index", lang, path=adr.write_index(ws, force=args.force)))
    elif args.adr_command == "import":
        from archplan.decisions.cli_views import print_import

        return print_import(ws, args.source, dry_run=args.dry_run, renumber=args.renumber)
    return 0


def _cmd_history(args: argparse.Namespace) -> int:
    from archplan.decisions.cli_views import print_history
    from archplan.workspace import load_workspace

    if args.record is not None:
        from archplan.decisions.cli_views import print_record_then

        return print_record_then(load_workspace(args.workspace), args.record, csv=args.csv)
    if args.assumption is None:
        raise ArchplanError(Localized("jt_err_history_what"))
    return print_history(load_workspace(args.workspace), args.assumption, csv=args.csv)


def _cmd_handover(args: argparse.Namespace) -> int:
    from archplan.report import build_handover

    out = build_handover(args.workspace, args.output, force=args.force)
    print(msg("cli_handover", _language(args.workspace), path=out))
    return 0


def _cmd_export_notebook(args: argparse.Namespace) -> int:
    from archplan.report import export_notebook

    out = export_notebook(args.notebook, args.output, execute=args.execute, force=args.force)
    print(f"Document written to {out}")
    return 0


def _cmd_new(args: argparse.Namespace) -> int:
    from archplan.workspace.scaffold import new_workspace

    root = new_workspace(args.folder, args.lang)
    print(msg("cli_new", args.lang, path=root))
    return 0


def _cmd_schema(args: argparse.Namespace) -> int:
    from archplan.workspace.schema.export import write_schemas

    out = Path(args.out)
    lang = _language(out.parent if out.name == ".schema" else ".")
    if args.docs:
        from archplan.fileio import write_atomic
        from archplan.workspace.schema.docs import update_page

        page = Path(args.docs)
        text = page.read_text(encoding="utf-8")
        new = update_page(text)
        if new != text:
            write_atomic(page, new)
        print(msg("sch_docs_written" if new != text else "sch_docs_unchanged", lang, path=page))
        return 0
    for path, written in write_schemas(out, force=args.force, language=args.lang or lang):
        print(msg("sch_written" if written else "sch_unchanged", lang, path=path))
    print(msg("sch_hint", lang, example="./.schema/costs.schema.json"))
    return 0


def _cmd_demo(args: argparse.Namespace) -> int:
    from archplan.report import build_handover, build_report

    folder = Path(args.output_dir)
    for workspace in _examples():
        out = build_report(workspace, folder / f"{workspace.name}.html", force=True)
        pack = build_handover(workspace, folder / f"{workspace.name}-handover.html", force=True)
        # The demo spans examples of both languages: one language (English) for its lines.
        print(msg("cli_example", "en", path=workspace))
        print(msg("cli_report", "en", path=out))
        print(msg("cli_handover", "en", path=pack))
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The argument parser (exposed for tests and documentation)."""
    import archplan

    parser = argparse.ArgumentParser(
        prog="archplan",
        description="Compare technology options, model multi-year costs, record "
        "decisions and export self-contained reports.",
    )
    parser.add_argument("--version", action="version", version=f"archplan {archplan.__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("check", help="validate a workspace and list every problem")
    p.add_argument("workspace", help="the workspace folder")
    p.set_defaults(func=_cmd_check)

    p = sub.add_parser("report", help="build the HTML report of a workspace")
    p.add_argument("workspace", help="the workspace folder (with --all: a portfolio)")
    p.add_argument("-o", "--output", help="the HTML file to write")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace the output file even if archplan did not write it",
    )
    p.add_argument(
        "--all",
        action="store_true",
        help="build every case of a portfolio (report and handover pack), skipping "
        "cases whose inputs have not changed",
    )
    p.add_argument("--jobs", type=int, default=None, help="with --all: worker processes")
    p.add_argument("--output-dir", default=None, help="with --all: where the documents go")
    p.set_defaults(func=_cmd_report)

    p = sub.add_parser("portfolio", help="every case of a portfolio at a glance")
    p.add_argument("portfolio", help="a portfolio.yaml or a folder of workspaces")
    p.add_argument("-o", "--output", help="the HTML document to write")
    p.add_argument("--xlsx", metavar="FILE", help="the workbook to write")
    p.add_argument("--today", help="the date to look at the portfolio on (YYYY-MM-DD)")
    p.add_argument("--lang", choices=("ja", "en"), help="the document's language")
    p.add_argument(
        "--reports", help="where the cases' documents are (as given to report --all --output-dir)"
    )
    p.add_argument("--jobs", type=int, default=None, help="worker processes (default: cores)")
    p.add_argument(
        "--force", action="store_true", help="replace files even if archplan did not write them"
    )
    p.set_defaults(func=_cmd_portfolio)

    p = sub.add_parser("handover", help="build the handover pack a successor reads first")
    p.add_argument("workspace", help="the workspace folder")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace the output file even if archplan did not write it",
    )
    p.set_defaults(func=_cmd_handover)

    p = sub.add_parser(
        "export-notebook", help="any notebook as a self-contained, code-free HTML document"
    )
    p.add_argument("notebook", help="the .ipynb file")
    p.add_argument("-o", "--output", required=True, help="the HTML file to write")
    p.add_argument("--execute", action="store_true", help="run the notebook first")
    p.add_argument(
        "--force",
        action="store_true",
        help="replace the output file even if archplan did not write it",
    )
    p.set_defaults(func=_cmd_export_notebook)

    p = sub.add_parser("export", help="export the cost plan to Excel (live formulas) and CSV")
    p.add_argument("workspace", help="the workspace folder")
    p.add_argument("--xlsx", metavar="FILE", help="the .xlsx workbook to write")
    p.add_argument("--csv", metavar="FOLDER", help="a folder for costs.csv and summary.csv")
    p.add_argument(
        "--basis",
        choices=("inclusive", "exclusive"),
        default="inclusive",
        help="tax-inclusive (default, as budgets are) or tax-exclusive",
    )
    p.add_argument(
        "--force", action="store_true", help="replace files even if archplan did not write them"
    )
    p.set_defaults(func=_cmd_export)

    p = sub.add_parser("actuals", help="plan vs actual: the year so far, forecasts, every yen")
    p.add_argument("workspace", help="the workspace folder (with actuals/actuals.yaml)")
    p.add_argument("--as-of", metavar="YYYY-MM", help="the last month to count (default: setting)")
    p.add_argument("--by", choices=("item", "category", "option"), default="item")
    p.add_argument(
        "--fiscal-year",
        type=int,
        metavar="FY",
        help="the year to show (default: the as-of month's)",
    )
    p.add_argument("--csv", action="store_true", help="the year's summary as CSV (raw values, yen)")
    p.set_defaults(func=_cmd_actuals)

    p = sub.add_parser(
        "adr", help="decision records: new, list, status, supersede, check, index, import"
    )
    adr_sub = p.add_subparsers(dest="adr_command", required=True)

    def workspace_arg(q: argparse.ArgumentParser) -> None:
        q.add_argument(
            "-w",
            "--workspace",
            default=".",
            help="the workspace folder (default: the current folder)",
        )

    q = adr_sub.add_parser("new", help="the next record from the MADR template")
    q.add_argument("title")
    workspace_arg(q)
    q = adr_sub.add_parser("list", help="the log: status, dates, triggers")
    q.add_argument(
        "--csv", action="store_true", help="the log as CSV (raw values), for a spreadsheet"
    )
    workspace_arg(q)
    q = adr_sub.add_parser("status", help="change a record's status (only that line)")
    q.add_argument("number", type=int)
    q.add_argument("status", help="proposed, accepted, rejected or deprecated")
    workspace_arg(q)
    q = adr_sub.add_parser("supersede", help="a new record that supersedes record N")
    q.add_argument("number", type=int)
    q.add_argument("title")
    workspace_arg(q)
    q = adr_sub.add_parser(
        "check",
        help="links, numbers, cycles, statuses, sections, references, review dates and triggers",
    )
    workspace_arg(q)
    q = adr_sub.add_parser("index", help="write decisions/index.md with a Mermaid graph")
    q.add_argument("--force", action="store_true", help="replace an index archplan did not write")
    workspace_arg(q)
    q = adr_sub.add_parser(
        "import", help="copy an existing log (adr-tools, MADR, log4brains) in, unchanged"
    )
    q.add_argument("source", help="the folder of the existing log (only read)")
    q.add_argument("--dry-run", action="store_true", help="report only; write nothing")
    q.add_argument(
        "--renumber",
        action="store_true",
        help="copy records whose number is taken under the next free number (file name only)",
    )
    workspace_arg(q)
    p.set_defaults(func=_cmd_adr)

    p = sub.add_parser("history", help="an assumption's values over time, from git")
    p.add_argument("assumption", nargs="?", help="the assumption's name (in assumptions.yaml)")
    p.add_argument(
        "--record",
        type=int,
        metavar="N",
        help="instead: record N's assumptions, then (from git) and now",
    )
    p.add_argument("--csv", action="store_true", help="the table as CSV (raw values)")
    p.add_argument(
        "-w", "--workspace", default=".", help="the workspace folder (default: the current folder)"
    )
    p.set_defaults(func=_cmd_history)

    p = sub.add_parser("new", help="create a new workspace from commented templates")
    p.add_argument("folder", help="the folder to create (must not exist)")
    p.add_argument(
        "--lang",
        choices=("ja", "en"),
        default="ja",
        help="language of the templates and reports (default: ja)",
    )
    p.set_defaults(func=_cmd_new)

    p = sub.add_parser(
        "schema", help="write the JSON Schema of every workspace file (editor completion)"
    )
    p.add_argument("--out", default=".schema", help="folder to write to (default: .schema)")
    p.add_argument("--force", action="store_true", help="replace files archplan did not write")
    p.add_argument(
        "--lang",
        choices=("ja", "en"),
        help="language of the descriptions (default: the workspace's, else en)",
    )
    p.add_argument(
        "--docs", metavar="PAGE", help="instead, regenerate the field tables of a docs page"
    )
    p.set_defaults(func=_cmd_schema)

    from archplan.timing.cli import add_parsers as add_timing_parsers

    add_timing_parsers(sub)  # timing, eol

    p = sub.add_parser("demo", help="build the reports of the bundled examples")
    p.add_argument("--output-dir", default="out", help="where to write it (default: out)")
    p.set_defaults(func=_cmd_demo)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    from archplan.textview import safe_streams

    safe_streams()  # a cp932 console or file gets "-" for "—" rather than a traceback
    from archplan.cli_help import help_language, localize_parser

    given = sys.argv[1:] if argv is None else list(argv)
    # --help and usage lines in the language the command speaks (cli_help).
    args = localize_parser(build_parser(), help_language(given)).parse_args(given)
    try:
        return int(args.func(args))
    except WorkspaceError as exc:
        lang = _error_language(args)
        for p in exc.problems:
            print(p.render(lang), file=sys.stderr)
        print(msg("cli_nothing_written", lang, n=len(exc.problems)), file=sys.stderr)
        return 1
    except ArchplanError as exc:
        # The --lang given (archplan new defaults to ja), else the portfolio's or workspace's.
        lang = getattr(args, "lang", None) or _error_language(args)
        print(f"archplan: {localized(exc, lang)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("archplan: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # the reader (head, less) closed the pipe: nothing to report
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
