"""The review page end to end in a real browser: headless Chromium against the running app.

Uses Debian's ``chromium`` and ``chromium-driver`` (``.ci/run`` installs them when missing);
skipped, saying so, only where those binaries are absent. The app runs in a thread on a free
loopback port, exactly as a person's browser would reach it.
"""

from __future__ import annotations

import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait
from werkzeug.serving import make_server

from service import create_app, pipeline
from service.models import Report

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
SEEDS = Path(__file__).resolve().parents[1].parent / "shared" / "seeds"
SEED_SOURCE = SEEDS / "000_0e3f8fa7dc88a4f2.txt"
SEED_CANDIDATE = SEEDS / "001_036c3dcdf7a0ddc0.txt"


def _field_holds(element_id: str, text: str) -> Callable[[WebDriver], bool]:
    """A wait condition: the form field ``element_id`` holds exactly ``text``."""

    def holds(driver: WebDriver) -> bool:
        return driver.find_element(By.ID, element_id).get_attribute("value") == text

    return holds


pytestmark = pytest.mark.skipif(
    CHROMIUM is None or CHROMEDRIVER is None,
    reason="browser tests need Debian's chromium and chromium-driver "
    "(apt-get install -y chromium chromium-driver; .ci/run installs them)",
)

# Invented for this test: an intact quote, a reworded one, reported speech turned into a
# quotation, and a quotation turned into prose.
FIXTURE_SOURCE = (
    "City council approves night bus trial\n\n"
    "The city council on Wednesday approved a six-month trial of night buses on three routes. "
    "\u201cShift workers have waited far too long for a safe way home,\u201d said councillor "
    "Maria Lindqvist, who proposed the plan. \u201cThis trial will show whether the demand is "
    "real.\u201d\n\n"
    "Transport director Paul Okafor said the buses would run every thirty minutes. "
    "\u201cWe expect the first buses to run in early March,\u201d he said.\n\n"
    "\u201cThe budget for this year is already stretched,\u201d said opposition leader "
    "Henrik Dahl.\n"
)
FIXTURE_CANDIDATE = (
    "Night buses to be trialled\n\n"
    "A six-month trial of night buses on three routes was approved on Wednesday. "
    '"Shift workers have waited far too long for a safe way home," said councillor '
    'Maria Lindqvist. "This trial will prove that the demand is huge."\n\n'
    'Transport director Paul Okafor said: "The buses will run every half hour."\n\n'
    "Opposition leader Henrik Dahl warned that the budget for this year is already "
    "stretched.\n"
)


def _pair() -> tuple[str, str]:
    """The seed pair when the shared folder is there, else the invented pair above."""
    if SEED_SOURCE.is_file() and SEED_CANDIDATE.is_file():
        return (
            SEED_SOURCE.read_text(encoding="utf-8"),
            SEED_CANDIDATE.read_text(encoding="utf-8"),
        )
    return FIXTURE_SOURCE, FIXTURE_CANDIDATE


@pytest.fixture(scope="module")
def base_url() -> Iterator[str]:
    server = make_server("127.0.0.1", 0, create_app({"TESTING": True}), threaded=True)
    thread = threading.Thread(target=server.serve_forever, name="review-app", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)


@pytest.fixture
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WebDriver]:
    assert CHROMIUM is not None and CHROMEDRIVER is not None
    options = Options()
    options.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(flag)
    driver = webdriver.Chrome(options=options, service=Service(executable_path=CHROMEDRIVER))
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def _paste(driver: WebDriver, field_id: str, text: str) -> None:
    # What a paste does: the whole text lands in the box at once (send_keys would type it
    # key by key, minutes for an article).
    box = driver.find_element(By.ID, field_id)
    driver.execute_script("arguments[0].value = arguments[1];", box, text)


def _submit(driver: WebDriver) -> WebElement:
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    return WebDriverWait(driver, 60).until(
        expected_conditions.presence_of_element_located((By.ID, "report"))
    )


def _counts(driver: WebDriver) -> dict[str, int]:
    return {
        str(element.get_attribute("data-count")): int(element.text)
        for element in driver.find_elements(By.CSS_SELECTOR, ".summary [data-count]")
    }


def _expected_counts(report: Report) -> dict[str, int]:
    summary = report.summary
    return {
        "quotes": summary.quotes,
        "intact": summary.intact,
        "altered": summary.altered,
        "misattributed": summary.misattributed,
        "altered_misattributed": summary.altered_misattributed,
        "unsourced": summary.unsourced,
        "dropped": summary.dropped,
    }


def _active_id(driver: WebDriver) -> str:
    return str(driver.execute_script("return document.activeElement.id;"))


def test_paste_verify_and_navigate(base_url: str, browser: WebDriver, tmp_path: Path) -> None:
    source, candidate = _pair()
    report = pipeline.verify(source, candidate, "text")
    altered = [v for v in report.verdicts if v.status == "altered"]
    assert altered, "the pair must contain an altered quote for this test to mean anything"

    browser.get(base_url + "/")
    assert browser.title.startswith("Verbatim")
    _paste(browser, "source", source)
    _paste(browser, "candidate", candidate)
    _submit(browser)

    assert _counts(browser) == _expected_counts(report)

    marks = browser.find_elements(By.CSS_SELECTOR, "#candidate-text a.mark-altered")
    assert len(marks) == len(altered)
    first = marks[0]
    assert first.text.rstrip("✎").strip() == altered[0].candidate.text.strip()
    tint = first.value_of_css_property("background-color")
    unmarked = browser.find_element(By.ID, "candidate-text").value_of_css_property(
        "background-color"
    )
    assert tint != unmarked
    assert first.value_of_css_property("text-decoration-style") == "dashed"

    browser.save_screenshot(str(tmp_path / "review.png"))
    assert (tmp_path / "review.png").stat().st_size > 10_000

    # Selecting the quote lands on its card (focused, in view, labelled altered) ...
    card_id = str(first.get_attribute("href")).rsplit("#", 1)[1]
    first.click()
    WebDriverWait(browser, 10).until(lambda driver: _active_id(driver) == card_id)
    card = browser.find_element(By.ID, card_id)
    assert "Altered" in card.find_element(By.CSS_SELECTOR, ".badge").text
    assert browser.execute_script(
        "const r = arguments[0].getBoundingClientRect();"
        "return r.top < window.innerHeight && r.bottom > 0;",
        card,
    )
    assert card.find_elements(By.CSS_SELECTOR, ".diff del, .diff ins")
    browser.save_screenshot(str(tmp_path / "review-card.png"))

    # ... and the card links back to the quote.
    card.find_element(By.CSS_SELECTOR, ".back a").click()
    WebDriverWait(browser, 10).until(lambda driver: _active_id(driver) == first.get_attribute("id"))

    # Keyboard: "n" moves to the next highlighted quote.
    browser.switch_to.active_element.send_keys("n")
    all_marks = browser.find_elements(By.CSS_SELECTOR, "#candidate-text a.mark")
    position = [mark.get_attribute("id") for mark in all_marks].index(first.get_attribute("id"))
    expected_next = all_marks[(position + 1) % len(all_marks)].get_attribute("id")
    WebDriverWait(browser, 10).until(lambda driver: _active_id(driver) == expected_next)


HOSTILE = "<script>window.pwned = 'script';</script><img src=x onerror=\"window.pwned = 'img'\">"


@pytest.mark.parametrize("fmt", ["text", "html"])
def test_document_with_script_stays_inert(
    base_url: str, browser: WebDriver, tmp_path: Path, fmt: str
) -> None:
    source = "Officials met on Monday. \u201cThe bridge stays open,\u201d said mayor Ana Ruiz."
    candidate = (
        f"Officials met. {HOSTILE} \u201cThe bridge stays open {HOSTILE},\u201d "
        "said mayor Ana Ruiz."
    )
    browser.get(base_url + "/")
    _paste(browser, "source", source)
    _paste(browser, "candidate", candidate)
    browser.find_element(By.CSS_SELECTOR, f"input[name=format][value={fmt}]").click()
    _submit(browser)
    browser.save_screenshot(str(tmp_path / f"inert-{fmt}.png"))

    assert browser.execute_script("return window.pwned === undefined;")
    assert not browser.find_elements(By.CSS_SELECTOR, "#report script, #report img")
    shown = browser.find_element(By.ID, "candidate-text").text
    if fmt == "text":
        assert "<script>window.pwned = 'script';</script>" in shown  # shown as text
    else:
        assert "pwned" not in shown  # HTML is shown as the plain text a reader would see
    assert browser.find_element(By.ID, "candidate").get_attribute("value") == candidate


def test_uploaded_files_fill_the_form(base_url: str, browser: WebDriver, tmp_path: Path) -> None:
    source, candidate = _pair()
    for name, text in (("source", source), ("candidate", candidate)):
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    browser.get(base_url + "/")
    for name, text in (("source", source), ("candidate", candidate)):
        browser.find_element(By.ID, f"{name}_file").send_keys(str(tmp_path / f"{name}.txt"))
        WebDriverWait(browser, 10).until(_field_holds(name, text))
    _submit(browser)
    assert _counts(browser) == _expected_counts(pipeline.verify(source, candidate, "text"))


def test_self_contained_report_works_offline(browser: WebDriver, tmp_path: Path) -> None:
    """The file from ``--html`` / ``Accept: text/html``: opened from disk, styled, scripted."""
    from service import review

    source, candidate = _pair()
    report = pipeline.verify(source, candidate, "text")
    page = tmp_path / "report.html"
    page.write_text(
        review.render_report(report, source, candidate, standalone=True), encoding="utf-8"
    )
    browser.get(page.as_uri())
    assert _counts(browser) == _expected_counts(report)
    first = browser.find_element(By.CSS_SELECTOR, "#candidate-text a.mark")
    # The inline stylesheet applied (its hash is in the page's policy) ...
    assert first.value_of_css_property("text-decoration-line") == "underline"
    # ... and so did the inline script: "n" focuses the first quote.
    browser.find_element(By.TAG_NAME, "body").send_keys("n")
    WebDriverWait(browser, 10).until(lambda driver: _active_id(driver) == first.get_attribute("id"))
    browser.save_screenshot(str(tmp_path / "standalone.png"))
