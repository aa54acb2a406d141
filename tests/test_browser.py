"""The built site in a real browser: calendar -> post preview -> Material's search.

Headless Chromium from Debian's packages (/usr/bin/chromium, /usr/bin/chromedriver) driven by
Selenium with an explicit driver path: nothing is downloaded at test time. Without Chromium
(or Selenium) the test is skipped, unless EKIP_REQUIRE_BROWSER is set (CI sets it): then it
fails. Screenshots go to the test's tmp folder and are copied to /tmp/ekip-browser-*.png.
"""

from __future__ import annotations

import functools
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Repo
from tests.test_site import copy_repository, mkdocs_build

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
REQUIRED = bool(os.environ.get("EKIP_REQUIRE_BROWSER"))
KEEP = Path("/tmp")  # a copy of each screenshot, to look at

TITLE = "Lacivert kaşmir atkı tanıtımı"
PHRASE = "Lacivert kaşmir atkımız bu hafta vitrinlerde."
SEARCH = "kaşmir atkı"
FLAGS = (
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--window-size=1280,1200",
)


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"{reason} (EKIP_REQUIRE_BROWSER is set)")
    pytest.skip(f"{reason}; install Debian's chromium and chromium-driver, or set EKIP_REQUIRE_BROWSER to fail")


@pytest.fixture(scope="module")
def webdriver_module() -> Any:
    """Selenium's webdriver, once Chromium, its driver and Selenium are known to be there
    (checked before the site is built)."""
    if not CHROMIUM.exists() or not CHROMEDRIVER.exists():
        _unavailable(f"{CHROMIUM} or {CHROMEDRIVER} is missing")
    try:
        from selenium import webdriver
    except ImportError:
        _unavailable("selenium is not installed (pip install -e '.[test]')")
    return webdriver


@pytest.fixture(scope="module")
def site(webdriver_module: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = copy_repository(tmp_path_factory.mktemp("repo"))
    Repo(root).write("content/posts/2026/12/lacivert-atki.md", (
        "---\n"
        f"title: {TITLE}\n"
        "date: 2026-12-03T10:00:00+03:00\nplatforms: [instagram, x]\nstatus: draft\nauthor: ayse\n"
        "---\n\n"
        f"{PHRASE}\n\n#Kaşmir\n"
    ))
    out = root / "_site"
    result = mkdocs_build(root, out)
    assert result.returncode == 0, result.stderr
    return out


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def browser(webdriver_module: Any, tmp_path: Path) -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    webdriver = webdriver_module
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (*FLAGS, f"--user-data-dir={tmp_path / 'chromium-profile'}"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()


def shot(driver: Any, tmp_path: Path, name: str) -> Path:
    path = tmp_path / f"{name}.png"
    assert driver.save_screenshot(str(path))
    shutil.copy2(path, KEEP / f"ekip-browser-{name}.png")
    return path


def test_calendar_preview_and_search(browser: Any, server: str, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 20)
    browser.get(f"{server}/takvim/")
    assert browser.find_element(By.TAG_NAME, "h1").text == "İçerik takvimi"
    shot(browser, tmp_path, "overview")

    # The overview links the month; the month page links the post's preview.
    browser.find_element(By.LINK_TEXT, "Aralık 2026").click()
    wait.until(ec.title_contains("Aralık 2026"))
    shot(browser, tmp_path, "month")
    browser.find_element(By.LINK_TEXT, TITLE).click()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, ".ekip-gonderi")))
    assert browser.find_element(By.TAG_NAME, "h1").text == TITLE
    assert PHRASE in browser.find_element(By.CSS_SELECTOR, ".ekip-gonderi").text
    assert "/takvim/gonderi/" in browser.current_url
    shot(browser, tmp_path, "preview")

    # Material's search box finds the post by its title.
    query = wait.until(ec.element_to_be_clickable((By.CSS_SELECTOR, "input.md-search__input")))
    query.click()
    query.send_keys(SEARCH)
    result = wait.until(ec.visibility_of_element_located(
        (By.XPATH, f"//li[contains(@class, 'md-search-result__item')]//h1[contains(., '{TITLE}')]")
    ))
    assert TITLE in result.text
    path = shot(browser, tmp_path, "search")
    assert path.stat().st_size > 10_000


def test_report_page_shows_charts(browser: Any, server: str, tmp_path: Path) -> None:
    """A month's report page: its charts are inline SVG that the browser lays out (no request
    leaves the machine), each beside its data table."""
    from selenium.webdriver.common.by import By

    browser.get(f"{server}/raporlar/")
    browser.find_element(By.LINK_TEXT, "Kasım 2026").click()
    charts = browser.find_elements(By.CSS_SELECTOR, ".ekip-grafik svg.ekip-svg")
    assert len(charts) >= 4
    first = charts[0]
    assert first.size["width"] > 300 and first.size["height"] > 100  # laid out, not collapsed
    assert first.find_elements(By.CSS_SELECTOR, "polyline")  # the follower lines are drawn
    tables = browser.find_elements(By.CSS_SELECTOR, ".ekip-grafik .ekip-veri table")
    assert len(tables) == len(charts)
    browser.execute_script("arguments[0].scrollIntoView();", first)
    path = shot(browser, tmp_path, "report")
    assert path.stat().st_size > 10_000
