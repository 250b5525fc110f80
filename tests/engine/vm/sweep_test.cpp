#include <catch2/catch.hpp>

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
