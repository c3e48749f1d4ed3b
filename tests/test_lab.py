"""The notebook explorers where the architect works: a real JupyterLab in a real Chromium.

A JupyterLab server is started from this Python environment (``sys.executable -m jupyter
lab``, loopback only, a random token, no update or news checks) on a *copy* of the
notebooks and examples in a temporary folder; the browser may reach nothing but that
server. Each notebook with an explorer (02 costs, 03 weights, 04 risk) is opened, its
outputs cleared and every cell run. Then, at three window widths, each explorer must:
render (no widget error, no traceback), give every slider a usable track (at least 150
px) with its value shown, show every label in full (nothing cut off) and in the
workspace's language. A slider is dragged with the mouse and the explorer's table must
change. Screenshots are saved to ``test-artifacts/`` for people to look at.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"

if not Path(CHROMIUM).exists():
    if os.environ.get("ARCHPLAN_REQUIRE_BROWSER"):
        raise RuntimeError("Chromium is required for the browser tests but is not installed")
    pytest.skip(
        "chromium is not installed (sudo apt-get install chromium)", allow_module_level=True
    )
pytest.importorskip("jupyterlab")

from playwright.sync_api import Browser, Page, sync_playwright  # noqa: E402
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402

pytestmark = pytest.mark.slow

ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
#: notebook, its workspace's language, and words that must not appear in its explorer.
NOTEBOOKS = [
    ("02-multi-year-costs.ipynb", "en", ["基準", "シナリオ"]),
    ("03-compare-options.ipynb", "ja", ["Method", "Option", "Weighted sum", "points"]),
    ("04-cost-risk.ipynb", "ja", ["Option", "Confidence", "correlations", "plan at"]),
]
WIDTHS = (1440, 1024, 800)
#: The notebook on screen (JupyterLab keeps other tabs in the page, hidden).
ACTIVE = ".jp-NotebookPanel:not(.lm-mod-hidden)"
STARTUP_TIMEOUT = 90.0


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Lab:
    """A JupyterLab server on a copy of the notebooks; always stopped by ``stop``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.port = _free_port()
        self.token = secrets.token_hex(16)
        self.base = f"http://127.0.0.1:{self.port}"
        shutil.copytree(ROOT / "notebooks", folder / "notebooks")
        # All of data/: the examples and data/portfolio.yaml (notebook 07 reads it).
        shutil.copytree(ROOT / "data", folder / "data")
        # User settings of this server only: no news, no update check.
        settings = folder / "lab-settings" / "@jupyterlab" / "apputils-extension"
        settings.mkdir(parents=True)
        (settings / "notification.jupyterlab-settings").write_text(
            json.dumps({"fetchNews": "false", "checkForUpdates": False})
        )
        # Start the notebook's kernel without asking.
        tracker = folder / "lab-settings" / "@jupyterlab" / "notebook-extension"
        tracker.mkdir(parents=True)
        (tracker / "tracker.jupyterlab-settings").write_text(
            json.dumps({"autoStartDefaultKernel": True})
        )
        env = dict(
            os.environ,
            PYTHONPATH=os.pathsep.join(
                [str(ROOT / "src"), *filter(None, [os.environ.get("PYTHONPATH")])]
            ),
            JUPYTER_CONFIG_DIR=str(folder / "jupyter-config"),
            JUPYTER_DATA_DIR=str(folder / "jupyter-data"),
            JUPYTER_RUNTIME_DIR=str(folder / "jupyter-runtime"),
            IPYTHONDIR=str(folder / "ipython"),
        )
        cmd = [
            sys.executable,
            "-m",
            "jupyter",
            "lab",
            "--no-browser",
            f"--port={self.port}",
            "--ServerApp.ip=127.0.0.1",
            f"--ServerApp.token={self.token}",
            f"--ServerApp.root_dir={folder}",
            "--expose-app-in-browser",
            "--LabApp.news_url=None",
            "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
            f"--LabApp.user_settings_dir={folder / 'lab-settings'}",
            f"--LabApp.workspaces_dir={folder / 'lab-workspaces'}",
            # A safety net should this process be killed before it can stop the server:
            # idle kernels are culled and an idle server stops itself.
            "--MappingKernelManager.cull_idle_timeout=300",
            "--MappingKernelManager.cull_interval=60",
            "--ServerApp.shutdown_no_activity_timeout=600",
        ]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        self.log_path = folder / "server.log"
        self._log = self.log_path.open("w")
        self.proc = subprocess.Popen(
            cmd,
            cwd=folder,
            env=env,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its kernels are in its process group
        )
        deadline = time.monotonic() + STARTUP_TIMEOUT
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"JupyterLab exited:\n{self.log()}")
            try:
                urllib.request.urlopen(f"{self.base}/api/status?token={self.token}", timeout=2)
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise RuntimeError(f"JupyterLab did not start:\n{self.log()}") from None
                time.sleep(0.5)

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")[-4000:]

    def stop(self) -> None:
        """Stop the server (which shuts its kernels down), then any kernel of this server
        still running (kernels run in their own sessions; found by this server's own
        runtime folder on their command line)."""
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        runtime = str(self.folder / "jupyter-runtime").encode()
        for proc in Path("/proc").glob("[0-9]*"):
            try:
                if runtime in (proc / "cmdline").read_bytes():
                    os.kill(int(proc.name), signal.SIGKILL)
            except OSError:
                continue
        self._log.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Lab]:
    server = Lab(tmp_path_factory.mktemp("lab"))
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


def measure(control: str = ".widget-slider") -> str:
    """JavaScript giving the geometry of every slider, readout and label of the explorer
    (the cell output area that holds ``control``), its tables' text and its text."""
    return """
() => {
  const root = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)') || document;
  const out = [...root.querySelectorAll('.jp-Cell-outputArea')]
    .find(o => o.querySelector('CONTROL'));
  if (!out) return null;
  const box = e => e.getBoundingClientRect();
  const sliders = [...out.querySelectorAll('.widget-slider')].map(s => {
    const track = s.querySelector('.slider-container') || s.querySelector('.noUi-target');
    const readout = s.querySelector('.widget-readout');
    return {
      track: track ? box(track).width : 0,
      readout: readout ? readout.textContent.trim() : '',
      readoutWidth: readout ? box(readout).width : 0,
    };
  });
  const labels = [...out.querySelectorAll(
      '.widget-html-content > div[title], .widget-label, .widget-toggle-button')]
    .filter(d => d.textContent.trim() && box(d).width > 0)
    .map(d => ({
      text: d.textContent, cut: d.scrollWidth > d.clientWidth + 1, width: box(d).width,
    }));
  const tables = [...out.querySelectorAll('table')].map(t => t.innerText).join('\\n---\\n');
  return {sliders, labels, tables, text: out.innerText, width: box(out).width};
}
""".replace("CONTROL", control)


#: Geometry of the slider explorers (02–04).
MEASURE = measure()


def _run_notebook(page: Page, lab: Lab, notebook: str, control: str = ".widget-slider") -> None:
    # ?reset: a fresh layout, without the tabs of the notebooks opened before.
    page.goto(f"{lab.base}/lab/tree/notebooks/{notebook}?reset&token={lab.token}")
    page.wait_for_function(
        f"window.jupyterapp && document.querySelector('{ACTIVE} .jp-Cell')",
        timeout=90_000,
    )
    page.wait_for_function(
        "() => { const w = window.jupyterapp.shell.currentWidget;"
        " const c = w && w.sessionContext;"
        " return !!(c && c.isReady && c.session && c.session.kernel"
        " && c.session.kernel.status === 'idle'); }",
        timeout=90_000,
        polling=250,
    )
    # Should JupyterLab still ask which kernel to start, take the one it proposes.
    select = page.locator(".jp-Dialog .jp-mod-accept")
    if select.count():
        select.first.click()
    # The notebook commands act on the active notebook: activate it first.
    page.locator(f"{ACTIVE} .jp-Cell").first.click()
    page.evaluate(
        "() => { window.jupyterapp.commands.execute('notebook:clear-all-cell-outputs'); }"
    )
    page.wait_for_function(
        f"!document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden) {control}')",
        timeout=30_000,
    )
    started = (
        "() => [...document.querySelectorAll("
        "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-InputArea-prompt')]"
        ".some(p => /\\[(\\*|\\d+)\\]/.test(p.textContent))"
    )
    for attempt in range(3):
        # A kernel that has only just come up may miss the first request: ask again.
        page.locator(f"{ACTIVE} .jp-Cell").first.click()
        page.evaluate("() => { window.jupyterapp.commands.execute('notebook:run-all-cells'); }")
        try:
            page.wait_for_function(started, timeout=30_000, polling=500)
            break
        except PlaywrightTimeout:
            if attempt == 2:
                raise
    # Every cell has run (no "[*]" prompt left), and none of them failed.
    page.wait_for_function(
        "() => [...document.querySelectorAll("
        "'.jp-NotebookPanel:not(.lm-mod-hidden) .jp-InputArea-prompt')]"
        ".every(p => !p.textContent.includes('*'))",
        timeout=240_000,
        polling=500,
    )
    errors = page.locator(
        f"{ACTIVE} .jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
    )
    tracebacks = [t for t in errors.all_inner_texts() if "Traceback" in t or "Error" in t]
    assert not tracebacks, tracebacks[0][:2000]
    # A cell that raised stops "run all": say which error, rather than wait for the explorer.
    failed = page.locator(f"{ACTIVE} .jp-OutputArea-output[data-mime-type*='error']")
    assert failed.count() == 0, failed.first.inner_text()[:2000]
    page.wait_for_selector(f"{ACTIVE} .jp-OutputArea-output {control}", timeout=60_000)


def _drag(page: Page, notebook: str) -> None:
    """Drag the explorer's first slider handle half-way down its track."""
    out = page.locator(f"{ACTIVE} .jp-OutputArea-output", has=page.locator(".widget-slider")).first
    handle = out.locator(".widget-slider .noUi-handle").first
    handle.scroll_into_view_if_needed()
    track = out.locator(".widget-slider .noUi-target").first.bounding_box()
    box = handle.bounding_box()
    assert box is not None and track is not None
    x, y = box["x"] + box["width"] / 2, box["y"] + box["height"] / 2
    page.mouse.move(x, y)
    page.mouse.down()
    target = track["x"] + track["width"] * (0.15 if x > track["x"] + track["width"] / 2 else 0.9)
    page.mouse.move(target, y, steps=12)
    page.mouse.up()


@pytest.mark.parametrize(("notebook", "language", "foreign"), NOTEBOOKS)
def test_explorer_renders_is_usable_and_reacts(
    lab: Lab, browser: Browser, notebook: str, language: str, foreign: list[str]
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    elsewhere: list[str] = []

    def route(r):  # type: ignore[no-untyped-def]
        if r.request.url.startswith(lab.base) or r.request.url.startswith("ws://127.0.0.1"):
            r.continue_()
        else:
            elsewhere.append(r.request.url)
            r.abort()

    context.route("**/*", route)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        stem = notebook.split(".")[0]
        ARTIFACTS.mkdir(exist_ok=True)
        try:
            _run_notebook(page, lab, notebook)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / f"lab-{stem}-failed.png"))
            raise
        body = page.locator(f"{ACTIVE} .jp-Notebook").inner_text()
        assert "Error displaying widget" not in body
        assert "Traceback" not in body, body[body.find("Traceback") - 200 :][:2000]
        assert page.locator(f"{ACTIVE} .jp-OutputArea-output[data-mime-type*='error']").count() == 0
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_timeout(500)
            out = page.locator(
                f"{ACTIVE} .jp-OutputArea-output", has=page.locator(".widget-slider")
            )
            out.first.scroll_into_view_if_needed()
            m = page.evaluate(MEASURE)
            assert m is not None and m["sliders"], "no explorer on the page"
            for s in m["sliders"]:
                assert s["track"] >= 150, (width, m["sliders"])  # a track to drag
                assert s["readout"] and s["readoutWidth"] > 0, (width, m["sliders"])
            for label in m["labels"]:
                assert not label["cut"], (width, label)
                assert label["width"] > 40, (width, label)
            for word in foreign:
                assert word not in m["text"], (width, word)
            page.screenshot(path=str(ARTIFACTS / f"lab-{stem}-{width}.png"))
        # Drag a slider with the mouse: the table must follow.
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        before = page.evaluate(MEASURE)
        _drag(page, notebook)
        changed = f"m && m.tables !== {json.dumps(before['tables'])}"
        page.wait_for_function(
            f"() => {{ const m = ({MEASURE})(); return {changed}; }}",
            timeout=60_000,
            polling=500,
        )
        after = page.evaluate(MEASURE)
        assert after["sliders"][0]["readout"] != before["sliders"][0]["readout"]
        page.screenshot(path=str(ARTIFACTS / f"lab-{stem}-dragged.png"))
        assert errors == []
        assert elsewhere == [], f"JupyterLab tried to reach: {elsewhere}"
    finally:
        context.close()


#: Later notebooks whose explorers are selectors (no slider): the notebook, its language,
#: the control that marks the explorer, how to change it, and words that must not appear.
SELECTOR_NOTEBOOKS = [
    # 06: the plan-vs-actual explorer (vaccine-booking, Japanese): regroup by category.
    (
        "06-plan-vs-actual.ipynb",
        "ja",
        ".widget-toggle-buttons",
        ("toggle", 1),
        ["as of", "item", "category", "subscription", "Budget"],
    ),
    # 07: the portfolio's tag filter (an English notebook): pick another value.
    ("07-portfolio.ipynb", "en", ".widget-dropdown", ("select", 1), []),
]


@pytest.mark.parametrize(
    ("notebook", "language", "control", "change", "foreign"), SELECTOR_NOTEBOOKS
)
def test_selector_explorer_renders_and_reacts(
    lab: Lab,
    browser: Browser,
    notebook: str,
    language: str,
    control: str,
    change: tuple[str, int],
    foreign: list[str],
) -> None:
    context = browser.new_context(viewport={"width": WIDTHS[0], "height": 900})
    context.route(
        "**/*",
        lambda r: (
            r.continue_() if r.request.url.startswith((lab.base, "ws://127.0.0.1")) else r.abort()
        ),
    )
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    js = measure(control)
    try:
        stem = notebook.split(".")[0]
        ARTIFACTS.mkdir(exist_ok=True)
        try:
            _run_notebook(page, lab, notebook, control)
        except Exception:
            page.screenshot(path=str(ARTIFACTS / f"lab-{stem}-failed.png"))
            raise
        body = page.locator(f"{ACTIVE} .jp-Notebook").inner_text()
        assert "Error displaying widget" not in body
        assert "Traceback" not in body
        # The explorer has shown its table before anything is changed.
        try:
            page.wait_for_function(
                f"() => {{ const m = ({js})(); return m && m.tables.length > 0; }}",
                timeout=60_000,
                polling=500,
            )
        except PlaywrightTimeout:
            page.screenshot(path=str(ARTIFACTS / f"lab-{stem}-failed.png"))
            raise AssertionError(f"the explorer shows no table: {page.evaluate(js)}") from None
        for width in WIDTHS:
            page.set_viewport_size({"width": width, "height": 900})
            page.wait_for_timeout(500)
            page.locator(
                f"{ACTIVE} .jp-OutputArea-output {control}"
            ).first.scroll_into_view_if_needed()
            m = page.evaluate(js)
            assert m is not None and m["labels"], "no explorer on the page"
            for label in m["labels"]:
                assert not label["cut"], (width, label)
            for word in foreign:
                assert word not in m["text"], (width, word)
            page.screenshot(path=str(ARTIFACTS / f"lab-{stem}-{width}.png"))
        page.set_viewport_size({"width": WIDTHS[0], "height": 900})
        before = page.evaluate(js)
        how, index = change
        explorer = page.locator(f"{ACTIVE} .jp-Cell-outputArea", has=page.locator(control)).first
        if how == "toggle":
            explorer.locator(f"{control} button").nth(index).click()
        else:
            explorer.locator(f"{control} select").nth(index).select_option(index=1)
        changed = f"m && m.tables !== {json.dumps(before['tables'])}"
        page.wait_for_function(
            f"() => {{ const m = ({js})(); return {changed}; }}", timeout=60_000, polling=500
        )
        page.screenshot(path=str(ARTIFACTS / f"lab-{stem}-changed.png"))
        assert errors == []
    finally:
        context.close()
