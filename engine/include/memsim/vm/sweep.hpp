#pragma once
// The Belady sweep: the same trace and policy run with every frame count in a range.
// Faults normally fall as frames grow; a frame count where they rise instead is an
// instance of Belady's anomaly (possible for FIFO, impossible for stack algorithms such
// as LRU and OPT, whose resident set with k frames is always inside the set with k+1).
//
//   Belady's string 1,2,3,4,1,2,5,1,2,3,4,5 under FIFO: 3 frames -> 9 faults,
//   4 frames -> 10 faults: anomaly at 4.
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

// Runs frames = min..max (1 <= min <= max) in bulk mode.
Result<SweepResult> belady_sweep(const PolicyConfig& policy, const DenseTrace& trace, std::uint32_t min_frames,
                                 std::uint32_t max_frames);

}  // namespace memsim::vm
