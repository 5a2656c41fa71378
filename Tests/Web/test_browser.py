"""The web app in headless Chromium through Selenium: a colleague signs in, logs progress from a
phone-sized window, corrects it, switches language; a viewer sees no forms. Screenshots of every
page at 1280 and 390 px wide go to $PLANTRACK_SCREENSHOTS (default .build/screenshots)."""
import os
import shutil
import unittest

from support import Server, PASSWORDS, run

try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.chrome.service import Service
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import Select, WebDriverWait
except ImportError:  # Debian's python3-selenium; .ci/run installs it
    webdriver = None

CHROMEDRIVER = shutil.which("chromedriver")
SCREENSHOTS = os.environ.get("PLANTRACK_SCREENSHOTS", ".build/screenshots")
PAGES = ["/", "/actions/6", "/targets", "/training", "/indicators", "/search?q=AI", "/reports", "/reports/milestone"]
LABS = "ai-labs"


@unittest.skipIf(webdriver is None or CHROMEDRIVER is None, "needs python3-selenium, chromium and chromium-driver")
class BrowserTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        # A target measured in recorded values, and one value to correct.
        run("commitment", "add", LABS, "Open 20 AI labs", "--action", "6", "--target", "20 labs", "--due", "2025-12-31", db=cls.server.db)
        run("commitment", "record", LABS, "4", "--date", "2025-03-31", "--note", "Four labs open", db=cls.server.db)
        os.makedirs(SCREENSHOTS, exist_ok=True)

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def browser(self, width, language="en"):
        options = webdriver.ChromeOptions()
        for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--lang={language}",
                         f"--window-size={width},900"]:
            options.add_argument(argument)
        options.add_experimental_option("prefs", {"intl.accept_languages": language})
        if width < 500:
            # Chromium's windows are at least 500 px wide; a phone's viewport needs device emulation.
            options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": 844, "pixelRatio": 1}})
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        driver.set_page_load_timeout(60)
        self.addCleanup(driver.quit)
        return driver

    def click_and_wait(self, driver, element):
        """Clicks, then waits until the next page has replaced this one."""
        page = driver.find_element(By.TAG_NAME, "html")
        element.click()
        def replaced(_):
            # Chromium reports a node of the old document as stale or as "not in the document".
            try:
                page.is_enabled()
                return False
            except WebDriverException:
                return True
        WebDriverWait(driver, 30).until(replaced)

    def sign_in(self, driver, name):
        driver.get(self.server.base + "/")
        self.assertTrue(driver.current_url.endswith("/login"))
        driver.find_element(By.ID, "name").send_keys(name)
        driver.find_element(By.ID, "password").send_keys(PASSWORDS[name])
        self.click_and_wait(driver, driver.find_element(By.ID, "sign-in"))
        self.assertEqual(driver.current_url, self.server.base + "/")

    def test_editor_on_a_phone(self):
        driver = self.browser(390)
        self.sign_in(driver, "eve")
        # The page fits the phone's width: nothing scrolls sideways but the tables' own wrappers.
        self.assertEqual(driver.execute_script("return document.documentElement.clientWidth"), 390)
        self.assertLessEqual(driver.execute_script("return document.documentElement.scrollWidth"), 390)

        driver.get(self.server.base + "/actions/6")
        driver.find_element(By.ID, "note").send_keys("Second programme held in Nairobi")
        Select(driver.find_element(By.ID, "status")).select_by_value("in-progress")
        driver.find_element(By.ID, "reported_on").send_keys("04/02/2025")  # Chromium's date input takes the locale's order
        driver.find_element(By.ID, "percent").send_keys("35")
        self.click_and_wait(driver, driver.find_element(By.ID, "save-progress"))
        timeline = driver.find_element(By.ID, "timeline").text
        self.assertIn("Second programme held in Nairobi", timeline)
        self.assertIn("2025-04-02", timeline)
        self.assertIn("eve", timeline)

        # A bad value comes back beside its field, with what was typed kept.
        driver.find_element(By.ID, "note").send_keys("Third one")
        driver.find_element(By.ID, "percent").send_keys("250")
        self.click_and_wait(driver, driver.find_element(By.ID, "save-progress"))
        self.assertEqual(driver.find_element(By.ID, "percent-error").text, "250 is out of range (expected 0 to 100)")
        self.assertEqual(driver.find_element(By.ID, "note").get_attribute("value"), "Third one")

        driver.get(self.server.base + "/?as_of=2025-06-30")
        self.assertIn("Second programme held in Nairobi", driver.find_element(By.ID, "actions").text)

        # Correct it: the timeline shows the correction, the old row struck through.
        driver.get(self.server.base + "/actions/6")
        self.click_and_wait(driver, driver.find_elements(By.CLASS_NAME, "correct-link")[-1])
        Select(driver.find_element(By.ID, "status")).select_by_value("at-risk")
        self.click_and_wait(driver, driver.find_element(By.ID, "save-progress"))
        rows = driver.find_elements(By.CSS_SELECTOR, "#timeline > li")
        self.assertIn("superseded", rows[-2].get_attribute("class"))
        self.assertEqual(rows[-1].find_element(By.CLASS_NAME, "badge").text, "at risk")
        self.assertIn("corrects #", rows[-1].text)
        self.assertEqual(self.server.sql("SELECT status, author FROM progress_updates ORDER BY id DESC LIMIT 1"), "at-risk|eve\n")

        # A training session from the phone.
        driver.get(self.server.base + "/training")
        driver.find_element(By.ID, "title").send_keys("AI workshop")
        driver.find_element(By.ID, "started_on").send_keys("05/12/2025")
        driver.find_element(By.ID, "location").send_keys("Beijing")
        driver.find_element(By.ID, "participants").send_keys("38")
        self.click_and_wait(driver, driver.find_element(By.ID, "save-training"))
        self.assertIn("AI workshop", driver.find_element(By.ID, "sessions").text)

        # …and withdrawn again, with a reason.
        session = self.server.sql("SELECT max(id) FROM training_sessions").strip()
        driver.find_element(By.ID, "session").send_keys(session)
        driver.find_element(By.ID, "reason").send_keys("recorded twice")
        self.click_and_wait(driver, driver.find_element(By.ID, "withdraw-training"))
        self.assertEqual(self.server.sql(f"SELECT reason, author FROM training_withdrawals WHERE session_id = {session}"),
                         "recorded twice|eve\n")

        # The language switch sticks across pages.
        self.click_and_wait(driver, driver.find_element(By.ID, "lang-switch"))
        self.assertIn("训", driver.find_element(By.TAG_NAME, "nav").text)
        driver.get(self.server.base + "/targets")
        self.assertIn("总览", driver.find_element(By.TAG_NAME, "nav").text)
        self.click_and_wait(driver, driver.find_element(By.ID, "lang-switch"))
        self.assertIn("Overview", driver.find_element(By.TAG_NAME, "nav").text)

    def screenshot(self, driver, name, width):
        if width >= 500:
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, min(max(height, 600), 6000))
        target = os.path.join(SCREENSHOTS, f"{name}-{width}.png")
        self.assertTrue(driver.save_screenshot(target), target)
        self.assertGreater(os.path.getsize(target), 10_000, target)

    def test_editor_corrects_a_session_and_records_actuals(self):
        for width in (1280, 390):
            driver = self.browser(width)
            self.sign_in(driver, "eve")
            # A session to correct, then its participants corrected; empty fields keep their values.
            driver.get(self.server.base + "/training")
            driver.find_element(By.ID, "title").send_keys(f"Lab visit {width}")
            driver.find_element(By.ID, "started_on").send_keys("03/20/2025")  # before the phone test's update of 2025-04-02
            driver.find_element(By.ID, "location").send_keys("Shenzhen")
            driver.find_element(By.ID, "participants").send_keys("12")
            self.click_and_wait(driver, driver.find_element(By.ID, "save-training"))
            session = self.server.sql("SELECT max(id) FROM training_sessions").strip()
            driver.find_element(By.ID, "correct-session").send_keys(session)
            driver.find_element(By.ID, "correct-participants").send_keys("-5")
            self.click_and_wait(driver, driver.find_element(By.ID, "correct-training"))
            self.assertEqual(driver.find_element(By.ID, "correct-participants-error").text, "-5 participants is negative")
            self.assertEqual(driver.find_element(By.ID, "correct-session").get_attribute("value"), session)
            participants = driver.find_element(By.ID, "correct-participants")
            participants.clear()
            participants.send_keys("14")
            self.screenshot(driver, "training-correct", width)
            self.click_and_wait(driver, driver.find_element(By.ID, "correct-training"))
            self.assertEqual(self.server.sql(f"SELECT title, location, participants FROM training_sessions WHERE supersedes_id = {session}"),
                             f"Lab visit {width}|Shenzhen|14\n")
            self.assertIn(f"Lab visit {width}", driver.find_element(By.ID, "sessions").text)

            # An actual recorded on the targets page, seen there at once.
            driver.get(self.server.base + "/targets?as_of=2025-06-30")
            Select(driver.find_element(By.ID, "commitment")).select_by_value(LABS)
            value = "9" if width == 1280 else "11"
            driver.find_element(By.ID, "value").send_keys(value + " labs")
            driver.find_element(By.ID, "measured_on").send_keys("06/15/2025" if width == 1280 else "06/20/2025")
            driver.find_element(By.ID, "note").send_keys(f"Labs counted at {width}")
            self.click_and_wait(driver, driver.find_element(By.ID, "save-actual"))
            self.assertIn(f"Labs counted at {width}", driver.find_element(By.ID, "actuals-table").text)
            row = [tr for tr in driver.find_elements(By.CSS_SELECTOR, "#commitments tbody tr") if LABS in tr.text][0]
            self.assertEqual([td.text for td in row.find_elements(By.TAG_NAME, "td")][:5], ["6", "Open 20 AI labs", "20", "labs", value])
            self.screenshot(driver, "targets-actuals", width)

            # …and corrected from its row.
            actual = self.server.sql("SELECT max(id) FROM commitment_actuals").strip()
            self.click_and_wait(driver, driver.find_element(By.CSS_SELECTOR, f"#actual-{actual} .correct-actual-link"))
            field = driver.find_element(By.ID, "value")
            self.assertEqual(field.get_attribute("value"), value)
            field.clear()
            field.send_keys(str(int(value) + 1))
            self.screenshot(driver, "actual-correct", width)
            self.click_and_wait(driver, driver.find_element(By.ID, "save-actual"))
            self.assertIn("superseded", driver.find_element(By.ID, f"actual-{actual}").get_attribute("class"))
            self.assertEqual(self.server.sql(f"SELECT value, note, author FROM commitment_actuals WHERE supersedes_id = {actual}"),
                             f"{int(value) + 1}.0|Labs counted at {width}|eve\n")

    def test_viewer_sees_no_forms(self):
        driver = self.browser(1280)
        self.sign_in(driver, "vic")
        driver.get(self.server.base + "/actions/6")
        self.assertEqual(driver.find_elements(By.ID, "progress-form"), [])
        self.assertEqual(driver.find_elements(By.CLASS_NAME, "correct-link"), [])
        driver.get(self.server.base + "/training")
        self.assertEqual(driver.find_elements(By.ID, "training-form"), [])
        self.assertEqual(driver.find_elements(By.ID, "correct-training-form"), [])
        driver.get(self.server.base + "/targets")
        self.assertEqual(driver.find_elements(By.ID, "actual-form"), [])
        self.assertEqual(driver.find_elements(By.CLASS_NAME, "correct-actual-link"), [])

    def test_screenshots_of_every_page(self):
        for width in (1280, 390):
            driver = self.browser(width)
            self.sign_in(driver, "eve")
            for path in PAGES:
                driver.get(self.server.base + path)
                height = driver.execute_script("return document.documentElement.scrollHeight")
                if width >= 500:
                    driver.set_window_size(width, min(max(height, 600), 6000))
                name = path.strip("/").replace("/", "-").replace("?", "-").replace("=", "-") or "overview"
                target = os.path.join(SCREENSHOTS, f"{name}-{width}.png")
                self.assertTrue(driver.save_screenshot(target), target)
                self.assertGreater(os.path.getsize(target), 10_000, target)


if __name__ == "__main__":
    unittest.main()
