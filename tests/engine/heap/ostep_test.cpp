// The OSTEP malloc.py model must print the simulator's answers. The expected texts are
// that simulator's output for the same op lists (-A ... -c), worked by hand below.
#include <catch2/catch.hpp>

#include "memsim/heap/ostep.hpp"

using namespace memsim::heap;

namespace {

std::string transcript(const OstepConfig& config, const char* ops) {
    const auto list = parse_op_list(ops);
    REQUIRE(list);
    const auto steps = run_ostep(config, *list);
    REQUIRE(steps);
    return ostep_transcript(config, *steps);
}

}  // namespace

TEST_CASE("the README example: header 4, align 4, ADDRSORT, BEST, no coalescing", "[heap][ostep]") {
    // Alloc(3): 3 rounds to 4, plus the 4-byte header = 8 bytes from [1000,100): chunk 1000,
    // pointer 1004, list [1008,92]. Free puts [1000,8] back in address order. Alloc(5):
    // 8+4 = 12; BEST walks both entries (searched 2), only [1008,92] fits -> 1008, ptr 1012.
    // Free(ptr[1]) -> [1000,8][1008,12][1020,80]. Alloc(8) needs 12: [1008,12] fits exactly
    // and is removed (searched 3).
    const OstepConfig c{.size = 100, .base = 1000, .header = 4, .align = 4};
    const auto steps = run_ostep(c, *parse_op_list("+3,-0,+5,-1,+8"));
    REQUIRE(steps);
    REQUIRE(steps->size() == 5);
    CHECK((*steps)[0].ptr == 1004);
    CHECK((*steps)[0].searched == 1);
    CHECK((*steps)[0].free_list == std::vector<OstepChunk>{{1008, 92}});
    CHECK((*steps)[1].rc == 0);
    CHECK((*steps)[1].free_list == std::vector<OstepChunk>{{1000, 8}, {1008, 92}});
    CHECK((*steps)[2].ptr == 1012);
    CHECK((*steps)[2].searched == 2);
    CHECK((*steps)[2].free_list == std::vector<OstepChunk>{{1000, 8}, {1020, 80}});
    CHECK((*steps)[3].free_list == std::vector<OstepChunk>{{1000, 8}, {1008, 12}, {1020, 80}});
    CHECK((*steps)[4].ptr == 1012);
    CHECK((*steps)[4].searched == 3);
    CHECK((*steps)[4].free_list == std::vector<OstepChunk>{{1000, 8}, {1020, 80}});
}

TEST_CASE("the README example with coalescing merges every free back into one chunk", "[heap][ostep]") {
    const OstepConfig c{.size = 100, .base = 1000, .header = 4, .align = 4, .coalesce = true};
    CHECK(transcript(c, "+3,-0,+5,-1,+8") ==
          "ptr[0] = Alloc(3) returned 1000 (searched 1 elements)\n"
          "Free List [ Size 1 ]: [ addr:1008 sz:92 ]\n\n"
          "Free(ptr[0])\nreturned 0\n"
          "Free List [ Size 1 ]: [ addr:1000 sz:100 ]\n\n"
          "ptr[1] = Alloc(5) returned 1000 (searched 1 elements)\n"
          "Free List [ Size 1 ]: [ addr:1012 sz:88 ]\n\n"
          "Free(ptr[1])\nreturned 0\n"
          "Free List [ Size 1 ]: [ addr:1000 sz:100 ]\n\n"
          "ptr[2] = Alloc(8) returned 1000 (searched 1 elements)\n"
          "Free List [ Size 1 ]: [ addr:1012 sz:88 ]\n\n");
}

TEST_CASE("the README op list +10,+10,+10,-0,-2 leaves three chunks", "[heap][ostep]") {
    // Three 10-byte chunks at 1000, 1010, 1020; freeing the first and third gives back
    // [1000,10] and [1020,10], which do not touch, so even sorted by address they stay apart.
    const auto steps = run_ostep(OstepConfig{}, *parse_op_list("+10,+10,+10,-0,-2"));
    REQUIRE(steps);
    CHECK(steps->back().free_list == std::vector<OstepChunk>{{1000, 10}, {1020, 10}, {1030, 70}});
}

TEST_CASE("INSERT-FRONT with coalescing merges only neighbours in list order", "[heap][ostep]") {
    // Frees push to the front: [1010,20][1000,10][1060,40] and then [1030,30] in front.
    // 1030+30 != 1010 and 1010+20 != 1000: the coalescing pass follows the list, not memory,
    // so nothing merges. FIRST then takes the front chunk for Alloc(15).
    const OstepConfig c{.policy = OstepPolicy::First, .order = OstepOrder::InsertFront, .coalesce = true};
    const auto steps = run_ostep(c, *parse_op_list("+10,+20,+30,-0,-1,-2,+15"));
    REQUIRE(steps);
    CHECK((*steps)[5].free_list == std::vector<OstepChunk>{{1030, 30}, {1010, 20}, {1000, 10}, {1060, 40}});
    CHECK((*steps)[6].block == 1030);
    CHECK((*steps)[6].searched == 1);
    CHECK((*steps)[6].free_list == std::vector<OstepChunk>{{1045, 15}, {1010, 20}, {1000, 10}, {1060, 40}});
}

TEST_CASE("WORST with SIZESORT- searches the whole list and splits in place", "[heap][ostep]") {
    // List after the frees, largest first: [1060,40][1010,20][1000,10] (10 and 20 touch but
    // are not neighbours in this order). WORST still counts all 3 entries.
    const OstepConfig c{.policy = OstepPolicy::Worst, .order = OstepOrder::SizeSortDescending, .coalesce = true};
    const auto steps = run_ostep(c, *parse_op_list("+10,+20,+30,-1,-0,+5"));
    REQUIRE(steps);
    CHECK((*steps)[5].block == 1060);
    CHECK((*steps)[5].searched == 3);
    CHECK((*steps)[5].free_list == std::vector<OstepChunk>{{1065, 35}, {1010, 20}, {1000, 10}});
}

TEST_CASE("failed allocations, repeated frees and out-of-range frees behave like malloc.py", "[heap][ostep]") {
    // Alloc(200) fails (-1) after searching the one entry; the second Free(ptr[0]) returns -1;
    // -5 is not below the 1 successful allocation, so it is skipped and prints no list.
    const OstepConfig c{.header = 4, .align = 8, .order = OstepOrder::SizeSortAscending};
    CHECK(transcript(c, "+3,+200,-0,-0,-5,+1") ==
          "ptr[0] = Alloc(3) returned 1000 (searched 1 elements)\n"
          "Free List [ Size 1 ]: [ addr:1012 sz:88 ]\n\n"
          "ptr[1] = Alloc(200) returned -1 (searched 1 elements)\n"
          "Free List [ Size 1 ]: [ addr:1012 sz:88 ]\n\n"
          "Free(ptr[0])\nreturned 0\n"
          "Free List [ Size 2 ]: [ addr:1000 sz:12 ][ addr:1012 sz:88 ]\n\n"
          "Free(ptr[0])\nreturned -1\n"
          "Free List [ Size 2 ]: [ addr:1000 sz:12 ][ addr:1012 sz:88 ]\n\n"
          "Invalid Free: Skipping\n"
          "ptr[2] = Alloc(1) returned 1000 (searched 2 elements)\n"
          "Free List [ Size 1 ]: [ addr:1012 sz:88 ]\n\n");
}

TEST_CASE("freeing a failed allocation is reported as the point where malloc.py stops", "[heap][ostep]") {
    // p = {1: 1000} after a failed Alloc(200) and a good Alloc(5): -0 is below len(p) = 1,
    // but p[0] does not exist: the script raises KeyError.
    const auto steps = run_ostep(OstepConfig{}, *parse_op_list("+200,+5,-0"));
    REQUIRE(steps);
    CHECK((*steps)[2].skipped);
    CHECK_THAT((*steps)[2].skip_reason, Catch::Contains("KeyError"));
}

TEST_CASE("bad OSTEP configurations and zero-byte chunks are errors, not crashes", "[heap][ostep]") {
    CHECK_FALSE(run_ostep(OstepConfig{.size = 0}, {}));
    CHECK_FALSE(run_ostep(OstepConfig{.align = 0}, {}));
    CHECK_FALSE(run_ostep(OstepConfig{}, *parse_op_list("+0")));
    CHECK(run_ostep(OstepConfig{.header = 4}, *parse_op_list("+0")));
    CHECK(ostep_policy_by_name("WORST") == OstepPolicy::Worst);
    CHECK(ostep_order_by_name("SIZESORT-") == OstepOrder::SizeSortDescending);
    CHECK_FALSE(ostep_order_by_name("SIZESORT"));
}
