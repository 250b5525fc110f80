#include <catch2/catch.hpp>

#include "memsim/core/prng.hpp"
#include "memsim/vm/pager.hpp"
#include "memsim/vm/replacement/opt.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

namespace {

// Page numbers only, as the pager takes them.
std::vector<std::uint32_t> random_pages(memsim::Prng& rng, std::size_t n, std::uint32_t pages) {
    const Trace trace = random_local_trace(rng, n, pages, false);
    return {trace.pages.begin(), trace.pages.end()};
}

}  // namespace

TEST_CASE("Page map, frame table and TLB agree after every step for every policy", "[vm][pager][property]") {
    memsim::Prng rng{2024};
    for (const auto kind : all_policies()) {
        for (const std::uint32_t tlb_entries : {0u, 8u}) {
            const auto pages = random_pages(rng, 3000, 40);
            const auto next = next_use_times(pages, 40);
            PagerConfig config{.frames = static_cast<std::uint32_t>(rng.between(1, 12)),
                               .policy = {.kind = kind, .tick = 3, .tau = 5, .seed = 7},
                               .tlb = {.entries = tlb_entries, .ways = 2}};
            auto pager = Pager::create(config, 40);
            REQUIRE(pager);
            for (std::size_t i = 0; i < pages.size(); ++i) {
                const auto step = pager->access(pages[i], rng.below(4) == 0, next[i]);
                REQUIRE(step.frame < config.frames);
                REQUIRE(pager->frame_of(pages[i]) == step.frame);
                const auto problems = pager->check_invariants();
                INFO(policy_name(kind) << " step " << i << ": " << (problems.empty() ? "" : problems[0]));
                REQUIRE(problems.empty());
            }
        }
    }
}

TEST_CASE("Bulk mode gives the same counters as stepping one reference at a time", "[vm][pager]") {
    memsim::Prng rng{77};
    for (const auto kind : all_policies()) {
        const auto pages = random_pages(rng, 5000, 100);
        std::vector<std::uint8_t> writes;
        for (std::size_t i = 0; i < pages.size(); ++i) writes.push_back(rng.below(3) == 0 ? 1 : 0);
        const auto next = next_use_times(pages, 100);
        const PagerConfig config{.frames = 10, .policy = {.kind = kind, .tick = 4, .tau = 8}};
        auto bulk = Pager::create(config, 100);
        auto stepped = Pager::create(config, 100);
        bulk->run(pages, writes, next);
        for (std::size_t i = 0; i < pages.size(); ++i) stepped->access(pages[i], writes[i] != 0, next[i]);
        INFO(policy_name(kind));
        CHECK(bulk->counters() == stepped->counters());
        CHECK(bulk->frame_pages() == stepped->frame_pages());
    }
}

TEST_CASE("A TLB in front of the page map changes no replacement decision", "[vm][pager][tlb]") {
    memsim::Prng rng{8};
    const auto pages = random_pages(rng, 4000, 64);
    auto plain = Pager::create({.frames = 16, .policy = {.kind = PolicyKind::Clock}}, 64);
    auto cached = Pager::create({.frames = 16, .policy = {.kind = PolicyKind::Clock}, .tlb = {.entries = 16}}, 64);
    plain->run(pages, {}, {});
    cached->run(pages, {}, {});
    CHECK(plain->counters() == cached->counters());
    const auto& stats = cached->tlb()->stats();
    CHECK(stats.hits + stats.misses == pages.size());
    CHECK(stats.hits <= cached->counters().hits);
}

TEST_CASE("A pager is a value: a copy is a checkpoint that replays identically", "[vm][pager]") {
    auto pager = Pager::create({.frames = 4, .policy = {.kind = PolicyKind::Lru}}, 10);
    for (std::uint32_t p : {1u, 2u, 3u, 1u, 5u}) pager->access(p, false);
    Pager checkpoint = *pager;
    const auto a = pager->access(7, true);
    const auto b = checkpoint.access(7, true);
    CHECK(a == b);
    CHECK(pager->counters() == checkpoint.counters());
}

TEST_CASE("Bad pager configurations are errors, not crashes", "[vm][pager]") {
    CHECK_FALSE(Pager::create({.frames = 0}, 10));
    CHECK_FALSE(Pager::create({.frames = 2, .policy = {.kind = PolicyKind::Aging, .aging_bits = 0}}, 10));
    CHECK_FALSE(Pager::create({.frames = 2, .tlb = {.entries = 12, .ways = 4}}, 10));  // 3 sets
}

TEST_CASE("A pager allocates no more frames than the trace has pages", "[vm][pager]") {
    // --frames 1048576 on a short trace: the frames past the page space can never be used.
    auto pager = Pager::create({.frames = 1u << 20, .policy = {.kind = PolicyKind::Aging}}, 3);
    REQUIRE(pager);
    CHECK(pager->frames().size() == 3);
    for (const std::uint32_t page : {0u, 1u, 2u, 1u, 0u}) pager->access(page, false);
    CHECK(pager->counters().faults == 3);
    CHECK(pager->used_frames() == 3);
    CHECK(pager->frame_pages().size() == (1u << 20));  // the view still sees every frame
    CHECK(pager->check_invariants().empty());
}
