"""``costs.yaml``: cost items (drivers, tiers, percent-of, refresh cycles, currencies),
contracts and risk events."""

from __future__ import annotations

from decimal import Decimal
from typing import Annotated, Any, cast

from pydantic import ConfigDict, Field, PrivateAttr, ValidationInfo, field_validator
from pydantic.json_schema import SkipJsonSchema

from archplan import registry
from archplan.fiscal import item_months
from archplan.workspace.fields import (
    _CURRENCIES,
    _TAX_EXPECTED,
    NAME_RE,
    _decimal,
    _ident,
    _value,
)
from archplan.workspace.model import (
    CATEGORIES,
    PHASES,
    Contract,
    CostItem,
    PercentOf,
    Risk,
    Settings,
    Tiers,
    Value,
)
from archplan.workspace.schema.assumptions import Uncertainty
from archplan.workspace.schema.base import (
    _NUMBER_SCHEMA,
    Between,
    Converted,
    Hint,
    Ident,
    OneOf,
    Text,
    ValueRef,
    When,
    WorkspaceModel,
    ensure_loaded,
    fail,
    field,
    model_validator,
)
from archplan.workspace.schema.settings import TaxTreatment

__all__ = ["ITEM_KEYS", "ContractModel", "CostsFile", "ItemModel", "RiskModel"]

_VALUE_SCHEMA: dict[str, Any] = {
    "anyOf": [*_NUMBER_SCHEMA["anyOf"], {"type": "string", "pattern": NAME_RE.pattern}]
}
_EXPECTED_VALUE = "a number, or the name of an assumption in assumptions.yaml"


def _non_negative(key: str) -> Any:
    def convert(v: Any) -> Value:
        val = _value(v)
        if val.literal is not None and val.literal < 0:
            raise ValueError(f"negative {key} {val.literal}")
        return val

    return convert


def _quantity(v: Any) -> Value | tuple[Decimal, ...]:
    if isinstance(v, list):
        series = tuple(_decimal(x) for x in v)
        if any(x < 0 for x in series):
            raise ValueError("a negative quantity in the series")
        return series
    return cast(Value, _non_negative("quantity")(v))


def _ids(v: Any) -> tuple[str, ...]:
    items = v if isinstance(v, list) else [v] if v else []
    if not items:
        raise ValueError("no items to take a percentage of")
    return tuple(_ident(x) for x in items)


def _money(key: str) -> Any:
    return Annotated[Value, Converted(_non_negative(key), _VALUE_SCHEMA), Hint(_EXPECTED_VALUE)]


Quantity = Annotated[
    Value | tuple[Decimal, ...],
    Converted(
        _quantity,
        {"anyOf": [*_VALUE_SCHEMA["anyOf"], {"type": "array", "items": _NUMBER_SCHEMA}]},
        "number, assumption name or list of numbers per year",
    ),
    Hint(_EXPECTED_VALUE + ", or a list of numbers per year"),
]
Amount = Annotated[
    Value, Converted(_non_negative("amount"), _VALUE_SCHEMA, "number or assumption name")
]
UnitPrice = Annotated[
    Value, Converted(_non_negative("unit_price"), _VALUE_SCHEMA, "number or assumption name")
]
Price = Annotated[
    Value, Converted(_non_negative("price"), _VALUE_SCHEMA, "number or assumption name")
]
ItemIds = Annotated[
    tuple[str, ...],
    Converted(
        _ids, {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    ),
]


class Band(WorkspaceModel):
    """A volume band: the price from a quantity on."""

    what = "a mapping with from and price"

    from_: Annotated[Decimal, Between(0, 10**15)] = field(
        alias="from",
        description="The quantity where the band starts (0 for the first).",
        expected="the quantity where the band starts, 0 or more",
        ja="この帯が始まる数量（最初は0）",
    )
    price: Price = field(
        description="The unit price in the band (a number or an assumption name).",
        expected="a unit price or an assumption name",
        ja="帯の単価（数値または前提条件の名前）",
    )


class TiersModel(WorkspaceModel):
    """Volume tiers: graduated (each band's price for the units in it) or all-units."""

    what = "a mapping with method and bands"

    method: Annotated[str, OneOf("graduated", "all-units", aliases={"all_units": "all-units"})] = (
        field(
            description="graduated or all-units.",
            expected="graduated or all-units",
            ja="graduated（帯ごとの単価）または all-units（全量に該当帯の単価）",
        )
    )
    bands: list[Band] = field(
        description="The bands, starting at 0, each starting higher.",
        expected="a list such as [{from: 0, price: 1000}, {from: 1000, price: 900}]",
        what="a list of bands",
        ja="帯のリスト（0から、順に大きく）",
    )

    @model_validator(mode="after")
    def _increasing(self) -> TiersModel:
        froms = [b.from_ for b in self.bands]
        if not froms:
            fail(
                "an empty list where a list of bands belongs",
                "a list such as [{from: 0, price: 1000}, {from: 1000, price: 900}]",
                "bands",
            )
        if froms[0] != 0 or froms != sorted(froms) or len(set(froms)) != len(froms):
            fail(
                f"band starts {[str(x) for x in froms]} are not increasing from 0",
                "bands starting at 0, each starting higher",
                "bands",
            )
        return self

    def to_domain(self) -> Tiers:
        """The tiers of the domain model."""
        return Tiers(cast(Any, self.method), tuple((b.from_, b.price) for b in self.bands))


class PercentOfModel(WorkspaceModel):
    """A percentage of other items (e.g. maintenance at 15 % of the build)."""

    what = "a mapping with items and rate"

    items: ItemIds = field(
        description="The ids of the items the percentage is taken of.",
        expected="a list of item ids",
        ja="率をかける費目のID",
    )
    rate: ValueRef = field(
        description="The rate, e.g. 0.15 (15 %), or an assumption name.",
        expected="a rate such as 0.15 (15 %) or an assumption name",
        ja="率（例：0.15＝15%）または前提条件の名前",
    )
    basis: Annotated[str, OneOf("total", "same_year", aliases={"same-year": "same_year"})] = field(
        "total",
        description="total: of the items' whole-life total, per period; same_year: of "
        "their amount in the same fiscal year.",
        expected="total or same_year",
        ja="total：対象費目の総額に対して毎期、same_year：同じ年度の額に対して",
    )

    def to_domain(self) -> PercentOf:
        """The percent-of of the domain model."""
        return PercentOf(self.items, self.rate, cast(Any, self.basis))


_DEFAULT_PHASE = {"build": "build", "migration": "migrate", "exit": "exit", "training": "migrate"}


def _extension_properties(schema: dict[str, Any]) -> None:
    """Registered extension drivers' keys are item keys too (in the exported schema)."""
    ensure_loaded()
    for key, driver in registry.COST_DRIVERS.entries.items():
        text = f"{driver.name or key} (extension cost driver): {driver.expected}".strip()
        schema.setdefault("properties", {})[key] = {"description": text}


class ItemModel(WorkspaceModel):
    """One cost (or benefit) line item of one option."""

    model_config = ConfigDict(json_schema_extra=_extension_properties)
    what = "a mapping describing one cost item"

    id: Ident = field(
        description="Unique id.", expected="a short id, e.g. saas-licence", ja="一意のID"
    )
    option: Ident = field(
        description="The option it belongs to (an id in options.yaml).",
        expected="the id of an option in options.yaml",
        ja="属する選択肢（options.yaml のID）",
    )
    name: Text = field(
        description="Shown in reports.", expected="a display name", ja="文書に表示する名称"
    )
    category: Annotated[
        str,
        OneOf(
            *CATEGORIES,
            aliases={
                "license": "licence",
                "operations": "operation",
                "ops": "operation",
                "saving": "benefit",
            },
        ),
    ] = field(
        description="What kind of cost (its default tax treatment and phase follow from it).",
        expected="one of " + ", ".join(CATEGORIES),
        ja="費用の区分（既定の課税区分とフェーズが決まる）",
    )
    phase: Annotated[str, OneOf(*PHASES, aliases={"migration": "migrate"})] | None = field(
        None,
        description="The life-cycle phase (default from the category: build, migrate, exit; "
        "others operate).",
        expected="one of " + ", ".join(PHASES),
        ja="ライフサイクルのフェーズ（既定は区分から）",
    )
    kind: Annotated[str, OneOf("cost", "benefit", aliases={"saving": "benefit"})] = field(
        "cost",
        description="cost, or benefit (a saving or revenue).",
        expected="cost (default) or benefit (a saving or revenue)",
        ja="cost（費用）または benefit（削減額・収入）",
    )
    nature: Annotated[
        str,
        OneOf(
            "one-off",
            "recurring",
            "usage",
            aliases={"one_off": "one-off", "once": "one-off", "usage-based": "usage"},
        ),
    ] = field(
        description="one-off (paid in start), recurring or usage (each period from start to end).",
        expected="one-off, recurring or usage",
        ja="one-off（start に一度）、recurring・usage（start から end まで毎期）",
    )
    period: (
        Annotated[str, OneOf("year", "month", aliases={"yearly": "year", "monthly": "month"})]
        | None
    ) = field(
        None,
        description="Recurring only: year or month (default: year; usage: month).",
        expected="year or month (how often a recurring amount is paid)",
        ja="recurring のみ：year（年1回）または month（年12回）",
    )
    amount: Amount | None = field(
        None,
        description="Money per period: a number or an assumption name.",
        expected=_EXPECTED_VALUE,
        ja="1期あたりの金額：数値または前提条件の名前",
    )
    quantity: Quantity | None = field(
        None,
        description="Per period, with unit_price or tiers: a number, an assumption name or a "
        "list per fiscal year.",
        expected=_EXPECTED_VALUE + ", or a list of numbers per year",
        ja="1期あたりの数量（unit_price か tiers と）：数値、前提条件の名前、年度ごとのリスト",
    )
    unit_price: UnitPrice | None = field(
        None,
        description="Price per unit: a number or an assumption name.",
        expected=_EXPECTED_VALUE,
        ja="単価：数値または前提条件の名前",
    )
    tiers: TiersModel | None = field(
        None, description="Volume tiers priced by the quantity.", ja="数量で単価が決まる段階料金"
    )
    percent_of: PercentOfModel | None = field(
        None, description="A percentage of other items.", ja="他の費目に対する率"
    )
    growth: ValueRef | None = field(
        None,
        description="Yearly growth of the quantity (0.05 = 5 %).",
        expected=_EXPECTED_VALUE,
        ja="数量の年増加率（0.05＝5%）",
    )
    growth_from: Annotated[str, OneOf("item", "plan")] | None = field(
        None,
        description="Where growth compounds from: item (the item's first fiscal year, the "
        "default) or plan (the plan's first fiscal year, for a quantity shared by options "
        "that start in different years, such as the organisation's users).",
        expected="item or plan",
        ja="数量の増加の起点：item（費目の初年度、既定）または plan（計画の初年度。"
        "開始年度の異なる案が共有する利用者数などに）",
    )
    escalation: ValueRef | None = field(
        None,
        description="Yearly escalation of the price.",
        expected=_EXPECTED_VALUE,
        ja="単価の年上昇率",
    )
    every: Annotated[int, Between(1, 50)] | None = field(
        None,
        description="One-off only: repeat every N years (a refresh cycle).",
        expected="a refresh cycle in years, e.g. 5",
        ja="one-off のみ：N年ごとに繰り返す（更新周期）",
    )
    currency: Annotated[str, OneOf(*_CURRENCIES)] | None = field(
        None,
        description="The currency of the amounts (needs an exchange rate in archplan.yaml).",
        expected="an ISO currency code such as JPY or USD",
        ja="金額の通貨（archplan.yaml に換算レートが必要）",
    )
    contract: Ident | None = field(
        None,
        description="The contract it falls under (contracts: below).",
        expected="a contract id",
        ja="属する契約（下の contracts）",
    )
    asset: Text | None = field(
        None,
        description="An asset class to depreciate it as (software, pc, server, network, or one "
        "under depreciation.lives).",
        expected="an asset class",
        ja="減価償却する資産区分",
    )
    uncertainty: Uncertainty | None = field(
        None,
        description="A multiplicative factor on its amount, for cost-risk simulation.",
        ja="費用リスクのシミュレーションに使う、金額にかける係数",
    )
    start: When = field(
        description="Fiscal year (2026) or month (2026-10) it starts in.",
        expected="a fiscal year such as 2026, or a month such as 2026-10",
        ja="開始する年度（2026）または年月（2026-10）",
    )
    end: When | None = field(
        None,
        description="Recurring and usage items: the last fiscal year (2030) or month (2031-03).",
        expected="the last fiscal year (2030) or month (2031-03) of a recurring item",
        ja="recurring・usage：最後の年度（2030）または年月（2031-03）",
    )
    note: Text = field("", description="Text.", expected="text", ja="備考")
    tax: TaxTreatment | None = field(
        None,
        description="taxable (課税), non_taxable (不課税) or exempt (非課税); default by category.",
        expected=_TAX_EXPECTED,
        ja="課税（taxable）、不課税（non_taxable）、非課税（exempt）。既定は区分による",
    )
    extensions: SkipJsonSchema[dict[str, Any]] = Field(
        default_factory=dict, alias="__extensions__", exclude=True
    )
    _driver_args: tuple[tuple[str, object], ...] = PrivateAttr(())

    @field_validator("end")
    @classmethod
    def _after_start(cls, end: int | str | None, info: ValidationInfo) -> int | str | None:
        start = info.data.get("start")
        if end is not None and start is not None:
            start_month = (info.context or {}).get("start_month", 4)
            a, b = item_months(start, end, start_month)
            if b is not None and b < a:
                raise ValueError(f"end {end} is before start {start}")
        return end

    @model_validator(mode="before")
    @classmethod
    def _extension_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            ensure_loaded()
            data = {k: v for k, v in data.items() if k != "__extensions__"}
            ext = {k: data.pop(k) for k in list(data) if k in registry.COST_DRIVERS}
            if ext:
                data["__extensions__"] = ext
        return data

    @model_validator(mode="after")
    def _consistent(self) -> ItemModel:
        if self.nature == "one-off" and self.period is not None:
            fail("a one-off item has no period", "no 'period' on a one-off item", "period")
        args: list[tuple[str, object]] = []
        for key, raw in self.extensions.items():
            driver = registry.COST_DRIVERS[key]
            try:
                args.append((key, driver.read(raw)))
            except (ValueError, TypeError, ArithmeticError) as exc:
                fail(str(exc) or repr(raw), driver.expected, key)
        self._driver_args = tuple(args)
        forms = [
            k
            for k, present in (
                ("amount", self.amount is not None),
                ("quantity × unit_price", self.unit_price is not None),
                ("tiers", self.tiers is not None),
                ("percent_of", self.percent_of is not None),
                *((key, True) for key in self.extensions),
            )
            if present
        ]
        needs_qty = {"quantity × unit_price", "tiers"} | {
            k for k in self.extensions if registry.COST_DRIVERS[k].needs_quantity
        }
        has_qty = self.quantity is not None
        if len(forms) > 1:
            fail(
                "more than one way to price the item: " + ", ".join(forms),
                "exactly one of amount, quantity × unit_price, quantity with tiers, percent_of",
            )
        if not forms:
            fail(
                "no amount: give amount, quantity and unit_price, quantity and tiers, "
                "or percent_of",
                "exactly one way to price the item",
            )
        if forms[0] in needs_qty and not has_qty:
            fail(
                f"'quantity' is missing ({forms[0].split(' ')[-1]} needs it)",
                "a quantity: a number, an assumption name or a list per year",
            )
        if has_qty and forms[0] not in needs_qty:
            fail(
                f"a quantity does not go with {forms[0]}",
                "quantity only with unit_price or tiers",
                "quantity",
            )
        if self.growth is not None and isinstance(self.quantity, tuple):
            fail(
                "growth and a per-year quantity series together",
                "either a growth rate or an explicit series",
                "growth",
            )
        if self.every is not None and self.nature != "one-off":
            fail(
                "a refresh cycle repeats a one-off purchase",
                "nature: one-off with every",
                "every",
            )
        if self.nature in ("recurring", "usage") and self.end is None:
            fail(
                "required field 'end' is missing",
                "the last fiscal year (2030) or month (2031-03) of a recurring item",
            )
        if (
            self.nature == "one-off"
            and self.end is not None
            and self.every is None
            and self.end != self.start
        ):
            fail(
                "a one-off item has a single date",
                "no 'end' (or 'every' for a refresh cycle)",
                "end",
            )
        if self.uncertainty is not None and self.uncertainty.to_domain().median() <= 0:
            fail(
                "an item's uncertainty is a factor on its amount and must be positive",
                "e.g. {dist: triangular, min: 0.9, mode: 1.0, max: 1.4}",
                "uncertainty",
            )
        return self

    @property
    def series(self) -> tuple[Decimal, ...] | None:
        """The per-year quantity series, when the quantity is one."""
        return self.quantity if isinstance(self.quantity, tuple) else None

    def values(self) -> dict[str, Value]:
        """The item's values that may name assumptions, by key."""
        out: dict[str, Value] = {}
        for key in ("amount", "unit_price", "growth", "escalation"):
            v = getattr(self, key)
            if v is not None:
                out[key] = v
        if isinstance(self.quantity, Value):
            out["quantity"] = self.quantity
        return out

    def to_domain(self, settings: Settings | None) -> CostItem:
        """The cost item of the domain model (defaults that depend on other keys or on the
        settings filled in)."""
        tax = self.tax
        if tax is None:
            tax = settings.tax_treatment(self.category) if settings else None
            if tax is None:
                from archplan.workspace.model import DEFAULT_TAX_TREATMENT

                tax = DEFAULT_TAX_TREATMENT.get(self.category, "taxable")
        period = self.period or ("month" if self.nature == "usage" else "year")
        return CostItem(
            id=self.id,
            option=self.option,
            name=self.name,
            category=self.category,
            nature=cast(Any, self.nature),
            start=self.start,
            end=self.end,
            period=cast(Any, period) if self.nature != "one-off" else "year",
            amount=self.amount,
            quantity=self.quantity if isinstance(self.quantity, Value) else None,
            unit_price=self.unit_price,
            note=self.note,
            phase=self.phase or _DEFAULT_PHASE.get(self.category, "operate"),
            kind=cast(Any, self.kind),
            quantity_series=self.series,
            growth=self.growth,
            growth_from=cast(Any, self.growth_from or "item"),
            escalation=self.escalation,
            tiers=self.tiers.to_domain() if self.tiers else None,
            percent_of=self.percent_of.to_domain() if self.percent_of else None,
            every=self.every,
            currency=self.currency,
            contract=self.contract,
            asset=self.asset,
            uncertainty=self.uncertainty.to_domain() if self.uncertainty else None,
            tax=cast(Any, tax),
            driver_args=self._driver_args,
        )


class ContractModel(WorkspaceModel):
    """A contract several items fall under (債務負担行為)."""

    what = "a mapping with id, name, ceiling"

    id: Ident = field(description="Unique id.", expected="a contract id", ja="一意のID")
    name: Text = field(
        description="The contract's name.", expected="the contract's name", ja="契約の名称"
    )
    ceiling: Annotated[Decimal, Between(0, 10**15)] | None = field(
        None,
        description="The commitment ceiling (債務負担行為の限度額), yen tax-inclusive.",
        expected="the commitment ceiling (債務負担行為の限度額), yen tax-inclusive",
        ja="債務負担行為の限度額（円、税込）",
    )
    note: Text = field("", description="Text.", expected="text", ja="備考")

    def to_domain(self) -> Contract:
        """The contract of the domain model."""
        return Contract(self.id, self.name, self.ceiling, self.note)


def _option_ids(v: Any) -> tuple[str, ...]:
    return tuple(_ident(x) for x in (v if isinstance(v, list) else [v] if v else []))


OptionIds = Annotated[
    tuple[str, ...],
    Converted(
        _option_ids, {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
    ),
]


class RiskModel(WorkspaceModel):
    """A risk event: with a probability, it costs options an impact in one fiscal year."""

    what = "a mapping describing one risk event"

    id: Ident = field(description="Unique id.", expected="a risk id", ja="一意のID")
    name: Text = field(description="The event.", expected="a description of the event", ja="事象")
    options: OptionIds | None = field(
        None,
        description="With impact: the options it affects.",
        expected="the option ids it affects",
        ja="impact のとき、影響する選択肢",
    )
    fy: Annotated[int, Between(1900, 2200)] = field(
        description="The fiscal year it would hit.",
        expected="the fiscal year it would hit",
        ja="影響する年度",
    )
    probability: Annotated[float, Between(0.0, 1.0)] = field(
        description="Its probability, 0 to 1.",
        expected="a probability between 0 and 1",
        ja="発生確率（0〜1）",
    )
    impact: Uncertainty | None = field(
        None,
        description="Its cost (a number or a distribution), one draw for every option.",
        ja="費用（数値または分布）。すべての選択肢に同じ抽出",
    )
    impacts: dict[str, Uncertainty] | None = field(
        None,
        description="Its cost per option (drawn separately).",
        what="a mapping of option to impact",
        ja="選択肢ごとの費用（別々に抽出）",
    )
    note: Text = field("", description="Text.", expected="text", ja="備考")

    @model_validator(mode="after")
    def _one_impact(self) -> RiskModel:
        if (self.impact is None) == (self.impacts is None):
            fail(
                "give either 'impact' (with 'options') or 'impacts' (per option)",
                "impact: <number or distribution> and options: [...], or impacts: "
                "{option: <number or distribution>}",
            )
        if self.impact is not None and not self.options:
            fail("no options named", "the option ids it affects", "options")
        return self

    def to_domain(self) -> Risk:
        """The risk of the domain model."""
        if self.impact is not None:
            dist = self.impact.to_domain()
            impacts = tuple((o, dist) for o in self.options or ())
        else:
            impacts = tuple((str(o), u.to_domain()) for o, u in (self.impacts or {}).items())
        return Risk(
            self.id,
            self.name,
            self.fy,
            self.probability,
            impacts,
            self.impact is not None,
            self.note,
        )


class CostsFile(WorkspaceModel):
    """``costs.yaml``: cost items, contracts and risk events."""

    what = "a mapping with an 'items' list"

    items: list[ItemModel] = field(
        description="The cost line items of every option.",
        expected="a list of cost items, each starting with '- '",
        what="a list of cost items",
        ja="すべての選択肢の費目",
    )
    contracts: list[ContractModel] | None = field(
        None,
        description="Contracts items fall under, with their commitment ceilings.",
        expected="a list of contracts, each with id, name and optionally ceiling",
        what="a list of contracts",
        ja="費目が属する契約と債務負担行為の限度額",
    )
    risks: list[RiskModel] | None = field(
        None,
        description="Risk events for the cost-risk simulation.",
        expected="a list of risk events, each with id, name, fy, probability and impact",
        what="a list of risks",
        ja="費用リスクのシミュレーションに使うリスク事象",
    )

    @model_validator(mode="after")
    def _not_empty(self) -> CostsFile:
        if not self.items:
            fail("the list of cost items is empty", "at least one of cost items", "items")
        return self


#: The keys of a cost item (extension drivers must choose others).
ITEM_KEYS: tuple[str, ...] = tuple(k for k in ItemModel.yaml_keys() if k != "__extensions__")
