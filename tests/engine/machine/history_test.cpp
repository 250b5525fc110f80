#include <catch2/catch.hpp>

#include "memsim/core/prng.hpp"
#include "memsim/machine/history.hpp"

using memsim::Prng;
using memsim::machine::History;

namespace {
// A toy deterministic simulation: a random walk whose state is a value.
struct Walk {
    Prng rng{7};
    std::int64_t position = 0;
    std::uint64_t steps = 0;
    bool operator==(const Walk&) const = default;
};
void advance(Walk& w) {
    w.position += static_cast<std::int64_t>(w.rng.below(3)) - 1;
    ++w.steps;
}
}  // namespace

TEST_CASE("Seeking to any step gives exactly the state first reached there", "[machine][history]") {
    Walk walk;
    History<Walk> history(walk, 16);
    std::vector<Walk> truth{walk};
    for (std::uint64_t step = 1; step <= 200; ++step) {
        advance(walk);
        history.record(walk, step);
        truth.push_back(walk);
    }
    CHECK(history.checkpoint_count() == 200 / 16 + 1);
    for (std::uint64_t step : {0u, 1u, 15u, 16u, 17u, 100u, 199u, 200u}) {
        const Walk seen = history.seek(step, advance);
        CHECK(seen == truth[static_cast<std::size_t>(step)]);
    }
}

TEST_CASE("Recording after a seek back discards the old future", "[machine][history]") {
    Walk walk;
    History<Walk> history(walk, 4);
    for (std::uint64_t step = 1; step <= 20; ++step) {
        advance(walk);
        history.record(walk, step);
    }
    CHECK(history.checkpoint_count() == 6);
    Walk back = history.seek(5, advance);
    // A different future: change the state, then record from step 6 on.
    back.position += 100;
    for (std::uint64_t step = 6; step <= 9; ++step) {
        advance(back);
        history.record(back, step);
    }
    CHECK(history.checkpoint_count() == 3);  // steps 0, 4, 8
    CHECK(history.seek(9, advance) == back);
}
