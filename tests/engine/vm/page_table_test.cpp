#include <catch2/catch.hpp>

#include "memsim/vm/page_table.hpp"

using namespace memsim::vm;

TEST_CASE("A radix table creates tables on demand and walks level by level", "[vm][page-table]") {
    const auto layout = *layout_preset("x86-32");
    RadixPageTable table(layout);
    CHECK(table.tables() == 1);
    const auto parts = *split_address(layout, 0x00403004);  // dir 1, table 3
    CHECK(table.find(parts) == no_entry);
    const auto leaf = table.ensure(parts);
    CHECK(table.tables() == 2);
    // Root occupies entries 0..1023, the new table 1024..2047: leaf = 1024 + 3.
    CHECK(leaf == 1027);
    table.entry(leaf) = Pte{.pfn = 9, .present = true, .where = Backing::Zero};
    const auto walk = table.walk(parts);
    REQUIRE(walk.count == 2);
    CHECK(walk.memory_accesses == 2);
    CHECK(walk.steps[0].index == 1);
    CHECK(walk.steps[0].entry_address == 1 * 4);     // root entry 1, 4-byte PTEs
    CHECK(walk.steps[0].entry.pfn == 1);             // points at table 1
    CHECK(walk.steps[1].index == 3);
    CHECK(walk.steps[1].entry_address == 1027 * 4);
    CHECK(walk.steps[1].entry.pfn == 9);
    CHECK(walk.leaf == 1027);
}

TEST_CASE("A walk stops at an absent directory entry", "[vm][page-table]") {
    const auto layout = *layout_preset("x86-64");
    RadixPageTable table(layout);
    const auto walk = table.walk(*split_address(layout, 0x1000));
    CHECK(walk.count == 1);
    CHECK(walk.leaf == no_entry);
}

TEST_CASE("for_each_leaf lists mapped pages in VPN order", "[vm][page-table]") {
    const auto layout = *layout_preset("teaching");
    RadixPageTable table(layout);
    for (std::uint64_t vaddr : {0x7fe0u, 0x0020u, 0x0400u}) {
        table.entry(table.ensure(*split_address(layout, vaddr))).where = Backing::Zero;
    }
    std::vector<std::uint64_t> vpns;
    table.for_each_leaf([&](std::uint64_t vpn, std::uint32_t) { vpns.push_back(vpn); });
    CHECK(vpns == std::vector<std::uint64_t>{0x1, 0x20, 0x3ff});
}

TEST_CASE("An inverted table finds resident pages through hash chains", "[vm][page-table][inverted]") {
    InvertedPageTable table(8, 8);
    table.insert(3, 1, 0x42);
    table.insert(5, 2, 0x42);
    const auto found = table.lookup(2, 0x42);
    CHECK(found.leaf == 5);
    CHECK(found.memory_accesses >= 1);
    CHECK(table.lookup(1, 0x42).leaf == 3);
    CHECK(table.lookup(1, 0x43).leaf == no_entry);
    table.remove(3);
    CHECK(table.lookup(1, 0x42).leaf == no_entry);
    CHECK(table.lookup(2, 0x42).leaf == 5);
}
