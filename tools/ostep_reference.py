#!/usr/bin/env python3
"""Regenerates the reference outputs of the OSTEP homework scripts for `memsim ostep`.

    tools/ostep_reference.py SCRIPTS_DIR            # writes tests/cli/ostep/<script>/
    tools/ostep_reference.py SCRIPTS_DIR --check build/release/engine/memsim

SCRIPTS_DIR holds relocation.py, segmentation.py, paging-linear-translate.py,
paging-multilevel-translate.py, paging-policy.py and malloc.py from
github.com/remzi-arpacidusseau/ostep-homework (keep them outside the repository: only
their outputs are committed). Each case runs `python3 SCRIPT ARGS` in tests/cli/ostep
with COLUMNS=80 and stores CASE.args (one argument a line), CASE.stdout, CASE.code and
CASE.stderr (no empty arguments: CTest's lists drop them). When the script stops with a traceback, CASE.stderr holds only
"Traceback: <the exception line>" (a traceback quotes the script's code). --check compares
memsim with fresh runs instead of writing, and prints the cases that differ.
"""
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "cli" / "ostep"

SEEDS = ["0", "1", "2", "3", "7", "42", "123456789", "18446744073709551621"]

def grid():
    """(script, case name, args) for every reference case."""
    cases = []
    def add(script, name, *args):
        cases.append((script, name, list(args)))
    common_bad = [("help", "-h"), ("help-long", "--help"), ("bad-flag", "-x"), ("bad-long", "--frobnicate"),
                  ("missing-value", "-s"), ("bad-int", "-s", "abc"), ("positional", "extra", "-c")]

    s = "paging-policy.py"
    for seed in SEEDS[:6]:
        add(s, f"seed{seed}", "-s", seed)
        add(s, f"seed{seed}-c", "-s", seed, "-c")
    for policy in ["FIFO", "LRU", "MRU", "OPT", "UNOPT", "RAND", "CLOCK"]:
        for seed in ["0", "5"]:
            add(s, f"{policy.lower()}-s{seed}", "-p", policy, "-s", seed, "-n", "20", "-c")
        add(s, f"{policy.lower()}-list", "-p", policy, "-a", "1,2,3,4,1,2,5,1,2,3,4,5", "-C", "3", "-c")
        add(s, f"{policy.lower()}-list4", "-p", policy, "-a", "1,2,3,4,1,2,5,1,2,3,4,5", "-C", "4", "-c")
    for bits in ["0", "1", "3"]:
        add(s, f"clock-b{bits}", "-p", "CLOCK", "-b", bits, "-s", "9", "-n", "30", "-m", "6", "-C", "4", "-c")
    add(s, "notrace", "-p", "LRU", "-s", "3", "-n", "50", "-N", "-c")
    add(s, "notrace-noc", "-N", "-s", "1")
    add(s, "file", "-f", "refs.txt", "-p", "OPT", "-c")
    add(s, "file-problem", "-f", "refs.txt")
    add(s, "file-clock", "-f", "refs.txt", "-p", "CLOCK", "-s", "3", "-c")
    add(s, "file-rand", "-f", "refs.txt", "-p", "RAND", "-s", "1", "-c")
    add(s, "file-blank", "-f", "refs-blank.txt", "-c")
    add(s, "file-missing", "-f", "no-such-file.txt", "-c")
    add(s, "maxpage", "-m", "100", "-C", "5", "-n", "15", "-s", "4", "-c")
    add(s, "unknown-policy", "-p", "LFU", "-c")
    add(s, "unknown-policy-problem", "-p", "LFU")
    add(s, "cache0", "-C", "0", "-c")
    add(s, "cache0-rand", "-C", "0", "-p", "RAND", "-c")
    add(s, "cache-negative", "-C", "-1", "-c", "-s", "2")
    add(s, "numaddrs0", "-n", "0", "-c")
    add(s, "bad-address", "-a", "1,2,x,3", "-c")
    add(s, "bad-address-opt", "-a", "1,2,3,4,x", "-p", "OPT", "-C", "2", "-c")
    add(s, "bad-numaddrs", "-n", "ten")
    add(s, "bad-clockbits", "-b", "two")
    add(s, "hex-clockbits", "-b", "0x3", "-p", "CLOCK", "-c")
    add(s, "seed-big", "-s", "99999999999999999999999999999", "-c")
    add(s, "seed-negative", "-s", "-7", "-c")
    add(s, "long-options", "--policy=LRU", "--cachesize", "2", "--seed=11", "--compute")
    add(s, "abbreviated", "--pol", "MRU", "--comp")
    add(s, "ambiguous", "--address", "1")
    add(s, "cluster", "-cNs", "4")
    add(s, "compute-value", "--compute=yes")
    add(s, "double-dash", "-c", "--", "-s", "5")
    for name, *args in common_bad:
        add(s, name, *args)

    s = "relocation.py"
    for seed in SEEDS:
        add(s, f"seed{seed}", "-s", seed)
        add(s, f"seed{seed}-c", "-s", seed, "-c")
    add(s, "sizes", "-s", "1", "-a", "32k", "-p", "1m", "-n", "10", "-c")
    add(s, "sizes-upper", "-s", "2", "-a", "2K", "-p", "1M", "-c")
    add(s, "giga", "-s", "3", "-a", "1g", "-p", "4g", "-c")
    add(s, "base-limit", "-b", "1000", "-l", "200", "-s", "4", "-c")
    add(s, "limit-only", "-l", "100", "-s", "5", "-n", "8", "-c")
    add(s, "too-big", "-b", "16000", "-l", "1000")
    add(s, "psize-small", "-p", "1")
    add(s, "asize-zero", "-a", "0")
    add(s, "psize-not-greater", "-a", "16k", "-p", "16k")
    add(s, "asize-negative", "-a", "-1k", "-c")
    add(s, "bad-size", "-a", "12q")
    add(s, "n0", "-n", "0", "-c")
    add(s, "n-hex", "-n", "0x3", "-c")
    add(s, "n-octal", "-n", "010", "-s", "6")
    add(s, "n-bad-octal", "-n", "08")
    add(s, "n-binary", "-n", "0b11", "-c")
    add(s, "seed-negative", "-s", "-5", "-c")
    add(s, "seed-underscore", "-s", "1_000", "-c")
    add(s, "abbreviated", "--se", "5", "--comp")
    add(s, "glued", "-s5", "-n3", "-c")
    for name, *args in common_bad:
        add(s, name, *args)

    s = "segmentation.py"
    for seed in SEEDS:
        add(s, f"seed{seed}", "-s", seed)
        add(s, f"seed{seed}-c", "-s", seed, "-c")
    add(s, "given", "-a", "128", "-p", "512", "-b", "0", "-l", "20", "-B", "512", "-L", "20", "-s", "0", "-c")
    add(s, "given-addresses", "-a", "128", "-p", "512", "-b", "0", "-l", "20", "-B", "512", "-L", "20",
        "-A", "0,19,20,108,109,127", "-c")
    add(s, "sizes", "-a", "16k", "-p", "128k", "-n", "10", "-s", "8", "-c")
    add(s, "psize-small", "-p", "4")
    add(s, "asize-zero", "-a", "0")
    add(s, "psize-not-greater", "-a", "2k", "-p", "2k")
    add(s, "not-2x", "-a", "1k", "-p", "1500")
    add(s, "overlap", "-a", "128", "-p", "512", "-b", "0", "-l", "60", "-B", "100", "-L", "60", "-c")
    add(s, "len-too-large", "-a", "128", "-p", "512", "-b", "0", "-l", "100", "-B", "512", "-L", "20")
    add(s, "seg1-outside", "-a", "128", "-p", "512", "-b", "0", "-l", "20", "-B", "900", "-L", "20")
    add(s, "address-outside", "-A", "5000", "-c")
    add(s, "address-bad", "-A", "1,zz", "-c")
    add(s, "n-large", "-n", "25", "-s", "9", "-c")
    for name, *args in common_bad:
        add(s, name, *args)

    s = "paging-linear-translate.py"
    for seed in SEEDS:
        add(s, f"seed{seed}", "-s", seed)
        add(s, f"seed{seed}-c", "-s", seed, "-c")
    add(s, "verbose", "-v", "-s", "1", "-c")
    add(s, "used", "-u", "90", "-s", "2", "-c")
    add(s, "used0", "-u", "0", "-s", "2", "-c")
    add(s, "used100", "-u", "100", "-a", "32k", "-p", "1m", "-P", "1k", "-s", "3", "-v", "-c")
    add(s, "pagesize", "-P", "1k", "-a", "8k", "-p", "32k", "-s", "4", "-c")
    add(s, "addresses", "-A", "0,4096,8191,12000,16383", "-c")
    add(s, "address-out", "-A", "70000", "-c")
    add(s, "address-bad", "-A", "12,x", "-c")
    add(s, "not-multiple", "-P", "3k")
    add(s, "not-power", "-a", "12k", "-P", "4k")
    add(s, "page-not-power", "-a", "16k", "-p", "48k", "-P", "16k", "-s", "1")
    add(s, "page-not-power2", "-a", "12", "-p", "24", "-P", "3")
    add(s, "pagesize-zero", "-P", "0")
    add(s, "pagesize-negative", "-P", "-4k")
    add(s, "too-big", "-a", "1g", "-p", "2g")
    add(s, "psize-small", "-p", "1")
    add(s, "asize-zero", "-a", "0")
    add(s, "psize-not-greater", "-a", "64k")
    add(s, "n10", "-n", "10", "-s", "5", "-c")
    for name, *args in common_bad:
        add(s, name, *args)

    s = "paging-multilevel-translate.py"
    for seed in SEEDS:
        add(s, f"seed{seed}", "-s", seed)
        add(s, f"seed{seed}-c", "-s", seed, "-c")
    add(s, "allocated", "-a", "10", "-n", "20", "-s", "1", "-c")
    add(s, "allocated0", "-a", "0", "-n", "3", "-c")
    add(s, "allocated-many", "-a", "120", "-c")
    add(s, "long", "--seed=4", "--allocated=30", "--addresses=12", "--solve")
    for name, *args in common_bad:
        add(s, name, *args)

    s = "malloc.py"
    for seed in SEEDS:
        add(s, f"seed{seed}", "-s", seed)
        add(s, f"seed{seed}-c", "-s", seed, "-c")
    for policy in ["BEST", "WORST", "FIRST"]:
        for order in ["ADDRSORT", "SIZESORT+", "SIZESORT-", "INSERT-FRONT", "INSERT-BACK"]:
            add(s, f"{policy.lower()}-{order.lower().replace('+', 'up').replace('-', 'down' if order.endswith('-') else '-')}",
                "-p", policy, "-l", order, "-n", "20", "-s", "3", "-c")
            add(s, f"{policy.lower()}-{order.lower().replace('+', 'up').replace('-', 'down' if order.endswith('-') else '-')}-C",
                "-p", policy, "-l", order, "-C", "-n", "20", "-s", "3", "-c")
    add(s, "header-align", "-H", "4", "-a", "4", "-n", "15", "-s", "5", "-c")
    add(s, "big", "-S", "1000", "-b", "0", "-r", "100", "-n", "30", "-P", "60", "-s", "6", "-c")
    add(s, "allocs-only", "-P", "100", "-n", "15", "-c")
    add(s, "list", "-A", "+10,+20,-0,+5,-1,-2,+30", "-c")
    add(s, "list-problem", "-A", "+10,+20,-0,+5,-1,-2,+30")
    add(s, "list-coalesce", "-A", "+10,+20,+30,-0,-1,-2,+50", "-C", "-c")
    add(s, "list-invalid-free", "-A", "+10,-5,+3", "-c")
    add(s, "list-failed-alloc", "-A", "+200,+10,-1", "-c")
    add(s, "list-double-free", "-A", "+10,-0,-0", "-c")
    add(s, "list-bad-op", "-A", "+10,*3", "-c")
    add(s, "list-empty-op", "-A", "+10,,-0", "-c")
    add(s, "list-bad-size", "-A", "+ten", "-c")
    add(s, "bad-policy", "-p", "NEXT")
    add(s, "bad-order", "-l", "RANDOM")
    add(s, "bad-align", "-a", "0")
    add(s, "percent0", "-P", "0")
    add(s, "range-negative", "-r", "-3", "-n", "6", "-c")
    for name, *args in common_bad:
        add(s, name, *args)
    return cases


def python_run(scripts, script, args):
    env = dict(os.environ, COLUMNS="80", PYTHONHASHSEED="0")
    run = subprocess.run([sys.executable, str(Path(scripts) / script), *args], cwd=OUT, env=env,
                         capture_output=True, timeout=60)
    err = run.stderr.decode()
    if "Traceback (most recent call last)" in err:
        err = "Traceback: " + err.strip().splitlines()[-1] + "\n"
    return run.stdout, err.encode(), run.returncode


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    scripts = sys.argv[1]
    check = str(Path(sys.argv[3]).resolve()) if len(sys.argv) > 3 and sys.argv[2] == "--check" else None
    bad = 0
    for script, name, args in grid():
        out, err, code = python_run(scripts, script, args)
        folder = OUT / script.removesuffix(".py")
        if check:
            mine = subprocess.run([check, "ostep", script, *args], cwd=OUT, capture_output=True, timeout=60)
            same_err = mine.stderr == err or (err.startswith(b"Traceback: ") and mine.stderr)
            if mine.stdout != out or mine.returncode != code or not same_err:
                bad += 1
                print(f"DIFF {script} {name}: {' '.join(args)} (exit {mine.returncode} vs {code})")
            continue
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{name}.args").write_text("".join(a + "\n" for a in args))
        (folder / f"{name}.stdout").write_bytes(out)
        (folder / f"{name}.stderr").write_bytes(err)
        (folder / f"{name}.code").write_text(f"{code}\n")
    if check:
        print(f"{len(grid()) - bad} of {len(grid())} cases agree")
        sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
