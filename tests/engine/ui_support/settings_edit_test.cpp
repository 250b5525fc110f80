#include <catch2/catch.hpp>

#include "memsim/machine/simulator.hpp"
#include "memsim/ui_support/settings_edit.hpp"

using namespace memsim::ui_support;

namespace {
const std::string belady_scenario = "+++\n"
                           "format = 1\n"
                           "title = \"Belady\"\n"
                           "kind = \"references\"\n"
                           "lesson = \"\"\"\n"
                           "[vm]\n"
                           "frames = 99\n"
                           "\"\"\"\n"
                           "[vm]\n"
                           "frames = 3   # three frames\n"
                           "policy = \"fifo\"\n"
                           "+++\n"
                           "1 2 3 4 1 2 5 1 2 3 4 5\n";
}

TEST_CASE("Setting a key that exists replaces only its line", "[ui_support][settings]") {
    const auto edit = setting_edit("frames", toml_integer(4));
    REQUIRE(edit);
    CHECK(edit->table == "vm");
    const auto text = apply_settings(belady_scenario, {*edit});
    REQUIRE(text);
    // The look-alike lines inside the multi-line lesson string stay as written.
    CHECK(text->find("frames = 99\n") != std::string::npos);
    CHECK(text->find("frames = 4\npolicy = \"fifo\"\n") != std::string::npos);
    CHECK(text->find("frames = 3") == std::string::npos);
    CHECK(text->substr(text->size() - 24) == "1 2 3 4 1 2 5 1 2 3 4 5\n");
}

TEST_CASE("Belady's anomaly appears when the page loads with four frames instead of three", "[ui_support][settings]") {
    auto three = memsim::machine::Simulator::load(belady_scenario);
    REQUIRE(three);
    three->run_to_end();
    CHECK(three->summary().page_faults == 9);
    const auto text = apply_settings(belady_scenario, {*setting_edit("frames", toml_integer(4))});
    REQUIRE(text);
    auto four = memsim::machine::Simulator::load(*text);
    REQUIRE(four);
    CHECK(four->summary().page_faults == 10);
}

TEST_CASE("A missing key goes under its table and a missing table is added at the end", "[ui_support][settings]") {
    const auto text = apply_settings(belady_scenario, {*setting_edit("tlb", toml_integer(2)),
                                              *setting_edit("allocator", toml_string("buddy"))});
    REQUIRE(text);
    CHECK(text->find("[vm]\ntlb_entries = 2\nframes = 3") != std::string::npos);
    CHECK(text->find("\n[heap]\nallocator = \"buddy\"\n+++\n") != std::string::npos);
}

TEST_CASE("Unknown setting names and empty texts are refused", "[ui_support][settings]") {
    const auto bad = setting_edit("framez", "4");
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("frames") != std::string::npos);
    CHECK(setting_edit("vm.policy", toml_string("lru"))->key == "policy");
    CHECK_FALSE(apply_settings("\n", {*setting_edit("frames", "3")}));
    CHECK_FALSE(apply_settings("+++\nformat = 1\n", {*setting_edit("frames", "3")}));  // never closed
    CHECK(toml_string("a\"b") == "\"a\\\"b\"");
}

TEST_CASE("A setting changed on a plain C program writes out the settings it ran with", "[ui_support][settings]") {
    const std::string program = "#include <stdlib.h>\nint main(void) {\n    int *p = malloc(64);\n    free(p);\n    return 0;\n}\n";
    auto before = memsim::machine::Simulator::load(program);
    REQUIRE(before);
    const auto edited = apply_settings(program, {*setting_edit("frames", "5")});
    REQUIRE(edited);
    CHECK(edited->starts_with("+++\n"));
    CHECK(edited->ends_with(program));  // the program itself is unchanged
    auto after = memsim::machine::Simulator::load(*edited);
    REQUIRE(after);
    CHECK(after->scenario().title == before->scenario().title);
    CHECK(after->total_steps() == before->total_steps());
    before->run_to_end();
    after->run_to_end();
    const auto after_end = after->snapshot(), before_end = before->snapshot();  // (by value: keep them)
    const auto& a = after_end.processes.at(0);
    const auto& b = before_end.processes.at(0);
    CHECK(a.heap_start == b.heap_start);  // the same layout as before
    CHECK(a.blocks.size() == b.blocks.size());
    CHECK(a.regions.size() == b.regions.size());
    CHECK(after_end.vm->frames.size() == 5);
}
