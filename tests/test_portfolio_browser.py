"""The portfolio document in a real headless Chromium, as the report is tested: offline,
no console error, no serious accessibility violation, and no script from any case's
text ever runs (titles, option names, decision titles, tags, problem messages)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from archplan.portfolio import rollup
from archplan.portfolio.document import write_portfolio
from test_browser import ARGS, ARTIFACTS, CHROMIUM, PAYLOAD, Opened

from axe_playwright_python.sync_playwright import Axe  # isort: skip
from playwright.sync_api import Browser, sync_playwright  # isort: skip

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
QUOTED = PAYLOAD.replace("\\", "\\\\").replace('"', '\\"')


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def _set(path: Path, starts: str, key: str) -> None:
    lines = path.read_text(encoding="utf-8").split("\n")
    k = next(n for n, line in enumerate(lines) if line.strip().startswith(starts))
    indent = lines[k][: len(lines[k]) - len(lines[k].lstrip())]
    lines[k] = f'{indent}{key}: "{QUOTED}"'
    path.write_text("\n".join(lines), encoding="utf-8")


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("pf")
    for name in ("food-lab", "network-refresh", "shared-platform"):
        shutil.copytree(EXAMPLES / name, root / name)
    shutil.copytree(EXAMPLES / "food-lab", root / "broken")
    ws = root / "food-lab"
    _set(ws / "archplan.yaml", "title:", "title")
    _set(ws / "options.yaml", "name: 検査情報管理SaaSの利用", "name")
    record = ws / "decisions" / "0003-data-export-clause.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("\n# ", f"\n# {PAYLOAD} ", 1), encoding="utf-8")
    # A trigger the evaluator cannot read, a component leaving support, a contract.
    record = ws / "decisions" / "0002-inspection-system-delivery-model.md"
    text = record.read_text(encoding="utf-8")
    record.write_text(
        text.replace("    - users > 80\n", f'    - "{QUOTED}"\n', 1), encoding="utf-8"
    )
    _set(ws / "components.yaml", "name: データベース", "name")
    _set(root / "network-refresh" / "costs.yaml", "name: ネットワーク機器賃貸借", "name")
    costs = root / "broken" / "costs.yaml"
    text = costs.read_text(encoding="utf-8")
    costs.write_text(text.replace("quantity: users", f'quantity: "{QUOTED}"', 1), encoding="utf-8")
    (root / "portfolio.yaml").write_text(
        f'title: "{QUOTED}"\nlanguage: ja\ncases:\n'
        f'  - path: food-lab\n    tags: {{bureau: "{QUOTED}", phase: build, "{QUOTED}": x}}\n'
        "  - path: network-refresh\n    tags: {bureau: デジタル推進局, phase: plan}\n"
        "  - path: shared-platform\n    tags: {bureau: デジタル推進局, phase: plan}\n"
        "  - path: broken\n"
        f'  - path: "{QUOTED}"\n',
        encoding="utf-8",
    )
    out = {}
    for lang in ("ja", "en"):
        view = rollup(root, today=date(2027, 12, 1), jobs=1, language=lang)
        out[lang] = write_portfolio(view, root / f"portfolio-{lang}.html")
    return out


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_portfolio_opens_offline_and_shows_its_content(
    documents: dict[str, Path], browser: Browser, lang: str
) -> None:
    doc = Opened(browser, documents[lang])
    try:
        page = doc.page
        others = [u for u in doc.requests if u != doc.url and not u.startswith("data:")]
        assert others == [] and doc.errors == [] and doc.dialogs == []
        assert page.evaluate("window.__xss") is None
        assert page.locator("h1").first.is_visible()
        assert page.locator("nav.ap-toc").is_visible()
        assert page.locator("table.ap-pf-budget").is_visible()
        assert page.locator("table.ap-pf-cases tbody tr").count() == 5
        assert page.locator("table.ap-pf-check tbody tr").count() == 2  # broken and missing
        targets = page.eval_on_selector_all(
            "nav.ap-toc a", "els => els.map(e => e.getAttribute('href'))"
        )
        for t in targets:
            assert page.locator(t).count() == 1, t
        # Every case link in the tables leads to that case's line.
        hrefs = set(
            page.eval_on_selector_all(
                "a[href^='#case-']", "els => els.map(e => e.getAttribute('href'))"
            )
        )
        for h in hrefs:
            assert page.locator(f"[id='{h[1:]}']").count() == 1, h
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"portfolio-{lang}.png"), full_page=True)
    finally:
        doc.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_portfolio_has_no_serious_accessibility_violations(
    documents: dict[str, Path], browser: Browser, lang: str
) -> None:
    doc = Opened(browser, documents[lang])
    try:
        results = Axe().run(doc.page)
        serious = [
            (v["id"], v["impact"], v["nodes"][0]["html"][:120])
            for v in results.response["violations"]
            if v["impact"] in ("serious", "critical")
        ]
        assert serious == []
    finally:
        doc.close()


def test_script_in_every_case_text_is_shown_not_run(documents: dict[str, Path]) -> None:
    html = documents["ja"].read_text(encoding="utf-8")
    lower = html.lower()
    assert "<script" not in lower and "<img src=x" not in lower
    # The payload came in through the title, a tag's value and key, an option name, a
    # decision title, a trigger, a component, a contract, a problem message and a path:
    # each shown as text.
    assert html.count("&lt;script&gt;window.__xss=1&lt;/script&gt;") >= 10
