#include <catch2/catch.hpp>

#include "memsim/report/vm_json.hpp"
#include "../vm/vm_test_util.hpp"

using namespace memsim;
using namespace memsim::vm::test;

TEST_CASE("A replacement run's JSON has the documented fields", "[vm][json]") {
    const auto run = replay(vm::PolicyKind::Fifo, 3, silberschatz);
    const auto json = report::to_json(run);
    CHECK(json["policy"] == "fifo");
    CHECK(json["frames"] == 3);
    CHECK(json["references"] == 20);
    CHECK(json["hits"] == 5);
    CHECK(json["faults"] == 15);
    CHECK(json["writebacks"] == 0);
    REQUIRE(json["steps"].size() == 20);
    const auto& fourth = json["steps"][3];  // 2 replaces 7
    CHECK(fourth["page"] == 2);
    CHECK(fourth["hit"] == false);
    CHECK(fourth["victim"] == 7);
    CHECK(fourth["resident"] == nlohmann::json::array({2, 0, 1}));
    CHECK(json["steps"][0]["victim"].is_null());
    CHECK(json["steps"][0]["frames"] == nlohmann::json::array({7, nullptr, nullptr}));
}

TEST_CASE("A sweep's JSON lists points and anomalies", "[vm][json]") {
    const auto trace = vm::densify(*vm::parse_reference_string(belady));
    const auto json = report::to_json(*vm::belady_sweep({.kind = vm::PolicyKind::Fifo}, trace, 3, 4));
    CHECK(json["sweep"] == nlohmann::json::parse(R"([{"frames":3,"faults":9},{"frames":4,"faults":10}])"));
    CHECK(json["anomalies"] == nlohmann::json::array({4}));
}

TEST_CASE("MMU events carry their explanation text", "[vm][json]") {
    const vm::MmuEvent e{.kind = vm::MmuEventKind::TlbMiss, .vpn = 3, .walk_accesses = 2};
    const auto json = report::to_json(e, vm::PolicyKind::Lru);
    CHECK(json["kind"] == "tlb_miss");
    CHECK(json["walk_accesses"] == 2);
    CHECK(json["text"].get<std::string>().find("walked the page table") != std::string::npos);
}
