#include <catch2/catch.hpp>

#include "memsim/vm/swap.hpp"

using namespace memsim::vm;

TEST_CASE("Swap hands out the lowest free slot", "[vm][swap]") {
    SwapSpace swap;
    CHECK(swap.allocate() == 0);
    CHECK(swap.allocate() == 1);
    CHECK(swap.allocate() == 2);
    swap.release(1);
    CHECK_FALSE(swap.in_use(1));
    CHECK(swap.allocate() == 1);
    CHECK(swap.used() == 3);
}
