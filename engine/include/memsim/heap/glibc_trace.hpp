#pragma once
// Replays a malloc-lab trace (.rep, with memsim's "c ID SIZE" for calloc) on the glibc
// model and prints what each call returned in the format of the real-glibc replay driver
// (tests/tools/glibc_replay.c), so the two outputs compare line by line:
//
//   "mmap-base 0xR"      first: the mmap base (GlibcConfig::mmap_base) modulo 2 MiB
//   "ID OFFSET USABLE"   malloc / realloc / calloc: hex offset from the initial break, or
//                        "mmap-0xD" for a mapped chunk D bytes below the mmap base, or
//                        "null"; then malloc_usable_size
//   "ID -"               free
//
//   auto run = run_glibc_trace(*parse_rep(text), {.check_every_op = true});
//   run.offsets == output_of_glibc_replay;   run.problems.empty();
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/heap/glibc.hpp"
#include "memsim/heap/trace.hpp"

namespace memsim::heap {

struct GlibcRunOptions {
    GlibcConfig config{};
    bool check_every_op = false;             // run the heap checker after every call
    std::vector<GlibcEvent>* events = nullptr;  // every event, in order (nullptr: none)
    std::vector<std::uint32_t>* event_ops = nullptr;  // the 0-based op of each event
};

struct GlibcRun {
    std::string offsets;                 // the mmap-base line, then one line per op, as above
    std::vector<Violation> problems;     // the first op's inconsistencies found (empty: none)
    std::uint32_t problem_op = 0;        // which op (0-based) they followed
    std::uint64_t errors = 0;            // learner errors (bad frees) reported
};

GlibcRun run_glibc_trace(const Trace& trace, const GlibcRunOptions& options = {});

}  // namespace memsim::heap
