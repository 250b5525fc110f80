#include <catch2/catch.hpp>

#include "memsim/vm/policy_comparison.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("Comparing policies on Silberschatz's string gives the published fault counts", "[vm][compare]") {
    const auto trace = densify(*parse_reference_string(silberschatz));
    const auto rows = compare_policies({.frames = 3}, trace, {PolicyKind::Fifo, PolicyKind::Lru, PolicyKind::Opt});
    REQUIRE(rows);
    REQUIRE(rows->size() == 3);
    // Silberschatz, Operating System Concepts, 9.4: FIFO 15, LRU 12, OPT 9 faults of 20.
    CHECK((*rows)[0].policy == PolicyKind::Fifo);
    CHECK((*rows)[0].counters.faults == 15);
    CHECK((*rows)[1].counters.faults == 12);
    CHECK((*rows)[2].policy == PolicyKind::Opt);
    CHECK((*rows)[2].counters.faults == 9);
    for (const auto& row : *rows) {
        CHECK(row.counters.references == 20);
        CHECK(row.counters.hits + row.counters.faults == 20);
    }
    CHECK((*rows)[2].hit_rate() == Approx(11.0 / 20.0));
}

TEST_CASE("Each row of a comparison equals a run of that policy alone", "[vm][compare]") {
    const auto trace = densify(*parse_reference_string("1w,2,3,1,4w,5,2w,1,2,3,4,5,1w,6,2"));
    const PagerConfig base{.frames = 3, .policy = {.kind = PolicyKind::Lru, .aging_bits = 4}};
    const auto rows = compare_policies(base, trace, {PolicyKind::Clock, PolicyKind::Aging, PolicyKind::Fifo});
    REQUIRE(rows);
    for (const auto& row : *rows) {
        PagerConfig alone = base;
        alone.policy.kind = row.policy;
        const auto run = run_replacement(alone, trace, false);
        REQUIRE(run);
        CHECK(row.counters.faults == run->faults);
        CHECK(row.counters.writebacks == run->writebacks);
        CHECK(row.counters.hits == run->hits);
    }
}

TEST_CASE("A comparison refuses a configuration the pager refuses", "[vm][compare]") {
    const auto trace = densify(*parse_reference_string("1,2"));
    CHECK_FALSE(compare_policies({.frames = 0}, trace, {PolicyKind::Fifo}));
    const auto none = compare_policies({.frames = 2}, trace, {});
    REQUIRE(none);
    CHECK(none->empty());
}
