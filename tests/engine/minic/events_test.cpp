#include <catch2/catch.hpp>

#include "minic_run.hpp"

using namespace minic_test;

TEST_CASE("Every event is explained in a sentence that names its values", "[minic][events]") {
    Event call;
    call.kind = EventKind::Call;
    call.line = 6;
    call.function = "fact";
    call.value = 3;
    CHECK(explain(call) == "Line 6 calls fact: a new stack frame is pushed with its arguments, the return address, "
                           "the saved frame pointer and its locals (3 frames on the stack now).");
    Event ret;
    ret.kind = EventKind::Return;
    ret.function = "fact";
    ret.value = 6;
    CHECK(explain(ret) == "fact returns 6: its frame is popped and the caller resumes at the return address.");
    Event out;
    out.kind = EventKind::Output;
    out.text = "6\n";
    CHECK(explain(out) == "The program prints \"6\\n\".");
    Event uninit;
    uninit.kind = EventKind::UninitializedRead;
    uninit.line = 5;
    uninit.address = 0xbfffffec;
    uninit.text = "x";
    CHECK(explain(uninit) == "Line 5 reads 'x' at 0xbfffffec before anything was stored there: "
                             "the value is whatever the bytes happened to hold.");
    Event limit;
    limit.kind = EventKind::StepLimit;
    limit.value = 1000;
    CHECK(explain(limit) == "The program is still running after 1000 steps, so it is paused: "
                            "it may be in an endless loop or recursion.");
    CHECK(is_learner_error(uninit));
    CHECK_FALSE(is_learner_error(call));
    CHECK(std::string(event_kind_name(EventKind::DivisionByZero)) == "division-by-zero");
}

TEST_CASE("A run reports statements, calls, returns, output and the exit, in order", "[minic][events]") {
    Run run = run_source("int twice(int x) { return 2 * x; }\nint main(void) { printf(\"%d\\n\", twice(21)); return 0; }");
    std::vector<EventKind> kinds;
    for (const Event& e : run.events) kinds.push_back(e.kind);
    CHECK(kinds == std::vector<EventKind>{EventKind::Started, EventKind::Call, EventKind::Statement, EventKind::Call,
                                          EventKind::Statement, EventKind::Return, EventKind::Statement, EventKind::Output,
                                          EventKind::Statement, EventKind::Return, EventKind::Exited});
    CHECK(run.first(EventKind::Output)->text == "42\n");
    CHECK(run.first(EventKind::Return)->value == 42);
    CHECK(run.first(EventKind::Output)->line == 2);
}

TEST_CASE("A statement step quotes its source line: trimmed, without a trailing brace, long lines cut", "[minic][events]") {
    const std::string long_call = "    printf(\"%d %d %d %d %d %d %d %d\\n\", 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);";
    Run run = run_source("int main(void) {\n    int x = 5;\n    if (x > 2) {\n        x = 1;\n    }\n" + long_call +
                         "\n    return 0;\n}");
    std::vector<std::string> said;
    for (const Event& e : run.events)
        if (e.kind == EventKind::Statement) said.push_back(explain(e));
    REQUIRE(said.size() == 5);
    CHECK(said[0] == "Line 2 runs: int x = 5;");
    CHECK(said[1] == "Line 3 runs: if (x > 2)");
    CHECK(said[2] == "Line 4 runs: x = 1;");
    CHECK(said[3].size() == std::string("Line 6 runs: ").size() + 60);
    CHECK(said[3].ends_with("..."));
    CHECK(said[4] == "Line 7 runs: return 0;");
}
