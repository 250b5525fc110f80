#pragma once
// The Belady sweep: the same trace and policy run with every frame count in a range.
// Faults normally fall as frames grow; a frame count where they rise instead is an
// instance of Belady's anomaly (possible for FIFO, impossible for stack algorithms such
// as LRU and OPT, whose resident set with k frames is always inside the set with k+1).
//
//   Belady's string 1,2,3,4,1,2,5,1,2,3,4,5 under FIFO: 3 frames -> 9 faults,
//   4 frames -> 10 faults: anomaly at 4.
//
// LRU and OPT are swept in one pass over the trace whatever the range (Mattson's stack
// algorithm): every reference gets its stack distance d, the smallest frame count at
// which it hits, and faults(k) = the references with d > k. LRU's stack is ordered by
// last use, and d is the number of distinct pages since the page's previous reference
// (a Fenwick tree over time counts them, O(log n) per reference). OPT's stack is ordered
// by next use; a reference moves its page to the top and the pages above its old place
// bubble down, the sooner-needed page of each pair staying higher (O(d) per reference).
//
//   LRU, refs 1 2 3 1:   distances inf inf inf 3  ->  faults(1..3) = 4 4 3
//
// Other policies are not stack algorithms: each frame count asked for is simulated.
#include <cstdint>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/vm/replacement/policy.hpp"
#include "memsim/vm/trace.hpp"

namespace memsim::vm {

// Faults with one frame count.
struct SweepPoint {
    std::uint32_t frames = 0;
    std::uint64_t faults = 0;
    bool operator==(const SweepPoint&) const = default;
};

// Every point of the range and the frame counts whose faults exceed the previous count's.
struct SweepResult {
    std::vector<SweepPoint> points;
    std::vector<std::uint32_t> anomalies;
};

// The most references x frame counts a sweep of a non-stack policy simulates.
inline constexpr std::uint64_t max_sweep_simulated_references = std::uint64_t{1} << 32;

// Runs frames = min..max (1 <= min <= max): LRU and OPT in one pass, the other
// policies once per frame count (refused past max_sweep_simulated_references).
Result<SweepResult> belady_sweep(const PolicyConfig& policy, const DenseTrace& trace, std::uint32_t min_frames,
                                 std::uint32_t max_frames);

// Faults for every frame count 1..max_frames, index k-1 for k frames, in one pass:
// LRU's and OPT's stack distances.
std::vector<std::uint64_t> lru_fault_curve(const DenseTrace& trace, std::uint32_t max_frames);
std::vector<std::uint64_t> opt_fault_curve(const DenseTrace& trace, std::uint32_t max_frames);

}  // namespace memsim::vm
