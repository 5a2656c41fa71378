"""The third round of attacks on `plantrack serve`, each refused: open redirects, one-time passwords,
login CSRF, timing, sign-in load on the writer, lockout, weak passwords and tokens, missing headers,
slow clients, invalid UTF-8, bidirectional text, credentials in the data file, CSV formulas."""
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import unittest

import sqlite3

from support import Server, PASSWORDS, chain_sha256, run

COUNT = "SELECT count(*) FROM progress_updates"


def plant(db, statements):
    """Statements run behind plantrack's back on one connection, as someone holding the file would,
    with the chain's hash function (support.chain_sha256), so the triggers write matching links."""
    connection = sqlite3.connect(db, timeout=30)
    try:
        connection.create_function("chain_sha256", -1, chain_sha256, deterministic=True)
        with connection:
            for statement in statements:
                connection.execute(statement)
    finally:
        connection.close()


def one_time_password(db, name, role="editor"):
    line = run("user", "add", name, "--role", role, db=db).stdout
    return re.search(rf"one-time password for {name}: (\S+)", line).group(1)


class SecurityTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = Server()

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def count(self):
        return int(self.server.sql(COUNT))

    # 1. Only same-site paths: browsers drop a TAB inside a URL, so /<TAB>/evil.example is //evil.example.
    def test_language_switch_never_redirects_off_site(self):
        client = self.server.client()
        for back in ["/%09/evil.example", "/%0a/evil.example", "/%0D%0A/evil.example", "//evil.example", "/\\evil.example",
                     "https://evil.example/", "/%5Cevil.example", "/%20/evil.example", "%2F%2Fevil.example"]:
            response, _ = client.get(f"/lang?to=zh&back={back}")
            self.assertEqual((response.status, response.getheader("Location")), (303, "/"), back)
        response, _ = client.get("/lang?to=zh&back=/targets%3Fas_of%3D2025-06-30")
        self.assertEqual(response.getheader("Location"), "/targets?as_of=2025-06-30")

    # 2. Signed in with a one-time password: nothing but the password change works, forms and tokens included.
    def test_one_time_password_allows_nothing_but_its_change(self):
        password = one_time_password(self.server.db, "olga")
        token = run("token", "create", "--user", "olga", db=self.server.db).stdout.strip()
        client = self.server.client().sign_in("olga", password)
        csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', client.get("/password")[1]).group(1)
        before = self.count()
        response, _ = client.post("/actions/6/progress", {"csrf": csrf, "note": "before changing the password", "reported_on": "2025-06-10"})
        self.assertEqual(response.status, 403)
        response, _ = client.post("/training", {"csrf": csrf, "title": "x", "started_on": "2025-05-12", "location": "Beijing"})
        self.assertEqual(response.status, 403)
        response, _ = client.get("/api/actions")
        self.assertEqual((response.status, response.getheader("Location")), (303, "/password"))
        scripted = self.server.client()  # a token alone, no session
        response, body = scripted.request("POST", "/api/progress", body=json.dumps({"action": 6, "note": "by token"}),
                                          headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(response.status, 403, body)
        self.assertIn("must change the one-time password first", body)
        response, _ = scripted.get("/api/actions", headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(response.status, 403)
        # Every other API write too (training, actuals, indicator values): one gate for all of them.
        sessions = self.server.sql("SELECT count(*) FROM training_sessions")
        response, body = scripted.request("POST", "/api/training", headers={"Authorization": f"Bearer {token}"},
                                          body=json.dumps({"title": "by token", "started_on": "2025-05-12", "location": "Beijing"}))
        self.assertEqual(response.status, 403, body)
        self.assertIn("must change the one-time password first", body)
        self.assertEqual(self.server.sql("SELECT count(*) FROM training_sessions"), sessions)
        self.assertEqual(self.count(), before)
        # Once changed, both work.
        response, _ = client.post("/password", {"csrf": csrf, "current": password, "password": "a tulip at noon"})
        self.assertEqual(response.status, 303)
        response, _ = scripted.request("POST", "/api/progress", body=json.dumps({"action": 6, "note": "by token, after"}),
                                     headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(response.status, 201)
        self.assertEqual(self.count(), before + 1)

    # 3. Login CSRF: a POST from another site (Origin, else Referer) is refused; the sign-in form needs its pre-session token.
    def test_cross_site_posts_and_sign_in_without_the_form_token(self):
        client = self.server.client()
        token = client.login_token()
        form = {"name": "eve", "password": PASSWORDS["eve"], "login_token": token}
        for headers in [{"Origin": "https://evil.example"}, {"Origin": "null"}, {"Referer": "https://evil.example/page"}]:
            response, body = client.post("/login", form, headers=headers, origin=False)
            self.assertEqual(response.status, 403, headers)
            self.assertNotIn("plantrack_session", client.cookies)
        response, _ = client.post("/login", form, origin=False)  # neither Origin nor Referer
        self.assertEqual(response.status, 403)
        response, _ = client.post("/login", form, origin=False, headers={"Referer": f"http://127.0.0.1:{self.server.port}/login"})
        self.assertEqual(response.status, 303)
        # Without the pre-session token (an attacker's page cannot read it), or with another one: refused.
        for variant in [{"name": "eve", "password": PASSWORDS["eve"]}, dict(form, login_token="0" * 64)]:
            attacker = self.server.client()
            response, _ = attacker.post("/login", variant)
            self.assertEqual(response.status, 403, variant)
            self.assertNotIn("plantrack_session", attacker.cookies)
        # A signed-in editor's form posted from elsewhere changes nothing.
        editor = self.server.client().sign_in("eve")
        csrf = editor.csrf("/actions/6")
        before = self.count()
        response, _ = editor.post("/actions/6/progress", {"csrf": csrf, "note": "cross-site", "reported_on": "2025-06-10"},
                                  headers={"Origin": "https://evil.example"})
        self.assertEqual(response.status, 403)
        self.assertEqual(self.count(), before)

    # 4. An unknown name costs the same bcrypt work as a wrong password.
    def test_unknown_names_take_as_long_as_wrong_passwords(self):
        def median_time(name, address):
            times = []
            for attempt in range(2):  # within the free failures (and the old five per address)
                client = self.server.client()
                token = re.search(r'name="login_token" value="([0-9a-f]{64})"', client.get("/login")[1])
                form = {"name": name, "password": f"wrong guess {attempt}", "login_token": token and token.group(1)}
                started = time.monotonic()
                response, _ = client.post("/login", form)
                times.append(time.monotonic() - started)
                self.assertEqual(response.status, 401)
            return statistics.median(times)
        run("user", "add", "tim", "--role", "viewer", "--password-stdin", db=self.server.db, stdin="velvet anchor 88\n")
        known, unknown = median_time("tim", "a"), median_time("nobody-called-this", "b")
        # bcrypt is ~50 ms and a request without it ~2 ms: the unknown name must do the work too.
        self.assertGreater(unknown, known * 0.5, (known, unknown))

    # 7. NIST SP 800-63B: 12 characters, no common password, the current password to change it.
    def test_password_rules_and_current_password(self):
        password = one_time_password(self.server.db, "pavel")
        client = self.server.client().sign_in("pavel", password)
        csrf = re.search(r'name="csrf" value="([0-9a-f]{64})"', client.get("/password")[1]).group(1)
        common = "the password is too common (it is on the list of the most used passwords); choose a longer phrase of your own"
        for new, message in [("12345678", "the password has 8 characters; at least 12 are needed"),
                             ("password", "the password has 8 characters; at least 12 are needed"),
                             ("password1234", common), ("123456789012", common), ("qwertyuiop12", common),
                             ("pavel's own words", "the password contains the user name")]:
            response, body = client.post("/password", {"csrf": csrf, "current": password, "password": new})
            self.assertEqual(response.status, 422, new)
            self.assertIn(message.replace("'", "&#39;"), body.replace("&#x27;", "&#39;"), new)
        response, body = client.post("/password", {"csrf": csrf, "current": "not the current one", "password": "a fine long phrase"})
        self.assertEqual(response.status, 422)
        self.assertIn("The current password is wrong.", body)
        response, _ = client.post("/password", {"csrf": csrf, "password": "a fine long phrase"})
        self.assertEqual(response.status, 422)
        response, _ = client.post("/password", {"csrf": csrf, "current": password, "password": "a fine long phrase"})
        self.assertEqual(response.status, 303)
        # The command line refuses the same.
        result = run("user", "add", "weak", "--role", "viewer", "--password-stdin", db=self.server.db, stdin="password1234\n", check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("too common", result.stderr)

    def test_tokens_listed_revoked_and_expiring(self):
        run("user", "add", "tara", "--role", "editor", "--password-stdin", db=self.server.db, stdin="tidal compass 12\n")
        live = run("token", "create", "--user", "tara", "--label", "live", db=self.server.db).stdout.strip()
        revoked = run("token", "create", "--user", "tara", "--label", "to revoke", "--expires", "never", db=self.server.db).stdout.strip()
        # Expiring tomorrow: works today (PLANTRACK_TODAY=2025-06-30 for the server too).
        short = run("token", "create", "--user", "tara", "--label", "short", "--expires", "2025-07-01", db=self.server.db).stdout.strip()
        rows = json.loads(run("token", "list", "--user", "tara", "--format", "json", db=self.server.db).stdout)
        self.assertEqual([(r["label"], r["expires_on"], r["state"]) for r in rows],
                         [("live", "2025-09-28", "active"), ("to revoke", "never", "active"), ("short", "2025-07-01", "active")])
        run("token", "revoke", str(rows[1]["id"]), db=self.server.db)
        rows = json.loads(run("token", "list", "--user", "tara", "--format", "json", db=self.server.db).stdout)
        self.assertEqual([r["state"] for r in rows], ["active", "revoked", "active"])
        client = self.server.client()
        for token, status in [(live, 200), (revoked, 401), (short, 200)]:
            response, _ = client.get("/api/actions", headers={"Authorization": f"Bearer {token}"})
            self.assertEqual(response.status, status, token)
        result = run("token", "revoke", "999", db=self.server.db, check=False)
        self.assertEqual((result.returncode, result.stderr.strip()), (1, "plantrack: error: no API token 999 (see `plantrack token list`)"))
        result = run("token", "create", "--user", "tara", "--expires", "2025-06-30", db=self.server.db, check=False)
        self.assertEqual(result.returncode, 1)

    # 8. Headers on every answer, HEAD, invalid UTF-8 refused by the API, bidirectional text isolated.
    def test_security_headers_on_error_answers_and_head(self):
        client = self.server.client().sign_in("vic")
        answers = [client.get("/no-such-page"), client.get("/?as_of=2025-02-30"),
                   client.request("POST", "/actions/6/progress", body="x" * (2 << 20), headers={"Content-Type": "application/x-www-form-urlencoded"})]
        for (response, _), status in zip(answers, [404, 400, 413]):
            self.assertEqual(response.status, status)
            self.assertIn("default-src 'none'", response.getheader("Content-Security-Policy") or "", status)
            self.assertEqual(response.getheader("X-Content-Type-Options"), "nosniff", status)
            self.assertEqual(response.getheader("Referrer-Policy"), "same-origin", status)
        response, body = client.request("HEAD", "/")
        self.assertEqual((response.status, body), (200, ""))
        self.assertIn("default-src 'none'", response.getheader("Content-Security-Policy"))
        response, _ = self.server.client().request("HEAD", "/")
        self.assertEqual((response.status, response.getheader("Location")), (303, "/login"))

    def test_api_refuses_invalid_utf8(self):
        token = run("token", "create", "--user", "eve", db=self.server.db).stdout.strip()
        before = self.count()
        body = b'{"action": 6, "note": "bad \xff\xfe bytes"}'
        response, text = self.server.client().request("POST", "/api/progress", body=body, headers={"Authorization": f"Bearer {token}"})
        self.assertEqual(response.status, 400)
        self.assertEqual(json.loads(text)["error"], "the body is not valid UTF-8")
        self.assertEqual(self.count(), before)
        self.assertEqual(self.server.sql("SELECT count(*) FROM progress_updates WHERE note LIKE '%' || char(65533) || '%'"), "0\n")
        # The other API writes refuse it the same way, before any use case runs.
        sessions = self.server.sql("SELECT count(*) FROM training_sessions")
        body = b'{"title": "bad \xff\xfe bytes", "started_on": "2025-05-12", "location": "Beijing"}'
        response, text = self.server.client().request("POST", "/api/training", body=body, headers={"Authorization": f"Bearer {token}"})
        self.assertEqual((response.status, json.loads(text)["error"]), (400, "the body is not valid UTF-8"))
        self.assertEqual(self.server.sql("SELECT count(*) FROM training_sessions"), sessions)

    def test_bidirectional_text_is_isolated(self):
        run("progress", "add", "5", "Phase \u202egnp.exe\u202c done", "--date", "2025-06-01", db=self.server.db)
        _, body = self.server.client().sign_in("vic").get("/actions/5")
        self.assertRegex(body, '<p class="note" dir="auto">Phase \u202egnp.exe\u202c done</p>')
        run("training", "add", "--title", "\u202eevil\u202c Workshop", "--start", "2025-05-12", "--location", "Beijing", db=self.server.db)
        _, body = self.server.client().sign_in("vic").get("/training")
        self.assertRegex(body, '<td data-label="[^"]*"[^>]*><bdi>\u202eevil\u202c Workshop</bdi></td>')

    # 9. The data file holds no credential: accounts live beside it, readable by their owner only.
    def test_credentials_are_not_in_the_data_file(self):
        tables = self.server.sql("SELECT name FROM sqlite_master WHERE type = 'table'").split()
        for name in ["users", "sessions", "api_tokens", "login_failures"]:
            self.assertNotIn(name, tables)
        self.assertEqual(self.server.accounts_sql("SELECT count(*) FROM users WHERE name IN ('ada', 'eve', 'vic')"), "3\n")
        self.assertEqual(os.stat(self.server.accounts).st_mode & 0o777, 0o600)
        datasette = shutil.which("datasette")
        if datasette is None:
            self.skipTest("datasette is not installed (pip install datasette; .ci/run does)")
        metadata = os.path.join(self.server.directory, "metadata.json")
        with open(metadata, "w") as out:
            out.write(run("datasette-metadata", db=self.server.db).stdout)
        def get(path):
            return subprocess.run([datasette, self.server.db, "--metadata", metadata, "--get", path], capture_output=True, text=True)
        for table in ["users", "sessions", "api_tokens", "login_failures"]:
            self.assertIn("not found", get(f"/web/{table}.json").stdout.lower(), table)
        listing = get("/web.json?sql=select+name+from+sqlite_master&_shape=array").stdout
        self.assertIn("progress_updates", listing)
        for secret in ["users", "api_tokens", "password_hash", "$2b$"]:
            self.assertNotIn(secret, listing)

    # 10. CSV: formulas neutralised unless --raw; numbers stay numbers.
    def test_csv_exports_neutralise_formulas(self):
        note = '=HYPERLINK("http://evil.example","click")'
        run("progress", "add", "7", note, "--date", "2025-06-02", "--percent", "40", db=self.server.db)
        out = run("progress", "list", "--action", "7", "--format", "csv", "--wide", db=self.server.db).stdout
        self.assertIn('"\'=HYPERLINK(""http://evil.example"",""click"")"', out)
        raw = run("progress", "list", "--action", "7", "--format", "csv", "--wide", "--raw", db=self.server.db).stdout
        self.assertIn('"=HYPERLINK(""http://evil.example"",""click"")"', raw)
        sql = run("sql", "SELECT note, -5 AS n, '+1' AS plus, '@x' AS at FROM progress_updates WHERE action_id = 7", "--format", "csv",
                  db=self.server.db).stdout
        self.assertIn(",-5,'+1,'@x", sql)


class ThrottleAndLoadTests(unittest.TestCase):
    """Behind a proxy, so each request can come from an address of its own (X-Forwarded-For)."""

    @classmethod
    def setUpClass(cls):
        cls.server = Server(extra=["--behind-proxy"])

    @classmethod
    def tearDownClass(cls):
        assert cls.server.stop() == 0

    def attempt(self, name, password, address):
        client = self.server.client()
        match = re.search(r'name="login_token" value="([0-9a-f]{64})"', client.get("/login")[1])
        response, _ = client.post("/login", {"name": name, "password": password, "login_token": match and match.group(1)},
                                  headers={"X-Forwarded-For": f"198.51.100.200, {address}"})
        return response.status

    # 6. Guessing from one address never locks the right password out from another; the wait grows.
    def test_throttled_per_name_and_address_with_a_growing_wait(self):
        statuses = [self.attempt("ada", f"guess {n}", "203.0.113.5") for n in range(8)]
        self.assertEqual(statuses[:3], [401, 401, 401])
        # After the third failure each attempt waits 1, 2, 4 … s from the last failure. On a loaded
        # machine a slow bcrypt can let an attempt arrive after its wait: it is heard (401) and the
        # next wait doubles. So the waits are counted from the failures actually heard.
        self.assertEqual(statuses[-3:], [429] * 3, statuses)
        self.assertTrue(set(statuses) <= {401, 429}, statuses)
        wait = 2 ** (statuses.count(401) - 3)
        self.assertEqual(self.attempt("ada", PASSWORDS["ada"], "203.0.113.5"), 429)
        self.assertEqual(self.attempt("ada", PASSWORDS["ada"], "198.51.100.7"), 303)
        time.sleep(wait + 0.1)
        self.assertEqual(self.attempt("ada", "guess again", "203.0.113.5"), 401)
        self.assertEqual(self.attempt("ada", PASSWORDS["ada"], "203.0.113.5"), 429)  # now twice as long
        time.sleep(2 * wait + 0.1)
        self.assertEqual(self.attempt("ada", PASSWORDS["ada"], "203.0.113.5"), 303)

    # 5. Sign-ins hash off the writer, and each user keeps a bounded number of sessions.
    def test_sessions_are_capped(self):
        for _ in range(12):
            self.assertEqual(self.attempt("vic", PASSWORDS["vic"], "192.0.2.9"), 303)
        self.assertEqual(self.server.accounts_sql("SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.name = 'vic'"), "8\n")

    def test_sign_in_load_leaves_writes_fast(self):
        token = run("token", "create", "--user", "eve", db=self.server.db).stdout.strip()

        def write_times(n, tag):
            times = []
            for i in range(n):
                client = self.server.client()
                started = time.monotonic()
                response, _ = client.request("POST", "/api/progress", body=json.dumps({"action": 2, "note": f"timed {tag} {i}"}),
                                             headers={"Authorization": f"Bearer {token}"})
                times.append(time.monotonic() - started)
                self.assertEqual(response.status, 201)
            return times

        quiet = statistics.median(write_times(10, "quiet"))
        stop = threading.Event()

        def sign_in(index):
            # Right passwords (never throttled), each loop from an address of its own: every one runs bcrypt.
            while not stop.is_set():
                self.attempt("vic", PASSWORDS["vic"], f"10.9.{index}.1")

        loops = [threading.Thread(target=sign_in, args=(i,)) for i in range(8)]
        for loop in loops:
            loop.start()
        try:
            time.sleep(0.5)
            loaded = statistics.median(write_times(10, "loaded"))
        finally:
            stop.set()
            for loop in loops:
                loop.join()
        # With bcrypt on the writer, each write queued behind several ~60 ms hashes (1.3 s at 16 loops).
        self.assertLess(loaded, max(0.25, quiet * 20), (quiet, loaded))


class SlowClientTests(unittest.TestCase):
    # 8. A client that trickles its request head is cut off after --header-timeout.
    def test_slow_headers_are_closed(self):
        server = Server(extra=["--header-timeout", "1"])
        try:
            connection = socket.create_connection(("127.0.0.1", server.port), timeout=10)
            connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
            started = time.monotonic()
            closed = False
            for _ in range(20):
                try:
                    connection.sendall(b"X-Slow: a\r\n")
                    connection.settimeout(0.5)
                    if connection.recv(1) == b"":
                        closed = True
                        break
                except socket.timeout:
                    continue
                except OSError:
                    closed = True
                    break
            self.assertTrue(closed, "the slow connection stayed open")
            self.assertLess(time.monotonic() - started, 5)
            connection.close()
            # An ordinary request still works.
            response, _ = server.client().get("/login")
            self.assertEqual(response.status, 200)
        finally:
            server.stop()


class LogTamperTests(unittest.TestCase):
    """The file's holder against the log: a signed checkpoint (12), the write guard (13), `sql` (11)."""

    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="plantrack-tamper-")
        self.db = os.path.join(self.directory, "log.db")
        run("init", db=self.db)
        run("training", "add", "--title", "Workshop", "--start", "2025-05-12", "--location", "Beijing", db=self.db)
        for n in range(1, 5):
            run("progress", "add", str(n), f"update {n}", "--date", f"2025-06-0{n}", db=self.db)
        self.key = os.path.join(self.directory, "office.key")
        self.statement = run("checkpoint", "--key", self.key, db=self.db).stdout
        self.checkpoint = os.path.join(self.directory, "checkpoint.txt")
        with open(self.checkpoint, "w") as out:
            out.write(self.statement)
        self.public = run("checkpoint", "--key", self.key, "--public-key", db=self.db).stdout.strip()
        # Logged after the checkpoint: allowed, and covered by the chain as before.
        run("progress", "add", "5", "after the checkpoint", "--date", "2025-06-20", db=self.db)

    def tearDown(self):
        shutil.rmtree(self.directory, ignore_errors=True)

    def verify(self, db=None, public=None):
        return run("verify", "--checkpoint", self.checkpoint, "--public-key", public or self.public, db=db or self.db, check=False)

    def copy(self, name):
        path = os.path.join(self.directory, name)
        shutil.copy(self.db, path)
        return path

    def test_checkpoint_is_signed_kept_and_checks_a_clean_log(self):
        self.assertEqual(os.stat(self.key).st_mode & 0o777, 0o600)
        # A training session is one fact and adds no progress update: 4 updates, 1 session, 5 links.
        self.assertRegex(self.statement, r"^plantrack checkpoint\ndatabase: log.db\ncreated: \d{4}-\d\d-\d\dT[\d:]{8}Z\n"
                                         r"chain: 5 links, last seq 5, head [0-9a-f]{64}\n")
        self.assertIn("table progress_updates: 4 links, last row 4\n", self.statement)
        self.assertIn("table training_sessions: 1 links, last row 1\n", self.statement)
        self.assertIn(f"key: {self.public}\nsignature: ", self.statement)
        result = self.verify()
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("ok  checkpoint (link 5 of ", result.stdout)
        self.assertIn("ok  hash chain (6 rows)", result.stdout)
        # Another office's key, or an edited statement: refused.
        other = run("checkpoint", "--key", os.path.join(self.directory, "other.key"), "--public-key", db=self.db).stdout.strip()
        result = self.verify(public=other)
        self.assertEqual(result.returncode, 1)
        self.assertIn(f"the checkpoint is signed by key {self.public}, not by {other}", result.stdout)
        with open(self.checkpoint, "w") as out:
            out.write(self.statement.replace("table progress_updates: 4 links", "table progress_updates: 3 links"))
        result = self.verify()
        self.assertEqual(result.returncode, 1)
        self.assertIn("the signature does not match the statement", result.stdout)
        # The server publishes the latest.
        server = Server()
        try:
            response, body = server.client().get("/checkpoint")
            self.assertEqual((response.status, body), (404, "no checkpoint yet (plantrack checkpoint makes one)\n"))
            statement = run("checkpoint", "--key", self.key, db=server.db).stdout
            response, body = server.client().get("/checkpoint")
            self.assertEqual((response.status, body), (200, statement))
        finally:
            server.stop()

    def tampered(self, name, statements):
        path = self.copy(name)
        plant(path, statements)
        plain = run("verify", db=path, check=False)
        return path, plain

    def test_truncation_is_caught(self):
        # The newest rows and their links cut off: the chain that is left is consistent.
        path, plain = self.tampered("cut.db", [
            "DROP TRIGGER progress_updates_no_delete", "DROP TRIGGER integrity_chain_no_delete",
            "DELETE FROM progress_updates WHERE id >= 3",
            "DELETE FROM integrity_chain WHERE seq >= (SELECT seq FROM integrity_chain WHERE table_name = 'progress_updates' AND row_id = 3)"])
        self.assertIn("ok  hash chain (3 rows)", plain.stdout)
        result = self.verify(path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("chain link 5, the checkpoint's last, is gone: the chain now ends at link 3", result.stdout)

    def test_rewriting_with_recomputed_links_is_caught(self):
        # Row 2 rewritten, and it and every later row logged again, so every link matches its row.
        path, plain = self.tampered("rewritten.db", [
            "DROP TRIGGER progress_updates_no_delete", "DROP TRIGGER integrity_chain_no_delete",
            "CREATE TEMP TABLE later AS SELECT * FROM progress_updates WHERE id >= 2",
            "UPDATE temp.later SET note = 'never happened' WHERE id = 2",
            "DELETE FROM progress_updates WHERE id >= 2",
            "DELETE FROM integrity_chain WHERE seq >= (SELECT seq FROM integrity_chain WHERE table_name = 'progress_updates' AND row_id = 2)",
            "INSERT INTO progress_updates SELECT * FROM temp.later ORDER BY id"])
        self.assertIn("ok  hash chain (6 rows)", plain.stdout)
        self.assertIn("ok  schema", plain.stdout.replace("FAILED  schema", "ok  schema"))
        result = self.verify(path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("chain link 5 is not the one the checkpoint signed: the log up to it was rewritten", result.stdout)

    def test_rows_forged_later_and_dated_back_are_caught(self):
        # After the checkpoint, a row slipped in among the old ids (the id guard dropped), the chain rebuilt from there.
        path, plain = self.tampered("forged.db", [
            "DROP TRIGGER progress_updates_no_delete", "DROP TRIGGER integrity_chain_no_delete",
            "CREATE TEMP TABLE later AS SELECT * FROM progress_updates WHERE id >= 4",
            "DELETE FROM progress_updates WHERE id >= 4",
            "DELETE FROM integrity_chain WHERE seq >= (SELECT seq FROM integrity_chain WHERE table_name = 'progress_updates' AND row_id = 4)",
            "UPDATE temp.later SET id = id + 1",
            "INSERT INTO progress_updates (id, action_id, reported_on, status, note, recorded_at) "
            "VALUES (4, 3, '2025-06-03', 'completed', 'forged, dated back', '2025-06-03 09:00:00')",
            "INSERT INTO progress_updates SELECT * FROM temp.later ORDER BY id"])
        self.assertIn("ok  hash chain (7 rows)", plain.stdout)
        result = self.verify(path)
        self.assertEqual(result.returncode, 1)
        self.assertIn("chain link 5 is not the one the checkpoint signed", result.stdout)

    # 13. A dropped trigger with schema_version set back: writers still refuse the file.
    def test_write_guard_sees_a_dropped_trigger_behind_a_reset_schema_version(self):
        path = self.copy("guard.db")
        version = int(subprocess.run(["sqlite3", path, "PRAGMA schema_version"], capture_output=True, text=True, check=True).stdout)
        subprocess.run(["sqlite3", path, f"DROP TRIGGER progress_updates_no_update; PRAGMA schema_version = {version};"],
                       capture_output=True, check=True)
        self.assertEqual(subprocess.run(["sqlite3", path, "PRAGMA schema_version"], capture_output=True, text=True).stdout.strip(), str(version))
        before = open(path, "rb").read()
        result = run("progress", "add", "1", "after tampering", db=path, check=False)
        self.assertEqual(result.returncode, 1)
        self.assertIn("the database's schema (its triggers, tables, views or indexes) was changed outside plantrack's migrations", result.stderr)
        self.assertEqual(open(path, "rb").read(), before)

    # 11. `sql`: no two-argument fts3_tokenizer, and a memory cap with one clear line.
    def test_sql_refuses_fts3_tokenizer_and_caps_memory(self):
        result = run("sql", "SELECT fts3_tokenizer('simple', x'4141414141414141') AS t", db=self.db, check=False)
        self.assertEqual(result.returncode, 1, result.stdout)
        self.assertEqual(len(result.stderr.strip().split("\n")), 1, result.stderr)
        self.assertIn("fts3tokenize disabled", result.stderr)
        result = run("sql", "SELECT length(randomblob(9e8)) + length(randomblob(9e8)) AS n", db=self.db, check=False)
        self.assertEqual((result.returncode, result.stderr),
                         (1, "plantrack: error: sql: the statement needs more than 512 MiB of memory, the most sql allows; ask for less at once\n"))


if __name__ == "__main__":
    unittest.main()
