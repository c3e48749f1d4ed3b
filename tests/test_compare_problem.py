"""From workspace to ranking: scales, knock-outs, missing scores, targets, weightings."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from archplan import ArchplanError, WorkspaceError, build_problem, load_workspace, rank
from archplan.compare import WeightedSum, rank_options


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_wikipedia_weighted_sum_model_example() -> None:
    # Weighted sum model (Wikipedia): weights .20/.15/.40/.25 on one common scale;
    # published scores A1 = 21.50, A2 = 22.00, A3 = 22.00.
    x = np.array([[25, 20, 15, 30], [10, 30, 20, 30], [30, 10, 30, 10]], dtype=float)
    s, _ = WeightedSum("none").evaluate(x, np.array([0.2, 0.15, 0.4, 0.25]), np.zeros(4, bool))
    assert s.round(2).tolist() == [21.5, 22.0, 22.0]


def test_example_ranking_by_hand(example_dir: Path) -> None:
    ws = load_workspace(example_dir)
    r = rank(build_problem(ws))
    assert r.table.index.tolist() == ["saas", "gov-cloud", "onprem"]
    # SaaS, min–max over the three options left after the knock-out:
    # cost 1×.30 + residency (all ◎) 1×.10 + security ○ (2-1)/(3-1)×.15
    # + availability 1×.10 + usability medium .5×.10 + lead time 1×.10
    # + lock-in △ .5×.05 + staff burden 1×.10
    expected = 0.30 + 0.10 + 0.5 * 0.15 + 0.10 + 0.5 * 0.10 + 0.10 + 0.5 * 0.05 + 0.10
    assert r.table.loc["saas", "score"] == pytest.approx(expected, abs=1e-12)
    assert r.contributions.loc["saas"].sum() == pytest.approx(expected)
    assert r.excluded.index.tolist() == ["overseas-saas"]
    assert r.conventions["normalization"] == "minmax" and "ties" in r.conventions
    # The workspace's language by default (Japanese here); English on request.
    assert "上回る主な理由" in r.explain() and "5年間総費用" in r.explain()
    assert "ranks above" in r.explain(language="en") and "5年間総費用" in r.explain(language="en")


def test_cost_criterion_comes_from_the_cost_plan(example_dir: Path) -> None:
    p = build_problem(load_workspace(example_dir))
    assert p.full_matrix.loc["saas", "cost5y"] == 49_742_000  # = cost_table total
    assert any("費用計画から算出" in n for n in p.notes)  # the workspace is Japanese


def test_scales_are_mapped_and_shown(example_dir: Path) -> None:
    p = build_problem(load_workspace(example_dir))
    assert p.full_matrix.loc["gov-cloud", "security"] == 3.0  # ◎
    assert p.full_matrix.loc["onprem", "usability"] == 1.0  # low
    assert p.cells.loc["onprem", "lock_in"] == "×"
    assert p.scales.loc["security", "mapping"] == "◎=3、○=2、△=1、×=0"  # a Japanese workspace


def test_budget_ceiling_knocks_out(example_copy: Path) -> None:
    _edit(example_copy / "criteria.yaml", "must: {max: 200000000}", "must: {max: 100000000}")
    p = build_problem(load_workspace(example_copy))
    assert set(p.excluded.index) == {"overseas-saas", "gov-cloud", "onprem"}
    assert "100,000,000を上回る" in p.excluded.loc["gov-cloud", "reason"]
    assert rank(p).winner == "saas"


def test_missing_score_error_worst_impute(example_copy: Path) -> None:
    _edit(example_copy / "scores.csv", "onprem,◎,△,2", "onprem,◎,△,")
    with pytest.raises(WorkspaceError) as info:
        load_workspace(example_copy)
    assert "missing score for option 'onprem' on criterion 'availability'" in info.value.render(
        "en"
    )
    _edit(
        example_copy / "criteria.yaml",
        "name: 可用性・災害対策（1〜5）",
        "name: 可用性・災害対策（1〜5）\n    missing: worst",
    )
    p = build_problem(load_workspace(example_copy))
    assert p.full_matrix.loc["onprem", "availability"] == 4.0  # worst of 4, 4, 5
    assert any("onprem" in n and "（4）を用いた" in n for n in p.notes)
    _edit(example_copy / "criteria.yaml", "missing: worst", "missing: impute\n    impute: 1")
    p = build_problem(load_workspace(example_copy))
    assert p.full_matrix.loc["onprem", "availability"] == 1.0
    assert p.cells.loc["onprem", "availability"] == "(1)"


def test_target_direction(example_copy: Path) -> None:
    _edit(
        example_copy / "criteria.yaml",
        "name: 稼働までの期間\n    direction: cost",
        "name: 稼働までの期間\n    direction: target\n    target: 9",
    )
    p = build_problem(load_workspace(example_copy))
    # Distance from 9 months: saas 3, gov-cloud 9, onprem 0.
    assert p.full_matrix.loc[["saas", "gov-cloud", "onprem"], "lead_time"].tolist() == [
        -3.0,
        -9.0,
        0.0,
    ]


def test_pugh_scale_needs_a_baseline(example_copy: Path) -> None:
    _edit(
        example_copy / "criteria.yaml",
        "    scale: marks\n    weight: 5",
        "    scale: pugh\n    weight: 5",
    )
    scores = example_copy / "scores.csv"
    text = scores.read_text(encoding="utf-8")
    for old, new in (
        ("6,△,5", "6,+,5"),
        ("18,○,3", "18,+,3"),
        ("9,×,2", "9,S,2"),
        ("4,△,5", "4,−,5"),
    ):
        text = text.replace(old, new)
    scores.write_text(text, encoding="utf-8")
    with pytest.raises(WorkspaceError, match="needs a baseline option"):
        load_workspace(example_copy)
    _edit(example_copy / "archplan.yaml", "tax:", "comparison:\n  pugh_baseline: onprem\ntax:")
    p = build_problem(load_workspace(example_copy))
    assert p.full_matrix["lock_in"].tolist() == [1.0, 1.0, 0.0, -1.0]


def test_rank_order_and_ahp_weighting(example_copy: Path, tmp_path: Path) -> None:
    _edit(example_copy / "archplan.yaml", "tax:", "comparison:\n  weighting: roc\ntax:")
    with pytest.raises(WorkspaceError) as info:
        load_workspace(example_copy)
    assert "'rank' is missing" in info.value.render("en")
    crit = example_copy / "criteria.yaml"
    text = crit.read_text(encoding="utf-8")
    for i, cid in enumerate(
        [
            "cost5y",
            "residency",
            "security",
            "availability",
            "usability",
            "lead_time",
            "lock_in",
            "staff_burden",
        ],
        start=1,
    ):
        text = text.replace(f"- id: {cid}\n", f"- id: {cid}\n    rank: {i}\n")
    crit.write_text(text, encoding="utf-8")
    p = build_problem(load_workspace(example_copy))
    assert p.weights["cost5y"] == pytest.approx(sum(1 / i for i in range(1, 9)) / 8)
    # AHP with a consistent table: weights proportional to 8, 7, …, 1.
    ids = [
        "cost5y",
        "residency",
        "security",
        "availability",
        "usability",
        "lead_time",
        "lock_in",
        "staff_burden",
    ]
    v = np.arange(8, 0, -1, dtype=float)
    table = pd.DataFrame(np.outer(v, 1 / v), index=ids, columns=ids)
    table.index.name = "criterion"
    table.to_csv(example_copy / "ahp.csv", float_format="%.10f")
    _edit(example_copy / "archplan.yaml", "weighting: roc", "weighting: ahp\n  ahp: ahp.csv")
    p = build_problem(load_workspace(example_copy))
    np.testing.assert_allclose(p.weights.to_numpy(), v / v.sum(), rtol=1e-6)
    assert any("CR = 0.000" in n for n in p.notes)


def test_inconsistent_ahp_file_is_a_workspace_problem(example_copy: Path) -> None:
    ids = [
        "cost5y",
        "residency",
        "security",
        "availability",
        "usability",
        "lead_time",
        "lock_in",
        "staff_burden",
    ]
    rows = ["criterion," + ",".join(ids)]
    rng = np.random.default_rng(0)
    a = np.ones((8, 8))
    for i in range(8):
        for j in range(i + 1, 8):
            a[i, j] = rng.choice([1 / 9, 9])
            a[j, i] = 1 / a[i, j]
    for i, cid in enumerate(ids):
        rows.append(
            cid + "," + ",".join("1" if v == 1 else ("9" if v == 9 else "1/9") for v in a[i])
        )
    (example_copy / "ahp.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    _edit(
        example_copy / "archplan.yaml",
        "tax:",
        "comparison:\n  weighting: ahp\n  ahp: ahp.csv\ntax:",
    )
    with pytest.raises(WorkspaceError) as info:
        load_workspace(example_copy)
    assert any(
        p.file == "ahp.csv" and "consistency ratio" in p.message for p in info.value.problems
    )


def test_marks_accept_lookalikes_and_reject_unknown(example_copy: Path) -> None:
    _edit(example_copy / "scores.csv", "gov-cloud,◎,◎", "gov-cloud,◎,⊚")
    _edit(example_copy / "scores.csv", "saas,◎,○", "saas,◎,◯")
    p = build_problem(load_workspace(example_copy))
    assert p.full_matrix.loc["gov-cloud", "security"] == 3.0
    _edit(example_copy / "scores.csv", "saas,◎,◯", "saas,◎,good")
    with pytest.raises(WorkspaceError) as info:
        load_workspace(example_copy)
    (problem,) = info.value.problems
    assert problem.field == "row saas, column security" and "◎" in (problem.expected or "")


def test_slider_weights_change_the_winner(example_dir: Path) -> None:
    ws = load_workspace(example_dir)
    w = {c.id: 0.0 for c in ws.criteria}
    w["usability"] = 1.0
    assert rank_options(ws, weights=w).index[0] == "gov-cloud"
    with pytest.raises(ArchplanError):
        rank_options(ws, weights={c.id: 0.0 for c in ws.criteria})


@pytest.mark.parametrize(
    ("cell", "rule"),
    [
        # Every look-alike the marks scale reads as × (scales._ALIASES), in the scores…
        *((alias, "×") for alias in ("x", "X", "✕", "✖")),
        # … and in the rule itself, against the canonical mark in the scores.
        *(("×", alias) for alias in ("x", "X", "✕", "✖")),
        ("x", "✕"),
    ],
)
def test_a_look_alike_mark_knocks_out_like_the_mark(
    example_copy: Path, cell: str, rule: str
) -> None:
    """A must-have ``not: [×]`` is not bypassed by typing ``x`` for ``×`` (a new user's
    WCAG requirement vanished that way): the scores read the look-alike as ×, so the rule
    must too, on either side."""
    _edit(example_copy / "scores.csv", "overseas-saas,×", f"overseas-saas,{cell}")
    _edit(example_copy / "criteria.yaml", "must: {not: [×]}", f"must: {{not: ['{rule}']}}")
    p = build_problem(load_workspace(example_copy))
    assert p.full_matrix.loc["overseas-saas", "residency"] == 0.0  # read as ×
    assert "overseas-saas" in p.excluded.index
    assert rank(p).winner != "overseas-saas"


def test_a_look_alike_of_another_mark_does_not_knock_out(example_copy: Path) -> None:
    # ◯ (U+25EF) is ○, not ×: the option stays in.
    _edit(example_copy / "scores.csv", "overseas-saas,×", "overseas-saas,◯")
    p = build_problem(load_workspace(example_copy))
    assert "overseas-saas" not in p.excluded.index
