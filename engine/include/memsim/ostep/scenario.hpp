#pragma once
// An OSTEP homework problem as a memsim scenario (.msim): the app then draws it, steps
// through it and asks the script's questions as quiz questions, answers hidden until
// asked (the homework's -c).
//
//   paging-policy.py  -> a reference string (kind = "references") for FIFO, LRU, OPT or
//                        MRU with -C frames; per access "hit or miss?" and, once the
//                        cache is full, "which page is replaced?". The answers are the
//                        script's own (OstepCache); `memsim check` proves the engine agrees.
//                        An OPT victim that is never used again is not asked: the script
//                        and the engine may pick different such pages.
//   relocation.py, segmentation.py, paging-linear-translate.py,
//   paging-multilevel-translate.py
//                     -> the script's problem itself (kind = "ostep", see problem.hpp):
//                        the registers, page table or memory dump as the script prints
//                        them, and per address "which physical address?" (or "fault").
//   malloc.py         -> the script's problem as well (kind = "ostep"): the heap and its
//                        free list after each malloc or free, drawn in the Heap panel, and
//                        per malloc "which address does it return?" (kind = "returned").
//   paging-policy.py with RAND, CLOCK or UNOPT (no memsim policy replaces the same pages)
//                     -> the script's own cache as the problem (kind = "ostep"), with the
//                        same hit-or-miss and victim questions. The app reads no files,
//                        so the references of -f are written into the command as -a.
//
//   auto text = ostep_scenario("paging-policy.py", {"-s", "3", "-p", "LRU"}, nullptr);
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/ostep/ostep.hpp"

namespace memsim::ostep {

// The scenario of `script args` (script as find_script() names it).
Result<std::string> ostep_scenario(std::string_view script, const std::vector<std::string>& args,
                                   const FileReader& read_file);

// The scenario of a typed command line, "paging-policy.py -s 3 -p LRU" (the app's
// File > OSTEP homework and ?ostep=); files cannot be read there, so -f is refused.
Result<std::string> ostep_scenario_from_line(std::string_view line);

// Splits a typed command line ("paging-policy.py -s 3 -c") into words at spaces; quotes
// are not interpreted (no script flag needs a space).
std::vector<std::string> split_command_line(std::string_view line);

}  // namespace memsim::ostep
