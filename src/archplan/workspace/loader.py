"""Read and validate a workspace folder, reporting every problem at once.

The layout (see ``docs/workspace.md``)::

    archplan.yaml      settings
    options.yaml       options: id, name, description
    criteria.yaml      criteria: id, name, direction, weight
    scores.csv         options x criteria, opens in a spreadsheet
    assumptions.yaml   the assumptions register
    costs.yaml         cost line items per option
    components.yaml    (optional) what each option depends on
    decisions/         NNNN-title.md decision records (MADR-style)

Each YAML file is read in three steps: text (encoding, BOM, CRLF, size) → YAML (with a
line for every value) → its declared model in :mod:`archplan.workspace.schema` (every
problem at once, each located), whose valid entries become the dataclasses of
:mod:`archplan.workspace.model`. What one file says about another is checked by the
rules of :mod:`archplan.workspace.rules`. Vocabularies owned by other layers (methods,
normalisations, extension cost drivers, the decision-record reader, AHP) come through
:mod:`archplan.registry`, so this layer imports nothing from ``compare``, ``costs`` or
``decisions``.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from archplan import registry
from archplan.errors import InputError, Problem, WorkspaceError
from archplan.workspace._yaml import YamlDoc, load_yaml
from archplan.workspace.fields import _File
from archplan.workspace.model import (
    Assumption,
    ComparisonSettings,
    Contract,
    Correlation,
    CostItem,
    Criterion,
    Option,
    Party,
    Risk,
    Settings,
    Workspace,
)

if TYPE_CHECKING:
    from archplan.workspace.schema.assumptions import AssumptionsFile


__all__ = [
    "ASSUMPTIONS_FILE",
    "COSTS_FILE",
    "CRITERIA_FILE",
    "DECISIONS_DIR",
    "OPTIONS_FILE",
    "SCORES_FILE",
    "SETTINGS_FILE",
    "check_workspace",
    "load_workspace",
    "read_assumptions",
    "read_costs",
    "read_criteria",
    "read_options",
    "read_settings",
]

SETTINGS_FILE = "archplan.yaml"
OPTIONS_FILE = "options.yaml"
CRITERIA_FILE = "criteria.yaml"
SCORES_FILE = "scores.csv"
ASSUMPTIONS_FILE = "assumptions.yaml"
COSTS_FILE = "costs.yaml"
DECISIONS_DIR = "decisions"

#: Files larger than this are refused unread: no hand-edited planning file is this big.
MAX_FILE_BYTES = 5 * 1024 * 1024
RECORD_RE = re.compile(r"^(\d{4})-[^/]*\.md$")


def _read_text(
    root: Path, fname: str, problems: list[Problem], notices: list[str], *, required: bool = True
) -> str | None:
    path = root / fname
    if not path.exists():
        if required:
            problems.append(
                Problem(
                    fname, None, None, "file is missing", f"a file {fname} in the workspace folder"
                )
            )
        return None
    if not path.is_file():
        problems.append(Problem(fname, None, None, "is not a regular file", "a file"))
        return None
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:
        problems.append(
            Problem(
                fname,
                None,
                None,
                f"file is {size:,} bytes, too large to be a planning file",
                f"at most {MAX_FILE_BYTES:,} bytes",
            )
        )
        return None
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Excel on Japanese Windows saves CSV as Shift_JIS (cp932): read it, and say so.
        try:
            text = raw.decode("cp932")
        except UnicodeDecodeError:
            problems.append(
                Problem(
                    fname,
                    None,
                    None,
                    "file is not UTF-8 text",
                    "UTF-8 (or Shift_JIS as saved by Excel)",
                )
            )
            return None
        notices.append(f"{fname}: read as Shift_JIS (cp932); save as UTF-8 to avoid this")
    if raw.startswith(b"\xef\xbb\xbf"):
        notices.append(f"{fname}: a byte-order mark was ignored")
    if "\r" in text:
        notices.append(f"{fname}: Windows (CRLF) line ends were read as usual")
    if "\x00" in text:
        problems.append(
            Problem(fname, None, None, "file contains NUL bytes (binary data)", "a text file")
        )
        return None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _load_yaml_file(
    root: Path, fname: str, problems: list[Problem], notices: list[str], *, required: bool = True
) -> _File | None:
    text = _read_text(root, fname, problems, notices, required=required)
    if text is None:
        return None
    doc, yproblems = load_yaml(text, fname)
    problems.extend(yproblems)
    if doc is None:
        return None
    f = _File(fname, doc, problems)
    if doc.data is None:
        f.problem((), "file is empty", "YAML content (see the template from 'archplan new')")
        return None
    notices.extend(_full_width_numbers(doc, fname))
    return f


_FULL_WIDTH_NUMBER = re.compile(r"^\s*[+-]?[0-9_]+(\.[0-9_]+)?\s*$")


def _full_width_numbers(doc: YamlDoc, fname: str) -> list[str]:
    """Notices for numbers typed in full-width digits (``１１５００００``): read as numbers
    by the converters, and said, as for scores.csv."""
    import unicodedata

    from archplan.workspace._yaml import dotted

    out: list[str] = []

    def walk(value: Any, path: tuple[Any, ...]) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk(v, (*path, k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                walk(v, (*path, i))
        elif isinstance(value, str) and re.search("[０-９]", value):
            plain = unicodedata.normalize("NFKC", value)
            if _FULL_WIDTH_NUMBER.match(plain):
                where = f"{fname}:{doc.line(path)}: {dotted(path)}"
                number = plain.strip().replace("_", "")
                out.append(f"{where}: {value!r} read as {number} (full-width digits or separators)")

    walk(doc.data, ())
    return out


def _doc(
    root: Path, fname: str, problems: list[Problem], notices: list[str], *, required: bool = True
) -> YamlDoc | None:
    """A workspace YAML file as a document with its line map (None: not readable)."""
    f = _load_yaml_file(root, fname, problems, notices, required=required)
    return f.doc if f is not None else None


def _raw(doc: YamlDoc, key: str) -> Any:
    return doc.data.get(key) if isinstance(doc.data, dict) else None


def _weighting_written(doc: YamlDoc | None) -> str:
    """The weighting ``archplan.yaml`` names when the file has problems elsewhere (a
    currency, a date), so criteria are not blamed for weights their ranking does not
    need; ``"none"`` (check nothing) when it cannot be told."""
    from typing import get_args

    from archplan.workspace.model import Weighting

    if doc is None or not isinstance(doc.data, dict):
        return "none"
    comparison = doc.data.get("comparison", {})
    if not isinstance(comparison, dict):
        return "none"
    written = comparison.get("weighting", "direct")
    return written if written in get_args(Weighting) else "none"


def read_settings(
    doc: YamlDoc, fname: str = SETTINGS_FILE
) -> tuple[Settings | None, tuple[Party, ...], list[Problem]]:
    """``archplan.yaml`` → the settings and the parties sharing the cost, or problems.

    Examples
    --------
    >>> doc, _ = load_yaml("title: T\\nfiscal_year: {first: 2026, horizon: 2}", "archplan.yaml")
    >>> settings, parties, problems = read_settings(doc)
    >>> settings.fiscal_years, parties, problems
    ([2026, 2027], (), [])
    """
    from archplan.workspace.schema.base import validate
    from archplan.workspace.schema.settings import SettingsFile

    model, problems = validate(SettingsFile, doc, fname)
    if model is None:
        return None, (), problems
    settings, parties = model.to_domain()
    return settings, parties, problems


def read_options(
    doc: YamlDoc, fname: str = OPTIONS_FILE
) -> tuple[list[Option], set[str], list[Problem]]:
    """``options.yaml`` → the valid options, the ids written (valid or not) and problems.

    Examples
    --------
    >>> doc, _ = load_yaml("options:\\n  - {id: a, name: A}\\n  - {id: b}", "options.yaml")
    >>> options, written, problems = read_options(doc)
    >>> [o.id for o in options], sorted(written), [p.message for p in problems]
    (['a'], ['a', 'b'], ["required field 'name' is missing"])
    """
    from archplan.workspace.rules import check_unique, written_ids
    from archplan.workspace.schema.base import section, validate
    from archplan.workspace.schema.options import OptionModel, OptionsFile

    model, problems = validate(OptionsFile, doc, fname)
    entries = section(model, "options", OptionModel, _raw(doc, "options"))
    f = _File(fname, doc, problems)
    check_unique(f, "options", written_ids(_raw(doc, "options")), "option")
    raw = _raw(doc, "options")
    declared = {
        str(m["id"]).strip()
        for m in (raw if isinstance(raw, list) else [])
        if isinstance(m, dict) and isinstance(m.get("id"), (str, int))
    }
    return [o.to_domain() for _, o in entries], declared, problems


def read_criteria(
    doc: YamlDoc, weighting: str, fname: str = CRITERIA_FILE
) -> tuple[list[Criterion], set[str], list[Problem]]:
    """``criteria.yaml`` → the valid criteria, the ids written (valid or not) and problems.

    Examples
    --------
    >>> text = "criteria:\\n  - {id: c, name: C, direction: cost}"
    >>> doc, _ = load_yaml(text, "criteria.yaml")
    >>> criteria, written, problems = read_criteria(doc, "direct")
    >>> criteria, problems[0].message  # direct weighting needs a weight
    ([], "required field 'weight' is missing")
    """
    from archplan.workspace.rules import check_unique, check_weighting, written_ids
    from archplan.workspace.schema.base import section, validate
    from archplan.workspace.schema.criteria import CriteriaFile, CriterionModel

    model, problems = validate(CriteriaFile, doc, fname)
    raw = _raw(doc, "criteria")
    declared = {
        m["id"].strip()
        for m in (raw if isinstance(raw, list) else [])
        if isinstance(m, dict) and isinstance(m.get("id"), str)
    }
    entries = [(i, c.to_domain()) for i, c in section(model, "criteria", CriterionModel, raw)]
    f = _File(fname, doc, problems)
    n_before = len(problems)
    check_weighting(f, entries if model is not None else [], weighting)
    if model is None:  # a weight or rank missing where the file had other problems too
        check_weighting(f, entries, "none")
    check_unique(f, "criteria", written_ids(raw), "criterion")
    if model is not None and len(problems) > n_before:
        return [], declared, problems
    return [c for _, c in entries], declared, problems


def read_assumptions(
    doc: YamlDoc, fname: str = ASSUMPTIONS_FILE
) -> tuple[dict[str, Assumption], AssumptionsFile | None, set[str], list[Problem]]:
    """``assumptions.yaml`` → the valid assumptions, the file's model (None when it has
    problems), the names written (valid or not) and problems.

    Examples
    --------
    >>> doc, _ = load_yaml("assumptions:\\n  users: 1_200", "assumptions.yaml")
    >>> register, model, names, problems = read_assumptions(doc)
    >>> register["users"].value, names, problems
    (Decimal('1200'), {'users'}, [])
    """
    from archplan.workspace.schema.assumptions import AssumptionModel, AssumptionsFile
    from archplan.workspace.schema.base import section, validate

    model, problems = validate(AssumptionsFile, doc, fname)
    raw = _raw(doc, "assumptions")
    entries = section(model, "assumptions", AssumptionModel, raw)
    declared = {str(k) for k in raw} if isinstance(raw, dict) else set()
    return {str(k): a.to_domain(str(k)) for k, a in entries}, model, declared, problems


def _assumption_extras(
    doc: YamlDoc,
    model: AssumptionsFile | None,
    assumptions: dict[str, Assumption],
    declared: set[str],
    problems: list[Problem],
) -> tuple[dict[str, Any], list[Correlation]]:
    """Scenarios and correlations, checked against the register."""
    from archplan.workspace.rules import check_correlations, check_scenarios
    from archplan.workspace.schema.assumptions import CorrelationModel, valid_scenarios
    from archplan.workspace.schema.base import section

    f = _File(ASSUMPTIONS_FILE, doc, problems)
    if model is not None:
        scenarios = model.scenario_values()
    else:
        scenarios = valid_scenarios(_raw(doc, "scenarios"))
    check_scenarios(f, scenarios, declared)
    entries = section(model, "correlations", CorrelationModel, _raw(doc, "correlations"))
    uncertain = {n: a.uncertainty is not None for n, a in assumptions.items()}
    invalid = declared - set(assumptions)
    bad = check_correlations(f, [(k, c.between) for k, c in entries], uncertain, invalid)
    correlations = [c.to_domain() for k, c in entries if k not in bad]
    return scenarios, correlations


def read_costs(
    doc: YamlDoc,
    options: set[str] | None,
    assumptions: set[str] | None,
    settings: Settings | None,
    fname: str = COSTS_FILE,
) -> tuple[list[CostItem], list[Contract], list[Risk], list[Problem]]:
    """``costs.yaml`` → valid items, contracts and risks, checked against the other files.

    Examples
    --------
    >>> text = (
    ...     "items:\\n  - {id: a, option: x, name: A, category: build, nature: one-off,\\n"
    ...     "     amount: fee, start: 2026}"
    ... )
    >>> doc, _ = load_yaml(text, "costs.yaml")
    >>> items, contracts, risks, problems = read_costs(doc, {"x"}, {"fee"}, None)
    >>> [(i.id, str(i.amount), i.tax) for i in items], problems
    ([('a', 'fee', 'taxable')], [])
    """
    from archplan.workspace import rules
    from archplan.workspace.schema.base import section, validate
    from archplan.workspace.schema.costs import ContractModel, CostsFile, ItemModel, RiskModel

    context = {"start_month": settings.fy_start_month if settings else 4}
    model, problems = validate(CostsFile, doc, fname, context)
    f = _File(fname, doc, problems)
    contracts = section(model, "contracts", ContractModel, _raw(doc, "contracts"))
    items = section(model, "items", ItemModel, _raw(doc, "items"), context)
    risks = section(model, "risks", RiskModel, _raw(doc, "risks"))
    rules.check_unique(f, "contracts", rules.written_ids(_raw(doc, "contracts")), "contract")
    bad = rules.check_items(
        f,
        items,
        options=options,
        assumptions=assumptions,
        contracts={c.id for _, c in contracts},
        settings=settings,
    )
    rules.check_unique(f, "items", rules.written_ids(_raw(doc, "items")), "cost item")
    rules.check_percent_of(f, items, _declared_items(doc))
    bad_risks = rules.check_risks(f, risks, options, settings)
    rules.check_unique(f, "risks", rules.written_ids(_raw(doc, "risks")), "risk")
    return (
        [it.to_domain(settings) for i, it in items if i not in bad],
        [c.to_domain() for _, c in contracts],
        [r.to_domain() for k, r in risks if k not in bad_risks],
        problems,
    )


def _read_scores(
    text: str,
    options: list[Option] | None,
    criteria: list[Criterion] | None,
    problems: list[Problem],
    pugh_baseline: str | None = None,
    notices: list[str] | None = None,
    declared: set[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame] | None:
    """Read scores.csv into (numbers, cells as written); None if it has problems."""
    notices = notices if notices is not None else []
    from archplan.scales import DEFAULT_MAPPINGS, canonical, describe_mapping, to_number

    fname = SCORES_FILE
    n_before = len(problems)
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
            text.split("\n", 1)[0], delimiters=",;\t"
        )
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    rows: list[tuple[int, list[str]]] = []
    try:
        for row in reader:
            rows.append((reader.line_num, [c.strip() for c in row]))
    except csv.Error as exc:
        problems.append(
            Problem(fname, reader.line_num, None, f"CSV syntax: {exc}", "comma-separated values")
        )
        return None
    rows = [(n, r) for n, r in rows if any(r)]
    if not rows:
        problems.append(
            Problem(
                fname,
                None,
                None,
                "file is empty",
                "a header 'option,<criterion ids…>' and one row per option",
            )
        )
        return None
    header_line, header = rows[0]
    # Spreadsheets leave empty trailing columns behind; drop columns empty everywhere.
    width = max(len(r) for _, r in rows)
    keep = [j for j in range(width) if any(j < len(r) and r[j] for _, r in rows)]
    if len(keep) < width:
        notices.append(
            f"{fname}: {width - len(keep)} empty column(s) left by a spreadsheet were ignored"
        )
    header = [header[j] if j < len(header) else "" for j in keep]
    body = [(n, [r[j] if j < len(r) else "" for j in keep]) for n, r in rows[1:]]
    if not header or header[0].lower() not in ("option", "options", "id", "選択肢", "案"):
        problems.append(
            Problem(
                fname,
                header_line,
                "column 1",
                f"first header cell is {header[0] if header else ''!r}",
                "'option' (the column of option ids)",
            )
        )
    by_id = {c.id: c for c in criteria} if criteria is not None else None
    scored = [c.id for c in criteria if c.source == "scores"] if criteria is not None else None
    columns: list[str] = []
    skipped: set[str] = set()
    for j, h in enumerate(header[1:], start=2):
        if not h:
            problems.append(
                Problem(fname, header_line, f"column {j}", "empty header cell", "a criterion id")
            )
        elif by_id is not None and h not in by_id and h in (declared or set()):
            # The criterion exists but is itself invalid (already reported): don't pile
            # cell errors on top of that problem.
            skipped.add(h)
        elif by_id is not None and h not in by_id:
            problems.append(
                Problem(
                    fname,
                    header_line,
                    f"column {j}",
                    f"unknown criterion {h!r}",
                    "a criterion id from criteria.yaml: " + ", ".join(by_id),
                )
            )
        elif by_id is not None and by_id[h].source != "scores":
            problems.append(
                Problem(
                    fname,
                    header_line,
                    f"column {j}",
                    f"criterion {h!r} is taken from the cost model ({by_id[h].source})",
                    "no column for it: its values are computed, so they cannot drift",
                )
            )
        elif h in columns:
            problems.append(
                Problem(
                    fname,
                    header_line,
                    f"column {j}",
                    f"duplicate column {h!r}",
                    "each criterion once",
                )
            )
        columns.append(h)
    if scored is not None:
        for cid in scored:
            if cid not in header[1:]:
                problems.append(
                    Problem(
                        fname,
                        header_line,
                        f"column {cid}",
                        f"criterion {cid!r} has no column of scores",
                        f"a column headed {cid!r}",
                    )
                )
    opt_ids = [o.id for o in options] if options is not None else None
    data: dict[str, list[float]] = {}
    raw: dict[str, list[str]] = {}
    seen_rows: dict[str, int] = {}
    for line, row in body:
        oid = row[0]
        if opt_ids is not None and oid not in opt_ids:
            problems.append(
                Problem(
                    fname,
                    line,
                    "column option",
                    f"unknown option {oid!r}",
                    "an option id from options.yaml: " + ", ".join(opt_ids),
                )
            )
            continue
        if oid in seen_rows:
            problems.append(
                Problem(
                    fname,
                    line,
                    f"row {oid}",
                    f"duplicate row for option {oid!r} (first on line {seen_rows[oid]})",
                    "one row per option",
                )
            )
            continue
        seen_rows[oid] = line
        values: list[float] = []
        cells: list[str] = []
        for h, cell in zip(header[1:], row[1:], strict=True):
            where = f"row {oid}, column {h}"
            crit = by_id.get(h) if by_id is not None else None
            if h in skipped:
                cells.append(cell)
                values.append(float("nan"))
                continue
            scale = crit.scale if crit is not None else "number"
            if scale == "pugh" and oid == pugh_baseline and cell in ("", "S", "s", "0"):
                cell = "S"
            cells.append(cell)
            if cell == "":
                if crit is None or crit.missing == "error":
                    problems.append(
                        Problem(
                            fname,
                            line,
                            where,
                            f"missing score for option {oid!r} on criterion {h!r}",
                            "a score (or, in criteria.yaml, missing: worst or missing: impute)",
                        )
                    )
                values.append(float("nan"))
                continue
            try:
                values.append(to_number(scale, cell, crit.mapping_dict if crit else None))
                if scale == "number" and not _PLAIN_NUMBER.match(cell):
                    notices.append(
                        f"{fname}:{line}: {where}: {cell!r} read as "
                        f"{values[-1]:g} (full-width digits or separators)"
                    )
                elif scale == "marks" and cell.strip() not in DEFAULT_MAPPINGS["marks"]:
                    # A look-alike (◯ U+25EF for ○, x for ×) is read as the mark, and said.
                    mark = canonical("marks", cell)
                    notices.append(f"{fname}:{line}: {where}: {cell!r} read as the mark {mark}")
            except ValueError as exc:
                expected = (
                    "a number"
                    if scale == "number"
                    else (f"a mark of the {scale} scale ({describe_mapping(scale)})")
                )
                problems.append(Problem(fname, line, where, f"score {exc}", expected))
                values.append(float("nan"))
        data[oid] = values
        raw[oid] = cells
    if opt_ids is not None:
        for oid in opt_ids:
            if oid not in seen_rows:
                problems.append(
                    Problem(
                        fname,
                        None,
                        f"row {oid}",
                        f"option {oid!r} has no row of scores",
                        f"a row starting with {oid!r}",
                    )
                )
    if pugh_baseline is not None and opt_ids is not None and pugh_baseline not in opt_ids:
        problems.append(
            Problem(
                SETTINGS_FILE,
                None,
                "comparison.pugh_baseline",
                f"unknown option {pugh_baseline!r}",
                "an option id",
            )
        )
    if (
        by_id is not None
        and pugh_baseline is None
        and any(c.scale == "pugh" for c in by_id.values())
    ):
        problems.append(
            Problem(
                SETTINGS_FILE,
                None,
                "comparison.pugh_baseline",
                "a pugh-scale criterion needs a baseline option",
                "comparison: {pugh_baseline: <option id>}",
            )
        )
    if len(problems) > n_before:
        return None
    frame = pd.DataFrame.from_dict(data, orient="index", columns=header[1:], dtype=float)
    cells_frame = pd.DataFrame.from_dict(raw, orient="index", columns=header[1:], dtype=object)
    for f_ in (frame, cells_frame):
        f_.index.name = "option"
        f_.columns.name = "criterion"
    if opt_ids is not None and scored is not None:
        frame = frame.loc[opt_ids, scored]
        cells_frame = cells_frame.loc[opt_ids, scored]
    return frame, cells_frame


_PLAIN_NUMBER = re.compile(r"^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$", re.ASCII)


def _read_ahp(
    root: Path,
    files: tuple[str, ...],
    criteria: list[Criterion] | None,
    accept: bool,
    problems: list[Problem],
    notices: list[str],
) -> tuple[pd.DataFrame, ...]:
    """Read pairwise-comparison tables (criteria × criteria; 3, 1/3 or 0.333 per cell)."""
    ahp = registry.HOOKS["ahp"]  # owned by compare/weights.py (archplan.registry)
    combine_judgements = registry.HOOKS["combine_judgements"]

    tables: list[pd.DataFrame] = []
    ids = [c.id for c in criteria] if criteria is not None else None
    for fname in files:
        text = _read_text(root, fname, problems, notices)
        if text is None:
            continue
        n_before = len(problems)
        rows = [
            (n + 1, [c.strip() for c in r])
            for n, r in enumerate(csv.reader(io.StringIO(text)))
            if any(r)
        ]
        if not rows:
            problems.append(
                Problem(fname, None, None, "file is empty", "a square table of pairwise judgements")
            )
            continue
        header = [h for h in rows[0][1][1:] if h]
        if ids is not None and sorted(header) != sorted(ids):
            problems.append(
                Problem(
                    fname,
                    rows[0][0],
                    "header",
                    f"columns {header} are not the criteria {ids}",
                    "one column per criterion, in criteria.yaml",
                )
            )
            continue
        values: dict[str, list[float]] = {}
        for line, row in rows[1:]:
            label = row[0]
            if label not in header:
                problems.append(
                    Problem(
                        fname, line, "column 1", f"unknown criterion {label!r}", "a criterion id"
                    )
                )
                continue
            vals: list[float] = []
            for h, cell in zip(header, row[1:], strict=False):
                try:
                    if "/" in cell:
                        a, b = cell.split("/", 1)
                        vals.append(float(a) / float(b))
                    else:
                        vals.append(float(cell))
                except (ValueError, ZeroDivisionError):
                    problems.append(
                        Problem(
                            fname,
                            line,
                            f"row {label}, column {h}",
                            f"{cell!r} is not a judgement",
                            "a number or a fraction such as 1/3",
                        )
                    )
                    vals.append(float("nan"))
            if len(vals) != len(header):
                problems.append(
                    Problem(
                        fname,
                        line,
                        f"row {label}",
                        f"{len(vals)} judgements for {len(header)} criteria",
                        "one judgement per column",
                    )
                )
            values[label] = vals
        if len(problems) > n_before:
            continue
        if sorted(values) != sorted(header):
            problems.append(
                Problem(
                    fname,
                    None,
                    "rows",
                    "the rows are not the criteria",
                    "one row per criterion, named as the columns",
                )
            )
            continue
        table = pd.DataFrame.from_dict(values, orient="index", columns=header).loc[header]
        try:
            ahp(table, accept_inconsistent=accept)
        except InputError as exc:
            problems.append(
                Problem(
                    fname,
                    None,
                    None,
                    str(exc),
                    "consistent, reciprocal pairwise judgements (CR ≤ 0.10)",
                )
            )
            continue
        tables.append(table.loc[ids, ids] if ids is not None else table)
    if len(tables) > 1 and len(tables) == len(files):
        try:
            ahp(combine_judgements(tables), accept_inconsistent=accept)
        except InputError as exc:
            problems.append(
                Problem(
                    SETTINGS_FILE,
                    None,
                    "comparison.ahp",
                    "the combined judgements: " + str(exc),
                    "consistent group judgements",
                )
            )
    return tuple(tables)


def _collect(root: Path) -> tuple[Workspace | None, list[Problem], list[str]]:
    from archplan.workspace.rules import (
        check_exchange_rates,
        check_sharing_option,
        items_outside_plan,
    )

    registry.ensure_loaded()
    problems: list[Problem] = []
    notices: list[str] = []
    if not root.is_dir():
        problems.append(
            Problem(
                str(root),
                None,
                None,
                "workspace folder not found",
                "a folder made by 'archplan new'",
            )
        )
        return None, problems, notices
    settings: Settings | None = None
    parties: tuple[Party, ...] = ()
    sdoc = _doc(root, SETTINGS_FILE, problems, notices)
    if sdoc is not None:
        settings, parties, found = read_settings(sdoc)
        problems.extend(found)
    options: list[Option] | None = None
    known: list[Option] | None = None  # for other files: options written, valid or not
    odoc = _doc(root, OPTIONS_FILE, problems, notices)
    if odoc is not None:
        options, written, found = read_options(odoc)
        problems.extend(found)
        valid = {o.id for o in options}
        known = options + [Option(i, i) for i in sorted(written - valid)]
    comparison = settings.comparison if settings else ComparisonSettings()
    criteria: list[Criterion] | None = None
    declared: set[str] = set()
    cdoc = _doc(root, CRITERIA_FILE, problems, notices)
    if cdoc is not None:
        weighting = comparison.weighting if settings else _weighting_written(sdoc)
        criteria, declared, found = read_criteria(cdoc, weighting)
        problems.extend(found)
    scores = scores_raw = None
    scores_text = _read_text(root, SCORES_FILE, problems, notices)
    if scores_text is not None:
        read = _read_scores(
            scores_text, known, criteria, problems, comparison.pugh_baseline, notices, declared
        )
        if read is not None:
            scores, scores_raw = read
    ahp_tables: tuple[pd.DataFrame, ...] = ()
    if comparison.weighting == "ahp":
        ahp_tables = _read_ahp(
            root, comparison.ahp_files, criteria, comparison.accept_inconsistent, problems, notices
        )
    assumptions: dict[str, Assumption] | None = None
    names: set[str] | None = None
    scenarios: dict[str, Any] = {}
    correlations: list[Correlation] = []
    adoc = _doc(root, ASSUMPTIONS_FILE, problems, notices)
    if adoc is not None:
        assumptions, amodel, names, found = read_assumptions(adoc)
        problems.extend(found)
        scenarios, correlations = _assumption_extras(adoc, amodel, assumptions, names, problems)
    if sdoc is not None and settings is not None and names is not None:
        check_exchange_rates(_File(SETTINGS_FILE, sdoc, problems), settings.exchange_rates, names)
    option_ids = {o.id for o in known} if known is not None else None
    if sdoc is not None and settings is not None and option_ids is not None:
        check_sharing_option(
            _File(SETTINGS_FILE, sdoc, problems), settings.sharing_option, option_ids
        )
    items: list[CostItem] = []
    contracts: list[Contract] = []
    risks: list[Risk] = []
    kdoc = _doc(root, COSTS_FILE, problems, notices)
    if kdoc is not None:
        items, contracts, risks, found = read_costs(kdoc, option_ids, names, settings)
        problems.extend(found)
        if settings is not None:
            notices.extend(items_outside_plan(COSTS_FILE, items, settings))
    decisions = registry.HOOKS["decisions"](root, problems, notices)
    # components.yaml (optional): what each option depends on and when its support ends.
    from archplan.workspace.components import COMPONENTS_FILE, read_components

    pf = _load_yaml_file(root, COMPONENTS_FILE, problems, notices, required=False)
    components, current_option = (
        read_components(pf, option_ids, items, notices, _declared_items(kdoc)) if pf else ([], None)
    )
    from archplan.actuals.reader import read_actuals  # actuals/ (plan vs actual)

    actuals = read_actuals(root, settings, known, items, decisions, problems, notices)
    if problems:
        return None, _by_file(problems), notices
    assert settings and options is not None and criteria is not None
    assert scores is not None and assumptions is not None
    from archplan.workspace.consistency import service_before_go_live

    notices.extend(service_before_go_live(options, items, settings))
    ws = Workspace(
        root=root,
        settings=settings,
        options=tuple(options),
        criteria=tuple(criteria),
        scores=scores,
        assumptions=assumptions,
        cost_items=tuple(items),
        decisions=tuple(decisions),
        notices=tuple(notices),
        scores_raw=scores_raw,
        ahp_tables=ahp_tables,
        contracts=tuple(contracts),
        scenarios=scenarios,
        parties=tuple(parties),
        risks=tuple(risks),
        correlations=tuple(correlations),
        components=tuple(components),
        current_option=current_option,
        actuals=actuals,
    )
    return ws, problems, notices


def _by_file(problems: list[Problem]) -> list[Problem]:
    """Problems file by file (in reading order), each file's in line order."""
    order: dict[str, int] = {}
    for p in problems:
        order.setdefault(p.file, len(order))
    return sorted(problems, key=lambda p: (order[p.file], p.line or 0))


def _declared_items(doc: YamlDoc | None) -> set[str]:
    """Item ids written in costs.yaml, valid or not (to avoid cascading problems)."""
    data = doc.data if doc is not None else None
    raw = data.get("items") if isinstance(data, dict) else None
    entries = raw if isinstance(raw, list) else []  # a number or text there is a problem
    return {str(m["id"]).strip() for m in entries if isinstance(m, dict) and "id" in m}


def check_workspace(path: str | Path) -> tuple[list[Problem], list[str]]:
    """Validate a workspace and return ``(problems, notices)`` without raising.

    Notices are things read correctly but worth saying (a Shift_JIS CSV, a byte-order
    mark, an item outside the plan's years).

    Examples
    --------
    >>> problems, notices = check_workspace("data/examples/food-lab")
    >>> problems
    []
    """
    _, problems, notices = _collect(Path(path))
    return problems, notices


def load_workspace(path: str | Path) -> Workspace:
    """Read and validate a workspace folder.

    Parameters
    ----------
    path : str or Path
        The workspace folder (containing ``archplan.yaml``).

    Returns
    -------
    Workspace

    Raises
    ------
    WorkspaceError
        Listing every problem found, each with file, line or field, and expectation.

    Examples
    --------
    >>> ws = load_workspace("data/examples/food-lab")
    >>> [o.id for o in ws.options]
    ['saas', 'gov-cloud', 'onprem', 'overseas-saas']
    """
    root = Path(path)
    ws, problems, _ = _collect(root)
    if ws is None:
        from archplan.workspace.language import workspace_language

        raise WorkspaceError(problems, root=str(root), language=workspace_language(root))
    return ws
