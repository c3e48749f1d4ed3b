"""``archplan.yaml``: the planning case's settings."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Annotated, Any, cast

from archplan import registry
from archplan.workspace.fields import _CURRENCIES, _TAX_EXPECTED, NAME_RE, _describe, _text
from archplan.workspace.model import (
    CATEGORIES,
    DEFAULT_TAX_TREATMENT,
    JAPAN_CONSUMPTION_TAX,
    TAX_TREATMENT_WORDS,
    TAX_TREATMENTS,
    USEFUL_LIVES,
    ComparisonSettings,
    Party,
    Settings,
    SimulationSettings,
)
from archplan.workspace.schema.base import (
    Between,
    Bool,
    Converted,
    Date,
    Hint,
    Ident,
    OneOf,
    Text,
    Words,
    WorkspaceModel,
    fail,
    field,
    model_validator,
)

__all__ = ["SettingsFile", "TaxTreatment"]

#: A consumption-tax treatment, as an item's ``tax`` or a category default.
TaxTreatment = Annotated[
    str,
    OneOf(
        *TAX_TREATMENTS,
        aliases={
            **TAX_TREATMENT_WORDS,
            "non-taxable": "non_taxable",
            "nontaxable": "non_taxable",
            "untaxed": "non_taxable",
            "tax-exempt": "exempt",
        },
    ),
    Hint(_TAX_EXPECTED),
]


def _category(v: Any) -> str:
    s = _text(v)
    if s not in CATEGORIES:
        raise ValueError(f"unknown category {s!r}")
    return s


def _currency(v: Any) -> str:
    s = _text(v)
    if s not in _CURRENCIES:
        raise ValueError(f"unknown currency {s!r}")
    return s


def _rate_name(v: Any) -> str:
    if not isinstance(v, str) or not NAME_RE.match(v):
        raise ValueError(f"{_describe(v)} is not an assumption name")
    return v


def _ahp_files(v: Any) -> tuple[str, ...]:
    from archplan.workspace.fields import _file_list

    return _file_list(v)


# Keys checked with their own words ("unknown category 'personnel'").
CategoryKey = Annotated[
    str, Converted(_category, {"enum": list(CATEGORIES)}), Hint("one of " + ", ".join(CATEGORIES))
]
CurrencyKey = Annotated[
    str,
    Converted(_currency, {"enum": list(_CURRENCIES)}),
    Hint("an ISO code: " + ", ".join(_CURRENCIES)),
]
RateName = Annotated[
    str,
    Converted(_rate_name, {"type": "string", "pattern": NAME_RE.pattern}),
    Hint("the name of an assumption holding the rate, e.g. usd_jpy"),
]
AhpFiles = Annotated[
    tuple[str, ...],
    Converted(
        _ahp_files,
        {
            "anyOf": [
                {"type": "string", "pattern": r"\\.csv$"},
                {"type": "array", "items": {"type": "string", "pattern": r"\\.csv$"}},
            ]
        },
    ),
]


class FiscalYear(WorkspaceModel):
    """The plan's fiscal years."""

    start_month: Annotated[int, Between(1, 12)] = field(
        4,
        description="The month the fiscal year starts in (4: April–March, Japan's).",
        expected="a month number from 1 to 12",
    )
    first: Annotated[int, Between(1900, 2200)] = field(
        description="The first fiscal year of the plan, named by the calendar year it starts "
        "in (2026 = 2026-04 … 2027-03).",
        expected="the first fiscal year of the plan, e.g. 2026 (named by the calendar year "
        "it starts in)",
    )
    horizon: Annotated[int, Between(1, 50)] = field(
        description="How many fiscal years the plan covers.",
        expected="the number of fiscal years to plan, 1 to 50",
    )


class TaxRow(WorkspaceModel):
    """A consumption-tax rate and the date it applies from."""

    from_: Date = field(
        alias="from",
        description="The date the rate applies from.",
        expected="the date the rate applies from (YYYY-MM-DD)",
    )
    rate: Annotated[Decimal, Between(0, 1)] = field(
        description="The rate, e.g. 0.10.", expected="a rate between 0 and 1"
    )


class Tax(WorkspaceModel):
    """Consumption tax: one rate or a dated table, and how amounts are entered."""

    rate: Annotated[Decimal, Between(0, 1)] | None = field(
        None,
        description="One rate for every date (default: Japan's dated table, 10 % since "
        "2019-10-01).",
        expected="a rate between 0 and 1, e.g. 0.10",
    )
    amounts_entered: Annotated[
        str, OneOf("exclusive", "inclusive", aliases={"税抜": "exclusive", "税込": "inclusive"})
    ] = field(
        "exclusive",
        description="Whether amounts in costs.yaml exclude (税抜) or include (税込) the tax.",
        expected="exclusive (税抜) or inclusive (税込)",
    )
    table: list[TaxRow] | None = field(
        None,
        description="Dated rates, oldest first, instead of one rate.",
        expected="[{from: 2019-10-01, rate: 0.10}, …]",
        what="a list of dated rates",
    )
    defaults: dict[CategoryKey, TaxTreatment] | None = field(
        None,
        description="Tax treatment by category, over the built-in defaults (staff and "
        "contribution 不課税, insurance 非課税, others 課税).",
        expected=_TAX_EXPECTED,
        what="a mapping of category to tax treatment",
    )

    @model_validator(mode="after")
    def _one_form(self) -> Tax:
        if self.rate is not None and self.table is not None:
            fail("both 'rate' and 'table' are given", "either a single rate or a dated table")
        if self.table is not None:
            if not self.table:
                fail("an empty list where a list of dated rates belongs", "[{from: …, rate: …}]")
            dates = [row.from_ for row in self.table]
            if dates != sorted(set(dates)):
                fail(
                    "the dates are not in increasing order (or repeat)",
                    "one row per date, oldest first",
                    "table",
                )
        return self


class Discounting(WorkspaceModel):
    """When cash flows are discounted."""

    timing: Annotated[str, OneOf("start", "end", aliases={"begin": "start"})] = field(
        "start",
        description="start: the first fiscal year is time 0 (numpy-financial); end: every "
        "year is discounted, as a spreadsheet's NPV().",
        expected="start (first fiscal year at time 0, numpy-financial) or end (every year "
        "discounted, as a spreadsheet's NPV())",
    )


class Depreciation(WorkspaceModel):
    """Straight-line depreciation of assets."""

    threshold: Annotated[Decimal, Between(0, 10**12)] = field(
        Decimal(100_000),
        description="The capitalisation threshold in yen.",
        expected="the capitalisation threshold in yen, e.g. 100000",
    )
    lives: dict[str, Annotated[int, Between(1, 100)]] | None = field(
        None,
        description="Useful life in years by asset class, over the defaults (software 5, "
        "pc 4, server 5, network 6).",
        expected="a useful life in whole years",
        what="a mapping of asset class to years",
    )


class PartyModel(WorkspaceModel):
    """One party sharing the cost."""

    what = "a mapping with id, name, value"

    id: Ident = field(description="The party's id.", expected="a party id")
    name: Text = field(description="Its display name.", expected="a display name")
    value: Annotated[Decimal, Between(0, 10**15)] | None = field(
        None,
        description="Its population, transactions or ratio (not with key: equal).",
        expected="the party's population, transactions or ratio (zero or more)",
    )


class Sharing(WorkspaceModel):
    """Sharing the cost among parties (e.g. municipalities)."""

    key: Annotated[str, OneOf("population", "transactions", "ratio", "equal")] = field(
        description="How the cost is split.", expected="population, transactions, ratio or equal"
    )
    parties: list[PartyModel] = field(
        description="The parties, each with id, name and value.",
        expected="a list of parties, each with id, name and value",
        what="a list of parties",
    )

    @model_validator(mode="after")
    def _parties(self) -> Sharing:
        if not self.parties:
            fail(
                "an empty list where a list of parties belongs",
                "a list of parties, each with id, name and value",
                "parties",
            )
        seen: set[str] = set()
        for k, party in enumerate(self.parties):
            if party.value is None and self.key != "equal":
                fail(
                    "required field 'value' is missing",
                    "the party's population, transactions or ratio (zero or more)",
                    "parties",
                    k,
                )
            if party.id in seen:
                fail(
                    f"duplicate party id {party.id!r}", "a unique id per party", "parties", k, "id"
                )
            seen.add(party.id)
        if self.key != "equal" and sum(p.value or 0 for p in self.parties) == 0:
            fail("every party's value is zero", "at least one positive value", "parties")
        return self


class Simulation(WorkspaceModel):
    """Monte Carlo cost-risk simulation."""

    trials: Annotated[int, Between(100, 10_000_000)] = field(
        10_000,
        description="Number of trials.",
        expected="a number of trials, 100 to 10,000,000 (10,000 or more recommended)",
    )
    seed: Annotated[int, Between(0, 2**63 - 1)] = field(
        20260401, description="Random seed (results are reproducible).", expected="a whole number"
    )
    confidence: Annotated[float, Between(0.5, 0.999)] = field(
        0.8,
        description="The confidence level the plan is read at (0.8 = P80).",
        expected="a confidence level such as 0.8 (P80)",
    )


class Comparison(WorkspaceModel):
    """How options are ranked."""

    what = "a mapping such as {method: wsm, weighting: direct}"

    method: Annotated[str, Words(registry.METHODS)] = field(
        "wsm",
        description="The ranking method (see docs/compare.md); aliases such as saw, "
        "weighted-sum and promethee2 are accepted.",
        expected=lambda: Words(registry.METHODS).expected(),
    )
    normalization: Annotated[str, Words(registry.NORMALIZATIONS)] | None = field(
        None,
        description="The normalisation of scores (default: the method's own).",
        expected=lambda: Words(registry.NORMALIZATIONS).expected(),
    )
    weighting: Annotated[
        str,
        OneOf("direct", "roc", "rank-sum", "swing", "ahp", aliases={"rank-order-centroid": "roc"}),
    ] = field(
        "direct",
        description="Where weights come from: criteria weights (direct, swing), ranks (roc, "
        "rank-sum) or AHP pairwise tables.",
        expected="direct, roc, rank-sum, swing or ahp",
    )
    ahp: AhpFiles | None = field(
        None,
        description="With weighting: ahp, the pairwise CSV table, or a list of them (one per "
        "person, combined by geometric mean).",
        expected="a CSV file name, or a list of them (one per person)",
    )
    accept_inconsistent: Bool = field(
        False,
        description="Accept AHP judgements with a consistency ratio above 0.10 (said in the "
        "results).",
        expected="true or false",
    )
    pugh_baseline: Ident | None = field(
        None,
        description="The option Pugh (+/S/−) scores are relative to.",
        expected="an option id",
    )
    samples: Annotated[int, Between(100, 10_000_000)] = field(
        10_000,
        description="Rank-acceptability samples.",
        expected="a number of Monte Carlo samples, 100 to 10,000,000",
    )
    seed: Annotated[int, Between(0, 2**63 - 1)] = field(
        12345, description="Seed of the rank-acceptability sampling.", expected="a whole number"
    )
    concentration: Annotated[Decimal, Between(1, 10**6)] = field(
        Decimal(100),
        description="How tightly sampled weights cluster around the given ones.",
        expected="how tightly sampled weights cluster around the given ones, e.g. 100",
    )

    @model_validator(mode="after")
    def _ahp_given(self) -> Comparison:
        if self.weighting == "ahp" and not self.ahp:
            fail(
                "required field 'ahp' is missing",
                "a CSV file name, or a list of them (one per person)",
            )
        return self

    def to_domain(self) -> ComparisonSettings:
        """The comparison settings of the domain model."""
        return ComparisonSettings(
            method=self.method,
            normalization=self.normalization,
            weighting=cast(Any, self.weighting),
            ahp_files=self.ahp or (),
            accept_inconsistent=self.accept_inconsistent,
            pugh_baseline=self.pugh_baseline,
            samples=self.samples,
            seed=self.seed,
            concentration=float(self.concentration),
        )


class SettingsFile(WorkspaceModel):
    """``archplan.yaml``: title, language, fiscal years, rates and how options are compared."""

    what = "a mapping of settings"

    title: Text = field(
        description="The planning case's title, shown on every document.",
        expected="the title of the planning case",
        ja="計画案件の名称（すべての文書に表示）",
    )
    language: Annotated[str, OneOf("ja", "en")] = field(
        "ja",
        description="The documents' language (labels, fiscal-year names, ▲ for negatives).",
        expected="ja or en",
        ja="文書の言語",
    )
    author: Text = field("", description="Who prepared the case.", expected="text")
    currency: Annotated[str, OneOf("JPY", aliases={"円": "JPY", "yen": "JPY"})] = field(
        "JPY",
        description="The workspace currency (other currencies arrive with exchange_rates).",
        expected="JPY (other currencies arrive with exchange-rate assumptions)",
    )
    display_unit: Annotated[
        str, OneOf("yen", "thousand", aliases={"円": "yen", "千円": "thousand"})
    ] = field(
        "thousand",
        description="The unit of budget tables: yen (円) or thousand (千円).",
        expected="yen (円) or thousand (千円)",
    )
    fiscal_year: FiscalYear = field(
        description="start_month, first and horizon of the plan.",
        expected="fiscal_year: {start_month: 4, first: 2026, horizon: 5}",
    )
    discount_rate: Annotated[Decimal, Between(0, 1)] = field(
        Decimal("0.04"),
        description="The yearly discount rate for NPV and EAC.",
        expected="a yearly rate between 0 and 1, e.g. 0.04 for 4 %",
    )
    tax: Tax | None = field(
        None,
        description="Consumption tax: rate or dated table, amounts_entered, defaults.",
        expected="a mapping with rate and amounts_entered",
    )
    comparison: Comparison | None = field(
        None, description="How options are ranked (method, weighting, AHP, Pugh baseline)."
    )
    exchange_rates: dict[CurrencyKey, RateName] | None = field(
        None,
        description="Currency → the assumption holding its rate in yen, e.g. {USD: usd_jpy}.",
        expected="the name of an assumption holding the rate, e.g. usd_jpy",
        what="a mapping such as {USD: usd_jpy}",
    )
    discounting: Discounting | None = field(None, description="Discounting convention.")
    depreciation: Depreciation | None = field(
        None, description="Capitalisation threshold and useful lives."
    )
    sharing: Sharing | None = field(None, description="Cost sharing among parties.")
    simulation: Simulation | None = field(None, description="Cost-risk simulation settings.")

    def to_domain(self) -> tuple[Settings, tuple[Party, ...]]:
        """The settings of the domain model, and the parties sharing the cost."""
        tax = self.tax or Tax()
        if tax.table:
            table: tuple[tuple[date, Decimal], ...] = tuple((r.from_, r.rate) for r in tax.table)
        elif tax.rate is not None:
            table = ((date(1900, 1, 1), tax.rate),)
        else:
            table = JAPAN_CONSUMPTION_TAX
        defaults = dict(DEFAULT_TAX_TREATMENT)
        defaults.update(tax.defaults or {})
        dep = self.depreciation or Depreciation()
        lives = dict(USEFUL_LIVES)
        lives.update(dep.lives or {})
        sim = self.simulation or Simulation()
        parties = tuple(
            Party(p.id, p.name, p.value if p.value is not None else Decimal(1))
            for p in (self.sharing.parties if self.sharing else [])
        )
        settings = Settings(
            title=self.title,
            language=cast(Any, self.language),
            author=self.author,
            currency=self.currency,
            display_unit=cast(Any, self.display_unit),
            fy_start_month=self.fiscal_year.start_month,
            first_fy=self.fiscal_year.first,
            horizon=self.fiscal_year.horizon,
            discount_rate=float(self.discount_rate),
            tax_rate=tax.rate if tax.rate is not None else Decimal("0.10"),
            amounts_entered=cast(Any, tax.amounts_entered),
            comparison=(self.comparison or Comparison()).to_domain(),
            tax_table=table,
            exchange_rates=dict(self.exchange_rates or {}),
            discount_timing=cast(Any, (self.discounting or Discounting()).timing),
            capitalisation_threshold=dep.threshold,
            useful_lives=lives,
            sharing_key=self.sharing.key if self.sharing else None,
            simulation=SimulationSettings(sim.trials, sim.seed, sim.confidence),
            tax_defaults=defaults,
        )
        return settings, parties
