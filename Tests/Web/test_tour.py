"""The README's short tour, run line by line as written on a fresh `init` in an empty directory; and
what `plantrack serve` tells a new user: examples in its help, and a hint when no account exists."""
import os
import re
import shutil
import signal
import subprocess
import tempfile
import unittest

from support import PLANTRACK

README = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "README.md")


def tour_lines():
    """The lines of the first ```sh block after "## A short tour"."""
    with open(README, encoding="utf-8") as file:
        text = file.read()
    section = text[text.index("## A short tour"):]
    block = section[section.index("```sh\n") + len("```sh\n"):]
    return [line for line in block[:block.index("```")].splitlines() if line.strip()]


def serve_until_ready(args, directory, env):
    """Starts a server, returns it and its first line on stdout (the address), and its stderr so far."""
    process = subprocess.Popen(args, cwd=directory, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    return process, line


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        process.wait(timeout=30)
    stderr = process.stderr.read()
    process.stdout.close()
    process.stderr.close()
    return stderr


class TourTests(unittest.TestCase):
    def setUp(self):
        self.directory = tempfile.mkdtemp(prefix="plantrack-tour-")
        self.addCleanup(shutil.rmtree, self.directory, True)
        # `plantrack` as the README calls it: the built binary, first on the PATH, with plantrack-server beside it.
        self.env = dict(os.environ, PATH=os.path.dirname(os.path.abspath(PLANTRACK)) + os.pathsep + os.environ.get("PATH", ""))
        self.env.pop("PLANTRACK_DB", None)

    def test_readme_tour_runs_as_written_on_a_fresh_init(self):
        lines = tour_lines()
        self.assertTrue(lines[0].startswith("plantrack init"), lines[0])
        self.assertGreaterEqual(len(lines), 20)
        for line in lines:
            if line.startswith("plantrack serve"):
                # As written, but on a free port: 8080 may be taken on a shared machine.
                command = re.sub(r"#.*$", "", line).strip()
                process, first = serve_until_ready(["sh", "-c", f"exec {command} --port 0"], self.directory, self.env)
                stderr = stop(process)
                self.assertRegex(first, r"plantrack serving plantrack\.db on http://127\.0\.0\.1:\d+/", stderr)
                continue
            result = subprocess.run(["sh", "-c", line], cwd=self.directory, env=self.env, capture_output=True, text=True, timeout=120)
            self.assertEqual(result.returncode, 0, f"{line}\n{result.stderr}")
            self.assertEqual(result.stderr.strip().count("error"), 0, f"{line}\n{result.stderr}")

    def test_serve_help_has_examples(self):
        result = subprocess.run([PLANTRACK, "serve", "--help"], capture_output=True, text=True, env=self.env)
        self.assertEqual(result.returncode, 0)
        self.assertIn("EXAMPLES:\n  $ plantrack serve\n", result.stdout)
        self.assertIn("plantrack user add NAME --role admin", " ".join(result.stdout.split()))

    def test_serve_without_accounts_says_how_to_make_one(self):
        db = os.path.join(self.directory, "empty.db")
        subprocess.run([PLANTRACK, "init", "--db", db], check=True, capture_output=True, env=self.env)
        process, first = serve_until_ready([PLANTRACK, "serve", "--db", db, "--port", "0"], self.directory, self.env)
        stderr = stop(process)
        self.assertIn("serving", first)
        self.assertEqual(stderr.splitlines()[0],
                         f"plantrack serve: {db} has no accounts yet, so nobody can sign in; create one with "
                         "`plantrack user add NAME --role admin`")
        # With an account, nothing is said.
        subprocess.run([PLANTRACK, "user", "add", "ada", "--role", "admin", "--password-stdin", "--db", db], input="maple lantern 72 river\n",
                       check=True, capture_output=True, text=True, env=self.env)
        process, first = serve_until_ready([PLANTRACK, "serve", "--db", db, "--port", "0"], self.directory, self.env)
        stderr = stop(process)
        self.assertNotIn("no accounts", stderr)


if __name__ == "__main__":
    unittest.main()
