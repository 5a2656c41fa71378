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
            self.assertEqual(set(document["paths"][path]["post"]["responses"]), {"201", "400", "401", "403", "422"}, path)

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


if __name__ == "__main__":
    unittest.main()
