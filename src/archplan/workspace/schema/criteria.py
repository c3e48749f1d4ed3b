"""``criteria.yaml``: the criteria options are compared on (scales, mappings, must-haves)."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, cast

from archplan.workspace.fields import _describe, _text
from archplan.workspace.model import Criterion
from archplan.workspace.schema.base import (
    Between,
    Converted,
    Float,
    Ident,
    OneOf,
    Text,
    WorkspaceModel,
    fail,
    field,
    model_validator,
)

__all__ = ["CriteriaFile", "CriterionModel", "Must"]


def _range(r: Any) -> tuple[float, float]:
    if (
        isinstance(r, list)
        and len(r) == 2
        and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in r)
        and r[0] <= r[1]
    ):
        return float(r[0]), float(r[1])
    raise ValueError(f"{_describe(r)} is not an acceptable range")


def _marks(v: Any) -> tuple[str, ...]:
    return tuple(_text(x) for x in (v if isinstance(v, list) else [v]))


Range = Annotated[
    tuple[float, float],
    Converted(_range, {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2}),
]
Marks = Annotated[
    tuple[str, ...],
    Converted(
        _marks, {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    ),
]


class Must(WorkspaceModel):
    """A must-have rule: an option that fails it is knocked out before ranking."""

    what = "a mapping with min, max or not"

    min: Float | None = field(
        None,
        description="The lowest acceptable value.",
        expected="the lowest acceptable value",
        ja="許容する最小値",
    )
    max: Float | None = field(
        None,
        description="The highest acceptable value (e.g. a budget ceiling).",
        expected="the highest acceptable value (e.g. a budget ceiling)",
        ja="許容する最大値（例：予算上限）",
    )
    not_: Marks | None = field(
        None,
        alias="not",
        description="Marks that knock an option out, e.g. [×].",
        expected="marks that knock an option out, e.g. [×]",
        ja="選択肢を除外する記号（例：[×]）",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> Must:
        if self.min is None and self.max is None and not self.not_:
            fail("an empty must-have rule", "min, max or not")
        return self


class CriterionModel(WorkspaceModel):
    """One criterion."""

    what = "a mapping with id, name, direction, weight"

    id: Ident = field(
        description="Unique id, the column name in scores.csv.",
        expected="a short id, e.g. security",
        ja="一意のID（scores.csv の列名）",
    )
    name: Text = field(
        description="Shown in reports.", expected="a display name", ja="文書に表示する名称"
    )
    direction: Annotated[
        str,
        OneOf(
            "benefit",
            "cost",
            "target",
            aliases={"max": "benefit", "min": "cost", "+": "benefit", "-": "cost"},
        ),
    ] = field(
        description="benefit (more is better), cost (less is better) or target (closest to "
        "target, or inside range, is best).",
        expected="benefit (more is better), cost (less is better) or target",
        ja="benefit（大きいほど良い）、cost（小さいほど良い）、"
        "target（target に近い、または range 内が最良）",
    )
    weight: Annotated[Decimal, Between(0, 10**9)] | None = field(
        None,
        description="Zero or more, not all zero (with direct or swing weighting; swing: the "
        "most valued swing gets 100).",
        expected="a weight of zero or more (weights are rescaled to sum to 1)",
        ja="重み（0以上、すべて0は不可。direct・swing のとき）",
    )
    description: Text = field(
        "", description="Shown with the results.", expected="text", ja="結果とともに表示する説明"
    )
    scale: Annotated[str, OneOf("number", "marks", "levels", "pugh")] = field(
        "number",
        description="number, marks (◎ ○ △ ×), levels (high/medium/low, 高/中/低) or pugh (+ S −).",
        expected="number, marks (◎○△×), levels (high/medium/low) or pugh (+/S/-)",
        ja="尺度：number、marks（◎○△×）、levels（高/中/低）、pugh（+ S −）",
    )
    mapping: dict[str, Float] | None = field(
        None,
        description="The number for each mark, e.g. {◎: 5, ○: 3, △: 1, ×: 0} (defaults: ◎3 ○2 "
        "△1 ×0; high3 medium2 low1; +1 S0 −−1).",
        expected="a number",
        what="a mapping of marks to numbers",
        ja="記号ごとの数値（例：{◎: 5, ○: 3, △: 1, ×: 0}）",
    )
    target: Float | None = field(
        None,
        description="With direction: target, the ideal value.",
        expected="the ideal value",
        ja="direction: target のときの理想値",
    )
    range: Range | None = field(
        None,
        description="With direction: target, the acceptable range [lowest, highest].",
        expected="[lowest, highest], e.g. [99.5, 100]",
        ja="direction: target のときの許容範囲 [下限, 上限]",
    )
    unit: Text = field(
        "", description="Shown with the results.", expected="text", ja="単位（結果とともに表示）"
    )
    evidence: Text = field(
        "", description="Shown with the results.", expected="text", ja="根拠（結果とともに表示）"
    )
    must: Must | None = field(
        None,
        description="A must-have rule: {not: [×]}, {min: 3} or {max: 150000000}.",
        ja="必須条件：{not: [×]}、{min: 3}、{max: 150000000}",
    )
    missing: Annotated[str, OneOf("error", "worst", "impute")] = field(
        "error",
        description="What an empty score means: error, worst (the worst score given) or "
        "impute (with impute: value).",
        expected="error (default), worst or impute",
        ja="空欄の扱い：error、worst（最も悪い評点）、impute（impute の値）",
    )
    impute: Float | None = field(
        None,
        description="With missing: impute, the value used for a missing score.",
        expected="the value to use for a missing score",
        ja="missing: impute のとき、空欄に使う値",
    )
    source: Annotated[
        str,
        OneOf(
            "scores",
            "cost_total",
            "cost_npv",
            aliases={"costs.total": "cost_total", "costs.npv": "cost_npv"},
        ),
    ] = field(
        "scores",
        description="scores (scores.csv), or cost_total / cost_npv: the value comes from the "
        "cost plan, so it has no column in scores.csv.",
        expected="scores (from scores.csv), cost_total or cost_npv (from the cost model)",
        ja="scores（scores.csv）、または費用計画から取る cost_total / cost_npv",
    )
    rank: Annotated[int, Between(1, 1000)] | None = field(
        None,
        description="With roc or rank-sum weighting: 1 = most important, each rank once.",
        expected="the criterion's importance rank, 1 = most important",
        ja="roc・rank-sum のときの重要度の順位（1が最も重要）",
    )

    @model_validator(mode="after")
    def _consistent(self) -> CriterionModel:
        from archplan.scales import DEFAULT_MAPPINGS, canonical

        scale = self.scale
        if self.mapping is not None:
            if scale not in DEFAULT_MAPPINGS:
                fail(
                    "a mapping is only for the marks, levels and pugh scales",
                    "no 'mapping' on a number scale",
                    "mapping",
                )
            for key in self.mapping:
                if canonical(scale, str(key)) is None:
                    fail(
                        f"{key!r} is not a mark of the {scale} scale",
                        " ".join(DEFAULT_MAPPINGS[scale]),
                        "mapping",
                        key,
                    )
            given = {canonical(scale, str(k)) for k in self.mapping}
            missing = [k for k in DEFAULT_MAPPINGS[scale] if k not in given]
            if missing:
                fail(
                    "no number for " + ", ".join(missing),
                    "a number for every mark: " + " ".join(DEFAULT_MAPPINGS[scale]),
                    "mapping",
                )
        if self.direction == "target":
            if (self.target is None) == (self.range is None):
                fail(
                    "a target criterion needs exactly one of 'target' and 'range'",
                    "target: 99.9, or range: [99.5, 100]",
                )
            if scale != "number":
                fail("a target criterion is scored with numbers", "scale: number", "scale")
        elif self.target is not None or self.range is not None:
            fail(
                "'target' and 'range' go with direction: target",
                "direction: target",
                "target" if self.target is not None else "range",
            )
        if self.must is not None and self.must.not_ and scale != "number":
            for text in self.must.not_:
                if canonical(scale, text) is None:
                    fail(
                        f"{text!r} is not a mark of the {scale} scale",
                        "marks that knock an option out, e.g. [×]",
                        "must",
                        "not",
                    )
        if self.missing == "impute" and self.impute is None:
            fail("required field 'impute' is missing", "the value to use for a missing score")
        if self.impute is not None and self.missing != "impute":
            fail("'impute' goes with missing: impute", "missing: impute", "impute")
        if self.source != "scores" and self.direction != "cost":
            fail("a criterion taken from the cost model is a cost", "direction: cost", "direction")
        return self

    def to_domain(self) -> Criterion:
        """The criterion of the domain model (marks read as their canonical form)."""
        from archplan.scales import canonical

        mapping = None
        if self.mapping is not None:
            mapping = tuple(
                (canonical(self.scale, str(k)) or k, v) for k, v in self.mapping.items()
            )
        nots: tuple[str, ...] = ()
        if self.must is not None and self.must.not_:
            nots = tuple(
                (canonical(self.scale, t) if self.scale != "number" else None) or t
                for t in self.must.not_
            )
        return Criterion(
            id=self.id,
            name=self.name,
            direction=cast(Any, self.direction),
            weight=float(self.weight) if self.weight is not None else None,
            description=self.description,
            scale=cast(Any, self.scale),
            mapping=mapping,
            target=self.target,
            range=self.range,
            unit=self.unit,
            evidence=self.evidence,
            must_min=self.must.min if self.must else None,
            must_max=self.must.max if self.must else None,
            must_not=nots,
            missing=cast(Any, self.missing),
            impute=self.impute,
            source=cast(Any, self.source),
            rank=self.rank,
        )


class CriteriaFile(WorkspaceModel):
    """``criteria.yaml``: the criteria."""

    what = "a mapping with a 'criteria' list"

    criteria: list[CriterionModel] = field(
        description="The criteria, each with id, name, direction and weight (or rank).",
        expected="a list of criteria, each starting with '- '",
        what="a list of criteria",
        ja="評価基準のリスト（id、name、direction、weight または rank）",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> CriteriaFile:
        if not self.criteria:
            fail("the list of criteria is empty", "at least one of criteria", "criteria")
        return self
