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

TEST_CASE("A long run keeps at most max_checkpoints copies and every seek stays exact", "[machine][history]") {
    for (const std::size_t max : {std::size_t{2}, std::size_t{7}, std::size_t{8}}) {
        Walk walk;
        History<Walk> history(walk, 3, max);
        std::vector<Walk> truth{walk};
        for (std::uint64_t step = 1; step <= 1000; ++step) {
            advance(walk);
            history.record(walk, step);
            truth.push_back(walk);
            REQUIRE(history.checkpoint_count() <= max);
        }
        CHECK(history.checkpoint_count() >= max / 2);
        // The interval grew by doublings so that the checkpoints cover the run.
        CHECK(history.interval() * max >= 1000);
        CHECK(history.interval() % 3 == 0);
        for (std::uint64_t step = 0; step <= 1000; step += 37) {
            CHECK(history.seek(step, advance) == truth[static_cast<std::size_t>(step)]);
        }
        CHECK(history.seek(1000, advance) == truth.back());
    }
}

TEST_CASE("A million recorded steps keep 256 checkpoints, and a seek replays at most one interval", "[machine][history]") {
    Walk walk;
    History<Walk> history(walk, 1024, 256);
    for (std::uint64_t step = 1; step <= 1'000'000; ++step) {
        advance(walk);
        history.record(walk, step);
    }
    CHECK(history.checkpoint_count() <= 256);
    CHECK(history.interval() == 4096);  // two doublings: 1M / 4096 = 245 checkpoints
    std::uint64_t replayed = 0;
    const Walk end = history.seek(1'000'000, [&](Walk& w) { advance(w); ++replayed; });
    CHECK(end == walk);
    CHECK(replayed < history.interval());
}

TEST_CASE("A state too costly to keep leaves the earlier checkpoints in place", "[machine][history]") {
    // A runaway recursion: each state costs more than the one before (its stack grows), and
    // from step 1000 on a state costs more than the whole budget.
    Walk walk;
    History<Walk> history(walk, 16, 256, 1000);
    for (std::uint64_t step = 1; step <= 2000; ++step) {
        advance(walk);
        history.record(walk, step, static_cast<std::size_t>(step));
    }
    std::uint64_t replayed = 0;
    const Walk end = history.seek(2000, [&](Walk& w) { advance(w); ++replayed; });
    CHECK(end == walk);
    // The last state that fits (cost 512 with the others thinned away) is kept: the seek
    // replays from there, not from step 0 as when the too-large states cleared the history.
    CHECK(history.checkpoint_count() == 2);
    CHECK(replayed == 2000 - 512);
}
