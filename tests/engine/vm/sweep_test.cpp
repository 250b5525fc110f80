#include <catch2/catch.hpp>

#include "memsim/core/prng.hpp"
#include "memsim/vm/pager.hpp"
#include "memsim/vm/replacement/opt.hpp"
#include "memsim/vm/sweep.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("The Belady sweep flags FIFO's anomaly on Belady's string", "[vm][sweep]") {
    const auto trace = densify(*parse_reference_string(belady));
    const auto sweep = belady_sweep({.kind = PolicyKind::Fifo}, trace, 1, 6);
    REQUIRE(sweep);
    // Published: 12, 12, 9, 10, 5, 5 faults for 1..6 frames.
    CHECK(sweep->points == std::vector<SweepPoint>{{1, 12}, {2, 12}, {3, 9}, {4, 10}, {5, 5}, {6, 5}});
    CHECK(sweep->anomalies == std::vector<std::uint32_t>{4});
}

TEST_CASE("Stack algorithms never show the anomaly", "[vm][sweep]") {
    const auto trace = densify(*parse_reference_string(belady + "," + silberschatz));
    for (auto kind : {PolicyKind::Lru, PolicyKind::Opt}) {
        const auto sweep = belady_sweep({.kind = kind}, trace, 1, 10);
        REQUIRE(sweep);
        CHECK(sweep->anomalies.empty());
    }
}

TEST_CASE("A sweep range must be ordered and start at 1 or more", "[vm][sweep]") {
    const auto trace = densify(*parse_reference_string("1,2"));
    CHECK_FALSE(belady_sweep({}, trace, 0, 3));
    CHECK_FALSE(belady_sweep({}, trace, 4, 3));
}

namespace {

// Faults of a fresh Pager with `frames` frames, the per-size simulation the curves replace.
std::uint64_t simulated_faults(PolicyKind kind, const DenseTrace& trace, std::uint32_t frames) {
    auto pager = Pager::create({.frames = frames, .policy = {.kind = kind}}, static_cast<std::uint32_t>(trace.pages.size()));
    REQUIRE(pager);
    const auto next = kind == PolicyKind::Opt ? next_use_times(trace.ids, static_cast<std::uint32_t>(trace.pages.size()))
                                              : std::vector<std::uint64_t>{};
    pager->run(trace.ids, trace.writes, next);
    return pager->counters().faults;
}


}  // namespace

TEST_CASE("The one-pass LRU and OPT curves equal a simulation of every frame count", "[vm][sweep][property]") {
    memsim::Prng rng{2026};
    for (int round = 0; round < 60; ++round) {
        const std::uint64_t pages = 1 + rng.below(round < 30 ? 12 : 200);
        const auto trace = densify(random_local_trace(rng, static_cast<std::size_t>(1 + rng.below(round < 30 ? 40 : 3000)), pages, true));
        const auto max_frames = static_cast<std::uint32_t>(pages + 2);
        const auto lru = lru_fault_curve(trace, max_frames);
        const auto opt = opt_fault_curve(trace, max_frames);
        REQUIRE(lru.size() == max_frames);
        REQUIRE(opt.size() == max_frames);
        for (std::uint32_t k = 1; k <= max_frames; ++k) {
            INFO("round " << round << ", " << k << " frames of " << max_frames);
            CHECK(lru[k - 1] == simulated_faults(PolicyKind::Lru, trace, k));
            CHECK(opt[k - 1] == simulated_faults(PolicyKind::Opt, trace, k));
        }
    }
}

TEST_CASE("The curves on the textbook string match the published fault counts", "[vm][sweep]") {
    const auto trace = densify(*parse_reference_string(silberschatz));
    // Silberschatz: 3 frames -> LRU 12 faults, OPT 9 faults; with 1 frame every reference
    // faults (the string never repeats a page twice in a row).
    const auto lru = lru_fault_curve(trace, 3), opt = opt_fault_curve(trace, 3);
    CHECK(lru[0] == 20);
    CHECK(lru[2] == 12);
    CHECK(opt[0] == 20);
    CHECK(opt[2] == 9);
}

TEST_CASE("An LRU sweep of a million frame counts is one pass; FIFO's cost is refused", "[vm][sweep]") {
    memsim::Prng rng{7};
    const auto trace = densify(random_local_trace(rng, 20000, 5000, true));
    const auto lru = belady_sweep({.kind = PolicyKind::Lru}, trace, 1, 1u << 20);
    REQUIRE(lru);
    CHECK(lru->points.size() == (1u << 20));
    CHECK(lru->points.back().faults == simulated_faults(PolicyKind::Lru, trace, 1u << 20));
    CHECK(lru->anomalies.empty());
    const auto fifo = belady_sweep({.kind = PolicyKind::Fifo}, trace, 1, 1u << 20);
    REQUIRE_FALSE(fifo);
    CHECK(fifo.error().message.find("narrower range") != std::string::npos);
}
