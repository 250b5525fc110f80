#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "ui/builtin_scenarios.hpp"
#include "ui/ostep_menu.hpp"
#include "ui/page_api.hpp"
#include "page_api_call.hpp"

using namespace memsim::ui;
using nlohmann::json;
using memsim::ui::test::call;

TEST_CASE("The JS API loads, steps, goes back, seeks and reports state like memsim run --json", "[ui][api]") {
    Controller c;
    CHECK(call(c, "load", find_builtin("belady-fifo")->text) == json{{"ok", true}});
    auto r = call(c, "step", 3);
    CHECK(r["step"] == 3);
    CHECK(r["totalSteps"] == 12);
    CHECK(call(c, "back", nullptr)["step"] == 2);  // n defaults to 1
    CHECK(call(c, "seek", 6)["step"] == 6);
    CHECK(call(c, "runToEnd")["step"] == 12);
    const json state = call(c, "state");
    CHECK(state["step"] == 12);
    CHECK(state["totalSteps"] == 12);
    CHECK(state["vm"]["faults"] == 9);
    CHECK(state["summary"]["page_faults"] == 9);
    CHECK(state.contains("events"));
}

TEST_CASE("memsim.set changes settings and re-runs: four frames fault ten times", "[ui][api]") {
    Controller c;
    REQUIRE(call(c, "loadBuiltin", "belady-fifo")["ok"] == true);
    CHECK(call(c, "set", {{"frames", 4}}) == json{{"ok", true}});
    call(c, "runToEnd");
    CHECK(call(c, "state")["vm"]["faults"] == 10);
    CHECK(call(c, "set", {{"policy", "lru"}, {"frames", 3}})["ok"] == true);
    call(c, "runToEnd");
    CHECK(call(c, "state")["vm"]["policy"] == "lru");
    const json bad = call(c, "set", {{"framez", 4}});
    CHECK(bad["ok"] == false);
    CHECK(call(c, "set", {{"frames", "many"}})["ok"] == false);
}

TEST_CASE("Bad scenarios and bad arguments come back as errors with line and column", "[ui][api]") {
    Controller c;
    const json r = call(c, "load", "+++\nformat = 1\nkind = \"ops\"\n+++\ncall main\nfrobnicate 3\n");
    REQUIRE(r["ok"] == false);
    CHECK(r["errors"][0]["line"] == 6);
    CHECK(r["errors"][0]["column"].get<int>() >= 1);
    CHECK(!r["errors"][0]["message"].get<std::string>().empty());
    CHECK(call(c, "loadBuiltin", "nope")["ok"] == false);
    CHECK(call(c, "step", -2)["ok"] == false);
    CHECK(call(c, "load", 42)["ok"] == false);
    CHECK(call(c, "fly")["ok"] == false);
    CHECK(json::parse(api_call(c, "step", "{oops"))["ok"] == false);
    const json names = call(c, "builtins");
    CHECK(std::find(names.begin(), names.end(), "recursion-overflow") != names.end());
}

TEST_CASE("Notifications name step, load and error in order and drain", "[ui][api]") {
    Controller c;
    call(c, "loadBuiltin", "belady-fifo");
    call(c, "load", "+++\nbogus\n");
    const json notes = call(c, "notifications");
    REQUIRE(notes.size() == 3);
    CHECK(notes[0]["name"] == "load");
    CHECK(notes[1]["name"] == "step");
    CHECK(notes[2]["name"] == "error");
    CHECK(notes[2]["detail"]["errors"].size() == 1);
    CHECK(call(c, "notifications").empty());
}

TEST_CASE("memsim.ostep loads an OSTEP paging-policy.py problem with its questions", "[ui][api][ostep]") {
    Controller c;
    CHECK(call(c, "ostep", "paging-policy.py -s 3 -p LRU -n 12") == json{{"ok", true}});
    CHECK(call(c, "runToEnd")["totalSteps"] == 12);
    CHECK(call(c, "state")["vm"]["policy"] == "lru");
    CHECK(call(c, "quiz")["total"].get<int>() > 12);  // hit or miss for each access, victims once full
    CHECK(call(c, "ostep", "paging-policy.py -p CLOCK -s 5 -n 20") == json{{"ok", true}});  // the script's own cache
    CHECK(call(c, "runToEnd")["totalSteps"] == 20);
    const json bad = call(c, "ostep", "paging-policy.py -p CLOCK -f refs.txt");
    CHECK(bad["ok"] == false);
    CHECK(bad["errors"][0]["message"].get<std::string>().find("the app cannot read that file") != std::string::npos);
    CHECK(call(c, "ostep", 3)["ok"] == false);
}

TEST_CASE("File > OSTEP homework opens a problem or says why it cannot", "[ui][ostep]") {
    Controller c;
    CHECK(open_ostep_problem(c, "paging-policy.py", "-s 7 -p FIFO -C 4") == "");
    CHECK(call(c, "runToEnd")["totalSteps"] == 10);
    CHECK(call(c, "state")["vm"]["frames"].size() == 4);
    CHECK(open_ostep_problem(c, "malloc.py", "-s 1") == "");
    CHECK(call(c, "runToEnd")["totalSteps"] == 10);
    CHECK(open_ostep_problem(c, "paging-policy.py", "-p RAND -s 2") == "");
    CHECK(open_ostep_problem(c, "paging-policy.py", "-p NOPE").find("NOPE") != std::string::npos);
    CHECK(open_ostep_problem(c, "paging-policy.py", "-x").find("no such option: -x") != std::string::npos);
}
