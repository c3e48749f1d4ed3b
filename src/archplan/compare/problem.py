"""From a workspace to a decision problem, and from a problem to a ranking.

:func:`build_problem` does everything that must happen before any method runs, and
records it: marks mapped to numbers (the mapping is kept), target criteria turned into
distances, criteria taken from the cost model filled in, missing scores resolved by each
criterion's policy (and said so), must-have rules applied (options knocked out, with the
reason), and weights derived by the workspace's weighting (direct, rank order, swing, AHP).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

import numpy as np
import pandas as pd

from archplan.compare.methods import Method, get_method, uses_normalization
from archplan.compare.result import Ranking
from archplan.compare.weights import (
    ahp,
    combine_judgements,
    direct_weights,
    rank_order_centroid,
    rank_sum,
    swing_weights,
)
from archplan.errors import InputError
from archplan.messages import Localized, msg
from archplan.scales import canonical, describe_mapping
from archplan.workspace.model import Criterion, Workspace

__all__ = [
    "DecisionProblem",
    "build_problem",
    "rank",
    "rank_options",
    "workspace_method",
    "workspace_weights",
]


@dataclass(frozen=True)
class DecisionProblem:
    """What every ranking method works on.

    Attributes
    ----------
    matrix : DataFrame
        Ranked options (not knocked out) × criteria, numeric; ``target`` criteria already
        turned into a benefit (minus the distance from the target or range).
    cost : Series
        True for criteria where less is better.
    weights : Series
        Per criterion, summing to 1.
    option_names, criterion_names : Series
    excluded : DataFrame
        Knocked-out options: ``criterion``, ``value`` and ``reason``.
    notes : list of str
        Everything done to the inputs that a reader must know (mappings, imputations,
        the weighting used).
    scales : DataFrame
        Per criterion: scale, mapping used, direction, unit, source, must-have rule.
    cells : DataFrame
        The scores as written (◎, 高, + …) for all options, for display.
    """

    matrix: pd.DataFrame
    cost: pd.Series
    weights: pd.Series
    option_names: pd.Series
    criterion_names: pd.Series
    excluded: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    scales: pd.DataFrame = field(default_factory=pd.DataFrame)
    cells: pd.DataFrame = field(default_factory=pd.DataFrame)
    full_matrix: pd.DataFrame = field(default_factory=pd.DataFrame)
    weights_note: str = ""
    language: str = "en"

    def with_weights(self, weights: pd.Series | dict[str, float]) -> DecisionProblem:
        """The same problem with other weights (rescaled to sum to 1)."""
        w = direct_weights(pd.Series(weights, dtype=float).reindex(self.matrix.columns))
        return replace(self, weights=w)

    def __repr__(self) -> str:
        return msg(
            "repr_problem",
            self.language,
            options=self.matrix.shape[0],
            criteria=self.matrix.shape[1],
            excluded=len(self.excluded),
        )


def workspace_weights(ws: Workspace) -> tuple[pd.Series, str]:
    """The weights the workspace's weighting gives, and a note saying how."""
    cs = ws.settings.comparison
    lang = ws.settings.language
    crits = list(ws.criteria)
    if cs.weighting == "direct":
        return direct_weights({c.id: c.weight or 0.0 for c in crits}), msg("w_direct", lang)
    if cs.weighting == "swing":
        return swing_weights({c.id: c.weight or 0.0 for c in crits}), msg("w_swing", lang)
    if cs.weighting in ("roc", "rank-sum"):
        order = [c.id for c in sorted(crits, key=lambda c: c.rank or 0)]
        fn = rank_order_centroid if cs.weighting == "roc" else rank_sum
        return fn(order), msg(f"w_{cs.weighting}", lang)
    tables = list(ws.ahp_tables)
    table = combine_judgements(tables) if len(tables) > 1 else tables[0]
    result = ahp(table, accept_inconsistent=cs.accept_inconsistent)
    how = msg(
        "w_ahp",
        lang,
        n=len(tables),
        group=msg("w_group", lang) if len(tables) > 1 else "",
        lam=f"{result.lambda_max:.3f}",
        ci=f"{result.consistency_index:.3f}",
        cr=f"{result.consistency_ratio:.3f}",
        table=result.random_index_table,
    )
    if result.notes:
        how += "; " + "; ".join(result.notes)
    return result.weights.reindex([c.id for c in crits]), how


def _cost_values(ws: Workspace, kind: str) -> pd.Series:
    from archplan.costs import cost_summary

    summary = cost_summary(ws)
    col = "total" if kind == "cost_total" else "npv"
    return summary[col].astype(float)


def _num(v: float) -> str:
    from archplan.money import format_number

    return format_number(v)


def _mark(scale: str, text: object) -> str:
    """A cell or a ``must: {not: [...]}`` value as the mark it stands for, so that a
    look-alike (``x`` or ``✕`` for ``×``, ``◯`` for ``○``) knocks an option out exactly
    as the canonical mark does; other text as written (stripped)."""
    t = str(text).strip()
    return canonical(scale, t) or t


def _must_reason(c: Criterion, raw: object, value: float, lang: str = "en") -> str | None:
    if c.must_not and _mark(c.scale, raw) in {_mark(c.scale, v) for v in c.must_not}:
        return msg("must_not", lang, name=c.name, value=raw)
    if c.must_min is not None and value < c.must_min:
        return msg("must_min", lang, name=c.name, value=_num(value), limit=_num(c.must_min))
    if c.must_max is not None and value > c.must_max:
        return msg("must_max", lang, name=c.name, value=_num(value), limit=_num(c.must_max))
    return None


def build_problem(
    ws: Workspace, weights: pd.Series | dict[str, float] | None = None
) -> DecisionProblem:
    """Prepare the workspace's comparison for the ranking methods.

    Parameters
    ----------
    ws : Workspace
    weights : Series or dict, optional
        Weights to use instead of the workspace's (e.g. from a slider); rescaled.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> p = build_problem(load_workspace("data/examples/food-lab"))
    >>> p.excluded.index.tolist()
    ['overseas-saas']
    """
    notes: list[str] = []
    lang = ws.settings.language
    options = [o.id for o in ws.options]
    matrix = pd.DataFrame(index=pd.Index(options, name="option"), dtype=float)
    cells = pd.DataFrame(index=matrix.index, dtype=object)
    scale_rows = []
    for c in ws.criteria:
        if c.source == "scores":
            col = ws.scores[c.id].astype(float).copy()
            raw = ws.scores_raw[c.id] if ws.scores_raw is not None else col.map(lambda v: f"{v:g}")
        else:
            col = _cost_values(ws, c.source)
            raw = col.map(lambda v: f"{v:,.0f}")
            notes.append(msg("from_costs", lang, name=c.name, what=msg(c.source, lang)))
        missing = col[col.isna()].index.tolist()
        if missing:
            if c.missing == "impute":
                assert c.impute is not None
                col[missing] = c.impute
                how = msg("imputed", lang, value=f"{c.impute:g}")
            else:  # worst: the lowest benefit / highest cost among those scored
                known = col.dropna()
                if known.empty:
                    raise InputError(f"no option has a score on {c.id!r}")
                worst = known.max() if c.direction == "cost" else known.min()
                if c.direction == "target":
                    dist = _distance(known, c)
                    worst = float(known.to_numpy()[int(np.argmax(dist.to_numpy()))])
                col[missing] = worst
                how = msg("worst", lang, value=f"{worst:g}")
            notes.append(msg("missing", lang, name=c.name, options=", ".join(missing), how=how))
            raw = raw.copy()
            raw[missing] = [f"({col[m]:g})" for m in missing]
        matrix[c.id] = col
        cells[c.id] = raw
        rule = []
        if c.must_not:
            marks = dict.fromkeys(_mark(c.scale, v) for v in c.must_not)
            rule.append(msg("must_not_rule", lang, values="/".join(marks)))
        if c.must_min is not None:
            rule.append(f"≥ {_num(c.must_min)}")
        if c.must_max is not None:
            rule.append(f"≤ {_num(c.must_max)}")
        scale_rows.append(
            {
                "criterion": c.id,
                "name": c.name,
                "scale": c.scale,
                "mapping": describe_mapping(c.scale, c.mapping_dict, lang),
                "direction": c.direction
                + (f" {c.target:g}" if c.target is not None else "")
                + (f" [{c.range[0]:g}, {c.range[1]:g}]" if c.range else ""),
                "unit": c.unit,
                "source": c.source,
                "must": ", ".join(rule),
            }
        )
    excluded_rows = []
    for c in ws.criteria:
        if not c.has_must:
            continue
        for o in options:
            value = float(matrix[c.id].to_numpy()[options.index(o)])
            reason = _must_reason(c, cells.loc[o, c.id], value, lang)
            if reason:
                excluded_rows.append(
                    {"option": o, "criterion": c.id, "value": cells.loc[o, c.id], "reason": reason}
                )
    excluded = pd.DataFrame(excluded_rows, columns=["option", "criterion", "value", "reason"])
    # One row per knocked-out option; several failed rules are joined.
    excluded = (
        excluded.groupby("option", sort=False).agg(
            {"criterion": ", ".join, "value": _join_values, "reason": "; ".join}
        )
        if not excluded.empty
        else excluded.set_index("option")
    )
    full = matrix.copy()
    for c in ws.criteria:
        if c.direction == "target":
            full[c.id] = -_distance(full[c.id], c)
            if c.target is not None:
                what = msg("target_value", lang, value=f"{c.target:g}")
            else:
                assert c.range is not None
                what = msg("target_range", lang, lo=f"{c.range[0]:g}", hi=f"{c.range[1]:g}")
            notes.append(msg("target", lang, name=c.name, what=what))
    kept = [o for o in options if o not in excluded.index]
    if weights is None:
        w, how = workspace_weights(ws)
        weights_note = msg("weights", lang, how=how)
    else:
        w = direct_weights(pd.Series(weights, dtype=float).reindex(full.columns))
        weights_note = msg("weights_run", lang)
    notes.append(weights_note)
    cost = pd.Series({c.id: c.direction == "cost" for c in ws.criteria}, name="cost")
    return DecisionProblem(
        matrix=full.loc[kept],
        cost=cost,
        weights=w.reindex(full.columns),
        option_names=ws.option_names,
        criterion_names=pd.Series({c.id: c.name for c in ws.criteria}, name="name"),
        excluded=excluded,
        notes=notes,
        scales=pd.DataFrame(scale_rows).set_index("criterion"),
        cells=cells,
        full_matrix=full,
        weights_note=weights_note,
        language=lang,
    )


def _join_values(values: pd.Series) -> str:
    return ", ".join(map(str, values))


def _distance(values: pd.Series, c: Criterion) -> pd.Series:
    if c.target is not None:
        return (values - c.target).abs()
    assert c.range is not None
    lo, hi = c.range
    below = (lo - values).clip(lower=0)
    above = (values - hi).clip(lower=0)
    return below + above


def rank(problem: DecisionProblem, method: str | Method = "wsm", **options: object) -> Ranking:
    """Rank the options of a problem with one method.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> p = build_problem(load_workspace("data/examples/food-lab"))
    >>> rank(p, "topsis").table.index[0]
    'saas'
    """
    m = get_method(method, **options)
    x = problem.matrix.to_numpy(dtype=float)
    w = problem.weights.to_numpy(dtype=float)
    cost = problem.cost.reindex(problem.matrix.columns).to_numpy(dtype=bool)
    if x.shape[0] == 0:
        scores = np.zeros(0)
        contrib = np.zeros((0, x.shape[1]))
    else:
        try:
            scores, contrib = m.evaluate(x, w, cost)
        except InputError as exc:
            # Name the criterion rather than the column number the array code knows.
            cols = list(problem.matrix.columns)
            reason: object = exc.args[0] if len(exc.args) == 1 else str(exc)
            if isinstance(reason, Localized) and reason.key == "cmp_norm_positive":
                cid = str(cols[int(str(reason.values["column"]))])
                reason = Localized(
                    "cmp_norm_positive_crit",
                    norm=reason.values["norm"],
                    criterion=cid,
                    name=str(problem.criterion_names.get(cid, cid)),
                )
            elif not isinstance(reason, Localized):
                reason = re.sub(
                    r"column (\d+)", lambda g: f"criterion {cols[int(g.group(1))]!r}", str(exc)
                )
            raise InputError(
                Localized("cmp_method_failed", method=Localized("method_" + m.key), reason=reason)
            ) from None
    return Ranking.from_scores(problem, m, scores, contrib)


def rank_options(
    ws: Workspace,
    weights: pd.Series | dict[str, float] | None = None,
    method: str | Method | None = None,
) -> pd.DataFrame:
    """The workspace's options ranked, best first (knocked-out options left out).

    Uses the workspace's method (``comparison.method``, weighted sum by default) unless
    ``method`` is given.

    Returns
    -------
    DataFrame
        Index ``option``; columns ``name``, ``score``, ``rank``.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> rank_options(load_workspace("data/examples/food-lab")).index.tolist()
    ['saas', 'gov-cloud', 'onprem']
    """
    m = workspace_method(ws) if method is None else get_method(method)
    return rank(build_problem(ws, weights), m).table


def workspace_method(ws: Workspace) -> Method:
    """The method (and normalisation) the workspace's ``comparison`` section names.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> workspace_method(load_workspace("data/examples/network-refresh"))
    TOPSIS(normalization='vector')
    """
    cs = ws.settings.comparison
    normalised = uses_normalization(cs.method)
    opts = {"normalization": cs.normalization} if cs.normalization and normalised else {}
    return get_method(cs.method, **opts)
