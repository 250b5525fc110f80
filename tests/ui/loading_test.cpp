// A load asked for by a widget runs in slices, one per frame, so a long program never
// freezes the app; Stop keeps the steps made so far. Loads from execute() (the page's
// JS API, the tests) still finish at once.
#include <catch2/catch.hpp>

#include "ui/controller.hpp"

using namespace memsim::ui;

namespace {

// A C program of about 3 steps per round, far longer than one slice.
const std::string long_program =
    "int main(void) {\n"
    "    long sum = 0;\n"
    "    for (long i = 0; i < 100000000; i++) sum += i;\n"
    "    return 0;\n"
    "}\n";

const std::string short_program = "int main(void) {\n    int x = 1;\n    return x - 1;\n}\n";

}  // namespace

TEST_CASE("A pushed load of a long program runs a slice per frame until stopped", "[ui][loading]") {
    Controller c;
    c.set_load_slice(1000);
    REQUIRE(c.execute(Command{cmd::Load{short_program, false}}).ok);
    const std::string before = c.snapshot().title;
    const std::uint64_t before_steps = c.total_steps();

    c.push(cmd::Load{long_program, false});
    c.apply_pending(0.0);
    REQUIRE(c.loading());
    CHECK(c.loading_steps() == 1000);
    CHECK(c.total_steps() == before_steps);  // the last run stays shown meanwhile
    CHECK(c.snapshot().title == before);
    c.apply_pending(0.0);
    CHECK(c.loading_steps() == 2000);

    c.push(cmd::StopLoading{});
    c.apply_pending(0.0);  // one more slice, then the stop
    REQUIRE_FALSE(c.loading());
    CHECK(c.total_steps() == 3000);
    REQUIRE(c.simulator() != nullptr);
    CHECK(c.simulator()->summary().stopped);
    CHECK(c.simulator()->summary().hit_step_limit);
    // The stopped run is a run like any other: its last step can be seen.
    REQUIRE(c.execute(Command{cmd::RunToEnd{}}).ok);
    CHECK(c.step() == 3000);
}

TEST_CASE("A short program loads in its first slice; execute() never slices", "[ui][loading]") {
    Controller c;
    c.set_load_slice(1000);
    c.push(cmd::Load{short_program, false});
    c.apply_pending(0.0);
    CHECK_FALSE(c.loading());
    CHECK(c.total_steps() > 0);
    CHECK_FALSE(c.simulator()->summary().stopped);

    Controller bounded(memsim::machine::SimulatorLimits{.max_steps = 20000});
    bounded.set_load_slice(1000);
    REQUIRE(bounded.execute(Command{cmd::Load{long_program, false}}).ok);
    CHECK_FALSE(bounded.loading());
    CHECK(bounded.total_steps() == 20000);
    CHECK_FALSE(bounded.simulator()->summary().stopped);
    CHECK(bounded.execute(Command{cmd::StopLoading{}}).ok == false);  // nothing to stop
}

TEST_CASE("A load with errors while another is loading ends the loading", "[ui][loading]") {
    Controller c;
    c.set_load_slice(1000);
    c.push(cmd::Load{long_program, false});
    c.apply_pending(0.0);
    REQUIRE(c.loading());
    c.push(cmd::Load{"int main(void) { return 0 }\n", false});
    c.apply_pending(0.0);
    CHECK_FALSE(c.loading());
    CHECK(c.load_errors().size() == 1);
}
