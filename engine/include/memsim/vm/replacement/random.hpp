#pragma once
// Random: evict a frame chosen uniformly at random by memsim's own seeded PRNG, so a
// given seed gives the same victims on every platform.
//
// Rule: victim = prng.below(frames). No ties.
#include <cstdint>

#include "memsim/core/prng.hpp"
#include "memsim/vm/frame_table.hpp"
#include "memsim/vm/replacement/policy.hpp"

namespace memsim::vm {

class RandomPolicy {
public:
    RandomPolicy(std::uint32_t frames, std::uint64_t seed) : frames_(frames), prng_(seed) {}

    void on_load(std::uint32_t, const Moment&) {}
    void on_hit(std::uint32_t, const Moment&) {}
    void after_reference(FrameBits&) {}

    std::uint32_t victim(FrameBits&, const Moment&) {
        return static_cast<std::uint32_t>(prng_.below(frames_));
    }

    bool operator==(const RandomPolicy&) const = default;

private:
    std::uint32_t frames_;
    Prng prng_;
};

}  // namespace memsim::vm
