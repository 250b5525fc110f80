#include <catch2/catch.hpp>

#include "minic_run.hpp"

using namespace minic_test;

TEST_CASE("A leak is reported at exit with the blocks never freed", "[minic][errors]") {
    Run run = run_file("leak.c");
    CHECK(run.interpreter->status() == Status::Exited);
    CHECK(run.host.leaked_blocks() == 2);
    CHECK(run.host.leaked_bytes() == 24);
    const Event* leak = run.first(EventKind::MemoryProblem);
    REQUIRE(leak);
    // a and b were only held by main's locals, gone once main returned: definitely lost.
    CHECK(leak->text == "memory leak: 2 heap blocks (24 bytes) were never freed: 2 definitely lost (24 bytes, "
                        "no pointer reaches them), 0 still reachable (0 bytes, a global or another block points to them).");
    CHECK_FALSE(leak->fatal);
}

TEST_CASE("A double free stops the program at the second free", "[minic][errors]") {
    Run run = run_file("double_free.c");
    CHECK(run.interpreter->status() == Status::Stopped);
    CHECK(run.interpreter->current_line() == 6);
    const Event* problem = run.first(EventKind::MemoryProblem);
    REQUIRE(problem);
    CHECK(problem->fatal);
    CHECK(problem->text.starts_with("double free: the 10-byte block at "));
}

TEST_CASE("Integer division by zero is a learner error that stops the program", "[minic][errors]") {
    Run run = run_file("divide_by_zero.c");
    CHECK(run.host.output() == "5\n");
    CHECK(run.interpreter->status() == Status::Stopped);
    const Event* e = run.first(EventKind::DivisionByZero);
    REQUIRE(e);
    CHECK(e->line == 4);
    CHECK(explain(*e) == "Line 4 divides by zero. Integer division by zero has no result, so the processor traps and the program stops.");
}

TEST_CASE("Dereferencing NULL is a segmentation fault that stops the program", "[minic][errors]") {
    Run run = run_file("null_dereference.c");
    CHECK(run.interpreter->status() == Status::Stopped);
    CHECK(run.interpreter->current_line() == 4);
    CHECK(run.interpreter->stop_reason() ==
          "segmentation fault: the program writes address 0x0, inside the null page; it dereferenced a NULL pointer.");
}

TEST_CASE("Endless recursion reaches the guard page: a stack overflow, not a hang", "[minic][errors]") {
    Run run = run_file("endless_recursion.c", DataModel::Ilp32);
    CHECK(run.interpreter->status() == Status::Stopped);
    CHECK(run.interpreter->stop_reason().starts_with("stack overflow: calling down needs a frame"));
    // Worked by hand for cdecl: a frame of down is the argument n (4 bytes, after 12 bytes of
    // padding that keep SP 16-aligned at the call), the return address and saved frame
    // pointer (4 + 4), 8 bytes of padding so the 256-byte array pad is 16-aligned, then pad:
    // 16 + 8 + 8 + 256 = 288 bytes. main's frame is 16 bytes. (8 MiB - 16) / 288 = 29127.05,
    // so 29127 frames of down fit and the next call overflows: depth 29128 with main.
    CHECK(run.interpreter->max_depth() == 29128);
    CHECK(run.interpreter->calls() == 29128);
}

TEST_CASE("A program still running at the step limit is paused with a message, and can go on", "[minic][errors]") {
    const auto program = compile(read_program("endless_loop.c"));
    REQUIRE(program);
    Interpreter it(*program, InterpreterConfig{.step_limit = 1000});
    FlatHost host;
    std::vector<Event> events;
    it.run(host, &events);
    CHECK(it.status() == Status::Paused);
    CHECK(it.steps() == 1000);
    CHECK(it.stop_reason() == "still running after 1000 steps: paused");
    CHECK(events.back().kind == EventKind::StepLimit);
    it.set_step_limit(1500);
    it.run(host);
    CHECK(it.status() == Status::Paused);
    CHECK(it.steps() == 1500);
    // Endless recursion with a small limit pauses too, before the stack overflows.
    Run recursion = run_file("endless_recursion.c", DataModel::Lp64, 500);
    CHECK(recursion.interpreter->status() == Status::Paused);
}

TEST_CASE("Writing past a heap block and reading a freed block are reported but not fatal", "[minic][errors]") {
    Run run = run_file("heap_overflow.c");
    CHECK(run.interpreter->status() == Status::Exited);
    REQUIRE(run.count(EventKind::MemoryProblem) == 2);
    CHECK(run.events.size() > 0);
    std::vector<std::string> texts;
    for (const Event& e : run.events) {
        if (e.kind == EventKind::MemoryProblem) texts.push_back(e.text);
    }
    CHECK(texts[0].starts_with("heap buffer overflow: the program writes "));
    CHECK(texts[0].find("4 byte(s) past the end of the 16-byte block") != std::string::npos);
    CHECK(texts[1].starts_with("use after free: the program reads "));
}

TEST_CASE("Reading an uninitialised local is reported with its name, and the program goes on", "[minic][errors]") {
    Run run = run_file("uninitialized.c");
    CHECK(run.interpreter->status() == Status::Exited);
    CHECK(run.host.output() == "0\n");
    const Event* e = run.first(EventKind::UninitializedRead);
    REQUIRE(e);
    CHECK(e->text == "x");
    CHECK(e->line == 5);
    CHECK(run.interpreter->learner_errors() == 1);
}

TEST_CASE("Leaked blocks a global still points to, directly or through another block, are still reachable", "[minic][errors]") {
    Run run = run_source(R"(
struct node { int value; struct node *next; };
struct node *head;
int main(void) {
    head = malloc(sizeof(struct node));
    head->next = malloc(sizeof(struct node));
    head->next->next = NULL;
    char *lost = malloc(100);
    lost[0] = 'x';
    return 0;
})");
    REQUIRE(run.host.unreachable_blocks().size() == 1);
    CHECK(run.host.blocks().at(run.host.unreachable_blocks()[0]).size == 100);
    CHECK(run.first(EventKind::MemoryProblem)->text ==
          "memory leak: 3 heap blocks (132 bytes) were never freed: 1 definitely lost (100 bytes, no pointer reaches them), "
          "2 still reachable (32 bytes, a global or another block points to them).");
}

TEST_CASE("Writing past a local array over the saved frame pointer and return address is reported", "[minic][errors]") {
    // ILP32 cdecl, worked by hand: fill's frame holds the return address at FP + 4, the
    // saved frame pointer at FP, a[2] at FP - 8 and i at FP - 12. a[2] is FP: the saved
    // frame pointer; a[3] is FP + 4: the return address.
    Run run = run_file("stack_smash.c", DataModel::Ilp32);
    std::vector<std::string> problems;
    for (const Event& e : run.events) {
        if (e.kind == EventKind::MemoryProblem) problems.push_back(e.text);
    }
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].starts_with("stack buffer overflow: the program wrote over the saved frame pointer of fill at "));
    CHECK(problems[1].starts_with("stack buffer overflow: the program wrote over the return address of fill at "));
    CHECK(run.interpreter->status() == Status::Exited);
}
