#!/usr/bin/env python3
"""printf's floating conversions against glibc's: a table of formats (%f %e %g %a with
flags, widths and precisions) times doubles (exact ties, powers of ten, the extremes,
subnormals, inf, nan and seeded random bit patterns) is printed by a gcc-built C program
and by memsim's formatter (tools/format_doubles.cpp); every line must be equal.

usage: printf_doubles_compare.py FORMAT_DOUBLES_TOOL WORKDIR
"""
import os
import random
import struct
import subprocess
import sys

FORMATS = ["%f", "%.0f", "%.1f", "%.2f", "%.3f", "%.10f", "%.17f", "%.40f", "%#.0f", "%F", "%e", "%.0e", "%.1e",
           "%.3e", "%.16e", "%.25e", "%#.0e", "%E", "%g", "%.0g", "%.1g", "%.2g", "%.3g", "%.10g", "%.17g", "%#g",
           "%#.3g", "%G", "%a", "%.0a", "%.1a", "%.3a", "%.12a", "%.20a", "%#a", "%A", "%+f", "% e", "%-14.3f|",
           "%014.4f", "%+#.0e", "%20.10g", "%-+12a|", "%015a", "%08.2f", "%+g"]

NICE = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 0.5, 1.5, 2.5, 3.5, 0.25, 0.125, 0.375, 1 / 3, 2 / 3, 3.141592653589793,
        2.718281828459045, 1e-5, 1e-4, 0.001, 123456789.0, 1e15, 1e16, 1e17, 1e21, 1e22, 1e23, 1e100, 1e300, 1e-300,
        1.7976931348623157e308, 2.2250738585072014e-308, 5e-324, 1e-310, 9.995, 99.999, 0.05, 5e-5, 999999.5,
        999999.4999, 0.0005, 0.00015, 1.05, 2.675, 1234.5, 1235.5, 100.0, 1e6, 1e7, 65536.0, -273.15, 6.02214076e23]


def bits(value: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", value))[0]


def values() -> list:
    rng = random.Random(18)
    patterns = [bits(v) for v in NICE] + [0x7FF0000000000000, 0xFFF0000000000000, 0x7FF8000000000000, 0xFFF8000000000001]
    while len(patterns) < len(NICE) + 4 + 60:
        b = rng.getrandbits(64)
        if (b >> 52) & 0x7FF != 0x7FF:
            patterns.append(b)
    patterns += [bits(rng.uniform(-1000, 1000)) for _ in range(30)] + [bits(rng.randint(0, 10**6) / 1000) for _ in range(30)]
    return patterns


def main() -> int:
    tool, workdir = sys.argv[1:3]
    os.makedirs(workdir, exist_ok=True)
    table = [(f, b) for f in FORMATS for b in values()]
    source = os.path.join(workdir, "doubles.c")
    with open(source, "w") as out:
        out.write("#include <stdio.h>\n#include <string.h>\n#include <stdint.h>\n")
        out.write("static void show(const char *f, uint64_t b) { double d; memcpy(&d, &b, 8); putchar('['); printf(f, d); puts(\"]\"); }\n")
        out.write("int main(void) {\n")
        for f, b in table:
            out.write(f'    show("{f}", 0x{b:016x}ULL);\n')
        out.write("    return 0;\n}\n")
    binary = os.path.join(workdir, "doubles")
    built = subprocess.run(["gcc", "-O0", "-w", "-o", binary, source], capture_output=True, text=True)
    if built.returncode != 0:
        print("gcc cannot build the table:\n" + built.stderr)
        return 1
    expected = subprocess.run([binary], capture_output=True, check=True).stdout.decode().splitlines()
    request = "".join(f"{f}\t{b:016x}\n" for f, b in table)
    got = subprocess.run([tool], input=request.encode(), capture_output=True, check=True).stdout.decode().splitlines()
    differences = [(f, b, e, g) for (f, b), e, g in zip(table, expected, got) if e != g]
    if len(got) != len(expected):
        differences.append(("lines", 0, str(len(expected)), str(len(got))))
    for f, b, e, g in differences[:20]:
        print(f"{f} of 0x{b:016x}: glibc {e}, memsim {g}")
    print(f"{len(table)} conversions, {len(differences)} differ")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
