"""``assumptions.yaml``: the assumptions register, its uncertainty, correlations and scenarios."""

from __future__ import annotations

from decimal import Decimal
from typing import TYPE_CHECKING, Annotated, Any

from pydantic import PrivateAttr, TypeAdapter, ValidationError

from archplan.errors import InputError
from archplan.workspace.fields import ID_RE, NAME_RE, _describe, _text
from archplan.workspace.model import Assumption, Correlation
from archplan.workspace.schema.base import (
    Between,
    Converted,
    Date,
    Float,
    Hint,
    Number,
    OneOf,
    Text,
    WorkspaceModel,
    fail,
    field,
    model_validator,
)

if TYPE_CHECKING:  # scipy loads only for workspaces that declare uncertainty
    from archplan.uncertainty.distributions import Distribution

__all__ = [
    "AssumptionModel",
    "AssumptionsFile",
    "CorrelationModel",
    "Uncertainty",
    "valid_scenarios",
]

_NEEDS = {
    "triangular": ("min", "mode", "max"),
    "pert": ("min", "mode", "max"),
    "uniform": ("min", "max"),
    "lognormal": ("median", "p90"),
    "fixed": ("value",),
}


class Uncertainty(WorkspaceModel):
    """A distribution: {dist: triangular|pert|uniform|lognormal|fixed, …}, or a number."""

    what = "a mapping such as {dist: pert, min: 80, mode: 100, max: 150}"

    dist: Annotated[str, OneOf(*_NEEDS)] = field(
        description="The distribution: triangular, pert, uniform (min, max), lognormal "
        "(median, p90) or fixed (value).",
        expected="triangular, pert, uniform, lognormal or fixed",
        ja="分布：triangular、pert、uniform（min、max）、lognormal（median、p90）、fixed（value）",
    )
    min: Float | None = field(
        None, description="The lowest value.", expected="a number", ja="最小値"
    )
    mode: Float | None = field(
        None, description="The most likely value.", expected="a number", ja="最頻値"
    )
    likely: Float | None = field(
        None, description="Another name for mode.", expected="a number", ja="mode の別名"
    )
    max: Float | None = field(
        None, description="The highest value.", expected="a number", ja="最大値"
    )
    shape: Annotated[float, Between(0.001, 1000)] = field(
        4.0,
        description="PERT shape (4: the classic PERT).",
        expected="a positive PERT shape",
        ja="PERTの形状母数（4が標準）",
    )
    median: Float | None = field(
        None, description="Lognormal median.", expected="a number", ja="対数正規分布の中央値"
    )
    p90: Float | None = field(
        None,
        description="Lognormal 90th percentile.",
        expected="a number",
        ja="対数正規分布の90パーセンタイル",
    )
    value: Float | None = field(
        None, description="The fixed value.", expected="a number", ja="固定値"
    )
    _dist: Any = PrivateAttr(None)

    @model_validator(mode="before")
    @classmethod
    def _short_forms(cls, data: Any) -> Any:
        if isinstance(data, (int, float)) and not isinstance(data, bool):
            return {"dist": "fixed", "value": data}
        return data

    @model_validator(mode="after")
    def _build(self) -> Uncertainty:
        from archplan.uncertainty.distributions import PERT, Fixed, Lognormal, Triangular, Uniform

        need = _NEEDS[self.dist]
        mode = self.mode if self.mode is not None else self.likely
        vals = {"min": self.min, "mode": mode, "max": self.max, "median": self.median}
        vals.update({"p90": self.p90, "value": self.value})
        for key in need:
            if vals[key] is None:
                fail(
                    f"required field {key!r} is missing",
                    f"a number ({self.dist} needs {', '.join(need)})",
                )
        v: dict[str, float] = {k: x for k, x in vals.items() if x is not None}
        try:
            if self.dist == "triangular":
                dist: Distribution = Triangular(v["min"], v["mode"], v["max"])
            elif self.dist == "pert":
                dist = PERT(v["min"], v["mode"], v["max"], self.shape)
            elif self.dist == "uniform":
                dist = Uniform(v["min"], v["max"])
            elif self.dist == "lognormal":
                dist = Lognormal(v["median"], v["p90"])
            else:
                dist = Fixed(v["value"])
        except InputError as exc:
            fail(
                f"impossible distribution: {exc}",
                "min ≤ mode ≤ max with min < max (lognormal: 0 < median < p90)",
            )
        self._dist = dist
        return self

    def to_domain(self) -> Distribution:
        """The distribution object."""
        return self._dist  # type: ignore[no-any-return]


class AssumptionModel(WorkspaceModel):
    """One named value; ``users: 120`` is short for ``users: {value: 120}``."""

    what = "a mapping with value, unit, source, as_of"

    value: Number = field(description="The value (a number).", expected="a number", ja="値（数値）")
    unit: Text = field(
        "", description="Its unit, e.g. 人 or 円/月.", expected="text", ja="単位（例：人、円/月）"
    )
    source: Text = field(
        "",
        description="Where it comes from (a quote, a statistic).",
        expected="text",
        ja="出典（見積書、統計など）",
    )
    as_of: Date | None = field(
        None,
        description="When it was last checked (YYYY-MM-DD).",
        expected="a date as YYYY-MM-DD",
        ja="確認した日（YYYY-MM-DD）",
    )
    description: Text = field("", description="What it means.", expected="text", ja="意味")
    uncertainty: Uncertainty | None = field(
        None,
        description="Its uncertainty, for cost-risk simulation.",
        ja="費用リスクのシミュレーションに使う不確実性",
    )

    @model_validator(mode="before")
    @classmethod
    def _short_form(cls, data: Any) -> Any:
        if not isinstance(data, dict):
            return {"value": data}
        return data

    def to_domain(self, name: str) -> Assumption:
        """The assumption of the domain model."""
        dist = self.uncertainty.to_domain() if self.uncertainty else None
        return Assumption(
            name, self.value, self.unit, self.source, self.as_of, self.description, dist
        )


def _name(v: Any) -> str:
    s = _text(v)
    if not NAME_RE.match(s):
        raise ValueError(f"{s!r} is not a valid assumption name")
    return s


def _scenario_name(v: Any) -> str:
    s = _text(v)
    if not ID_RE.match(s):
        raise ValueError(f"{s!r} is not a valid scenario name")
    return s


def _pair(v: Any) -> tuple[str, str]:
    if isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v):
        return v[0], v[1]
    raise ValueError(f"{_describe(v)} is not a pair of input names")


AssumptionName = Annotated[
    str,
    Converted(_name, {"type": "string", "pattern": NAME_RE.pattern}),
    Hint("letters, digits and '_', starting with a letter, e.g. users"),
]
ScenarioName = Annotated[
    str,
    Converted(_scenario_name, {"type": "string", "pattern": ID_RE.pattern}),
    Hint("letters, digits, '-', '_'", ja="英数字と'-'、'_'"),
]
Pair = Annotated[
    tuple[str, str],
    Converted(_pair, {"type": "array", "items": {"type": "string"}, "minItems": 2, "maxItems": 2}),
]


class CorrelationModel(WorkspaceModel):
    """A rank correlation between two uncertain inputs."""

    what = "a mapping with between and rho"

    between: Pair = field(
        description="The two inputs: assumption names, item:<id> or risk:<id>.",
        expected="[name, name]: assumption names, item:<id> or risk:<id>",
        ja="相関させる2つの入力：前提条件の名前、item:<id>、risk:<id>",
    )
    rho: Annotated[float, Between(-1.0, 1.0)] = field(
        description="The rank correlation, -1 to 1.",
        expected="a rank correlation between -1 and 1",
        ja="順位相関係数（-1〜1）",
    )

    def to_domain(self) -> Correlation:
        """The correlation of the domain model."""
        return Correlation(self.between[0], self.between[1], self.rho)


class AssumptionsFile(WorkspaceModel):
    """``assumptions.yaml``: the register of named values."""

    what = "a mapping with an 'assumptions' section"

    assumptions: dict[AssumptionName, AssumptionModel] = field(
        description="Name (letters, digits, '_', starting with a letter) → value, unit, "
        "source, as_of, description, uncertainty.",
        expected="'assumptions:' with one entry per named value",
        what="a mapping of assumption names to entries",
        ja="名前（英字で始まる英数字と_）→ value、unit、source、as_of、description、uncertainty",
    )
    scenarios: dict[ScenarioName, dict[str, Number] | None] | None = field(
        None,
        description="Named sets of assumption overrides, e.g. {high: {users: 150}}.",
        expected="a number",
        what="a mapping of scenario names to overrides",
        ja="前提条件を置き換える名前つきの組（例：{high: {users: 150}}）",
    )
    correlations: list[CorrelationModel] | None = field(
        None,
        description="Rank correlations between uncertain inputs.",
        expected="a list such as [{between: [users, peak], rho: 0.6}]",
        what="a list",
        ja="不確実な入力の間の順位相関",
    )

    @model_validator(mode="before")
    @classmethod
    def _empty_register(cls, data: Any) -> Any:
        if isinstance(data, dict) and "assumptions" in data and data["assumptions"] is None:
            return {**data, "assumptions": {}}
        return data

    def scenario_values(self) -> dict[str, dict[str, Decimal]]:
        """Scenario → assumption → value, as written."""
        return {k: dict(v or {}) for k, v in (self.scenarios or {}).items()}


def valid_scenarios(raw: Any) -> dict[str, dict[str, Decimal]]:
    """The scenarios of a file that has problems elsewhere: those valid on their own.

    Examples
    --------
    >>> valid_scenarios({"high": {"users": "1_500"}, "bad name": {"users": 1}})
    {'high': {'users': Decimal('1500')}}
    """
    adapter: TypeAdapter[dict[str, dict[str, Decimal] | None]] = TypeAdapter(
        dict[ScenarioName, dict[str, Number] | None]  # type: ignore[valid-type]
    )
    out: dict[str, dict[str, Decimal]] = {}
    for name, values in raw.items() if isinstance(raw, dict) else ():
        try:
            out.update(
                {k: dict(v or {}) for k, v in adapter.validate_python({name: values}).items()}
            )
        except ValidationError:
            continue
    return out
