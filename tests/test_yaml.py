"""The safe YAML reader: lines, duplicates, YAML 1.2 booleans, refusals."""

from __future__ import annotations

import time

from archplan.workspace._yaml import load_yaml


def test_values_and_lines() -> None:
    doc, problems = load_yaml("a: 1\nb:\n  - x: 2\n    y: three\n", "f.yaml")
    assert problems == []
    assert doc is not None
    assert doc.data == {"a": 1, "b": [{"x": 2, "y": "three"}]}
    assert doc.lines[("a",)] == 1
    assert doc.lines[("b", 0, "y")] == 4
    assert doc.line(("b", 0, "y", "missing")) == 4


def test_norway_problem_is_avoided() -> None:
    doc, _ = load_yaml("country: no\nflag: on\nok: true\n", "f.yaml")
    assert doc is not None
    assert doc.data == {"country": "no", "flag": "on", "ok": True}


def test_duplicate_key_is_reported_with_both_lines() -> None:
    _, problems = load_yaml("a: 1\nb: 2\na: 3\n", "f.yaml")
    assert len(problems) == 1
    assert problems[0].line == 3
    assert "first given on line 1" in problems[0].message


def test_unsafe_tag_is_refused() -> None:
    doc, problems = load_yaml("x: !!python/object/apply:os.system ['echo hi']\n", "f.yaml")
    assert doc is None
    assert problems and problems[0].line == 1
    assert "tag" in problems[0].message


def test_tab_indentation_is_named() -> None:
    _, problems = load_yaml("a:\n\tb: 1\n", "f.yaml")
    assert problems[0].line == 2
    assert "tab" in problems[0].message


def test_syntax_error_has_line() -> None:
    _, problems = load_yaml("a: [1, 2\nb: 3\n", "f.yaml")
    assert problems and problems[0].line is not None
    assert problems[0].message.startswith("YAML syntax")


def test_alias_bomb_is_refused_quickly() -> None:
    lines = ['a0: &a0 ["x","x","x","x","x","x","x","x","x","x"]']
    for i in range(1, 10):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    start = time.perf_counter()
    doc, problems = load_yaml("\n".join(lines) + "\n", "bomb.yaml")
    assert time.perf_counter() - start < 10
    assert doc is None
    assert "expands to more than" in problems[0].message


def test_empty_document() -> None:
    doc, problems = load_yaml("# only a comment\n", "f.yaml")
    assert problems == []
    assert doc is not None and doc.data is None
