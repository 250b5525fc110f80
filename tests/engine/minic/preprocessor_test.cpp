#include <catch2/catch.hpp>

#include "memsim/minic/preprocessor.hpp"

using namespace memsim::minic;

namespace {

// The tokens' spellings joined by spaces (End left out), or "error: L:C: message".
std::string spelled(const std::string& source, DataModel model = DataModel::Lp64) {
    const auto tokens = preprocess(source, PreprocessConfig{.model = model});
    if (!tokens) return "error: " + tokens.error().to_string();
    std::string out;
    for (const Token& t : *tokens) {
        if (t.kind == TokenKind::End) break;
        out += (out.empty() ? "" : " ") + spelling(t);
    }
    return out;
}

}  // namespace

TEST_CASE("Object-like macros expand where they are used, at the use's line and column", "[minic][preprocessor]") {
    CHECK(spelled("#define N 10\nint a[N];") == "int a [ 10 ] ;");
    CHECK(spelled("#define N 10\n#define M (N + 1)\nM") == "( 10 + 1 )");
    CHECK(spelled("#define x x + 1\nx") == "x + 1");  // a macro does not expand inside itself
    const auto tokens = preprocess("#define N 10\n\nint a[  N];");
    REQUIRE(tokens);
    CHECK((*tokens)[3].text == "10");
    CHECK((*tokens)[3].line == 3);
    CHECK((*tokens)[3].column == 9);
}

TEST_CASE("Function-like macros substitute arguments, stringize with # and paste with ##", "[minic][preprocessor]") {
    CHECK(spelled("#define MAX(a, b) ((a) > (b) ? (a) : (b))\nMAX(x, f(1, 2))") ==
          "( ( x ) > ( f ( 1 , 2 ) ) ? ( x ) : ( f ( 1 , 2 ) ) )");
    CHECK(spelled("#define SHOW(e) #e\nSHOW(a + b)") == "\"a + b\"");
    CHECK(spelled("#define CAT(a, b) a##b\nCAT(my, var) CAT(1, 2)") == "myvar 12");
    CHECK(spelled("#define F(x) x\nF") == "F");  // a function-like name without '(' stays
    CHECK(spelled("#define SQ(x) ((x) * (x))\nSQ(SQ(2))") == "( ( ( ( 2 ) * ( 2 ) ) ) * ( ( ( 2 ) * ( 2 ) ) ) )");
    CHECK(spelled("#define STR(x) #x\n#define XSTR(x) STR(x)\n#define N 4\nSTR(N) XSTR(N)") == "\"N\" \"4\"");
    CHECK(spelled("#define NONE() 7\nNONE()") == "7");
    CHECK(spelled("#define LOG(...) f(__VA_ARGS__)\nLOG(1, 2)") == "f ( 1 , 2 )");
}

TEST_CASE("Conditionals keep one branch, with defined and constant expressions", "[minic][preprocessor]") {
    CHECK(spelled("#if 1\na\n#else\nb\n#endif") == "a");
    CHECK(spelled("#define V 3\n#if V == 1\na\n#elif V * 2 == 6 && defined(V)\nb\n#else\nc\n#endif") == "b");
    CHECK(spelled("#ifdef X\na\n#endif\n#ifndef X\nb\n#endif") == "b");
    CHECK(spelled("#if 0\n#if 1\na\n#else\nb\n#endif\n#else\nc\n#endif") == "c");
    CHECK(spelled("#if UNKNOWN_NAME\na\n#endif\nz") == "z");
    CHECK(spelled("#if 0\nfloat f = 3.5; don't @\n#endif\nok") == "ok");
    CHECK(spelled("#if -1 < 0u\nunsigned\n#else\nsigned\n#endif") == "signed");
    CHECK(spelled("#define A\n#undef A\n#ifdef A\na\n#endif\nb") == "b");
}

TEST_CASE("Predefined macros follow the data model", "[minic][preprocessor]") {
    CHECK(spelled("NULL EOF") == "( ( void * ) 0 ) ( - 1 )");
    CHECK(spelled("INT_MAX LONG_MAX SIZE_MAX") == "2147483647 9223372036854775807L 18446744073709551615UL");
    CHECK(spelled("LONG_MAX SIZE_MAX", DataModel::Ilp32) == "2147483647L 4294967295U");
    CHECK(spelled("RAND_MAX true false EXIT_FAILURE") == "2147483647 1 0 1");
    CHECK(spelled("\n__LINE__") == "2");
    CHECK(spelled("#include <stdio.h>\n#include <stdlib.h>\n#pragma once\nx") == "x");
}

TEST_CASE("Preprocessor errors name line and column", "[minic][preprocessor]") {
    CHECK(spelled("int x;\n#include \"list.h\"\n") ==
          "error: 2:10: #include \"list.h\": MiniC runs one file and reads no headers of its own; paste the header's "
          "declarations into the program");
    CHECK(spelled("#include <pthread.h>").starts_with("error: 1:11: <pthread.h> is not a header MiniC knows"));
    CHECK(spelled("#if 1\nx\n") == "error: 1:1: #if has no matching #endif");
    CHECK(spelled("#endif") == "error: 1:2: #endif without a matching #if");
    CHECK(spelled("#error size must be even") == "error: 1:1: #error: size must be even");
    CHECK(spelled("#define F(a, b) a\nF(1)") == "error: 2:1: the macro 'F' takes 2 arguments, but 1 is given");
    CHECK(spelled("#define F(a) a\nF(1") == "error: 2:1: the arguments of the macro 'F' have no closing ')'");
    CHECK(spelled("#if 1 / 0\n#endif") == "error: 1:7: division by zero in the #if condition");
    CHECK(spelled("#foo") == "error: 1:2: unknown preprocessor directive '#foo'");
    CHECK(spelled("#define PI 3.14\n#if PI > 3\n#endif") ==
          "error: 2:5: the #if condition takes integers only, not the floating constant 3.14");
    CHECK(spelled("#define A B B\n#define B A A\n#define C A A A A A A A A\n#define D C C C C C C C C\n"
                  "#define E D D D D D D D D\n#define F E E E E E E E E\n#define G F F F F F F F F\n"
                  "#define H G G G G G G G G\nH H")
              .find("macro expansion makes more than") != std::string::npos);
}

TEST_CASE("The lines that use the program's macros are listed with the text the compiler reads", "[minic][preprocessor]") {
    // The expanded text is what `gcc -E -P` prints for these lines.
    std::vector<MacroLine> lines;
    const auto tokens = preprocess("#include <stdio.h>\n#define N 4\n#define SQUARE(x) ((x) * (x))\n"
                                   "#define LOG(msg) printf(\"log: %s\\n\", msg)\n"
                                   "int y = SQUARE(N + 1);\nLOG(\"hi\");\nint *p = NULL; int m = INT_MAX;\n",
                                   PreprocessConfig{}, &lines);
    REQUIRE(tokens);
    REQUIRE(lines.size() == 2);  // NULL and INT_MAX are the library's, not the program's
    CHECK(lines[0].line == 5);
    CHECK(lines[0].macros == std::vector<std::string>{"SQUARE", "N"});
    CHECK(lines[0].expanded == "int y = ((4 + 1) * (4 + 1));");
    CHECK(lines[1].line == 6);
    CHECK(lines[1].macros == std::vector<std::string>{"LOG"});
    CHECK(lines[1].expanded == "printf(\"log: %s\\n\", \"hi\");");
    // A long line is cut, so that a step's sentence stays readable.
    std::vector<MacroLine> long_line;
    std::string ones;
    for (int i = 0; i < 40; ++i) ones += "ONE, ";
    REQUIRE(preprocess("#define ONE 1\nint a[] = {" + ones + "};\n", PreprocessConfig{}, &long_line));
    REQUIRE(long_line.size() == 1);
    CHECK(long_line[0].expanded.size() == 100);
    CHECK(long_line[0].expanded.ends_with("..."));
}
