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

TEST_CASE("A refused setting leaves the text as it was, so the next good setting works", "[ui][controller]") {
    Controller controller;
    REQUIRE(controller.execute(cmd::LoadBuiltin{"belady-fifo"}).ok);
    const std::string text = controller.text();
    const auto zero = memsim::ui_support::setting_edit("frames", "0");
    const auto refused = controller.execute(cmd::SetSettings{{*zero}});
    CHECK_FALSE(refused.ok);
    CHECK_FALSE(refused.errors.empty());
    CHECK(controller.text() == text);
    CHECK(controller.load_errors().empty());
    const auto policy = memsim::ui_support::setting_edit("policy", "\"lru\"");
    REQUIRE(controller.execute(cmd::SetSettings{{*policy}}).ok);
    CHECK(controller.text().find("lru") != std::string::npos);
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

TEST_CASE("The Console's input and arguments re-run a C program with them, at the same step", "[ui][controller]") {
    Controller controller;
    const std::string program = "#include <stdio.h>\n"
                                "int main(int argc, char *argv[]) {\n"
                                "    int a = 0, b = 0;\n"
                                "    int n = scanf(\"%d %d\", &a, &b);\n"
                                "    printf(\"%d %d %d %s\\n\", n, a + b, argc, argc > 1 ? argv[1] : \"-\");\n"
                                "    return 0;\n"
                                "}\n";
    REQUIRE(controller.execute(cmd::Load{program}).ok);
    controller.execute(cmd::RunToEnd{});
    CHECK(controller.snapshot().output == "-1 0 1 -\n");  // no input: scanf meets EOF
    const std::uint64_t end = controller.step();
    REQUIRE(controller.execute(cmd::SetProgramInput{"20 22\n", {"x", "y"}}).ok);
    CHECK(controller.step() == end);
    CHECK(controller.snapshot().output == "2 42 3 x\n");
    CHECK(controller.program_input().args == std::vector<std::string>{"x", "y"});
    std::vector<std::string> too_many(300, "w");
    CHECK_FALSE(controller.execute(cmd::SetProgramInput{"", too_many}).ok);
    CHECK(controller.snapshot().output == "2 42 3 x\n");  // the last good input stays
}
