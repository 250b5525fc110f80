#pragma once
// The thrashing experiment: why adding processes first raises and then destroys CPU
// utilisation.
//
// N processes, each living in a locality (working set) of ws[i] pages, share F frames
// under one global replacement policy and run round-robin, `quantum` references per turn.
// Time is counted in references: a hit costs 1 unit of CPU; a page fault blocks the
// process while the disk (one request at a time, in order) serves it for `fault_service`
// units, and the CPU runs another ready process or idles. Each process also touches a
// page outside its locality once every `cold_every` references (new data: a fault
// even with plenty of memory), which is what leaves the CPU idle with one process.
//
//   CPU utilisation = time the CPU ran references / total time
//
//   util |      ___
//        |    /    \            degree of multiprogramming d = 1..N: the first d
//        |  /        \          processes run. Rising: more processes hide each other's
//        |/            \___     disk waits. Falling: once the working sets add up to more
//        +----------------- d   than F, pages steal each other's frames (thrashing).
//
// Load control (optional): before running, processes beyond the largest prefix whose
// working sets fit in F are suspended (swapped out), so utilisation stays near the peak.
#include <cstdint>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/vm/replacement/policy.hpp"

namespace memsim::vm {

// The experiment's parameters.
struct ThrashConfig {
    std::vector<std::uint32_t> working_sets{16, 16, 16, 16, 16, 16, 16, 16};  // pages per process
    std::uint32_t frames = 64;           // F
    std::uint64_t references = 200000;   // references run for each degree
    std::uint64_t quantum = 100;         // references per turn
    std::uint64_t fault_service = 1000;  // time to serve one fault, in references
    std::uint64_t cold_every = 2000;     // one reference in this many leaves the locality
    PolicyConfig policy{.kind = PolicyKind::Lru};
    bool load_control = false;
    std::uint64_t seed = 1;
};

// The outcome for one degree of multiprogramming.
struct ThrashPoint {
    std::uint32_t degree = 0;            // processes admitted
    std::uint32_t active = 0;            // processes running (fewer under load control)
    std::uint64_t working_set_total = 0; // sum of the active processes' working sets
    double cpu_utilization = 0;          // 0..1
    std::uint64_t faults = 0;
    double fault_rate = 0;               // faults per reference
    bool operator==(const ThrashPoint&) const = default;
};

// Runs degrees 1..N; errors for empty or zero working sets, zero frames, zero quantum.
Result<std::vector<ThrashPoint>> thrashing_curve(const ThrashConfig& config);

}  // namespace memsim::vm
