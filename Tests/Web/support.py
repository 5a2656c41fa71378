"""Starts `plantrack serve` on a fresh database for the web tests, with an admin, an editor and a viewer."""
import http.client
import os
import re
import shutil
import signal
import subprocess
import tempfile
import urllib.parse

PLANTRACK = os.environ.get("PLANTRACK_BIN", ".build/debug/plantrack")
TODAY = "2025-06-30"
PASSWORDS = {"ada": "ada-password-1", "eve": "eve-password-1", "vic": "vic-password-1"}


def run(*args, db, stdin=None, check=True):
    env = dict(os.environ, PLANTRACK_TODAY=TODAY)
    result = subprocess.run([PLANTRACK, *args, "--db", db],
                            input=stdin, capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise AssertionError(f"plantrack {' '.join(args)} failed: {result.stderr}")
    return result


class Server:
    """A server on a free port over a temporary database; `stop()` sends SIGTERM and waits."""

    def __init__(self, public=False, extra=()):
        self.directory = tempfile.mkdtemp(prefix="plantrack-web-")
        self.db = os.path.join(self.directory, "web.db")
        run("init", db=self.db)
        for name, role in (("ada", "admin"), ("eve", "editor"), ("vic", "viewer")):
            run("user", "add", name, "--role", role, "--password-stdin", db=self.db, stdin=PASSWORDS[name] + "\n")
        args = [PLANTRACK, "serve", "--db", self.db, "--port", "0"] + (["--public"] if public else []) + list(extra)
        self.log = open(os.path.join(self.directory, "server.log"), "w")
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=self.log, text=True,
                                        env=dict(os.environ, PLANTRACK_TODAY=TODAY))
        line = self.process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
        if not match:
            self.process.kill()
            raise AssertionError(f"server did not start: {line!r} {open(self.log.name).read()}")
        self.port = int(match.group(1))
        self.base = f"http://127.0.0.1:{self.port}"

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=30)
        self.process.stdout.close()
        self.log.close()
        shutil.rmtree(self.directory, ignore_errors=True)
        return self.process.returncode

    def sql(self, query):
        return subprocess.run(["sqlite3", "-batch", self.db, query], capture_output=True, text=True, check=True).stdout

    def client(self):
        return Client(self.port)


class Client:
    """An HTTP client with a cookie jar of its own (one browser)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, form=None):
        headers = dict(headers or {})
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        connection.request(method, path, body=body.encode() if isinstance(body, str) else body, headers=headers)
        response = connection.getresponse()
        data = response.read().decode("utf-8", errors="replace")
        for header in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = header.partition("=")
            value = rest.split(";", 1)[0]
            if "Max-Age=0" in header:
                self.cookies.pop(name, None)
            else:
                self.cookies[name] = value
        connection.close()
        return response, data

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, form, **kwargs):
        return self.request("POST", path, form=form, **kwargs)

    def sign_in(self, name):
        response, body = self.post("/login", {"name": name, "password": PASSWORDS[name]})
        assert response.status == 303, (response.status, body)
        return self

    def csrf(self, path="/"):
        _, body = self.get(path)
        match = re.search(r'name="csrf" value="([0-9a-f]{64})"', body)
        assert match, body[:500]
        return match.group(1)
