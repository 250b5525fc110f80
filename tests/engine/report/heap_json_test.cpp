// JSON forms of heap results: the field names the CLI and the JS API rely on.
#include <catch2/catch.hpp>

#include "memsim/report/heap_json.hpp"

using namespace memsim;
using namespace memsim::heap;

TEST_CASE("an OSTEP run becomes the documented JSON", "[heap][json]") {
    const OstepConfig config{.header = 4, .align = 4};
    const auto steps = run_ostep(config, *parse_op_list("+3,+200,-0,-7"));
    REQUIRE(steps);
    const auto j = report::ostep_json(config, *steps);
    CHECK(j["allocator"] == "ostep");
    CHECK(j["config"]["policy"] == "BEST");
    CHECK(j["ops"][0] == nlohmann::json::parse(
                             R"({"op":"alloc","size":3,"block":1000,"ptr":1004,"searched":1,"free_list":[[1008,92]]})"));
    CHECK(j["ops"][1]["block"] == -1);
    CHECK(j["ops"][1]["ptr"] == -1);
    CHECK(j["ops"][2] == nlohmann::json::parse(R"({"op":"free","index":0,"rc":0,"free_list":[[1000,8],[1008,92]]})"));
    CHECK(j["ops"][3]["skipped"] == true);
}

TEST_CASE("a trace run carries ops, errors, blocks, metrics and the timeline", "[heap][json]") {
    const auto trace = trace_from_op_list("+10,+20,-0,-0");
    REQUIRE(trace);
    const HeapConfig config{.allocator = AllocatorKind::ExplicitList};
    const auto j = report::heap_run_json(config, run_trace(config, *trace));
    CHECK(j["allocator"] == "explicit-lifo");
    CHECK(j["config"]["order"] == "lifo");
    CHECK(j["ops"].size() == 4);
    CHECK(j["ops"][0]["ptr"] == 0x10000010);
    CHECK(j["ops"][3]["ok"] == false);
    CHECK(j["errors"][0]["kind"] == "double-free");
    CHECK(j["errors"][1]["kind"] == "leak");
    CHECK(j["blocks"][0]["requested"] == 0);
    CHECK(j["blocks"][1]["requested"] == 20);
    CHECK(j["metrics"]["peak_live_payload"] == 30);
    CHECK(j["timeline"]["live_payload"] == nlohmann::json::parse("[10,30,20,20]"));
}

TEST_CASE("a comparison has one row per allocator", "[heap][json]") {
    const auto trace = trace_from_op_list("+10,+20");
    REQUIRE(trace);
    const auto rows = compare({HeapConfig{}, HeapConfig{.allocator = AllocatorKind::Buddy}}, *trace);
    const auto j = report::heap_comparison_json(rows);
    REQUIRE(j["rows"].size() == 2);
    CHECK(j["rows"][1]["allocator"] == "buddy");
    CHECK(j["rows"][0].contains("external_fragmentation"));
}
