#include <catch2/catch.hpp>

#include <string>

#include "memsim/minic/parser.hpp"

using namespace memsim::minic;

namespace {
std::string parse_error(const std::string& source) {
    const auto program = parse(source);
    return program ? "(parsed)" : program.error().to_string();
}
}  // namespace

TEST_CASE("The parser builds functions, locals and statements", "[minic][parser]") {
    const auto program = parse(
        "struct node { int value; struct node *next; };\n"
        "int count = 3;\n"
        "int add(int a, int b) { int s = a + b; return s; }\n"
        "int main(void) { int i; for (i = 0; i < 3; i++) { int t = add(i, 1); } return 0; }\n");
    REQUIRE(program);
    REQUIRE(program->functions.size() == 2);
    CHECK(program->functions[0].name == "add");
    CHECK(program->functions[0].param_count == 2);
    CHECK(program->functions[0].locals.size() == 3);
    CHECK(program->functions[1].locals.size() == 2);
    REQUIRE(program->globals.size() == 1);
    CHECK(program->globals[0].name == "count");
    CHECK(program->types.size_of(program->types.find_struct("node")) == 16);
}

TEST_CASE("Operators bind with C precedence", "[minic][parser]") {
    const auto program = parse("int main(void) { return 1 + 2 * 3 == 7 && 1; }");
    REQUIRE(program);
    const Stmt& ret = program->stmts[program->stmts.size() - 2];
    REQUIRE(ret.kind == StmtKind::Return);
    const Expr& top = program->exprs[static_cast<std::size_t>(ret.expr)];
    CHECK(top.op == BinaryOp::LogicalAnd);
    const Expr& eq = program->exprs[static_cast<std::size_t>(top.a)];
    CHECK(eq.op == BinaryOp::Eq);
    const Expr& sum = program->exprs[static_cast<std::size_t>(eq.a)];
    CHECK(sum.op == BinaryOp::Add);
    CHECK(program->exprs[static_cast<std::size_t>(sum.b)].op == BinaryOp::Mul);
}

TEST_CASE("Syntax errors name line, column, what was expected and what was found", "[minic][parser]") {
    CHECK(parse_error("int main(void) {\n  int x = 1;\n  x = x + 1 int y;\n}") ==
          "3:13: expected ';' after the expression, found 'int'");
    CHECK(parse_error("int main(void) {\n  if (1 { }\n}") == "2:9: expected ')' after the condition of 'if', found '{'");
    CHECK(parse_error("int main(void) {\n  return 0;\n") ==
          "3:1: expected '}' to close the block opened at 1:16, found the end of the program");
    CHECK(parse_error("int main(void) { int a[2; }") == "1:25: expected ']' after the array size, found ';'");
    CHECK(parse_error("int main(void) { x = ; }") == "1:22: expected an expression, found ';'");
    CHECK(parse_error("main() {}") == "1:1: expected a declaration or a function (starting with a type such as 'int'), found 'main'");
    CHECK(parse_error("int main(void) { p-> = 1; }") == "1:22: expected a field name after '->', found '='");
}

TEST_CASE("C features outside MiniC are refused by name at their position", "[minic][parser]") {
    CHECK(parse_error("int main(void) {\n  long double f;\n}") ==
          "2:3: long double is not supported in MiniC (its 80-bit x87 format differs from double); use double");
    CHECK(parse_error("int main(void) { goto end; }") == "1:23: goto jumps to the label 'end', which 'main' does not have");
    CHECK(parse_error("int main(void) {\n again: ;\n again: return 0; }") == "3:2: the label 'again' is defined twice (first at 2:2)");
    CHECK(parse_error("struct u { int a; };\nunion u { int a; };") == "2:7: 'u' is already the tag of a struct");
    CHECK(parse_error("int (*choose(char c))(int, int) { return 0; }") ==
          "1:13: a function returning a function pointer needs a typedef in MiniC: typedef int (*op)(int, int); op choose(char c) { ... }");
    CHECK(parse_error("int sum(int n, ...) { return n; }") ==
          "1:16: functions with variable arguments (...) are not supported in MiniC");
    CHECK(parse_error("struct p { int x; };\nstruct p f(void) { struct p v; return v; }") == "(parsed)");
    CHECK(parse_error("int main(void) { int n = 3; int a[n]; }") == "(parsed)");  // a variable-length array
    CHECK(parse_error("int n = 3; int g[n];") ==
          "1:17: the array size must be a constant integer here (MiniC has variable-length arrays only as local variables "
          "of a function, such as int a[n];)");
    CHECK(parse_error("int main(void) { int n = 3; int a[n] = {1}; }") ==
          "1:38: variable-sized object may not be initialized: the size of 'a' is known only when the declaration runs; fill it "
          "with a loop");
    CHECK(parse_error("void f(int n, int m[n][n]) { }") ==
          "1:23: a parameter whose array size [n] is known only at run time (a variable-length array parameter) is not "
          "supported in MiniC; pass a pointer and the sizes, and index it as p[i * cols + j]");
}

TEST_CASE("Switch labels, enums and typedefs are checked where they are written", "[minic][parser]") {
    CHECK(parse_error("int main(void) { case 1: return 0; }") == "1:18: 'case' is only allowed inside a switch");
    CHECK(parse_error("int main(void) { int x = 1; switch (x) { case 1: case 1: break; } }") ==
          "1:50: the case value 1 appears twice in this switch (first at 1:42)");
    CHECK(parse_error("int main(void) { int x = 1; switch (x) { case x: break; } }") ==
          "1:42: a case label must be a constant integer (a number, a character, an enum constant or a #define)");
    CHECK(parse_error("int main(void) { enum colour c; return 0; }") ==
          "1:18: enum colour is not defined: list its constants first, 'enum colour { A, B };'");
    CHECK(parse_error("enum { A, B, A };") == "1:14: 'A' is defined twice");
    CHECK(parse_error("typedef int row[];") == "1:18: a typedef of an array needs its size");
    CHECK(parse_error("int a[2][2] = {{1}, {2}, {3}};") == "1:26: this '{' has no element or field left to initialise (too many values?)");
    CHECK(parse_error("struct p { int x; } v = {.x = 1};") == "(parsed)");
    CHECK(parse_error("struct p { int x; } v = {.y = 1};") == "1:27: struct p has no field 'y'");
    CHECK(parse_error("int a[3] = {[3] = 1};") == "1:13: the designated index 3 is outside the array (it has 3 elements)");
    CHECK(parse_error("int n = 1; int a[3] = {[n] = 1};") == "1:24: an array designator needs a constant index of 0 or more");
    CHECK(parse_error("int a[3] = {.x = 1};") == "1:13: '.name =' designates a field, but this is int [3]");
    CHECK(parse_error("struct p { int x; } v = {[0] = 1};") == "1:26: '[...] =' designates an array element, but this is struct p");
    CHECK(parse_error("struct p { int x; } v = {.x 1};") == "1:29: expected '=' after the designator, found '1'");
    CHECK(parse_error("union u { int i; float f; } v = {.f = 1.5f};") ==
          "1:35: MiniC initialises a union through its first member only ('i'); assign 'f' in a statement");
    CHECK(parse_error("struct p { int x; };\nstruct p *g = &(struct p){1};") ==
          "2:16: a compound literal outside a function is not supported in MiniC; declare a named global");
    CHECK(parse_error("int main(void) { int x = (int){3}; }") ==
          "1:26: a compound literal in MiniC makes an array or a struct, not int; use a cast or a variable");
    CHECK(parse_error("int main(void) { int *p = (int[]){}; }") ==
          "1:27: the compound literal's array needs a size or at least one value");
    CHECK(parse_error("char w[2][3] = {\"abcd\"};") == "1:17: the string has 4 characters, more than the 3 the array holds");
    CHECK(parse_error("int main(void) { Node n; }") ==
          "1:18: unknown type name 'Node': define it with typedef first, or write 'struct Node'");
}

TEST_CASE("Deeply nested expressions are refused instead of exhausting the parser's stack", "[minic][parser]") {
    std::string deep = "int main(void) { return ";
    for (int i = 0; i < 1000; ++i) deep += "(";
    deep += "1";
    for (int i = 0; i < 1000; ++i) deep += ")";
    deep += "; }";
    CHECK(parse_error(deep).find("nested too deeply") != std::string::npos);

    std::string chain = "int main(void) { return 1";
    for (int i = 0; i < 5000; ++i) chain += " + 1";
    chain += "; }";
    CHECK(parse_error(chain).find("nested too deeply") != std::string::npos);

    std::string shallow = "int main(void) { return 1";
    for (int i = 0; i < 100; ++i) shallow += " + 1";
    shallow += "; }";
    CHECK(parse_error(shallow) == "(parsed)");
}

TEST_CASE("A program inside a scenario file counts lines from its first line in the file", "[minic][parser]") {
    const auto program = parse("int main(void) {\n  return 0 }\n", DataModel::Lp64, 8);
    REQUIRE_FALSE(program);
    CHECK(program.error().to_string() == "9:12: expected ';' after the return value, found '}'");
    const auto ok = parse("int main(void) {\n  return 0;\n}\n", DataModel::Lp64, 8);
    REQUIRE(ok);
    CHECK(ok->functions[0].line == 8);
    CHECK(ok->first_line == 8);
}

TEST_CASE("An array too large for any address space is an error, not a size that wraps to 0", "[minic][parser]") {
    const std::string wrapped = parse_error("int main(void) { int a[4611686018427387904]; return 0; }");
    CHECK(wrapped.rfind("1:", 0) == 0);  // line 1, at the declaration
    CHECK(wrapped.find("more than the 2^48 bytes") != std::string::npos);
    CHECK(parse_error("int main(void) { char a[1000000][1000000][1000]; return 0; }").find("2^48") != std::string::npos);
    CHECK(parse_error("int main(void) { char a[4096]; return 0; }") == "(parsed)");
}
