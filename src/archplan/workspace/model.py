"""The in-memory form of a workspace: plain, immutable dataclasses.

Nothing here reads files (see :mod:`archplan.workspace.loader`) or computes results (see
:mod:`archplan.compare` and :mod:`archplan.costs`).
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import pandas as pd

if TYPE_CHECKING:  # the uncertainty package (and scipy) load only when a workspace uses it
    from archplan.uncertainty.distributions import Distribution

if TYPE_CHECKING:
    from archplan.actuals.model import Actuals

Language = Literal["ja", "en"]
DisplayUnit = Literal["yen", "thousand"]
TaxBasis = Literal["exclusive", "inclusive"]
Direction = Literal["benefit", "cost", "target"]
Scale = Literal["number", "marks", "levels", "pugh"]
MissingPolicy = Literal["error", "worst", "impute"]
CriterionSource = Literal["scores", "cost_total", "cost_npv"]
Weighting = Literal["direct", "roc", "rank-sum", "swing", "ahp"]
Nature = Literal["one-off", "recurring", "usage"]
Kind = Literal["cost", "benefit"]
Timing = Literal["start", "end"]
#: How consumption tax treats an item: 課税 (taxable), 不課税 (outside the tax: staff
#: wages, payments to other public bodies), 非課税 (exempt by law: insurance, certain fees).
TaxTreatment = Literal["taxable", "non_taxable", "exempt"]
TAX_TREATMENTS: tuple[str, ...] = ("taxable", "non_taxable", "exempt")
#: The Japanese words accepted for each treatment (and shown in Japanese tables).
TAX_TREATMENT_WORDS: dict[str, str] = {
    "課税": "taxable",
    "不課税": "non_taxable",
    "非課税": "exempt",
}

#: Japanese consumption tax: the rate in force from each date (national + local).
JAPAN_CONSUMPTION_TAX: tuple[tuple[date, Decimal], ...] = (
    (date(1989, 4, 1), Decimal("0.03")),
    (date(1997, 4, 1), Decimal("0.05")),
    (date(2014, 4, 1), Decimal("0.08")),
    (date(2019, 10, 1), Decimal("0.10")),
)

#: Statutory useful lives commonly used (years), by asset class.
USEFUL_LIVES: dict[str, int] = {"software": 5, "pc": 4, "server": 5, "network": 6}

CATEGORIES = (
    "build",
    "hardware",
    "software",
    "licence",
    "subscription",
    "cloud",
    "network",
    "labour",
    "operation",
    "maintenance",
    "migration",
    "training",
    "exit",
    "benefit",
    "other",
    "staff",
    "contribution",
    "insurance",
)
#: The tax treatment of each category unless ``tax.defaults`` in archplan.yaml or the
#: item's own ``tax`` says otherwise: staff wages (会計年度任用職員 included) and
#: contributions to other public bodies (負担金) are outside the tax, insurance premiums
#: are exempt; everything else is a taxable purchase.
DEFAULT_TAX_TREATMENT: dict[str, str] = {
    "staff": "non_taxable",
    "contribution": "non_taxable",
    "insurance": "exempt",
}
PHASES = ("build", "migrate", "operate", "refresh", "exit")
Period = Literal["year", "month"]


@dataclass(frozen=True)
class ComparisonSettings:
    """How options are compared, from the ``comparison`` section of ``archplan.yaml``."""

    method: str = "wsm"
    normalization: str | None = None  # None: the method's own default
    weighting: Weighting = "direct"
    ahp_files: tuple[str, ...] = ()
    accept_inconsistent: bool = False
    pugh_baseline: str | None = None
    samples: int = 10_000
    seed: int = 12345
    concentration: float = 100.0


@dataclass(frozen=True)
class Settings:
    """Workspace-wide settings, from ``archplan.yaml``."""

    title: str
    language: Language = "ja"
    author: str = ""
    currency: str = "JPY"
    display_unit: DisplayUnit = "thousand"
    fy_start_month: int = 4
    first_fy: int = 2026
    horizon: int = 5
    discount_rate: float = 0.04
    tax_rate: Decimal = Decimal("0.10")
    amounts_entered: TaxBasis = "exclusive"
    comparison: ComparisonSettings = field(default_factory=ComparisonSettings)
    #: (from date, rate) pairs; the rate in force at a payment's date applies.
    tax_table: tuple[tuple[date, Decimal], ...] = JAPAN_CONSUMPTION_TAX
    #: currency → name of the assumption holding its rate in the workspace currency.
    exchange_rates: dict[str, str] = field(default_factory=dict)
    discount_timing: Timing = "start"
    capitalisation_threshold: Decimal = Decimal(100_000)
    useful_lives: dict[str, int] = field(default_factory=lambda: dict(USEFUL_LIVES))
    sharing_key: str | None = None
    #: The option whose cost the parties share (None: the leading option of the ranking).
    sharing_option: str | None = None
    simulation: SimulationSettings = field(default_factory=lambda: SimulationSettings())
    #: category → tax treatment for items that do not give their own (others: taxable).
    tax_defaults: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_TAX_TREATMENT))

    def tax_treatment(self, category: str) -> str:
        """The default tax treatment of a category (``taxable`` unless set otherwise)."""
        return self.tax_defaults.get(category, "taxable")

    @property
    def fiscal_years(self) -> list[int]:
        """The fiscal years of the horizon, each named by the year it starts in."""
        return list(range(self.first_fy, self.first_fy + self.horizon))


@dataclass(frozen=True)
class Option:
    """One candidate solution (e.g. a SaaS, a custom build, extending what exists)."""

    id: str
    name: str
    description: str = ""
    #: When the option goes into service: a fiscal year (2027) or a month ("2027-04");
    #: a month before the plan for what is already running. Recurring service charges
    #: (subscription, cloud, licence, maintenance, operation) start no earlier.
    go_live: int | str | None = None


@dataclass(frozen=True)
class Criterion:
    """One comparison criterion: its scale, direction, weight and must-have rule.

    ``direction`` is ``benefit`` (more is better), ``cost`` (less is better) or
    ``target`` (closest to ``target``, or inside ``range``, is best). A must-have rule
    (``must_min``, ``must_max``, ``must_not``) knocks an option out before ranking.
    ``source`` takes the values from the cost model instead of ``scores.csv``.
    """

    id: str
    name: str
    direction: Direction
    weight: float | None = None
    description: str = ""
    scale: Scale = "number"
    mapping: tuple[tuple[str, float], ...] | None = None
    target: float | None = None
    range: tuple[float, float] | None = None
    unit: str = ""
    evidence: str = ""
    must_min: float | None = None
    must_max: float | None = None
    must_not: tuple[str, ...] = ()
    missing: MissingPolicy = "error"
    impute: float | None = None
    source: CriterionSource = "scores"
    rank: int | None = None

    @property
    def mapping_dict(self) -> dict[str, float] | None:
        """The explicit mark → number mapping, if one was given."""
        return dict(self.mapping) if self.mapping is not None else None

    @property
    def has_must(self) -> bool:
        """Whether the criterion is a must-have (can knock options out)."""
        return self.must_min is not None or self.must_max is not None or bool(self.must_not)


@dataclass(frozen=True)
class Assumption:
    """A named value in the assumptions register, with where it came from."""

    name: str
    value: Decimal
    unit: str = ""
    source: str = ""
    as_of: date | None = None
    description: str = ""
    #: The value's uncertainty, for cost-risk simulation (None: certain).
    uncertainty: Distribution | None = None


@dataclass(frozen=True)
class Value:
    """A number written in a cost item: a literal, or a reference to an assumption."""

    literal: Decimal | None = None
    assumption: str | None = None

    def __str__(self) -> str:
        return self.assumption if self.assumption is not None else str(self.literal)


@dataclass(frozen=True)
class Tiers:
    """Volume pricing: bands of (from quantity, unit price).

    ``graduated``: each band's price applies to the units inside it. ``all-units``: the
    price of the band the whole quantity falls in applies to every unit.
    """

    method: Literal["graduated", "all-units"]
    bands: tuple[tuple[Decimal, Value], ...]


@dataclass(frozen=True)
class PercentOf:
    """An amount that is a percentage of other items (e.g. maintenance = 15 % of build).

    ``basis="total"``: rate × the referenced items' whole-life total, per period;
    ``basis="same_year"``: rate × their amount in the same fiscal year.
    """

    items: tuple[str, ...]
    rate: Value
    basis: Literal["total", "same_year"] = "total"


@dataclass(frozen=True)
class CostItem:
    """One cost (or benefit) line of one option.

    The money per period is ``amount``, or ``quantity`` × ``unit_price`` (or the
    ``tiers`` price of that quantity), or a ``percent_of`` other items. A one-off item is
    paid once at ``start`` (again every ``every`` years for a refresh cycle); a recurring
    or usage item is paid every year or month from ``start`` to ``end``. ``start`` and
    ``end`` are fiscal years (``2026``) or calendar months (``"2026-10"``); partial years
    are prorated by month.
    """

    id: str
    option: str
    name: str
    category: str
    nature: Nature
    start: int | str
    end: int | str | None = None
    period: Period = "year"
    amount: Value | None = None
    quantity: Value | None = None
    unit_price: Value | None = None
    note: str = ""
    phase: str = "operate"
    kind: Kind = "cost"
    quantity_series: tuple[Decimal, ...] | None = None
    growth: Value | None = None
    #: Where growth compounds from: the item's own first fiscal year, or the plan's (for
    #: a quantity that belongs to the organisation, such as its users, shared by options
    #: that start in different years).
    growth_from: Literal["item", "plan"] = "item"
    escalation: Value | None = None
    tiers: Tiers | None = None
    percent_of: PercentOf | None = None
    every: int | None = None
    currency: str | None = None
    contract: str | None = None
    asset: str | None = None
    #: A multiplicative factor on the item's amount, for cost-risk simulation.
    uncertainty: Distribution | None = None
    #: Consumption-tax treatment (None: the category's default from the settings).
    tax: TaxTreatment | None = None
    #: Inputs of an extension cost driver: (its costs.yaml key, the parsed value).
    driver_args: tuple[tuple[str, object], ...] = ()

    def tax_treatment(self, settings: Settings) -> str:
        """This item's tax treatment: its own ``tax``, else its category's default."""
        return self.tax if self.tax is not None else settings.tax_treatment(self.category)


@dataclass(frozen=True)
class Risk:
    """A discrete risk event: with ``probability`` it happens (once, for every option it
    touches) and costs each option its impact (yen, on the workspace's tax basis) in
    fiscal year ``fy``.

    ``impacts`` pairs each option with its impact distribution. When one distribution is
    shared (``shared_impact``), a single draw applies to every option; otherwise each
    option's impact is drawn separately (input ``risk:<id>:<option>``).
    """

    id: str
    name: str
    fy: int
    probability: float
    impacts: tuple[tuple[str, Distribution], ...]
    shared_impact: bool = True
    note: str = ""

    @property
    def options(self) -> tuple[str, ...]:
        return tuple(o for o, _ in self.impacts)

    def input_name(self, option: str) -> str:
        """The simulation input holding this risk's realised cost for ``option``."""
        return f"risk:{self.id}" if self.shared_impact else f"risk:{self.id}:{option}"


@dataclass(frozen=True)
class Correlation:
    """A rank correlation between two uncertain inputs (assumption names, ``item:<id>``
    for an item's factor, ``risk:<id>`` for a risk's impact)."""

    a: str
    b: str
    rho: float


@dataclass(frozen=True)
class SimulationSettings:
    """Monte Carlo settings, from the ``simulation`` section of ``archplan.yaml``."""

    trials: int = 10_000
    seed: int = 20260401
    confidence: float = 0.8


@dataclass(frozen=True)
class Contract:
    """A contract spanning several fiscal years (a multi-year commitment, 債務負担行為)."""

    id: str
    name: str
    ceiling: Decimal | None = None
    note: str = ""


@dataclass(frozen=True)
class Party:
    """A bureau or municipality sharing a platform's cost, with its allocation value."""

    id: str
    name: str
    value: Decimal = Decimal(1)


ComponentKind = Literal["software", "hardware", "saas"]


@dataclass(frozen=True)
class Component:
    """Something an option depends on whose support or contract ends (``components.yaml``).

    Software names an end-of-life ``product`` and ``release`` (dates from the packaged
    endoflife.date copy) or declares its dates; hardware has a purchase date, a
    maintenance end and a useful life; a SaaS has a contract term. ``uses`` pairs each
    option with the last fiscal year (``2026``) or month (``"2026-09"``) it uses the
    component, ``None`` for the whole plan. ``active_end``, ``security_end`` and
    ``extended_end`` are dates, ``True`` (passed, no date published) or ``None``;
    ``declared`` names the dates the user wrote, which override the data.
    """

    id: str
    name: str
    kind: ComponentKind = "software"
    uses: tuple[tuple[str, int | str | None], ...] = ()
    product: str | None = None
    release: str | None = None
    release_date: date | None = None
    active_end: date | bool | None = None
    security_end: date | bool | None = None
    extended_end: date | bool | None = None
    declared: tuple[str, ...] = ()
    purchased: date | None = None
    maintenance_end: date | None = None
    useful_life: int | None = None
    contract_start: date | None = None
    contract_end: date | None = None
    addressed_by: tuple[str, ...] = ()
    extended_support: tuple[str, ...] = ()
    note: str = ""
    line: int | None = None
    #: For the economic replacement interval: the price of a new unit, and the running
    #: cost (and resale value) in each year of age, yen.
    capital: Decimal | None = None
    running_by_age: tuple[Decimal, ...] = ()
    salvage_by_age: tuple[Decimal, ...] = ()

    @property
    def options(self) -> tuple[str, ...]:
        """The options that use this component."""
        return tuple(o for o, _ in self.uses)


@dataclass(frozen=True)
class DecisionRecord:
    """A decision record read from ``decisions/`` (MADR 2/3/4 or Nygard Markdown).

    ``raw`` is the file's text exactly as read (byte-for-byte once encoded as UTF-8), so
    writing a record back unchanged gives identical bytes; edits patch single lines.
    """

    path: Path
    number: int
    title: str
    status: str
    date: date | None
    front_matter: dict[str, object]
    body: str
    raw: str = ""
    format: str = "madr4"  # madr4 (front matter), madr2 (bullets), nygard, plain
    status_raw: str = ""
    status_line: int | None = None  # 1-based line of the status value, for editing
    title_number: int | None = None  # a number written in the title ("# 2. …")
    sections: tuple[tuple[str, int], ...] = ()  # (heading, line) of each ## section
    links: tuple[tuple[str, int], ...] = ()  # (relation, record number)
    options: tuple[str, ...] = ()
    chosen: str | None = None
    assumptions: tuple[tuple[str, Decimal], ...] = ()  # recorded values
    review_by: _dt.date | None = None
    triggers: tuple[tuple[str, int], ...] = ()  # (condition, line)
    meta_lines: dict[str, int] = field(default_factory=dict)  # archplan key → line
    #: Where the number came from: ``file`` (name), ``title`` (heading) or ``order``
    #: (none written, e.g. log4brains' date-prefixed names: numbered in file order).
    number_source: str = "file"
    date_raw: str = ""  # the date as written ("28/03/2018"), "" when none
    #: Located warnings from reading (an ambiguous or unreadable date): (line, message).
    notes: tuple[tuple[int | None, str], ...] = ()

    @property
    def known_status(self) -> bool:
        """Whether the status is one of MADR's (proposed, accepted, …)."""
        return self.status in ("proposed", "accepted", "rejected", "deprecated", "superseded")


@dataclass(frozen=True)
class Workspace:
    """A whole planning case, validated.

    Attributes
    ----------
    root : Path
        The workspace folder.
    scores : pandas.DataFrame
        Options × criteria read from ``scores.csv`` (index ``option``, columns
        ``criterion``), as numbers after each criterion's scale mapping; NaN only where a
        cell is empty and the criterion's ``missing`` policy allows it.
    scores_raw : pandas.DataFrame
        The same cells as written (marks such as ◎ kept), for display.
    ahp_tables : tuple of DataFrame
        Pairwise-comparison tables when the weighting is ``ahp``.
    """

    root: Path
    settings: Settings
    options: tuple[Option, ...]
    criteria: tuple[Criterion, ...]
    scores: pd.DataFrame
    assumptions: dict[str, Assumption]
    cost_items: tuple[CostItem, ...]
    decisions: tuple[DecisionRecord, ...] = field(default=())
    notices: tuple[str, ...] = field(default=())
    scores_raw: pd.DataFrame | None = None
    ahp_tables: tuple[pd.DataFrame, ...] = field(default=())
    contracts: tuple[Contract, ...] = field(default=())
    risks: tuple[Risk, ...] = field(default=())
    correlations: tuple[Correlation, ...] = field(default=())
    scenarios: dict[str, dict[str, Decimal]] = field(default_factory=dict)
    parties: tuple[Party, ...] = field(default=())
    components: tuple[Component, ...] = field(default=())
    #: The option that is the system running today (``components.yaml``: ``current``).
    current_option: str | None = None
    actuals: Actuals | None = None  # actuals/ folder: spending against the plan

    def __repr__(self) -> str:
        from archplan.messages import msg

        return msg(
            "repr_workspace",
            self.settings.language,
            title=repr(self.settings.title),
            options=len(self.options),
            criteria=len(self.criteria),
            items=len(self.cost_items),
            decisions=len(self.decisions),
        )

    def option(self, option_id: str) -> Option:
        """The option with this id (:class:`~archplan.errors.InputError` if unknown)."""
        for o in self.options:
            if o.id == option_id:
                return o
        raise _unknown("api_unknown_option", option_id, [o.id for o in self.options], self)

    @property
    def option_names(self) -> pd.Series:
        """Option names indexed by option id."""
        return pd.Series({o.id: o.name for o in self.options}, name="name").rename_axis("option")

    def criterion(self, criterion_id: str) -> Criterion:
        """The criterion with this id (:class:`~archplan.errors.InputError` if unknown)."""
        for c in self.criteria:
            if c.id == criterion_id:
                return c
        raise _unknown("api_unknown_criterion", criterion_id, [c.id for c in self.criteria], self)

    @property
    def criteria_table(self) -> pd.DataFrame:
        """Criteria as a DataFrame indexed by criterion id."""
        return pd.DataFrame(
            [
                {
                    "criterion": c.id,
                    "name": c.name,
                    "direction": c.direction,
                    "weight": c.weight,
                    "scale": c.scale,
                    "unit": c.unit,
                    "source": c.source,
                }
                for c in self.criteria
            ]
        ).set_index("criterion")

    @property
    def assumptions_table(self) -> pd.DataFrame:
        """The assumptions register as a DataFrame indexed by name."""
        return pd.DataFrame(
            [
                {
                    "assumption": a.name,
                    "value": a.value,
                    "unit": a.unit,
                    "source": a.source,
                    "as_of": a.as_of,
                }
                for a in self.assumptions.values()
            ],
            columns=["assumption", "value", "unit", "source", "as_of"],
        ).set_index("assumption")


def _unknown(key: str, name: str, known: list[str], ws: Workspace) -> Exception:
    """The error for a name the workspace does not have, in its language."""
    from archplan.errors import InputError
    from archplan.messages import msg

    return InputError(msg(key, ws.settings.language, name=name, known=", ".join(known)))
