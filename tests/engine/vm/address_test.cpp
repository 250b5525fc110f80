#include <catch2/catch.hpp>

#include "memsim/vm/address.hpp"

using namespace memsim::vm;

TEST_CASE("x86-32 splits an address 10/10/12", "[vm][address]") {
    // 0x00403004 = 0000000001 | 0000000011 | 000000000100
    //              dir = 1      table = 3     offset = 4;  VPN = 0x403
    const auto layout = *layout_preset("x86-32");
    const auto parts = split_address(layout, 0x00403004);
    REQUIRE(parts);
    CHECK(parts->vpn == 0x403);
    CHECK(parts->offset == 4);
    CHECK(parts->levels == 2);
    CHECK(parts->index[0] == 1);
    CHECK(parts->index[1] == 3);
    CHECK(describe_split(layout) == "10/10/12");
}

TEST_CASE("x86-64 splits a 48-bit address into four 9-bit indices", "[vm][address]") {
    // 0x7ffffffff123: top 9 bits 011111111 = 255, then 511, 511, 511; offset 0x123.
    const auto parts = split_address(*layout_preset("x86-64"), 0x7ffffffff123);
    REQUIRE(parts);
    CHECK(parts->index[0] == 255);
    CHECK(parts->index[1] == 511);
    CHECK(parts->index[2] == 511);
    CHECK(parts->index[3] == 511);
    CHECK(parts->offset == 0x123);
}

TEST_CASE("The teaching layout splits 15 bits 5/5/5", "[vm][address]") {
    // 0x1234 = 00100 10001 10100: indices 4 and 17, offset 20 (4*1024 + 17*32 + 20 = 4660).
    const auto parts = split_address(*layout_preset("teaching"), 0x1234);
    REQUIRE(parts);
    CHECK(parts->index[0] == 4);
    CHECK(parts->index[1] == 17);
    CHECK(parts->offset == 20);
    CHECK(physical_address(*layout_preset("teaching"), 3, 20) == 3 * 32 + 20);
}

TEST_CASE("Addresses wider than the layout and bad layouts are errors", "[vm][address]") {
    const auto wide = split_address(*layout_preset("teaching"), 0x8000);
    REQUIRE_FALSE(wide);
    CHECK(wide.error().message == "address 0x8000 is wider than the 15-bit address space");
    CHECK_FALSE(make_layout(32, 3000, {}));
    CHECK_FALSE(make_layout(32, 4096, {10, 9}));
    CHECK(make_layout(32, 4096, {10, 10}));
    CHECK(make_layout(20, 256, {})->level_bits == std::vector<std::uint32_t>{12});
    const auto unknown = layout_preset("x86-23");
    REQUIRE_FALSE(unknown);
    CHECK(unknown.error().message.find("did you mean") != std::string::npos);
}
