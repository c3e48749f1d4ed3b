"""Rules across entries and files, checked on what the schema let through.

The schema (:mod:`archplan.workspace.schema`) checks each file on its own; these rules
check what one file says about another (an item's option exists, an assumption is
defined, percent-of has no cycle, the weighting's keys are given). Each rule is a plain
function that reports through a :class:`~archplan.workspace.fields._File` (which locates
problems by the file's YAML line map) and is tested on its own in
``tests/test_workspace_rules.py``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from archplan.fiscal import item_months
from archplan.workspace.fields import ID_RE, _File
from archplan.workspace.model import USEFUL_LIVES, Criterion, Settings, Value

__all__ = [
    "check_correlations",
    "check_exchange_rates",
    "check_items",
    "check_percent_of",
    "check_risks",
    "check_scenarios",
    "check_unique",
    "check_weighting",
    "items_outside_plan",
    "written_ids",
]


def written_ids(raw: Any) -> list[tuple[int, str]]:
    """``(index, id)`` of the entries of a list section whose id is well formed, whether
    or not the rest of the entry is valid (a duplicate is a duplicate either way).

    Examples
    --------
    >>> written_ids([{"id": "a"}, {"id": "b c"}, "x", {"id": 7, "name": 1}])
    [(0, 'a'), (3, '7')]
    """
    out = []
    for i, m in enumerate(raw if isinstance(raw, list) else []):
        ident = m.get("id") if isinstance(m, dict) else None
        if isinstance(ident, (str, int)) and not isinstance(ident, bool):
            text = str(ident).strip()
            if ID_RE.match(text):
                out.append((i, text))
    return out


def check_unique(f: _File, key: str, ids: Iterable[tuple[int, str]], what: str) -> None:
    """Each id once in a list section (``duplicate option id 'saas' (first on line 3)``)."""
    seen: dict[str, int] = {}
    for i, ident in ids:
        if ident in seen:
            first_line = f.doc.line((key, seen[ident], "id")) if f.doc else None
            f.problem(
                (key, i, "id"),
                f"duplicate {what} id {ident!r} (first on line {first_line})",
                f"a unique id for each {what}",
            )
        else:
            seen[ident] = i


def check_weighting(f: _File, criteria: Sequence[tuple[int, Criterion]], weighting: str) -> None:
    """The keys the weighting needs (weight or rank) and what they must add up to."""
    weight_needed = weighting in ("direct", "swing")
    rank_needed = weighting in ("roc", "rank-sum")
    complete = True
    for i, c in criteria:
        if weight_needed and c.weight is None:
            f.problem(
                ("criteria", i),
                "required field 'weight' is missing",
                "a weight of zero or more (weights are rescaled to sum to 1)",
            )
            complete = False
        if rank_needed and c.rank is None:
            f.problem(
                ("criteria", i),
                "required field 'rank' is missing",
                "the criterion's importance rank, 1 = most important",
            )
            complete = False
    out = [c for _, c in criteria]
    if not out or not complete:
        return
    if weight_needed and sum(c.weight or 0 for c in out) == 0:
        f.problem(("criteria",), "all criterion weights are zero", "at least one positive weight")
    if weighting == "swing" and max(c.weight or 0 for c in out) != 100:
        f.problem(
            ("criteria",),
            "with swing weighting the most valued swing gets 100",
            "weight: 100 on the criterion whose swing matters most",
        )
    if rank_needed:
        ranks = sorted(c.rank or 0 for c in out)
        if ranks != list(range(1, len(out) + 1)):
            f.problem(
                ("criteria",),
                f"ranks {ranks} are not 1 … {len(out)} each once",
                "each criterion a different rank from 1 (most important)",
            )


def check_exchange_rates(f: _File, rates: Mapping[str, str], assumptions: set[str]) -> None:
    """Every exchange rate names an assumption."""
    for cur, name in rates.items():
        if name not in assumptions:
            f.problem(
                ("exchange_rates", cur),
                f"unknown assumption {name!r}",
                "the name of an assumption in assumptions.yaml holding the rate",
            )


def check_sharing_option(f: _File, option: str | None, options: set[str]) -> None:
    """The option whose cost is shared exists."""
    if option is not None and option not in options:
        f.problem(
            ("sharing", "option"),
            f"unknown option {option!r}",
            "one of " + ", ".join(sorted(options)),
        )


def check_scenarios(
    f: _File, scenarios: Mapping[str, Mapping[str, Any]], assumptions: set[str]
) -> None:
    """Scenarios override assumptions that exist."""
    for name, overrides in scenarios.items():
        for key in overrides:
            if key not in assumptions:
                f.problem(
                    ("scenarios", name, key),
                    f"unknown assumption {key!r}",
                    "the name of an assumption above",
                )


def check_correlations(
    f: _File,
    pairs: Sequence[tuple[int, tuple[str, str]]],
    uncertain: Mapping[str, bool],
    invalid: frozenset[str] | set[str] = frozenset(),
) -> set[int]:
    """Correlated inputs exist, are uncertain, differ, and each pair is given once.

    ``uncertain`` maps assumption names to whether they carry an uncertainty; ``invalid``
    names assumptions written but already reported (not reported again). Returns the
    indices of correlations that failed.
    """
    bad: set[int] = set()
    seen: set[frozenset[str]] = set()
    for k, (a, b) in pairs:
        p = ("correlations", k, "between")
        for name in (a, b):
            if name in invalid:
                bad.add(k)
            elif ":" not in name and name not in uncertain:
                f.problem(
                    p,
                    f"unknown assumption {name!r}",
                    "an assumption with an uncertainty, item:<id> or risk:<id>",
                )
                bad.add(k)
            elif ":" not in name and not uncertain[name]:
                f.problem(
                    p,
                    f"assumption {name!r} has no uncertainty",
                    "inputs that carry an 'uncertainty'",
                )
                bad.add(k)
        if a == b:
            f.problem(p, "an input cannot be correlated with itself", "two different inputs")
            bad.add(k)
        elif frozenset((a, b)) in seen:
            f.problem(p, f"the pair {a}, {b} is given twice", "each pair once")
            bad.add(k)
        seen.add(frozenset((a, b)))
    return bad


def _value_refs(item: Any) -> list[tuple[tuple[str | int, ...], Value]]:
    refs: list[tuple[tuple[str | int, ...], Value]] = [((k,), v) for k, v in item.values().items()]
    if item.tiers is not None:
        refs += [(("tiers", "bands", k, "price"), b.price) for k, b in enumerate(item.tiers.bands)]
    if item.percent_of is not None:
        refs.append((("percent_of", "rate"), item.percent_of.rate))
    return refs


def check_items(
    f: _File,
    items: Sequence[tuple[int, Any]],
    *,
    options: set[str] | None,
    assumptions: set[str] | None,
    contracts: set[str],
    settings: Settings | None,
) -> set[int]:
    """Each item against the other files: its option, assumptions, exchange rate,
    contract, asset class, and its quantity series against its fiscal years. Returns the
    indices of items with a problem."""
    bad: set[int] = set()
    start_month = settings.fy_start_month if settings else 4
    lives = settings.useful_lives if settings else dict(USEFUL_LIVES)
    for i, it in items:
        before = len(f.problems)
        p = ("items", i)
        if options is not None and it.option not in options:
            f.problem(
                (*p, "option"),
                f"unknown option {it.option!r}",
                "one of " + ", ".join(sorted(options)),
            )
        for sub, val in _value_refs(it):
            name = val.assumption
            if name is not None and assumptions is not None and name not in assumptions:
                known = " (known: " + ", ".join(sorted(assumptions)) + ")" if assumptions else ""
                f.problem(
                    (*p, *sub),
                    f"unknown assumption {name!r}",
                    "the name of an assumption in assumptions.yaml" + known,
                )
        if (
            settings is not None
            and it.currency is not None
            and it.currency != settings.currency
            and it.currency not in settings.exchange_rates
        ):
            f.problem(
                (*p, "currency"),
                f"no exchange rate for {it.currency}",
                f"exchange_rates: {{{it.currency}: <assumption name>}} in archplan.yaml",
            )
        if it.contract is not None and it.contract not in contracts:
            f.problem(
                (*p, "contract"),
                f"unknown contract {it.contract!r}",
                "the id of a contract under 'contracts:' in costs.yaml",
            )
        if it.asset is not None and it.asset not in lives:
            f.problem(
                (*p, "asset"),
                f"unknown asset class {it.asset!r}",
                "one of " + ", ".join(lives) + " (or add it under depreciation.lives)",
            )
        if it.end is not None:
            a, b = item_months(it.start, it.end, start_month)
            if it.series is not None and b is not None:
                n_years = (b - (start_month - 1)) // 12 - (a - (start_month - 1)) // 12 + 1
                if len(it.series) < n_years:
                    f.problem(
                        (*p, "quantity"),
                        f"the series has {len(it.series)} values for {n_years} fiscal years",
                        "one quantity per fiscal year from start to end",
                    )
        if len(f.problems) > before:
            bad.add(i)
    return bad


def check_percent_of(f: _File, items: Sequence[tuple[int, Any]], all_ids: set[str]) -> None:
    """Percent-of references name other items and do not go round in a circle."""
    index = {it.id: i for i, it in items}
    refs = {it.id: it.percent_of.items for _, it in items if it.percent_of is not None}
    for iid, targets in refs.items():
        for ref in targets:
            if ref not in all_ids:
                f.problem(
                    ("items", index[iid], "percent_of", "items"),
                    f"unknown cost item {ref!r}",
                    "the id of another cost item",
                )
            elif ref == iid:
                f.problem(
                    ("items", index[iid], "percent_of", "items"),
                    "an item cannot be a percentage of itself",
                    "other items",
                )
    state: dict[str, int] = {}

    def visit(iid: str, path: list[str]) -> None:
        state[iid] = 1
        for ref in refs.get(iid, ()):
            if ref == iid or ref not in index:
                continue
            if state.get(ref) == 1:
                cycle = [*path[path.index(ref) :], ref] if ref in path else [iid, ref]
                f.problem(
                    ("items", index[iid], "percent_of", "items"),
                    "percentage-of references form a cycle: " + " → ".join(cycle),
                    "references that end at items priced another way",
                )
            elif ref not in state:
                visit(ref, [*path, ref])
        state[iid] = 2

    for _, it in items:
        if it.id not in state:
            visit(it.id, [it.id])


def check_risks(
    f: _File, risks: Sequence[tuple[int, Any]], options: set[str] | None, settings: Settings | None
) -> set[int]:
    """Risks hit a fiscal year of the plan and options that exist."""
    bad: set[int] = set()
    for k, r in risks:
        p = ("risks", k)
        if settings is not None and r.fy not in settings.fiscal_years:
            f.problem(
                (*p, "fy"),
                f"FY{r.fy} is outside the plan",
                f"a fiscal year from {settings.first_fy} to "
                f"{settings.first_fy + settings.horizon - 1}",
            )
            bad.add(k)
        named = list(r.options or ()) if r.impact is not None else list(r.impacts or {})
        for o in named:
            if options is not None and o not in options:
                f.problem(
                    (*p, "options" if r.impact is not None else "impacts"),
                    f"unknown option {o!r}",
                    "one of " + ", ".join(sorted(options)),
                )
                bad.add(k)
    return bad


def items_outside_plan(fname: str, items: Iterable[Any], settings: Settings) -> list[str]:
    """Notices for items that lie entirely outside the plan's fiscal years."""
    out = []
    start_month = settings.fy_start_month
    first = settings.first_fy * 12 + start_month - 1
    last = first + 12 * settings.horizon - 1
    last_fy = settings.first_fy + settings.horizon - 1
    for it in items:
        a, b = item_months(it.start, it.end, start_month)
        if (b is not None and b < first) or a > last:
            out.append(
                f"{fname}: item {it.id!r} ({it.start}–{it.end or it.start}) lies outside the "
                f"plan's fiscal years {settings.first_fy}–{last_fy}"
            )
    return out
