"""End to end in a real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright):
load the app, upload a letter, click through the five tabs, save a screenshot of each, and check that
the organisation grid and the asks table show the uploaded letter's organisation and ask."""
import os
import shutil
import socket
import tempfile

import pytest

playwright = pytest.importorskip("playwright.sync_api")
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
if not os.path.exists(CHROMIUM):
    pytest.skip("Debian's chromium is not installed (make test installs it with apt-get)", allow_module_level=True)

from ui import build_app  # noqa: E402

pytestmark = pytest.mark.slow  # benchmark smoke, browser and scale tests: still run by make test

LETTER = """Friends of Millbrook Library
2 Church Lane
Millbrook MB1 2AA

4 March 2025

Head of Libraries
Northshire County Council

Dear Head of Libraries,

We urge the county council to reopen Millbrook library on Saturday mornings.

We welcome the new library books budget.

Our old website said <script>document.title='pwned'</script> and <b>nothing else</b>.

Yours sincerely,

Ann Lee
Chair, Friends of Millbrook Library
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def url(tmp_path_factory):
    app = build_app(str(tmp_path_factory.mktemp("browser") / "b.db"))
    port = free_port()
    app.queue().launch(server_name="127.0.0.1", server_port=port, prevent_thread_lock=True, share=False)
    yield f"http://127.0.0.1:{port}/"
    app.close()


def test_click_through_the_five_tabs(url, tmp_path, shots_dir):
    letter = tmp_path / "millbrook_library.txt"
    letter.write_text(LETTER)
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--no-first-run"]
    with playwright.sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
        browser = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=flags, headless=True,
                                                       viewport={"width": 1400, "height": 1000})
        page = browser.new_page()
        page.goto(url, wait_until="load")
        page.get_by_role("tab", name="Upload").wait_for(timeout=60_000)
        page.get_by_role("tab", name="Upload").click()
        page.locator('input[type="file"]').first.set_input_files(str(letter))
        page.get_by_role("button", name="Read and analyse").click()
        page.locator("text=We urge the county council to reopen Millbrook library >> visible=true").first.wait_for(timeout=60_000)
        # uploaded text is shown as text: the script is visible, not run
        page.locator("text=document.title='pwned' >> visible=true").first.wait_for(timeout=30_000)
        assert page.title() == "Askmap"
        page.screenshot(path=str(shots_dir / "upload.png"), full_page=True)

        page.get_by_role("tab", name="Themes").click()
        page.wait_for_timeout(1500)
        page.screenshot(path=str(shots_dir / "themes.png"), full_page=True)

        page.get_by_role("tab", name="Organisations").click()
        page.locator("text=Friends of Millbrook Library >> visible=true").first.wait_for(timeout=30_000)
        page.screenshot(path=str(shots_dir / "organisations.png"), full_page=True)

        page.get_by_role("tab", name="Asks").click()
        page.get_by_label("Text contains").fill("Millbrook")
        page.get_by_role("button", name="Filter").click()
        page.locator("text=We urge the county council to reopen Millbrook library >> visible=true").first.wait_for(timeout=30_000)
        page.screenshot(path=str(shots_dir / "asks.png"), full_page=True)

        page.get_by_role("tab", name="Documents").click()
        page.locator("text=millbrook_library.txt >> visible=true").first.wait_for(timeout=30_000)
        page.screenshot(path=str(shots_dir / "documents.png"), full_page=True)
        browser.close()
    for name in ("upload", "themes", "organisations", "asks", "documents"):
        assert (shots_dir / f"{name}.png").stat().st_size > 10_000
