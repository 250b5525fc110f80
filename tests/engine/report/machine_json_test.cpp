#include <catch2/catch.hpp>

#include "memsim/report/machine_json.hpp"

using namespace memsim;

TEST_CASE("After a fork the state JSON lists processes, shared frames and copy-on-write pages", "[machine][json][fork]") {
    auto sim = machine::Simulator::load("+++\nformat = 1\ntitle = \"t\"\nkind = \"ops\"\n[vm]\nframes = 4\n+++\n"
                                        "call main\np = malloc 16\nwrite p 4 = 1\nfork\nwrite p 4 = 2\n");
    REQUIRE(sim);
    sim->seek(4);  // just after the fork
    auto json = report::state_json(*sim);
    REQUIRE(json["processes"].size() == 2);
    CHECK(json["processes"][0]["current"] == true);
    CHECK(json["processes"][1]["current"] == false);
    CHECK(json["processes"][1]["state"] == "running");
    const auto& frame = json["vm"]["frames"][1];  // the heap page: frame 1
    CHECK(frame["users"] == 2);
    REQUIRE(frame["sharers"].size() == 2);
    CHECK(frame["sharers"][1]["process"] == 1);
    CHECK(frame["sharers"][1]["page"] == 0x804c);
    bool found = false;
    for (const auto& page : json["processes"][1]["pages"]) {
        if (page["vpn"] != 0x804c) continue;
        found = true;
        CHECK(page["cow"] == true);
        CHECK(page["writable"] == false);
        CHECK(page["users"] == 2);
        CHECK(page["frame"] == 1);
    }
    CHECK(found);

    sim->step_forward();  // the parent writes: its copy goes to frame 2
    json = report::state_json(*sim);
    CHECK(json["vm"]["cow_copies"] == 1);
    CHECK(json["vm"]["frames"][1]["users"] == 1);
    CHECK_FALSE(json["vm"]["frames"][1].contains("sharers"));
    CHECK(json["vm"]["frames"][2]["owner"] == 0);
}
