#include <catch2/catch.hpp>

#include "minic_run.hpp"

using namespace minic_test;

namespace {
std::vector<std::int64_t> returns_of(const Run& run, const std::string& function) {
    std::vector<std::int64_t> values;
    for (const Event& e : run.events) {
        if (e.kind == EventKind::Return && e.function == function) values.push_back(e.value);
    }
    return values;
}
}  // namespace

TEST_CASE("Factorial recursion pushes one frame per call and returns 1, 2, 6, 24, 120", "[minic][interpreter]") {
    Run run = run_file("factorial.c");
    const Interpreter& it = *run.interpreter;
    CHECK(it.status() == Status::Exited);
    CHECK(it.exit_code() == 0);
    CHECK(run.host.output() == "fact(5) = 120\n");
    // main + fact(5), fact(4), ..., fact(1): six calls, all active at the deepest point.
    CHECK(it.calls() == 6);
    CHECK(it.max_depth() == 6);
    CHECK(returns_of(run, "fact") == std::vector<std::int64_t>{1, 2, 6, 24, 120});
    CHECK(run.count(EventKind::Call) == 6);
    CHECK(it.learner_errors() == 0);
    CHECK(run.host.call_stack().frames().empty());
}

TEST_CASE("Fibonacci recursion makes 25 calls of fib for fib(6), at most 7 frames deep", "[minic][interpreter]") {
    // fib(n) calls: c(0) = c(1) = 1, c(n) = 1 + c(n-1) + c(n-2): c(6) = 25.
    for (DataModel model : {DataModel::Lp64, DataModel::Ilp32}) {
        Run run = run_file("fibonacci.c", model);
        CHECK(run.host.output() == "fib(6) = 8 after 25 calls\n");
        CHECK(run.interpreter->calls() == 26);
        CHECK(run.interpreter->max_depth() == 7);
        CHECK(run.interpreter->exit_code() == 8);
    }
}

TEST_CASE("Each step runs one statement and each return is a step of its own", "[minic][interpreter]") {
    const auto program = compile(read_program("factorial.c"));
    REQUIRE(program);
    Interpreter it(*program);
    FlatHost host(FlatHostConfig::for_model(DataModel::Lp64));
    std::vector<int> lines;
    while (it.running()) {
        it.step(host);
        lines.push_back(it.current_line());
    }
    // Start (main's first statement, line 10), then fact(5): test at 4, return at 6, five
    // levels down to the base case at 5; five returns resume at line 6, one at line 10.
    CHECK(lines == std::vector<int>{10, 4, 6, 4, 6, 4, 6, 4, 6, 4, 5, 6, 6, 6, 6, 10, 11, 12, 12});
    CHECK(it.steps() == 19);
}

TEST_CASE("A linked list is built with malloc, walked with ->, and freed", "[minic][interpreter]") {
    Run run = run_file("linked_list.c");
    CHECK(run.host.output() == "40 30 20 10 sum 100\n");
    CHECK(run.host.blocks().size() == 4);
    CHECK(run.host.leaked_blocks() == 0);
    CHECK(run.interpreter->learner_errors() == 0);
    CHECK(run.interpreter->status() == Status::Exited);
}

TEST_CASE("Pointers to pointers, pointer arithmetic and string functions work through memory", "[minic][interpreter]") {
    Run run = run_file("pointers.c");
    CHECK(run.host.output() == "x=42 *p=42 same=1\nhallo 5 o\ndiff 4\n");
    CHECK(run.interpreter->learner_errors() == 0);
}

TEST_CASE("Structs are laid out with padding per data model and copied by assignment", "[minic][interpreter]") {
    // struct point { char; int; long; }: LP64 0/4/8, size 16; ILP32 long is 4: 0/4/8, size 12.
    // struct box { struct point; int; }: LP64 16 + 4, padded to 24; ILP32 12 + 4 = 16.
    CHECK(run_file("structs.c", DataModel::Lp64).host.output() == "A 3 4 10 20\n16 24\n");
    CHECK(run_file("structs.c", DataModel::Ilp32).host.output() == "A 3 4 10 20\n12 16\n");
}

TEST_CASE("Arrays of arrays are row-major: grid[r][c] is element r * columns + c", "[minic][interpreter]") {
    Run run = run_file("matrix.c");
    CHECK(run.host.output() == "11 23 23\n4 24\n");
}

TEST_CASE("Integer arithmetic wraps at the type's width, as on the real machine", "[minic][interpreter]") {
    Run run = run_source(R"(
int main(void) {
    unsigned int u = 0;
    u = u - 1;
    int big = 2147483647;
    big = big + 1;
    char c = 127;
    c++;
    long l = 1;
    l = l << 40;
    printf("%u %d %d %ld\n", u, big, c, l);
    printf("%d %d %d %d\n", -7 / 2, -7 % 2, -1 < 1u, (unsigned char)300);
    printf("%x %d %d %d\n", 0xF0 | 0x0F, 6 & 3, 6 ^ 3, ~0);
    printf("%d %d %d\n", 3 > 2 ? 10 : 20, !5, 1 && 0 || 1);
    return 0;
})");
    CHECK(run.host.output() == "4294967295 -2147483648 -128 1099511627776\n-3 -1 0 44\nff 2 5 -1\n10 0 1\n");
}

TEST_CASE("Globals live in data and bss, string literals in read-only data", "[minic][interpreter]") {
    Run run = run_source(R"(
int counter;
int start = 5;
char *greeting = "hi";
char buffer[8] = "abc";
int table[4] = {1, 2, 3};
int main(void) {
    counter = counter + start;
    printf("%d %s %s %d %d\n", counter, greeting, buffer, table[2], table[3]);
    greeting[0] = 'H';
    return 0;
})");
    CHECK(run.host.output() == "5 hi abc 3 0\n");
    CHECK(run.interpreter->status() == Status::Stopped);
    CHECK(run.interpreter->stop_reason().find("read-only memory holding a string literal") != std::string::npos);
    CHECK(run.interpreter->current_line() == 10);
}

TEST_CASE("Library functions read and write simulated memory", "[minic][interpreter][library]") {
    Run run = run_source(R"(
int main(void) {
    int *a = calloc(4, sizeof(int));
    a[1] = 7;
    a = realloc(a, 8 * sizeof(int));
    memset(a + 4, 0, 4 * sizeof(int));
    int copy[8];
    memcpy(copy, a, sizeof(copy));
    printf("%d %d %d %c%c %%\n", copy[0], copy[1], copy[7], 'o', 'k');
    putchar('x');
    puts("!");
    free(a);
    int child = fork();
    yield();
    touch(copy, sizeof(copy));
    printf("%d %p\n", child, NULL);
    return 0;
})");
    CHECK(run.host.output() == "0 7 0 ok %\nx!\n1 (nil)\n");
    CHECK(run.host.leaked_blocks() == 0);
    CHECK(run.host.forks() == 1);
    CHECK(run.interpreter->learner_errors() == 0);
}

TEST_CASE("exit() ends the program with its code", "[minic][interpreter][library]") {
    Run run = run_source("void stop(void) { exit(3); }\nint main(void) { stop(); printf(\"not here\"); return 0; }");
    CHECK(run.interpreter->status() == Status::Exited);
    CHECK(run.interpreter->exit_code() == 3);
    CHECK(run.host.output().empty());
}

TEST_CASE("The interpreter state is a value: equal runs are equal, copies diverge independently", "[minic][interpreter]") {
    const auto program = compile(read_program("fibonacci.c"));
    REQUIRE(program);
    Interpreter a(*program), b(*program);
    FlatHost ha(FlatHostConfig::for_model(DataModel::Lp64)), hb(FlatHostConfig::for_model(DataModel::Lp64));
    for (int i = 0; i < 30; ++i) {
        a.step(ha);
        b.step(hb);
    }
    CHECK(a == b);
    const Interpreter checkpoint = a;
    a.step(ha);
    CHECK_FALSE(a == checkpoint);
    CHECK(checkpoint == b);
    CHECK(checkpoint.depth() == b.depth());
}

TEST_CASE("A host may end a step at a memory event: one step is one statement or one memory event", "[minic][interpreter]") {
    const char* source = R"(int main(void) {
    char *p = malloc(3 * 4096);
    p[0] = p[4096] = p[8192] = 7;
    free(p);
    return 0;
})";
    const auto program = compile(source);
    REQUIRE(program);
    auto lines_of = [&](bool step_per_page) {
        FlatHostConfig config = FlatHostConfig::for_model(DataModel::Lp64);
        config.step_per_new_page = step_per_page;
        FlatHost host(config);
        Interpreter it(*program);
        std::vector<int> lines;
        while (it.running()) {
            it.step(host);
            lines.push_back(it.current_line());
        }
        CHECK(host.peek(host.blocks().begin()->first + 4096, 1) == 7);
        return lines;
    };
    CHECK(lines_of(false) == std::vector<int>{2, 3, 4, 5, 5});
    // Line 3 stores into three new pages (p[8192] first, as the assignment runs right to
    // left): each store ends a step, so line 3 takes three steps instead of one.
    CHECK(lines_of(true) == std::vector<int>{2, 3, 3, 3, 4, 5, 5});
}

TEST_CASE("A 400 MB global array costs nothing until used, and reads as zero", "[minic][interpreter]") {
    Run run = run_source("int big[100000000];\nint main(void) { big[99999999] = 7; return big[99999999] + big[5]; }");
    CHECK(run.interpreter->exit_code() == 7);
    CHECK(run.interpreter->learner_errors() == 0);
}

TEST_CASE("current_line() uses the lines of the whole scenario file when the body starts later", "[minic][interpreter]") {
    const auto program = compile("int main(void) {\n  int x = 1;\n  return x;\n}\n", CompileOptions{.model = DataModel::Lp64, .first_line = 20});
    REQUIRE(program);
    Interpreter it(*program);
    FlatHost host(FlatHostConfig::for_model(DataModel::Lp64));
    it.step(host);
    CHECK(it.current_line() == 21);
    it.step(host);
    CHECK(it.current_line() == 22);
}

TEST_CASE("A static local keeps its value between calls and lives with the globals", "[minic][interpreter][static]") {
    const std::string source =
        "int next(void) { static int n = 5; static int zero; zero++; return n++ + zero * 100; }\n"
        "int n = 1;\n"
        "int main(void) { next(); next(); return next() + n; }\n";
    const auto program = compile(source);
    REQUIRE(program);
    // Two statics of next() plus the global n: all three are program globals.
    REQUIRE((*program)->program.globals.size() == 3);
    CHECK((*program)->program.globals[0].owner == 0);
    CHECK((*program)->program.globals[2].owner == -1);
    Run run = run_source(source);
    CHECK(run.interpreter->exit_code() == 7 + 300 + 1);
    CHECK(run.host.call_stack().frames().empty());
}

TEST_CASE("A switch jumps to its case, falls through and leaves at break", "[minic][interpreter][switch]") {
    Run run = run_source(
        "#include <stdio.h>\n"
        "int f(int x) { int r = 0;\n"
        "  switch (x) { case 1: r += 1; case 2: r += 10; break; case -3: r = 7; break; default: r = 99; }\n"
        "  return r; }\n"
        "int main(void) { unsigned char c = 200; switch (c) { case 200: putchar('y'); break; case -56: putchar('n'); }\n"
        "  for (int i = 0; i < 3; i++) { switch (i) { case 1: continue; } putchar('0' + i); }\n"
        "  return f(1) * 10000 + f(2) * 100 + f(-3) + f(5) * 0; }\n");
    CHECK(run.host.output() == "y02");
    CHECK(run.interpreter->exit_code() == 110000 + 1000 + 7);
}

TEST_CASE("Struct assignment copies the bytes, also inside a larger expression", "[minic][interpreter][struct]") {
    Run run = run_source(
        "typedef struct { int x; char c; long y; } T;\n"
        "int main(void) { T a, b, c; a.x = 4; a.c = 'z'; a.y = 9; c = b = a; b.x = 1;\n"
        "  return c.x * 1000 + (c = b).x * 100 + (int)c.y; }\n");
    CHECK(run.interpreter->status() == Status::Exited);
    CHECK(run.interpreter->exit_code() == 4000 + 100 + 9);
}

TEST_CASE("bool stores 0 or 1 and __func__ names the function", "[minic][interpreter][bool]") {
    Run run = run_source(
        "#include <stdbool.h>\n#include <stdio.h>\n"
        "int main(void) { bool b = 7; bool p = &b; b += 5; bool z = (bool)0;\n"
        "  printf(\"%s %d %d %d %d\", __func__, b, p, z, (int)sizeof(bool)); return 0; }\n");
    CHECK(run.host.output() == "main 1 1 0 1");
}

TEST_CASE("main(int argc, char *argv[]) gets 1 and {\"prog\", NULL}", "[minic][interpreter][main]") {
    for (DataModel model : {DataModel::Lp64, DataModel::Ilp32}) {
        Run run = run_source("#include <stdio.h>\nint main(int argc, char **argv) { printf(\"%d %s %p\", argc, argv[0], argv[1]); return argc; }\n",
                             model);
        CHECK(run.host.output() == "1 prog (nil)");
        CHECK(run.interpreter->exit_code() == 1);
    }
}

TEST_CASE("A call through a NULL function pointer stops the program like a segmentation fault", "[minic][interpreter][function-pointer]") {
    const Run run = run_source("int main(void) {\n  int (*f)(void) = 0;\n  return f();\n}\n");
    CHECK(run.interpreter->status() == Status::Stopped);
    CHECK(run.interpreter->stop_reason() == "line 3 calls through a NULL function pointer: segmentation fault");
}

TEST_CASE("qsort calls the program's comparator as a function: each call is a frame of its own", "[minic][interpreter][function-pointer]") {
    const Run run = run_source(
        "#include <stdlib.h>\n"
        "int up(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }\n"
        "int main(void) {\n  int a[4] = {3, 1, 2, 0};\n  qsort(a, 4, sizeof a[0], up);\n"
        "  return a[0] * 1000 + a[1] * 100 + a[2] * 10 + a[3];\n}\n");
    REQUIRE(run.interpreter->status() == Status::Exited);
    CHECK(run.interpreter->exit_code() == 123);
    CHECK(returns_of(run, "up").size() == 5);  // a merge sort of 4 elements: 2 + 3 comparisons here
    CHECK(run.interpreter->max_depth() == 2);  // main, then up called from inside qsort
}

TEST_CASE("A struct returned by value is copied into a slot of the caller's frame", "[minic][interpreter][struct]") {
    const Run run = run_source(
        "struct pair { long a, b, c; };\n"
        "struct pair make(long v) { struct pair p = {v, v * 2, v * 3}; return p; }\n"
        "int main(void) { struct pair q = make(5); return (int)(make(7).c + q.b); }\n");
    CHECK(run.interpreter->status() == Status::Exited);
    CHECK(run.interpreter->exit_code() == 21 + 10);
    // main's locals: q, then one hidden slot per call site that returns a struct.
    const Function& main_function = run.interpreter->program().program.functions[1];
    REQUIRE(main_function.locals.size() == 3);
    CHECK(main_function.locals[1].name == "(result of make(), line 3)");
    CHECK(main_function.locals[2].name == "(result of make(), line 3)");
    const Event* returned = run.first(EventKind::Return);
    REQUIRE(returned != nullptr);
    CHECK(returned->text.find("the struct pair (24 bytes), copied into the caller's frame at 0x") == 0);
}

TEST_CASE("A call through a pointer whose type returns a struct the function does not return stops", "[minic][interpreter][struct]") {
    const Run run = run_source(
        "struct pair { int a, b; };\n"
        "typedef struct pair (*maker)(int);\n"
        "int twice(int v) { return 2 * v; }\n"
        "int main(void) { maker m = (maker)twice; return m(3).a; }\n");
    CHECK(run.interpreter->status() == Status::Stopped);
    const Event* problem = run.first(EventKind::MemoryProblem);
    REQUIRE(problem != nullptr);
    CHECK(problem->text == "line 4 calls 'twice' through a pointer whose type returns another kind of value than 'twice' does: "
                           "the pointer's type does not match the function");
}
