// A compile lists every error, as gcc does: the parser resumes after a failed statement
// or declaration, the checker after a failed statement, and each error keeps its line.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "memsim/minic/code.hpp"
#include "memsim/minic/parser.hpp"

using namespace memsim;
using namespace memsim::minic;

namespace {

std::vector<std::string> compile_errors(const std::string& source) {
    const auto program = compile(source, CompileOptions{});
    if (program) return {};
    std::vector<std::string> lines;
    for (const Error& e : all_errors(program.error())) lines.push_back(e.to_string());
    return lines;
}

}  // namespace

TEST_CASE("Every syntax error is listed, each at its own line", "[minic][errors]") {
    // The lines gcc -fsyntax-only names for the same file: 2, 3 (before the '}' on 4), 7, 8.
    const auto errors = compile_errors(
        "int helper(int a) {\n"
        "    int b = a +;\n"           // 2: an operand is missing
        "    return b\n"               // 3: ';' missing, found '}' on line 4
        "}\n"
        "int main(void) {\n"
        "    int x = 1\n"              // 6: ';' missing, found 'x' on line 7
        "    x = x * 2;\n"
        "    if (x > 1 { x = 0; }\n"   // 8: ')' missing
        "    return 0;\n"
        "}\n");
    REQUIRE(errors.size() == 4);
    CHECK(errors[0].starts_with("2:16: expected an expression"));
    CHECK(errors[1].starts_with("4:1: expected ';' after the return value"));
    CHECK(errors[2].starts_with("7:5: expected ';'"));
    CHECK(errors[3].starts_with("8:15: expected ')'"));
}

TEST_CASE("Every type error is listed when the program parses", "[minic][errors]") {
    const auto errors = compile_errors(
        "int twice(int n) { return n * 2; }\n"
        "int main(void) {\n"
        "    int count = 0;\n"
        "    cout = 1;\n"              // 4: not defined
        "    twice(1, 2);\n"           // 5: too many arguments
        "    int *p = count;\n"        // 6: int to pointer
        "    return count;\n"
        "}\n");
    REQUIRE(errors.size() == 3);
    CHECK(errors[0].starts_with("4:5: variable 'cout' is not defined"));
    CHECK(errors[1].starts_with("5:5: 'twice' takes 1 argument"));
    CHECK(errors[2].starts_with("6:14: initial value of 'p'"));
}

TEST_CASE("A variable whose initializer is wrong stays declared: no cascade of errors", "[minic][errors]") {
    const auto errors = compile_errors(
        "int main(void) {\n"
        "    int total = missing;\n"
        "    total = total + 1;\n"
        "    return total;\n"
        "}\n");
    REQUIRE(errors.size() == 1);
    CHECK(errors[0].starts_with("2:17: variable 'missing' is not defined"));
}

TEST_CASE("Errors after a failed top-level declaration are still found", "[minic][errors]") {
    const auto errors = compile_errors(
        "struct point { int x; int y; }\n"  // ';' missing: 'int' on line 2 is found instead
        "int g = ;\n"
        "int main(void) { return 0 }\n");
    // Line 2 holds two errors (gcc names 2:1 and 2:9); memsim lists a line's first only.
    REQUIRE(errors.size() == 2);
    CHECK(errors[0].starts_with("2:1: expected a name, found 'int'"));
    CHECK(errors[1].starts_with("3:27: expected ';' after the return value"));
}

TEST_CASE("The list stops at max_compile_errors, and garbage never loops", "[minic][errors]") {
    std::string many = "int main(void) {\n";
    for (int i = 0; i < 100; ++i) many += "    int x" + std::to_string(i) + " = ;\n";
    many += "    return 0;\n}\n";
    CHECK(compile_errors(many).size() == max_compile_errors);
    CHECK(!compile_errors("} } ) ; ; int ( [ { ] ] \" \n").empty());
    CHECK(!compile_errors(std::string(5000, '{')).empty());
    CHECK(!compile_errors(std::string(5000, '}')).empty());
    CHECK(compile_errors("int main(void) { return 0; }\n").empty());
}
