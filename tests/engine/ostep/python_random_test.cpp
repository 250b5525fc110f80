#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "memsim/ostep/python_random.hpp"

using namespace memsim::ostep;

namespace {

// Values printed by CPython 3.11 on this machine with:
//
//   python3 -c "
//   import random
//   for s in [0, 1, 42, 4294967295, 4294967296, 18446744073709551621, 10**30, -7]:
//       random.seed(s)
//       r = [repr(random.random()) for _ in range(3)]
//       b = random.getrandbits(40); b2 = random.getrandbits(64); b3 = random.getrandbits(7)
//       rr = random.randrange(0, 1000); ri = random.randint(1, 6); u = repr(random.uniform(2.5, 10.0))
//       c = random.choice('abcdefg'); l = list(range(8)); random.shuffle(l)
//       print(s, r, b, b2, b3, rr, ri, u, c, l)"
//
// The keys are each seed's |value| in 32-bit words, least significant first.
struct Expected {
    std::vector<std::uint32_t> key;
    double random[3];
    std::uint64_t bits40, bits64, bits7;
    std::int64_t randrange_0_1000, randint_1_6;
    double uniform_2_5_10;
    char choice;
    std::vector<int> shuffled;
};

const std::vector<Expected> cpython = {
    {{0}, {0.8444218515250481, 0.7579544029403025, 0.420571580830845}, 1061968961082, 8963783824838420066u, 51, 940, 3, 9.758499961901286, 'c', {6, 7, 0, 5, 2, 1, 4, 3}},
    {{1}, {0.13436424411240122, 0.8474337369372327, 0.763774618976614}, 129944532028, 14037279428536751483u, 57, 483, 6, 5.347114174927958, 'b', {7, 5, 2, 4, 6, 0, 3, 1}},
    {{42}, {0.6394267984578837, 0.025010755222666936, 0.27502931836911926}, 151282538206, 1890702223848595625u, 86, 758, 5, 3.152041244720621, 'd', {3, 5, 2, 4, 1, 6, 7, 0}},
    {{4294967295u}, {0.6353574441341173, 0.20319993954407756, 0.6073666030347188}, 662676240135, 17738468367075643398u, 48, 688, 6, 9.05400018456959, 'c', {7, 4, 2, 1, 0, 6, 3, 5}},
    {{0, 1}, {0.11299430095636409, 0.41782886486292836, 0.0166763664992291}, 964699997961, 14062563923815490048u, 42, 857, 5, 9.960438056950398, 'a', {6, 5, 1, 7, 4, 3, 0, 2}},
    {{5, 0, 1}, {0.5105783769365112, 0.8797586528012199, 0.5149365298491138}, 381200560039, 1228675122955006525u, 40, 593, 6, 8.834071884500501, 'e', {4, 2, 1, 7, 5, 6, 3, 0}},
    {{1073741824u, 1182068202u, 2670501072u, 12u}, {0.9341508484568806, 0.5253068813972436, 0.34916701183971244}, 1049389130899, 15951095052875348297u, 52, 465, 2, 5.6887169064663645, 'c', {2, 6, 7, 5, 3, 4, 1, 0}},
    {{7}, {0.32383276483316237, 0.15084917392450192, 0.6509344730398537}, 902254243635, 1736392818365009963u, 46, 596, 1, 9.322780473573268, 'b', {1, 2, 4, 6, 5, 3, 7, 0}},
};

}  // namespace

TEST_CASE("PythonRandom reproduces CPython's random module for small and large seeds", "[ostep][random]") {
    for (const Expected& e : cpython) {
        CAPTURE(e.key);
        PythonRandom rng{e.key};
        for (double x : e.random) CHECK(rng.random() == x);
        CHECK(rng.getrandbits(40) == e.bits40);
        CHECK(rng.getrandbits(64) == e.bits64);
        CHECK(rng.getrandbits(7) == e.bits7);
        CHECK(rng.randrange(0, 1000) == e.randrange_0_1000);
        CHECK(rng.randint(1, 6) == e.randint_1_6);
        CHECK(rng.uniform(2.5, 10.0) == e.uniform_2_5_10);
        const std::string letters = "abcdefg";
        CHECK(letters[rng.choice_index(letters.size())] == e.choice);
        std::vector<int> items{0, 1, 2, 3, 4, 5, 6, 7};
        rng.shuffle(items);
        CHECK(items == e.shuffled);
    }
}

TEST_CASE("seed_words cuts a seed into CPython's init_by_array key", "[ostep][random]") {
    CHECK(seed_words(0) == std::vector<std::uint32_t>{0});
    CHECK(seed_words(4294967295u) == std::vector<std::uint32_t>{4294967295u});
    CHECK(seed_words(4294967296u) == std::vector<std::uint32_t>{0, 1});
}
