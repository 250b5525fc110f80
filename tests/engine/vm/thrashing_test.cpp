#include <catch2/catch.hpp>

#include <algorithm>

#include "memsim/vm/thrashing.hpp"

using namespace memsim::vm;

TEST_CASE("CPU utilisation rises with multiprogramming, then collapses when working sets overflow memory",
          "[vm][thrashing]") {
    // 8 processes of 16 pages on 64 frames: up to 4 fit.
    const auto points = thrashing_curve({.references = 100000});
    REQUIRE(points);
    REQUIRE(points->size() == 8);
    const auto& p = *points;
    CHECK(p[1].cpu_utilization > p[0].cpu_utilization);   // rise: a second process hides disk waits
    const auto peak = std::max_element(p.begin(), p.end(), [](const ThrashPoint& a, const ThrashPoint& b) {
        return a.cpu_utilization < b.cpu_utilization;
    });
    CHECK(peak->working_set_total <= 64);                 // the peak is where everything still fits
    CHECK(p[7].cpu_utilization < peak->cpu_utilization / 3);  // collapse
    CHECK(p[7].fault_rate > 5 * p[1].fault_rate);
}

TEST_CASE("Load control suspends processes whose working sets do not fit", "[vm][thrashing]") {
    const auto points = thrashing_curve({.references = 50000, .load_control = true});
    REQUIRE(points);
    for (const auto& p : *points) {
        CHECK(p.working_set_total <= 64);
        CHECK(p.active == std::min<std::uint32_t>(p.degree, 4));
    }
    CHECK((*points)[7].cpu_utilization == (*points)[3].cpu_utilization);
}

TEST_CASE("The experiment is deterministic and rejects empty or bad setups", "[vm][thrashing]") {
    const ThrashConfig small{.working_sets = {5, 9}, .frames = 10, .references = 5000};
    CHECK(*thrashing_curve(small) == *thrashing_curve(small));
    CHECK_FALSE(thrashing_curve({.working_sets = {}}));
    CHECK_FALSE(thrashing_curve({.working_sets = {0}}));
    CHECK_FALSE(thrashing_curve({.frames = 0}));
    CHECK_FALSE(thrashing_curve({.policy = {.kind = PolicyKind::Opt}}));
}
