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

TEST_CASE("A switch step names the case it takes, as the source spells it, or says none matched", "[minic][events]") {
    Run run = run_source(
        "#define QUIT 'q'\nenum color { RED, BLUE };\n"
        "int pick(int c) {\n  switch (c) {\n    case 'a': return 1;\n    case QUIT:\n      return 2;\n    default: return 0;\n  }\n}\n"
        "int main(void) {\n  enum color k = BLUE;\n  switch (k) { case RED: break; case BLUE: break; }\n"
        "  long big = -5;\n  switch (big) { case 1: break; }\n"
        "  char key = 'q';\n  switch (key) { case 'q': break; }\n"
        "  return pick('a') + pick('q') + pick('z');\n}\n");
    std::vector<std::string> said;
    for (const Event& e : run.events)
        if (e.kind == EventKind::SwitchCase) said.push_back(explain(e));
    REQUIRE(said.size() == 6);
    CHECK(said[0] == "Line 13: the switch value 1 matches case BLUE, so the program jumps to line 13 and runs on from there "
                     "until a break (or the end of the switch).");
    CHECK(said[1] == "Line 15: no case matches the switch value -5 and there is no default, so the whole switch body is skipped.");
    CHECK(said[2].starts_with("Line 17: the switch value 113 ('q') matches case 'q', so the program jumps to line 17"));
    // The switch on an int is not shown as a character; a macro's label keeps its name.
    CHECK(said[3].starts_with("Line 4: the switch value 97 matches case 'a', so the program jumps to line 5"));
    CHECK(said[4].starts_with("Line 4: the switch value 113 matches case QUIT, so the program jumps to line 6"));
    CHECK(said[5] == "Line 4: no case matches the switch value 122, so the program jumps to default on line 8.");
}

TEST_CASE("A statement that uses the program's macros names them and shows the expanded line", "[minic][events]") {
    Run run = run_source("#define SQUARE(x) ((x) * (x))\nint main(void) {\n  int y = SQUARE(3);\n  return y - 9;\n}\n");
    std::vector<std::string> said;
    for (const Event& e : run.events)
        if (e.kind == EventKind::Statement) said.push_back(explain(e));
    REQUIRE(said.size() == 2);
    CHECK(said[0] == "Line 3 runs: int y = SQUARE(3); (with the macro SQUARE expanded, the compiler reads: int y = ((3) * (3));)");
    CHECK(said[1] == "Line 4 runs: return y - 9;");
}
