"""Shared fixtures: the bundled example, and writable copies of it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "data" / "examples" / "food-lab"


@pytest.fixture
def example_dir() -> Path:
    return EXAMPLE


@pytest.fixture
def example_copy(tmp_path: Path) -> Path:
    """A copy of the example that a test may break."""
    dest = tmp_path / "ws"
    shutil.copytree(EXAMPLE, dest)
    return dest
