"""``components.yaml`` (optional): what each option depends on and when its support ends
(see ``docs/timing.md``)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Annotated, Any

from archplan.workspace.components import add_years
from archplan.workspace.fields import _date, _describe, _ident, _text, _when
from archplan.workspace.schema.base import (
    Between,
    Converted,
    Date,
    Hint,
    Ident,
    Text,
    WorkspaceModel,
    fail,
    field,
    model_validator,
)

__all__ = ["ComponentModel", "ComponentsFile"]

_USES_EXPECTED = (
    "a list of option ids ([onprem, saas]) or a mapping of option id to the last "
    "fiscal year or month it uses the component ({saas: 2026-09}; null: the whole plan)"
)


def _kind(v: Any) -> str:
    s = _text(v)
    if s not in ("software", "hardware", "saas"):
        raise ValueError(f"{s!r} is not a kind of component")
    return s


def _support_date(v: Any) -> date | bool:
    # As in the end-of-life data: true = passed with no date published, false = no end.
    return v if isinstance(v, bool) else _date(v)


def _uses(v: Any) -> tuple[tuple[str | int, Any, Any], ...]:
    """(where, option, until) as written; checked by the component's validator."""
    if isinstance(v, list):
        return tuple((k, o, None) for k, o in enumerate(v))
    if isinstance(v, dict):
        return tuple((o, o, u) for o, u in v.items())
    raise ValueError(f"{_describe(v)} where options belong")


def _refs(v: Any) -> tuple[Any, ...]:
    if isinstance(v, str):
        return (v,)
    if isinstance(v, list):
        return tuple(v)
    raise ValueError(f"{_describe(v)} where item ids belong")


_IDS_SCHEMA = {"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "string"}}]}
Kind = Annotated[
    str,
    Converted(_kind, {"enum": ["software", "hardware", "saas"]}, "word"),
    Hint("software, hardware or saas"),
]
SupportDate = Annotated[
    date | bool,
    Converted(
        _support_date,
        {"anyOf": [{"type": "string", "format": "date"}, {"type": "boolean"}]},
        "date (or true: passed, no date published; false: no end)",
    ),
    Hint("a date YYYY-MM-DD"),
]
Uses = Annotated[
    tuple[tuple[str | int, Any, Any], ...],
    Converted(
        _uses,
        {
            "anyOf": [
                {"type": "array", "items": {"type": "string"}},
                {"type": "object", "additionalProperties": {"type": ["integer", "string", "null"]}},
            ]
        },
        "list of option ids, or option → last year or month",
    ),
    Hint(_USES_EXPECTED),
]
ItemRefs = Annotated[
    tuple[Any, ...], Converted(_refs, _IDS_SCHEMA, "list of item ids"), Hint("a list of item ids")
]
Yen = Annotated[Decimal, Between(0, 10**15)]


class Support(WorkspaceModel):
    """Support dates declared by hand (they override the end-of-life data)."""

    what = "a mapping of released, active, security, extended dates"

    released: Date | None = field(None, description="Release date.", expected="a date YYYY-MM-DD")
    active: SupportDate | None = field(
        None, description="End of active support.", expected="a date YYYY-MM-DD"
    )
    security: SupportDate | None = field(
        None, description="End of security support.", expected="a date YYYY-MM-DD"
    )
    extended: SupportDate | None = field(
        None, description="End of paid extended support.", expected="a date YYYY-MM-DD"
    )


class Replacement(WorkspaceModel):
    """For the economic replacement interval: prices by year of age, in yen."""

    what = (
        "capital (the price of a new unit), running (the running cost in each year of "
        "age) and optionally salvage (the resale value after each year), in yen"
    )

    capital: Yen = field(description="The price of a new unit, yen.", expected="yen")
    running: list[Yen] = field(
        description="The running cost in each year of age, yen.",
        expected="a non-negative amount in yen",
        what="a list of amounts",
    )
    salvage: list[Yen] | None = field(
        None,
        description="The resale value after each year of age, yen (as many as running).",
        expected="a non-negative amount in yen",
        what="a list of amounts",
    )

    @model_validator(mode="after")
    def _lengths(self) -> Replacement:
        if not self.running:
            fail(
                "an empty list where a list of amounts belongs",
                "a list of yen amounts, one per year of age",
                "running",
            )
        if self.salvage is not None and not self.salvage:
            fail(
                "an empty list where a list of amounts belongs",
                "a list of yen amounts, one per year of age",
                "salvage",
            )
        if self.salvage and len(self.salvage) != len(self.running):
            fail(
                f"{len(self.salvage)} values for {len(self.running)} years of age",
                "one resale value per year of age, as many as running costs",
                "salvage",
            )
        return self


class ComponentModel(WorkspaceModel):
    """One component: software (an end-of-life product and release, or declared dates),
    hardware (purchase, maintenance end, useful life) or a SaaS contract."""

    what = "a mapping with id, options and a product or dates"

    id: Ident = field(description="Unique id.", expected="a short id, e.g. os", ja="一意のID")
    name: Text | None = field(
        None,
        description="Shown in reports (default: the product's name).",
        expected="a display name",
        ja="文書に表示する名称（既定：製品名）",
    )
    kind: Kind | None = field(
        None,
        description="software, hardware or saas (default: from the keys given).",
        expected="software, hardware or saas",
        ja="software、hardware、saas（既定：書かれたキーから）",
    )
    options: Uses | None = field(
        None,
        description="The options that use it: a list, or option → the last fiscal year or "
        "month it is used (null: the whole plan). Default: the current option.",
        expected=_USES_EXPECTED,
        ja="使う選択肢：リスト、または選択肢→使う最後の年度・年月（null：計画期間すべて）",
    )
    product: Text | None = field(
        None,
        description="An endoflife.date product, e.g. windows-server.",
        expected="an endoflife.date product",
        ja="endoflife.date の製品名（例：windows-server）",
    )
    release: Text | None = field(
        None,
        description="Its release cycle, e.g. '2016'.",
        expected="a release cycle, e.g. '2016'",
        ja="リリース（例：'2016'）",
    )
    support: Support | None = field(
        None,
        description="Support dates declared by hand.",
        ja="手書きのサポート期限（データより優先）",
    )
    purchased: Date | None = field(
        None,
        description="Hardware: purchase date.",
        expected="a date YYYY-MM-DD",
        ja="ハードウェア：購入日",
    )
    maintenance_end: Date | None = field(
        None,
        description="Hardware: end of the maintenance contract.",
        expected="a date YYYY-MM-DD",
        ja="ハードウェア：保守契約の終了日",
    )
    maintenance_years: Annotated[int, Between(1, 50)] | None = field(
        None,
        description="Hardware: maintenance term in years from the purchase date (instead of "
        "maintenance_end).",
        expected="whole years, 1 to 50",
        ja="ハードウェア：購入日からの保守期間（年。maintenance_endの代わり）",
    )
    useful_life: Annotated[int, Between(1, 50)] | None = field(
        None,
        description="Hardware: useful life in years (with purchased).",
        expected="whole years, 1 to 50",
        ja="ハードウェア：耐用年数（purchased とともに）",
    )
    contract_start: Date | None = field(
        None,
        description="SaaS: the contract's first day.",
        expected="a date YYYY-MM-DD",
        ja="SaaS：契約の初日",
    )
    contract_end: Date | None = field(
        None,
        description="SaaS: the contract's last day.",
        expected="a date YYYY-MM-DD",
        ja="SaaS：契約の最終日",
    )
    term: Annotated[int, Between(1, 50)] | None = field(
        None,
        description="SaaS: the contract term in years (with contract_start).",
        expected="whole years, 1 to 50",
        ja="SaaS：契約期間（年、contract_start とともに）",
    )
    addressed_by: ItemRefs | None = field(
        None,
        description="Cost items that upgrade or replace it.",
        expected="a list of item ids",
        ja="更新・置き換えを行う費目",
    )
    extended_support: ItemRefs | None = field(
        None,
        description="Cost items paying its extended support.",
        expected="a list of item ids",
        ja="延長サポートを払う費目",
    )
    note: Text = field("", description="Text.", expected="text", ja="備考")
    replacement: Replacement | None = field(
        None,
        description="Prices by year of age, for the economic replacement interval.",
        ja="経済的な更新間隔のための、経過年数ごとの価格",
    )

    @property
    def kind_(self) -> str:
        """The kind, given or inferred from the keys."""
        if self.kind is not None:
            return self.kind
        if (
            self.purchased is not None
            or self.useful_life is not None
            or self.maintenance_years is not None
        ):
            return "hardware"
        if self.contract_end is not None or self.term is not None:
            return "saas"
        return "software"

    @property
    def end_of_maintenance(self) -> date | None:
        """The hardware maintenance's last day, given or from the purchase date and term."""
        if self.maintenance_end is not None:
            return self.maintenance_end
        if self.purchased is not None and self.maintenance_years is not None:
            return add_years(self.purchased, self.maintenance_years) - timedelta(days=1)
        return None

    @property
    def end_of_contract(self) -> date | None:
        """A SaaS contract's last day, given or from its start and term."""
        if self.contract_end is not None:
            return self.contract_end
        if self.contract_start is not None and self.term is not None:
            return add_years(self.contract_start, self.term) - timedelta(days=1)
        return None

    def uses(self) -> tuple[tuple[str | int, str, int | str | None], ...]:
        """(where, option id, until) for each option named."""
        out = []
        for where, o, until in self.options or ():
            try:
                oid = _ident(o)
            except ValueError as exc:
                fail(str(exc), "an option id from options.yaml", "options", where)
            when = None
            if until is not None:
                try:
                    when = _when(until)
                except ValueError as exc:
                    fail(
                        str(exc),
                        "a fiscal year (2026) or a month ('2026-09'), or null",
                        "options",
                        where,
                    )
            out.append((where, oid, when))
        return tuple(out)

    def refs(self, key: str) -> tuple[tuple[int, str], ...]:
        """(index, item id) of ``addressed_by`` or ``extended_support``."""
        out = []
        for k, v in enumerate(getattr(self, key) or ()):
            try:
                out.append((k, _ident(v)))
            except ValueError as exc:
                fail(str(exc), "an item id from costs.yaml", key, k)
        return tuple(out)

    @model_validator(mode="after")
    def _consistent(self) -> ComponentModel:
        self.uses()
        self.refs("addressed_by")
        self.refs("extended_support")
        kind = self.kind_
        if self.product is None and self.release is not None:
            # (A product without a release may hold both, "Windows Server 2016": the
            # reader splits it, or says they go together.)
            fail(
                "'product' and 'release' go together",
                "both product (e.g. windows-server) and release (e.g. '2016')",
            )
        if kind == "hardware":
            if self.useful_life is not None and self.purchased is None:
                fail("'useful_life' needs 'purchased'", "the purchase date YYYY-MM-DD")
            if self.maintenance_years is not None and self.purchased is None:
                fail("'maintenance_years' needs 'purchased'", "the purchase date YYYY-MM-DD")
            if self.maintenance_years is not None and self.maintenance_end is not None:
                fail(
                    "both 'maintenance_end' and 'maintenance_years'",
                    "one of them: the maintenance's last day, or its term in years",
                    "maintenance_years",
                )
            if self.end_of_maintenance is None and self.useful_life is None:
                fail(
                    "a hardware component needs 'maintenance_end' or 'useful_life'",
                    "maintenance_end: YYYY-MM-DD and/or purchased + useful_life (years)",
                )
        elif kind == "saas":
            if self.contract_end is None and self.term is not None and self.contract_start is None:
                fail("'term' needs 'contract_start'", "the contract's first day")
            if self.contract_end is None and self.term is None:
                fail(
                    "a SaaS component needs 'contract_end' or 'contract_start' and 'term'",
                    "contract_end: YYYY-MM-DD, or contract_start and term (years)",
                )
            end = self.end_of_contract
            if self.contract_start is not None and end is not None and end < self.contract_start:
                fail(
                    f"{end} is before the contract's start",
                    "a date after contract_start",
                    "contract_end",
                )
        elif self.product is None and self.support is None:
            fail(
                "a software component needs 'product' and 'release', or 'support' dates",
                "product: windows-server and release: '2016' (docs/timing.md), or "
                "support: {security: YYYY-MM-DD}",
            )
        return self


class ComponentsFile(WorkspaceModel):
    """``components.yaml``: what each option depends on and when its support ends."""

    what = "a mapping with 'components'"

    current: Ident | None = field(
        None,
        description="The option that is today's system.",
        expected="the option id of today's system",
        ja="現行システムである選択肢",
    )
    components: list[ComponentModel] | None = field(
        None,
        description="The components: software, hardware or SaaS contracts.",
        expected="a list of components, each starting with '- '",
        what="a list of components",
        ja="構成要素：ソフトウェア、ハードウェア、SaaS契約",
    )
