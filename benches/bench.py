#!/usr/bin/env python3
"""Times oogst against Hugo (and Zola, when a `zola` binary is on PATH) on
the same generated knowledge base at several sizes, in one run on this
machine, and prints wall time, CPU time, peak memory and the ratios.

    benches/bench.py [--sizes 1000 10000 30000] [--runs 3] [--work DIR]

The corpus comes from benches/corpus/gen_all.py (the shared benchmark
corpus: ~650-word pages with headings, lists, a table, 3-5 internal links,
a code block on every 10th page, 2-4 tags of 40), written once per size
into DIR (default /dev/shm/oogst-bench, tmpfs, so that the disk is not
what is measured). Each round builds with every tool in turn into a fresh,
empty output folder (alternating, so that a slow spell of the machine hits
all alike); the figures are the median of the rounds, peak memory the
largest. Also times oogst's rebuild with nothing changed.

Needs: cargo, python3, hugo (`apt-get install hugo`); zola is optional.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
OOGST = os.path.join(ROOT, "target", "release", "oogst")


def run(argv):
    """Runs argv to the end; returns (wall s, CPU s, peak KiB)."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    err = proc.stderr.read().decode(errors="replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"failed: {' '.join(argv)}\n{err}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def corpus(work, pages):
    """The generated corpus of `pages` pages, made once."""
    folder = os.path.join(work, str(pages))
    if os.path.exists(os.path.join(folder, "oogst", "content")):
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    print(f"generating {pages} pages in {folder} ...", file=sys.stderr)
    subprocess.run([sys.executable, os.path.join(HERE, "corpus", "gen_all.py"), str(pages), folder], check=True)
    return folder


def tools(folder):
    """Each tool's build command, given a fresh output folder."""
    found = {
        "oogst": lambda out: [OOGST, "build", "--root", os.path.join(folder, "oogst"), "--out", out],
        "hugo": lambda out: ["hugo", "--quiet", "--source", os.path.join(folder, "hugo"), "--destination", out],
    }
    if shutil.which("zola"):
        found["zola"] = lambda out: ["zola", "--root", os.path.join(folder, "zola"), "build", "--output-dir", out, "--force"]
    if not shutil.which("hugo"):
        del found["hugo"]
        print("hugo not found (apt-get install hugo): timing oogst alone", file=sys.stderr)
    return found


def files_in(folder):
    return sum(len(names) for _, _, names in os.walk(folder))


def measure(folder, runs):
    """Per tool: list of (wall, cpu, peak KiB); and the output's file count."""
    results, counts = {}, {}
    commands = tools(folder)
    for round_ in range(runs):
        for name, command in commands.items():
            out = os.path.join(folder, f"out-{name}")
            shutil.rmtree(out, ignore_errors=True)
            results.setdefault(name, []).append(run(command(out)))
            counts[name] = files_in(out)
    # oogst again into the folder it just wrote: nothing changed.
    out = os.path.join(folder, "out-oogst")
    rebuild = [run(commands["oogst"](out)) for _ in range(runs)]
    for name in commands:
        shutil.rmtree(os.path.join(folder, f"out-{name}"), ignore_errors=True)
    return results, counts, rebuild


def summary(samples):
    return (
        statistics.median(s[0] for s in samples),
        statistics.median(s[1] for s in samples),
        max(s[2] for s in samples) / 1024,
    )


def machine():
    cpu = "unknown CPU"
    try:
        with open("/proc/cpuinfo") as f:
            cpu = next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        pass
    with open("/proc/meminfo") as f:
        mem = int(f.readline().split()[1]) // (1024 * 1024)
    versions = []
    for argv in (["hugo", "version"], ["zola", "--version"]):
        if shutil.which(argv[0]):
            versions.append(subprocess.run(argv, capture_output=True, text=True).stdout.split(" linux")[0].strip())
    return f"{os.cpu_count()} cores ({cpu}), {mem} GiB, {platform.system()} {platform.release()}; " + ", ".join(versions)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 30000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--work", default="/dev/shm/oogst-bench")
    parser.add_argument("--json", help="also write the figures to this file")
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet", "--manifest-path", os.path.join(ROOT, "Cargo.toml")], check=True)
    print(f"machine: {machine()}")
    print(f"median of {args.runs} alternating runs, fresh output folder on {args.work}\n")
    print(f"{'pages':>6}  {'tool':<6} {'wall s':>7} {'CPU s':>7} {'peak MiB':>9} {'files':>6}  {'tool / oogst (wall)':>20}")
    figures = []
    for pages in args.sizes:
        folder = corpus(args.work, pages)
        results, counts, rebuild = measure(folder, args.runs)
        ours = summary(results["oogst"])
        for name, samples in results.items():
            wall, cpu, peak = summary(samples)
            ratio = "" if name == "oogst" else f"{wall / ours[0]:.1f}x"
            print(f"{pages:>6}  {name:<6} {wall:>7.2f} {cpu:>7.2f} {peak:>9.0f} {counts[name]:>6}  {ratio:>20}")
            figures.append({"pages": pages, "tool": name, "wall": wall, "cpu": cpu, "peak_mib": peak, "files": counts[name]})
        wall, cpu, peak = summary(rebuild)
        print(f"{pages:>6}  {'oogst, unchanged rebuild':<24} {wall:>7.2f} s wall, {cpu:.2f} CPU s, {peak:.0f} MiB")
        figures.append({"pages": pages, "tool": "oogst-rebuild", "wall": wall, "cpu": cpu, "peak_mib": peak})
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"machine": machine(), "figures": figures}, f, indent=1)


if __name__ == "__main__":
    main()
