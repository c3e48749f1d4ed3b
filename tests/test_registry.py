"""The report registry and the one analysis per build (issue 12).

Everything here renders sections in this process (no kernel): the notebook the kernel
runs is generated from the same registry (``show("key")`` per section), so what is
checked here is what the kernel does."""

from __future__ import annotations

import io
import re
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import CodeType, FrameType
from typing import Any

import numpy as np
import pandas as pd
import pytest

from archplan import load_workspace
from archplan.compare import rank_options
from archplan.compare.problem import build_problem
from archplan.costs import budget_view, commitments, cost_summary
from archplan.errors import InputError
from archplan.report.analysis import Analysis, analysis_of
from archplan.report.build import report_notebook
from archplan.report.contents import section_headings
from archplan.report.registry import (
    SECTIONS,
    Section,
    contents,
    notebook_cells,
    register_section,
    registered,
    render_document,
    sections,
    unregister_section,
)
from archplan.report.sections import Fragment
from archplan.uncertainty.simulation import simulate

EXAMPLES = Path(__file__).resolve().parents[1] / "data" / "examples"
ALL = sorted(p.name for p in EXAMPLES.iterdir() if (p / "archplan.yaml").exists())


@contextmanager
def counting(*functions: Any) -> Iterator[dict[str, int]]:
    """Count the calls of ``functions`` however they are reached (by code object, so a
    name imported into another module, or called from inside the library, counts)."""
    codes: dict[CodeType, str] = {f.__code__: f.__name__ for f in functions}
    counts = dict.fromkeys(codes.values(), 0)

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        if event == "call" and frame.f_code in codes:
            counts[codes[frame.f_code]] += 1

    previous = sys.getprofile()
    sys.setprofile(profile)
    try:
        yield counts
    finally:
        sys.setprofile(previous)


def _png(output: object) -> object:
    """What Jupyter would draw: a chart's PNG is made, as in the kernel."""
    if hasattr(output, "_repr_png_"):
        output._repr_png_()
    return output


# --- one analysis per build ------------------------------------------------------------


@pytest.mark.parametrize("name", ["food-lab", "vaccine-booking"])
def test_a_build_computes_the_problem_and_the_simulation_once(name: str) -> None:
    """Every section of the report and of the handover pack, sharing one analysis: the
    comparison problem is built once and the simulation run once (before the registry,
    the same two documents called build_problem 23 times and simulate 5 times)."""
    ws = load_workspace(EXAMPLES / name)
    with counting(build_problem, simulate) as calls:
        for document in ("report", "handover"):
            outputs = [_png(out) for _, out in render_document(ws, document)]
            assert outputs
    assert calls == {"build_problem": 1, "simulate": 1}


def test_without_a_shared_analysis_each_call_recomputes() -> None:
    """The counter is not blind: two workspace objects, two problems."""
    a = load_workspace(EXAMPLES / "food-lab")
    b = load_workspace(EXAMPLES / "food-lab")
    with counting(build_problem) as calls:
        problems = [analysis_of(ws).problem for ws in (a, b, a)]
    assert calls == {"build_problem": 2}
    assert problems[0] is problems[2] and problems[0] is not problems[1]


@pytest.mark.parametrize("name", ["food-lab", "network-refresh", "shared-platform"])
def test_the_analysis_gives_what_the_functions_give(name: str) -> None:
    """Each shared result equals the library function it stands for, computed afresh."""
    ws = load_workspace(EXAMPLES / name)
    fresh = load_workspace(EXAMPLES / name)
    a = Analysis(ws)
    pd.testing.assert_frame_equal(a.ranking, rank_options(fresh))
    pd.testing.assert_frame_equal(a.budget_view(), budget_view(fresh))
    pd.testing.assert_frame_equal(
        a.budget_view(by="item", option=ws.options[0].id),
        budget_view(fresh, by="item", option=ws.options[0].id),
    )
    pd.testing.assert_frame_equal(a.cost_summary, cost_summary(fresh))
    pd.testing.assert_frame_equal(a.commitments, commitments(fresh))
    excluded = build_problem(fresh).excluded
    assert a.knocked_out == {str(o): str(r["reason"]) for o, r in excluded.iterrows()}
    assert a.shown_totals == {str(k): int(v) for k, v in budget_view(fresh)["total"].items()}


def test_shared_results_cannot_be_changed_by_a_section() -> None:
    a = Analysis(load_workspace(EXAMPLES / "food-lab"))
    view = a.budget_view()
    view.iloc[:, :] = 0
    a.knocked_out.clear()
    assert int(a.budget_view().to_numpy().sum()) > 0
    assert a.knocked_out


def test_the_trigger_context_shares_the_analysis() -> None:
    ws = load_workspace(EXAMPLES / "vaccine-booking")
    a = analysis_of(ws)
    ctx = a.triggers()
    assert ctx is a.triggers() and ctx.simulation is a.simulation
    assert ctx.ranking == [str(o) for o in rank_options(ws).index]
    assert a.triggers(ctx.as_of) is ctx


# --- the registry drives the notebook and the contents ---------------------------------


def test_the_notebook_is_one_readable_cell_per_section() -> None:
    nb = report_notebook(EXAMPLES / "food-lab", "report")
    code = [c.source for c in nb.cells]
    assert code[0].startswith("workspace = ")
    assert 'show = open_document(workspace, "report")' in code[1]
    assert code[2:] == [f'show("{s.key}")' for s in sections("report")]
    # No one-letter module aliases left (the old "S.title_section(ws)").
    assert not any(re.search(r"\b[A-Z]\.\w+\(", c) for c in code)
    handover = [c.source for c in report_notebook(EXAMPLES / "food-lab", "handover").cells]
    assert handover[2] == 'show("handover_title")' and handover[-1] == 'show("files")'


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize("document", ["report", "handover"])
def test_contents_list_exactly_the_headings_rendered(name: str, document: str) -> None:
    """The registry's contents (its present() and headings) agree with what the sections
    actually render: every <h2 id> outside the contents box is listed, with its text,
    in order, and nothing else is."""
    ws = load_workspace(EXAMPLES / name)
    rendered = []
    for _, out in render_document(ws, document):
        if isinstance(out, str):
            rendered += [(a, t) for a, t in section_headings(out) if a]
    assert contents(ws, document) == rendered


def test_a_section_that_is_not_present_is_left_out() -> None:
    ws = load_workspace(EXAMPLES / "food-lab")  # no actuals, no scenarios
    keys = [k for k, _ in render_document(ws, "report")]
    assert "actuals" not in keys and "scenarios" not in keys and "options" in keys
    anchors = [a for a, _ in contents(ws, "report")]
    assert "actuals" not in anchors and "scenarios" not in anchors
    vaccine = [
        k for k, _ in render_document(load_workspace(EXAMPLES / "vaccine-booking"), "report")
    ]
    assert "actuals" in vaccine and "risk" in vaccine


def test_register_section_rejects_what_it_cannot_place() -> None:
    def render(a: Analysis) -> Fragment:
        return Fragment("")

    with pytest.raises(InputError, match="already registered"):
        register_section(Section("budget", render, {"report": 1}))
    with pytest.raises(InputError, match="documents must be"):
        register_section(Section("elsewhere", render, {"minutes": 1}))
    with pytest.raises(InputError, match="must be a name"):
        register_section(Section("two words", render, {"report": 1}))
    with pytest.raises(InputError, match="not a registered extension"):
        unregister_section("budget")
    with pytest.raises(InputError, match="unknown document"):
        sections("minutes")
    assert "elsewhere" not in SECTIONS


def test_a_registered_section_takes_its_place_and_leaves() -> None:
    def render(a: Analysis) -> Fragment:
        return Fragment(f'<h2 id="extra">{len(a.ws.options)}</h2>')

    before = notebook_cells("handover")
    with registered(Section("extra", render, {"handover": 25}, "extra", "options")):
        keys = [s.key for s in sections("handover")]
        assert keys.index("extra") == keys.index("decided") + 1
        ws = load_workspace(EXAMPLES / "food-lab")
        assert ("extra", "選択肢") in contents(ws, "handover")
        assert (
            dict(render_document(ws, "handover"))["extra"]
            == f'<h2 id="extra">{len(ws.options)}</h2>'
        )
        assert f"import {__name__}" in notebook_cells("handover")[0]
    assert notebook_cells("handover") == before


# --- the speed-ups keep the pixels -------------------------------------------------------


def test_charts_are_the_same_pixels_without_the_second_draw() -> None:
    """Chart.png drops tight_layout's placeholder engine (savefig would draw the figure
    twice) and compresses less: the decoded pixels are those of a plain savefig."""
    from PIL import Image

    from archplan.report.charts import DPI, cumulative_chart

    ws = load_workspace(EXAMPLES / "food-lab")
    reference = cumulative_chart(ws)
    buf = io.BytesIO()
    reference.figure.savefig(buf, format="png", dpi=DPI)  # with the placeholder engine
    ours = cumulative_chart(ws).png()
    a = np.asarray(Image.open(io.BytesIO(buf.getvalue())).convert("RGBA"))
    b = np.asarray(Image.open(io.BytesIO(ours)).convert("RGBA"))
    assert a.shape == b.shape and a.shape[1] == round(7.5 * DPI)
    assert np.array_equal(a, b)


def test_the_kernel_side_does_not_import_the_build_machinery() -> None:
    """Rendering both documents (what the kernel does) imports neither nbformat nor
    jsonschema (whose format checkers take seconds to import), nor scipy.stats."""
    import os
    import subprocess

    code = (
        "import sys\n"
        "from archplan.report.registry import render_document\n"
        "from archplan import load_workspace\n"
        f"ws = load_workspace({str(EXAMPLES / 'vaccine-booking')!r})\n"
        "for d in ('report', 'handover'):\n"
        "    for _, out in render_document(ws, d):\n"
        "        getattr(out, '_repr_png_', lambda: None)()\n"
        "print(sorted(m for m in ('nbformat', 'jsonschema', 'nbclient', 'scipy.stats')"
        " if m in sys.modules))\n"
    )
    src = str(Path(__file__).resolve().parents[1] / "src")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([src, os.environ.get("PYTHONPATH", "")]))
    env["MPLBACKEND"] = "Agg"
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "[]"


def test_keeping_the_analysis_on_the_workspace_changes_nothing_about_it() -> None:
    """The analysis rides on the (frozen) workspace object, outside its fields: repr and
    dataclasses.replace ignore it, and a replaced workspace gets its own analysis."""
    import dataclasses

    ws = load_workspace(EXAMPLES / "food-lab")
    a = analysis_of(ws)
    assert a.ranking is not None
    assert "_archplan_analysis" not in {f.name for f in dataclasses.fields(ws)}
    other = dataclasses.replace(ws, options=ws.options[:2])
    assert analysis_of(other) is not a and analysis_of(other).ws is other
    assert "_archplan_analysis" not in repr(ws)
