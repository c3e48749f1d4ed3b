"""What a person sees: reports and handover packs opened in a real headless Chromium.

Playwright drives Debian's Chromium (``/usr/bin/chromium``) with the network cut: every
request other than the document itself is recorded and refused. Checked for the report
and the handover pack of a Japanese and an English example: no other request, no console
error, the summary, tables and charts visible, no accessibility violation rated serious
or critical (axe-core), and no script from workspace text ever runs. Full-page
screenshots are saved to ``test-artifacts/`` for people to look at.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from archplan.report import build_handover, build_report

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "data" / "examples"
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

if not Path(CHROMIUM).exists():
    if os.environ.get("ARCHPLAN_REQUIRE_BROWSER"):
        raise RuntimeError("Chromium is required for the browser tests but is not installed")
    pytest.skip(
        "chromium is not installed (sudo apt-get install chromium)", allow_module_level=True
    )

from axe_playwright_python.sync_playwright import Axe  # noqa: E402
from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402

pytestmark = pytest.mark.slow

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DOCUMENTS = [
    ("food-lab", "report"),
    ("food-lab", "handover"),
    ("shared-platform", "report"),
    ("shared-platform", "handover"),
    ("inquiry-desk-screening", "report"),  # thirteen options in every table and chart
    ("inquiry-desk-screening", "handover"),
]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Path]:
    out = tmp_path_factory.mktemp("docs")
    docs = {}
    for name, kind in DOCUMENTS:
        fn = build_report if kind == "report" else build_handover
        docs[(name, kind)] = fn(EXAMPLES / name, out / f"{name}-{kind}.html")
    return docs


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


class Opened:
    """A page opened offline, with what it tried to fetch and what it complained of."""

    def __init__(self, browser: Browser, path: Path) -> None:
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.page: Page = self.context.new_page()
        self.url = path.as_uri()
        self.requests: list[str] = []
        self.errors: list[str] = []
        self.dialogs: list[str] = []

        def route(r):  # type: ignore[no-untyped-def]
            self.requests.append(r.request.url)
            if r.request.url == self.url:
                r.continue_()
            else:
                r.abort()

        self.page.route("**/*", route)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.on("dialog", lambda d: (self.dialogs.append(d.message), d.dismiss()))
        self.page.goto(self.url, wait_until="load")

    def close(self) -> None:
        self.context.close()


@pytest.mark.parametrize(("name", "kind"), DOCUMENTS)
def test_document_opens_offline_and_shows_its_content(
    built: dict[tuple[str, str], Path], browser: Browser, name: str, kind: str
) -> None:
    doc = Opened(browser, built[(name, kind)])
    try:
        page = doc.page
        others = [u for u in doc.requests if u != doc.url and not u.startswith("data:")]
        assert others == [], f"fetched from elsewhere: {others}"
        assert doc.errors == []
        assert page.locator("h1").first.is_visible()
        assert page.locator("nav.ap-toc").is_visible()
        tables = page.locator("table.ap-table")
        assert tables.count() >= 5 and tables.first.is_visible()
        if kind == "report":
            assert page.locator("#summary").is_visible()
            assert page.locator("#ranking").is_visible()
            images = page.locator("img")
            assert images.count() >= 5
            # Every chart decoded (naturalWidth > 0) and is on the page with a size.
            widths = page.eval_on_selector_all("img", "els => els.map(e => e.naturalWidth)")
            assert all(w > 200 for w in widths)
            assert images.first.bounding_box()["height"] > 100  # type: ignore[index]
        else:
            assert page.locator("#decided").is_visible()
            assert page.locator("#assumptions").is_visible()
        # Table-of-contents links lead to sections that exist.
        targets = page.eval_on_selector_all(
            "nav.ap-toc a", "els => els.map(e => e.getAttribute('href'))"
        )
        for t in targets:
            assert page.locator(t).count() == 1, t
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{name}-{kind}.png"), full_page=True)
    finally:
        doc.close()


@pytest.mark.parametrize(("name", "kind"), DOCUMENTS)
def test_no_serious_accessibility_violations(
    built: dict[tuple[str, str], Path], browser: Browser, name: str, kind: str
) -> None:
    doc = Opened(browser, built[(name, kind)])
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


PAYLOAD = '<script>window.__xss=1</script><img src=x onerror="window.__xss=2">'


def test_script_in_any_text_field_never_runs(tmp_path: Path, browser: Browser) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "food-lab", ws)

    def inject(fname: str, old: str, new: str) -> None:
        path = ws / fname
        text = path.read_text(encoding="utf-8")
        assert old in text, (fname, old)
        path.write_text(text.replace(old, new, 1), encoding="utf-8")

    def set_line(fname: str, starts: str, key: str) -> None:
        """Replace the whole first line starting with ``starts`` by ``key: "<payload>"``."""
        path = ws / fname
        lines = path.read_text(encoding="utf-8").split("\n")
        k = next(n for n, line in enumerate(lines) if line.strip().startswith(starts))
        indent = lines[k][: len(lines[k]) - len(lines[k].lstrip())]
        quoted = PAYLOAD.replace("\\", "\\\\").replace('"', '\\"')
        lines[k] = f'{indent}{key}: "{quoted}"'
        path.write_text("\n".join(lines), encoding="utf-8")

    set_line("archplan.yaml", "title:", "title")
    set_line("archplan.yaml", "author:", "author")
    set_line("options.yaml", "name: 検査情報管理SaaSの利用", "name")
    set_line("criteria.yaml", "name: データの国内保管", "name")
    set_line("criteria.yaml", "evidence: costs.yaml", "evidence")
    set_line("assumptions.yaml", "unit: アカウント", "unit")
    set_line("assumptions.yaml", "source: 検査所 職員配置表", "source")
    set_line("costs.yaml", "name: 初期設定・帳票調整", "name")
    inject(
        "decisions/0002-inspection-system-delivery-model.md",
        "## 判断の要因",  # the record's "Decision Drivers", headed in Japanese
        f"{PAYLOAD}\n\n[click](javascript:window.__xss=3)\n\n<iframe src=x></iframe>\n\n"
        "## 判断の要因",
    )
    inject(
        "decisions/0002-inspection-system-delivery-model.md",
        "# 検査情報システムの調達方式をSaaS利用とする",
        f"# {PAYLOAD} 調達方式",
    )
    from archplan import load_workspace

    load_workspace(ws)  # the injected workspace is still valid
    for fn, name in ((build_report, "report"), (build_handover, "handover")):
        path = fn(ws, tmp_path / f"{name}.html")
        html = path.read_text(encoding="utf-8")
        assert "<script" not in html.lower() and "<iframe" not in html.lower()
        assert "&lt;script&gt;" in html  # shown as text, not run
        doc = Opened(browser, path)
        try:
            doc.page.wait_for_timeout(200)
            assert doc.page.evaluate("window.__xss") is None
            links = doc.page.eval_on_selector_all("a", "els => els.map(e => e.href)")
            assert not [u for u in links if u.lower().startswith("javascript:")]
            assert doc.dialogs == [] and doc.errors == []
        finally:
            doc.close()


# Widths: a 1280 px screen, and A4 paper less the report's 15 mm margins at 96 px per
# inch (180 mm = 680 px), in print media.
SCREEN = {"width": 1280, "height": 900}
A4_PRINT = {"width": 680, "height": 1000}
_OVERFLOW = """() => {
  const docWidth = document.documentElement.clientWidth;
  const out = [];
  if (document.documentElement.scrollWidth > docWidth + 1)
    out.push(`page ${document.documentElement.scrollWidth} > ${docWidth}`);
  for (const t of document.querySelectorAll('table.ap-table')) {
    const box = t.parentElement;
    const style = getComputedStyle(box);
    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
    const r = t.getBoundingClientRect(), b = box.getBoundingClientRect();
    const cut = t.scrollWidth > box.clientWidth + 1 && !scrolls;
    const outside = b.right > docWidth + 1;
    if (cut || outside || (!scrolls && r.right > docWidth + 1))
      out.push(`${t.className}: table ${Math.round(r.width)} in box ${box.clientWidth}`
               + ` (${style.overflowX}) ending at ${Math.round(b.right)} of ${docWidth}`);
  }
  return out;
}"""
_PRINT_FITS = """() => {
  const docWidth = document.documentElement.clientWidth;
  const out = [];
  for (const t of document.querySelectorAll('table.ap-table')) {
    const r = t.getBoundingClientRect();
    if (r.right > docWidth + 1 || t.scrollWidth > t.parentElement.clientWidth + 1)
      out.push(`${t.className}: ${Math.round(r.width)} px wide, page ${docWidth} px`);
  }
  return out;
}"""


@pytest.mark.parametrize(
    "name", ["food-lab", "network-refresh", "shared-platform", "inquiry-desk-screening"]
)
@pytest.mark.parametrize("kind", ["report", "handover"])
def test_no_table_is_cut_off_on_screen_or_on_a4(
    documents: dict[tuple[str, str], Path], browser: Browser, name: str, kind: str
) -> None:
    """Wide tables scroll inside their box on a 1280 px screen (the page itself never
    scrolls sideways) and fit the A4 print width, wrapping text, when printed."""
    path = documents[(name, kind)]
    for viewport, media, check in ((SCREEN, "screen", _OVERFLOW), (A4_PRINT, "print", _PRINT_FITS)):
        context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
        try:
            page = context.new_page()
            page.route(
                "**/*", lambda r: r.continue_() if r.request.url == path.as_uri() else r.abort()
            )
            page.emulate_media(media=media)  # type: ignore[arg-type]
            page.goto(path.as_uri(), wait_until="load")
            assert page.locator("table.ap-table").count() >= 5
            problems = page.evaluate(check)
            assert problems == [], f"{media} at {viewport['width']} px: {problems}"
            if media == "print":
                ARTIFACTS.mkdir(exist_ok=True)
                page.screenshot(path=str(ARTIFACTS / f"{name}-{kind}-a4.png"), full_page=True)
        finally:
            context.close()


_SOURCE_WRAPS = """() => {
  const t = document.querySelector('table.ap-assumptions');
  const head = [...t.querySelectorAll('thead th')].map(h => h.textContent.trim());
  const row = t.querySelector('tbody tr').children;
  const cell = row[head.indexOf('Source')];
  const lines = c => { const r = document.createRange(); r.selectNodeContents(c);
                       return new Set([...r.getClientRects()].map(x => Math.round(x.top))).size; };
  return {table: t.scrollWidth, box: t.parentElement.clientWidth,
          cell: cell.getBoundingClientRect().width, text: cell.scrollWidth,
          lines: lines(cell), date: lines(row[head.indexOf('As of')])};
}"""


def test_a_long_source_wraps_in_the_assumptions_register(tmp_path: Path, browser: Browser) -> None:
    """A source that is one long URL (no spaces) wraps inside its cell in both documents,
    on screen and on A4: the register never needs a sideways scroll for it."""
    ws = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "shared-platform", ws)
    reg = ws / "assumptions.yaml"
    url = (
        "https://www.example.go.jp/statistics/e-application/2025/"
        + "x" * 40
        + "/"
        + ("municipality-annual-report-appendix-table-3-2-online-applications-by-procedure")
    )
    text = reg.read_text(encoding="utf-8")
    old = "source: Sum of the five municipalities' 2025 e-application statistics"
    assert old in text
    reg.write_text(text.replace(old, f"source: {url}"), encoding="utf-8")
    for fn, name in ((build_report, "report"), (build_handover, "handover")):
        path = fn(ws, tmp_path / f"{name}.html")
        for viewport, media in ((SCREEN, "screen"), (A4_PRINT, "print")):
            context = browser.new_context(viewport=viewport)  # type: ignore[arg-type]
            try:
                page = context.new_page()
                uri = path.as_uri()
                page.route("**/*", lambda r: r.continue_() if r.request.url == uri else r.abort())  # noqa: B023
                page.emulate_media(media=media)  # type: ignore[arg-type]
                page.goto(path.as_uri(), wait_until="load")
                got = page.evaluate(_SOURCE_WRAPS)
                where = f"{name}, {media}: {got}"
                assert got["table"] <= got["box"] + 1, where
                assert got["text"] <= got["cell"] + 1, where
                assert got["lines"] >= 2, where  # the URL really was wrapped
                assert got["date"] == 1, where  # 2026-03-31 is not broken at a hyphen
            finally:
                context.close()
