"""The result of ranking options: scores, ranks, contributions and conventions."""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from archplan.compare.methods import FloatArray, Method
from archplan.messages import msg

if TYPE_CHECKING:
    from archplan.compare.problem import DecisionProblem

__all__ = ["Ranking"]

TIE_RULE = "equal scores share the better rank; listed in the order of options.yaml"


@dataclass(frozen=True)
class Ranking:
    """One method's ranking of a decision problem.

    Attributes
    ----------
    method : Method
    table : DataFrame
        Index ``option`` (best first); columns ``name``, ``score``, ``rank``.
    contributions : DataFrame
        Options × criteria; what each criterion adds (see ``conventions``).
    conventions : dict
        Method, normalisation, tie rule, weight handling — enough to reproduce.
    excluded : DataFrame
        Options knocked out by must-have criteria, with the reason.
    notes : list of str
    """

    method: Method
    table: pd.DataFrame
    contributions: pd.DataFrame
    conventions: dict[str, str]
    excluded: pd.DataFrame
    criterion_names: pd.Series
    notes: list[str] = field(default_factory=list)
    language: str = "en"

    @classmethod
    def from_scores(
        cls, problem: DecisionProblem, method: Method, scores: FloatArray, contrib: FloatArray
    ) -> Ranking:
        options = list(problem.matrix.index)
        s = pd.Series(scores, index=pd.Index(options, name="option"), dtype=float)
        # Round before ranking so float noise cannot split a genuine tie.
        merit = s.round(12) if method.higher_is_better else -s.round(12)
        ranks = merit.rank(method="min", ascending=False)
        table = pd.DataFrame(
            {
                "name": problem.option_names.reindex(options),
                "score": s,
                "rank": ranks.astype("int64"),
            }
        )
        order = {o: i for i, o in enumerate(options)}
        table = (
            table.assign(_o=[order[o] for o in options])
            .sort_values(["rank", "_o"])
            .drop(columns="_o")
        )
        contributions = pd.DataFrame(
            contrib, index=pd.Index(options, name="option"), columns=problem.matrix.columns
        ).loc[table.index]
        conventions = dict(method.conventions())
        conventions["ties"] = TIE_RULE
        conventions["weights"] = "rescaled to sum to 1"
        conventions["knock-outs"] = (
            "must-have criteria applied before ranking; excluded "
            "options do not affect normalisation"
        )
        table.attrs["method"] = method.label
        return cls(
            method,
            table,
            contributions,
            conventions,
            problem.excluded,
            problem.criterion_names,
            list(problem.notes),
            problem.language,
        )

    @property
    def winner(self) -> str | None:
        """The first-ranked option, or None if every option was knocked out."""
        return str(self.table.index[0]) if len(self.table) else None

    def explain(
        self, a: str | None = None, b: str | None = None, language: str | None = None
    ) -> str:
        """One sentence on why ``a`` ranks above ``b`` (default: first over second), in
        ``language`` (default: the workspace's).

        Examples
        --------
        >>> from archplan import load_workspace
        >>> from archplan.compare import build_problem, rank
        >>> r = rank(build_problem(load_workspace("data/examples/food-lab")))
        >>> r.explain()  # doctest: +ELLIPSIS
        '加重和法で検査情報管理SaaSの利用（0.850）がガバメントクラウド上での独自構築（0.533）を上回る...'
        >>> r.explain(language="en")  # doctest: +ELLIPSIS
        '検査情報管理SaaSの利用 ranks above ... mainly because of ...'
        """
        lang = language or self.language
        if len(self.table) < 2 and (a is None or b is None):
            return msg("explain_one", lang)
        a = a or str(self.table.index[0])
        b = b or str(self.table.index[1])
        sign = 1.0 if self.method.higher_is_better else -1.0
        contrib = self.contributions
        diff = pd.Series(
            sign * (contrib.loc[a].to_numpy(dtype=float) - contrib.loc[b].to_numpy(dtype=float)),
            index=contrib.columns,
        )
        names = self.criterion_names
        pros = diff[diff > 1e-12].sort_values(ascending=False)
        cons = diff[diff < -1e-12].sort_values()
        score = self.table["score"].astype(float)
        sa, sb = float(score[a]), float(score[b])
        na, nb = str(self.table.loc[a, "name"]), str(self.table.loc[b, "name"])

        def fmt(items: pd.Series) -> str:
            return msg("explain_sep", lang).join(
                # 費用（+0.150） in Japanese, "cost (+0.150)" in English
                f"{names.get(k, k)}（{float(v):+.3f}）"
                if lang == "ja"
                else f"{names.get(k, k)} ({float(v):+.3f})"
                for k, v in items.head(2).items()
            )

        text = msg(
            "explain_above",
            lang,
            a=na,
            b=nb,
            method=self.method.label_for(lang),
            sa=f"{sa:.3f}",
            sb=f"{sb:.3f}",
            pros=fmt(pros) or msg("explain_none", lang),
        )
        if not cons.empty:
            text += msg("explain_cons", lang, b=nb, cons=fmt(cons))
        return text + msg("explain_end", lang)

    def conventions_for(self, language: str | None = None) -> dict[str, str]:
        """:attr:`conventions` for a reader: names and values in ``language`` (default:
        the workspace's); method names, symbols and file names stay as written.

        Examples
        --------
        >>> from archplan import load_workspace
        >>> from archplan.compare import build_problem, rank
        >>> r = rank(build_problem(load_workspace("data/examples/food-lab")))
        >>> r.conventions_for()["寄与の意味"]
        'w_j × 正規化した得点。合計すると総合点になる'
        """
        from archplan.compare.localize import convention_texts

        return convention_texts(self.method, self.conventions, language or self.language)

    def __repr__(self) -> str:
        lang = self.language
        excluded = self.excluded.index
        return msg(
            "repr_ranking",
            lang,
            method=self.method.label_for(lang),
            order=" > ".join(map(str, self.table.index)),
            excluded=msg(
                "repr_excluded", lang, options=msg("explain_sep", lang).join(map(str, excluded))
            )
            if len(excluded)
            else "",
        )

    def _repr_html_(self) -> str:
        rows = "".join(
            f"<tr><td>{int(r['rank'])}</td><td>{html.escape(str(r['name']))}</td>"
            f"<td>{r['score']:.4f}</td></tr>"
            for _, r in self.table.iterrows()
        )
        excl = "".join(
            f"<li>{html.escape(str(o))}: {html.escape(str(r['reason']))}</li>"
            for o, r in self.excluded.iterrows()
        )
        lang = self.language
        head = "".join(
            f"<th>{html.escape(msg(k, lang))}</th>" for k in ("lbl_rank", "lbl_option", "lbl_score")
        )
        return (
            f"<p><b>{html.escape(self.method.label_for(lang))}</b></p><table><tr>{head}"
            f"</tr>{rows}</table>"
            + (f"<p>{html.escape(msg('rk_excluded', lang))}</p><ul>{excl}</ul>" if excl else "")
        )


def ranks_from_scores(scores: FloatArray, higher_is_better: bool = True) -> FloatArray:
    """Ranks (1 = best, ties share the better rank) for each row of a trials × options
    array of scores.

    Examples
    --------
    >>> ranks_from_scores(np.array([[0.2, 0.9, 0.9]])).tolist()
    [[3, 1, 1]]
    """
    merit = np.round(scores, 12) if higher_is_better else -np.round(scores, 12)
    return 1 + (merit[:, None, :] > merit[:, :, None]).sum(axis=2)  # type: ignore[no-any-return]
