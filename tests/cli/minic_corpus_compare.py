#!/usr/bin/env python3
"""Compiles one C program with gcc (-std=c99 -O0) and runs it, runs it with `memsim minic`,
and compares standard output and exit code: the real compiler is the reference.

usage: minic_corpus_compare.py MEMSIM PROGRAM.c WORKDIR
"""
import json
import os
import subprocess
import sys


def main() -> int:
    memsim, program, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    name = os.path.splitext(os.path.basename(program))[0]
    binary = os.path.join(workdir, name)
    built = subprocess.run(["gcc", "-std=c99", "-O0", "-o", binary, program], capture_output=True, text=True)
    if built.returncode != 0:
        print(f"gcc cannot compile {program}:\n{built.stderr}")
        return 1
    native = subprocess.run([binary], capture_output=True, timeout=60)
    simulated = subprocess.run([memsim, "minic", program, "--json"], capture_output=True, timeout=300)
    if simulated.returncode != 0:
        print(f"memsim refuses {program} (exit {simulated.returncode}):\n{simulated.stderr.decode(errors='replace')}")
        return 1
    summary = json.loads(simulated.stdout)
    failures = []
    if summary["status"] != "exited":
        failures.append(f"memsim status is {summary['status']}: {summary['stop_reason']}")
    if summary["exit_code"] != native.returncode:
        failures.append(f"exit code: gcc {native.returncode}, memsim {summary['exit_code']}")
    expected = native.stdout.decode("latin-1")
    if summary["output"] != expected:
        failures.append("output differs:\n--- gcc\n" + expected + "\n--- memsim\n" + summary["output"])
    for failure in failures:
        print(failure)
    if not failures:
        print(f"ok: {name}: {len(expected.splitlines())} lines, exit {native.returncode}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
