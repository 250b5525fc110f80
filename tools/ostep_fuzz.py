#!/usr/bin/env python3
"""Differential test of `memsim ostep` against the real OSTEP scripts on random flags.

    tools/ostep_fuzz.py SCRIPTS_DIR MEMSIM [RUNS] [SEED]

Each run picks a script and random flags (values, sizes with suffixes, lists, bad numbers,
abbreviated and clustered options, stray words), runs `python3 SCRIPT ARGS` and
`memsim ostep SCRIPT ARGS`, and reports any difference in stdout, exit code or stderr
(where Python prints a traceback, memsim must print a message). Runs the script needs
more than 5 s for (its endless placement loops) are skipped. Exit 1 when any differ.
"""
import os
import random
import subprocess
import sys

def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    scripts, memsim = sys.argv[1], os.path.abspath(sys.argv[2])
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    num = lambda: rng.choice(["0", "1", "2", "3", "5", "7", "10", "16", "-1", "-5", "100", "0x10", "010", "08", "1k", "2k",
                              "4k", "16k", "64k", "1m", "2M", "1K", "abc", "3_0", " 4", "0b11"])
    small = lambda lo, hi: (lambda: str(rng.randint(lo, hi)))
    nums = lambda lo, hi, n: (lambda: ",".join(str(rng.randint(lo, hi)) for _ in range(rng.randint(1, n))))
    flags = {
        "paging-policy.py": [("-a", nums(-1, 9, 12)), ("-n", num), ("-b", num), ("-C", num), ("-m", num), ("-s", num),
                             ("-p", lambda: rng.choice(["FIFO", "LRU", "MRU", "OPT", "UNOPT", "RAND", "CLOCK", "LFU"])),
                             ("-N", None), ("-c", None), ("--pol", lambda: rng.choice(["OPT", "CLOCK"])), ("--comp", None)],
        "relocation.py": [("-s", num), ("-a", num), ("-p", num), ("-n", small(-2, 12)), ("-b", num), ("-l", num), ("-c", None)],
        "segmentation.py": [("-s", num), ("-A", nums(0, 1100, 6)), ("-a", num), ("-p", num), ("-n", small(-2, 12)),
                            ("-b", num), ("-l", num), ("-B", num), ("-L", num), ("-c", None)],
        "paging-linear-translate.py": [("-A", nums(0, 70000, 6)), ("-s", num), ("-a", num), ("-p", num), ("-P", num),
                                       ("-n", small(-2, 12)), ("-u", small(-10, 120)), ("-v", None), ("-c", None)],
        "paging-multilevel-translate.py": [("-s", num), ("-a", small(-2, 130)), ("-n", small(-2, 30)), ("-c", None)],
        "malloc.py": [("-s", num), ("-S", small(-10, 300)), ("-b", small(-100, 3000)), ("-H", small(-2, 9)),
                      ("-a", lambda: rng.choice(["-1", "0", "1", "2", "4", "8", "-3"])), ("-C", None), ("-c", None),
                      ("-p", lambda: rng.choice(["BEST", "WORST", "FIRST", "NEXT"])),
                      ("-l", lambda: rng.choice(["ADDRSORT", "SIZESORT+", "SIZESORT-", "INSERT-FRONT", "INSERT-BACK"])),
                      ("-n", small(-1, 30)), ("-r", small(-5, 60)), ("-P", small(-5, 120)),
                      ("-A", lambda: ",".join(rng.choice("+-") + str(rng.randint(-2, 40)) for _ in range(rng.randint(1, 8))))],
    }
    stray = ["--", "-", "foo", "-x", "--xyz", "-h", "--se", "--s", "-cs", "--compute=1", "-="]
    env = dict(os.environ, COLUMNS="80")
    differ = 0
    for _ in range(runs):
        script = rng.choice(sorted(flags))
        args = []
        for flag, value in rng.sample(flags[script], rng.randint(0, len(flags[script]))):
            args += [flag] + ([value()] if value else [])
        if rng.random() < 0.15:
            args.insert(rng.randint(0, len(args)), rng.choice(stray))
        try:
            want = subprocess.run([sys.executable, os.path.join(scripts, script), *args], capture_output=True,
                                  timeout=5, env=env, cwd=scripts)
        except subprocess.TimeoutExpired:
            continue
        got = subprocess.run([memsim, "ostep", script, *args], capture_output=True, timeout=30, cwd=scripts)
        traceback = b"Traceback" in want.stderr
        if (got.stdout != want.stdout or got.returncode != want.returncode or
                (got.stderr != want.stderr if not traceback else not got.stderr)):
            differ += 1
            print(f"DIFF {script} {args!r}: exit {got.returncode}, python {want.returncode}")
    print(f"{runs - differ} of {runs} random runs agree")
    sys.exit(1 if differ else 0)

if __name__ == "__main__":
    main()
