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
