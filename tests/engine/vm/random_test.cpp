#include <catch2/catch.hpp>

#include "memsim/core/prng.hpp"
#include "memsim/vm/replacement/random.hpp"
#include "vm_test_util.hpp"

using namespace memsim::vm;
using namespace memsim::vm::test;

TEST_CASE("Random evicts the frame the seeded PRNG names", "[vm][random]") {
    // Frames fill 1,2,3 in frames 0,1,2; each later fault evicts frame Prng(seed).below(3).
    const auto run = replay(PolicyConfig{.kind = PolicyKind::Random, .seed = 9}, 3, "1,2,3,4,5,6,7");
    memsim::Prng rng{9};
    std::vector<std::uint64_t> frames{1, 2, 3};
    std::vector<std::uint64_t> expected;
    for (std::uint64_t page = 4; page <= 7; ++page) {
        const auto f = static_cast<std::size_t>(rng.below(3));
        expected.push_back(frames[f]);
        frames[f] = page;
    }
    CHECK(victims(run) == expected);
    CHECK(final_frames(run) == frames);
}

TEST_CASE("Random is repeatable for a seed", "[vm][random]") {
    const PolicyConfig config{.kind = PolicyKind::Random, .seed = 3};
    CHECK(victims(replay(config, 4, silberschatz)) == victims(replay(config, 4, silberschatz)));
}
