"""The web server end to end over HTTP: sign-in, pages, forms, the JSON API, and each attack refused
with the database unchanged."""
import json
import subprocess
import re
import unittest

from support import Server, PASSWORDS, run

COUNT = "SELECT count(*) FROM progress_updates"


class WebTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        code = cls.server.stop()
        # SIGTERM is a clean shutdown: exit status 0.
        assert code == 0, code

    def count(self):
        return int(self.server.sql(COUNT))

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
        client = self.server.client()
        response, _ = client.post("/login", {"name": "otto", "password": password})
        self.assertEqual(response.status, 303)
        response, _ = client.get("/actions/6")
        self.assertEqual(response.getheader("Location"), "/password")
        csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', client.get("/password")[1]).group(1)
        response, body = client.post("/password", {"csrf": csrf, "password": "short"})
        self.assertEqual(response.status, 422)
        self.assertIn("the password has 5 characters; at least 8 are needed", body)
        response, _ = client.post("/password", {"csrf": csrf, "password": "otto's own password"})
        self.assertEqual(response.status, 303)
        response, _ = client.get("/actions/6")
        self.assertEqual(response.status, 200)
        self.assertEqual(self.server.sql("SELECT must_change FROM users WHERE name = 'otto'"), "0\n")

    def test_session_cookie_flags(self):
        client = self.server.client()
        response, _ = client.post("/login", {"name": "eve", "password": PASSWORDS["eve"]})
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
            self.assertNotRegex(body, r"(src|href)=\"https?://", path)  # no remote assets
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
        run("progress", "add", "4", "Logged from the command line", "--date", "2025-06-20", db=self.server.db)
        _, after = client.get("/?as_of=2025-06-30")
        self.assertIn("Logged from the command line", after)

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
        self.server.sql("UPDATE sessions SET expires_at = 0")
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
        # Written behind the web's back (e.g. an old import): still shown as text only.
        try:
            self.server.sql("INSERT INTO progress_updates (action_id, reported_on, status, note, evidence_url) "
                            "SELECT id, '2025-06-02', 'in-progress', 'odd evidence', 'javascript:alert(1)' FROM actions WHERE number = 2")
        except subprocess.CalledProcessError:
            self.skipTest("the log's hash chain (0008) refuses rows written outside plantrack")
        client = self.editor()
        _, body = client.get("/actions/2")
        self.assertNotIn('href="javascript:', body)
        self.assertIn("javascript:alert(1)", body)

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
        self.assertEqual(self.count(), before + 1)


class ThrottleTests(unittest.TestCase):
    def test_ten_thousand_failed_sign_ins(self):
        server = Server()
        try:
            client = server.client()
            statuses = {}
            for attempt in range(10_000):
                response, _ = client.post("/login", {"name": "ada", "password": f"guess-{attempt}"})
                statuses[response.status] = statuses.get(response.status, 0) + 1
            self.assertEqual(statuses, {401: 5, 429: 9_995})
            # The right password is refused too while throttled, and nothing piles up in the database.
            response, _ = client.post("/login", {"name": "ada", "password": PASSWORDS["ada"]})
            self.assertEqual(response.status, 429)
            self.assertEqual(server.sql("SELECT count(*) FROM login_failures"), "5\n")
            self.assertEqual(server.sql("SELECT count(*) FROM sessions"), "0\n")
        finally:
            server.stop()


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
            response, _ = server.client().post("/login", {"name": "eve", "password": PASSWORDS["eve"]})
            cookie = response.getheader("Set-Cookie")
            self.assertIn("Secure", cookie)
            self.assertIn("HttpOnly", cookie)
            self.assertIn("SameSite=Lax", cookie)
        finally:
            server.stop()


if __name__ == "__main__":
    unittest.main()
