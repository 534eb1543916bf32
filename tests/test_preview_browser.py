"""`toolkit preview` in headless Chromium: choose the 5 (d) note, save new text, a mistake, its fix."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import SAMPLE
from preview_server import PreviewProcess, built

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
NOTE = "5d-low-carbon-cities"
SENTENCE = "Eleven amber tramlines now cross Ulaanbaatar from dawn to dusk."

pytestmark = [pytest.mark.slow, pytest.mark.browser, pytest.mark.skipif(
    not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
    reason="headless Chromium absent: install Debian's chromium and chromium-driver (bash setup.sh does)")]


@pytest.fixture
def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1280,1000",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update",
                     "--disable-sync", "--disable-default-apps"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def test_page_follows_the_sources(tmp_path, browser):
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    meeting = tmp_path / "som-26"
    shutil.copytree(SAMPLE, meeting)
    preview = PreviewProcess(meeting, tmp_path / "out")
    try:
        preview.wait_for(built, seconds=120)
        browser.get(preview.address)
        wait = WebDriverWait(browser, 60, poll_frequency=0.1, ignored_exceptions=(StaleElementReferenceException,))
        choice = wait.until(lambda d: d.find_element(By.ID, f"doc-{NOTE}"))
        choice.click()

        def page_texts(driver):  # read in one script: the page replaces its images when it refreshes
            return driver.execute_script(
                "return Array.from(document.querySelectorAll('#pages img'), (i) => i.alt).join(' ')")

        wait.until(lambda d: "LOW CARBON CITIES" in page_texts(d).upper())
        images = browser.find_elements(By.CSS_SELECTOR, "#pages img")
        assert len(images) == 8
        wait.until(lambda d: d.execute_script(
            "const i = document.querySelector('#pages img'); return i.complete && i.naturalWidth > 800"))
        first_src = images[0].get_attribute("src")
        assert SENTENCE not in page_texts(browser)

        source = meeting / "notes" / f"{NOTE}.md"
        text = source.read_text(encoding="utf-8")
        edited = text.replace("# Background\n\nMember States", f"# Background\n\n{SENTENCE} Member States")
        assert edited != text
        source.write_text(edited, encoding="utf-8")
        wait.until(lambda d: SENTENCE in page_texts(d))
        assert browser.find_elements(By.CSS_SELECTOR, "#pages img")[0].get_attribute("src") != first_src
        wait.until(lambda d: d.execute_script(
            "const i = document.querySelector('#pages img'); return i.complete && i.naturalWidth > 800"))
        assert not browser.find_element(By.ID, "problems-box").is_displayed()

        source.write_text(edited.replace("item: 5 (d)", "item: 5 (q)", 1), encoding="utf-8")
        problem = wait.until(lambda d: d.execute_script(
            "return Array.from(document.querySelectorAll('#problems li'), (li) => li.textContent)"
            ".find((t) => t.startsWith(arguments[0])) || null", f"notes/{NOTE}.md:2:"))
        assert "5 (q)" in problem
        assert SENTENCE in page_texts(browser)  # the last good pages, beside the message
        assert browser.find_element(By.ID, "problems-box").is_displayed()

        source.write_text(edited, encoding="utf-8")
        wait.until(lambda d: not d.find_elements(By.CSS_SELECTOR, "#problems li"))
        assert not browser.find_element(By.ID, "problems-box").is_displayed()
        assert SENTENCE in page_texts(browser)
        browser.save_screenshot(str(tmp_path / "preview.png"))
    finally:
        preview.stop()
