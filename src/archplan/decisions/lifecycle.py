"""The decision log's lifecycle: new records, status changes, supersession, checks, index.

Every change is a targeted edit: a new record is a new file (never written over an
existing one), and a status change or supersession rewrites only the status line of the
old record — every other byte stays as it was. Writes go through a temporary file and a
rename, so an interruption leaves the old file intact.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pandas as pd

from archplan.decisions.records import (
    JA_STATUS_WORDS,
    KNOWN_STATUSES,
    REQUIRED_SECTIONS,
    _is_japanese,
    file_number,
    heading_names,
    localised_notes,
    normalise_status,
    read_folder,
    with_status_line,
)
from archplan.decisions.triggers import Evaluation, TriggerContext, evaluate_trigger
from archplan.errors import ArchplanError, InputError, Problem, TargetExistsError
from archplan.fileio import write_atomic
from archplan.messages import Localized, msg
from archplan.workspace.loader import DECISIONS_DIR
from archplan.workspace.model import DecisionRecord, Workspace

__all__ = [
    "LogCheck",
    "check_log",
    "decision_log",
    "evaluate_record",
    "new_record",
    "set_status",
    "slugify",
    "supersede",
    "write_index",
]

# Links to record files: "0002-x.md", "036-x.md", "adr-001-x.md", "20200928-x.md".
_RECORD_LINK = re.compile(r"\]\((?:\./)?((?:adr[-_]?)?\d{3,8}[-_][^)\s#]*\.md)", re.I)

INDEX_MARK = "<!-- archplan: generated index; edit the records, not this file -->"


def _unaccent(c: str) -> str:
    """A Latin letter without its accents; any other character (が, 検) unchanged."""
    d = unicodedata.normalize("NFKD", c)
    if d[:1].isascii() and all(unicodedata.combining(x) for x in d[1:]):
        return d[:1]
    return c


def slugify(title: str) -> str:
    """A file-name slug: the title's letters and digits (any script) joined by dashes
    (``decision`` when a title has none).

    Examples
    --------
    >>> slugify("Use SaaS for the Lab (2026)"), slugify("検査情報システムの方式")
    ('use-saas-for-the-lab-2026', '検査情報システムの方式')
    >>> slugify("ＳａａＳ利用の判断（２０２６年度）"), slugify("Café déjà vu"), slugify("!!!")
    ('saas利用の判断-2026年度', 'cafe-deja-vu', 'decision')
    >>> slugify("ガバメントクラウドへの移行")
    'ガバメントクラウドへの移行'
    >>> slugify("Replace the permit system with a low-code build on the existing cloud tenant")
    'replace-the-permit-system-with-a-low-code-build-on-the'
    """
    # NFKC folds full-width letters and digits; letters of any script are kept, so a
    # Japanese title gives a readable name. Latin accents are dropped (café → cafe).
    text = "".join(_unaccent(c) for c in unicodedata.normalize("NFKC", title))
    slug = re.sub(r"[\W_]+", "-", text.lower()).strip("-")
    if len(slug) > 60:
        # Cut at a word boundary where there is one (a Japanese title may have none).
        cut = slug[:61].rfind("-")
        slug = slug[:cut] if cut > 20 else slug[:60]
    return slug.rstrip("-") or "decision"


def _folder(ws: Workspace) -> Path:
    return ws.root / DECISIONS_DIR


def _records(ws: Workspace) -> list[DecisionRecord]:
    folder = _folder(ws)
    if not folder.is_dir():
        return []
    records, _, problems = read_folder(folder)
    if problems:
        raise ArchplanError(
            "cannot read the decision log:\n" + "\n".join(f"  {p}" for p in problems)
        )
    return records


def _find(ws: Workspace, number: int) -> DecisionRecord:
    matches = [r for r in _records(ws) if r.number == number]
    if not matches:
        raise InputError(Localized("jt_err_no_record", number=number, folder=_folder(ws)))
    if len(matches) > 1:
        raise InputError(
            Localized(
                "jt_err_number_shared",
                number=number,
                files=", ".join(r.path.name for r in matches),
            )
        )
    return matches[0]


_HEADINGS = {
    "en": (
        "Context and Problem Statement",
        "Decision Drivers",
        "Considered Options",
        "Decision Outcome",
        "Consequences",
        "Confirmation",
        "Pros and Cons of the Options",
        "More Information",
    ),
    "ja": (
        "背景と課題",
        "判断の要因",
        "検討した選択肢",
        "決定事項",
        "影響",
        "確認方法",
        "各選択肢の長所と短所",
        "補足情報",
    ),
}


def _plain(value: object) -> str:
    """A number as people write it and YAML reads it back: never ``1E-7`` (which YAML
    reads as text) nor ``2.5E+13``.

    Examples
    --------
    >>> from decimal import Decimal
    >>> _plain(Decimal("1E-7")), _plain(Decimal("2.5E+13")), _plain(Decimal("151.37"))
    ('0.0000001', '25000000000000', '151.37')
    >>> _plain(45)
    '45'
    """
    return format(Decimal(str(value)), "f")


def _template(ws: Workspace, number: int, title: str, today: date, supersedes: int | None) -> str:
    """A MADR 4 record pre-filled from the workspace: options, ranking, costs."""
    from archplan.compare import rank_options

    lang = ws.settings.language
    h = _HEADINGS["ja" if lang == "ja" else "en"]
    ranking = rank_options(ws)
    first = str(ranking.index[0]) if len(ranking) else None
    # Every assumption the chosen option's costs use (tier prices, percent-of rates,
    # exchange rates included); all options' when none ranks first.
    from archplan.decisions.citations import assumptions_used, literal_rates

    used = assumptions_used(ws, first)
    rates = literal_rates(ws, first)
    lines = [
        "---",
        "status: proposed",
        f"date: {today.isoformat()}",
        'decision-makers: ""',
        'consulted: ""',
        'informed: ""',
        "archplan:",
        "  options: [" + ", ".join(o.id for o in ws.options) + "]",
        f"  chosen: {first or 'null'}",
        "  assumptions:",
    ]
    lines += [f"    {name}: {_plain(ws.assumptions[name].value)}" for name in used] or ["    {}"]
    if lines[-1] == "    {}":
        lines[-2] = "  assumptions: {}"
        lines.pop()
    # Percent-of rates written as numbers in costs.yaml are not in the register: said
    # as comments, so the record still states every rate the costs rest on.
    lines += [
        f"    # {msg('adr_literal_rate', lang, item=item, rate=_plain(rate))}"
        for item, rate in rates
    ]
    lines += [
        f"  review-by: {(today + timedelta(days=365)).isoformat()}",
        "  triggers:",
        "    - another option ranks first",
    ]
    if supersedes is not None:
        lines += ["  links:", f"    supersedes: [{supersedes}]"]
    lines += [
        "---",
        f"# {title}",
        "",
        f"## {h[0]}",
        "",
        msg("tpl_context_hint", lang),
        "",
        f"## {h[1]}",
        "",
        "* …",
        "",
        f"## {h[2]}",
        "",
    ]
    # A knocked-out option is still a considered option, marked with the reason.
    from archplan.report.figures import knocked_out

    reasons = knocked_out(ws)
    for o in ws.options:
        line = f"* {o.name}（{o.id}）" if lang == "ja" else f"* {o.name} ({o.id})"
        if o.id in reasons:
            line += msg("rep_knocked_out_paren", lang, reason=reasons[o.id])
        lines.append(line)
    lines += ["", f"## {h[3]}", ""]
    names = {str(k): str(v) for k, v in ranking["name"].items()}
    # In the workspace's display unit, the figures every document shows (budget_view).
    totals, unit = shown_totals_and_unit(ws)
    if first:
        lines.append(msg("tpl_chosen", lang, name=names[first]))
    lines += ["", msg("dfx_adr_table_head", lang, unit=unit), "|---|---|---|---|"]
    for opt_id, r in ranking.iterrows():
        key = str(opt_id)
        lines.append(f"| {r['rank']} | {names[key]} | {r['score']:.3f} | {totals[key]:,} |")
    lines += [
        "",
        f"### {h[4]}",
        "",
        msg("tpl_good", lang),
        msg("tpl_bad", lang),
        "",
        f"### {h[5]}",
        "",
        "…",
        "",
        f"## {h[6]}",
        "",
    ]
    for o in ws.options:
        lines += [f"### {o.name}", "", msg("tpl_good", lang), msg("tpl_bad", lang), ""]
    lines += [
        f"## {h[7]}",
        "",
        msg("tpl_generated", lang, title=ws.settings.title, date=today.isoformat()),
        "",
    ]
    return "\n".join(lines)


def shown_totals_and_unit(ws: Workspace) -> tuple[dict[str, int], str]:
    """Each option's total in the workspace's display unit, as the budget table shows it
    (half-up, ``costs.budget_view``), and the unit's name in the workspace language.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> totals, unit = shown_totals_and_unit(load_workspace("data/examples/food-lab"))
    >>> unit, totals["saas"] > 0
    ('千円', True)
    """
    from archplan.costs import budget_view
    from archplan.money import TOTAL

    unit = msg("lbl_unit_" + ws.settings.display_unit, ws.settings.language)
    totals = {str(k): int(v) for k, v in budget_view(ws)[TOTAL].items()}
    return totals, unit


def _number_prefix(records: list[DecisionRecord], number: int) -> str:
    """``0004-``, or the log's own convention (``adr-007-``, ``012-``) taken from the
    file name of its highest-numbered record."""
    named = [r for r in records if r.number_source == "file"]
    if named:
        last = max(named, key=lambda r: r.number).path.name
        m = re.match(r"^((?:adr[-_ ]?)?)(\d{1,5})([-_ ])", last, re.I)
        if m:
            return f"{m.group(1)}{number:0{len(m.group(2))}d}{m.group(3)}"
    return f"{number:04d}-"


def new_record(
    ws: Workspace, title: str, *, today: date | None = None, supersedes: int | None = None
) -> Path:
    """Create the next decision record from the MADR template, pre-filled from the
    workspace; never overwrites a file.

    Examples
    --------
    >>> import shutil, tempfile
    >>> from archplan import load_workspace
    >>> d = tempfile.mkdtemp() + "/ws"
    >>> _ = shutil.copytree("data/examples/food-lab", d)
    >>> new_record(load_workspace(d), "Add a data-export clause").name
    '0004-add-a-data-export-clause.md'
    """
    if not title.strip():
        raise InputError(Localized("jt_err_needs_title"))
    folder = _folder(ws)
    folder.mkdir(exist_ok=True)
    records = _records(ws)
    number = max((r.number for r in records), default=0) + 1
    path = folder / f"{_number_prefix(records, number)}{slugify(title)}.md"
    text = _template(ws, number, title.strip(), today or date.today(), supersedes)
    try:
        with path.open("x", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    except FileExistsError:
        raise TargetExistsError(Localized("jt_err_record_exists", path=path)) from None
    return path


def set_status(ws: Workspace, number: int, status: str) -> Path:
    """Change a record's status, editing only its status line.

    Raises
    ------
    InputError
        For an unknown status, or a record with no status line to edit.
    """
    low = status.strip().lower()
    # Any word the reader understands (承認, 提案, 却下, 廃止, 置換, 採用, approved, …).
    word = normalise_status(status.strip())
    if word not in KNOWN_STATUSES and not low.startswith("superseded by"):
        known = list(KNOWN_STATUSES)
        if ws.settings.language == "ja":
            known += [JA_STATUS_WORDS[k] for k in KNOWN_STATUSES]
        raise InputError(
            Localized("jt_err_unknown_status", status=repr(status), known=", ".join(known))
        )
    record = _find(ws, number)
    new = word  # in the record's own language (with_status_line: 承認 in a Japanese one)
    if low in KNOWN_STATUSES or low.startswith("superseded by"):
        new = status.strip()
    elif _is_japanese(status) and _is_japanese(record.status_raw):
        new = status.strip()  # a Japanese word in a Japanese record: as the user wrote it
    elif word == "superseded" and (link := re.search(r"\[[^\]]*\]\([^)]*\)", status)):
        new = f"superseded by {link.group(0)}"  # 置換（[ADR-0007](…)） in an English record
    try:
        text = with_status_line(record, new)
    except ValueError:
        raise InputError(Localized("jt_err_no_status_line", name=record.path.name)) from None
    write_atomic(record.path, text)
    return record.path


def supersede(
    ws: Workspace, number: int, title: str, *, today: date | None = None
) -> tuple[Path, Path]:
    """Create a record that supersedes record ``number``, and mark the old one
    ``superseded by [NNNN](file)`` (its status line only). Returns (new, old)."""
    old = _find(ws, number)
    if old.status == "superseded":
        raise InputError(
            Localized("jt_err_already_superseded", number=number, status=old.status_raw)
        )
    if old.status_line is None:
        raise InputError(Localized("jt_err_no_status_to_supersede", name=old.path.name))
    new = new_record(ws, title, today=today, supersedes=number)
    new_number = file_number(new.name)[0] or 0
    link = f"superseded by [ADR-{new_number:04d}]({new.name})"
    if _is_japanese(old.status_raw):  # a Japanese record keeps its language: 置換（…）
        link = f"置換（[ADR-{new_number:04d}]({new.name})）"
    write_atomic(old.path, with_status_line(old, link))
    return new, old.path


def evaluate_record(
    record: DecisionRecord, ctx: TriggerContext, today: date | None = None
) -> tuple[list[Evaluation], list[Problem]]:
    """Evaluate a record's triggers; problems for those that cannot be evaluated."""
    out: list[Evaluation] = []
    problems: list[Problem] = []
    rel = _rel(record)
    if today is not None and getattr(ctx, "as_of", None) is None:
        ctx.as_of = today  # time triggers (days until …) count from the same day
    for text, line in record.triggers:
        try:
            out.append(evaluate_trigger(text, record, ctx, line))
        except ArchplanError as exc:
            problems.append(
                Problem(
                    rel,
                    line or None,
                    "archplan.triggers",
                    str(exc),
                    "a condition archplan understands (docs/decisions.md)",
                )
            )
    return out, problems


@dataclass
class LogCheck:
    """The result of checking the decision log."""

    problems: list[Problem]
    warnings: list[Problem]  # stale records and firing triggers: to act on, not errors
    evaluations: dict[int, list[Evaluation]]
    #: What the check could not do, said plainly (e.g. no git history to compare with).
    notes: list[str] = field(default_factory=list)

    @property
    def clean(self) -> bool:
        return not self.problems and not self.warnings


#: Headings only MADR uses: a record with none of them is written in Nygard's sections.
_MADR_HEADINGS = frozenset(
    {
        "context and problem statement",
        "considered options",
        "decision outcome",
        "decision drivers",
        "pros and cons of the options",
        "背景と課題",
        "検討した選択肢",
        "決定事項",
    }
)


def check_log(ws: Workspace, today: date | None = None) -> LogCheck:
    """Check the decision log: links, numbers, cycles, statuses, sections, references,
    review dates and triggers, each with file and line."""
    today = today or date.today()
    records = _records(ws)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    by_number: dict[int, list[DecisionRecord]] = {}
    for r in records:
        by_number.setdefault(r.number, []).append(r)
    for n, rs in by_number.items():
        if len(rs) > 1:
            for r in rs[1:]:
                problems.append(
                    Problem(
                        _rel(r),
                        1,
                        "number",
                        f"record number {n} is also used by {rs[0].path.name}",
                        "a unique number per record",
                    )
                )
    options = {o.id for o in ws.options}
    evaluations: dict[int, list[Evaluation]] = {}
    ctx = TriggerContext(ws)
    for r in records:
        rel = _rel(r)
        if not r.known_status and r.status_raw.strip():  # no status at all: "unknown"
            problems.append(
                Problem(
                    rel,
                    r.status_line,
                    "status",
                    f"unknown status {r.status_raw or '(none)'!r}",
                    "proposed, accepted, rejected, deprecated or superseded by …",
                )
            )
        for line, note in localised_notes(r, ws.settings.language):
            warnings.append(Problem(rel, line, "date", note, "YYYY-MM-DD"))
        headings = {n for h, _ in r.sections for n in heading_names(h)}
        for key, names in REQUIRED_SECTIONS.items():
            # Nygard-style records (status in a section, a line or a table, or none)
            # have no "Considered Options" section; nor do records with front matter or
            # bullets whose sections are Nygard's (Context, Decision, Consequences).
            nygard = r.format not in ("madr4", "madr2") or not headings & _MADR_HEADINGS
            if (not headings & set(names) and not nygard) or (
                nygard and key != "options" and not headings & set(names)
            ):
                problems.append(
                    Problem(
                        rel,
                        None,
                        "sections",
                        f"no '{names[0].title()}' section",
                        "the MADR sections: "
                        + ", ".join(n[0].title() for n in REQUIRED_SECTIONS.values()),
                        field_text=Localized("jt_fld_sections"),
                    )
                )
        for relation, target in r.links:
            if target not in by_number:
                problems.append(
                    Problem(
                        rel,
                        r.status_line or r.meta_lines.get("links"),
                        "links",
                        f"{relation} {target}: no record {target}",
                        "the number of an existing record",
                    )
                )
        for m in re.finditer(_RECORD_LINK, r.raw):
            if not (r.path.parent / m.group(1)).exists():
                line = r.raw.count("\n", 0, m.start()) + 1
                problems.append(
                    Problem(
                        rel,
                        line,
                        "links",
                        f"broken link to {m.group(1)}",
                        "a file in the decisions folder",
                    )
                )
        for o in r.options:
            if o not in options:
                problems.append(
                    Problem(
                        rel,
                        r.meta_lines.get("options"),
                        "archplan.options",
                        f"option {o!r} no longer exists in the workspace",
                        "ids from options.yaml: " + ", ".join(sorted(options)),
                    )
                )
        if r.chosen and r.chosen not in options and r.chosen in r.options:
            # The record's own option, gone from options.yaml since.
            problems.append(
                Problem(
                    rel,
                    r.meta_lines.get("chosen"),
                    "archplan.chosen",
                    f"option {r.chosen!r} no longer exists in the workspace",
                    "ids from options.yaml: " + ", ".join(sorted(options)),
                )
            )
        elif r.chosen and r.chosen not in options:
            near = difflib.get_close_matches(r.chosen, sorted(options), n=3, cutoff=0.5)
            problems.append(
                Problem(
                    rel,
                    r.meta_lines.get("chosen"),
                    "archplan.chosen",
                    f"unknown option {r.chosen!r}; nearest: {', '.join(near)}"
                    if near
                    else f"unknown option {r.chosen!r}",
                    "ids from options.yaml: " + ", ".join(sorted(options)),
                )
            )
        for name, _ in r.assumptions:
            if name not in ws.assumptions:
                problems.append(
                    Problem(
                        rel,
                        r.meta_lines.get(f"assumptions.{name}", r.meta_lines.get("assumptions")),
                        "archplan.assumptions",
                        f"assumption {name!r} no longer exists",
                        "names from assumptions.yaml",
                    )
                )
        if r.status in ("superseded", "rejected", "deprecated"):
            continue  # a closed decision is not revisited
        if r.review_by is not None and r.review_by < today:
            warnings.append(
                Problem(
                    rel,
                    r.meta_lines.get("review-by"),
                    "archplan.review-by",
                    f"review was due on {r.review_by.isoformat()}",
                    "a review, then a new review-by date",
                )
            )
        evals, bad = evaluate_record(r, ctx, today)
        problems.extend(bad)
        evaluations[r.number] = evals
        for e in evals:
            if e.fired:
                warnings.append(
                    Problem(
                        rel,
                        e.line or None,
                        "archplan.triggers",
                        f"trigger fires: {e.text} — {e.because}",
                        "the decision to be revisited",
                    )
                )
    problems.extend(_cycles(records))
    # What we believed then: each record's own "then" values against the register's
    # history in git (when the workspace is in a repository).
    from archplan.decisions.history import history_warnings, register_history

    history = register_history(ws.root, ws.settings.language)
    warnings.extend(history_warnings(ws, records, history))
    notes = [history.reason] if history.reason else []
    notes += [str(p) for p in history.notes]
    return LogCheck(problems, warnings, evaluations, notes)


def _rel(r: DecisionRecord) -> str:
    return f"{DECISIONS_DIR}/{_inside(r)}"


def _inside(r: DecisionRecord) -> str:
    """The record's path inside ``decisions/`` (records may live in nested folders)."""
    parts = r.path.parts
    if DECISIONS_DIR in parts:
        k = len(parts) - 1 - parts[::-1].index(DECISIONS_DIR)
        return "/".join(parts[k + 1 :])
    return r.path.name


def _cycles(records: list[DecisionRecord]) -> list[Problem]:
    graph: dict[int, set[int]] = {}
    for r in records:
        for relation, target in r.links:
            if relation == "supersedes":
                graph.setdefault(r.number, set()).add(target)
            elif relation == "superseded-by":
                graph.setdefault(target, set()).add(r.number)
    out: list[Problem] = []
    seen_cycles: set[frozenset[int]] = set()

    def visit(n: int, path: list[int]) -> None:
        for m in sorted(graph.get(n, ())):
            if m in path:
                cycle = [*path[path.index(m) :], m]
                key = frozenset(cycle)
                if key not in seen_cycles:
                    seen_cycles.add(key)
                    rec = next((r for r in records if r.number == m), None)
                    out.append(
                        Problem(
                            _rel(rec) if rec else DECISIONS_DIR,
                            rec.status_line if rec else None,
                            "links",
                            "supersede chain forms a cycle: " + " → ".join(str(x) for x in cycle),
                            "a chain that ends at the current decision",
                        )
                    )
            elif len(path) < 200:
                visit(m, [*path, m])

    for n in sorted(graph):
        visit(n, [n])
    return out


def decision_log(ws: Workspace, today: date | None = None) -> pd.DataFrame:
    """The log as a DataFrame: number, title, status, date, review-by, triggered.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> log = decision_log(load_workspace("data/examples/food-lab"))
    >>> log.columns.tolist()
    ['title', 'status', 'date', 'review_by', 'triggered', 'file']
    """
    today = today or date.today()
    ctx = TriggerContext(ws)
    rows = []
    for r in _records(ws):
        evals, _ = (
            evaluate_record(r, ctx, today)
            if r.status not in ("superseded", "rejected", "deprecated")
            else ([], [])
        )
        fired = [e.text for e in evals if e.fired]
        overdue = (
            r.review_by is not None
            and r.review_by < today
            and r.status not in ("superseded", "rejected", "deprecated")
        )
        rows.append(
            {
                "number": r.number,
                "title": r.title,
                "status": r.status,
                "date": r.date,
                "review_by": r.review_by,
                "triggered": bool(fired) or overdue,
                "file": r.path.name,
            }
        )
    return pd.DataFrame(
        rows, columns=["number", "title", "status", "date", "review_by", "triggered", "file"]
    ).set_index("number")


def write_index(ws: Workspace, *, force: bool = False) -> Path:
    """Write ``decisions/index.md``: records by status, and the supersede/relates graph as
    a Mermaid diagram. Replaces only an index archplan wrote (or with ``force``)."""
    path = _folder(ws) / "index.md"
    if path.exists() and not force and INDEX_MARK not in path.read_text("utf-8"):
        raise TargetExistsError(Localized("jt_err_index_not_ours", path=path))
    records = sorted(_records(ws), key=lambda r: r.number)
    lines = [INDEX_MARK, f"# Decision log — {ws.settings.title}", ""]
    for status in (*KNOWN_STATUSES, "other"):
        group = [
            r
            for r in records
            if (r.status == status) or (status == "other" and r.status not in KNOWN_STATUSES)
        ]
        if not group:
            continue
        lines += [
            f"## {status.title()}",
            "",
            "| No. | Title | Date | Review by |",
            "|---|---|---|---|",
        ]
        for r in group:
            title = r.title.replace("|", "\\|")
            lines.append(
                f"| {r.number:04d} | [{title}]({_inside(r)}) | "
                f"{r.date or ''} | {r.review_by or ''} |"
            )
        lines.append("")
    lines += ["## Links", "", "```mermaid", "graph LR"]
    for r in records:
        label = r.title.replace('"', "'")
        lines.append(f'  R{r.number}["{r.number:04d} {label}"]')
    arrows = {
        "supersedes": "-->|supersedes|",
        "amends": "-.->|amends|",
        "relates-to": "---|relates to|",
    }
    done: set[tuple[int, str, int]] = set()
    for r in records:
        for relation, target in r.links:
            a, rel, b = r.number, relation, target
            if relation == "superseded-by":
                a, rel, b = target, "supersedes", r.number
            elif relation == "amended-by":
                a, rel, b = target, "amends", r.number
            if (a, rel, b) in done or rel not in arrows:
                continue
            done.add((a, rel, b))
            lines.append(f"  R{a} {arrows[rel]} R{b}")
    lines += ["```", ""]
    write_atomic(path, "\n".join(lines))
    return path
