#!/usr/bin/env python3
"""Seeded generator of a `progress import` CSV, independent of plantrack.

    python3 bench/gen_progress_csv.py LINES OUT.csv [--seed N]

Same seed and line count → the same bytes. Rows are valid for the bundled plan (actions 1–10,
dates 2024-09-25 … 2026-06-30), so the whole file imports; notes mix English and Chinese and
some need CSV quoting (commas, doubled quotes), as real exports do.
"""
import argparse
import datetime
import random

STATUSES = ["in-progress"] * 6 + ["at-risk", "blocked", "completed", "not-started"]
AUTHORS = ["Li Wei", "Zhang Min", "A. Okafor", "M. Haddad", "R. Silva", "王芳", "陈静", ""]
WORDS_EN = ("workshop training session partners ministry capacity compute data centre open-source model "
            "pilot curriculum evaluation agreement delegation joint laboratory standards survey").split()
WORDS_ZH = ["研讨班", "能力建设", "合作伙伴", "算力", "数据", "开源", "模型", "试点", "课程", "评估",
            "联合实验室", "标准", "调研", "发展中国家", "培训"]
FIRST = datetime.date(2024, 9, 25)
SPAN = (datetime.date(2026, 6, 30) - FIRST).days


def field(text):
    """RFC 4180 quoting, only where needed."""
    if any(c in text for c in ',"\r\n'):
        return '"' + text.replace('"', '""') + '"'
    return text


def note(rng):
    if rng.random() < 0.3:
        text = "".join(rng.choice(WORDS_ZH) for _ in range(rng.randint(3, 12)))
    else:
        text = " ".join(rng.choice(WORDS_EN) for _ in range(rng.randint(3, 16)))
    roll = rng.random()
    if roll < 0.05:
        text += ', with "quoted" remarks'
    elif roll < 0.15:
        text += ", follow-up due"
    return text


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("lines", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=20240925)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    with open(args.out, "w", encoding="utf-8", newline="") as out:
        out.write("action,reported_on,status,note,evidence_url,author\n")
        chunk = []
        for i in range(args.lines):
            date = FIRST + datetime.timedelta(days=rng.randrange(SPAN))
            evidence = f"https://example.org/evidence/{i}" if rng.random() < 0.3 else ""
            chunk.append(",".join([
                str(rng.randint(1, 10)), date.isoformat(), rng.choice(STATUSES), field(note(rng)),
                evidence, field(rng.choice(AUTHORS)),
            ]))
            if len(chunk) == 10000:
                out.write("\n".join(chunk) + "\n")
                chunk.clear()
        if chunk:
            out.write("\n".join(chunk) + "\n")


if __name__ == "__main__":
    main()
