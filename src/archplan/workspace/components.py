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
from datetime import date
from typing import TYPE_CHECKING, Any

from archplan.errors import ArchplanError
from archplan.workspace._yaml import Path as YPath
from archplan.workspace.fields import _File
from archplan.workspace.model import Component, CostItem

if TYPE_CHECKING:  # pydantic loads only when a workspace is read
    from archplan.workspace.schema.components import ComponentModel

__all__ = ["COMPONENTS_FILE", "add_years", "read_components"]

COMPONENTS_FILE = "components.yaml"


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


def _uses(
    f: _File,
    c: ComponentModel,
    p: YPath,
    option_ids: set[str] | None,
    current: str | None,
) -> list[tuple[str, int | str | None]]:
    if c.options is None:
        if current is not None:
            return [(current, None)]
        f.problem(
            p,
            "required field 'options' is missing",
            "a list of option ids ([onprem, saas]) or a mapping of option id to the last "
            "fiscal year or month it uses the component ({saas: 2026-09}; null: the whole plan)",
        )
        return []
    out: list[tuple[str, int | str | None]] = []
    for where, oid, when in c.uses():
        if option_ids is not None and oid not in option_ids:
            f.problem(
                (*p, "options", where),
                f"unknown option {oid!r}{_nearest(oid, sorted(option_ids))}",
                "an option id from options.yaml (known: " + ", ".join(sorted(option_ids)) + ")",
            )
            continue
        out.append((oid, when))
    return out


def _item_refs(
    f: _File,
    c: ComponentModel,
    p: YPath,
    key: str,
    items: dict[str, CostItem],
    options: set[str],
    declared: set[str] | None = None,
) -> tuple[str, ...]:
    out: list[str] = []
    for k, iid in c.refs(key):
        q: YPath = (*p, key, k)
        if iid not in items and iid in (declared or set()):
            continue  # written in costs.yaml but invalid: reported there
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


def _end_of_life(
    f: _File, c: ComponentModel, p: YPath, notices: list[str] | None = None
) -> tuple[str | None, str | None, str | None, dict[str, Any]]:
    """Product, release and name from the packaged end-of-life data, and its dates.

    Names are read as people write them (``Windows Server``, ``SQL Server 2016``,
    ``Ubuntu 20.04 LTS``, a product and release in ``product`` alone); whenever the data's
    own names differ from what was written, ``notices`` says what was read.
    """
    from archplan.timing.eol import load_eol

    if c.product is None:
        return c.product, c.release, c.name, {}
    data = load_eol()
    said: list[str] = []
    where = f"{COMPONENTS_FILE}: {c.id}"
    # "release: 3.10" is read by YAML as the number 3.1: take the text as written.
    release = f.doc.floats.get((*p, "release"), c.release) if f.doc is not None else c.release
    if release is None:
        split = data.split(c.product)
        if split is None:
            f.problem(
                p,
                "'product' and 'release' go together",
                "both product (e.g. windows-server) and release (e.g. '2016')",
            )
            return c.product, None, c.name, {}
        prod, release = split
        said.append(
            f"{where}: product {c.product!r} read as {prod.name} ({prod.title}) release {release!r}"
        )
    else:
        try:
            prod, exact = data.find_product(c.product)
        except ArchplanError as exc:
            # The release written in product too ("Windows Server 2016", release "2016").
            both = data.split(c.product)
            if both is None:
                f.problem((*p, "product"), str(exc), "a product of the end-of-life data")
                return c.product, c.release, c.name, {}
            prod, exact = both[0], False
            # "Windows 10" with release "22H2": the release is "10 22H2".
            joined = f"{both[1]} {release}"
            try:
                prod.find(joined)
                release = joined
            except ArchplanError:
                pass
        if not exact:
            said.append(f"{where}: product {c.product!r} read as {prod.name} ({prod.title})")
    try:
        rel, how = prod.find(release)
    except ArchplanError as exc:
        f.problem((*p, "release"), str(exc), f"a release cycle of {prod.name}")
        return c.product, c.release, c.name, {}
    from archplan.timing.eol import _show, _without_vendor

    shown = _show(rel)
    if how == "sp":
        said.append(
            f"{where}: release {release!r} of {prod.name} read as {shown}, its latest "
            "service pack (write another release cycle to choose it)"
        )
    elif how == "latest":
        said.append(
            f"{where}: release {release!r} of {prod.name} read as {shown}, its latest minor "
            "release (write another release cycle to choose it)"
        )
    elif how == "minor":
        said.append(
            f"{where}: release {release!r} of {prod.name} read as the release cycle "
            f"{shown} (the data gives dates per cycle)"
        )
    elif how:
        said.append(f"{where}: release {release!r} of {prod.name} read as {shown}")
    rd = rel.release_date
    fields = {
        "release_date": rd if isinstance(rd, date) else None,
        "active_end": rel.eoas if rel.eoas is not False else None,
        "security_end": rel.eol if rel.eol is not False else None,
        "extended_end": rel.eoes if rel.eoes is not False else None,
    }
    declared_ext = c.support is not None and c.support.extended is not None
    if rel.eoes is True and c.extended_support and not declared_ext:
        said.append(
            f"{where}: the end-of-life data says the extended support of {shown} has ended "
            "(no date published): extended_support items do not extend it"
        )
    name = c.name
    if name is None:
        label = rel.label
        titled = any(t in label for t in (prod.title, *_without_vendor(prod.title)))
        name = label if titled else f"{prod.title} {label}"
    if notices is not None:
        notices.extend(said)
    return prod.name, rel.cycle, name, fields


def read_components(
    f: _File,
    option_ids: set[str] | None,
    items: list[CostItem],
    notices: list[str] | None = None,
    declared_items: set[str] | None = None,
) -> tuple[list[Component], str | None]:
    """The components and the current option from a loaded ``components.yaml``.

    The file is validated against its model (:mod:`archplan.workspace.schema.components`);
    what it says about other files (options, cost items) and the end-of-life data is
    checked here. Problems are appended to ``f.problems``; nothing is raised for bad
    input. A declared date that overrides the end-of-life data is said in ``notices``.
    An item written in costs.yaml but invalid (``declared_items``) is not reported again.
    """
    from archplan.workspace.rules import check_unique, written_ids
    from archplan.workspace.schema.base import section, validate
    from archplan.workspace.schema.components import ComponentModel, ComponentsFile

    assert f.doc is not None
    model, problems = validate(ComponentsFile, f.doc, f.fname)
    f.problems.extend(problems)
    data = f.doc.data if isinstance(f.doc.data, dict) else {}
    current: str | None = None
    if model is not None:
        current = model.current
    elif isinstance(data.get("current"), str):
        current = data["current"].strip()
    if current is not None and option_ids is not None and current not in option_ids:
        f.problem(
            ("current",),
            f"unknown option {current!r}{_nearest(current, sorted(option_ids))}",
            "an option id from options.yaml",
        )
        current = None
    entries = section(model, "components", ComponentModel, data.get("components"))
    check_unique(f, "components", written_ids(data.get("components")), "component")
    by_id = {it.id: it for it in items}
    out: list[Component] = []
    for i, c in entries:
        p: YPath = ("components", i)
        uses = _uses(f, c, p, option_ids, current)
        opts = {o for o, _ in uses}
        product, release, name, fields = _end_of_life(f, c, p, notices)
        declared: list[str] = []
        for key, attr in (
            ("released", "release_date"),
            ("active", "active_end"),
            ("security", "security_end"),
            ("extended", "extended_end"),
        ):
            v = getattr(c.support, key) if c.support is not None else None
            if v is None:
                continue
            was = fields.get(attr)
            if notices is not None and product and was is not None and was != v:
                notices.append(
                    f"{COMPONENTS_FILE}: {c.id}: declared no {key} end, overriding the "
                    f"end-of-life data ({was})"
                    if v is False
                    else f"{COMPONENTS_FILE}: {c.id}: declared {key} date {v} "
                    f"overrides the end-of-life data ({was})"
                )
            fields[attr] = v
            declared.append(key)
        addressed = _item_refs(f, c, p, "addressed_by", by_id, opts, declared_items)
        extended = _item_refs(f, c, p, "extended_support", by_id, opts, declared_items)
        rep = c.replacement
        out.append(
            Component(
                id=c.id,
                name=name or c.id,
                kind=c.kind_,  # type: ignore[arg-type]
                uses=tuple(uses),
                product=product,
                release=release,
                declared=tuple(declared),
                purchased=c.purchased,
                maintenance_end=c.end_of_maintenance,
                useful_life=c.useful_life,
                contract_start=c.contract_start,
                contract_end=c.end_of_contract if c.kind_ == "saas" else c.contract_end,
                addressed_by=addressed,
                extended_support=extended,
                note=c.note,
                line=f.doc.line(p),
                capital=rep.capital if rep else None,
                running_by_age=tuple(rep.running) if rep else (),
                salvage_by_age=tuple(rep.salvage or ()) if rep else (),
                **fields,
            )
        )
    return out, current
