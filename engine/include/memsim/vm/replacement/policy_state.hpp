#pragma once
// What a policy knows about the frames, in one shape for every policy, so a view can
// draw it next to the frames (the clock hand, the LRU stack, the counters):
//
//   clock   hand = 2                       lru    order = [1, 0, 2] (most recent first)
//   aging   values = [128, 64, 192]        opt    values = next use of each frame's page
//
// Only the fields that mean something for the policy are filled.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "memsim/vm/replacement/any_policy.hpp"

namespace memsim::vm {

struct PolicyState {
    std::optional<std::uint32_t> hand{};  // fifo (oldest frame), clock, nru, wsclock; mru: last used frame
    std::vector<std::uint32_t> order{};   // lru: frames most to least recent; second-chance: queue, oldest first
    std::vector<std::uint64_t> values{};  // one per frame, named by values_name
    std::string_view values_name{};       // "next_use" (opt; never = 2^64-1), "count" (lfu, mfu),
                                        // "counter" (nfu, aging), "last_use" (wsclock), or empty
};

// The state of a policy managing `frames` frames.
PolicyState policy_state(const AnyPolicy& policy, std::uint32_t frames);

}  // namespace memsim::vm
