#!/usr/bin/env python3
"""plantrack benchmarks: each case against the sqlite3 shell (or a C program) doing the same work
on the same file, in the same session, as medians of paired runs (the two sides alternate which
goes first), so machine noise cancels out of the ratios.

    python3 bench/run.py --plantrack PATH --storage-step PATH --c-step PATH [--runs N] [--data DIR]

`make bench` builds the three programs and runs this. Generated data (a seeded 1 000 000-line CSV,
the databases) lives in --data (default bench-data/, gitignored) and is reused across runs.
Prints a Markdown report: the machine, toolchain and SQLite version, then the results table.
"""
import argparse
import itertools
import datetime
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TODAY = "2026-11-25"  # pinned (PLANTRACK_TODAY) so date rules give the same answers on any day
AS_OF = "2025-12-31"
CSV_LINES = 1_000_000
CSV_SEED = 20240925
ADD_NOTE = "Bench update"

# The shell does what plantrack does to the connection (foreign keys, synchronous=NORMAL in WAL,
# busy timeout), so the ratios compare the same work, not different durability settings.
SHELL_PRAGMAS = "PRAGMA foreign_keys = ON; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000;"

def import_cache_pragma():
    """plantrack's page cache for the load (ProgressImport.loadCacheSize, read from the source).

    The shell gets the same cache, so both sides do the same work: with SQLite's default 2 MiB,
    both spend a fifth of a large load evicting index pages and reading them back.
    """
    source = open(os.path.join(ROOT, "Sources/Tracker/Progress/ProgressImport.swift"), encoding="utf-8").read()
    match = re.search(r"static let loadCacheSize = (-?[0-9_]+)", source)
    if not match:
        raise SystemExit("bench: cannot find ProgressImport.loadCacheSize")
    return f"PRAGMA cache_size = {match.group(1).replace('_', '')};"


# The shell's fastest load: `.import` into a temporary table, then one INSERT … SELECT in one
# transaction, into the same table, constraints, indexes and FTS trigger plantrack writes to,
# with plantrack's page cache (import_cache_pragma).
# The shell cannot extend the hash chain (chain_sha256 is plantrack's function), so its copy
# loads without the chain and REPLACE-guard triggers: plantrack does that work on top.
SHELL_NO_CHAIN = "DROP TRIGGER IF EXISTS progress_updates_chain; DROP TRIGGER IF EXISTS progress_updates_no_replace;"
SHELL_IMPORT = SHELL_NO_CHAIN + """
CREATE TEMP TABLE csv_rows (action, reported_on, status, note, evidence_url, author);
"""
SHELL_IMPORT_INSERT = """
BEGIN IMMEDIATE;
INSERT INTO progress_updates (action_id, reported_on, status, note, evidence_url, author)
SELECT a.id, r.reported_on, r.status, r.note, nullif(r.evidence_url, ''), nullif(r.author, '')
FROM temp.csv_rows r
JOIN actions a ON a.number = r.action AND a.plan_id = (SELECT id FROM plans WHERE slug = 'ai-capacity-building')
ORDER BY r.rowid;
COMMIT;
"""

SHELL_ADD = (
    "INSERT INTO progress_updates (action_id, reported_on, status, note, author) VALUES ("
    "(SELECT a.id FROM actions a JOIN plans p ON p.id = a.plan_id WHERE p.slug = 'ai-capacity-building' AND a.number = 3), "
    f"'2025-06-01', 'in-progress', '{ADD_NOTE}', 'bench');"
)

# 1 % of the updates get a correction a week later, so the as-of rules have supersessions to follow.
# (Through the shell, so without the chain: this database is for the read benchmarks.)
CORRECTIONS = SHELL_NO_CHAIN + """
INSERT INTO progress_updates (action_id, reported_on, status, note, supersedes_id)
SELECT action_id, min(date(reported_on, '+7 days'), '2026-06-30'), 'completed', 'correction of ' || id, id
FROM progress_updates WHERE id % 100 = 0;
PRAGMA wal_checkpoint(TRUNCATE);
"""


def log(message):
    print(message, file=sys.stderr, flush=True)


class Run:
    def __init__(self, seconds, max_rss_kib, status):
        self.seconds = seconds
        self.max_rss_kib = max_rss_kib
        self.status = status


TIME = "/usr/bin/time"  # GNU time, for peak RSS; see spawn()


def spawn(argv, stdin=None, env=None, rss=False):
    """Runs argv to completion: wall time, exit status and, with `rss`, peak RSS. Output is discarded.

    Peak RSS comes from GNU time wrapped around the command: wait4's ru_maxrss of a child this
    Python process spawns would report Python's own footprint (the kernel keeps the pre-exec
    high-water mark), so a small parent must do the spawning. Timed runs go without it.
    """
    rss_file = None
    if rss and os.access(TIME, os.X_OK):
        rss_file = os.path.join(os.environ.get("TMPDIR", "/tmp"), f"bench-rss-{os.getpid()}")
        argv = [TIME, "-f", "%M", "-o", rss_file, *argv]
    actions = [(os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0)]
    if stdin:
        actions.append((os.POSIX_SPAWN_OPEN, 0, stdin, os.O_RDONLY, 0))
    environment = dict(os.environ, PLANTRACK_TODAY=TODAY, USER="bench")
    environment.pop("PLANTRACK_DB", None)
    environment.update(env or {})
    start = time.perf_counter()
    pid = os.posix_spawn(argv[0], argv, environment, file_actions=actions)
    _, status, _ = os.wait4(pid, 0)
    seconds = time.perf_counter() - start
    max_rss_kib = None
    if rss_file:
        with open(rss_file) as file:
            lines = file.read().split()
        os.remove(rss_file)
        max_rss_kib = int(lines[-1]) if lines and lines[-1].isdigit() else None
    return Run(seconds, max_rss_kib, os.waitstatus_to_exitcode(status))


def checked(run, what):
    if run.status != 0:
        raise SystemExit(f"bench: {what} failed with exit status {run.status}")
    return run


def sqlite3_shell():
    return shutil.which("sqlite3") or "/usr/bin/sqlite3"


def shell(db, sql, stdin=None):
    # -init /dev/null: no ~/.sqliterc; -batch: no interactive setup.
    argv = [sqlite3_shell(), "-batch", "-init", os.devnull, db] + ([sql] if sql else [])
    return spawn(argv, stdin=stdin)


def shell_output(db, sql):
    return subprocess.run([sqlite3_shell(), "-batch", "-init", os.devnull, db, sql], check=True,
                          capture_output=True, text=True).stdout.strip()


def remove_db(path):
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def fresh_copy(source, target):
    remove_db(target)
    shutil.copyfile(source, target)


def paired(name, plantrack, baseline, runs, before=None):
    """Runs the two commands `runs` times, alternating which goes first; `before` prepares each run."""
    ours, theirs, ratios = [], [], []
    for index in range(runs):
        order = [("ours", plantrack), ("theirs", baseline)]
        if index % 2:
            order.reverse()
        result = {}
        for side, command in order:
            if before:
                before(side)
            result[side] = checked(command(), f"{name} ({side})")
        ours.append(result["ours"])
        theirs.append(result["theirs"])
        ratios.append(result["ours"].seconds / result["theirs"].seconds)
        log(f"  {name} {index + 1}/{runs}: {result['ours'].seconds * 1000:.1f} ms vs "
            f"{result['theirs'].seconds * 1000:.1f} ms")
    return ours, theirs, ratios


def median_ms(runs):
    return statistics.median(r.seconds for r in runs) * 1000


def peak_mib(runs):
    values = [r.max_rss_kib for r in runs if r.max_rss_kib is not None]
    return max(values) / 1024 if values else float("nan")


def fmt_mib(value):
    return "n/a" if value != value else f"{value:.1f} MiB"


def fmt_ms(value):
    return f"{value:,.1f} ms" if value < 100 else f"{value:,.0f} ms"


# Read commands against the shell running the SQL each command runs: the view's as-of form (what
# AsOfQuery builds from sqlite_master, so the shell gets the very text plantrack prepares) wrapped
# in the command's own SELECT, or search's two statements. Start-up is most of the short ones.
READ_PLAN = "ai-capacity-building"
SEARCH_TERM = "2340"  # only in "correction of 23400", … "923400" and "234000": 11 notes


def view_as_of_sql(db, view, as_of):
    """Sources/Tracker/Queries/AsOfQuery.swift in Python: the view's body with the date bound, and
    the date views it reads (transitively) as CTEs of the same names, dependencies first."""
    today = "WITH params AS (SELECT date('now', 'localtime') AS as_of)"
    views = {}
    for line in shell_output(db, "SELECT name || char(31) || replace(replace(sql, char(10), char(30)), char(13), char(29)) "
                                 "FROM sqlite_master WHERE type = 'view'").split("\n"):
        name, _, definition = line.partition("\x1f")
        definition = definition.replace("\x1e", "\n").replace("\x1d", "\r")
        pieces = definition.split(today)
        if len(pieces) == 2 and pieces[0].startswith("CREATE VIEW"):
            views[name] = pieces[1]
    if view not in views:
        raise SystemExit(f"bench: view {view} does not open with {today}")
    order = []

    def collect(name):
        if name in order:
            return
        for other in sorted(views):
            if other != name and re.search(r"(?<![A-Za-z0-9_])" + other + r"(?![A-Za-z0-9_])", views[name]):
                collect(other)
        order.append(name)

    collect(view)

    def nested(body):
        rest = body.lstrip(" \n")
        return "WITH " + rest[1:] if rest.startswith(",") else rest

    bound = f"WITH params AS (SELECT '{as_of}' AS as_of)"
    dependencies = [f"{name} AS ({nested(views[name])})" for name in order[:-1]]
    if not dependencies:
        return bound + views[view]
    rest = views[view].lstrip(" \n")
    return bound + ",\n" + ",\n".join(dependencies) + ("" if rest.startswith(",") else "\n") + rest


# (key, target): `report` keeps the stricter target it had before the other read commands joined it.
READ_KEYS = [("read-action", 1.3), ("read-milestone", 1.3), ("read-commitment", 1.3), ("report", 1.2), ("read-search", 1.3)]


def read_command_cases(db, as_of):
    """(key, label, plantrack arguments, the same SQL for the shell), one per read command."""
    status = view_as_of_sql(db, "action_status", as_of)
    progress = view_as_of_sql(db, "commitment_progress", as_of)
    milestones = view_as_of_sql(db, "milestone_progress", as_of)
    action_status = (f"SELECT number, title, title_en, status, last_update, updates, percent, last_note, evidence_url FROM ({status}) "
                     f"WHERE plan = '{READ_PLAN}' ORDER BY number;")
    columns = ("slug, plan, action, title, target, qualifier, unit, due_on, actual, actual_on, percent, "
               "pace_per_month, projected_on, status")
    match = f"'\"{SEARCH_TERM}\"'"
    return [
        ("read-action", f"`action list --as-of {as_of}`", ["action", "list", "--as-of", as_of], action_status),
        ("read-milestone", f"`milestone list --as-of {as_of}`", ["milestone", "list", "--as-of", as_of],
         "SELECT slug, title, target, due_on, done, remaining, pace_per_month, projected_on, status, percent, body "
         f"FROM ({milestones}) WHERE plan = '{READ_PLAN}' ORDER BY due_on, slug;"),
        ("read-commitment", f"`commitment list --as-of {as_of}`", ["commitment", "list", "--as-of", as_of],
         f"SELECT {columns}, body FROM ({progress}) WHERE (NULL IS NULL OR plan = NULL) AND (NULL IS NULL OR slug = NULL) "
         "ORDER BY plan, action IS NOT NULL, action, slug;"),
        ("report", f"`report action-status --as-of {as_of}`", ["report", "action-status", "--as-of", as_of],
         action_status),
        ("read-search", f"`search {SEARCH_TERM}`", ["search", SEARCH_TERM],
         "SELECT d.slug, p.line, p.text FROM passages p JOIN documents d ON d.id = p.document_id "
         f"WHERE p.id IN (SELECT rowid FROM passages_fts WHERE passages_fts MATCH {match}) ORDER BY d.id, p.line, p.id; "
         "SELECT a.number, u.id, u.reported_on, u.note FROM progress_updates u JOIN actions a ON a.id = u.action_id "
         f"WHERE u.id IN (SELECT rowid FROM update_notes_fts WHERE update_notes_fts MATCH {match}) "
         "ORDER BY u.reported_on DESC, u.id DESC;"),
    ]


def run_read_cases(wanted, pt, db, updates, runs, rows, notes):
    """Each read command vs the shell running its SQL: paired runs (at least 20)."""
    targets = dict(READ_KEYS)
    for key, label, arguments, sql in read_command_cases(db, TODAY):
        if not wanted(key):
            continue
        target = targets[key]
        ours, theirs, ratios = paired(key, lambda: pt(db, *arguments), lambda: shell(db, sql), max(runs, 20))
        ratio = statistics.median(ratios)
        rss = peak_mib([checked(pt(db, *arguments, rss=True), "RSS run") for _ in range(3)])
        rows.append((f"{label} on {updates:,} updates", fmt_ms(median_ms(ours)),
                     fmt_ms(median_ms(theirs)) + " (same SQL in sqlite3)", f"{ratio:.2f}×", fmt_mib(rss),
                     f"≤ {target}×", ratio <= target))
        if ratio > target:
            gap = median_ms(ours) - median_ms(theirs)
            notes.append(f"{label}: {fmt_ms(median_ms(ours))} against the shell's {fmt_ms(median_ms(theirs))}; the "
                         f"{gap:.1f} ms between them is start-up, which a query this short cannot hide (the binary's "
                         f"own pages faulted in and the Swift runtime's first use; see docs/PERFORMANCE.md, "
                         f"\"Read commands and start-up\").")


def verify_mmap_bytes():
    """Verifier.mmapBytes, read from the source, so the shell maps as much as verify does."""
    source = open(os.path.join(ROOT, "Sources/Tracker/Integrity/Verifier.swift"), encoding="utf-8").read()
    match = re.search(r"static let mmapBytes = ([0-9_]+)(?: << ([0-9]+))?", source)
    if not match:
        raise SystemExit("bench: cannot find Verifier.mmapBytes")
    value = int(match.group(1).replace("_", ""))
    return value << int(match.group(2)) if match.group(2) else value


def machine_report(args):
    def run(argv):
        try:
            return subprocess.run(argv, capture_output=True, text=True).stdout.strip()
        except OSError:
            return "?"

    cpu = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    memory = "?"
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal"):
                memory = f"{int(line.split()[1]) / 1024 / 1024:.0f} GiB"
    except OSError:
        pass
    swift = run(["swift", "--version"]).splitlines()
    filesystem = run(["df", "--output=fstype", args.data]).splitlines()[-1:] or ["?"]
    linked = [line.split("=>")[1].split("(")[0].strip() for line in run(["ldd", args.plantrack]).splitlines()
              if "libsqlite3" in line and "=>" in line]
    library = os.path.realpath(linked[0]) if linked else "statically linked"
    return [
        f"- date: {datetime.datetime.now().strftime('%Y-%m-%d %H:%M')}",
        f"- machine: {platform.system()} {platform.release()} {platform.machine()}, {cpu}, "
        f"{os.cpu_count()} cores, {memory} RAM",
        f"- toolchain: {swift[0] if swift else '?'}",
        f"- SQLite: {run([sqlite3_shell(), '--version']).split()[0]} (shell); plantrack loads {library} "
        f"(pkg-config: {run(['pkg-config', '--modversion', 'sqlite3']) or '?'})",
        f"- data directory: {args.data} ({filesystem[0].strip()}); runs per case: {args.runs}",
    ]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--plantrack", required=True)
    parser.add_argument("--storage-step", required=True, help="bench/Sources/StorageStep, built")
    parser.add_argument("--c-step", required=True, help="bench/storage_step.c, built")
    parser.add_argument("--runs", type=int, default=int(os.environ.get("BENCH_RUNS", "10")))
    parser.add_argument("--data", default=os.environ.get("BENCH_DATA", os.path.join(ROOT, "bench-data")))
    parser.add_argument("--lines", type=int, default=CSV_LINES)
    parser.add_argument("--import-lines", help="comma-separated CSV sizes for the import case "
                        "(default: 200000 and --lines)")
    parser.add_argument("--only", help="comma-separated case keys: add,add-tmpfs,init,import,report,asof,storage,read-action,read-milestone,"
                        "read-commitment,read-search")
    args = parser.parse_args()
    args.plantrack = os.path.abspath(args.plantrack)
    os.makedirs(args.data, exist_ok=True)
    args.data = os.path.abspath(args.data)
    only = set(args.only.split(",")) if args.only else None
    data = args.data
    plantrack = args.plantrack

    def pt(db, *arguments, rss=False):
        return spawn([plantrack, "--db", db, *arguments], rss=rss)

    def rss_runs(command, count=3):
        """Peak RSS over a few extra runs under GNU time, kept out of the timed runs."""
        return peak_mib([checked(command(), "RSS run") for _ in range(count)])

    # Data: the seeded CSV, an initialised database, and the same with the CSV imported.
    def seeded_csv(lines):
        path = os.path.join(data, f"progress-{lines}-{CSV_SEED}.csv")
        if not os.path.exists(path):
            log(f"generating {path}")
            subprocess.run([sys.executable, os.path.join(ROOT, "bench/gen_progress_csv.py"), str(lines), path + ".tmp",
                            "--seed", str(CSV_SEED)], check=True)
            os.rename(path + ".tmp", path)
        return path

    csv = seeded_csv(args.lines)
    base = os.path.join(data, "base.db")
    remove_db(base)
    checked(pt(base, "init"), "init")
    shell(base, "PRAGMA wal_checkpoint(TRUNCATE);")

    rows = []  # (case, plantrack, baseline, ratio, peak RSS, target, met)

    def wanted(key):
        return only is None or key in only

    # progress add: one update, whole process, on a WAL database.
    notes = []  # why a target is missed, in figures from this run

    serial = itertools.count(1)

    def add_case(key, directory, label):
        db = os.path.join(directory, "add.db")
        fresh_copy(base, db)
        # The shell's twin, without the chain triggers it cannot run (see SHELL_NO_CHAIN).
        shell_db = os.path.join(directory, "add-shell.db")
        fresh_copy(base, shell_db)
        checked(shell(shell_db, SHELL_NO_CHAIN), "dropping the chain triggers")
        log(f"{label}: {db}")
        ours, theirs, ratios = paired(
            # A new note each run: an exact repeat within minutes is refused as a second submission.
            key, lambda: pt(db, "progress", "add", "3", f"{ADD_NOTE} {next(serial)}", "--date", "2025-06-01", "--author", "bench"),
            lambda: shell(shell_db, SHELL_PRAGMAS + SHELL_ADD), max(args.runs, 30))
        ratio = statistics.median(ratios)
        rss = rss_runs(lambda: pt(db, "progress", "add", "3", f"{ADD_NOTE} {next(serial)}", "--date", "2025-06-01", rss=True))
        rows.append((label, fmt_ms(median_ms(ours)), fmt_ms(median_ms(theirs)) + " (sqlite3 INSERT)",
                     f"{ratio:.2f}×", fmt_mib(rss), "≤ 1.5×", ratio <= 1.5))
        if ratio > 1.5:
            notes.append(f"{label}: {fmt_ms(median_ms(ours))} against the shell's {fmt_ms(median_ms(theirs))}: "
                         f"start-up (the binary's own pages faulted in, the Swift runtime's first use) plus the work "
                         f"the shell's twin skips (the hash-chain trigger, the writers' schema check); see "
                         f"docs/PERFORMANCE.md, \"Read commands and start-up\".")
        remove_db(db)
        remove_db(shell_db)

    if wanted("add"):
        add_case("add", data, "`progress add` (WAL database on disk)")
    if wanted("add-tmpfs") and os.path.isdir("/dev/shm"):
        add_case("add-tmpfs", "/dev/shm", "`progress add` (WAL database on tmpfs, no fsync)")

    # init on a new database: migrate + import both bundled documents.
    if wanted("init"):
        log("init")
        db = os.path.join(data, "init.db")

        def init(rss=False):
            remove_db(db)
            return checked(pt(db, "init", rss=rss), "init")

        value = median_ms([init() for _ in range(max(args.runs, 20))])
        rss = rss_runs(lambda: init(rss=True))
        rows.append(("`init` on a new database (whole process)", fmt_ms(value), "—", "—", fmt_mib(rss),
                     "≤ 100 ms, ≤ 30 MiB", value <= 100 and rss <= 30))
        remove_db(db)

    # progress import of the CSV vs the shell's .import into the same table, at each size.
    # Named by the schema it was built with: the corrections drop the chain triggers, so a copy
    # from before a new migration could not be migrated, only rebuilt.
    migrations = len([name for name in os.listdir(os.path.join(ROOT, "Migrations")) if name.endswith(".sql")])
    imported = os.path.join(data, f"imported-{args.lines}-schema{migrations}.db")
    if wanted("import"):
        sizes = sorted({int(n) for n in args.import_lines.split(",")} if args.import_lines
                       else {min(200_000, args.lines), args.lines})
        db = os.path.join(data, "import.db")
        for lines in sizes:
            source = seeded_csv(lines)
            script = os.path.join(data, f"shell-import-{lines}.sql")
            with open(script, "w", encoding="utf-8") as out:
                out.write(SHELL_PRAGMAS + import_cache_pragma() + "\n" + SHELL_IMPORT
                          + f"\n.import --csv --skip 1 '{source}' csv_rows\n" + SHELL_IMPORT_INSERT)
            ours, theirs, ratios = paired(
                f"import {lines}", lambda: pt(db, "progress", "import", source, rss=True),
                lambda: spawn([sqlite3_shell(), "-batch", "-init", os.devnull, db], stdin=script, rss=True),
                args.runs, before=lambda side: fresh_copy(base, db))
            count = int(shell_output(db, "SELECT count(*) FROM progress_updates"))
            if count != lines:
                raise SystemExit(f"bench: the shell imported {count} rows, expected {lines}")
            ratio = statistics.median(ratios)
            rss = peak_mib(ours)
            # The absolute target (10^6 lines in under 30 s) applies from 10^6 lines on.
            seconds = median_ms(ours) / 1000
            met = ratio <= 1.5 and rss <= 64 and (lines < 1_000_000 or seconds < 30)
            rows.append((f"`progress import` of {lines:,} lines", fmt_ms(median_ms(ours)),
                         fmt_ms(median_ms(theirs)) + " (sqlite3 .import + INSERT … SELECT)", f"{ratio:.2f}×",
                         fmt_mib(rss), "≤ 1.5×, ≤ 64 MiB" + (", < 30 s" if lines >= 1_000_000 else ""), met))
            if not met and lines >= 1_000_000 and seconds >= 30:
                notes.append(f"`progress import` of {lines:,} lines: the shell's fast load of the same file takes "
                             f"{median_ms(theirs) / 1000:.1f} s here (median), so under 30 s needs plantrack within "
                             f"{30000 / median_ms(theirs):.2f}× of it; it is {ratio:.2f}×.")

        # verify on what plantrack imported (the largest size): every row chained. Its baseline is
        # SQLite's own whole-file integrity_check in the shell, memory-mapped as verify maps it.
        fresh_copy(base, db)
        checked(pt(db, "progress", "import", seeded_csv(sizes[-1])), "progress import")
        checked(shell(db, "PRAGMA wal_checkpoint(TRUNCATE);"), "checkpoint")
        db_rows = int(shell_output(db, "SELECT count(*) FROM progress_updates"))
        mmap = f"PRAGMA mmap_size = {verify_mmap_bytes()};"
        ours, theirs, ratios = paired(
            "verify", lambda: pt(db, "verify", rss=True), lambda: shell(db, mmap + "PRAGMA integrity_check;"),
            max(3, args.runs // 2))
        value, ratio = median_ms(ours), statistics.median(ratios)
        rows.append((f"`verify` on {db_rows:,} chained updates", fmt_ms(value),
                     fmt_ms(median_ms(theirs)) + " (sqlite3 integrity_check, same mmap)", f"{ratio:.2f}×",
                     fmt_mib(peak_mib(ours)), "≤ 2 s", value <= 2000))
        if value > 2000:
            # The floor: the one check verify cannot split, SQLite's check of the largest table.
            floor = median_ms([checked(shell(db, mmap + "PRAGMA integrity_check(progress_updates);"), "floor")
                               for _ in range(3)])
            notes.append(f"`verify` on {db_rows:,} updates: its wall time is one check it cannot split, SQLite's "
                         f"`integrity_check(progress_updates)` (three indexes matched against a million rows), which "
                         f"alone takes {fmt_ms(floor)} in the shell here (median of 3, same mmap); verify runs it on "
                         f"one core and everything else on the other, so meeting 2 s would mean dropping that check. "
                         f"Peak RSS counts the pages of the file that check maps (the kernel's page cache, not "
                         f"private memory), as it does for the shell.")
        remove_db(db)

    if wanted("asof") or wanted("storage") or any(wanted(key) for key, *_ in READ_KEYS):
        if not os.path.exists(imported):
            log(f"building {imported}")
            fresh_copy(base, imported + ".tmp")
            checked(pt(imported + ".tmp", "progress", "import", csv), "progress import")
            checked(shell(imported + ".tmp", CORRECTIONS), "corrections")
            for suffix in ("-wal", "-shm"):
                if os.path.exists(imported + ".tmp" + suffix):
                    os.remove(imported + ".tmp" + suffix)
            os.rename(imported + ".tmp", imported)
        updates = int(shell_output(imported, "SELECT count(*) FROM progress_updates"))

    # The read commands (report action-status among them) vs the same SQL in the shell.
    if any(wanted(key) for key, *_ in READ_KEYS):
        run_read_cases(wanted, pt, imported, updates, args.runs, rows, notes)

    # action list --as-of: absolute.
    if wanted("asof"):
        log("action list --as-of")
        runs = [checked(pt(imported, "action", "list", "--as-of", AS_OF), "action list") for _ in range(args.runs)]
        value = median_ms(runs)
        rss = rss_runs(lambda: pt(imported, "action", "list", "--as-of", AS_OF, rss=True))
        rows.append((f"`action list --as-of {AS_OF}` on {updates:,} updates", fmt_ms(value), "—", "—",
                     fmt_mib(rss), "≤ 300 ms", value <= 300))

    # Storage: step and read every row through Storage vs the C API.
    if wanted("storage"):
        swift_side = subprocess.run([args.storage_step, imported], capture_output=True, text=True, check=True).stdout
        c_side = subprocess.run([args.c_step, imported], capture_output=True, text=True, check=True).stdout
        if swift_side != c_side:
            raise SystemExit(f"bench: Storage and C disagree: {swift_side!r} vs {c_side!r}")
        ours, theirs, ratios = paired(
            "storage", lambda: spawn([args.storage_step, imported], rss=True),
            lambda: spawn([args.c_step, imported], rss=True), args.runs)
        ratio = statistics.median(ratios)
        rows.append((f"Storage: step and read {updates:,} rows", fmt_ms(median_ms(ours)),
                     fmt_ms(median_ms(theirs)) + " (C API)", f"{ratio:.2f}×", fmt_mib(peak_mib(ours)),
                     "≤ 1.3×", ratio <= 1.3))

    print("## Environment\n")
    print("\n".join(machine_report(args)))
    print("\n## Results\n")
    print("| case | plantrack | baseline | ratio (median of pairs) | peak RSS | target | met |")
    print("| --- | ---: | ---: | ---: | ---: | --- | --- |")
    for case, ours, theirs, ratio, rss, target, met in rows:
        print(f"| {case} | {ours} | {theirs} | {ratio} | {rss} | {target} | {'yes' if met else '**no**'} |")
    if notes:
        print("\nTargets missed, and why:\n")
        print("\n".join(f"- {note}" for note in notes))


if __name__ == "__main__":
    main()
