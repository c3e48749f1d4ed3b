"""Fuzzing: whatever text ends up in a workspace file or a decision record, the only
exception that may escape archplan is an ArchplanError (and loading never hangs)."""

from __future__ import annotations

import contextlib
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from archplan import ArchplanError, check_workspace, load_workspace
from archplan.decisions import read_record
from archplan.workspace._yaml import load_yaml

EXAMPLE = Path(__file__).resolve().parents[1] / "data" / "examples" / "food-lab"
FILES = [
    "archplan.yaml",
    "options.yaml",
    "criteria.yaml",
    "scores.csv",
    "assumptions.yaml",
    "costs.yaml",
    "decisions/0002-inspection-system-delivery-model.md",
]
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Text that looks like what people type into these files, with YAML and CSV punctuation.
yamlish = st.text(
    alphabet=st.sampled_from(list("abc xyz019:-_[]{},'\"#&*!|>%@`\n\t ◎○△×年度")), max_size=300
)


def _load_with(name: str, data: bytes) -> None:
    tmp = Path(tempfile.mkdtemp())
    try:
        ws = tmp / "ws"
        shutil.copytree(EXAMPLE, ws)
        (ws / name).write_bytes(data)
        with contextlib.suppress(ArchplanError):  # any other exception fails the test
            load_workspace(ws)
        problems, _ = check_workspace(ws)
        assert all(p.file for p in problems)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@FAST
@given(name=st.sampled_from(FILES), text=yamlish)
def test_generated_text_in_any_file(name: str, text: str) -> None:
    _load_with(name, text.encode("utf-8"))


@FAST
@given(name=st.sampled_from(FILES), data=st.data())
def test_mutated_files(name: str, data: st.DataObject) -> None:
    original = (EXAMPLE / name).read_bytes()
    out = bytearray(original)
    for _ in range(data.draw(st.integers(1, 8))):
        op = data.draw(st.sampled_from(["flip", "delete", "insert", "duplicate"]))
        pos = data.draw(st.integers(0, max(len(out) - 1, 0)))
        if op == "flip" and out:
            out[pos] = data.draw(st.integers(0, 255))
        elif op == "delete" and out:
            end = pos + data.draw(st.integers(1, 40))
            del out[pos:end]
        elif op == "insert":
            out[pos:pos] = data.draw(st.binary(max_size=20))
        else:
            end = pos + data.draw(st.integers(1, 80))
            out[pos:pos] = out[pos:end]
    _load_with(name, bytes(out))


@settings(max_examples=300, deadline=None)
@given(yamlish)
def test_yaml_reader_never_raises(text: str) -> None:
    doc, problems = load_yaml(text, "f.yaml")
    assert doc is not None or problems


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400), st.booleans())
def test_record_parser_never_raises(body: str, front: bool) -> None:
    text = ("---\n" + body[:120] + "\n---\n" + body[120:]) if front else body
    record, problems = read_record(Path("0001-x.md"), text, "0001-x.md")
    assert (record is None) == bool(problems)
    if record is not None:
        assert record.raw == text  # never rewritten
