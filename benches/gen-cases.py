#!/usr/bin/env python3
"""Writes N synthetic, valid case lines (JSON Lines) for `tipnav eval --batch`, seeded.

Each line starts from one of the shipped case files (examples/, with their scenarios), drops
some facts (they become unknown) and replaces others with a value the same fact has in another
shipped case, so every line is valid against the vocabulary and the bank's variety is kept.

    benches/gen-cases.py 10000 --seed 1 > /tmp/cases.jsonl
    benches/gen-cases.py 1000 --bad 50 > /tmp/mixed.jsonl   # every 50th line deliberately bad
"""

import argparse
import datetime
import json
import pathlib
import random
import sys
import tomllib

ROOT = pathlib.Path(__file__).resolve().parent.parent
SKIP = {"expect", "interview"}


def flatten(table, prefix=""):
    """{"victim": {"age": 16}} -> {"victim.age": 16}; inline tables stay facts' groups."""
    out = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        # Open lists, bounds and partial dates (issue 15) take the batch's full path; the
        # generated lines test the fast one, so those facts are left out.
        if isinstance(value, dict) and value and set(value) <= {"include", "min", "max"}:
            continue
        if name == "case.date" and not isinstance(value, datetime.date):
            continue
        # "A child" must agree with the age, which another case's value may replace.
        if name == "victim.minor":
            continue
        if isinstance(value, dict):
            out.update(flatten(value, name + "."))
        else:
            out[name] = value.isoformat() if isinstance(value, datetime.date) else value
    return out


def nest(flat):
    out = {}
    for name, value in flat.items():
        *groups, key = name.split(".")
        table = out
        for group in groups:
            table = table.setdefault(group, {})
        table[key] = value
    return out


def load_bank():
    cases = []
    for path in sorted((ROOT / "examples").rglob("*.toml")):
        data = tomllib.loads(path.read_text())
        for key in SKIP:
            data.pop(key, None)
        cases.append(flatten(data))
    return cases


# Ways to spoil a line, each a different kind of bad input the batch must report and survive.
BAD = [
    lambda line: line[: len(line) // 2],                       # cut short: not JSON
    lambda line: line.replace("{", '{"victim":{"agee":3},', 1),              # unknown fact
    lambda line: '{"id": "bad-type", "victim": {"age": "sixteen"}}',     # wrong type
    lambda line: '{"conduct": {"acts": ["teleport"]}}',                    # unknown value
    lambda line: "",                                                        # empty line
    lambda line: "[1, 2, 3]",                                               # not a table
]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of lines")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--bad", type=int, default=0, help="make every BAD-th line bad")
    args = parser.parse_args()
    rng = random.Random(args.seed)
    bank = load_bank()
    values = {}
    for case in bank:
        for name, value in case.items():
            values.setdefault(name, []).append(value)
    names = sorted(values)
    out = sys.stdout
    for number in range(1, args.n + 1):
        case = dict(rng.choice(bank))
        for name in list(case):
            if name != "case.title" and rng.random() < 0.15:
                del case[name]
        for name in rng.sample(names, k=min(4, len(names))):
            case[name] = rng.choice(values[name])
        case.pop("case.title", None)
        line = json.dumps({"id": f"case-{number}", **nest(case)}, separators=(",", ":"))
        if args.bad and number % args.bad == 0:
            line = BAD[(number // args.bad) % len(BAD)](line)
        out.write(line + "\n")


if __name__ == "__main__":
    main()
