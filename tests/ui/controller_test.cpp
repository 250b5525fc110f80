#include <catch2/catch.hpp>

#include "ui/builtin_scenarios.hpp"
#include "ui/controller.hpp"

using namespace memsim::ui;

TEST_CASE("Every scenario file is built in, and the default lesson is one of them", "[ui][controller]") {
    CHECK(builtin_scenarios().size() >= 6);
    REQUIRE(find_builtin(default_builtin) != nullptr);
    REQUIRE(find_builtin("belady-fifo") != nullptr);
    CHECK(std::string(find_builtin("belady-fifo")->text).starts_with("+++"));
    CHECK(find_builtin("no-such-lesson") == nullptr);
    for (const BuiltinScenario& s : builtin_scenarios()) {
        Controller controller;
        INFO(s.name);
        CHECK(controller.execute(cmd::LoadBuiltin{s.name}).ok);
    }
}

TEST_CASE("Queued commands wait for apply_pending, then step, go back, seek and reset", "[ui][controller]") {
    Controller controller;
    REQUIRE(controller.execute(cmd::LoadBuiltin{"belady-fifo"}).ok);
    CHECK(controller.total_steps() == 12);
    controller.push(cmd::Step{3});
    CHECK(controller.step() == 0);  // nothing happens until the frame boundary
    controller.apply_pending(0.0);
    CHECK(controller.step() == 3);
    CHECK(controller.snapshot().step == 3);
    CHECK(controller.recent_events().back().step == 3);
    controller.push(cmd::Back{1});
    controller.push(cmd::Seek{99});
    controller.apply_pending(0.0);
    CHECK(controller.step() == 12);  // seek clamps to the end
    CHECK(controller.snapshot().vm->faults == 9);
    controller.execute(cmd::Reset{});
    CHECK(controller.step() == 0);
    CHECK(controller.recent_events().empty());
}

TEST_CASE("Playing advances by speed times elapsed time and stops at the end", "[ui][controller]") {
    Controller controller;
    REQUIRE(controller.execute(cmd::LoadBuiltin{"belady-fifo"}).ok);
    controller.execute(cmd::SetSpeed{4.0});
    controller.execute(cmd::Play{});
    controller.apply_pending(0.5);
    CHECK(controller.step() == 2);
    controller.apply_pending(10.0);
    CHECK(controller.step() == 12);
    controller.apply_pending(0.1);
    CHECK_FALSE(controller.playing());
}

TEST_CASE("A bad edit keeps the last good run and reports line and column", "[ui][controller]") {
    Controller controller;
    REQUIRE(controller.execute(cmd::LoadBuiltin{"belady-fifo"}).ok);
    controller.execute(cmd::Seek{5});
    const auto result = controller.execute(cmd::Load{"+++\nformat = 1\nkind = \"references\"\n[vm]\nframes = \"x\"\n+++\n1 2\n", true});
    REQUIRE_FALSE(result.ok);
    REQUIRE(controller.load_errors().size() == 1);
    CHECK(controller.load_errors()[0].line == 5);
    CHECK(controller.loaded());
    CHECK(controller.step() == 5);
    CHECK(controller.text().find("frames = \"x\"") != std::string::npos);
}

TEST_CASE("Re-running with changed settings keeps the step and shows Belady's anomaly", "[ui][controller]") {
    Controller controller;
    REQUIRE(controller.execute(cmd::LoadBuiltin{"belady-fifo"}).ok);
    controller.execute(cmd::Seek{7});
    const auto before = controller.generation();
    auto edit = memsim::ui_support::setting_edit("frames", "4");
    REQUIRE(controller.execute(cmd::SetSettings{{*edit}}).ok);
    CHECK(controller.generation() == before + 1);
    CHECK(controller.step() == 7);
    CHECK(controller.builtin_name().empty());
    controller.execute(cmd::RunToEnd{});
    CHECK(controller.snapshot().vm->faults == 10);
    const auto notes = controller.take_notifications();
    CHECK(std::find(notes.begin(), notes.end(), Notification::Load) != notes.end());
    CHECK(notes.back() == Notification::Step);
    CHECK(controller.take_notifications().empty());
}

TEST_CASE("The controller knows whether a run ever uses the heap", "[ui][controller]") {
    Controller c;
    REQUIRE(c.execute(cmd::LoadBuiltin{"heap-mistakes"}).ok);
    CHECK(c.run_uses_heap());
    REQUIRE(c.execute(cmd::LoadBuiltin{"recursion-overflow"}).ok);
    CHECK_FALSE(c.run_uses_heap());
    REQUIRE(c.execute(cmd::LoadBuiltin{"malloc-lab-short"}).ok);
    CHECK(c.run_uses_heap());
    CHECK(c.step() == 0);  // the look at the end ran on a copy
}
