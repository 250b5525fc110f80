#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "ui/embed_api.hpp"
#include "ui/source_draft.hpp"
#include "ui/view_options.hpp"

using namespace memsim::ui;
using nlohmann::json;

namespace {
json call(App& app, const char* verb, const json& arg = nullptr) {
    const auto reply = embed_api_call(app, verb, arg.dump());
    REQUIRE(reply.has_value());
    return json::parse(*reply);
}
}  // namespace

TEST_CASE("Panel lists from ?panels= parse, and unknown names are named", "[ui][embed]") {
    std::string bad;
    const auto two = parse_panel_list("stack, heap", bad);
    REQUIRE(two.has_value());
    CHECK(two->stack);
    CHECK(two->heap);
    CHECK_FALSE(two->virtual_memory);
    CHECK_FALSE(two->source);
    CHECK(panel_list(*two) == "stack,heap");
    CHECK(parse_panel_list("vm,stats", bad)->statistics);
    CHECK_FALSE(parse_panel_list("stack,tlb", bad).has_value());
    CHECK(bad == "tlb");
    CHECK_FALSE(parse_panel_list(" , ", bad).has_value());
}

TEST_CASE("view() sets embed mode, panels and theme, and refuses bad fields whole", "[ui][embed]") {
    App app({.platform_name = "test", .can_quit = false});
    json r = call(app, "view", {{"embed", true}, {"panels", "vm,events"}, {"theme", "light"}});
    CHECK(r["ok"] == true);
    CHECK(app.view().embed);
    CHECK(app.view().panels.virtual_memory);
    CHECK_FALSE(app.view().panels.stack);
    CHECK(app.theme() == Theme::Light);
    CHECK(r["panels"] == "vm,events");
    r = call(app, "view", {{"embed", false}, {"panels", "stack,nope"}});
    CHECK(r["ok"] == false);
    CHECK(r["errors"][0]["message"].get<std::string>().find("'nope'") != std::string::npos);
    CHECK(app.view().embed);  // nothing of a refused call applies
    CHECK(call(app, "view", {{"theme", "pink"}})["ok"] == false);
    CHECK(call(app, "view", 3)["ok"] == false);
    CHECK_FALSE(embed_api_call(app, "step", "1").has_value());  // not ours: page_api answers it
}

TEST_CASE("play() takes a speed within limits; pause() stops", "[ui][embed]") {
    App app({.platform_name = "test", .can_quit = false});
    json r = call(app, "play", {{"speed", 4}});
    CHECK(r["ok"] == true);
    CHECK(app.controller().playing());
    CHECK(app.controller().speed() == 4.0);
    CHECK(call(app, "pause")["playing"] == false);
    CHECK_FALSE(app.controller().playing());
    CHECK(call(app, "play", {{"speed", 5000}})["ok"] == false);
    CHECK(call(app, "play", {{"speed", "fast"}})["ok"] == false);
    CHECK(call(app, "speed", 8)["speed"] == 8.0);
    CHECK_FALSE(app.controller().playing());
    CHECK(call(app, "speed", 0)["ok"] == false);
}

TEST_CASE("runTable() gives one row per step without moving the app", "[ui][embed]") {
    App app({.platform_name = "test", .can_quit = false});
    app.controller().execute(cmd::SetQuizMode{false});  // belady-fifo asks before step 4; this test jumps past it
    REQUIRE(app.controller().execute(cmd::LoadBuiltin{"belady-fifo"}).ok);
    app.controller().execute(cmd::Seek{5});
    const json t = call(app, "runTable");
    CHECK(t["ok"] == true);
    CHECK(t["rows"].size() == 12);
    CHECK(t["truncated"] == false);
    CHECK(app.controller().step() == 5);
    const auto& columns = t["columns"];
    const auto faults = static_cast<std::size_t>(std::find(columns.begin(), columns.end(), "page_faults") - columns.begin());
    // FIFO with 3 frames on 1,2,3,4,1,2,5,1,2,3,4,5: 9 faults in all, the first three at once.
    CHECK(t["rows"][2][faults] == 3);
    CHECK(t["rows"][11][faults] == 9);
    CHECK(t["rows"][0][0] == 1);
    CHECK_FALSE(t["rows"][0].back().get<std::string>().empty());  // the step's explanation
    CHECK(call(app, "runTable", {{"limit", 4}})["rows"].size() == 4);
    CHECK(call(app, "runTable", {{"limit", 4}})["truncated"] == true);
}

TEST_CASE("source() names the loaded text; draft() follows the editor", "[ui][embed]") {
    App app({.platform_name = "test", .can_quit = false});
    REQUIRE(app.controller().execute(cmd::LoadBuiltin{"belady-fifo"}).ok);
    json s = call(app, "source");
    CHECK(s["builtin"] == "belady-fifo");
    CHECK(s["text"].get<std::string>().find("+++") == 0);
    const auto before = call(app, "draft")["revision"].get<std::uint64_t>();
    note_source_draft(true, "+++\nhalf typed");
    json d = call(app, "draft");
    CHECK(d["editing"] == true);
    CHECK(d["text"] == "+++\nhalf typed");
    CHECK(d["revision"].get<std::uint64_t>() > before);
    note_source_draft(false, "");
    CHECK(call(app, "draft")["editing"] == false);
}
