"""Every page at a phone's width (390 px) and a desktop's (1280 px), in English and Chinese, in headless
Chromium: tables become cards on the phone, every column, status and unit is in the page's language,
no word breaks in the middle at 1280, and axe-core 4 (the axe.min.js that PyPI's axe-playwright-python
ships, injected through Selenium) finds no serious or critical WCAG 2.1 AA violation. Then the overview,
search, refusals and the targets form in particular, and a keyboard-only session. Screenshots of every
page go to $PLANTRACK_SCREENSHOTS (default .build/screenshots) as NAME-LANG-WIDTH.png."""
import glob
import html
import importlib.util
import os
import re
import shutil
import unittest

from support import Server, PASSWORDS, run

try:
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    from selenium.webdriver.chrome.service import Service
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.support.ui import WebDriverWait
except ImportError:  # Debian's python3-selenium; .ci/run installs it
    webdriver = None

CHROMEDRIVER = shutil.which("chromedriver")
SCREENSHOTS = os.environ.get("PLANTRACK_SCREENSHOTS", ".build/screenshots")
LABS = "ai-labs"


def axe_source():
    """axe-core's axe.min.js as axe-playwright-python ships it (.ci/run installs the package)."""
    path = os.environ.get("PLANTRACK_AXE_JS")
    if not path:
        spec = importlib.util.find_spec("axe_playwright_python")
        path = os.path.join(os.path.dirname(spec.origin), "axe.min.js") if spec and spec.origin else None
    if not path or not os.path.exists(path):
        found = glob.glob("/usr/local/lib/python3*/dist-packages/axe_playwright_python/axe.min.js")
        path = found[0] if found else None
    return open(path, encoding="utf-8").read() if path else None


AXE = axe_source() if webdriver else None

# Words a page must never show: the command line's column names and stored statuses.
SNAKE_CASE = re.compile(r"\b[a-z]+_[a-z_]+\b")
RAW_STATUSES = ("in-progress", "not-started", "at-risk", "on-track", "no-data")

# In the page: Latin words of 3+ letters in table cells, headings and lists that are laid out on more than one line.
BROKEN_WORDS = """
const broken = [];
for (const element of document.querySelectorAll('main td, main th, main h1, main h2, main h3, main dd, main dt, main li, nav a')) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of node.textContent.matchAll(/[A-Za-z]{3,}/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
      if (tops.size > 1) broken.push(match[0]);
    }
  }
}
return broken;
"""

# On a phone: every visible table cell of a card table, its width (a card is the page's width, not a column's).
CARD_CELLS = """
return [...document.querySelectorAll('table.cards td')].filter(td => td.offsetParent !== null)
  .map(td => Math.round(td.getBoundingClientRect().width));
"""

AXE_RUN = """
const done = arguments[arguments.length - 1];
axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}, resultTypes: ['violations']})
  .then(results => done(results.violations.map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))))
  .catch(error => done([{id: 'axe-error', impact: 'critical', nodes: [String(error)]}]));
"""


@unittest.skipIf(webdriver is None or CHROMEDRIVER is None, "needs python3-selenium, chromium and chromium-driver")
class DesignTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        db = cls.server.db
        run("commitment", "add", LABS, "Open 20 AI labs", "--action", "6", "--target", "20 labs", "--due", "2025-12-31", db=db)
        run("commitment", "record", LABS, "4", "--date", "2025-03-31", "--note", "Four labs open", db=db)
        run("progress", "add", "6", "Second programme held in Nairobi", "--status", "in-progress", "--date", "2025-04-02",
            "--percent", "40", "--evidence", "https://example.org/nairobi", db=db)
        run("progress", "add", "3", "Visa delays for participants from Shanghai", "--status", "blocked", "--date", "2025-05-10", db=db)
        first = cls.server.sql("SELECT max(id) FROM progress_updates").strip()
        run("progress", "correct", first, "--status", "at-risk", db=db)
        cls.corrected, cls.correction = first, cls.server.sql("SELECT max(id) FROM progress_updates").strip()
        run("training", "add", "--title", "AI workshop", "--start", "2025-05-12", "--location", "Beijing", "--participants", "38",
            "--countries", "21", db=db)
        cls.update = cls.server.sql("SELECT max(id) FROM progress_updates").strip()
        cls.actual = cls.server.sql("SELECT max(id) FROM commitment_actuals").strip()
        passage = cls.server.sql("SELECT d.slug || '/' || p.line FROM passages p JOIN documents d ON d.id = p.document_id "
                                 "WHERE p.text LIKE '%算力%' ORDER BY p.id LIMIT 1").strip()
        cls.pages = ["/", "/actions/6", "/actions/3", "/targets", "/training", "/indicators", "/search?q=AI", "/search?q=算力",
                     "/reports", "/reports/action-status", "/reports/milestone", "/reports/commitments", "/reports/sources",
                     f"/passages/{passage}", f"/actions/3/updates/{cls.update}/correct", f"/targets/{LABS}/actuals/{cls.actual}/correct",
                     "/actions/99"]
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
        driver.set_script_timeout(60)
        self.addCleanup(driver.quit)
        return driver

    def wait_for_new_page(self, driver, act):
        page = driver.find_element(By.TAG_NAME, "html")
        act()

        def replaced(_):
            try:
                page.is_enabled()
                return False
            except WebDriverException:
                return True
        WebDriverWait(driver, 30).until(replaced)

    def sign_in(self, driver, name, language):
        driver.get(self.server.base + f"/lang?to={language}&back=/login")
        driver.find_element(By.ID, "name").send_keys(name)
        driver.find_element(By.ID, "password").send_keys(PASSWORDS[name])
        self.wait_for_new_page(driver, driver.find_element(By.ID, "sign-in").click)
        self.assertEqual(driver.current_url, self.server.base + "/")

    def axe_violations(self, driver):
        if AXE is None:
            self.skipTest("axe.min.js not found (pip install axe-playwright-python)")
        driver.execute_script(AXE + "\nwindow.axe = axe;")
        return [v for v in driver.execute_async_script(AXE_RUN) if v["impact"] in ("serious", "critical")]

    def screenshot(self, driver, name, width):
        if width >= 500:
            height = driver.execute_script("return document.documentElement.scrollHeight")
            driver.set_window_size(width, min(max(height, 600), 6000))
        target = os.path.join(SCREENSHOTS, f"{name}-{width}.png")
        self.assertTrue(driver.save_screenshot(target), target)
        self.assertGreater(os.path.getsize(target), 10_000, target)
        if width >= 500:
            driver.set_window_size(width, 900)

    def check_page(self, driver, path, width, language):
        where = f"{path} at {width} px in {language}"
        text = driver.find_element(By.TAG_NAME, "body").text
        self.assertEqual(driver.find_element(By.TAG_NAME, "html").get_attribute("lang"), "zh-Hans" if language == "zh" else "en", where)
        self.assertEqual(SNAKE_CASE.findall(text), [], where)
        self.assertNotIn("plantrack ", text.replace("plantrack-", ""), where)
        if language == "zh":
            self.assertEqual([status for status in RAW_STATUSES if status in text], [], where)
        self.assertEqual(self.axe_violations(driver), [], where)
        if width < 500:
            self.assertLessEqual(driver.execute_script("return document.documentElement.scrollWidth"), width, where)
            # Cards: each cell as wide as the card (the page less its margins), never a 1–3 character column.
            widths = driver.execute_script(CARD_CELLS)
            self.assertTrue(all(cell >= 300 for cell in widths), f"{where}: cell widths {sorted(set(widths))[:8]}")
            for header in driver.find_elements(By.CSS_SELECTOR, "table.cards thead"):
                self.assertFalse(header.is_displayed(), where)
        else:
            self.assertEqual(driver.execute_script(BROKEN_WORDS), [], where)

    def test_every_page_in_both_languages_at_both_widths(self):
        for language in ("en", "zh"):
            for width in (1280, 390):
                with self.subTest(language=language, width=width):
                    driver = self.browser(width, language)
                    driver.get(self.server.base + f"/lang?to={language}&back=/login")
                    self.check_page(driver, "/login", width, language)
                    self.screenshot(driver, f"login-{language}", width)
                    self.sign_in(driver, "eve", language)
                    for path in self.pages:
                        driver.get(self.server.base + path)
                        self.check_page(driver, path, width, language)
                        name = re.sub(r"[^A-Za-z0-9]+", "-", path.strip("/")).strip("-") or "overview"
                        if "算力" in path:
                            name += "-zh-term"
                        self.screenshot(driver, f"{name}-{language}", width)

    def test_overview_shows_status_last_update_and_progress(self):
        driver = self.browser(1280, "zh")
        self.sign_in(driver, "vic", "zh")
        driver.get(self.server.base + "/?as_of=2025-06-30")
        cards = driver.find_elements(By.CSS_SELECTOR, "#actions > li")
        self.assertEqual(len(cards), 10)
        six = driver.find_element(By.ID, "action-6")
        self.assertEqual(six.find_element(By.CLASS_NAME, "badge").text, "进行中")
        # Its last update: the training session of 2025-05-12 (action 6 is the training programme).
        self.assertEqual(six.find_element(By.CSS_SELECTOR, "dd.date").text, "2025-05-12")
        # Action 6's targets: its labs, 4 of 20 (20 %), and the training programmes, 1 of 10 (10 %): 15 % on average.
        self.assertEqual(six.find_element(By.TAG_NAME, "progress").get_attribute("value"), "15")
        self.assertEqual(six.find_element(By.CLASS_NAME, "percent").text, "15 %")
        self.assertEqual(driver.find_element(By.CSS_SELECTOR, "#action-3 .badge").text, "有风险")
        self.assertEqual(driver.find_element(By.CSS_SELECTOR, "#action-1 dd.date").text, "尚无更新")

    def test_action_page_shows_its_text_once_and_a_readable_timeline(self):
        driver = self.browser(390, "en")
        self.sign_in(driver, "vic", "en")
        driver.get(self.server.base + "/actions/3")
        body = driver.find_element(By.ID, "body").text
        first_sentence = body.split("\n")[0][:20]
        self.assertEqual(driver.find_element(By.TAG_NAME, "main").text.count(first_sentence), 1)
        entries = driver.find_elements(By.CSS_SELECTOR, "#timeline > li")
        self.assertEqual(len(entries), 2)
        self.assertIn("superseded", entries[0].get_attribute("class"))
        self.assertEqual(entries[1].find_element(By.CLASS_NAME, "badge").text, "at risk")
        self.assertIn("2025-05-10", entries[1].text)
        self.assertIn(f"corrects #{self.corrected}", entries[1].text)
        self.assertEqual(entries[1].get_attribute("id"), f"update-{self.correction}")

    def test_search_links_and_marks_matches_with_a_labelled_count(self):
        driver = self.browser(1280, "en")
        self.sign_in(driver, "vic", "en")
        driver.get(self.server.base + "/search?q=Nairobi")
        self.assertEqual(driver.find_element(By.ID, "result-count").text, "1 result")
        hit = driver.find_element(By.CSS_SELECTOR, "#hits > li")
        self.assertEqual([m.text for m in hit.find_elements(By.TAG_NAME, "mark")], ["Nairobi"])
        link = hit.find_element(By.CSS_SELECTOR, ".where a")
        update = self.server.sql("SELECT id FROM progress_updates WHERE note LIKE '%Nairobi%'").strip()
        self.assertEqual(link.get_attribute("href"), f"{self.server.base}/actions/6#update-{update}")
        self.wait_for_new_page(driver, link.click)
        self.assertTrue(driver.find_element(By.ID, f"update-{update}").is_displayed())

        # A training session, by its title and place: the link opens its row on the training page.
        driver.get(self.server.base + "/search?q=workshop+Beijing")
        session = self.server.sql("SELECT id FROM training_sessions WHERE location = 'Beijing'").strip()
        hits = driver.find_elements(By.CSS_SELECTOR, "#hits > li")
        self.assertEqual(driver.find_element(By.ID, "result-count").text, "1 result" if len(hits) == 1 else f"{len(hits)} results")
        found = [hit for hit in hits if hit.find_element(By.CLASS_NAME, "kind").text == "Training session"]
        self.assertEqual(len(found), 1)
        self.assertEqual([m.text for m in found[0].find_elements(By.TAG_NAME, "mark")], ["workshop", "Beijing"])
        link = found[0].find_element(By.CSS_SELECTOR, ".where a")
        self.assertEqual(link.get_attribute("href"), f"{self.server.base}/training#session-{session}")
        self.assertEqual(link.text, f"Training · #{session}")
        self.wait_for_new_page(driver, link.click)
        row = driver.find_element(By.ID, f"session-{session}")
        self.assertTrue(row.is_displayed())
        self.assertIn("AI workshop", row.text)

        # A passage: its link opens the document around that line, the line marked.
        driver.get(self.server.base + "/lang?to=zh&back=/search%3Fq%3D%E7%AE%97%E5%8A%9B")
        count = driver.find_element(By.ID, "result-count").text
        hits = driver.find_elements(By.CSS_SELECTOR, "#hits > li")
        self.assertEqual(count, f"找到 {len(hits)} 条结果")
        self.assertTrue(all(m.text == "算力" for m in hits[0].find_elements(By.TAG_NAME, "mark")))
        self.wait_for_new_page(driver, hits[0].find_element(By.CSS_SELECTOR, ".where a").click)
        self.assertIn("算力", driver.find_element(By.CSS_SELECTOR, "ol.passages li.current").text)

    def test_refusal_is_a_red_banner_in_the_pages_language(self):
        for language, words in (("zh", "未保存"), ("en", "Not saved")):
            driver = self.browser(1280, language)
            self.sign_in(driver, "eve", language)
            driver.get(self.server.base + "/actions/6")
            driver.find_element(By.ID, "note").send_keys("Too much")
            driver.find_element(By.ID, "percent").send_keys("250")
            self.wait_for_new_page(driver, driver.find_element(By.ID, "save-progress").click)
            banner = driver.find_element(By.ID, "flash")
            self.assertIn(words, banner.text)
            self.assertEqual(banner.get_attribute("role"), "alert")
            self.assertEqual(banner.value_of_css_property("background-color"), "rgba(253, 232, 232, 1)")
            self.assertEqual(banner.value_of_css_property("border-top-color"), "rgba(164, 0, 0, 1)")
            self.assertEqual(driver.find_element(By.ID, "percent").get_attribute("aria-invalid"), "true")

    def assert_chinese(self, message, typed=(), where=""):
        """A refusal on a Chinese page: Chinese words, and no Latin word once the values it quotes are taken out."""
        rest = message
        for value in typed:
            rest = rest.replace(value, "")
        self.assertRegex(message, "[\u4e00-\u9fff]", f"{where}: {message}")
        self.assertEqual(re.findall(r"[A-Za-z]{2,}", rest), [], f"{where}: {message}")
        self.assertNotEqual(message, "未能保存：填写的内容不符合要求，请检查后重试。", f"{where}: the general refusal")

    def refusals(self, body):
        """The field problems by field id, and the form-level banners' texts, as shown."""
        fields = {field: html.unescape(text) for field, text in re.findall(r'<span class="field-error" id="([^"]+)-error">([^<]*)</span>', body)}
        banners = [html.unescape(text) for text in re.findall(r'<div class="banner error" role="alert" id="[^"]*form-error">([^<]*)</div>', body)]
        return fields, banners

    def test_refusals_are_in_the_pages_language(self):
        # In a browser: the progress form with four bad values (the browser's own checks switched off, as an old
        # browser or a script would send them), then a date in the future that the use case refuses.
        driver = self.browser(1280, "zh")
        self.sign_in(driver, "eve", "zh")
        driver.get(self.server.base + "/actions/6")
        typed = {"note": " ", "reported_on": "2025/6/3", "percent": "abc", "evidence_url": "example.org"}
        driver.execute_script("""
            const form = document.getElementById('progress-form');
            form.noValidate = true;
            for (const [id, value] of Object.entries(arguments[0])) {
              const input = document.getElementById(id);
              if (input.type !== 'textarea') input.type = 'text';
              input.value = value;
            }""", typed)
        self.wait_for_new_page(driver, driver.find_element(By.ID, "save-progress").click)
        banner = driver.find_element(By.ID, "flash")
        self.assertIn("未保存", banner.text)
        self.assertEqual(banner.value_of_css_property("background-color"), "rgba(253, 232, 232, 1)")
        shown = {field: driver.find_element(By.ID, f"{field}-error").text for field in typed}
        self.assertEqual(shown["note"], "说明不能为空")
        self.assertEqual(shown["reported_on"], "“2025/6/3” 不是有效的日期（应写作 年-月-日，如 2025-06-30）；是否应为 2025-06-03？")
        self.assertEqual(shown["percent"], "“abc” 不是数字（应为 0 到 100）")
        for field, message in shown.items():
            self.assert_chinese(message, [typed[field]], f"progress {field}")
            self.assertEqual(driver.find_element(By.ID, field).get_attribute("aria-invalid"), "true")

        # Over HTTP, as the same Chinese page: every other form, several bad values each, and the use cases' refusals.
        client = self.server.client()
        client.cookies["lang"] = "zh"
        client.sign_in("eve")
        cases = [
            ("/actions/6", "/actions/6/progress", {"note": "Held", "reported_on": "2025-06-01", "percent": "250"}, ["250"]),
            ("/actions/6", "/actions/6/progress", {"note": "Held", "reported_on": "2099-01-01"}, []),
            ("/actions/3", f"/actions/3/updates/{self.corrected}/correct", {"note": "x", "percent": "-1"}, ["-1"]),
            ("/actions/3", f"/actions/3/updates/{self.corrected}/correct", {"note": "x"}, []),
            ("/training", "/training", {"title": " ", "location": "Rome", "started_on": "31/12/2024", "participants": "-3",
                                        "countries": "many", "evidence_url": "example.org"}, ["Rome", "31/12/2024", "many", "example.org"]),
            ("/training", "/training", {"title": "Workshop", "location": "Rome", "started_on": "2099-01-01"}, ["2099-01-01"]),
            ("/training", "/training/correct", {"session": "abc", "participants": "1.5"}, ["abc", "1.5"]),
            ("/training", "/training/correct", {"session": "999"}, []),
            ("/training", "/training/withdraw", {"session": "0", "reason": ""}, []),
            ("/targets", "/targets/actuals", {"commitment": LABS, "value": "-5", "measured_on": "soon", "evidence_url": "nope"},
             ["-5", "soon", "nope"]),
            ("/targets", "/targets/actuals", {"commitment": LABS, "value": "5 km", "measured_on": "2025-06-01"}, ["km"]),
            ("/targets", "/targets/actuals", {"commitment": "", "value": "5", "measured_on": "2025-06-01"}, []),
            ("/targets", f"/targets/{LABS}/actuals/{self.actual}/correct", {"value": "lots"}, ["lots"]),
        ]
        for page, path, form, values in cases:
            with self.subTest(path=path, form=form):
                response, body = client.post(path, dict(form, csrf=client.csrf(page)))
                self.assertEqual(response.status, 422, body[:300])
                self.assertIn('id="flash"><strong>未保存</strong>', body)
                fields, banners = self.refusals(body)
                self.assertTrue(fields or banners, body[:300])
                for message in list(fields.values()) + banners:
                    self.assert_chinese(message, values, path)
                    self.assertNotIn("plantrack", message)
        # The messages themselves, for a few.
        _, body = client.post("/training", {"csrf": client.csrf("/training"), "title": " ", "location": "Rome", "started_on": "2025-01-01",
                                            "participants": "-3", "countries": "many"})
        fields, _ = self.refusals(body)
        self.assertEqual(fields, {"title": "标题不能为空", "participants": "参与人数不能为负数（-3）", "countries": "“many” 不是整数（国家数）"})
        _, body = client.post("/targets/actuals", {"csrf": client.csrf("/targets"), "commitment": LABS, "value": "5 km", "measured_on": "2025-06-01"})
        self.assertEqual(self.refusals(body)[0], {"value": "“km” 不是该目标的单位（应为“个实验室”）"})

        # The password form: too short, then the same as the current one.
        for password, expected in (("short", "密码只有 5 个字符，至少需要 12 个"), (PASSWORDS["eve"], "新密码与当前密码相同；请另选一个。")):
            response, body = client.post("/password", {"csrf": client.csrf("/password"), "current": PASSWORDS["eve"], "password": password})
            self.assertEqual(response.status, 422)
            self.assertEqual(self.refusals(body)[0], {"password": expected})

    def test_targets_offer_only_commitments_that_take_a_value(self):
        driver = self.browser(1280, "en")
        self.sign_in(driver, "eve", "en")
        driver.get(self.server.base + "/targets")
        offered = [o.get_attribute("value") for o in driver.find_elements(By.CSS_SELECTOR, "#commitment option") if o.get_attribute("value")]
        counted = self.server.sql("SELECT c.slug FROM commitments c JOIN milestones m ON m.commitment_id = c.id").split()
        deliverables = self.server.sql("SELECT slug FROM commitments WHERE kind = 'deliverable'").split()
        self.assertIn(LABS, offered)
        self.assertTrue(counted)
        self.assertEqual([slug for slug in offered if slug in counted or slug in deliverables], [])
        # Posted anyway (an old form, a script): refused in words for a browser, with no command to run.
        csrf = driver.find_element(By.NAME, "csrf").get_attribute("value")
        client = self.server.client().sign_in("eve")
        response, body = client.post("/targets/actuals", {"csrf": client.csrf("/targets"), "commitment": counted[0], "value": "3",
                                                          "measured_on": "2025-06-01", "note": "", "evidence_url": ""})
        self.assertEqual(response.status, 422)
        self.assertNotIn("`", body)
        self.assertNotIn("training add", body)
        self.assertTrue(csrf)

    def test_keyboard_only_sign_in_log_progress_sign_out(self):
        driver = self.browser(1280, "en")
        driver.get(self.server.base + "/login")

        def tab_to(predicate, limit=80, backwards=False):
            for _ in range(limit):
                driver.switch_to.active_element.send_keys(Keys.SHIFT + Keys.TAB if backwards else Keys.TAB)
                if predicate(driver.switch_to.active_element):
                    return driver.switch_to.active_element
            self.fail("never reached by Tab")

        tab_to(lambda e: e.get_attribute("id") == "name").send_keys("eve")
        tab_to(lambda e: e.get_attribute("id") == "password").send_keys(PASSWORDS["eve"])
        self.wait_for_new_page(driver, lambda: driver.switch_to.active_element.send_keys(Keys.ENTER))
        self.assertEqual(driver.current_url, self.server.base + "/")
        link = tab_to(lambda e: (e.get_attribute("href") or "").endswith("/actions/2"))
        # The focused element is visibly marked.
        self.assertNotEqual(link.value_of_css_property("outline-style"), "none")
        self.wait_for_new_page(driver, lambda: link.send_keys(Keys.ENTER))
        tab_to(lambda e: e.get_attribute("id") == "note").send_keys("Logged without a mouse")
        tab_to(lambda e: e.get_attribute("id") == "status").send_keys("c")  # completed
        button = tab_to(lambda e: e.get_attribute("id") == "save-progress")
        self.wait_for_new_page(driver, lambda: button.send_keys(Keys.ENTER))
        self.assertIn("Logged without a mouse", driver.find_element(By.ID, "timeline").text)
        self.assertEqual(self.server.sql("SELECT status, author FROM progress_updates WHERE note = 'Logged without a mouse'"), "completed|eve\n")
        # Back up the page to the sign-out button in its header.
        sign_out = tab_to(lambda e: e.get_attribute("id") == "sign-out", backwards=True)
        self.wait_for_new_page(driver, lambda: sign_out.send_keys(Keys.SPACE))
        self.assertTrue(driver.current_url.endswith("/login"))
        driver.get(self.server.base + "/")
        self.assertTrue(driver.current_url.endswith("/login"))


if __name__ == "__main__":
    unittest.main()
