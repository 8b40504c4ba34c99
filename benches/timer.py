#!/usr/bin/env python3
"""Whole-process timer for benches/lint_10k.sh: commands run in turn, round after round.

    timer.py --cwd DIR [--warmup 1] [--ratio 'LABEL=A/B:wall|cpu' ...] \
        -c NAME RUNS 'COMMAND' [-c NAME RUNS 'COMMAND' ...]
    timer.py --cwd DIR --once OUT -c NAME 1 'COMMAND'     # its output, for the verdicts

Each COMMAND is split as a shell splits words (no shell is started: its start-up would be timed
too). The word `{files}` becomes the names of the `*.json` files of DIR, sorted; when they do not
fit in one argument list (ARG_MAX), the command is run once per batch, one after the other, and
the batches together are one measurement (wall and CPU summed, peak memory the largest).

Round r runs every command that has more than r runs, in an order rotated by one each round, so
that a drift of the machine's speed touches every command alike. Standard input is empty and the
output goes to /dev/null; exit statuses are ignored (invalid files make every tool exit 1).

Per command: median and min wall time, median CPU time (user + system of the finished child,
the kernel's accounting through wait4) and the largest peak resident set size. A ratio A/B is
the median of the per-round ratios over the rounds in which both ran.
"""

import argparse
import glob
import os
import resource
import shlex
import statistics
import sys
import time


def batches(argv, files):
    """argv with `{files}` expanded, split so that each list fits in ARG_MAX with room to spare."""
    if "{files}" not in argv:
        return [argv]
    at = argv.index("{files}")
    head, tail = argv[:at], argv[at + 1:]
    # Each argument costs its bytes, a NUL and a pointer; keep to a quarter of ARG_MAX, which
    # leaves room for the environment.
    budget = os.sysconf("SC_ARG_MAX") // 4
    fixed = sum(len(a) + 9 for a in head + tail)
    out, current, size = [], [], fixed
    for name in files:
        cost = len(name) + 9
        if current and size + cost > budget:
            out.append(head + current + tail)
            current, size = [], fixed
        current.append(name)
        size += cost
    out.append(head + current + tail)
    return out


def run_once(argvs, output=os.devnull):
    """Runs the batches one after the other, in the current directory, both output streams into
    `output`: (wall s, cpu s, peak RSS KiB).

    Each is started with posix_spawn (vfork and exec), not os.fork: a fork copies the timer's
    page tables and the exec then tears them down, about 1.4 ms added to every command here
    (`/bin/true`: 2.4 ms forked, 1.0 ms spawned), which is the timer's cost, not the tool's."""
    wall = cpu = 0.0
    peak = 0
    stdin = os.open(os.devnull, os.O_RDONLY)
    sink = os.open(output, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    redirect = [(os.POSIX_SPAWN_DUP2, stdin, 0), (os.POSIX_SPAWN_DUP2, sink, 1),
                (os.POSIX_SPAWN_DUP2, sink, 2)]
    try:
        for argv in argvs:
            start = time.perf_counter()
            try:
                pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=redirect)
            except OSError as error:
                sys.exit(f"timer.py: cannot run {argv[0]}: {error.strerror}")
            _, status, usage = os.wait4(pid, 0)
            wall += time.perf_counter() - start
            cpu += usage.ru_utime + usage.ru_stime
            peak = max(peak, usage.ru_maxrss)
    finally:
        os.close(stdin)
        os.close(sink)
    return wall, cpu, peak


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--cwd", required=True)
    parser.add_argument("--warmup", type=int, default=1)
    parser.add_argument("--ratio", action="append", default=[])
    parser.add_argument("--once", metavar="OUT",
                        help="run the command once, untimed, its output into OUT")
    parser.add_argument("-c", nargs=3, action="append", metavar=("NAME", "RUNS", "COMMAND"),
                        required=True)
    args = parser.parse_args()
    files = sorted(os.path.basename(p) for p in glob.glob(os.path.join(args.cwd, "*.json")))
    once = os.path.abspath(args.once) if args.once else None
    os.chdir(args.cwd)
    commands = [(name, int(runs), batches(shlex.split(command), files))
                for name, runs, command in args.c]
    if once:
        for _, _, argvs in commands:
            run_once(argvs, once)
        return
    for _, _, argvs in commands:
        for _ in range(args.warmup):
            run_once(argvs)
    results = {name: [] for name, _, _ in commands}  # name -> [(round, wall, cpu, peak)]
    rounds = max(runs for _, runs, _ in commands)
    for r in range(rounds):
        todo = [c for c in commands if c[1] > r]
        shift = r % len(todo)
        for name, _, argvs in todo[shift:] + todo[:shift]:
            results[name].append((r,) + run_once(argvs))

    # A child starts with the timer's own pages counted (the kernel keeps the high-water mark of
    # the memory it leaves at exec), so a peak RSS at this floor means "at most this".
    floor = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"(peak RSS cannot read below the timer's own, {floor:.1f} MiB)")
    print("| command | wall, median | wall, min | CPU (user+sys), median | peak RSS | runs |")
    print("|---|---|---|---|---|---|")
    for name, _, argvs in commands:
        rows = results[name]
        walls = [w for _, w, _, _ in rows]
        cpus = [c for _, _, c, _ in rows]
        peak = max(p for _, _, _, p in rows)
        how = f" ({len(argvs)} batches)" if len(argvs) > 1 else ""
        print(f"| {name}{how} | {fmt(statistics.median(walls))} | {fmt(min(walls))} | "
              f"{fmt(statistics.median(cpus))} | {peak / 1024:.1f} MiB | {len(rows)} |")
    for spec in args.ratio:
        label, rest = spec.rsplit("=", 1)
        pair, what = rest.rsplit(":", 1)
        a, b = pair.split("/", 1)
        if a not in results or b not in results:
            continue
        index = {"wall": 1, "cpu": 2}[what]
        by_round = {row[0]: row[index] for row in results[b]}
        ratios = [row[index] / by_round[row[0]] for row in results[a]
                  if row[0] in by_round and by_round[row[0]] > 0]
        if ratios:
            print(f"{label}: {statistics.median(ratios):.2f}x "
                  f"(median of {len(ratios)} paired rounds, {what})")


def fmt(seconds):
    return f"{seconds * 1000:.1f} ms" if seconds < 10 else f"{seconds:.2f} s"


if __name__ == "__main__":
    main()
