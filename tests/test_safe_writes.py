"""Safe writes: a temporary file renamed into place, so an interrupted write leaves the
original untouched; files archplan did not write are never replaced without --force; and
edits keep every unrelated byte."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from archplan import TargetExistsError, load_workspace
from archplan.decisions import set_status
from archplan.fileio import write_atomic


def test_failure_before_the_rename_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "report.html"
    target.write_text("the old report", encoding="utf-8")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError, match="disk full"):
        write_atomic(target, "the new report")
    assert target.read_text(encoding="utf-8") == "the old report"
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temporary left


def test_failure_while_writing_leaves_the_original(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "plan.xlsx"
    target.write_bytes(b"old bytes")
    real_fsync = os.fsync

    def broken_fsync(fd: int) -> None:
        real_fsync(fd)
        raise KeyboardInterrupt  # the user pressed Ctrl-C mid-write

    monkeypatch.setattr(os, "fsync", broken_fsync)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new bytes" * 1000)
    assert target.read_bytes() == b"old bytes"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.xlsx"]


def test_killed_process_leaves_the_original(tmp_path: Path) -> None:
    target = tmp_path / "big.html"
    target.write_text("precious original", encoding="utf-8")
    # A child writes 400 MB through write_atomic; it is killed partway.
    code = (
        "import sys; from pathlib import Path; from archplan.fileio import write_atomic\n"
        "print('ready', flush=True)\n"
        f"write_atomic(Path({str(target)!r}), b'x' * 400_000_000)\n"
    )
    child = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE)
    assert child.stdout is not None and child.stdout.readline().strip() == b"ready"
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:  # wait until the temporary file is being written
        temps = [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
        if temps and temps[0].stat().st_size > 0:
            break
        time.sleep(0.01)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=20)
    assert target.read_text(encoding="utf-8") == "precious original"


def test_commands_refuse_to_replace_foreign_files(example_dir: Path, tmp_path: Path) -> None:
    from archplan.cli import main

    mine = tmp_path / "mine.html"
    mine.write_text("<html>mine</html>", encoding="utf-8")
    for argv in (
        ["report", str(example_dir), "-o", str(mine)],
        ["handover", str(example_dir), "-o", str(mine)],
        [
            "export-notebook",
            str(Path(__file__).resolve().parents[1] / "notebooks" / "01-quickstart.ipynb"),
            "-o",
            str(mine),
        ],
    ):
        assert main(argv) == 1
        assert mine.read_text(encoding="utf-8") == "<html>mine</html>"
    with pytest.raises(TargetExistsError):
        from archplan.workspace.scaffold import new_workspace

        new_workspace(tmp_path)


def test_status_edit_keeps_comments_order_and_spacing(example_copy: Path) -> None:
    record = example_copy / "decisions" / "0002-inspection-system-delivery-model.md"
    original = record.read_bytes()
    # Give the front matter a comment and odd spacing that must survive the edit.
    text = original.decode("utf-8").replace(
        "status: accepted", "status:    accepted   # agreed on 15 July"
    )
    record.write_bytes(text.encode("utf-8"))
    set_status(load_workspace(example_copy), 2, "deprecated")
    after = record.read_bytes().decode("utf-8").splitlines(keepends=True)
    before = text.splitlines(keepends=True)
    changed = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert changed == [1]
    assert after[1] == "status:    deprecated   # agreed on 15 July\n"  # plain, as written
