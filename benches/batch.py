#!/usr/bin/env python3
"""Benchmark of batch evaluation and start-up (issue 7), on generated cases.

    benches/batch.py            # N = 10,000, 100,000 and 1,000,000 (several minutes)
    benches/batch.py --quick    # N = 10,000 and 100,000
    benches/batch.py --peers ../shared/bench   # also time the clingo and SWI-Prolog peers

The peers (an 8-offence subset of the law in clingo and SWI-Prolog, see that folder's README
for their install) are timed in the same run, on the same cases from their own generator, so
that the comparison is fair whatever else the machine is doing.

Builds the release binary, generates seeded cases with benches/gen-cases.py (kept under
target/bench/), and prints each figure next to its target: batch throughput on one thread and
two, the parse-only floor, peak memory, single `tipnav eval` wall time and `diff --batch`.
Each process is timed by its wall clock and its peak resident memory read from wait4().
"""

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
# Where cargo builds: CARGO_TARGET_DIR when set, as cargo itself reads it.
TARGET = pathlib.Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))
BIN = TARGET / "release" / "tipnav"
DATA = TARGET / "bench"
EXAMPLE = "examples/larkana-girl-sold.toml"


def build():
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=ROOT, check=True)


def cases(n):
    path = DATA / f"cases-{n}.jsonl"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        partial = path.with_suffix(".part")
        with open(partial, "w") as out:
            subprocess.run(
                [sys.executable, ROOT / "benches" / "gen-cases.py", str(n), "--seed", "1"],
                stdout=out,
                check=True,
            )
        partial.rename(path)
    return path


def run(args, program=BIN):
    """Runs tipnav (or PROGRAM) with ARGS, output discarded: (seconds, peak RSS in MiB, exit
    status)."""
    start = time.perf_counter()
    child = subprocess.Popen([program, *args], cwd=ROOT, stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    return seconds, usage.ru_maxrss / 1024, os.waitstatus_to_exitcode(status)


def batch(path, threads, *extra):
    seconds, rss, status = run(["eval", "--batch", str(path), "--threads", str(threads), *extra])
    assert status == 0, f"eval --batch {path} exited {status}"
    return seconds, rss


def lines(path):
    with open(path, "rb") as f:
        return sum(1 for _ in f)


def verdict(ok):
    return "meets" if ok else "MISSES"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="skip N = 1,000,000")
    parser.add_argument("--peers", metavar="DIR",
                        help="the peer engines' folder (../shared/bench) to time alongside")
    args = parser.parse_args()
    sizes = [10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000]
    build()
    print(f"machine: {os.cpu_count()} cores; binary: {BIN}\n")

    # Start-up: one case, the way an officer runs it.
    for _ in range(3):
        run(["eval", EXAMPLE])
    walls = [run(["eval", EXAMPLE])[0] * 1000 for _ in range(20)]
    median = statistics.median(walls)
    print(f"tipnav eval {EXAMPLE}: median {median:.1f} ms of 20 runs "
          f"(target < 5 ms: {verdict(median < 5)})")
    # What starting any process costs this harness, and starting tipnav to do nothing, so the
    # figure above can be read against them.
    true = statistics.median(run([], "/bin/true")[0] * 1000 for _ in range(20))
    version = statistics.median(run(["--version"])[0] * 1000 for _ in range(20))
    print(f"  the same way, /bin/true takes {true:.1f} ms and tipnav --version {version:.1f} ms\n")

    print(f"{'mode':<9} {'N':>9} {'threads':>7} {'seconds':>8} {'cases/s':>9} "
          f"{'per core':>9} {'peak MiB':>9}")
    summary = {}
    for n in sizes:
        path = cases(n)
        for threads in (1, 2):
            seconds, rss = batch(path, threads, "--summary")
            summary[(n, threads)] = (seconds, rss)
            rate = n / seconds
            print(f"{'summary':<9} {n:>9,} {threads:>7} {seconds:>8.2f} {rate:>9,.0f} "
                  f"{rate / threads:>9,.0f} {rss:>9.0f}")
    full_sizes = sizes[:1] if args.quick else sizes[:2]
    full_rate = 0.0
    for n in full_sizes:
        for threads in (1, 2):
            seconds, rss = batch(cases(n), threads)
            rate = n / seconds
            full_rate = max(full_rate, rate)
            print(f"{'full':<9} {n:>9,} {threads:>7} {seconds:>8.2f} {rate:>9,.0f} "
                  f"{rate / threads:>9,.0f} {rss:>9.0f}")
    print(f"full reports: best {full_rate:,.0f} cases/s "
          f"(target >= 20,000: {verdict(full_rate >= 20_000)})")

    best = max(n / s / 1 for (n, t), (s, _) in summary.items() if t == 1)
    print(f"\nthroughput, summary, one thread: {best:,.0f} cases/s per core "
          f"(target >= 250,000: {verdict(best >= 250_000)})")

    # The floor: the same input only parsed.
    floor_path = cases(100_000)
    out = subprocess.run(
        ["cargo", "bench", "--quiet", "--bench", "floor", "--", str(floor_path)],
        cwd=ROOT, check=True, capture_output=True, text=True,
    ).stdout
    figures = dict(line.split()[:2] for line in out.splitlines() if line.split())
    serde = float(figures["serde_json_value_per_s"])
    reader = float(figures["tipnav_reader_per_s"])
    typed = float(figures["span_free_reader_per_s"])
    evaluated = 100_000 / summary[(100_000, 1)][0]
    print(f"floor, N = 100,000, one thread: serde_json into the case type (the batch reader) "
          f"{typed:,.0f} lines/s, into a generic value {serde:,.0f} lines/s; the full case "
          f"reader with spans {reader:,.0f} lines/s")
    for name, floor in (("the case type", typed), ("a generic value", serde)):
        ratio = floor / evaluated
        print(f"  batch --summary is {ratio:.1f} times parsing into {name} "
              f"(target <= 2: {verdict(ratio <= 2)})")

    small, large = sizes[0], sizes[-1]
    growth = summary[(large, 2)][1] / summary[(small, 2)][1] - 1
    print(f"peak memory, two threads: {summary[(small, 2)][1]:.0f} MiB at N = {small:,}, "
          f"{summary[(large, 2)][1]:.0f} MiB at N = {large:,}: growth {growth:+.0%} "
          f"(target <= 10%: {verdict(growth <= 0.10)})")

    diff_seconds, _, status = run(
        ["diff", "--amend", "one-forum", "--batch", str(floor_path), "--threads", "2"]
    )
    assert status == 0, f"diff --batch exited {status}"
    one = summary[(100_000, 2)][0]
    print(f"diff --amend one-forum --batch, N = 100,000, two threads: {diff_seconds:.2f} s, "
          f"{diff_seconds / one:.2f} times eval --batch --summary "
          f"(target <= 2.5: {verdict(diff_seconds / one <= 2.5)})")
    if args.peers:
        peers(pathlib.Path(args.peers).resolve())


def timed(command, stdin):
    """Runs COMMAND with STDIN from a file, output discarded: (seconds, exit status)."""
    with open(stdin, "rb") as source:
        start = time.perf_counter()
        status = subprocess.run(command, stdin=source, stdout=subprocess.DEVNULL).returncode
        return time.perf_counter() - start, status


def peers(bench):
    """clingo and SWI-Prolog on the peers' own cases, and tipnav on the same cases."""
    print(f"\npeers ({bench}), one core each, N = 10,000 and 100,000 cases of gen_cases.py:")
    state = DATA / "tip-prolog"
    subprocess.run(["swipl", "-O", "-o", state, "-c", bench / "prolog" / "tip.pl"],
                   check=True, capture_output=True)
    engines = {
        "clingo (8 offences)": [sys.executable, bench / "clingo" / "run_clingo.py"],
        "SWI-Prolog (8 offences)": [state],
        "tipnav --summary (whole law)": [BIN, "eval", "--batch", "-", "--summary",
                                         "--threads", "1"],
        "tipnav full report (whole law)": [BIN, "eval", "--batch", "-", "--threads", "1"],
    }
    rates = {}
    for n in (10_000, 100_000):
        path = DATA / f"peer-cases-{n}.jsonl"
        if not path.exists():
            DATA.mkdir(parents=True, exist_ok=True)
            with open(path, "w") as out:
                subprocess.run([sys.executable, bench / "gen_cases.py", str(n), "1"],
                               stdout=out, check=True)
        for name, command in engines.items():
            if "full" in name and n > 10_000:
                continue
            seconds, status = timed(command, path)
            assert status == 0, f"{name} exited {status}"
            rates[(name, n)] = n / seconds
            print(f"  {name:<32} N = {n:>7,}: {seconds:7.2f} s, {n / seconds:>9,.0f} cases/s")
    clingo = rates[("clingo (8 offences)", 100_000)]
    tipnav = rates[("tipnav --summary (whole law)", 100_000)]
    print(f"tipnav --summary is {tipnav / clingo:.1f} times clingo per core "
          f"(target >= 20: {verdict(tipnav / clingo >= 20)})")


if __name__ == "__main__":
    main()
