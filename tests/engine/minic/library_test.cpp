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
