#include <catch2/catch.hpp>

#include "minic_run.hpp"

using namespace minic_test;

TEST_CASE("printf formats numbers by the width of the data model", "[minic][library]") {
    const char* source = R"(int main(void) {
    long big = 3000000000L;
    int negative = -5;
    int *p = (int *)4096;
    printf("%ld|%d|%u|%x|%p|%c|%s|%%|%lu\n", big, negative, negative, negative, p, 65, "ok", sizeof(long));
    return 0;
})";
    CHECK(run_source(source, DataModel::Lp64).host.output() == "3000000000|-5|4294967291|fffffffb|0x1000|A|ok|%|8\n");
    // In ILP32 long is 4 bytes: 3000000000 does not fit and wraps to a negative long.
    CHECK(run_source(source, DataModel::Ilp32).host.output() == "-1294967296|-5|4294967291|fffffffb|0x1000|A|ok|%|4\n");
}

TEST_CASE("Library calls on bad pointers are reported like the program's own accesses", "[minic][library]") {
    Run strlen_null = run_source("int main(void) { char *s = NULL; return (int)strlen(s); }");
    CHECK(strlen_null.interpreter->status() == Status::Stopped);
    CHECK(strlen_null.interpreter->stop_reason().find("NULL pointer") != std::string::npos);
    Run printf_missing = run_source("int main(void) { printf(\"%d %d\\n\", 1); return 0; }");
    CHECK(printf_missing.host.output() == "1 %d\n");
    CHECK(printf_missing.first(EventKind::MemoryProblem)->text == "printf has more conversions than arguments: '%d' has no value");
    Run invalid_free = run_source("int main(void) { int x = 1; free(&x); return 0; }");
    CHECK(invalid_free.interpreter->status() == Status::Stopped);
    CHECK(invalid_free.interpreter->stop_reason().starts_with("invalid free: "));
}

TEST_CASE("printf pads to a width, on the left, on the right or with zeros", "[minic][library]") {
    Run run = run_source(R"(int main(void) { printf("[%5d][%-4d][%03d][%05d][%3s][%-3c]\n", 42, 7, 5, -12, "a", 'z'); return 0; })");
    CHECK(run.host.output() == "[   42][7   ][005][-0012][  a][z  ]\n");
}

namespace {

Run run_with_input(const std::string& source, const std::string& input, std::vector<std::string> args = {}) {
    const auto program = compile(source);
    if (!program) FAIL("compile error: " << program.error().to_string());
    Run run{FlatHost(FlatHostConfig::for_model(DataModel::Lp64)), std::nullopt, {}};
    run.interpreter.emplace(*program, InterpreterConfig{.step_limit = 100'000, .stdin_text = std::make_shared<const std::string>(input),
                                                        .args = std::move(args)});
    run.interpreter->run(run.host, &run.events);
    return run;
}

}  // namespace

TEST_CASE("string.h reads and writes every byte through the machine, so overflows are caught", "[minic][library]") {
    // strlen of "hello" loads its 5 bytes and the NUL.
    Run counted = run_source(R"(int main(void) { char s[8] = "hello"; return (int)strlen(s); })");
    Run baseline = run_source(R"(int main(void) { char s[8] = "hello"; return 5; })");
    CHECK(counted.interpreter->exit_code() == 5);
    CHECK(counted.host.loads() - baseline.host.loads() == 6);
    // strcpy past a 4-byte block writes into the next block's header: the heap reports it.
    Run overflow = run_source(R"(int main(void) { char *a = malloc(4); char *b = malloc(4); strcpy(a, "far too long"); free(b); return 0; })");
    const Event* problem = overflow.first(EventKind::MemoryProblem);
    REQUIRE(problem != nullptr);
    CHECK(problem->text.find("overflow") != std::string::npos);
}

TEST_CASE("Library misuse is a learner error in plain words, not a crash", "[minic][library]") {
    Run strtok_first = run_source(R"(int main(void) { char *t = strtok(NULL, ","); return t == NULL; })");
    CHECK(strtok_first.interpreter->status() == Status::Stopped);
    CHECK(strtok_first.interpreter->stop_reason().starts_with("strtok(NULL, ...) is called before any strtok(string, ...)"));
    Run bad_stream = run_source(R"(int main(void) { FILE *f = (FILE *)64; fprintf(f, "x"); return 0; })");
    CHECK(bad_stream.interpreter->status() == Status::Stopped);
    CHECK(bad_stream.interpreter->stop_reason().find("MiniC has no fopen") != std::string::npos);
    Run overlap = run_source(R"(int main(void) { char s[8] = "abcdef"; memcpy(s + 1, s, 4); printf("%s\n", s); return 0; })");
    CHECK(overlap.interpreter->status() == Status::Exited);
    CHECK(overlap.first(EventKind::MemoryProblem)->text.starts_with("memcpy's source and destination overlap"));
    Run no_nul = run_source(R"(int main(void) { char *p = malloc(70000); memset(p, 'a', 70000); return (int)strlen(p); })");
    CHECK(no_nul.interpreter->status() == Status::Stopped);
    CHECK(no_nul.interpreter->stop_reason().find("no terminating NUL byte in its first 65536 bytes") != std::string::npos);
    Run bad_base = run_source(R"(int main(void) { return (int)strtol("12", NULL, 1); })");
    CHECK(bad_base.first(EventKind::MemoryProblem)->text.starts_with("strtol's base is 0 (from the prefix) or 2 to 36, not 1"));
}

TEST_CASE("A failed assert prints glibc's message on stderr and aborts as an event", "[minic][library]") {
    Run run = run_source("#include <assert.h>\nint main(void) {\n    int x = 0;\n    assert(x > 0);\n    return 0;\n}\n");
    CHECK(run.interpreter->status() == Status::Stopped);
    CHECK(run.interpreter->exit_code() == 134);
    CHECK(run.host.error_output() == "prog: prog.c:4: main: Assertion `x > 0' failed.\n");
    CHECK(run.host.output().empty());
    const Event* aborted = run.first(EventKind::Aborted);
    REQUIRE(aborted != nullptr);
    CHECK(aborted->line == 4);
    CHECK(explain(*aborted).find("SIGABRT") != std::string::npos);
    Run off = run_source("#define NDEBUG\n#include <assert.h>\nint main(void) { assert(0); return 3; }\n");
    CHECK(off.interpreter->exit_code() == 3);
}

TEST_CASE("Standard input is read to its end, then EOF; argv holds the arguments", "[minic][library]") {
    Run run = run_with_input(R"(int main(int argc, char *argv[]) {
    char line[8];
    int a = 0;
    int first = scanf("%d", &a);
    int c = getchar();
    char *got = fgets(line, sizeof line, stdin);
    int after = getchar();
    printf("%d %d %d [%s] %d %d %s %s\n", first, a, c, got ? line : "NULL", after, argc, argv[1], argv[2]);
    return 0;
})", "42\nok", {"one", "two"});
    CHECK(run.host.output() == "1 42 10 [ok] -1 3 one two\n");
    CHECK(run.interpreter->library_state().stdin_offset == 5);
}

TEST_CASE("rand's state is part of the program's state, so checkpoints keep it", "[minic][library]") {
    const auto program = compile("int main(void) {\n srand(9);\n int a = rand();\n int b = rand();\n return a == b;\n}\n");
    REQUIRE(program);
    FlatHost host(FlatHostConfig::for_model(DataModel::Lp64));
    Interpreter run(*program);
    for (int i = 0; i < 3; ++i) run.step(host);  // start, srand, the first rand
    const Interpreter checkpoint = run;
    CHECK(checkpoint.library_state().rand.seeded);
    run.step(host);  // the second rand moves the generator on
    CHECK(run.library_state().rand != checkpoint.library_state().rand);
    CHECK_FALSE(run == checkpoint);
}

TEST_CASE("Heap overflows and use after free carry memcheck's words beside the plain ones", "[minic][library]") {
    Run overflow = run_source(R"(int main(void) { int *a = malloc(40); a[10] = 1; free(a); return 0; })");
    const Event* past = overflow.first(EventKind::MemoryProblem);
    REQUIRE(past != nullptr);
    CHECK(past->text.find("Valgrind's memcheck says: Invalid write of size 4; Address ") != std::string::npos);
    CHECK(past->text.find(" is 0 bytes after a block of size 40 alloc'd.") != std::string::npos);
    Run freed = run_source(R"(int main(void) { int *a = malloc(16); free(a); return a[1]; })");
    const Event* after = freed.first(EventKind::MemoryProblem);
    REQUIRE(after != nullptr);
    CHECK(after->text.find("Invalid read of size 4; Address ") != std::string::npos);
    CHECK(after->text.find(" is 4 bytes inside a block of size 16 free'd.") != std::string::npos);
}

TEST_CASE("In ILP32 a long is 4 bytes: strtol clamps there and %ld prints 32 bits", "[minic][library]") {
    const char* source = R"(int main(void) {
    char *end;
    long big = strtol("3000000000", &end, 10);
    unsigned long u = strtoul("-1", NULL, 10);
    printf("%ld %d %lu %lld %zu\n", big, *end == '\0', u, strtoll("3000000000", NULL, 10), sizeof(long));
    return 0;
})";
    // C: an out-of-range strtol gives LONG_MAX; strtoul("-1") is ULONG_MAX; long long stays 64 bits.
    CHECK(run_source(source, DataModel::Ilp32).host.output() == "2147483647 1 4294967295 3000000000 4\n");
    CHECK(run_source(source, DataModel::Lp64).host.output() == "3000000000 1 18446744073709551615 3000000000 8\n");
}

TEST_CASE("sin, cos and tan of angles from 2^30 to the largest double give glibc's bits, natively and in WASM", "[minic][library][math]") {
    // Beyond 2^30 the angle is reduced with the bits of 2/pi (Payne-Hanek). The expected
    // lines are what this program printed when built with gcc against glibc 2.36.
    const std::string source = R"(#include <math.h>
#include <stdio.h>
int main(void) {
    double x[] = {1073741824.0, -1e10, 1e22, 1e300, 1.7976931348623157e308};
    for (int i = 0; i < 5; i++) printf("%a %a %a\n", sin(x[i]), cos(x[i]), tan(x[i]));
    return 0;
})";
    const Run run = run_source(source);
    CHECK(run.count(EventKind::MemoryProblem) == 0);
    CHECK(run.host.output() == "-0x1.3c12353728cafp-1 0x1.92cb46a920144p-1 -0x1.91c3c126f9d13p-1\n"
                               "0x1.f334c7896a4e3p-2 0x1.bf098901c931ap-1 0x1.1de000f443f5p-1\n"
                               "-0x1.b453ab76bf397p-1 0x1.0be2cef01c8f4p-1 -0x1.a0f79c1b6b257p+0\n"
                               "-0x1.a2c16b010e385p-1 -0x1.2699022adc4c1p-1 0x1.6be411f37ac77p+0\n"
                               "0x1.452fc98b34e97p-8 -0x1.fffe62ecfab75p-1 -0x1.4530cfe729484p-8\n");
}
