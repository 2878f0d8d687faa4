"""The Consultation tab in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright): a
consultation export with its theme list; the prevalence chart and table for a question, the answers
filtered by stance, and one answer's evidence highlighted."""
import os
import shutil
import socket
import tempfile

import pytest

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip("Debian's chromium is not installed (make test installs it with apt-get)", allow_module_level=True)

from analysis.themes import load_theme_file  # noqa: E402
from askmap import pipeline, theming  # noqa: E402
from askmap.store import open_engine  # noqa: E402
from tests.answers.test_answers import EXPORT, Q1, THEMES  # noqa: E402
from ui import build_app  # noqa: E402

pytestmark = pytest.mark.slow  # benchmark smoke, browser and scale tests: still run by make test

DB: list[str] = []  # the database the app serves (the test reads the stored tags from it)


def wait_for_value(page, label: str, text: str, seconds: float = 60) -> None:
    """A text box's value (not its visible text, which locators don't see) comes to contain ``text``."""
    box = page.get_by_label(label, exact=True)
    for _ in range(int(seconds * 4)):
        if text in box.input_value():
            return
        page.wait_for_timeout(250)
    raise AssertionError(f"{label!r} never showed {text!r}: {box.input_value()!r}")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    folder = tmp_path_factory.mktemp("consultation_ui")
    (folder / "export.csv").write_text(EXPORT, encoding="utf-8")
    (folder / "themes.toml").write_text(THEMES, encoding="utf-8")
    db = str(folder / "c.db")
    DB[:] = [db]
    engine = open_engine(db)
    pipeline.ingest_paths(engine, [folder / "export.csv"], themes=False)
    theming.fit(engine, load_theme_file(folder / "themes.toml"))
    app = build_app(db)
    port = free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, share=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_consultation_tab_prevalence_filters_and_evidence(url, shots_dir):
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"]
    with playwright.sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        browser = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=flags, headless=True,
                                                       viewport={"width": 1400, "height": 1100})
        page = browser.new_page()
        page.goto(url, wait_until="load")
        page.get_by_role("tab", name="Consultation").wait_for(timeout=60_000)
        page.get_by_role("tab", name="Consultation").click()
        page.get_by_role("combobox", name="Question").click()
        page.get_by_role("option", name=Q1).click()
        # the prevalence table and the chart for the question
        page.locator("text=Garden waste >> visible=true").first.wait_for(timeout=30_000)
        page.locator("text=Traffic and noise on Mill Lane >> visible=true").first.wait_for(timeout=30_000)
        assert page.locator(".vega-embed, canvas, svg.marks").count() > 0
        # who raises each theme: individuals, and organisations by kind (the residents' association: a charity by its name)
        page.locator("th:has-text('charity') >> visible=true").first.wait_for(timeout=30_000)
        page.locator("text=The queues of cars on Sundays >> visible=true").first.wait_for(timeout=30_000)
        # filter by stance: only the answers that disagree
        page.get_by_role("combobox", name="Stance").click()
        page.get_by_role("option", name="disagree").click()
        page.get_by_role("button", name="Show").click()
        page.locator("text=2 answers >> visible=true").first.wait_for(timeout=30_000)
        page.locator("text=I work all week >> visible=true").first.wait_for(timeout=30_000)
        assert page.locator("text=The queues of cars on Sundays >> visible=true").count() == 0
        # one answer's evidence, highlighted
        page.locator("text=I work all week >> visible=true").first.click()
        page.locator("text=stance: disagree >> visible=true").first.wait_for(timeout=30_000)
        # an analyst tags it: the tag is stored and shown in the table
        page.get_by_role("combobox", name="Themes for the selected answer (your tags)").click()
        page.get_by_role("option", name="Traffic and noise on Mill Lane").click()
        page.get_by_role("button", name="Tag this answer").click()
        wait_for_value(page, "Tags", "Traffic and noise on Mill Lane (kept through every re-fit)")
        page.get_by_role("button", name="Learn from the tags").click()
        wait_for_value(page, "Tags", "cross-validated agreement")
        page.screenshot(path=str(shots_dir / "consultation.png"), full_page=True)
        browser.close()
    assert (shots_dir / "consultation.png").stat().st_size > 10_000
    from askmap.store.answers import query_responses

    tagged = [r for r in query_responses(open_engine(DB[0])) if r["tagged"]]
    assert len(tagged) == 1 and "Traffic and noise on Mill Lane" in tagged[0]["themes"]
