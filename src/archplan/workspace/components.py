"""Read ``components.yaml``: what each option depends on, and when its support ends.

The file is optional. Its form (see ``docs/timing.md``)::

    current: onprem                  # the option that is today's system
    components:
      - id: os
        product: windows-server      # a product of the packaged endoflife.date data
        release: "2016"
        options: {onprem: null, saas: "2026-09"}   # option → last year/month it is used
        addressed_by: [op-os-upgrade]              # items that upgrade or replace it
        extended_support: [op-os-esu]              # items paying extended support
      - id: server
        kind: hardware
        purchased: 2021-04-01
        maintenance_end: 2026-03-31
        useful_life: 5
        options: [onprem]
      - id: lims-contract
        kind: saas
        contract_start: 2026-10-01
        term: 5
        options: [saas]

Every problem is located (file, line, field) and unknown names come with the nearest
known ones; dates written under ``support`` override the end-of-life data.
"""

from __future__ import annotations

import difflib
from datetime import date, timedelta
from typing import Any

from archplan.errors import ArchplanError
from archplan.workspace._yaml import Path as YPath
from archplan.workspace.loader import (
    _date,
    _describe,
    _File,
    _ident,
    _int,
    _ranged,
    _text,
    _when,
)
from archplan.workspace.model import Component, CostItem

__all__ = ["COMPONENTS_FILE", "add_years", "read_components"]

COMPONENTS_FILE = "components.yaml"

_KEYS = (
    "id",
    "name",
    "kind",
    "options",
    "product",
    "release",
    "support",
    "purchased",
    "maintenance_end",
    "useful_life",
    "contract_start",
    "contract_end",
    "term",
    "addressed_by",
    "extended_support",
    "note",
)
_SUPPORT_KEYS = ("released", "active", "security", "extended")


def add_years(day: date, years: int) -> date:
    """``day`` moved by whole years (29 February → 28 February in a common year).

    Examples
    --------
    >>> add_years(date(2024, 2, 29), 1), add_years(date(2021, 4, 1), 5)
    (datetime.date(2025, 2, 28), datetime.date(2026, 4, 1))
    """
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def _nearest(name: str, known: list[str]) -> str:
    near = difflib.get_close_matches(name, known, n=3, cutoff=0.5)
    return f"; nearest: {', '.join(near)}" if near else ""


def _support_date(v: Any) -> date | bool:
    if v is True:
        return True
    return _date(v)


def _uses(
    f: _File, raw: Any, p: YPath, option_ids: set[str] | None, current: str | None
) -> list[tuple[str, int | str | None]]:
    expected = (
        "a list of option ids ([onprem, saas]) or a mapping of option id to the last "
        "fiscal year or month it uses the component ({saas: 2026-09}; null: the whole plan)"
    )
    if raw is None:
        if current is not None:
            return [(current, None)]
        f.problem(p, "required field 'options' is missing", expected)
        return []
    pairs: list[tuple[Any, Any, YPath]] = []
    if isinstance(raw, list):
        pairs = [(o, None, (*p, "options", k)) for k, o in enumerate(raw)]
    elif isinstance(raw, dict):
        pairs = [(o, u, (*p, "options", o)) for o, u in raw.items()]
    else:
        f.problem((*p, "options"), f"{_describe(raw)} where options belong", expected)
        return []
    out: list[tuple[str, int | str | None]] = []
    for o, until, q in pairs:
        try:
            oid = _ident(o)
        except ValueError as exc:
            f.problem(q, str(exc), "an option id from options.yaml")
            continue
        if option_ids is not None and oid not in option_ids:
            f.problem(
                q,
                f"unknown option {oid!r}{_nearest(oid, sorted(option_ids))}",
                "an option id from options.yaml (known: " + ", ".join(sorted(option_ids)) + ")",
            )
            continue
        when: int | str | None = None
        if until is not None:
            try:
                when = _when(until)
            except ValueError as exc:
                f.problem(q, str(exc), "a fiscal year (2026) or a month ('2026-09'), or null")
                continue
        out.append((oid, when))
    return out


def _item_refs(
    f: _File,
    m: dict[str, Any],
    p: YPath,
    key: str,
    items: dict[str, CostItem],
    options: set[str],
) -> tuple[str, ...]:
    raw = m.get(key)
    if raw is None:
        return ()
    if isinstance(raw, str):
        raw = [raw]
    if not isinstance(raw, list):
        f.problem((*p, key), f"{_describe(raw)} where item ids belong", "a list of item ids")
        return ()
    out: list[str] = []
    for k, v in enumerate(raw):
        q: YPath = (*p, key, k)
        try:
            iid = _ident(v)
        except ValueError as exc:
            f.problem(q, str(exc), "an item id from costs.yaml")
            continue
        if iid not in items:
            f.problem(
                q,
                f"unknown cost item {iid!r}{_nearest(iid, sorted(items))}",
                "the id of an item in costs.yaml",
            )
            continue
        if options and items[iid].option not in options:
            f.problem(
                q,
                f"item {iid!r} belongs to option {items[iid].option!r}, which does not use "
                "this component",
                "an item of one of the component's options (" + ", ".join(sorted(options)) + ")",
            )
            continue
        out.append(iid)
    return tuple(out)


def read_components(
    f: _File, option_ids: set[str] | None, items: list[CostItem]
) -> tuple[list[Component], str | None]:
    """The components and the current option from a loaded ``components.yaml``.

    Problems are appended to ``f.problems``; nothing is raised for bad input.
    """
    from archplan.timing.eol import load_eol

    top = f.mapping(f.doc.data if f.doc else None, (), "a mapping with 'components'")
    if top is None:
        return [], None
    f.unknown_keys(top, (), ("current", "components"))
    current = f.field(top, (), "current", _ident, "the option id of today's system", required=False)
    if current is not None and option_ids is not None and current not in option_ids:
        f.problem(
            ("current",),
            f"unknown option {current!r}{_nearest(current, sorted(option_ids))}",
            "an option id from options.yaml",
        )
        current = None
    raw = top.get("components")
    if raw is None:
        return [], current
    if not isinstance(raw, list):
        f.problem(
            ("components",),
            f"{_describe(raw)} where a list of components belongs",
            "a list of components, each starting with '- '",
        )
        return [], current
    by_id = {it.id: it for it in items}
    out: list[Component] = []
    seen: dict[str, int] = {}
    for i, entry in enumerate(raw):
        p: YPath = ("components", i)
        m = f.mapping(entry, p, "a mapping with id, options and a product or dates")
        if m is None:
            continue
        f.unknown_keys(m, p, _KEYS)
        cid = f.field(m, p, "id", _ident, "a short id, e.g. os")
        if cid is not None:
            if cid in seen:
                f.problem(
                    (*p, "id"),
                    f"duplicate component id {cid!r} (first on line "
                    f"{f.doc.line(('components', seen[cid], 'id')) if f.doc else None})",
                    "a unique id for each component",
                )
            seen.setdefault(cid, i)
        kind = f.field(
            m,
            p,
            "kind",
            lambda v: str(_text(v)) if _text(v) in ("software", "hardware", "saas") else _bad(v),
            "software, hardware or saas",
            required=False,
            default=None,
        )
        if kind is None:
            kind = (
                "hardware"
                if "purchased" in m or "useful_life" in m
                else "saas"
                if "contract_end" in m or "term" in m
                else "software"
            )
        uses = _uses(f, m.get("options"), p, option_ids, current)
        opts = {o for o, _ in uses}
        name = f.field(m, p, "name", _text, "a display name", required=False, default=None)
        note = f.field(m, p, "note", _text, "text", required=False, default="") or ""
        product = f.field(m, p, "product", _text, "an endoflife.date product", required=False)
        release = f.field(m, p, "release", _text, "a release cycle, e.g. '2016'", required=False)
        fields: dict[str, Any] = {}
        declared: list[str] = []
        if product is not None or release is not None:
            if product is None or release is None:
                f.problem(
                    p,
                    "'product' and 'release' go together",
                    "both product (e.g. windows-server) and release (e.g. '2016')",
                )
            else:
                try:
                    data = load_eol()
                    prod = data.product(product)
                except ArchplanError as exc:
                    f.problem((*p, "product"), str(exc), "a product of the end-of-life data")
                else:
                    try:
                        rel = prod.release(release)
                    except ArchplanError as exc:
                        f.problem((*p, "release"), str(exc), f"a release cycle of {prod.name}")
                    else:
                        product = prod.name
                        release = rel.cycle
                        rd = rel.release_date
                        fields.update(
                            release_date=rd if isinstance(rd, date) else None,
                            active_end=rel.eoas if rel.eoas is not False else None,
                            security_end=rel.eol if rel.eol is not False else None,
                            extended_end=rel.eoes if rel.eoes is not False else None,
                        )
                        if name is None:
                            label = rel.label
                            name = label if prod.title in label else f"{prod.title} {label}"
        support = m.get("support")
        if support is not None:
            sm = f.mapping(
                support, (*p, "support"), "a mapping of released, active, security, extended dates"
            )
            if sm is not None:
                f.unknown_keys(sm, (*p, "support"), _SUPPORT_KEYS)
                for key, attr in (
                    ("released", "release_date"),
                    ("active", "active_end"),
                    ("security", "security_end"),
                    ("extended", "extended_end"),
                ):
                    if key in sm:
                        conv = _date if key == "released" else _support_date
                        v = f.field(
                            sm, (*p, "support"), key, conv, "a date YYYY-MM-DD", required=False
                        )
                        if v is not None:
                            fields[attr] = v
                            declared.append(key)
        purchased = f.field(m, p, "purchased", _date, "a date YYYY-MM-DD", required=False)
        maint = f.field(m, p, "maintenance_end", _date, "a date YYYY-MM-DD", required=False)
        life = f.field(
            m, p, "useful_life", _ranged(_int, 1, 50), "whole years, 1 to 50", required=False
        )
        cstart = f.field(m, p, "contract_start", _date, "a date YYYY-MM-DD", required=False)
        cend = f.field(m, p, "contract_end", _date, "a date YYYY-MM-DD", required=False)
        term = f.field(m, p, "term", _ranged(_int, 1, 50), "whole years, 1 to 50", required=False)
        if kind == "hardware":
            if life is not None and purchased is None:
                f.problem(p, "'useful_life' needs 'purchased'", "the purchase date YYYY-MM-DD")
            if maint is None and life is None:
                f.problem(
                    p,
                    "a hardware component needs 'maintenance_end' or 'useful_life'",
                    "maintenance_end: YYYY-MM-DD and/or purchased + useful_life (years)",
                )
        elif kind == "saas":
            if cend is None and term is not None:
                if cstart is None:
                    f.problem(p, "'term' needs 'contract_start'", "the contract's first day")
                else:
                    cend = add_years(cstart, term) - timedelta(days=1)
            if cend is None and term is None:
                f.problem(
                    p,
                    "a SaaS component needs 'contract_end' or 'contract_start' and 'term'",
                    "contract_end: YYYY-MM-DD, or contract_start and term (years)",
                )
            if cstart is not None and cend is not None and cend < cstart:
                f.problem(
                    (*p, "contract_end"),
                    f"{cend} is before the contract's start",
                    "a date after contract_start",
                )
        elif product is None and not fields:
            f.problem(
                p,
                "a software component needs 'product' and 'release', or 'support' dates",
                "product: windows-server and release: '2016' (docs/timing.md), or "
                "support: {security: YYYY-MM-DD}",
            )
        addressed = _item_refs(f, m, p, "addressed_by", by_id, opts)
        extended = _item_refs(f, m, p, "extended_support", by_id, opts)
        if cid is None:
            continue
        out.append(
            Component(
                id=cid,
                name=name or cid,
                kind=kind,  # type: ignore[arg-type]
                uses=tuple(uses),
                product=product,
                release=release,
                declared=tuple(declared),
                purchased=purchased,
                maintenance_end=maint,
                useful_life=life,
                contract_start=cstart,
                contract_end=cend,
                addressed_by=addressed,
                extended_support=extended,
                note=note,
                line=f.doc.line(p) if f.doc else None,
                **fields,
            )
        )
    return out, current


def _bad(v: Any) -> str:
    raise ValueError(f"{_text(v)!r} is not a kind of component")
