#!/usr/bin/env python3
"""Compiles one C program with gcc (-std=c99 -O0) and runs it, runs it with `memsim minic`,
and compares standard output, standard error and exit code: the real compiler and glibc
are the reference.

Beside PROGRAM.c, an optional PROGRAM.stdin is fed to both as standard input and an
optional PROGRAM.args holds the command-line arguments (words split at white space).
The program is built as prog.c into prog and run with argv[0] = "prog", so glibc's assert message
("prog: prog.c:12: main: Assertion `x' failed.") is the one memsim prints. A program
killed by a signal (abort) must stop in memsim with exit code 128 + the signal.

With MODEL ilp32 the reference is gcc -m32 (i386) and memsim runs with --model ilp32;
the default is lp64 (x86-64).

usage: minic_corpus_compare.py MEMSIM PROGRAM.c WORKDIR [lp64|ilp32]
"""
import errno
import json
import os
import re
import shutil
import subprocess
import sys


QEMU_SIGNAL_LINE = re.compile(rb"qemu: uncaught target signal \d+ \([^)]*\) - core dumped\n")


def run_reference(folder, args, stdin_bytes, model):
    """Runs gcc's build; an i386 build runs under qemu-i386 where the kernel cannot run 32-bit programs."""
    def run(command, executable=None):
        return subprocess.run(command, executable=executable, cwd=folder, input=stdin_bytes, capture_output=True, timeout=60)
    try:
        return run(["prog", *args], executable=os.path.join(folder, "prog"))
    except OSError as error:
        if model != "ilp32" or error.errno != errno.ENOEXEC or shutil.which("qemu-i386") is None:
            raise
    emulated = run(["qemu-i386", "-L", "/", "-0", "prog", "./prog", *args])
    # qemu reports the guest's fatal signal on stderr, which the program itself does not print
    emulated.stderr = QEMU_SIGNAL_LINE.sub(b"", emulated.stderr)
    return emulated


def main() -> int:
    memsim, program, workdir = sys.argv[1:4]
    model = sys.argv[4] if len(sys.argv) > 4 else "lp64"
    name = os.path.splitext(os.path.basename(program))[0]
    folder = os.path.join(workdir, model, name)
    os.makedirs(folder, exist_ok=True)
    shutil.copyfile(program, os.path.join(folder, "prog.c"))
    built = subprocess.run(["gcc", "-std=c99", "-O0", *(["-m32", "-msse2", "-mfpmath=sse"] if model == "ilp32" else []), "-o", "prog", "prog.c", "-lm"], cwd=folder, capture_output=True, text=True)
    if built.returncode != 0:
        print(f"gcc cannot compile {program}:\n{built.stderr}")
        return 1
    base = os.path.splitext(program)[0]
    stdin_path = base + ".stdin"
    stdin_bytes = open(stdin_path, "rb").read() if os.path.exists(stdin_path) else b""
    args = open(base + ".args").read().split() if os.path.exists(base + ".args") else []
    # argv[0] is "prog", as memsim names the program
    native = run_reference(folder, args, stdin_bytes, model)
    command = [memsim, "minic", os.path.join(folder, "prog.c"), "--json", "--model", model]
    if os.path.exists(stdin_path):
        command += ["--stdin", stdin_path]
    if args:
        command += ["--args", " ".join(args)]
    simulated = subprocess.run(command, capture_output=True, timeout=300, stdin=subprocess.DEVNULL)
    if simulated.returncode != 0:
        print(f"memsim refuses {program} (exit {simulated.returncode}):\n{simulated.stderr.decode(errors='replace')}")
        return 1
    summary = json.loads(simulated.stdout)
    failures = []
    signalled = native.returncode < 0
    expected_status = "stopped" if signalled else "exited"
    expected_code = 128 - native.returncode if signalled else native.returncode
    if summary["status"] != expected_status:
        failures.append(f"memsim status is {summary['status']} (gcc's build: {expected_status}): {summary['stop_reason']}")
    if summary["exit_code"] != expected_code:
        failures.append(f"exit code: gcc {expected_code}, memsim {summary['exit_code']}")
    for stream, got, want in (("stdout", summary["output"], native.stdout), ("stderr", summary["stderr"], native.stderr)):
        expected = want.decode("latin-1")
        if got != expected:
            failures.append(f"{stream} differs:\n--- gcc\n{expected}\n--- memsim\n{got}")
    for failure in failures:
        print(failure)
    if not failures:
        print(f"ok: {name}: {len(native.stdout.splitlines())} lines, exit {expected_code}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
