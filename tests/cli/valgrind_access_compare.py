#!/usr/bin/env python3
"""Builds a C program that reads and writes outside its heap blocks with gcc (-std=c99
-O0 -g), runs it under valgrind (memcheck), runs it with `memsim run PROGRAM.c --events`,
and compares the invalid accesses in order: read or write, the size, and where the
address lies ("2 bytes after a block of size 10 alloc'd"). Valgrind is the reference;
addresses differ between the two machines and are not compared.

usage: valgrind_access_compare.py MEMSIM PROGRAM.c WORKDIR
"""
import os
import re
import subprocess
import sys

WHERE = r"is (\d+) bytes (before|inside|after) a block of size (\d+) (alloc'd|free'd)"


def valgrind_accesses(binary: str) -> list:
    run = subprocess.run(["valgrind", binary], capture_output=True, text=True, timeout=120)
    found, pending = [], None
    for line in run.stderr.splitlines():
        m = re.search(r"Invalid (read|write) of size (\d+)", line)
        if m:
            pending = (m.group(1), int(m.group(2)))
            continue
        w = re.search(r"Address 0x[0-9a-f]+ " + WHERE, line)
        if w and pending:
            found.append(pending + (int(w.group(1)), w.group(2), int(w.group(3)), w.group(4)))
            pending = None
    return found


def memsim_accesses(memsim: str, program: str) -> list:
    run = subprocess.run([memsim, "run", program, "--events"], capture_output=True, text=True, timeout=120)
    found = []
    for m in re.finditer(r"Invalid (read|write) of size (\d+); Address 0x[0-9a-f]+ " + WHERE, run.stdout):
        found.append((m.group(1), int(m.group(2)), int(m.group(3)), m.group(4), int(m.group(5)), m.group(6)))
    return found


def main() -> int:
    memsim, program, workdir = sys.argv[1:4]
    os.makedirs(workdir, exist_ok=True)
    binary = os.path.join(workdir, os.path.splitext(os.path.basename(program))[0])
    built = subprocess.run(["gcc", "-std=c99", "-O0", "-g", "-o", binary, program], capture_output=True, text=True)
    if built.returncode != 0:
        print(f"gcc cannot compile {program}:\n{built.stderr}")
        return 1
    expected, got = valgrind_accesses(binary), memsim_accesses(memsim, program)
    print("valgrind:", expected)
    print("memsim:  ", got)
    if not expected:
        print("valgrind reported no invalid access: the program does not test anything")
        return 1
    return 0 if expected == got else 1


if __name__ == "__main__":
    sys.exit(main())
