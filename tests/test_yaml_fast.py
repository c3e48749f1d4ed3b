"""libyaml's parser (the fast path of ``load_yaml``) gives exactly what the Python parser
gives: the same values, the same line of every value, the same problems; and whatever it
cannot parse goes to the Python parser, so every message stays as it was worded."""

from __future__ import annotations

from pathlib import Path

import pytest

from archplan.workspace import _yaml

ROOT = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.skipif(_yaml._CLoader is None, reason="PyYAML without libyaml")


def _python_only(text: str) -> tuple[object, object, list[str]]:
    saved = _yaml._CLoader
    _yaml._CLoader = None
    try:
        doc, problems = _yaml.load_yaml(text, "x.yaml")
    finally:
        _yaml._CLoader = saved
    texts = [str(p) for p in problems]
    return (doc.data, doc.lines, texts) if doc else (None, None, texts)


TRICKY = [
    "a: 1\nb: no\nc: on\nd: yes\ne: True\nf: 0o17\ng: 1_000\nh: 1e3\ni: .inf\nj: ~\n",
    "a: 1\na: 2\n",  # a duplicate key: a problem, the first value kept
    "base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n",  # merge keys are refused
    "list:\n  - &a [1, 2]\n  - *a\n  - {k: *a}\n",
    "? [complex, key]\n: v\n",  # a collection as a key
    "date: 2026-04-01\nts: 2026-04-01 10:00:00\nmonth: 2026-04\n",
    "text: |\n  line one\n  line two\nfolded: >\n  a\n  b\n",
    "日本語: 値\n全角: １２３\n",
    "",
    "# only a comment\n",
    "- 1\n- [2, 3]\n- {a: b}\n",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_path_equals_python_path(text: str) -> None:
    fast = _yaml._load_fast(text, "x.yaml")
    assert fast is not None
    doc, problems = fast
    got = (doc.data, doc.lines, [str(p) for p in problems]) if doc else (None, None, [])
    assert got == _python_only(text)


def test_every_bundled_yaml_file_reads_the_same() -> None:
    files = sorted(ROOT.glob("data/**/*.yaml"))
    assert len(files) >= 25
    for f in files:
        text = f.read_text(encoding="utf-8-sig")
        fast = _yaml._load_fast(text, "x.yaml")
        assert fast is not None, f
        doc, problems = fast
        assert doc is not None
        assert (doc.data, doc.lines, [str(p) for p in problems]) == _python_only(text), f


@pytest.mark.parametrize(
    "text",
    [
        "a: [1, 2\nb: 3\n",  # a syntax error
        "a: !!python/object:os.system x\n",  # a tag that builds objects
        "a: b\x07c\n",  # a control character
        "a: *nowhere\n",  # an undefined alias
    ],
)
def test_what_libyaml_refuses_is_worded_by_the_python_parser(text: str) -> None:
    assert _yaml._load_fast(text, "x.yaml") is None
    doc, problems = _yaml.load_yaml(text, "x.yaml")
    assert doc is None and [str(p) for p in problems] == _python_only(text)[2]
    assert problems and problems[0].line is not None


def test_both_paths_keep_the_text_of_floats() -> None:
    """``release: 3.10`` is Python 3.10: the text of every float is kept on either path
    (a fresh workspace's archplan.yaml crashed the fast path when it did not)."""
    text = "release: 3.10\nrate: 0.08\nitems:\n  - price: 1.50\n"
    doc, problems = _yaml.load_yaml(text, "x.yaml")
    assert problems == [] and doc is not None
    expected = {("release",): "3.10", ("rate",): "0.08", ("items", 0, "price"): "1.50"}
    assert doc.floats == expected
    saved = _yaml._CLoader
    _yaml._CLoader = None
    try:
        slow, _ = _yaml.load_yaml(text, "x.yaml")
    finally:
        _yaml._CLoader = saved
    assert slow is not None and slow.floats == expected
