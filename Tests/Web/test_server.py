"""The web server end to end over HTTP: sign-in, pages, forms, the JSON API, and each attack refused
with the database unchanged."""
import http.client
import json
import os
import re
import signal
import socket
import time
import unittest
import urllib.parse

from support import Server, PASSWORDS, plant, run

COUNT = "SELECT count(*) FROM progress_updates"
ACTUALS = "SELECT count(*) FROM commitment_actuals"
SESSIONS = "SELECT count(*) FROM training_sessions"
# A target measured in recorded values (the bundled plan's one target is counted in training sessions).
LABS = "ai-labs"


class WebTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()
        run("commitment", "add", LABS, "Open 20 AI labs", "--action", "6", "--target", "20 labs", "--due", "2025-12-31", db=cls.server.db)

    @classmethod
    def tearDownClass(cls):
        code = cls.server.stop()
        # SIGTERM is a clean shutdown: exit status 0.
        assert code == 0, code

    def count(self, query=COUNT):
        return int(self.server.sql(query))

    def counts(self):
        return [self.count(query) for query in (COUNT, ACTUALS, SESSIONS)]

    def field_error(self, body, field_id):
        match = re.search(rf'<span class="field-error" id="{field_id}-error">([^<]*)</span>', body)
        return match and match.group(1)

    def add_session(self, client, csrf, title):
        response, body = client.post("/training", {"csrf": csrf, "title": title, "started_on": "2025-05-12", "location": "Beijing",
                                                   "participants": "38", "countries": "21"})
        self.assertEqual(response.status, 303, body[-2000:])
        return self.server.sql("SELECT max(id) FROM training_sessions").strip()

    def editor(self):
        return self.server.client().sign_in("eve")

    # --- sign-in and pages

    def test_pages_need_a_session(self):
        client = self.server.client()
        for path in ["/", "/actions/6", "/targets", "/training", "/indicators", "/search?q=AI", "/reports", "/reports/stale"]:
            response, _ = client.get(path)
            self.assertEqual(response.status, 303, path)
            self.assertEqual(response.getheader("Location"), "/login", path)

    def test_one_time_password_must_be_changed_first(self):
        line = run("user", "add", "otto", "--role", "editor", db=self.server.db).stdout
        password = re.search(r"one-time password for otto: (\S+)", line).group(1)
        client = self.server.client().sign_in("otto", password)
        response, _ = client.get("/actions/6")
        self.assertEqual(response.getheader("Location"), "/password")
        csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', client.get("/password")[1]).group(1)
        response, body = client.post("/password", {"csrf": csrf, "current": password, "password": "short"})
        self.assertEqual(response.status, 422)
        self.assertIn("the password has 5 characters; at least 12 are needed", body)
        response, _ = client.post("/password", {"csrf": csrf, "current": password, "password": "a whole new passphrase"})
        self.assertEqual(response.status, 303)
        response, _ = client.get("/actions/6")
        self.assertEqual(response.status, 200)
        self.assertEqual(self.server.accounts_sql("SELECT must_change FROM users WHERE name = 'otto'"), "0\n")

    def test_session_cookie_flags(self):
        client = self.server.client()
        response, _ = client.post("/login", {"name": "eve", "password": PASSWORDS["eve"], "login_token": client.login_token()})
        cookie = response.getheader("Set-Cookie")
        self.assertIn("HttpOnly", cookie)
        self.assertIn("SameSite=Lax", cookie)
        self.assertNotIn("Secure", cookie)
        self.assertRegex(cookie, r"plantrack_session=[0-9a-f]{64};")

    def test_every_page_renders_for_a_viewer(self):
        client = self.server.client().sign_in("vic")
        for path, text in [("/", "Actions"), ("/actions/6", "Timeline"), ("/targets", "Commitments"), ("/training", "Training"),
                           ("/indicators", "Indicators"), ("/search?q=AI", "Search"), ("/reports", "action-status"),
                           ("/reports/milestone?as_of=2025-06-30", "Sessions")]:
            response, body = client.get(path)
            self.assertEqual(response.status, 200, path)
            self.assertIn(text, body, path)
            self.assertNotIn("<script", body, path)
            # No remote assets; links to evidence (http(s) only, rel="noopener …") are no assets.
            self.assertNotRegex(re.sub(r'<a href="https?://[^"]*" rel="noopener noreferrer nofollow">', "", body), r"(src|href)=\"https?://", path)
            self.assertEqual(response.getheader("X-Content-Type-Options"), "nosniff")
            self.assertIn("default-src 'none'", response.getheader("Content-Security-Policy"))

    def test_overview_as_of(self):
        client = self.editor()
        _, body = client.get("/?as_of=2024-10-01")
        self.assertIn('value="2024-10-01"', body)
        response, _ = client.get("/?as_of=2025-02-30")
        self.assertEqual(response.status, 400)

    def test_overview_follows_writes_from_any_process(self):
        client = self.editor()
        _, before = client.get("/?as_of=2025-06-30")
        self.assertNotIn("Logged from the command line", before)
        token = run("token", "create", "--user", "vic", db=self.server.db).stdout.strip()
        _, targets = client.get("/targets?as_of=2025-06-30")
        api = {row["number"]: row for row in json.loads(client.get("/api/actions?as_of=2025-06-30",
                                                                   headers={"Authorization": f"Bearer {token}"})[1])}
        run("progress", "add", "4", "Logged from the command line", "--date", "2025-06-20", db=self.server.db)
        _, after = client.get("/?as_of=2025-06-30")
        self.assertIn("Logged from the command line", after)
        # Every kept page follows: the JSON API, and the targets page after a value recorded from the command line.
        again = {row["number"]: row for row in json.loads(client.get("/api/actions?as_of=2025-06-30",
                                                                     headers={"Authorization": f"Bearer {token}"})[1])}
        self.assertEqual(again[4]["updates"], api[4]["updates"] + 1)
        self.assertEqual(again[4]["last_update"], "2025-06-20")
        self.assertNotIn("Counted from the command line", targets)
        run("commitment", "record", LABS, "13", "--date", "2025-06-21", "--note", "Counted from the command line", db=self.server.db)
        _, targets = client.get("/targets?as_of=2025-06-30")
        self.assertIn("Counted from the command line", targets)
        self.assertIn('class="date">2025-06-21</td><td data-label="Value" class="num">13</td>', targets)

    def test_disabled_user_signed_out_at_once(self):
        run("user", "add", "dora", "--role", "editor", "--password-stdin", db=self.server.db, stdin="amber kettle 55\n")
        client = self.server.client().sign_in("dora", "amber kettle 55")
        self.assertEqual(client.get("/")[0].status, 200)
        self.assertEqual(client.get("/")[0].status, 200)
        run("user", "disable", "dora", db=self.server.db)
        response, _ = client.get("/")
        self.assertEqual((response.status, response.getheader("Location")), (303, "/login"))

    def test_csv_download_has_bom(self):
        client = self.editor()
        response, body = client.get("/reports/action-status?as_of=2025-06-30&format=csv")
        self.assertEqual(response.status, 200)
        self.assertEqual(response.getheader("Content-Type"), "text/csv; charset=utf-8")
        self.assertTrue(body.startswith("\ufeffnumber,title,title_en,status"), body[:60])
        self.assertIn("attachment", response.getheader("Content-Disposition"))

    def test_language_from_header_and_switch(self):
        client = self.server.client().sign_in("vic")
        _, body = client.get("/", headers={"Accept-Language": "zh-CN,zh;q=0.9,en;q=0.5"})
        self.assertIn("总览", body)
        _, body = client.get("/")
        self.assertIn("Overview", body)
        response, _ = client.get("/lang?to=zh&back=/targets")
        self.assertEqual(response.getheader("Location"), "/targets")
        _, body = client.get("/targets", headers={"Accept-Language": "en"})
        self.assertIn("目标", body)  # the switch sticks over the header
        response, _ = client.get("/lang?to=en&back=//evil.example/")
        self.assertEqual(response.getheader("Location"), "/")

    def test_new_forms_in_chinese(self):
        client = self.editor()
        client.get("/lang?to=zh&back=/")
        _, body = client.get("/training")
        for label in ("更正培训", "留空的字段保留原记录的值。", "培训编号（上表第一列）", "参与人数"):
            self.assertIn(label, body)
        _, body = client.get("/targets")
        for label in ("已记录的实际值", "记录实际值", "测量日期", "数值", "证据链接"):
            self.assertIn(label, body)
        self.assertNotIn("Record an actual value", body)

    # --- forms

    def test_editor_adds_and_corrects_with_author(self):
        client = self.editor()
        csrf = client.csrf("/actions/6")
        before = self.count()
        response, _ = client.post("/actions/6/progress", {"csrf": csrf, "note": "Workshop in Nairobi", "status": "in-progress",
                                                          "reported_on": "2025-04-02", "percent": "40", "evidence_url": "", "commitment": ""})
        self.assertEqual(response.status, 303)
        self.assertEqual(self.count(), before + 1)
        row = self.server.sql("SELECT id, note, status, reported_on, percent, author FROM progress_updates ORDER BY id DESC LIMIT 1").strip()
        update_id, *rest = row.split("|")
        self.assertEqual(rest, ["Workshop in Nairobi", "in-progress", "2025-04-02", "40.0", "eve"])
        _, body = client.get("/actions/6")
        self.assertIn("Workshop in Nairobi", body)
        response, _ = client.post(f"/actions/6/updates/{update_id}/correct", {"csrf": csrf, "status": "at-risk", "note": "Workshop in Nairobi, postponed"})
        self.assertEqual(response.status, 303)
        corrected = self.server.sql(f"SELECT status, note, supersedes_id, author FROM progress_updates WHERE supersedes_id = {update_id}").strip()
        self.assertEqual(corrected, f"at-risk|Workshop in Nairobi, postponed|{update_id}|eve")

    def test_double_submission_refused(self):
        client = self.editor()
        csrf = client.csrf("/actions/6")
        before = self.count()
        form = {"csrf": csrf, "note": "Clicked twice", "status": "in-progress", "reported_on": "2025-04-03"}
        response, _ = client.post("/actions/6/progress", form)
        self.assertEqual(response.status, 303)
        response, body = client.post("/actions/6/progress", form)
        self.assertEqual(response.status, 422)
        self.assertIn("recorded the same", self.field_error(body, "note"))
        self.assertEqual(self.count(), before + 1)

    def test_bad_form_values_shown_beside_fields_and_kept(self):
        client = self.editor()
        csrf = client.csrf("/actions/6")
        before = self.count()
        cases = [
            ({"note": "  "}, "note", "the note is empty"),
            ({"status": "done"}, "status", "unknown status &#39;done&#39;"),
            ({"reported_on": "2025-13-01"}, "reported_on", "is not a valid date"),
            ({"percent": "120"}, "percent", "120 is out of range (expected 0 to 100)"),
            ({"percent": "NaN"}, "percent", "is not a number"),
            ({"evidence_url": "javascript:alert(1)"}, "evidence_url", "is not an http(s) URL"),
            ({"evidence_url": "file:///etc/passwd"}, "evidence_url", "is not an http(s) URL"),
        ]
        for change, field, message in cases:
            form = {"csrf": csrf, "note": "kept text 123", "status": "in-progress", "reported_on": "2025-05-01"}
            form.update(change)
            response, body = client.post("/actions/6/progress", form)
            self.assertEqual(response.status, 422, change)
            match = re.search(rf'<span class="field-error" id="{field}-error">([^<]*)</span>', body)
            self.assertIsNotNone(match, (change, body[-3000:]))
            self.assertIn(message, match.group(1), change)
            if field != "note":
                self.assertIn("kept text 123</textarea>", body)
        self.assertEqual(self.count(), before)

    def test_future_date_refused(self):
        client = self.editor()
        csrf = client.csrf("/actions/6")
        before = self.count()
        response, body = client.post("/actions/6/progress", {"csrf": csrf, "note": "later", "reported_on": "2025-07-01"})
        self.assertEqual(response.status, 422)
        self.assertIn("2025-07-01 is in the future", body)
        self.assertEqual(self.count(), before)

    def test_training_session_added(self):
        client = self.editor()
        csrf = client.csrf("/training")
        before = int(self.server.sql("SELECT count(*) FROM training_sessions"))
        response, body = client.post("/training", {"csrf": csrf, "title": "Workshop 9", "started_on": "2025-05-12", "location": "Beijing",
                                                   "participants": "38", "countries": "21"})
        self.assertEqual(response.status, 303, body[-2000:])
        self.assertEqual(int(self.server.sql("SELECT count(*) FROM training_sessions")), before + 1)
        response, body = client.post("/training", {"csrf": csrf, "title": "x", "started_on": "2025-05-12", "location": "B", "participants": "-3"})
        self.assertEqual(response.status, 422)
        self.assertIn("-3 participants is negative", body)

    def test_training_session_withdrawn(self):
        client = self.editor()
        csrf = client.csrf("/training")
        response, _ = client.post("/training", {"csrf": csrf, "title": "To withdraw", "started_on": "2025-05-20", "location": "Xi'an"})
        self.assertEqual(response.status, 303)
        session = self.server.sql("SELECT max(id) FROM training_sessions").strip()
        response, body = client.post("/training/withdraw", {"csrf": csrf, "session": session, "reason": ""})
        self.assertEqual(response.status, 422)
        self.assertIn('id="reason-error"', body)
        response, _ = client.post("/training/withdraw", {"csrf": csrf, "session": session, "reason": "counted twice"})
        self.assertEqual(response.status, 303)
        self.assertEqual(self.server.sql(f"SELECT reason FROM training_withdrawals WHERE session_id = {session}"), "counted twice\n")
        response, body = client.post("/training/withdraw", {"csrf": csrf, "session": "abc", "reason": "x"})
        self.assertEqual(response.status, 422)
        self.assertIn('id="session-error"', body)


    def test_action_page_status_is_action_lists(self):
        """The action page shows the status in force as `action list` has it (the action_status view), a
        session counted as an update is: it used to take the latest update alone and say not started."""
        client = self.editor()
        self.add_session(client, client.csrf("/training"), "Workshop that starts action 6")
        listed = {row["number"]: row for row in json.loads(run("action", "list", "--format", "json", db=self.server.db).stdout)}
        self.assertNotEqual(listed[6]["status"], "not-started")
        _, body = client.get("/actions/6")
        self.assertIn(f'<span class="badge status-{listed[6]["status"]}">', body)
        self.assertIn(listed[6]["last_update"], body)

    def test_training_session_corrected(self):
        client = self.editor()
        csrf = client.csrf("/training")
        session = self.add_session(client, csrf, "Workshop to correct")
        updates = self.count()
        # Fields left empty keep the session's values; the signed-in user is the author of the correction.
        response, body = client.post("/training/correct", {"csrf": csrf, "session": session, "title": "", "started_on": "", "ended_on": "",
                                                           "location": "Shanghai", "host": "", "participants": "40", "countries": "",
                                                           "evidence_url": ""})
        self.assertEqual(response.status, 303, body[-2000:])
        self.assertEqual(response.getheader("Location"), "/training")
        self.assertEqual(self.server.sql("SELECT title, started_on, location, participants, countries, supersedes_id FROM training_sessions "
                                         f"WHERE supersedes_id = {session}"),
                         f"Workshop to correct|2025-05-12|Shanghai|40|21|{session}\n")
        # A session is stored as a session: no progress update is derived from it.
        self.assertEqual(self.count(), updates)
        self.assertEqual(self.server.sql(f"SELECT author FROM training_sessions WHERE supersedes_id = {session}"), "eve\n")
        _, body = client.get("/training")
        self.assertIn("Shanghai", body)
        # The same session again: already corrected, said beside the session id.
        response, body = client.post("/training/correct", {"csrf": csrf, "session": session, "participants": "41"})
        self.assertEqual(response.status, 422)
        self.assertIn(f"session {session} was already corrected by", self.field_error(body, "correct-session"))

    def test_training_correction_refused_beside_field(self):
        client = self.editor()
        csrf = client.csrf("/training")
        session = self.add_session(client, csrf, "Workshop kept as is")
        before = self.counts()
        cases = [
            ({"session": "abc"}, "correct-session", "training", "correct", "abc", "--title", "kept title 123"),
            ({"session": "999999"}, "correct-session", "training", "correct", "999999", "--title", "kept title 123"),
            ({"participants": "-3"}, "correct-participants", "training", "correct", session, "--participants", "-3"),
            ({"started_on": "2025-02-30"}, "correct-started_on", "training", "correct", session, "--start", "2025-02-30"),
            ({"evidence_url": "javascript:alert(1)"}, "correct-evidence_url", "training", "correct", session, "--evidence", "javascript:alert(1)"),
        ]
        for change, field_id, *cli in cases:
            form = {"csrf": csrf, "session": session, "title": "kept title 123"}
            form.update(change)
            response, body = client.post("/training/correct", form)
            self.assertEqual(response.status, 422, change)
            message = self.field_error(body, field_id)
            self.assertTrue(message, (change, body[-3000:]))
            # The command line's message for the same value, word for word.
            cli_error = run(*cli, db=self.server.db, check=False).stderr
            self.assertIn(message.replace("&#39;", "'"), cli_error, change)
            self.assertIn('id="correct-title" name="title" type="text" inputmode="text" value="kept title 123"', body, change)
        # Nothing to change: said above the form.
        response, body = client.post("/training/correct", {"csrf": csrf, "session": session})
        self.assertEqual(response.status, 422)
        self.assertIn('<div class="banner error" role="alert" id="correct-form-error">nothing to correct: give at least one field to change</div>', body)
        self.assertEqual(self.counts(), before)

    def test_actual_recorded_and_corrected(self):
        client = self.editor()
        csrf = client.csrf("/targets")
        before = self.count(ACTUALS)
        response, body = client.post("/targets/actuals", {"csrf": csrf, "commitment": LABS, "value": "7 labs", "measured_on": "2025-05-31",
                                                          "note": "Seven labs open", "evidence_url": "https://example.org/labs"})
        self.assertEqual(response.status, 303, body[-2000:])
        self.assertEqual(response.getheader("Location"), "/targets#actuals")
        self.assertEqual(self.count(ACTUALS), before + 1)
        actual = self.server.sql("SELECT max(id) FROM commitment_actuals").strip()
        self.assertEqual(self.server.sql("SELECT c.slug, a.value, a.measured_on, a.note, a.evidence_url, a.author, a.supersedes_id IS NULL "
                                         f"FROM commitment_actuals a JOIN commitments c ON c.id = a.commitment_id WHERE a.id = {actual}"),
                         f"{LABS}|7.0|2025-05-31|Seven labs open|https://example.org/labs|eve|1\n")
        _, body = client.get("/targets?as_of=2025-06-30")
        row = re.search(rf'<tr id="actual-{actual}">(.*?)</tr>', body, re.S).group(1)
        self.assertIn("Seven labs open", row)
        self.assertIn('<a href="https://example.org/labs" rel="noopener noreferrer nofollow">', row)
        self.assertIn(f'href="/targets/{LABS}/actuals/{actual}/correct"', row)
        # The targets table has the actual against the target.
        self.assertIn('<td data-label="Action" class="num"><a href="/actions/6">6</a></td><td data-label="Title">Open 20 AI labs</td>'
                      '<td data-label="Target" class="num">20</td><td data-label="Unit">labs</td><td data-label="Actual" class="num">7</td>'
                      '<td data-label="Measured on" class="date">2025-05-31</td>', body)

        # The correction form is filled with the value's fields; empty ones keep the value's.
        _, body = client.get(f"/targets/{LABS}/actuals/{actual}/correct")
        self.assertIn('name="value" type="text" inputmode="decimal" value="7"', body)
        self.assertIn('value="2025-05-31"', body)
        response, body = client.post(f"/targets/{LABS}/actuals/{actual}/correct", {"csrf": csrf, "value": "8", "measured_on": "", "note": "",
                                                                                    "evidence_url": ""})
        self.assertEqual(response.status, 303, body[-2000:])
        self.assertEqual(self.server.sql("SELECT value, measured_on, note, evidence_url, author FROM commitment_actuals "
                                         f"WHERE supersedes_id = {actual}"),
                         "8.0|2025-05-31|Seven labs open|https://example.org/labs|eve\n")
        _, body = client.get("/targets?as_of=2025-06-30")
        self.assertIn(f'<tr id="actual-{actual}" class="superseded">', body)
        self.assertNotIn(f'href="/targets/{LABS}/actuals/{actual}/correct"', body)
        # The superseded value cannot be corrected again: said above the form, nothing written.
        after = self.count(ACTUALS)
        response, body = client.post(f"/targets/{LABS}/actuals/{actual}/correct", {"csrf": csrf, "value": "9"})
        self.assertEqual(response.status, 422)
        self.assertRegex(body, rf'<div class="banner error" role="alert" id="form-error">value {actual} was already corrected by \d+; correct \d+ instead</div>')
        self.assertEqual(self.count(ACTUALS), after)

    def test_bad_actual_values_shown_beside_fields_and_kept(self):
        client = self.editor()
        csrf = client.csrf("/targets")
        before = self.counts()
        cases = [
            ({"value": "-3"}, "value"),
            ({"value": "abc"}, "value"),
            ({"value": "1e400"}, "value"),
            ({"value": "7 kg"}, "value"),
            ({"measured_on": "2025-13-01"}, "measured_on"),
            ({"measured_on": "2025-07-01"}, "measured_on"),
            ({"evidence_url": "javascript:alert(1)"}, "evidence_url"),
            ({"evidence_url": "file:///etc/passwd"}, "evidence_url"),
            ({"commitment": "no-such-target"}, "commitment"),
        ]
        for change, field in cases:
            form = {"csrf": csrf, "commitment": LABS, "value": "5", "measured_on": "2025-05-01", "note": "kept note 123", "evidence_url": ""}
            form.update(change)
            response, body = client.post("/targets/actuals", form)
            self.assertEqual(response.status, 422, change)
            message = self.field_error(body, field)
            self.assertTrue(message, (change, body[-3000:]))
            cli = ["commitment", "record", form["commitment"], "--date", form["measured_on"], "--note", form["note"]]
            if form["evidence_url"]:
                cli += ["--evidence", form["evidence_url"]]
            cli += ["--", form["value"]]
            cli_error = run(*cli, db=self.server.db, check=False).stderr
            self.assertIn(message.replace("&#39;", "'"), cli_error, change)
            self.assertIn('name="note" type="text" inputmode="text" value="kept note 123"', body, change)
            if form["commitment"] == LABS:
                self.assertIn(f'<option value="{LABS}" selected>', body, change)
        # A target counted in training sessions takes no recorded value: said above the form.
        response, body = client.post("/targets/actuals", {"csrf": csrf, "commitment": "ai-capacity-building-a6-1", "value": "3",
                                                          "measured_on": "2025-05-01"})
        self.assertEqual(response.status, 422)
        self.assertIn("is counted in the training sessions of milestone training-2025", body)
        self.assertEqual(self.counts(), before)

    # --- attacks

    def test_csrf_missing_or_wrong(self):
        client = self.editor()
        before = self.count()
        for form in ({"note": "no token"}, {"note": "bad token", "csrf": "0" * 64}, {"note": "short", "csrf": "x"}):
            response, _ = client.post("/actions/6/progress", form)
            self.assertEqual(response.status, 403, form)
        other = self.server.client().sign_in("ada")
        response, _ = client.post("/actions/6/progress", {"note": "another session's token", "csrf": other.csrf()})
        self.assertEqual(response.status, 403)
        self.assertEqual(self.count(), before)

    def test_csrf_missing_or_wrong_on_new_forms(self):
        client = self.editor()
        csrf = client.csrf("/training")
        session = self.add_session(client, csrf, "Workshop for CSRF")
        response, _ = client.post("/targets/actuals", {"csrf": csrf, "commitment": LABS, "value": "2", "measured_on": "2025-03-01"})
        self.assertEqual(response.status, 303)
        actual = self.server.sql("SELECT max(id) FROM commitment_actuals").strip()
        other = self.server.client().sign_in("ada").csrf()
        before = self.counts()
        posts = [("/training/correct", {"session": session, "participants": "5"}),
                 ("/targets/actuals", {"commitment": LABS, "value": "3", "measured_on": "2025-04-01"}),
                 (f"/targets/{LABS}/actuals/{actual}/correct", {"value": "4"})]
        for path, form in posts:
            for token in (None, "0" * 64, "x", other):
                sent = dict(form, **({"csrf": token} if token else {}))
                response, _ = client.post(path, sent)
                self.assertEqual(response.status, 403, (path, token))
        # Without a session at all: to the sign-in page.
        for path, form in posts:
            response, _ = self.server.client().post(path, dict(form, csrf=csrf))
            self.assertEqual((response.status, response.getheader("Location")), (303, "/login"), path)
        self.assertEqual(self.counts(), before)

    def test_viewer_cannot_write_or_see_forms(self):
        client = self.server.client().sign_in("vic")
        _, body = client.get("/actions/6")
        self.assertNotIn("progress-form", body)
        self.assertNotIn("correct-link", body)
        _, body = client.get("/training")
        self.assertNotIn("training-form", body)
        csrf = client.csrf("/")
        before = self.count()
        response, _ = client.post("/actions/6/progress", {"csrf": csrf, "note": "viewer"})
        self.assertEqual(response.status, 403)
        response, _ = client.post("/training", {"csrf": csrf, "title": "t", "started_on": "2025-05-01", "location": "x"})
        self.assertEqual(response.status, 403)
        self.assertEqual(self.count(), before)

    def test_viewer_cannot_correct_or_record(self):
        editor = self.editor()
        csrf = editor.csrf("/training")
        session = self.add_session(editor, csrf, "Workshop a viewer sees")
        response, _ = editor.post("/targets/actuals", {"csrf": csrf, "commitment": LABS, "value": "1", "measured_on": "2025-02-01"})
        self.assertEqual(response.status, 303)
        actual = self.server.sql("SELECT max(id) FROM commitment_actuals").strip()
        client = self.server.client().sign_in("vic")
        _, body = client.get("/training")
        self.assertNotIn("correct-training-form", body)
        _, body = client.get("/targets")
        self.assertNotIn("actual-form", body)
        self.assertNotIn("correct-actual-link", body)
        response, _ = client.get(f"/targets/{LABS}/actuals/{actual}/correct")
        self.assertEqual(response.status, 403)
        csrf = client.csrf("/")
        before = self.counts()
        for path, form in [("/training/correct", {"session": session, "participants": "5"}),
                           ("/targets/actuals", {"commitment": LABS, "value": "3", "measured_on": "2025-04-01"}),
                           (f"/targets/{LABS}/actuals/{actual}/correct", {"value": "4"})]:
            response, _ = client.post(path, dict(form, csrf=csrf))
            self.assertEqual(response.status, 403, path)
        self.assertEqual(self.counts(), before)

    def test_forged_and_expired_cookies(self):
        before = self.count()
        for value in ["0" * 64, "abc", "'; DROP TABLE users; --", "a" * 5000]:
            client = self.server.client()
            client.cookies["plantrack_session"] = value
            response, _ = client.get("/")
            self.assertEqual(response.status, 303, value)
            response, _ = client.post("/actions/6/progress", {"note": "forged", "csrf": "0" * 64})
            self.assertIn(response.status, (303, 403), value)
        client = self.editor()
        self.server.accounts_sql("UPDATE sessions SET expires_at = 0")
        response, _ = client.get("/")
        self.assertEqual(response.status, 303)
        self.assertEqual(self.count(), before)

    def test_sql_html_script_stored_exactly_rendered_escaped(self):
        client = self.editor()
        csrf = client.csrf("/actions/3")
        nasty = "<script>alert('x')</script> \"quoted\" '); DROP TABLE progress_updates; -- & <b>bold</b>"
        response, _ = client.post("/actions/3/progress", {"csrf": csrf, "note": nasty, "reported_on": "2025-06-01"})
        self.assertEqual(response.status, 303)
        stored = self.server.sql("SELECT note FROM progress_updates ORDER BY id DESC LIMIT 1")
        self.assertEqual(stored, nasty + "\n")
        for path in ["/actions/3", "/", "/search?q=DROP%20TABLE"]:
            _, body = client.get(path)
            self.assertNotIn("<script>alert", body, path)
            self.assertNotIn("<b>bold</b>", body, path)
        _, body = client.get("/actions/3")
        self.assertIn("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &quot;quoted&quot;", body)

    def test_stored_javascript_url_never_a_link(self):
        # Written behind the web's back (e.g. an old import or another tool): shown as text, never as a link.
        db = self.server.db
        plant(db, "INSERT INTO progress_updates (action_id, reported_on, status, note, evidence_url, author) "
                  "SELECT id, '2025-06-02', 'in-progress', 'odd evidence', 'javascript:alert(1)', 'mallory' FROM actions WHERE number = 2")
        plant(db, "INSERT INTO training_sessions (milestone_id, started_on, title, location, evidence_url) "
                  "SELECT id, '2025-06-03', 'Odd session', 'Nowhere', 'JavaScript:alert(2)' FROM milestones WHERE slug = 'training-2025'")
        plant(db, "INSERT INTO commitment_actuals (commitment_id, value, measured_on, note, evidence_url, author) "
                  "SELECT id, 3.0, '2025-06-04', 'odd actual', ' javascript:alert(3)', 'mallory' FROM commitments WHERE slug = ?", (LABS,))
        self.assertEqual(self.server.sql("SELECT count(*) FROM progress_updates WHERE evidence_url = 'javascript:alert(1)'"), "1\n")
        # The planted rows carry valid links: the Python chain_sha256 is the C one, and the log still verifies.
        self.assertEqual(run("verify", db=db, check=False).returncode, 0)
        client = self.editor()
        shown = {"/actions/2": "javascript:alert(1)", "/training": "JavaScript:alert(2)", "/targets?as_of=2025-06-30": " javascript:alert(3)",
                 "/reports/milestone?as_of=2025-06-30": "JavaScript:alert(2)"}
        for path in ["/", "/?as_of=2025-06-30", "/actions/2", "/training", "/targets?as_of=2025-06-30", "/search?q=odd",
                     "/reports/milestone?as_of=2025-06-30", "/reports/action-status?as_of=2025-06-30", "/reports/activity?as_of=2025-06-30"]:
            response, body = client.get(path)
            self.assertEqual(response.status, 200, path)
            self.assertNotRegex(body, r"(?i)(href|src|action|formaction)\s*=\s*[\"']?\s*javascript:", path)
            if path in shown:
                self.assertIn(shown[path], body, path)

    def test_body_over_one_mebibyte(self):
        client = self.editor()
        csrf = client.csrf("/actions/6")
        before = self.count()
        response, _ = client.post("/actions/6/progress", {"csrf": csrf, "note": "x" * (1 << 20)})
        self.assertEqual(response.status, 413)
        self.assertEqual(self.count(), before)

    def test_path_traversal(self):
        client = self.editor()
        for path in ["/../../etc/passwd", "/static/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/actions/..%2f..%2fetc%2fpasswd",
                     "/reports/..%2F..%2Fetc%2Fpasswd", "/actions/6/../../../etc/passwd"]:
            response, body = client.get(path)
            self.assertIn(response.status, (400, 404), path)
            self.assertNotIn("root:", body, path)

    # --- JSON API

    def test_api_reads(self):
        token = run("token", "create", "--user", "vic", db=self.server.db).stdout.strip()
        client = self.server.client()
        response, body = client.get("/api/actions?as_of=2025-06-30", headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(response.status, 200)
        actions = json.loads(body)
        self.assertEqual(len(actions), 10)
        self.assertEqual(list(actions[0].keys()), ["number", "title", "title_en", "status", "last_update", "updates", "percent"])
        cli = json.loads(run("action", "list", "--as-of", "2025-06-30", "--format", "json", db=self.server.db).stdout)
        self.assertEqual(actions, cli)
        response, body = client.get("/api/milestones", headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(json.loads(body)[0]["slug"], "training-2025")
        response, body = client.get("/api/commitments", headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(response.status, 200)
        self.assertIn("slug", json.loads(body)[0])
        response, _ = client.get("/api/actions")
        self.assertEqual(response.status, 401)

    def test_api_post_progress(self):
        editor = run("token", "create", "--user", "eve", db=self.server.db).stdout.strip()
        viewer = run("token", "create", "--user", "vic", db=self.server.db).stdout.strip()
        client = self.server.client()
        before = self.count()
        body = json.dumps({"action": 6, "note": "via API", "status": "completed", "reported_on": "2025-06-03", "percent": 100})
        response, text = client.request("POST", "/api/progress", body=body, headers={"Authorization": f"Bearer {editor}", "Content-Type": "application/json"})
        self.assertEqual(response.status, 201, text)
        new_id = json.loads(text)["id"]
        self.assertEqual(self.server.sql(f"SELECT note, status, author FROM progress_updates WHERE id = {new_id}"), "via API|completed|eve\n")
        response, _ = client.request("POST", "/api/progress", body=body, headers={"Authorization": "Bearer pt_" + "0" * 64})
        self.assertEqual(response.status, 401)
        response, _ = client.request("POST", "/api/progress", body=body)
        self.assertEqual(response.status, 401)
        response, _ = client.request("POST", "/api/progress", body=body, headers={"Authorization": f"Bearer {viewer}"})
        self.assertEqual(response.status, 403)
        bad = json.dumps({"action": 6, "note": "x", "percent": 101})
        response, text = client.request("POST", "/api/progress", body=bad, headers={"Authorization": f"Bearer {editor}"})
        self.assertEqual(response.status, 422)
        self.assertEqual(json.loads(text), {"field": "percent", "error": "101 is out of range (expected 0 to 100)"})
        response, text = client.request("POST", "/api/progress", body=json.dumps({"note": "x"}), headers={"Authorization": f"Bearer {editor}"})
        self.assertEqual(response.status, 422)
        self.assertEqual(json.loads(text)["field"], "action")
        response, text = client.request("POST", "/api/progress", body="not json", headers={"Authorization": f"Bearer {editor}"})
        self.assertEqual(response.status, 400)
        # An action may be named by its printed label; the bundled plan's actions have none.
        labelled = json.dumps({"action": "二（一）3", "note": "x"})
        response, text = client.request("POST", "/api/progress", body=labelled, headers={"Authorization": f"Bearer {editor}"})
        self.assertEqual(response.status, 422)
        self.assertEqual(json.loads(text)["field"], "action")
        self.assertIn("no action labelled 二（一）3 in plan ai-capacity-building", json.loads(text)["error"])
        response, text = client.request("POST", "/api/progress", body=json.dumps({"action": "three", "note": "x"}), headers={"Authorization": f"Bearer {editor}"})
        self.assertEqual(response.status, 422)
        self.assertIn("'three' is not an action number", json.loads(text)["error"])
        self.assertEqual(self.count(), before + 1)


class ThrottleTests(unittest.TestCase):
    def test_ten_thousand_failed_sign_ins(self):
        server = Server()
        try:
            client = server.client()
            statuses = {}
            token = client.login_token()
            for attempt in range(10_000):
                response, _ = client.post("/login", {"name": "ada", "password": f"guess-{attempt}", "login_token": token})
                statuses[response.status] = statuses.get(response.status, 0) + 1
            # Three free failures, then a wait that doubles after each further one (1 s, 2 s, 4 s …): in
            # the minute or so this loop takes, a handful more at most.
            self.assertTrue(3 <= statuses[401] <= 10, statuses)
            self.assertEqual(statuses[401] + statuses[429], 10_000, statuses)
            # The right password from here waits too, and nothing piles up in the accounts file.
            response, _ = client.post("/login", {"name": "ada", "password": PASSWORDS["ada"], "login_token": token})
            self.assertEqual(response.status, 429)
            self.assertEqual(server.accounts_sql("SELECT count(*) FROM login_failures"), f"{statuses[401]}\n")
            self.assertEqual(server.accounts_sql("SELECT count(*) FROM sessions"), "0\n")
        finally:
            server.stop()


class ShutdownTests(unittest.TestCase):
    """SIGTERM or SIGINT while a request is in flight: it finishes (its row written, its normal
    response sent), then the server closes the database and exits 0."""

    def shut_down_mid_request(self, signal_number):
        server = Server()
        try:
            client = server.client().sign_in("eve")
            csrf = client.csrf("/actions/6")
            body = urllib.parse.urlencode({"csrf": csrf, "note": "Sent across a shutdown", "reported_on": "2025-06-10"}).encode()
            connection = socket.create_connection(("127.0.0.1", server.port), timeout=60)
            cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
            connection.sendall((f"POST /actions/6/progress HTTP/1.1\r\nHost: 127.0.0.1:{server.port}\r\nCookie: {cookie}\r\n"
                                f"Origin: http://127.0.0.1:{server.port}\r\n"
                                "Content-Type: application/x-www-form-urlencoded\r\n"
                                f"Content-Length: {len(body)}\r\n\r\n").encode() + body[:20])
            time.sleep(0.5)  # the server has the headers and waits for the rest of the body
            server.process.send_signal(signal_number)
            time.sleep(0.5)
            self.assertIsNone(server.process.poll(), "the server quit with a request in flight")
            connection.sendall(body[20:])
            response = http.client.HTTPResponse(connection)
            response.begin()
            response.read()
            connection.close()
            self.assertEqual((response.status, response.getheader("Location")), (303, "/actions/6#timeline"))
            self.assertEqual(server.process.wait(timeout=30), 0)
            # Closed: the last connection's close checkpoints the WAL into the file and removes it.
            self.assertFalse(os.path.exists(server.db + "-wal"), os.listdir(server.directory))
            self.assertEqual(server.sql("SELECT note, author FROM progress_updates"), "Sent across a shutdown|eve\n")
            self.assertEqual(server.sql("PRAGMA integrity_check"), "ok\n")
        finally:
            server.stop()

    def test_sigterm_finishes_the_request_in_flight(self):
        self.shut_down_mid_request(signal.SIGTERM)

    def test_sigint_finishes_the_request_in_flight(self):
        self.shut_down_mid_request(signal.SIGINT)


class PublicModeTests(unittest.TestCase):
    def test_anonymous_reads_never_writes(self):
        server = Server(public=True)
        try:
            client = server.client()
            response, body = client.get("/")
            self.assertEqual(response.status, 200)
            self.assertNotIn("progress-form", client.get("/actions/6")[1])
            response, _ = client.post("/actions/6/progress", {"note": "anonymous", "csrf": ""})
            self.assertEqual(response.status, 303)
            self.assertEqual(server.sql(COUNT), "0\n")
        finally:
            server.stop()


class BehindProxyTests(unittest.TestCase):
    def test_session_cookie_is_secure(self):
        server = Server(extra=["--behind-proxy"])
        try:
            client = server.client()
            response, _ = client.post("/login", {"name": "eve", "password": PASSWORDS["eve"], "login_token": client.login_token()})
            cookie = response.getheader("Set-Cookie")
            self.assertIn("Secure", cookie)
            self.assertIn("HttpOnly", cookie)
            self.assertIn("SameSite=Lax", cookie)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
