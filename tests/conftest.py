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


def make_workspace(
    tmp_path: Path,
    items: str,
    *,
    settings: str = "",
    assumptions: str = "",
    contracts: str = "",
    replace: dict[str, str] | None = None,
) -> Path:
    """A copy of the example with its own cost items (YAML text under ``items:``).

    ``settings`` is appended to archplan.yaml, ``assumptions`` to the assumptions
    register (indented entries or a ``scenarios:`` section), ``contracts`` becomes the
    ``contracts:`` section of costs.yaml; ``replace`` edits archplan.yaml text.
    """
    import textwrap

    dest = tmp_path / "ws"
    shutil.copytree(EXAMPLE, dest)
    body = "items:\n" + textwrap.indent(textwrap.dedent(items).strip("\n"), "  ") + "\n"
    if contracts:
        body += (
            "contracts:\n" + textwrap.indent(textwrap.dedent(contracts).strip("\n"), "  ") + "\n"
        )
    (dest / "costs.yaml").write_text(body, encoding="utf-8")
    # The example's components name its own cost items, which these items replace.
    (dest / "components.yaml").unlink(missing_ok=True)
    cfg = dest / "archplan.yaml"
    text = cfg.read_text(encoding="utf-8")
    for old, new in (replace or {}).items():
        assert old in text, old
        text = text.replace(old, new)
    cfg.write_text(text + textwrap.dedent(settings), encoding="utf-8")
    if assumptions:
        reg = dest / "assumptions.yaml"
        reg.write_text(reg.read_text(encoding="utf-8") + assumptions, encoding="utf-8")
    # The example's cost criterion needs every option costed; keep it but zero-safe.
    return dest


EXAMPLES = ROOT / "data" / "examples"
EXAMPLE_NAMES = ("food-lab", "network-refresh", "shared-platform", "vaccine-booking")
# Thirteen options, four knocked out: the documents' layout with many options.
MANY_OPTIONS = "inquiry-desk-screening"


@pytest.fixture(scope="session")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    """The report and the handover pack of every bundled example, built once a session."""
    from archplan.report import build_handover, build_report

    out = tmp_path_factory.mktemp("documents")
    built = {}
    for name in (*EXAMPLE_NAMES, MANY_OPTIONS):
        built[(name, "report")] = build_report(EXAMPLES / name, out / f"{name}.html")
        built[(name, "handover")] = build_handover(EXAMPLES / name, out / f"{name}-handover.html")
    return built
