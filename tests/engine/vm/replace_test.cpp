#include <catch2/catch.hpp>

#include "memsim/vm/replace.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("A streamed run hands over the same steps a recorded run keeps", "[vm][replace]") {
    const auto trace = densify(*parse_reference_string("7,0w,1,2,0,3w,0,4,2,3,0,3,2,1,2,0,1,7,0,1"));
    for (const auto kind : {PolicyKind::Fifo, PolicyKind::Lru, PolicyKind::Opt, PolicyKind::Clock, PolicyKind::Aging}) {
        const PagerConfig config{.frames = 3, .policy = {.kind = kind}};
        const auto recorded = run_replacement(config, trace, true);
        REQUIRE(recorded);
        std::vector<ReplaceStep> streamed;
        const auto totals = run_replacement(config, trace, [&](std::uint64_t i, const ReplaceStep& s) {
            CHECK(i == streamed.size());
            streamed.push_back(s);
        });
        REQUIRE(totals);
        CHECK(totals->steps.empty());
        CHECK(totals->faults == recorded->faults);
        REQUIRE(streamed.size() == recorded->steps.size());
        for (std::size_t i = 0; i < streamed.size(); ++i) {
            CHECK(streamed[i].frames == recorded->steps[i].frames);
            CHECK(streamed[i].victim == recorded->steps[i].victim);
            CHECK(streamed[i].policy.values == recorded->steps[i].policy.values);
        }
    }
}

TEST_CASE("With more frames than the listing limit a step lists the frames in use and counts the free ones",
          "[vm][replace]") {
    const auto trace = densify(*parse_reference_string("5,6,5,7"));
    const auto few = run_replacement({.frames = 4}, trace, true);
    REQUIRE(few);
    CHECK(few->steps[1].frames.size() == 4);  // two in use, two free shown as nullopt
    CHECK(few->steps[1].unlisted_free_frames == 0);
    const auto many = run_replacement({.frames = 1u << 20, .policy = {.kind = PolicyKind::Opt}}, trace, true);
    REQUIRE(many);
    CHECK(many->faults == 3);
    const auto& last = many->steps.back();
    CHECK(last.frames == std::vector<std::optional<std::uint64_t>>{5, 6, 7});
    CHECK(last.unlisted_free_frames == (1u << 20) - 3);
    CHECK(last.policy.values.size() == 3);
}
