#include <catch2/catch.hpp>

#include "platform/options.hpp"

using memsim::platform::parse_app_options;

TEST_CASE("Desktop options parse frames, screenshot and size", "[ui][options]") {
    std::string error;
    const auto options = parse_app_options({"--frames", "5", "--screenshot", "a.png", "--size", "800x600"}, error);
    REQUIRE(options);
    CHECK(options->frames == 5);
    CHECK(options->screenshot_path == "a.png");
    CHECK(options->width == 800);
    CHECK(options->height == 600);
}

TEST_CASE("A screenshot without --frames renders a few frames and then exits", "[ui][options]") {
    std::string error;
    const auto options = parse_app_options({"--screenshot", "a.png"}, error);
    REQUIRE(options);
    CHECK(options->frames > 0);
}

TEST_CASE("Bad desktop options are refused with a message naming the value", "[ui][options]") {
    std::string error;
    CHECK_FALSE(parse_app_options({"--frames", "zero"}, error));
    CHECK(error.find("'zero'") != std::string::npos);
    CHECK_FALSE(parse_app_options({"--size", "10x10"}, error));
    CHECK(error.find("10x10") != std::string::npos);
    CHECK_FALSE(parse_app_options({"--bogus"}, error));
    CHECK(error.find("--bogus") != std::string::npos);
    CHECK_FALSE(parse_app_options({"--frames"}, error));
}

TEST_CASE("Desktop options open a scenario file or a built-in at a step", "[ui][options]") {
    std::string error;
    const auto options = parse_app_options({"--scenario", "a.msim", "--step", "7", "--state", "s.json"}, error);
    REQUIRE(options);
    CHECK(options->scenario_path == "a.msim");
    CHECK(options->step == 7u);
    CHECK(options->state_path == "s.json");
    CHECK(options->frames > 0);
    CHECK(parse_app_options({"--builtin", "belady-fifo"}, error)->builtin == "belady-fifo");
    CHECK_FALSE(parse_app_options({"--step", "-1"}, error));
    CHECK(error.find("'-1'") != std::string::npos);
    CHECK_FALSE(parse_app_options({"--scenario", "a", "--builtin", "b"}, error));
    CHECK(parse_app_options({"--theme", "light"}, error)->theme == "light");
    CHECK_FALSE(parse_app_options({"--theme", "pink"}, error));
}
