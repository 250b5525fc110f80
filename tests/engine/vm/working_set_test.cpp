#include <catch2/catch.hpp>

#include "memsim/vm/working_set.hpp"

using namespace memsim::vm;

TEST_CASE("Working-set sizes follow the textbook window", "[vm][working-set]") {
    // delta = 4. refs 1 2 1 3 4 4 4 4:
    //   t=0 {1}  t=1 {1,2}  t=2 {1,2}  t=3 {1,2,3}  t=4 refs 2,1,3,4 -> 4
    //   t=5 1,3,4,4 -> 3   t=6 3,4,4,4 -> 2   t=7 4,4,4,4 -> 1
    const std::vector<std::uint32_t> refs{1, 2, 1, 3, 4, 4, 4, 4};
    CHECK(working_set_sizes(refs, 4, 5) == std::vector<std::uint32_t>{1, 2, 2, 3, 4, 3, 2, 1});
    CHECK(working_set_at(refs, 5, 4) == std::vector<std::uint32_t>{1, 3, 4});
    CHECK(working_set_at(refs, 1, 4) == std::vector<std::uint32_t>{1, 2});
}

TEST_CASE("Silberschatz's working-set example gives W = {1,2,5,6,7} then {3,4}", "[vm][working-set]") {
    // Silberschatz Fig. 9.20 (delta = 10): ... 2 6 1 5 7 7 7 7 5 1 | 6 2 3 4 1 2 3 4 4 4 3 4 3 4 4 4 ...
    const std::vector<std::uint32_t> refs{2, 6, 1, 5, 7, 7, 7, 7, 5, 1, 6, 2, 3, 4, 1, 2, 3, 4, 4, 4, 3, 4, 3, 4, 4, 4};
    CHECK(working_set_at(refs, 9, 10) == std::vector<std::uint32_t>{1, 2, 5, 6, 7});
    CHECK(working_set_at(refs, 25, 10) == std::vector<std::uint32_t>{3, 4});
    CHECK(working_set_sizes(refs, 10, 8)[25] == 2);
}

TEST_CASE("Page-fault frequency is the fault share of the recent window", "[vm][working-set][pff]") {
    const std::vector<std::uint8_t> faults{1, 1, 0, 0, 1, 0};
    const auto pff = fault_frequency(faults, 4);
    // t=0: 1/1, t=1: 2/2, t=2: 2/3, t=3: 2/4, t=4: (1,0,0,1) 2/4, t=5: (0,0,1,0) 1/4
    CHECK(pff == std::vector<double>{1.0, 1.0, 2.0 / 3.0, 0.5, 0.5, 0.25});
}
