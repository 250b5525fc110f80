// View models of the Compare and Console panels, from real runs of the built-ins.
#include <catch2/catch.hpp>

#include <algorithm>

#include "ui/controller.hpp"
#include "ui/panels/compare_panel.hpp"
#include "ui/panels/console_panel.hpp"

using namespace memsim::ui;

namespace {
Controller loaded(const char* builtin) {
    Controller c;
    REQUIRE(c.execute(cmd::LoadBuiltin{builtin}).ok);
    return c;
}
}  // namespace

TEST_CASE("Compare runs Belady's string under FIFO, LRU and OPT with the scenario's three frames", "[ui][compare]") {
    const Controller c = loaded("belady-fifo");
    REQUIRE(compare_kind(*c.simulator()) == CompareKind::Policies);
    const CompareView view = make_compare_view(*c.simulator(), {"fifo", "lru", "opt", "no-such-policy"});
    REQUIRE(view.kind == CompareKind::Policies);
    CHECK(view.frames == 3);
    REQUIRE(view.policies.size() == 3);  // the unknown name is left out
    // Belady's string 1,2,3,4,1,2,5,1,2,3,4,5 with 3 frames: FIFO 9, LRU 10, OPT 7 faults.
    CHECK(view.policies[0].policy == "fifo");
    CHECK(view.policies[0].current);
    CHECK(view.policies[0].faults == 9);
    CHECK(view.policies[1].faults == 10);
    CHECK_FALSE(view.policies[1].current);
    CHECK(view.policies[2].faults == 7);
    CHECK(view.policies[2].hit_rate == Approx(5.0 / 12.0));
}

TEST_CASE("The default choices hold the classic policies and the scenario's own", "[ui][compare]") {
    const Controller c = loaded("textbook-lru");
    const auto choices = default_compare_choices(*c.simulator());
    CHECK(std::find(choices.begin(), choices.end(), "lru") != choices.end());
    CHECK(std::find(choices.begin(), choices.end(), "opt") != choices.end());
}

TEST_CASE("Compare replays a heap trace on every allocator; the scenario's own row matches its run", "[ui][compare]") {
    Controller c = loaded("malloc-lab-short");
    REQUIRE(compare_kind(*c.simulator()) == CompareKind::Allocators);
    const CompareView view = make_compare_view(*c.simulator(), default_compare_choices(*c.simulator()));
    REQUIRE(view.kind == CompareKind::Allocators);
    CHECK(view.allocators.size() >= 10);
    const auto own = std::find_if(view.allocators.begin(), view.allocators.end(), [](const auto& r) { return r.current; });
    REQUIRE(own != view.allocators.end());
    CHECK(own->allocator == "explicit-address");
    c.execute(cmd::RunToEnd{});
    const auto& metrics = c.snapshot().processes.front().heap;
    CHECK(own->utilisation == Approx(metrics.utilisation()));
    CHECK(own->peak_heap_size == metrics.peak_heap_size);
}

TEST_CASE("A program has nothing to compare", "[ui][compare]") {
    const Controller c = loaded("factorial");
    CHECK(compare_kind(*c.simulator()) == CompareKind::None);
    CHECK_FALSE(make_compare_view(*c.simulator(), {"fifo"}).why_not.empty());
}

TEST_CASE("The console shows the program's output up to the current step", "[ui][console]") {
    Controller c = loaded("factorial");
    CHECK(make_console_view(c.snapshot()).lines.empty());
    c.execute(cmd::RunToEnd{});
    const ConsoleView end = make_console_view(c.snapshot());
    REQUIRE(end.lines.size() == 1);
    CHECK(end.lines[0] == "fact(4) = 24");
    CHECK_FALSE(end.open_line);
    CHECK(end.status.rfind("exited", 0) == 0);
    c.execute(cmd::Back{c.total_steps()});
    CHECK(make_console_view(c.snapshot()).lines.empty());
}

TEST_CASE("Console lines split at newlines; an unfinished last line stays open", "[ui][console]") {
    memsim::machine::Snapshot snapshot;
    snapshot.output = "a\n\nb";
    const ConsoleView view = make_console_view(snapshot);
    CHECK(view.lines == std::vector<std::string>{"a", "", "b"});
    CHECK(view.open_line);
}
