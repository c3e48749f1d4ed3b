"""The report registry: every section of every document, declared once.

A :class:`Section` says what a section is called in the notebook (``key``), the anchor
and catalogue label of its entry in the contents, which documents it belongs to and where
(``documents={"report": 70, "handover": 90}``), whether a workspace has it
(``present(analysis)``) and how it is drawn (``render(analysis)``, an HTML fragment or a
chart). From this one declaration come:

* the notebook each document executes (:func:`notebook_cells`): a setup cell, then one
  readable cell per section, ``show("budget")``;
* the contents box of the report and of the handover pack (:func:`contents`): the sections
  a workspace has, in order, each with its link;
* the in-process rendering of a whole document (:func:`render_document`).

Every section of a build receives the same :class:`~archplan.report.analysis.Analysis`,
so the problem, the ranking, the budget views and the simulation are computed once.
A new section is one module that calls :func:`register_section` (and its test); see
docs/extending.md, "Adding a report section".
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from archplan.errors import InputError
from archplan.report.analysis import Analysis, analysis_of

__all__ = [
    "DOCUMENTS",
    "SECTIONS",
    "DocumentSession",
    "Section",
    "contents",
    "notebook_cells",
    "open_document",
    "register_section",
    "registered",
    "render_document",
    "sections",
    "show",
    "text",
    "unregister_section",
]

#: The documents a section can belong to.
DOCUMENTS = ("report", "handover")


def _always(_a: Analysis) -> bool:
    return True


@dataclass(frozen=True)
class Section:
    """One section of the documents, declared once.

    Parameters
    ----------
    key : str
        Its name in the notebook: ``show(key)``.
    render : callable
        ``render(analysis)`` → what the cell displays (a ``Fragment`` of HTML or a chart).
    documents : mapping
        Document (``"report"``, ``"handover"``) → position in it; sections are shown by
        increasing position (the built-in ones are at multiples of 10).
    anchor, label : str, optional
        The ``id`` of the section's heading and the catalogue key (``lbl_…`` label or
        message) of its entry in the contents; a section without them (a chart under
        another section's heading) has no entry of its own.
    present : callable
        ``present(analysis)`` → whether the workspace has this section; one that is not
        present is left out of the document and of its contents.
    headings : callable, optional
        ``headings(analysis)`` → the ``(anchor, text)`` contents entries of a section
        with several headings; by default the one entry ``anchor``/``label``.
    """

    key: str
    render: Callable[[Analysis], object]
    documents: Mapping[str, float]
    anchor: str | None = None
    label: str | None = None
    present: Callable[[Analysis], bool] = _always
    headings: Callable[[Analysis], list[tuple[str, str]]] | None = None
    builtin: bool = field(default=False, repr=False)

    @property
    def module(self) -> str:
        """The module that defines ``render`` (the report notebook imports it)."""
        return str(getattr(self.render, "__module__", "") or "")

    def entries(self, analysis: Analysis) -> list[tuple[str, str]]:
        """Its contents entries for this workspace (none when it is not present)."""
        if not self.present(analysis):
            return []
        if self.headings is not None:
            return self.headings(analysis)
        if self.anchor and self.label:
            return [(self.anchor, text(self.label, analysis.language))]
        return []


#: Every registered section by key (built-in ones first).
SECTIONS: dict[str, Section] = {}


def text(key: str, language: str) -> str:
    """A catalogue entry by key: the label ``lbl_<key>`` if there is one, else the
    message ``key`` itself.

    Examples
    --------
    >>> text("budget", "en"), text("tim_title", "ja")
    ('Budget by fiscal year', 'タイミング：いつまでに何をするか')
    """
    from archplan.messages import MESSAGES, msg
    from archplan.report.i18n import label

    return label(key, language) if "lbl_" + key in MESSAGES else msg(key, language)


def register_section(section: Section) -> Section:
    """Add a section to the documents it names.

    Raises
    ------
    InputError
        If another section has the key, or a document is not one of :data:`DOCUMENTS`.

    Examples
    --------
    >>> from archplan.report.sections import Fragment
    >>> def note(a):
    ...     return Fragment('<h2 id="note">Note</h2>')
    >>> s = register_section(Section("note", note, {"report": 75}, "note", "note"))
    >>> [x.key for x in sections("report")][6:9]
    ['budget', 'note', 'cost_tables']
    >>> unregister_section("note")
    """
    if not section.key.isidentifier():
        raise InputError(f"a section's key must be a name (letters, digits, _): {section.key!r}")
    if section.key in SECTIONS:
        raise InputError(f"a section {section.key!r} is already registered")
    unknown = set(section.documents) - set(DOCUMENTS)
    if unknown or not section.documents:
        raise InputError(
            f"section {section.key!r}: documents must be some of {', '.join(DOCUMENTS)},"
            f" not {sorted(unknown) or 'none'}"
        )
    SECTIONS[section.key] = section
    return section


def unregister_section(key: str) -> None:
    """Remove a section added with :func:`register_section` (see its example)."""
    section = SECTIONS.get(key)
    if section is None or section.builtin:
        raise InputError(f"{key!r} is not a registered extension section")
    del SECTIONS[key]


@contextmanager
def registered(section: Section) -> Iterator[Section]:
    """Register ``section`` for the duration of a ``with`` block (tests, notebooks).

    Examples
    --------
    >>> from archplan.report.sections import Fragment
    >>> with registered(Section("extra", lambda a: Fragment(""), {"handover": 5})):
    ...     sections("handover")[0].key
    'extra'
    >>> sections("handover")[0].key
    'handover_title'
    """
    register_section(section)
    try:
        yield section
    finally:
        SECTIONS.pop(section.key, None)


def sections(document: str) -> list[Section]:
    """The sections of ``document`` in the order they are shown.

    Examples
    --------
    >>> [s.key for s in sections("handover")][:3]
    ['handover_title', 'decided', 'comparison']
    """
    if document not in DOCUMENTS:
        raise InputError(f"unknown document {document!r}; expected one of {', '.join(DOCUMENTS)}")
    found = [s for s in SECTIONS.values() if document in s.documents]
    return sorted(found, key=lambda s: s.documents[document])


def contents(analysis: Analysis | Any, document: str) -> list[tuple[str, str]]:
    """The ``(anchor, text)`` contents entries of ``document`` for a workspace: one for
    each heading of each section it has, in order.

    Examples
    --------
    >>> from archplan import load_workspace
    >>> [a for a, _ in contents(load_workspace("data/examples/food-lab"), "report")][:4]
    ['summary', 'options', 'comparison', 'sensitivity']
    """
    a = analysis_of(analysis)
    return [entry for s in sections(document) for entry in s.entries(a)]


def show(key: str, analysis: Analysis | Any) -> object:
    """What the section ``key`` displays for a workspace (None when it has no such
    section)."""
    section = SECTIONS.get(key)
    if section is None:
        raise InputError(f"unknown report section {key!r}; known: {', '.join(SECTIONS)}")
    a = analysis_of(analysis)
    return section.render(a) if section.present(a) else None


def render_document(analysis: Analysis | Any, document: str) -> list[tuple[str, object]]:
    """Every section of ``document`` rendered in this process, as ``(key, output)``
    (sections the workspace does not have are left out)."""
    a = analysis_of(analysis)
    return [(s.key, s.render(a)) for s in sections(document) if s.present(a)]


class DocumentSession:
    """The notebook's side of a build: the workspace loaded once, its one analysis, and
    ``show(key)`` for each cell."""

    def __init__(self, workspace: str | Path, document: str) -> None:
        from archplan.workspace import load_workspace

        sections(document)  # a clear error for an unknown document
        self.document = document
        self.analysis = analysis_of(load_workspace(workspace))

    def __call__(self, key: str) -> object:
        return show(key, self.analysis)


def open_document(workspace: str | Path, document: str = "report") -> DocumentSession:
    """Load a workspace for a document's notebook; the result is its ``show``.

    Examples
    --------
    >>> show = open_document("data/examples/food-lab", "report")
    >>> show("options")[:20]
    '<h2 id="options">選択肢'
    """
    return DocumentSession(workspace, document)


def notebook_cells(document: str) -> list[str]:
    """The code of the document's notebook after its ``parameters`` cell: a setup cell,
    then ``show("key")`` for each section, in order.

    Examples
    --------
    >>> cells = notebook_cells("report")
    >>> print(cells[0])
    from archplan.report.registry import open_document
    show = open_document(workspace, "report")
    >>> cells[1:3]
    ['show("title")', 'show("options")']
    """
    chosen = sections(document)
    modules = sorted({s.module for s in chosen if not s.builtin})
    for m in modules:
        if not m or m == "__main__":
            raise InputError(
                "a report section defined in __main__ cannot be imported by the report's"
                " kernel: define it in a module (see docs/extending.md)"
            )
    setup = ["from archplan.report.registry import open_document"]
    setup += [f"import {m}" for m in modules]
    setup.append(f'show = open_document(workspace, "{document}")')
    return ["\n".join(setup), *(f'show("{s.key}")' for s in chosen)]


# -- the built-in sections ---------------------------------------------------------------
# Each render imports its module when called: importing the registry stays cheap.


def _title(a: Analysis) -> object:
    from archplan.report.sections import title_section

    return title_section(a.ws)


def _title_headings(a: Analysis) -> list[tuple[str, str]]:
    out = [("summary", text("summary", a.language))]
    if a.ws.notices:
        out.append(("notices", text("notices", a.language)))
    return out


def _options(a: Analysis) -> object:
    from archplan.report.sections import options_section

    return options_section(a.ws)


def _comparison(a: Analysis) -> object:
    from archplan.report.comparison import comparison_section

    return comparison_section(a.ws)


def _sensitivity(a: Analysis) -> object:
    from archplan.report.comparison import sensitivity_section

    return sensitivity_section(a.ws)


def _cost_summary(a: Analysis) -> object:
    from archplan.report.sections import cost_summary_section

    return cost_summary_section(a.ws)


def _cumulative(a: Analysis) -> object:
    from archplan.report.charts import cumulative_chart

    return cumulative_chart(a.ws)


def _budget(a: Analysis) -> object:
    from archplan.report.cost_sections import budget_section

    return budget_section(a.ws)


def _cost_tables(a: Analysis) -> object:
    from archplan.report.sections import cost_tables_section

    return cost_tables_section(a.ws)


def _part(name: str) -> Callable[[Analysis], object]:
    def render(a: Analysis) -> object:
        from archplan.report.cost_sections import plan_details_section

        return plan_details_section(a.ws, parts=(name,))

    render.__name__ = f"_{name}"
    return render


def _net_benefit_headings(a: Analysis) -> list[tuple[str, str]]:
    title = text("net_benefit", a.language)
    return [
        (f"net-benefit-{o.id}", f"{title} — {o.name}")
        for o in a.ws.options
        if any(i.kind == "benefit" and i.option == o.id for i in a.ws.cost_items)
    ]


def _timing(a: Analysis) -> object:
    from archplan.report.timing import timing_section

    return timing_section(a.ws)


def _risk(a: Analysis) -> object:
    from archplan.report.risk import risk_section

    return risk_section(a.ws)


def _assumptions(a: Analysis) -> object:
    from archplan.report.handover import assumptions_section

    return assumptions_section(a.ws)


def _has_actuals(a: Analysis) -> bool:
    return a.ws.actuals is not None and a.ws.actuals.option is not None


def _actuals(a: Analysis) -> object:
    from archplan.report.actuals import actuals_section

    return actuals_section(a.ws)


def _actuals_compact(a: Analysis) -> object:
    from archplan.report.actuals import actuals_section

    return actuals_section(a.ws, compact=True)


def _decisions(a: Analysis) -> object:
    from archplan.report.sections import decisions_section

    return decisions_section(a.ws)


def _handover_title(a: Analysis) -> object:
    from archplan.report.handover import handover_title

    return handover_title(a.ws)


def _decided(a: Analysis) -> object:
    from archplan.report.handover import decided_and_open

    return decided_and_open(a.ws)


def _calendar(a: Analysis) -> object:
    from archplan.report.handover import review_calendar

    return review_calendar(a.ws)


def _roadmap(a: Analysis) -> object:
    from archplan.report.timing import roadmap_section

    return roadmap_section(a.ws)


def _basis(a: Analysis) -> object:
    from archplan.report.handover import basis_section

    return basis_section(a.ws)


def _risks(a: Analysis) -> object:
    from archplan.report.handover import risks_section

    return risks_section(a.ws)


def _files(a: Analysis) -> object:
    from archplan.report.handover import files_section

    return files_section(a.ws)


def _has_sharing(a: Analysis) -> bool:
    return bool(a.ws.parties and a.ws.settings.sharing_key)


_BUILTIN = (
    Section("title", _title, {"report": 10}, headings=_title_headings),
    Section("options", _options, {"report": 20}, "options", "options"),
    Section("comparison", _comparison, {"report": 30, "handover": 30}, "comparison", "comparison"),
    Section("sensitivity", _sensitivity, {"report": 40}, "sensitivity", "robustness"),
    Section("cost_summary", _cost_summary, {"report": 50}, "costs", "cost_summary"),
    Section("cumulative", _cumulative, {"report": 60}),
    Section("budget", _budget, {"report": 70, "handover": 90}, "budget", "budget"),
    Section("cost_tables", _cost_tables, {"report": 80}, "cost-tables", "costs"),
    Section(
        "scenarios",
        _part("scenarios"),
        {"report": 90, "handover": 100},
        "scenarios",
        "scenarios",
        present=lambda a: bool(a.ws.scenarios),
    ),
    Section(
        "commitments",
        _part("commitments"),
        {"report": 91, "handover": 101},
        "commitments",
        "commitments",
        present=lambda a: not a.commitments.empty,
    ),
    Section(
        "depreciation",
        _part("depreciation"),
        {"report": 92, "handover": 102},
        "depreciation",
        "depreciation",
        present=lambda a: not a.depreciation.empty,
    ),
    Section(
        "sharing",
        _part("sharing"),
        {"report": 93, "handover": 103},
        "sharing",
        "sharing",
        present=_has_sharing,
    ),
    Section(
        "net_benefit",
        _part("net_benefit"),
        {"report": 94, "handover": 104},
        present=lambda a: bool(_net_benefit_headings(a)),
        headings=_net_benefit_headings,
    ),
    Section("timing", _timing, {"report": 100}, "timing", "tim_title"),
    Section("risk", _risk, {"report": 110}, "risk", "risk", present=lambda a: a.has_uncertainty),
    Section(
        "assumptions",
        _assumptions,
        {"report": 120, "handover": 70},
        "assumptions",
        "assumptions_register",
    ),
    Section("actuals", _actuals, {"report": 130}, "actuals", "act_title", present=_has_actuals),
    Section("decisions", _decisions, {"report": 140, "handover": 40}, "decisions", "decisions"),
    Section("handover_title", _handover_title, {"handover": 10}),
    Section("decided", _decided, {"handover": 20}, "decided", "decided_open"),
    Section("calendar", _calendar, {"handover": 50}, "calendar", "review_calendar"),
    Section("roadmap", _roadmap, {"handover": 60}, "roadmap", "tim_roadmap"),
    Section("basis", _basis, {"handover": 80}, "basis", "rep_basis"),
    Section("risks", _risks, {"handover": 110}, "risks", "risks_heading"),
    Section(
        "actuals_summary",
        _actuals_compact,
        {"handover": 120},
        "actuals",
        "act_title",
        present=_has_actuals,
    ),
    Section("files", _files, {"handover": 130}, "files", "files"),
)
for _s in _BUILTIN:
    SECTIONS[_s.key] = Section(**{**_s.__dict__, "builtin": True})
del _s
