"""Starts `plantrack serve` on a fresh database for the web tests, with an admin, an editor and a viewer."""
import hashlib
import http.client
import os
import re
import shutil
import signal
import sqlite3
import struct
import subprocess
import tempfile
import urllib.parse

PLANTRACK = os.environ.get("PLANTRACK_BIN", ".build/debug/plantrack")
TODAY = "2025-06-30"
PASSWORDS = {"ada": "violet tractor 91", "eve": "copper lantern 47", "vic": "marble heron 23"}


def run(*args, db, stdin=None, check=True):
    env = dict(os.environ, PLANTRACK_TODAY=TODAY)
    # After `--` every word is an argument: the database goes before it.
    split = args.index("--") if "--" in args else len(args)
    result = subprocess.run([PLANTRACK, *args[:split], "--db", db, *args[split:]],
                            input=stdin, capture_output=True, text=True, env=env)
    if check and result.returncode != 0:
        raise AssertionError(f"plantrack {' '.join(args)} failed: {result.stderr}")
    return result


def chain_sha256(previous, table, *pairs):
    """The hash chain's link (Sources/CSQLite/shim.h, csqlite_chain_function) in Python: SHA-256 over the
    previous link (32 zero bytes for none), the table name, then each (name, value) pair whose value is
    not NULL, each item a type byte and its bytes: integers and reals 8 bytes big-endian, text and blobs
    with a 4-byte big-endian length first."""
    digest = hashlib.sha256(previous if isinstance(previous, bytes) and len(previous) == 32 else bytes(32))

    def put_bytes(kind, data):
        digest.update(kind + struct.pack(">I", len(data)) + data)

    put_bytes(b"t", table.encode())
    for name, value in zip(pairs[0::2], pairs[1::2]):
        if value is None:
            continue
        put_bytes(b"t", name.encode())
        if isinstance(value, int):
            digest.update(b"i" + struct.pack(">q", value))
        elif isinstance(value, float):
            digest.update(b"r" + struct.pack(">d", value))
        elif isinstance(value, str):
            put_bytes(b"t", value.encode())
        else:
            put_bytes(b"b", bytes(value))
    return digest.digest()


def plant(db, statement, parameters=()):
    """Writes a row behind plantrack's back (as an old import or another tool might), the chain
    triggers (Migrations/0008, 0009) satisfied by the Python chain_sha256 above."""
    connection = sqlite3.connect(db, timeout=30)
    try:
        connection.create_function("chain_sha256", -1, chain_sha256, deterministic=True)
        with connection:
            connection.execute(statement, parameters)
    finally:
        connection.close()


class Server:
    """A server on a free port over a temporary database; `stop()` sends SIGTERM and waits."""

    def __init__(self, public=False, extra=()):
        self.accounts = None
        self.directory = tempfile.mkdtemp(prefix="plantrack-web-")
        self.db = os.path.join(self.directory, "web.db")
        # Users, sessions and tokens live beside the data, never in it.
        self.accounts = os.path.join(self.directory, "web.accounts.db")
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

    def accounts_sql(self, query):
        return subprocess.run(["sqlite3", "-batch", self.accounts, query], capture_output=True, text=True, check=True).stdout

    def client(self):
        return Client(self.port)


class Client:
    """An HTTP client with a cookie jar of its own (one browser)."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None, form=None, origin=True):
        headers = dict(headers or {})
        # As a browser does on every POST from this site's own pages.
        if method == "POST" and origin and "Origin" not in headers:
            headers["Origin"] = f"http://127.0.0.1:{self.port}"
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

    def login_token(self):
        """Opens the sign-in page: its form's pre-session token (also set as a cookie)."""
        _, body = self.get("/login")
        match = re.search(r'name="login_token" value="([0-9a-f]{64})"', body)
        assert match, body[:500]
        return match.group(1)

    def sign_in(self, name, password=None, **kwargs):
        response, body = self.post("/login", {"name": name, "password": password or PASSWORDS[name], "login_token": self.login_token()}, **kwargs)
        assert response.status == 303, (response.status, body)
        return self

    def csrf(self, path="/"):
        _, body = self.get(path)
        match = re.search(r'name="csrf" value="([0-9a-f]{64})"', body)
        assert match, body[:500]
        return match.group(1)
