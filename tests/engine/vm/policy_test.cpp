#include <catch2/catch.hpp>

#include "memsim/vm/replacement/policy.hpp"

using namespace memsim::vm;

TEST_CASE("Every policy has a name that parses back to it", "[vm][policy]") {
    REQUIRE(all_policies().size() == 13);
    for (const auto kind : all_policies()) {
        const auto parsed = parse_policy(policy_name(kind));
        REQUIRE(parsed);
        CHECK(*parsed == kind);
        CHECK_FALSE(policy_victim_rule(kind).empty());
    }
}

TEST_CASE("An unknown policy name suggests the nearest one", "[vm][policy]") {
    const auto bad = parse_policy("secnd-chance");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "unknown policy 'secnd-chance' (did you mean 'second-chance'?)");
}

TEST_CASE("Policy parameters are range-checked", "[vm][policy]") {
    CHECK(validate({.aging_bits = 32}));
    CHECK_FALSE(validate({.aging_bits = 33}));
    CHECK_FALSE(validate({.tick = 0}));
    CHECK_FALSE(validate({.tau = 0}));
}
