"""Publish and exchange: Excel workbooks read back with openpyxl, the JSON API's writes and its
OpenAPI document checked by schemathesis against the running server, and the static site of
`plantrack publish` (feeds with feedparser, the calendar with icalendar, the open data, re-publishing,
and the pages in headless Chromium with axe at 390 and 1280 px)."""
import datetime
import json
import os
import pty
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import unittest

from support import PLANTRACK, TODAY, Server, run

try:
    import openpyxl
except ImportError:  # .ci/run installs it (pinned)
    openpyxl = None
try:
    import feedparser
except ImportError:
    feedparser = None
try:
    import icalendar
except ImportError:
    icalendar = None
try:
    import axe_playwright_python
    AXE_JS = os.path.join(os.path.dirname(axe_playwright_python.__file__), "axe.min.js")
except ImportError:
    AXE_JS = None
try:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
except ImportError:
    webdriver = None
SCHEMATHESIS = shutil.which("schemathesis", path=os.path.dirname(sys.executable) + os.pathsep + os.environ.get("PATH", ""))
CHROMEDRIVER = shutil.which("chromedriver")
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def fresh_database(directory):
    db = os.path.join(directory, "t.db")
    run("init", db=db)
    run("progress", "add", "6", "第二期研修班在内罗毕举办", "--status", "in-progress", "--date", "2025-04-02", "--percent", "45.5",
        "--evidence", "https://example.org/nairobi", db=db)
    run("progress", "add", "3", "Joint lab agreement signed", "--status", "at-risk", "--date", "2025-05-20", "--percent", "12.5", db=db)
    run("training", "add", "--title", "AI workshop", "--start", "2025-05-12", "--location", "北京", "--participants", "38",
        "--countries", "21", db=db)
    return db


@unittest.skipIf(openpyxl is None, "needs openpyxl (pip; .ci/run installs it)")
class WorkbookTests(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="plantrack-xlsx-")
        self.addCleanup(shutil.rmtree, self.directory, True)
        self.db = fresh_database(self.directory)

    def listing_workbook(self, *args):
        path = os.path.join(self.directory, "out.xlsx")
        with open(path, "wb") as out:
            result = subprocess.run([PLANTRACK, *args, "--db", self.db, "--format", "xlsx"], stdout=out, stderr=subprocess.PIPE,
                                    env=dict(os.environ, PLANTRACK_TODAY=TODAY))
        self.assertEqual(result.returncode, 0, result.stderr)
        return openpyxl.load_workbook(path)

    def test_action_list_round_trips_typed(self):
        book = self.listing_workbook("action", "list", "--as-of", "2025-06-30")
        expected = json.loads(run("action", "list", "--as-of", "2025-06-30", "--format", "json", db=self.db).stdout)
        self.assertEqual(book.sheetnames, ["action list"])
        sheet = book["action list"]
        header = [cell.value for cell in sheet[1]]
        self.assertEqual(header, ["number", "title", "title_en", "status", "last_update", "updates", "percent"])
        self.assertEqual(sheet.freeze_panes, "A2")
        self.assertTrue(sheet[1][0].font.bold)
        rows = list(sheet.iter_rows(min_row=2, values_only=True))
        self.assertEqual(len(rows), len(expected))
        six = rows[5]
        self.assertEqual(six[0], 6)
        self.assertEqual(six[1], expected[5]["title"])  # Chinese intact
        self.assertTrue(any("\u4e00" <= ch <= "\u9fff" for ch in six[1]))
        three = rows[2]
        self.assertEqual(three[:4], (3, expected[2]["title"], expected[2]["title_en"], "at-risk"))
        self.assertEqual(three[4], datetime.datetime(2025, 5, 20))  # a date, not text
        self.assertEqual(sheet.cell(row=4, column=5).number_format, "yyyy-mm-dd")
        self.assertAlmostEqual(three[6], 0.125)  # a percent: a number shown with %
        self.assertEqual(sheet.cell(row=4, column=7).number_format, "0.0%")
        self.assertEqual(three[5], 1)
        self.assertEqual(rows[0][4:], (None, 0, None))  # no update: empty cells, a count of 0
        # Widths follow the content: the title column is wider than the number column.
        self.assertGreater(sheet.column_dimensions["B"].width, sheet.column_dimensions["A"].width)
        self.assertGreaterEqual(sheet.column_dimensions["A"].width, 8)

    def test_sections_become_sheets(self):
        book = self.listing_workbook("report", "milestone", "--as-of", "2025-06-30")
        self.assertEqual(book.sheetnames, ["Milestones", "Sessions"])
        sessions = list(book["Sessions"].iter_rows(values_only=True))
        self.assertIn("北京", sessions[1])

    def test_export_has_a_sheet_per_report(self):
        path = os.path.join(self.directory, "all.xlsx")
        result = run("export", "--xlsx", path, "--as-of", "2025-06-30", db=self.db)
        self.assertEqual(result.stdout, path + "\n")
        book = openpyxl.load_workbook(path)
        self.assertEqual(book.sheetnames, ["action-status", "milestone milestones", "milestone sessions", "commitments", "activity",
                                           "stale", "overdue", "indicators", "sources"])
        for sheet in book.worksheets:
            self.assertEqual(sheet.freeze_panes, "A2", sheet.title)
        expected = json.loads(run("report", "commitments", "--as-of", "2025-06-30", "--format", "json", db=self.db).stdout)
        sheet = book["commitments"]
        header = [cell.value for cell in sheet[1]]
        rows = [dict(zip(header, row)) for row in sheet.iter_rows(min_row=2, values_only=True)]
        self.assertEqual(len(rows), len(expected))
        for got, want in zip(rows, expected):
            self.assertEqual(got["slug"], want["slug"])
            self.assertEqual(got["title"], want["title"])
            if want["due_on"]:
                self.assertEqual(got["due_on"], datetime.datetime.fromisoformat(want["due_on"]))
            if want["percent"] is not None:
                self.assertAlmostEqual(got["percent"], want["percent"] / 100)
        sources = list(book["sources"].iter_rows(min_row=2, values_only=True))
        self.assertTrue(any(isinstance(cell, str) and "人工智能" in cell for row in sources for cell in row))

    def test_refuses_a_terminal_and_a_database(self):
        leader, follower = pty.openpty()
        result = subprocess.run([PLANTRACK, "action", "list", "--db", self.db, "--format", "xlsx"], stdout=follower,
                                stderr=subprocess.PIPE, text=True, env=dict(os.environ, PLANTRACK_TODAY=TODAY))
        os.close(follower)
        os.close(leader)
        self.assertEqual(result.returncode, 1)
        self.assertEqual(result.stderr, "plantrack: error: --format xlsx writes a binary workbook: redirect it to a file "
                                        "(… --format xlsx > list.xlsx), or use plantrack export --xlsx FILE\n")
        with open(self.db, "rb") as file:
            before = file.read()
        result = run("export", "--xlsx", self.db, db=self.db, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("refusing to write over it", result.stderr)
        with open(self.db, "rb") as file:
            self.assertEqual(file.read(), before)
        self.assertEqual(sorted(os.listdir(self.directory)), ["t.db", "t.db-shm", "t.db-wal"] if os.path.exists(self.db + "-wal") else ["t.db"])


class APITests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        cls.editor = run("token", "create", "--user", "eve", db=cls.server.db).stdout.strip()
        cls.viewer = run("token", "create", "--user", "vic", db=cls.server.db).stdout.strip()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()

    def post(self, path, body, token=None):
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        response, text = self.server.client().request("POST", path, body=json.dumps(body) if not isinstance(body, str) else body, headers=headers)
        return response.status, json.loads(text)

    def assert_guarded(self, path, body, table):
        """401 without or with a wrong token, 403 for a viewer, 400 for a body that is not an object; nothing written."""
        before = self.server.sql(f"SELECT count(*) FROM {table}")
        self.assertEqual(self.post(path, body), (401, {"field": None, "error": "a valid bearer token is needed (plantrack token create --user NAME)"}))
        self.assertEqual(self.post(path, body, "pt_" + "0" * 64)[0], 401)
        self.assertEqual(self.post(path, body, self.viewer), (403, {"field": None, "error": "user vic is a viewer"}))
        self.assertEqual(self.post(path, "[1, 2]", self.editor)[0], 400)
        self.assertEqual(self.server.sql(f"SELECT count(*) FROM {table}"), before)

    def test_training_add_correct_withdraw(self):
        body = {"title": "API workshop", "started_on": "2025-05-12", "location": "Nairobi", "participants": 30, "countries": 12}
        self.assert_guarded("/api/training", body, "training_sessions")
        status, created = self.post("/api/training", body, self.editor)
        self.assertEqual(status, 201, created)
        session = created["id"]
        self.assertEqual(self.server.sql(f"SELECT title, location, participants FROM training_sessions WHERE id = {session}"), "API workshop|Nairobi|30\n")
        self.assertEqual(self.post("/api/training", {**body, "participants": -1}, self.editor),
                         (422, {"field": "participants", "error": self.post("/api/training", {**body, "participants": -1}, self.editor)[1]["error"]}))
        status, refused = self.post("/api/training", {"title": "x"}, self.editor)
        self.assertEqual((status, refused["field"]), (422, "location"))
        status, corrected = self.post("/api/training/correct", {"session": session, "participants": 31}, self.editor)
        self.assertEqual(status, 201, corrected)
        self.assertEqual(self.server.sql(f"SELECT participants, supersedes_id FROM training_sessions WHERE id = {corrected['id']}"), f"31|{session}\n")
        status, refused = self.post("/api/training/correct", {"session": 999999, "participants": 3}, self.editor)
        self.assertEqual((status, refused["field"]), (422, "session"))
        status, withdrawn = self.post("/api/training/withdraw", {"session": corrected["id"], "reason": "counted twice"}, self.editor)
        self.assertEqual(status, 201, withdrawn)
        self.assertEqual(self.server.sql(f"SELECT reason, author FROM training_withdrawals WHERE id = {withdrawn['id']}"), "counted twice|eve\n")
        status, refused = self.post("/api/training/withdraw", {"session": corrected["id"]}, self.editor)
        self.assertEqual((status, refused["field"]), (422, "reason"))

    def test_actuals_record_correct(self):
        run("commitment", "add", "api-labs", "Open 20 AI labs", "--action", "6", "--target", "20 labs", "--due", "2025-12-31", db=self.server.db)
        body = {"commitment": "api-labs", "value": 4, "measured_on": "2025-03-31", "note": "Four labs"}
        self.assert_guarded("/api/actuals", body, "commitment_actuals")
        status, created = self.post("/api/actuals", body, self.editor)
        self.assertEqual(status, 201, created)
        self.assertEqual(self.server.sql(f"SELECT value, measured_on, author FROM commitment_actuals WHERE id = {created['id']}"), "4.0|2025-03-31|eve\n")
        status, refused = self.post("/api/actuals", {**body, "measured_on": "2025-02-30"}, self.editor)
        self.assertEqual((status, refused["field"]), (422, "measured_on"))
        status, refused = self.post("/api/actuals", {**body, "measured_on": "2099-01-01"}, self.editor)
        self.assertEqual((status, refused["field"]), (422, "measured_on"))
        status, corrected = self.post("/api/actuals/correct", {"id": created["id"], "value": 5}, self.editor)
        self.assertEqual(status, 201, corrected)
        self.assertEqual(self.server.sql(f"SELECT value, supersedes_id FROM commitment_actuals WHERE id = {corrected['id']}"), f"5.0|{created['id']}\n")
        status, refused = self.post("/api/actuals/correct", {"id": 999999, "value": 5}, self.editor)
        self.assertEqual((status, refused["field"]), (422, "id"))

    def test_indicator_values_record_correct(self):
        slug = self.server.sql("SELECT slug FROM indicators WHERE unit = '%' ORDER BY id LIMIT 1").strip()
        body = {"indicator": slug, "value": "36%", "as_of": "2025-05-31", "evidence_url": "https://example.org/share"}
        self.assert_guarded("/api/indicator-values", body, "indicator_values")
        status, created = self.post("/api/indicator-values", body, self.editor)
        self.assertEqual(status, 201, created)
        self.assertEqual(self.server.sql(f"SELECT value, as_of, author FROM indicator_values WHERE id = {created['id']}"), "36.0|2025-05-31|eve\n")
        status, refused = self.post("/api/indicator-values", {**body, "value": "136%"}, self.editor)
        self.assertEqual((status, refused["field"]), (422, "value"))
        status, refused = self.post("/api/indicator-values", {**body, "indicator": "no-such-indicator"}, self.editor)
        self.assertEqual(status, 422)
        status, corrected = self.post("/api/indicator-values/correct", {"id": created["id"], "value": "37%"}, self.editor)
        self.assertEqual(status, 201, corrected)
        self.assertEqual(self.server.sql(f"SELECT value, supersedes_id FROM indicator_values WHERE id = {corrected['id']}"), f"37.0|{created['id']}\n")

    def test_progress_correct(self):
        status, created = self.post("/api/progress", {"action": 4, "note": "API update", "reported_on": "2025-06-01"}, self.editor)
        self.assertEqual(status, 201)
        self.assert_guarded("/api/progress/correct", {"update": created["id"], "status": "at-risk"}, "progress_updates")
        status, corrected = self.post("/api/progress/correct", {"update": created["id"], "status": "at-risk"}, self.editor)
        self.assertEqual(status, 201, corrected)
        self.assertEqual(self.server.sql(f"SELECT status, supersedes_id FROM progress_updates WHERE id = {corrected['id']}"), f"at-risk|{created['id']}\n")
        status, refused = self.post("/api/progress/correct", {"update": created["id"], "status": "at-risk"}, self.editor)
        self.assertEqual(status, 422)
        self.assertEqual(self.post("/api/progress/correct", {"update": "x"}, self.editor)[1]["field"], "update")

    def test_openapi_served_as_kept_in_the_repository(self):
        response, text = self.server.client().get("/api/openapi.json")
        self.assertEqual(response.status, 200)
        self.assertEqual(response.getheader("Content-Type"), "application/json; charset=utf-8")
        with open(os.path.join(ROOT, "docs", "openapi.json"), encoding="utf-8") as file:
            self.assertEqual(json.loads(text), json.load(file))
        document = json.loads(text)
        self.assertEqual(document["openapi"], "3.1.0")
        for path in ["/api/progress", "/api/progress/correct", "/api/training", "/api/training/correct", "/api/training/withdraw",
                     "/api/actuals", "/api/actuals/correct", "/api/indicator-values", "/api/indicator-values/correct"]:
            self.assertEqual(set(document["paths"][path]["post"]["responses"]), {"201", "400", "401", "403", "413", "422"}, path)
        # The 413 as documented: a body over 1 MiB is refused before it is read, in the documented type, and nothing written.
        before = self.server.sql("SELECT count(*) FROM progress_updates")
        response, text = self.server.client().request("POST", "/api/progress", body="x" * (2 << 20),
                                                      headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.editor}"})
        self.assertEqual(response.status, 413)
        documented = document["components"]["responses"]["ContentTooLarge"]["content"]
        self.assertIn(response.getheader("Content-Type").split(";")[0], documented)
        self.assertEqual(self.server.sql("SELECT count(*) FROM progress_updates"), before)

    @unittest.skipIf(SCHEMATHESIS is None, "needs schemathesis (pip; .ci/run installs it)")
    def test_schemathesis(self):
        """Every operation, generated bodies and parameters: no 5xx, and every answer is one the document describes."""
        result = subprocess.run(
            [SCHEMATHESIS, "run", f"{self.server.base}/api/openapi.json", "--url", self.server.base,
             "--header", f"Authorization: Bearer {self.editor}",
             "--checks", "not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance",
             "--max-examples", "25", "--seed", "1", "--workers", "1", "--no-color", "--suppress-health-check", "all"],
            capture_output=True, text=True, timeout=600, cwd=tempfile.gettempdir())
        self.assertEqual(result.returncode, 0, result.stdout[-6000:] + result.stderr[-2000:])


def tree(directory):
    """Every file under `directory`: relative path → (inode, mtime in ns, bytes)."""
    files = {}
    for folder, _, names in os.walk(directory):
        for name in names:
            path = os.path.join(folder, name)
            status = os.stat(path)
            with open(path, "rb") as file:
                files[os.path.relpath(path, directory)] = (status.st_ino, status.st_mtime_ns, file.read())
    return files


class PublishTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.directory = tempfile.mkdtemp(prefix="plantrack-publish-")
        cls.db = fresh_database(cls.directory)
        run("commitment", "add", "pub-labs", "Open 20 AI labs", "--action", "6", "--target", "20 labs", "--due", "2025-12-31", db=cls.db)
        run("commitment", "record", "pub-labs", "4", "--date", "2025-03-31", "--note", "Four labs", "--evidence", "https://example.org/labs", db=cls.db)
        run("user", "add", "ada", "--role", "admin", "--password-stdin", db=cls.db, stdin="maple lantern 72 river\n")
        run("token", "create", "--user", "ada", db=cls.db)
        cls.site = os.path.join(cls.directory, "site")
        cls.output = run("publish", "--out", cls.site, "--lang", "both", db=cls.db).stdout

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.directory, ignore_errors=True)

    def read(self, path):
        with open(os.path.join(self.site, path), encoding="utf-8") as file:
            return file.read()

    def test_pages_for_every_plan_group_item_and_target(self):
        plan = "ai-capacity-building"
        for path in ["index.html", "style.css", f"plans/{plan}/index.html", f"plans/{plan}/groups/1.html", f"plans/{plan}/items/6.html",
                     f"plans/{plan}/targets/pub-labs.html", "en/index.html", f"en/plans/{plan}/items/6.html", "feed.atom",
                     f"plans/{plan}/feed.atom", "targets.ics", "data/progress_updates.csv", "data/progress_updates.json",
                     "data/index.json", "data/plantrack.db"]:
            self.assertTrue(os.path.isfile(os.path.join(self.site, path)), path)
        item = self.read(f"plans/{plan}/items/6.html")
        self.assertIn('<html lang="zh-Hans">', item)
        self.assertIn("第二期研修班在内罗毕举办", item)
        self.assertIn('<a href="https://example.org/nairobi">', item)
        self.assertIn('<span class="status s-in-progress">', item)
        self.assertIn('<figure class="source"><blockquote', item)  # the source sentence
        self.assertIn('href="../../../style.css"', item)
        self.assertIn('href="../../../en/plans/ai-capacity-building/items/6.html"', item)
        english = self.read(f"en/plans/{plan}/items/6.html")
        self.assertIn('<html lang="en">', english)
        self.assertIn("Timeline", english)
        self.assertIn(f"Published {TODAY}", self.read("en/index.html"))
        target = self.read(f"plans/{plan}/targets/pub-labs.html")
        self.assertIn("Four labs", target)
        self.assertIn('<a href="https://example.org/labs">', target)
        self.assertRegex(self.output, r"files written, 0 unchanged\n$")

    @unittest.skipIf(feedparser is None, "needs feedparser (pip; .ci/run installs it)")
    def test_feeds_are_atom(self):
        for path in ["feed.atom", "plans/ai-capacity-building/feed.atom"]:
            feed = feedparser.parse(os.path.join(self.site, path))
            self.assertEqual(feed.bozo, 0, (path, feed.get("bozo_exception")))
            self.assertEqual(feed.version, "atom10")
            self.assertEqual(len(feed.entries), 2, path)  # the two updates (a training session adds no progress update)
            notes = [entry.content[0].value for entry in feed.entries]
            self.assertIn("第二期研修班在内罗毕举办 (45.5%)", notes)
            nairobi = next(entry for entry in feed.entries if entry.content[0].value.startswith("第二期"))
            self.assertTrue(nairobi.link.endswith("plans/ai-capacity-building/items/6.html"))

    @unittest.skipIf(icalendar is None, "needs icalendar (pip; .ci/run installs it)")
    def test_calendar_is_icalendar(self):
        with open(os.path.join(self.site, "targets.ics"), "rb") as file:
            calendar = icalendar.Calendar.from_ical(file.read())
        events = {str(event["UID"]): event for event in calendar.walk("VEVENT")}
        self.assertIn("pub-labs@ai-capacity-building.plantrack", events)
        labs = events["pub-labs@ai-capacity-building.plantrack"]
        self.assertEqual(labs.decoded("DTSTART"), datetime.date(2025, 12, 31))
        self.assertEqual(str(labs["SUMMARY"]), "Open 20 AI labs")
        self.assertIn("20%", str(labs["DESCRIPTION"]))

    def test_open_data_without_accounts(self):
        connection = sqlite3.connect(f"file:{os.path.join(self.site, 'data', 'plantrack.db')}?mode=ro", uri=True)
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        self.assertFalse(tables & {"users", "sessions", "api_tokens", "login_failures"}, tables)
        # Kept for the schema (verify), but without the local file names.
        self.assertEqual(connection.execute("SELECT count(*) FROM imported_files").fetchone()[0], 0)
        self.assertIn("progress_updates", tables)
        self.assertEqual(connection.execute("SELECT count(*) FROM progress_updates").fetchone()[0],
                         int(subprocess.run(["sqlite3", self.db, "SELECT count(*) FROM progress_updates"], capture_output=True, text=True).stdout))
        self.assertEqual(connection.execute("PRAGMA integrity_check").fetchone()[0], "ok")
        connection.close()
        with open(os.path.join(self.site, "data", "plantrack.db"), "rb") as file:
            published = file.read()
        # No password or token hash anywhere in the file, not even in a free page.
        # The accounts live in their own file beside the data (plantrack.db → plantrack.accounts.db).
        original = sqlite3.connect(self.db[:-3] + ".accounts.db")
        secrets = [row[0] for row in original.execute("SELECT password_hash FROM users UNION ALL SELECT token_hash FROM api_tokens")]
        original.close()
        self.assertEqual(len(secrets), 2)
        for secret in secrets:
            self.assertNotIn(secret.encode() if isinstance(secret, str) else bytes(secret), published)
        index = json.loads(self.read("data/index.json"))
        self.assertNotIn("users", [row["table"] for row in index])
        csv_text = self.read("data/progress_updates.csv")
        self.assertIn("第二期研修班在内罗毕举办", csv_text)
        self.assertEqual(csv_text.splitlines()[0].split(",")[:3], ["id", "action_id", "commitment_id"])

    def test_republish_rewrites_only_what_changed(self):
        site = os.path.join(self.directory, "again")
        run("publish", "--out", site, "--lang", "zh", db=self.db)
        before = tree(site)
        result = run("publish", "--out", site, "--lang", "zh", db=self.db)
        self.assertEqual(result.stdout, f"{site}: 0 files written, {len(before) - 1} unchanged\n")  # the manifest is not counted
        self.assertEqual(tree(site), before)  # same inodes, same mtimes
        run("progress", "add", "4", "A new update on action four", "--date", "2025-06-02", db=self.db)
        run("publish", "--out", site, "--lang", "zh", db=self.db)
        after = tree(site)
        changed = sorted(path for path in after if after[path][:2] != before.get(path, (None, None))[:2])
        self.assertEqual(changed, sorted([
            "index.html", "plans/ai-capacity-building/index.html", "plans/ai-capacity-building/items/4.html",
            f"plans/ai-capacity-building/groups/{self.group_of(4)}.html",
            "feed.atom", "plans/ai-capacity-building/feed.atom", "data/progress_updates.csv", "data/progress_updates.json",
            "data/index.json", "data/plantrack.db"]))

    def test_republish_removes_only_its_own_leftovers(self):
        site = os.path.join(self.directory, "languages")
        run("publish", "--out", site, "--lang", "both", db=self.db)
        both = set(tree(site))
        with open(os.path.join(site, "en", "notes.txt"), "w") as file:
            file.write("someone else's file")
        result = run("publish", "--out", site, "--lang", "zh", db=self.db)
        english = sorted(path for path in both if path.startswith("en/"))
        # The Chinese pages lose their link to the English ones; feeds, calendar and data are as they were.
        chinese = [path for path in both if path.endswith(".html") and not path.startswith("en/")]
        self.assertEqual(len(english), len(chinese))
        self.assertEqual(result.stdout, f"{site}: {len(chinese)} files written, {len(both) - 1 - 2 * len(english)} unchanged, {len(english)} removed\n")
        self.assertEqual(set(tree(site)), both - set(english) | {"en/notes.txt"})
        self.assertFalse(os.path.exists(os.path.join(site, "en", "plans")))

    def test_never_writes_over_the_database(self):
        """Published into the folder that holds the database, as data/plantrack.db: refused, nothing written."""
        site = os.path.join(self.directory, "into")
        os.makedirs(os.path.join(site, "data"))
        live = os.path.join(site, "data", "plantrack.db")
        shutil.copy(self.db, live)
        with open(live, "rb") as file:
            before = file.read()
        result = run("publish", "--out", site, db=live, check=False)
        self.assertEqual((result.returncode, result.stdout), (1, ""))
        self.assertEqual(result.stderr, f"plantrack: error: {live} is the database {live}; refusing to write over it (publish into another folder)\n")
        with open(live, "rb") as file:
            self.assertEqual(file.read(), before)
        self.assertEqual(sorted(os.listdir(site)), ["data"])

    def group_of(self, number):
        return subprocess.run(["sqlite3", self.db, f"SELECT v.number FROM actions a JOIN visions v ON v.id = a.vision_id WHERE a.number = {number}"],
                              capture_output=True, text=True).stdout.strip()

    @unittest.skipIf(webdriver is None or CHROMEDRIVER is None or AXE_JS is None, "needs selenium, chromium and axe-playwright-python")
    def test_pages_accessible_at_phone_and_desktop_width(self):
        with open(AXE_JS, encoding="utf-8") as file:
            axe = file.read()
        pages = ["index.html", "plans/ai-capacity-building/index.html", "plans/ai-capacity-building/groups/1.html",
                 "plans/ai-capacity-building/items/6.html", "plans/ai-capacity-building/targets/pub-labs.html",
                 "en/plans/ai-capacity-building/items/6.html"]
        for width in (390, 1280):
            options = webdriver.ChromeOptions()
            for argument in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},900"]:
                options.add_argument(argument)
            if width < 500:
                options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": width, "height": 844, "pixelRatio": 1}})
            driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
            try:
                driver.set_script_timeout(60)
                for page in pages:
                    driver.get("file://" + os.path.join(self.site, page))
                    self.assertEqual(driver.execute_script("return window.innerWidth"), width)
                    # Nothing wider than the window: no sideways scrolling on a phone.
                    self.assertLessEqual(driver.execute_script("return document.documentElement.scrollWidth"), width, page)
                    driver.execute_script(axe)
                    result = driver.execute_async_script("const done = arguments[arguments.length - 1];"
                                                         "axe.run(document).then(r => done(r.violations), e => done(String(e)));")
                    self.assertIsInstance(result, list, result)
                    serious = [(v["id"], v["impact"], [n["target"] for n in v["nodes"]][:3]) for v in result if v["impact"] in ("serious", "critical")]
                    self.assertEqual(serious, [], f"{page} at {width} px")
            finally:
                driver.quit()


class PublishCheckpointTests(unittest.TestCase):
    """The latest signed checkpoint goes out with the site, byte for byte as signed; none, no file."""
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="plantrack-publish-checkpoint-")
        self.db = fresh_database(self.directory)
        self.site = os.path.join(self.directory, "site")
        self.key = os.path.join(self.directory, "office.key")

    def tearDown(self):
        shutil.rmtree(self.directory, ignore_errors=True)

    def test_latest_checkpoint_is_published_and_checks_the_data(self):
        run("publish", "--out", self.site, db=self.db)
        before = tree(self.site)
        self.assertNotIn("data/checkpoint.txt", before)
        self.assertNotIn(b"checkpoint", before["index.html"][2])
        self.assertNotIn(b"checkpoint", before["en/index.html"][2])

        run("checkpoint", "--key", self.key, db=self.db)  # an older one: only the latest is published
        run("progress", "add", "4", "After the first checkpoint", "--date", "2025-06-02", db=self.db)
        statement = run("checkpoint", "--key", self.key, db=self.db).stdout
        public = run("checkpoint", "--key", self.key, "--public-key", db=self.db).stdout.strip()
        run("publish", "--out", self.site, db=self.db)
        with open(os.path.join(self.site, "data", "checkpoint.txt"), encoding="utf-8") as file:
            self.assertEqual(file.read(), statement)
        created = next(line for line in statement.splitlines() if line.startswith("created: "))[len("created: "):]
        with open(os.path.join(self.site, "en", "index.html"), encoding="utf-8") as file:
            english = file.read()
        self.assertIn(f'<li><a href="../data/checkpoint.txt">The latest signed checkpoint ({created})</a>', english)
        self.assertIn(f"Signed with the key <code>{public}</code>", english)
        self.assertIn(f"<code>plantrack verify --db plantrack.db --checkpoint checkpoint.txt --public-key {public}</code>", english)
        with open(os.path.join(self.site, "index.html"), encoding="utf-8") as file:
            self.assertIn(f'<li><a href="data/checkpoint.txt">最新的签名检查点（{created}）</a>', file.read())

        # The published statement checks the database, signed by the office's key.
        result = run("verify", "--checkpoint", os.path.join(self.site, "data", "checkpoint.txt"), "--public-key", public, db=self.db, check=False)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertTrue(result.stdout.endswith(f"ok  checkpoint (link 4 of {created})\n"), result.stdout)
        # So does the published copy of the database, which carries the statements too.
        published_db = os.path.join(self.site, "data", "plantrack.db")
        result = run("verify", "--checkpoint", os.path.join(self.site, "data", "checkpoint.txt"), "--public-key", public, db=published_db, check=False)
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertTrue(result.stdout.endswith(f"ok  checkpoint (link 4 of {created})\n"), result.stdout)
        connection = sqlite3.connect(f"file:{os.path.join(self.site, 'data', 'plantrack.db')}?mode=ro", uri=True)
        self.assertEqual(connection.execute("SELECT count(*), max(statement) = ? FROM checkpoints", (statement,)).fetchone(), (2, 1))
        connection.close()

        # Publishing again with nothing new writes nothing.
        published = tree(self.site)
        result = run("publish", "--out", self.site, db=self.db)
        self.assertEqual(result.stdout, f"{self.site}: 0 files written, {len(published) - 1} unchanged\n")
        self.assertEqual(tree(self.site), published)


if __name__ == "__main__":
    unittest.main()
