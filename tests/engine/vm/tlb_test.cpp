#include <catch2/catch.hpp>

#include "memsim/vm/tlb.hpp"

using namespace memsim::vm;

TEST_CASE("A fully associative LRU TLB evicts the least recently used translation", "[vm][tlb]") {
    auto tlb = Tlb::create({.entries = 2});
    REQUIRE(tlb);
    CHECK(tlb->lookup(0, 1) == no_slot);
    tlb->insert(0, 1, 10, true);
    tlb->insert(0, 2, 20, true);
    CHECK(tlb->lookup(0, 1) != no_slot);  // 1 is now more recent than 2
    tlb->insert(0, 3, 30, true);          // evicts 2
    CHECK(tlb->lookup(0, 2) == no_slot);
    const auto slot = tlb->lookup(0, 1);
    REQUIRE(slot != no_slot);
    CHECK(tlb->entry(slot).pfn == 10);
    CHECK(tlb->stats().hits == 2);
    CHECK(tlb->stats().misses == 2);
}

TEST_CASE("A FIFO TLB evicts the oldest insertion even if it was just used", "[vm][tlb]") {
    auto tlb = Tlb::create({.entries = 2, .replacement = TlbReplacement::Fifo});
    tlb->insert(0, 1, 10, true);
    tlb->insert(0, 2, 20, true);
    tlb->lookup(0, 1);
    tlb->insert(0, 3, 30, true);  // evicts 1
    CHECK(tlb->lookup(0, 1) == no_slot);
    CHECK(tlb->lookup(0, 2) != no_slot);
}

TEST_CASE("Set-associative TLBs index sets by the low VPN bits", "[vm][tlb]") {
    // 4 entries, 2 ways: 2 sets. VPNs 0, 2, 4 all map to set 0 and compete; 1 lives in set 1.
    auto tlb = Tlb::create({.entries = 4, .ways = 2});
    REQUIRE(tlb->sets() == 2);
    tlb->insert(0, 0, 1, true);
    tlb->insert(0, 1, 2, true);
    tlb->insert(0, 2, 3, true);
    tlb->insert(0, 4, 4, true);  // set 0 full: evicts vpn 0 (LRU), vpn 1 untouched
    CHECK(tlb->lookup(0, 0) == no_slot);
    CHECK(tlb->lookup(0, 1) != no_slot);
}

TEST_CASE("ASIDs keep processes apart and a flush empties the TLB", "[vm][tlb]") {
    auto tlb = Tlb::create({.entries = 4});
    tlb->insert(1, 5, 50, true);
    CHECK(tlb->lookup(2, 5) == no_slot);
    CHECK(tlb->lookup(1, 5) != no_slot);
    tlb->flush();
    CHECK(tlb->lookup(1, 5) == no_slot);
    CHECK(tlb->stats().flushes == 1);
}

TEST_CASE("Effective access time follows the textbook formula", "[vm][tlb]") {
    // Silberschatz: 80% hits, 100 ns memory, TLB time ignored, one level:
    // 0.80 * 100 + 0.20 * 200 = 120 ns.
    const Latencies l{.tlb = 0, .memory = 100, .disk = 8e6};
    CHECK(effective_access_time(0.8, 1, 0.0, l) == Approx(120.0));
    // 99% hits: 0.99 * 100 + 0.01 * 200 = 101 ns.
    CHECK(effective_access_time(0.99, 1, 0.0, l) == Approx(101.0));
    // A fault rate of 1/1000 with 8 ms service dominates: about 8.1 us.
    CHECK(effective_access_time(1.0, 1, 0.001, l) == Approx(0.999 * 100 + 8000.0));
}

TEST_CASE("A TLB shape that does not divide into power-of-two sets is refused", "[vm][tlb]") {
    CHECK_FALSE(Tlb::create({.entries = 6, .ways = 4}));
    CHECK_FALSE(Tlb::create({.entries = 12, .ways = 4}));
    CHECK(Tlb::create({.entries = 16, .ways = 4}));
}
