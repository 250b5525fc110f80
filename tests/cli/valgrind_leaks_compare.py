#!/usr/bin/env python3
"""Builds a leaking C program with gcc (-std=c99 -O0), runs it under
`valgrind --leak-check=full`, runs it in memsim, and compares the leak summaries:
definitely, indirectly and possibly lost and still reachable, in bytes and blocks.
Valgrind is the reference. memsim is asked twice: the blocks' `reach` in the state
just before the process exits (--json), and the exit event's summary (--events).

usage: valgrind_leaks_compare.py MEMSIM PROGRAM.c WORKDIR
"""
import json
import os
import re
import subprocess
import sys

KINDS = ["definitely lost", "indirectly lost", "possibly lost", "still reachable"]


def valgrind_summary(binary: str) -> dict:
    run = subprocess.run(["valgrind", "--leak-check=full", "--show-leak-kinds=all", binary],
                         capture_output=True, text=True, timeout=120)
    summary = {kind: (0, 0) for kind in KINDS}
    for kind in KINDS:
        m = re.search(kind + r": ([\d,]+) bytes in ([\d,]+) blocks", run.stderr)
        if m:
            summary[kind] = (int(m.group(1).replace(",", "")), int(m.group(2).replace(",", "")))
    return summary


def memsim_state_summary(memsim: str, program: str) -> dict:
    final = json.loads(subprocess.run([memsim, "run", program, "--json"], capture_output=True, timeout=120).stdout)
    before_exit = str(final["totalSteps"] - 1)
    state = json.loads(subprocess.run([memsim, "run", program, "--json", "--until", before_exit],
                                      capture_output=True, timeout=120).stdout)
    summary = {kind: (0, 0) for kind in KINDS}
    for block in state["processes"][0]["heap"]["blocks"]:
        if not block["allocated"]:
            continue
        kind = "still reachable" if block["reach"] == "reachable" else block["reach"]
        size, count = summary[kind]
        summary[kind] = (size + block["requested"], count + 1)
    return summary


def memsim_exit_summary(memsim: str, program: str) -> dict:
    text = subprocess.run([memsim, "run", program, "--events"], capture_output=True, text=True, timeout=120).stdout
    summary = {kind: (0, 0) for kind in KINDS}
    for kind in KINDS:
        m = re.search(kind + r" (\d+) bytes in (\d+) block", text)
        if m:
            summary[kind] = (int(m.group(1)), int(m.group(2)))
    return summary


def main() -> int:
    memsim, program, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    binary = os.path.join(workdir, os.path.splitext(os.path.basename(program))[0])
    built = subprocess.run(["gcc", "-std=c99", "-O0", "-g", "-o", binary, program], capture_output=True, text=True)
    if built.returncode != 0:
        print(f"gcc cannot compile {program}:\n{built.stderr}")
        return 1
    reference = valgrind_summary(binary)
    failed = False
    for source, got in (("state before exit", memsim_state_summary(memsim, program)),
                        ("exit event", memsim_exit_summary(memsim, program))):
        for kind in KINDS:
            ok = got[kind] == reference[kind]
            failed = failed or not ok
            print(f"{'ok  ' if ok else 'FAIL'} {source}: {kind}: memsim {got[kind][0]} bytes in {got[kind][1]} blocks, "
                  f"valgrind {reference[kind][0]} bytes in {reference[kind][1]} blocks")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
