#pragma once
// The six OSTEP virtual-memory homework simulators (Arpaci-Dusseau, "Operating Systems:
// Three Easy Pieces", github.com/remzi-arpacidusseau/ostep-homework), reproduced so that
// `memsim ostep SCRIPT ARGS` prints exactly what `python3 SCRIPT ARGS` prints: the same
// flags and errors (optparse), the same problem for a seed (CPython's random), the same
// answers with -c and the same exit code.
//
//   relocation.py                  base and bounds: virtual to physical, or a violation
//   segmentation.py                two segments growing in opposite directions
//   paging-linear-translate.py     a linear page table, valid bit and PFN
//   paging-multilevel-translate.py a two-level page table walk in a 4 KB memory dump
//   paging-policy.py               FIFO, LRU, MRU, OPT, UNOPT, RAND and the script's CLOCK
//   malloc.py                      a free list: BEST, WORST, FIRST, list orders, coalescing
//
// Where the Python script would stop with a traceback, the run prints what the script
// printed up to there, then one line on stderr naming the Python error, and exits 1.
// Where it would loop for ever (a base that cannot fit), the run stops with exit 1 too.
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memsim::ostep {

// Where a script's text goes: the CLI streams it, the app collects it.
class Output {
public:
    virtual ~Output() = default;
    virtual void out(std::string_view text) = 0;
    virtual void err(std::string_view text) = 0;
};

// Collects both streams in strings.
class StringOutput : public Output {
public:
    void out(std::string_view text) override { out_text.append(text); }
    void err(std::string_view text) override { err_text.append(text); }
    std::string out_text;
    std::string err_text;
};

// Reads a file a script names (paging-policy.py -f); nothing when it cannot be read.
using FileReader = std::function<std::optional<std::string>(const std::string& path)>;

// The scripts' file names, in the order of the OSTEP chapters.
std::vector<std::string> script_names();

// The script a name means: "relocation" or "relocation.py" gives "relocation.py".
std::optional<std::string> find_script(std::string_view name);

// Runs a script (a name from script_names()) with its arguments; returns the exit code.
int run_script(std::string_view script, const std::vector<std::string>& args, Output& io,
               const FileReader& read_file);

}  // namespace memsim::ostep
