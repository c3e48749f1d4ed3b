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
            # As accounting software labels 不課税 lines (給与・負担金: 対象外).
            "対象外": "non_taxable",
            "課税対象外": "non_taxable",
            "not taxable": "non_taxable",
            "not_taxable": "non_taxable",
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
        ja="年度の開始月（4：4月〜翌3月）",
    )
    first: Annotated[int, Between(1900, 2200)] = field(
        description="The first fiscal year of the plan, named by the calendar year it starts "
        "in (2026 = 2026-04 … 2027-03).",
        expected="the first fiscal year of the plan, e.g. 2026 (named by the calendar year "
        "it starts in)",
        ja="計画の最初の年度（開始する暦年で表す。2026＝2026年4月〜2027年3月）",
    )
    horizon: Annotated[int, Between(1, 50)] = field(
        description="How many fiscal years the plan covers.",
        expected="the number of fiscal years to plan, 1 to 50",
        ja="計画する年度数",
    )


class TaxRow(WorkspaceModel):
    """A consumption-tax rate and the date it applies from."""

    from_: Date = field(
        alias="from",
        description="The date the rate applies from.",
        expected="the date the rate applies from (YYYY-MM-DD)",
        ja="この税率を適用する日",
    )
    rate: Annotated[Decimal, Between(0, 1)] = field(
        description="The rate, e.g. 0.10.", expected="a rate between 0 and 1", ja="税率（例：0.10）"
    )


class Tax(WorkspaceModel):
    """Consumption tax: one rate or a dated table, and how amounts are entered."""

    rate: Annotated[Decimal, Between(0, 1)] | None = field(
        None,
        description="One rate for every date (default: Japan's dated table, 10 % since "
        "2019-10-01).",
        expected="a rate between 0 and 1, e.g. 0.10",
        ja="すべての日付に適用する単一の税率（省略時は日本の消費税率の推移）",
    )
    amounts_entered: Annotated[
        str, OneOf("exclusive", "inclusive", aliases={"税抜": "exclusive", "税込": "inclusive"})
    ] = field(
        "exclusive",
        description="Whether amounts in costs.yaml exclude (税抜) or include (税込) the tax.",
        expected="exclusive (税抜) or inclusive (税込)",
        ja="costs.yaml の金額が税抜（exclusive）か税込（inclusive）か",
    )
    table: list[TaxRow] | None = field(
        None,
        description="Dated rates, oldest first, instead of one rate.",
        expected="[{from: 2019-10-01, rate: 0.10}, …]",
        what="a list of dated rates",
        ja="単一の税率の代わりに、適用開始日つきの税率表（古い順）",
    )
    defaults: dict[CategoryKey, TaxTreatment] | None = field(
        None,
        description="Tax treatment by category, over the built-in defaults (staff and "
        "contribution 不課税, insurance 非課税, others 課税).",
        expected=_TAX_EXPECTED,
        what="a mapping of category to tax treatment",
        ja="区分ごとの課税区分（既定：職員給与・負担金は不課税、保険は非課税、その他は課税）",
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
        ja="start：最初の年度を時点0とする（numpy-financial）。end：表計算ソフトのNPV()のように毎年度を割り引く",
    )


class Depreciation(WorkspaceModel):
    """Straight-line depreciation of assets."""

    threshold: Annotated[Decimal, Between(0, 10**12)] = field(
        Decimal(100_000),
        description="The capitalisation threshold in yen.",
        expected="the capitalisation threshold in yen, e.g. 100000",
        ja="資産計上の基準額（円）",
    )
    lives: dict[str, Annotated[int, Between(1, 100)]] | None = field(
        None,
        description="Useful life in years by asset class, over the defaults (software 5, "
        "pc 4, server 5, network 6).",
        expected="a useful life in whole years",
        what="a mapping of asset class to years",
        ja="資産区分ごとの耐用年数（既定：software 5、pc 4、server 5、network 6）",
    )


class PartyModel(WorkspaceModel):
    """One party sharing the cost."""

    what = "a mapping with id, name, value"

    id: Ident = field(description="The party's id.", expected="a party id", ja="団体のID")
    name: Text = field(description="Its display name.", expected="a display name", ja="表示名")
    value: Annotated[Decimal, Between(0, 10**15)] | None = field(
        None,
        description="Its population, transactions or ratio (not with key: equal).",
        expected="the party's population, transactions or ratio (zero or more)",
        ja="人口、取扱件数または比率（key: equal では不要）",
    )


class Sharing(WorkspaceModel):
    """Sharing the cost among parties (e.g. municipalities)."""

    key: Annotated[str, OneOf("population", "transactions", "ratio", "equal")] = field(
        description="How the cost is split.",
        expected="population, transactions, ratio or equal",
        ja="費用の按分方法",
    )
    parties: list[PartyModel] = field(
        description="The parties, each with id, name and value.",
        expected="a list of parties, each with id, name and value",
        what="a list of parties",
        ja="按分する団体（id、name、value）",
    )
    option: Ident | None = field(
        None,
        description="The option whose cost the parties share (e.g. a joint-use option); "
        "without it, the leading option of the ranking.",
        expected="the id of an option in options.yaml",
        ja="費用を按分する選択肢のID（共同利用の案など）。省略すると順位が1位の案",
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
        ja="試行回数",
    )
    seed: Annotated[int, Between(0, 2**63 - 1)] = field(
        20260401,
        description="Random seed (results are reproducible).",
        expected="a whole number",
        ja="乱数の種（結果を再現できる）",
    )
    confidence: Annotated[float, Between(0.5, 0.999)] = field(
        0.8,
        description="The confidence level the plan is read at (0.8 = P80).",
        expected="a confidence level such as 0.8 (P80)",
        ja="計画を読む信頼水準（0.8＝P80）",
    )


class Comparison(WorkspaceModel):
    """How options are ranked."""

    what = "a mapping such as {method: wsm, weighting: direct}"

    method: Annotated[str, Words(registry.METHODS)] = field(
        "wsm",
        description="The ranking method (see docs/compare.md); aliases such as saw, "
        "weighted-sum and promethee2 are accepted.",
        expected=lambda: Words(registry.METHODS).expected(),
        ja="順位付けの手法（docs/compare.md）。saw、weighted-sum、promethee2 などの別名も可",
    )
    normalization: Annotated[str, Words(registry.NORMALIZATIONS)] | None = field(
        None,
        description="The normalisation of scores (default: the method's own).",
        expected=lambda: Words(registry.NORMALIZATIONS).expected(),
        ja="評点の正規化（既定：手法ごとの既定）",
    )
    weighting: Annotated[
        str,
        OneOf("direct", "roc", "rank-sum", "swing", "ahp", aliases={"rank-order-centroid": "roc"}),
    ] = field(
        "direct",
        description="Where weights come from: criteria weights (direct, swing), ranks (roc, "
        "rank-sum) or AHP pairwise tables.",
        expected="direct, roc, rank-sum, swing or ahp",
        ja="重みの決め方：評価基準の重み（direct、swing）、順位（roc、rank-sum）、AHPの一対比較表",
    )
    ahp: AhpFiles | None = field(
        None,
        description="With weighting: ahp, the pairwise CSV table, or a list of them (one per "
        "person, combined by geometric mean).",
        expected="a CSV file name, or a list of them (one per person)",
        ja="weighting: ahp のときの一対比較表（CSV）。複数人分のリストも可（幾何平均で統合）",
    )
    accept_inconsistent: Bool = field(
        False,
        description="Accept AHP judgements with a consistency ratio above 0.10 (said in the "
        "results).",
        expected="true or false",
        ja="整合度（CR）が0.10を超えるAHPの判断を受け入れる（結果に明記）",
    )
    pugh_baseline: Ident | None = field(
        None,
        description="The option Pugh (+/S/−) scores are relative to.",
        expected="an option id",
        ja="Pugh（+/S/−）評点の基準とする選択肢",
    )
    samples: Annotated[int, Between(100, 10_000_000)] = field(
        10_000,
        description="Rank-acceptability samples.",
        expected="a number of Monte Carlo samples, 100 to 10,000,000",
        ja="順位受容性の標本数",
    )
    seed: Annotated[int, Between(0, 2**63 - 1)] = field(
        12345,
        description="Seed of the rank-acceptability sampling.",
        expected="a whole number",
        ja="順位受容性の標本抽出の乱数の種",
    )
    concentration: Annotated[Decimal, Between(1, 10**6)] = field(
        Decimal(100),
        description="How tightly sampled weights cluster around the given ones.",
        expected="how tightly sampled weights cluster around the given ones, e.g. 100",
        ja="標本とする重みを与えた重みの周りにどれだけ集めるか",
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
    author: Text = field("", description="Who prepared the case.", expected="text", ja="作成者")
    currency: Annotated[str, OneOf("JPY", aliases={"円": "JPY", "yen": "JPY"})] = field(
        "JPY",
        description="The workspace currency (other currencies arrive with exchange_rates).",
        expected="JPY (other currencies arrive with exchange-rate assumptions)",
        ja="ワークスペースの通貨（他の通貨は exchange_rates で換算）",
    )
    display_unit: Annotated[
        str, OneOf("yen", "thousand", aliases={"円": "yen", "千円": "thousand"})
    ] = field(
        "thousand",
        description="The unit of budget tables: yen (円) or thousand (千円).",
        expected="yen (円) or thousand (千円)",
        ja="予算表の単位：円（yen）または千円（thousand）",
    )
    fiscal_year: FiscalYear = field(
        description="start_month, first and horizon of the plan.",
        expected="fiscal_year: {start_month: 4, first: 2026, horizon: 5}",
        ja="計画の開始月、最初の年度、年度数",
    )
    discount_rate: Annotated[Decimal, Between(0, 1)] = field(
        Decimal("0.04"),
        description="The yearly discount rate for NPV and EAC.",
        expected="a yearly rate between 0 and 1, e.g. 0.04 for 4 %",
        ja="NPV・EACに使う年率の割引率",
    )
    tax: Tax | None = field(
        None,
        description="Consumption tax: rate or dated table, amounts_entered, defaults.",
        expected="a mapping with rate and amounts_entered",
        ja="消費税：税率または税率表、税抜・税込、区分ごとの既定",
    )
    comparison: Comparison | None = field(
        None,
        description="How options are ranked (method, weighting, AHP, Pugh baseline).",
        ja="選択肢の順位付け（手法、重み付け、AHP、Pugh基準）",
    )
    exchange_rates: dict[CurrencyKey, RateName] | None = field(
        None,
        description="Currency → the assumption holding its rate in yen, e.g. {USD: usd_jpy}.",
        expected="the name of an assumption holding the rate, e.g. usd_jpy",
        what="a mapping such as {USD: usd_jpy}",
        ja="通貨→円換算レートを持つ前提条件の名前（例：{USD: usd_jpy}）",
    )
    discounting: Discounting | None = field(
        None, description="Discounting convention.", ja="割引の時点の約束事"
    )
    depreciation: Depreciation | None = field(
        None,
        description="Capitalisation threshold and useful lives.",
        ja="資産計上の基準額と耐用年数",
    )
    sharing: Sharing | None = field(
        None, description="Cost sharing among parties.", ja="団体間の費用按分"
    )
    simulation: Simulation | None = field(
        None, description="Cost-risk simulation settings.", ja="費用リスクのシミュレーション設定"
    )

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
            sharing_option=self.sharing.option if self.sharing else None,
            simulation=SimulationSettings(sim.trials, sim.seed, sim.confidence),
            tax_defaults=defaults,
        )
        return settings, parties
