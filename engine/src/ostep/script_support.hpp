#pragma once
// What the six script ports share: Python's int() and the scripts' convert() for sizes,
// %-formatting of integers as Python does it, and the one way a port stops where the
// script would raise (exit 1 with the Python error named).
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/ostep/ostep.hpp"
#include "memsim/ostep/optparse.hpp"
#include "memsim/ostep/problem.hpp"
#include "memsim/ostep/python_random.hpp"

namespace memsim::ostep {

// The scripts' integers as printf's %lld wants them (std::int64_t is long on LP64).
inline long long ll(std::int64_t v) { return static_cast<long long>(v); }

// A script's run: its output and its name for messages.
struct ScriptIo {
    Output& io;
    std::string_view script;
    OstepProblem* problem = nullptr;  // filled as well when the scenario form asks (-c is then on)

    void print(std::string_view line) { io.out(line); io.out("\n"); }
    void write(std::string_view text) { io.out(text); }
    // Reports where the Python script would raise `python_error`; returns exit code 1.
    int crash(std::string_view python_error);
    // Reports an endless loop of the script; returns exit code 1.
    int endless(std::string_view what);
    // Records a translation for the problem; false (after reporting) when the problem is full.
    bool add(Translation t);
    // Records a malloc.py op for the problem; false (after reporting) when the problem is full.
    bool add(HeapOp op);
    // Records a paging-policy.py reference for the problem; false (after reporting) when full.
    bool add(CacheAccess access);
    // Reports a problem too large to draw; returns exit code 1.
    int too_large(std::string_view what);
};

// int(text) of a str, base 10, as a 64-bit value (larger values are an error).
Result<std::int64_t> py_int(std::string_view text);
// A parsed optparse int as a 64-bit value.
Result<std::int64_t> py_small(const PyInt& value);
// The scripts' convert(size): "16", "4k", "32m", "1g" (either case) in bytes.
Result<std::int64_t> py_convert(std::string_view size);

// printf-style formatting of numbers (the scripts' %d, %4d, %.2f agree with C's).
std::string cformat(const char* pattern, ...) __attribute__((format(printf, 1, 2)));
// Python's '%0Nx' / '%Nx' of a signed value: a '-' then the digits of |v|.
std::string py_hex(std::int64_t value, int width, bool zero_pad);
// Python's str(list of ints): "[1, 2, 3]".
std::string py_list(const std::vector<std::int64_t>& values);
// Python's str.split(',').
std::vector<std::string> split_commas(std::string_view text);

// How many times a port draws a random number looking for a place before it reports that
// the script would take too long (the scripts loop until a draw fits).
inline constexpr std::int64_t max_placement_draws = 10'000'000;

// One script port: its file name, its add_option() calls and its main program.
struct ScriptDef {
    std::string_view name;
    std::span<const OptionSpec> options;
    int (*run)(ScriptIo& io, const OptionValues& options, const FileReader& read_file);
};

// The ports, one per file.
extern const ScriptDef relocation_script;
extern const ScriptDef segmentation_script;
extern const ScriptDef paging_linear_script;
extern const ScriptDef paging_multilevel_script;
extern const ScriptDef paging_policy_script;
extern const ScriptDef malloc_script;

}  // namespace memsim::ostep
