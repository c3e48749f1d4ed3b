"""The plan-vs-actual section as a person sees it: the vaccine-booking report and handover
pack opened offline in headless Chromium (same harness as ``test_browser.py``): the
section and its burn chart visible, no request, no console error, no serious or critical
accessibility violation."""

from __future__ import annotations

from pathlib import Path

import pytest

from archplan.report import build_handover, build_report

test_browser = pytest.importorskip("test_browser")  # skips without Chromium, as it does

pytestmark = pytest.mark.slow
VACCINE = Path(__file__).resolve().parents[1] / "data" / "examples" / "vaccine-booking"
browser = test_browser.browser


@pytest.fixture(scope="module")
def docs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("actuals-docs")
    return {
        "report": build_report(VACCINE, out / "vaccine-report.html"),
        "handover": build_handover(VACCINE, out / "vaccine-handover.html"),
    }


@pytest.mark.parametrize("kind", ["report", "handover"])
def test_actuals_section_offline_and_accessible(docs, browser, kind: str) -> None:  # type: ignore[no-untyped-def]
    doc = test_browser.Opened(browser, docs[kind])
    try:
        page = doc.page
        assert [u for u in doc.requests if u != doc.url and not u.startswith("data:")] == []
        assert doc.errors == []
        section = page.locator("section.ap-actuals")
        assert section.count() == 1 and page.locator("#actuals").is_visible()
        assert section.locator("table.ap-table").count() >= 5
        chart = section.locator("img").first
        assert chart.is_visible() and chart.bounding_box()["height"] > 100
        assert chart.evaluate("e => e.naturalWidth") > 200
        assert "予実" in chart.get_attribute("alt") or "予算" in chart.get_attribute("alt")
        results = test_browser.Axe().run(page, context="section.ap-actuals")
        serious = [
            (v["id"], v["nodes"][0]["html"][:120])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == []
        test_browser.ARTIFACTS.mkdir(exist_ok=True)
        section.screenshot(path=str(test_browser.ARTIFACTS / f"vaccine-actuals-{kind}.png"))
    finally:
        doc.close()
