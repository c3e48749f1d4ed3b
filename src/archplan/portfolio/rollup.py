"""The roll-up: every case summarised by the per-case public functions, then added up.

Each case is read and summarised on its own (in worker processes when there are many)
into a small :class:`CaseResult`: its chosen option's budget row exactly as
:func:`archplan.costs.budget_view` gives it (千円, tax-inclusive), its commitments, what
needs attention, its problems. The workspace itself is dropped at once, so memory grows
with the results, not with the cases read. :class:`PortfolioView` then adds the results
up into DataFrames (cases, budget by fiscal year, by tag, commitments, attention,
problems) whose rows always add up to their total row.

A case is counted in the totals only when an accepted decision names its chosen option
and its currency and fiscal calendar are the portfolio's; every other case is listed
with the reason, never silently dropped.
"""

from __future__ import annotations

import math
import os
import time
import traceback
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

import pandas as pd

from archplan.errors import ArchplanError, Problem, WorkspaceError
from archplan.messages import Localized, msg
from archplan.money import TOTAL, to_display_unit
from archplan.portfolio import attention as A
from archplan.portfolio.spec import (
    PHASES,
    TAG_KEYS,
    TIME_CLASSES,
    Case,
    Portfolio,
    load_portfolio,
)

__all__ = [
    "CaseResult",
    "Horizons",
    "PortfolioView",
    "chosen_option",
    "rollup",
    "summarise_case",
]

#: Status of a case in the portfolio.
STATUSES = ("decided", "undecided", "failed", "missing", "duplicate")
NONE_TAG = "—"


@dataclass(frozen=True)
class Horizons:
    """The date the portfolio is looked at and how far ahead it looks."""

    today: date
    stale_days: int = 365
    review_within_days: int = 90
    support_within_months: int = 18
    contracts_within_months: int = 18
    language: str = "en"


@dataclass
class CaseResult:
    """What the portfolio keeps of one case (small, picklable; no workspace)."""

    id: str
    path: str
    tags: dict[str, str]
    status: str
    title: str = ""
    language: str = ""
    currency: str = ""
    fy_start_month: int = 0
    decision: int | None = None
    chosen: str | None = None
    chosen_name: str = ""
    reason: str = ""
    budget: dict[int, int] = field(default_factory=dict)
    commitments: list[dict[str, Any]] = field(default_factory=list)
    actual: dict[int, int] | None = None
    actual_state: dict[int, str] = field(default_factory=dict)
    attention: list[A.Attention] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    support_known: bool = True
    seconds: float = 0.0


def chosen_option(ws: Any) -> tuple[int | None, str | None, str]:
    """The accepted decision's chosen option: ``(record number, option id, reason)``.

    The latest accepted record that names a chosen option wins; the reason (empty when a
    choice was found) says why a case is undecided otherwise.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> chosen_option(load_workspace("data/examples/food-lab"))
    (2, 'saas', '')
    >>> chosen_option(load_workspace("data/examples/network-refresh"))[:2]
    (1, 'lease')
    """
    accepted = sorted(
        (r for r in ws.decisions if r.status == "accepted"), key=lambda r: r.number, reverse=True
    )
    if not accepted:
        return None, None, "pf_no_accepted"
    ids = {o.id for o in ws.options}
    for r in accepted:
        if r.chosen and r.chosen in ids:
            return r.number, r.chosen, ""
    if any(r.chosen for r in accepted):
        return accepted[0].number, None, "pf_unknown_chosen"
    return accepted[0].number, None, "pf_no_chosen"


def _actuals(ws: Any, chosen: str) -> tuple[dict[int, int], dict[int, str]] | None:
    """Executed amounts (執行額) by fiscal year in 千円 (half-up), from
    :func:`archplan.actuals.budget_execution` for the chosen option, for the years whose
    execution has started; None when archplan has no actuals module or the case no
    actuals."""
    import importlib
    from decimal import Decimal

    from archplan.money import round_yen

    try:
        mod: Any = importlib.import_module("archplan.actuals")
    except ImportError:
        return None
    fn = getattr(mod, "budget_execution", None)
    if fn is None or getattr(ws, "actuals", None) is None:
        return None
    table = fn(ws, option=chosen)
    started = table[table["state"] != "future"]
    return (
        {int(fy): round_yen(Decimal(int(r["executed"])) / 1000) for fy, r in started.iterrows()},
        {int(fy): str(r["state"]) for fy, r in started.iterrows()},
    )


def summarise_case(case: Case, h: Horizons) -> CaseResult:
    """Read one case and keep what the portfolio needs; never raises for a bad case.

    Examples
    --------
    >>> from archplan.portfolio.spec import Case
    >>> case = Case("food-lab", Path("data/examples/food-lab"))
    >>> r = summarise_case(case, Horizons(date(2026, 11, 29)))
    >>> r.status, r.chosen, sorted(r.budget)[:2]
    ('decided', 'saas', [2026, 2027])
    """
    t0 = time.perf_counter()
    lang = h.language
    res = CaseResult(
        case.id, str(case.path), dict(case.tags), "failed", problems=list(case.problems)
    )
    if case.duplicate_of is not None:
        res.status = "duplicate"
        res.reason = msg("pf_duplicate_of", lang, case=case.duplicate_of)
        return res
    if not case.path.is_dir() or not (case.path / "archplan.yaml").is_file():
        res.status = "missing"
        res.reason = msg("pf_missing", lang)
        res.attention = A.check_failures(res.problems, lang)
        return res
    from archplan import costs
    from archplan.workspace import load_workspace

    try:
        ws = load_workspace(case.path)
    except WorkspaceError as exc:
        res.problems += list(exc.problems)
        res.reason = msg("pf_check_fails", lang, n=len(exc.problems))
        res.attention = A.check_failures(list(exc.problems), lang)
        res.seconds = time.perf_counter() - t0
        return res
    except Exception as exc:  # a bug must not take the other cases down with it
        return _crashed(res, exc, lang, t0)
    s = ws.settings
    res.title, res.language, res.currency = s.title, s.language, s.currency
    res.fy_start_month = s.fy_start_month
    try:
        res.decision, res.chosen, why = chosen_option(ws)
        if res.chosen is None:
            res.status = "undecided"
            res.reason = msg(why, lang, number=f"{res.decision or 0:04d}")
            proposed = [f"{r.number:04d}" for r in ws.decisions if r.status == "proposed"]
            if why == "pf_no_accepted" and proposed:
                res.reason = msg("pf_proposed_only", lang, numbers=", ".join(proposed))
        else:
            res.status = "decided"
            res.chosen_name = ws.option(res.chosen).name
            view = costs.budget_view(ws, unit="thousand")
            row = view.loc[res.chosen].drop(TOTAL)
            res.budget = {int(str(fy)): int(str(v)) for fy, v in row.items()}
            if ws.contracts:
                table = costs.commitments(ws)
                years = [c for c in table.columns if isinstance(c, int)]
                for cid, crow in table.iterrows():
                    options = [o.strip() for o in str(crow["options"]).split(",")]
                    if res.chosen not in options:
                        continue
                    res.commitments.append(
                        {
                            "contract": str(cid),
                            "name": str(crow["name"]),
                            "ceiling": None if pd.isna(crow["ceiling"]) else int(crow["ceiling"]),
                            "total": int(crow["total"]),
                            "payments": {int(y): int(crow[y]) for y in years if int(crow[y])},
                        }
                    )
            executed = _actuals(ws, res.chosen)
            if executed is not None:
                res.actual, res.actual_state = executed
        items = A.triggers_firing(ws, h.today, lang)
        items += A.reviews_due(ws, h.today, h.review_within_days, lang)
        support = A.support_ending(ws, h.today, h.support_within_months, lang, res.chosen)
        res.support_known = support is not None
        items += support or []
        items += A.contracts_ending(ws, res.chosen, h.today, h.contracts_within_months, lang)
        items += A.assumptions_stale(ws, h.today, h.stale_days, lang)
        res.attention = items
    except Exception as exc:
        return _crashed(res, exc, lang, t0)
    # The workspace, and the cost models cached on it, are freed when it goes out of scope.
    res.seconds = time.perf_counter() - t0
    return res


def _crashed(res: CaseResult, exc: Exception, lang: str, t0: float) -> CaseResult:
    where = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    text = f"{type(exc).__name__}: {exc}" + (
        f" ({Path(where.filename).name}:{where.lineno})"
        if where and not isinstance(exc, ArchplanError)
        else ""
    )
    p = Problem("", None, None, msg("pf_crashed", lang, error=text))
    res.status = "failed"
    res.budget, res.commitments, res.actual = {}, [], None
    res.problems.append(p)
    res.reason = msg("pf_check_fails", lang, n=1)
    res.attention = A.check_failures([p], lang)
    res.seconds = time.perf_counter() - t0
    return res


def _summarise_chunk(args: tuple[list[Case], Horizons]) -> list[CaseResult]:
    cases, h = args
    return [summarise_case(c, h) for c in cases]


def _majority(values: Iterable[Any], default: Any) -> Any:
    counts = Counter(values)
    if not counts:
        return default
    best = max(counts.values())
    winners = [v for v, n in counts.items() if n == best]
    return default if default in winners else sorted(winners, key=str)[0]


def _run(
    cases: list[Case], h: Horizons, jobs: int, progress: Callable[[int], None] | None
) -> Iterator[CaseResult]:
    if jobs <= 1 or len(cases) < 2 * jobs:
        for c in cases:
            yield summarise_case(c, h)
            if progress:
                progress(1)
        return
    size = max(1, min(16, math.ceil(len(cases) / (jobs * 4))))
    chunks = [(cases[i : i + size], h) for i in range(0, len(cases), size)]
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for batch in pool.map(_summarise_chunk, chunks):
            yield from batch
            if progress:
                progress(len(batch))


def rollup(
    portfolio: str | Path | Portfolio,
    *,
    today: date | None = None,
    jobs: int | None = None,
    language: str | None = None,
    progress: bool = False,
) -> PortfolioView:
    """Summarise every case of a portfolio and add them up.

    Parameters
    ----------
    portfolio : str, Path or Portfolio
        A ``portfolio.yaml``, a folder holding one, or a folder of workspaces.
    today : date, optional
        The day the portfolio is looked at (default: today).
    jobs : int, optional
        Worker processes (default: one per core; 1 reads the cases in this process).
    language : {"ja", "en"}, optional
        Overrides the portfolio's language.
    progress : bool
        Show a progress bar (tqdm) on standard error.

    Returns
    -------
    PortfolioView

    Examples
    --------
    >>> view = rollup("data/portfolio.yaml", today=date(2026, 11, 29), jobs=1)
    >>> body = view.budget.drop(index="total", columns="total")
    >>> bool((view.budget.loc["total"].drop("total") == body.sum()).all())
    True
    """
    pf = portfolio if isinstance(portfolio, Portfolio) else load_portfolio(portfolio)
    today = today or date.today()
    from archplan.portfolio.batch import batch_language

    # Decided before the cases are read: every reason and item is worded in it.
    lang = language or batch_language(pf)
    h = Horizons(
        today,
        pf.stale_days,
        pf.review_within_days,
        pf.support_within_months,
        pf.contracts_within_months,
        lang,
    )
    jobs = jobs or os.cpu_count() or 1
    bar: Any = None
    if progress:
        from tqdm import tqdm  # type: ignore[import-untyped]

        bar = tqdm(
            total=len(pf.cases),
            unit=msg("pf_case", lang),
            desc=msg("pf_kicker", lang),
            leave=False,
        )
    try:
        results = list(_run(list(pf.cases), h, jobs, bar.update if bar else None))
    finally:
        if bar is not None:
            bar.close()
    return PortfolioView(pf, results, h)


class PortfolioView:
    """The portfolio's tables, as DataFrames, over the per-case results.

    Attributes
    ----------
    portfolio : Portfolio
    results : list of CaseResult
    horizons : Horizons
    language, currency : str
    fy_start_month : int
    """

    def __init__(self, portfolio: Portfolio, results: list[CaseResult], horizons: Horizons) -> None:
        self.portfolio = portfolio
        self.results = results
        self.horizons = horizons
        self.language = horizons.language
        read = [r for r in results if r.currency]
        self.currency = portfolio.currency or _majority((r.currency for r in read), "JPY")
        self.fy_start_month = portfolio.fy_start_month or _majority(
            (r.fy_start_month for r in read), 4
        )
        self._counted: list[CaseResult] | None = None

    def __repr__(self) -> str:
        counts = Counter(r.status for r in self.results)
        lang = self.language
        return msg(
            "repr_portfolio",
            lang,
            n=len(self.results),
            counts=msg("explain_sep", lang).join(
                msg("repr_count", lang, n=counts[s], what=Localized("pf_st_" + s))
                for s in STATUSES
                if counts[s]
            ),
        )

    # -- which cases count ------------------------------------------------------------
    def not_added_reason(self, r: CaseResult) -> str:
        """Why a decided case is left out of the totals ('' when it is added up)."""
        if r.currency != self.currency:
            return msg("pf_other_currency", self.language, currency=r.currency, ours=self.currency)
        if r.fy_start_month != self.fy_start_month:
            return msg(
                "pf_other_calendar", self.language, month=r.fy_start_month, ours=self.fy_start_month
            )
        return ""

    def counted(self) -> list[CaseResult]:
        """Decided cases in the portfolio's currency and fiscal calendar."""
        if self._counted is None:
            self._counted = [
                r for r in self.results if r.status == "decided" and not self.not_added_reason(r)
            ]
        return self._counted

    def filter(self, **tags: str | Iterable[str]) -> PortfolioView:
        """The view restricted to cases whose tags match (a value or a list of values).

        Examples
        --------
        >>> view = rollup("data/portfolio.yaml", today=date(2026, 11, 29), jobs=1)
        >>> sorted(view.filter(bureau="健康福祉局").cases.index)
        ['food-lab', 'vaccine-booking']
        """

        def ok(r: CaseResult) -> bool:
            for k, want in tags.items():
                allowed = {want} if isinstance(want, str) else set(want)
                if r.tags.get(k, NONE_TAG) not in allowed:
                    return False
            return True

        return PortfolioView(self.portfolio, [r for r in self.results if ok(r)], self.horizons)

    # -- tables -----------------------------------------------------------------------
    @cached_property
    def tag_keys(self) -> list[str]:
        """Tag keys used by at least one case: the usual ones first, then the others."""
        used = {k for r in self.results for k in r.tags}
        return [k for k in TAG_KEYS if k in used] + sorted(used - set(TAG_KEYS))

    @property
    def cases(self) -> pd.DataFrame:
        """One row per case: title, status, decision, chosen option, tags, budget total,
        the reason it is not added up (if so), its numbers of problems and of items needing
        attention, the earliest support end among its components in use, and what it has
        executed so far (千円, when it records actuals)."""
        rows = []
        keys = self.tag_keys
        for r in self.results:
            reason = r.reason or (self.not_added_reason(r) if r.status == "decided" else "")
            rows.append(
                {
                    "case": r.id,
                    "title": r.title,
                    "status": r.status,
                    "decision": r.decision,
                    "chosen": r.chosen,
                    "chosen_name": r.chosen_name,
                    **{k: r.tags.get(k, NONE_TAG) for k in keys},
                    "total": sum(r.budget.values()) if r.status == "decided" else None,
                    "counted": r.status == "decided" and not self.not_added_reason(r),
                    "reason": reason,
                    "problems": len(r.problems),
                    "attention": len(r.attention),
                    "support_end": min(
                        (a.when for a in r.attention if a.kind == "support" and a.when),
                        default=None,
                    ),
                    "executed": sum(r.actual.values()) if r.actual else None,
                    "path": r.path,
                }
            )
        cols = ["title", "status", "decision", "chosen", "chosen_name", *keys]
        cols += ["total", "counted", "reason", "problems", "attention", "support_end"]
        cols += ["executed", "path"]
        return pd.DataFrame(rows, columns=["case", *cols]).set_index("case")

    @property
    def years(self) -> list[int]:
        """Fiscal years with a budget in any counted case."""
        return sorted({fy for r in self.counted() for fy in r.budget})

    @property
    def budget(self) -> pd.DataFrame:
        """Counted cases × fiscal years, 千円 tax-inclusive, with a total column and row.

        Each case's row is its chosen option's row of its own budget table; totals are
        sums of the cells shown (integers), so the table cross-foots.
        """
        years = self.years
        data = [[r.budget.get(fy, 0) for fy in years] for r in self.counted()]
        body = pd.DataFrame(
            data,
            index=pd.Index([r.id for r in self.counted()], name="case"),
            columns=pd.Index(years, name="fiscal_year"),
            dtype="int64",
        )
        return _with_totals(body)

    def budget_by(self, tag: str) -> pd.DataFrame:
        """The budget summed by a tag's values (cases without the tag under ``—``).

        Examples
        --------
        >>> view = rollup("data/portfolio.yaml", today=date(2026, 11, 29), jobs=1)
        >>> by = view.budget_by("bureau")
        >>> bool(by.loc["total", "total"] == view.budget.loc["total", "total"])
        True
        """
        body = self.budget.drop(index=TOTAL, columns=TOTAL)
        keys = pd.Series({r.id: r.tags.get(tag, NONE_TAG) for r in self.counted()}, dtype=object)
        grouped = body.groupby(keys.reindex(body.index).rename(tag)).sum()
        grouped = grouped.reindex(sorted(grouped.index, key=lambda v: _tag_order(tag, str(v))))
        return _with_totals(grouped.astype("int64"))

    @property
    def undecided(self) -> pd.DataFrame:
        """Cases whose budget is not added up, and why (undecided, failed, other currency
        or calendar, missing, duplicate)."""
        counted = {r.id for r in self.counted()}
        rows = [
            {
                "case": r.id,
                "title": r.title,
                "status": r.status,
                "reason": r.reason or self.not_added_reason(r),
            }
            for r in self.results
            if r.id not in counted
        ]
        return pd.DataFrame(rows, columns=["case", "title", "status", "reason"]).set_index("case")

    @property
    def commitments(self) -> pd.DataFrame:
        """Multi-year commitments (債務負担行為) of the counted cases' chosen options:
        (case, contract) × fiscal years in 千円, with ceiling, total and a total row."""
        rows, meta = [], []
        for r in self.counted():
            for c in r.commitments:
                rows.append(((r.id, c["contract"]), c["payments"]))
                meta.append((c["name"], c["ceiling"]))
        years = sorted({fy for _, p in rows for fy in p})
        body = pd.DataFrame(
            [[p.get(fy, 0) for fy in years] for _, p in rows],
            index=pd.MultiIndex.from_tuples([k for k, _ in rows], names=["case", "contract"])
            if rows
            else pd.MultiIndex.from_tuples([], names=["case", "contract"]),
            columns=pd.Index(years, name="fiscal_year"),
            dtype="int64",
        )
        if body.empty:
            return body
        flat = body.copy()
        flat.index = pd.Index([f"{a}\t{b}" for a, b in body.index], name="row")
        shown = to_display_unit(flat, "thousand")
        shown.index = pd.MultiIndex.from_tuples(
            [tuple(str(i).split("\t")) if i != TOTAL else (TOTAL, "") for i in shown.index],
            names=["case", "contract"],
        )
        names = [n for n, _ in meta] + [""]
        ceilings = [c for _, c in meta] + [None]
        shown.insert(0, "ceiling_yen", pd.Series(ceilings, index=shown.index, dtype="Int64"))
        shown.insert(0, "name", names)
        return shown

    @property
    def attention(self) -> pd.DataFrame:
        """Everything that needs attention, one row per item, by kind then date."""
        order = {k: i for i, k in enumerate(A.KINDS)}
        items = sorted(
            (replace(a, case=r.id) for r in self.results for a in r.attention),
            key=lambda a: (order.get(a.kind, 99), a.when or date.min, a.case),
        )
        return pd.DataFrame(
            [
                {
                    "case": a.case,
                    "kind": a.kind,
                    "when": a.when,
                    "subject": a.subject,
                    "detail": a.detail,
                }
                for a in items
            ],
            columns=["case", "kind", "when", "subject", "detail"],
        )

    @property
    def problems(self) -> pd.DataFrame:
        """Every problem: the portfolio file's own, then each case's (all of them)."""
        rows = [
            {
                "case": "",
                "file": p.file,
                "line": p.line,
                "field": p.field,
                "message": p.message,
                "expected": p.expected,
            }
            for p in self.portfolio.problems
        ]
        rows += [
            {
                "case": r.id,
                "file": p.file,
                "line": p.line,
                "field": p.field,
                "message": p.message,
                "expected": p.expected,
            }
            for r in self.results
            for p in r.problems
        ]
        return pd.DataFrame(rows, columns=["case", "file", "line", "field", "message", "expected"])

    @property
    def plan_vs_actual(self) -> pd.DataFrame:
        """Counted cases with actuals: (case, fiscal year) → plan, actual, rate (千円)."""
        rows = []
        for r in self.counted():
            if not r.actual:
                continue
            for fy in sorted(set(r.budget) | set(r.actual)):
                plan, actual = r.budget.get(fy, 0), r.actual.get(fy)
                if actual is None:
                    continue
                rows.append(
                    {
                        "case": r.id,
                        "fiscal_year": fy,
                        "plan": plan,
                        "actual": actual,
                        "variance": actual - plan,
                        "rate": actual / plan if plan else None,
                        "state": r.actual_state.get(fy, ""),
                    }
                )
        return pd.DataFrame(
            rows,
            columns=["case", "fiscal_year", "plan", "actual", "variance", "rate", "state"],
        )

    def problem_lines(self) -> list[str]:
        """What ``archplan portfolio`` prints on standard error: the portfolio file's own
        problems, then one line per case that failed, is missing, is listed twice or whose
        entry has problems, with its first problem (in the portfolio's language).

        Examples
        --------
        >>> view = rollup("data/portfolio.yaml", today=date(2026, 11, 29), jobs=1)
        >>> view.problem_lines()
        []
        """
        lang = self.language
        lines = [p.render(lang).split("\n")[0] for p in self.portfolio.problems]
        for r in self.results:
            if r.status not in ("failed", "missing", "duplicate") and not r.problems:
                continue
            text = r.problems[0].render(lang).split("\n")[0] if r.problems else r.reason
            if len(r.problems) > 1:
                text += " " + msg("pf_more_problems", lang, n=len(r.problems) - 1)
            state = msg(f"pf_st_{r.status}", lang)
            lines.append(msg("batch_line", lang, case=r.id, state=state, error=text))
        return lines

    @property
    def support_known(self) -> bool:
        """Whether component support windows could be read (archplan.timing installed)."""
        return all(r.support_known for r in self.results if r.status in ("decided", "undecided"))


def _tag_order(tag: str, value: str) -> tuple[int, int, str]:
    """Rows of a by-tag table: phases and TIME classes in their own order, other values
    alphabetically, cases without the tag (``—``) last."""
    known = {"phase": PHASES, "time": TIME_CLASSES}.get(tag, ())
    if value == NONE_TAG:
        return (2, 0, "")
    if value in known:
        return (0, known.index(value), "")
    return (1, 0, value)


def _with_totals(body: pd.DataFrame) -> pd.DataFrame:
    out = body.copy()
    out[TOTAL] = out.sum(axis=1).astype("int64")
    out.loc[TOTAL] = out.sum(axis=0).astype("int64")
    return out.astype("int64")
