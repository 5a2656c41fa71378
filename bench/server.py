#!/usr/bin/env python3
"""`make bench`'s server rows: plantrack serve against Datasette on the same database.

    python3 bench/server.py --plantrack PATH [--updates 100000] [--duration 10]

On a database with N progress updates (bench/gen_progress_csv.py, imported with `progress import`):
the overview page and /api/actions?as_of= under wrk with 50 connections, p50/p99 latency and
requests/s; the same action-status query through Datasette as the yardstick; then 8 concurrent API
clients posting 250 updates each (2 000 rows expected, 0 errors). Prints a Markdown table."""
import argparse
import http.client
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
AS_OF = "2026-06-30"
LUA = """
wrk.method = "GET"
wrk.headers["Cookie"] = "%s"
wrk.headers["Authorization"] = "%s"
done = function(summary, latency, requests)
  io.write(string.format("RESULT p50=%%.3f p99=%%.3f rps=%%.1f errors=%%d\\n",
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.requests / (summary.duration / 1e6),
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
"""


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(port, path="/", timeout=60):
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            connection.request("GET", path)
            connection.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"nothing answered on port {port}")


def wrk(url, duration, work, cookie="", authorization=""):
    script = os.path.join(work, "report.lua")
    with open(script, "w") as out:
        out.write(LUA % (cookie, authorization))
    # Warm-up (not measured): every read connection computes the page once before the clock runs.
    subprocess.run(["wrk", "-t2", "-c50", "-d3s", "-s", script, url], capture_output=True, check=True)
    output = subprocess.run(["wrk", "-t2", "-c50", f"-d{duration}s", "--latency", "-s", script, url],
                            capture_output=True, text=True, check=True).stdout
    match = re.search(r"RESULT p50=([\d.]+) p99=([\d.]+) rps=([\d.]+) errors=(\d+)", output)
    return tuple(float(x) for x in match.groups())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plantrack", required=True)
    parser.add_argument("--datasette", default=shutil.which("datasette"))
    parser.add_argument("--updates", type=int, default=100_000)
    parser.add_argument("--duration", type=int, default=10)
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is needed (apt-get install wrk)")

    work = tempfile.mkdtemp(prefix="plantrack-bench-server-")
    db = os.path.join(work, "bench.db")
    env = dict(os.environ, PLANTRACK_TODAY=AS_OF)

    def pt(*arguments, stdin=None):
        return subprocess.run([args.plantrack, *arguments, "--db", db], input=stdin, capture_output=True, text=True,
                              env=env, check=True).stdout

    csv = os.path.join(work, "updates.csv")
    subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_progress_csv.py"), str(args.updates), csv], check=True)
    pt("init")
    pt("progress", "import", csv)
    pt("user", "add", "bench", "--role", "editor", "--password-stdin", stdin="quiet harbour lamp\n")
    token = pt("token", "create", "--user", "bench").strip()

    server = subprocess.Popen([args.plantrack, "serve", "--db", db, "--port", "0"], stdout=subprocess.PIPE, text=True,
                              stderr=subprocess.DEVNULL, env=env)
    port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))
    base = f"http://127.0.0.1:{port}"
    # A browser session for the overview page.
    # The sign-in form's pre-session token (a cookie and the same value in the form), and an Origin.
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/login")
    response = connection.getresponse()
    login_token = re.search(r'name="login_token" value="([0-9a-f]{64})"', response.read().decode()).group(1)
    connection.request("POST", "/login", body=urllib.parse.urlencode({"name": "bench", "password": "quiet harbour lamp", "login_token": login_token}),
                       headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": base, "Cookie": f"plantrack_login={login_token}"})
    response = connection.getresponse()
    response.read()
    cookie = next(c for c in response.headers.get_all("Set-Cookie") if c.startswith("plantrack_session=")).split(";", 1)[0]

    rows = []
    p50, p99, rps, errors = wrk(f"{base}/?as_of={AS_OF}", args.duration, work, cookie=cookie)
    rows.append(("overview page (`/?as_of=`)", p50, p99, rps, errors))
    api = wrk(f"{base}/api/actions?as_of={AS_OF}", args.duration, work, authorization=f"Bearer {token}")
    rows.append(("`GET /api/actions?as_of=`", *api))

    datasette_row = None
    if args.datasette:
        # The same action-status query through Datasette's JSON API, on the same file, read-only.
        dport = free_port()
        datasette = subprocess.Popen([args.datasette, "serve", "-i", db, "--port", str(dport), "--setting", "sql_time_limit_ms", "10000"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        try:
            wait_for(dport, "/-/versions.json")
            # The action_status view holds the same rule as /api/actions (as of today rather than a parameter).
            query = "SELECT number, title, title_en, status, last_update, updates, percent FROM action_status ORDER BY number"
            url = f"http://127.0.0.1:{dport}/bench.json?" + urllib.parse.urlencode({"sql": query, "_shape": "array"})
            datasette_row = ("Datasette, the action-status view as JSON", *wrk(url, args.duration, work))
            rows.append(datasette_row)
        finally:
            datasette.terminate()
            datasette.wait()

    # 8 concurrent API clients, 250 updates each.
    before = int(subprocess.run(["sqlite3", "-batch", db, "SELECT count(*) FROM progress_updates"], capture_output=True, text=True).stdout)
    failures = []
    started = time.monotonic()

    def writer(number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for sequence in range(250):
            body = json.dumps({"action": 1 + (number + sequence) % 10, "note": f"bench writer {number} #{sequence}",
                               "reported_on": "2026-06-01"})
            connection.request("POST", "/api/progress", body=body, headers={"Authorization": f"Bearer {token}"})
            response = connection.getresponse()
            response.read()
            if response.status != 201:
                failures.append(response.status)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    after = int(subprocess.run(["sqlite3", "-batch", db, "SELECT count(*) FROM progress_updates"], capture_output=True, text=True).stdout)
    server.terminate()
    server.wait()
    shutil.rmtree(work, ignore_errors=True)

    print(f"\n## Server ({args.updates:,} updates, wrk 2 threads × 50 connections, {args.duration} s each)\n")
    print("| case | p50 ms | p99 ms | requests/s | errors |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, p50, p99, rps, errors in rows:
        print(f"| {name} | {p50:.2f} | {p99:.2f} | {rps:,.0f} | {errors:.0f} |")
    if datasette_row:
        print(f"\n`/api/actions` serves {api[2] / datasette_row[3]:.1f}× Datasette's requests/s (target ≥ 5×); "
              f"overview p99 {rows[0][2]:.1f} ms (target ≤ 20 ms).")
    print(f"\n8 API writers × 250 updates: {after - before:,} rows added in {elapsed:.1f} s, {len(failures)} errors "
          f"(expected 2,000 and 0).")
    return 0 if after - before == 2000 and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
