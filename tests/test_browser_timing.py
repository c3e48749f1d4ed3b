"""The roadmap on paper: a handover pack printed by a real headless Chromium puts the
roadmap on one A4 landscape page and every other page on A4 portrait, in Japanese and in
English (docs/timing.md, "The roadmap")."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import pytest

from archplan.report import build_handover

HERE = Path(__file__).resolve().parent
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

if not Path(CHROMIUM).exists():
    if os.environ.get("ARCHPLAN_REQUIRE_BROWSER"):
        raise RuntimeError("Chromium is required for the browser tests but is not installed")
    pytest.skip(
        "chromium is not installed (sudo apt-get install chromium)", allow_module_level=True
    )

from playwright.sync_api import sync_playwright  # noqa: E402

pytestmark = pytest.mark.slow

# A4 in PDF points: 595.28 × 841.89.
PORTRAIT, LANDSCAPE = (595, 842), (842, 595)


def _pages(pdf: bytes) -> list[tuple[int, int]]:
    boxes = re.findall(rb"/MediaBox\s*\[\s*[\d.]+\s+[\d.]+\s+([\d.]+)\s+([\d.]+)\s*\]", pdf)
    return [(round(float(w)), round(float(h))) for w, h in boxes]


@pytest.mark.parametrize("workspace", ["kenshin", "tax-collection"])
def test_the_roadmap_prints_on_one_a4_landscape_page(workspace: str, tmp_path: Path) -> None:
    doc = build_handover(HERE / "timing_ws" / workspace, tmp_path / "handover.html")
    assert 'class="ap-roadmap"' in doc.read_text(encoding="utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        page = browser.new_page()
        page.route("**/*", lambda r: r.continue_() if r.request.url == doc.as_uri() else r.abort())
        page.goto(doc.as_uri(), wait_until="load")
        pdf = page.pdf(prefer_css_page_size=True)
        browser.close()
    pages = _pages(pdf)
    assert pages.count(LANDSCAPE) == 1, pages
    assert pages.count(PORTRAIT) == len(pages) - 1 >= 2
