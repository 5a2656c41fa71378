#!/usr/bin/env python3
"""`make deploy-check`: plantrack serve under write load with Litestream replicating to a local file
replica; the server and Litestream are killed (SIGKILL, as a lost machine), the replica is restored
into a new file, and every update acknowledged more than the sync interval (plus a margin) before
the kill must be there, with `PRAGMA integrity_check` ok."""
import argparse
import http.client
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

SYNC_INTERVAL = 1.0
MARGIN = 1.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plantrack", required=True)
    parser.add_argument("--litestream", default=shutil.which("litestream") or "litestream")
    parser.add_argument("--seconds", type=float, default=8.0, help="how long to write before the kill")
    parser.add_argument("--writers", type=int, default=4)
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="plantrack-deploy-")
    db, replica, restored = (os.path.join(work, name) for name in ("plantrack.db", "replica", "restored.db"))
    accounts = os.path.join(work, "plantrack.accounts.db")
    env = dict(os.environ, PLANTRACK_TODAY="2025-06-30")

    def plantrack(*arguments, stdin=None):
        return subprocess.run([args.plantrack, *arguments, "--db", db], input=stdin, text=True, capture_output=True,
                              check=True, env=env).stdout

    plantrack("init")
    plantrack("user", "add", "loader", "--role", "editor", "--password-stdin", stdin="steady river count\n")
    token = plantrack("token", "create", "--user", "loader").strip()

    config = os.path.join(work, "litestream.yml")
    with open(os.path.join(os.path.dirname(__file__), "..", "deploy", "litestream.yml")) as template:
        # The accounts file sits beside the data (plantrack.db → plantrack.accounts.db), its replica beside the data's.
        text = (template.read().replace("/var/lib/plantrack/plantrack.accounts.db", accounts)
                .replace("/var/lib/plantrack/plantrack.db", db).replace("/var/lib/plantrack/replica", replica))
    with open(config, "w") as out:
        out.write(text)
    litestream = subprocess.Popen([args.litestream, "replicate", "-config", config], stdout=subprocess.DEVNULL,
                                  stderr=open(os.path.join(work, "litestream.log"), "w"))
    server = subprocess.Popen([args.plantrack, "serve", "--db", db, "--port", "0"], stdout=subprocess.PIPE, text=True,
                              stderr=open(os.path.join(work, "server.log"), "w"), env=env)
    port = int(re.search(r":(\d+)/", server.stdout.readline()).group(1))

    acknowledged = []  # (id, monotonic time of the 201)
    errors = []
    lock = threading.Lock()
    stop = threading.Event()

    def writer(number):
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        sequence = 0
        while not stop.is_set():
            sequence += 1
            body = json.dumps({"action": 1 + (number + sequence) % 10, "note": f"writer {number} update {sequence}",
                               "reported_on": "2025-06-01"})
            try:
                connection.request("POST", "/api/progress", body=body, headers={"Authorization": f"Bearer {token}"})
                response = connection.getresponse()
                payload = response.read()
            except (OSError, http.client.HTTPException) as error:
                if not stop.is_set():
                    errors.append(repr(error))
                return
            if response.status == 201:
                with lock:
                    acknowledged.append((json.loads(payload)["id"], time.monotonic()))
            else:
                errors.append(f"{response.status} {payload[:200]!r}")

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(args.writers)]
    for thread in threads:
        thread.start()
    time.sleep(args.seconds)
    killed_at = time.monotonic()
    server.send_signal(signal.SIGKILL)
    litestream.send_signal(signal.SIGKILL)
    stop.set()
    for thread in threads:
        thread.join()
    server.wait()
    litestream.wait()

    subprocess.run([args.litestream, "restore", "-config", config, "-o", restored, db], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    integrity = subprocess.run(["sqlite3", "-batch", restored, "PRAGMA integrity_check"], capture_output=True, text=True).stdout.strip()
    # The accounts come back too: the user and the token made before the load.
    restored_accounts = os.path.join(work, "restored.accounts.db")
    subprocess.run([args.litestream, "restore", "-config", config, "-o", restored_accounts, accounts], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    users = subprocess.run(["sqlite3", "-batch", restored_accounts, "SELECT name FROM users ORDER BY name"],
                           capture_output=True, text=True).stdout.split()
    present = set(int(line) for line in subprocess.run(
        ["sqlite3", "-batch", restored, "SELECT id FROM progress_updates"], capture_output=True, text=True, check=True).stdout.split())
    durable = [update for update, at in acknowledged if killed_at - at > SYNC_INTERVAL + MARGIN]
    missing = [update for update in durable if update not in present]
    print(f"acknowledged {len(acknowledged)} updates in {args.seconds:.0f} s ({len(errors)} errors before the kill); "
          f"{len(durable)} acknowledged more than {SYNC_INTERVAL + MARGIN:.0f} s before the kill; "
          f"restored replica holds {len(present)}; missing {len(missing)}; integrity_check: {integrity}")
    shutil.rmtree(work, ignore_errors=True)
    print(f"restored accounts: users {users}")
    if errors or missing or integrity != "ok" or not durable or "loader" not in users:
        print("deploy-check FAILED", errors[:5], missing[:10])
        return 1
    print("deploy-check ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
