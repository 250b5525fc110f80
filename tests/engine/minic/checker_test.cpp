#include <catch2/catch.hpp>

#include "minic_run.hpp"

using minic_test::compile_error;

TEST_CASE("Undefined names are errors with a did-you-mean suggestion", "[minic][checker]") {
    CHECK(compile_error("int main(void) {\n  int count = 0;\n  cout = 1;\n  return 0;\n}") ==
          "3:3: variable 'cout' is not defined; did you mean 'count'?");
    CHECK(compile_error("int main(void) { prinf(\"x\"); return 0; }") ==
          "1:18: function 'prinf' is not defined; did you mean 'printf'?");
    CHECK(compile_error("int main(void) { { int inner = 1; } return inner; }") ==
          "1:44: variable 'inner' is not defined");
}

TEST_CASE("Calls must give each function its number of arguments", "[minic][checker]") {
    CHECK(compile_error("int add(int a, int b) { return a + b; }\nint main(void) { return add(1); }") ==
          "2:25: 'add' takes 2 arguments but is given 1");
    CHECK(compile_error("int main(void) { free(); return 0; }") == "1:18: 'free' takes 1 argument but is given 0");
    CHECK(compile_error("int main(void) { printf(); return 0; }") == "1:18: 'printf' takes at least 1 argument but is given 0");
}

TEST_CASE("Type errors say which types do not fit", "[minic][checker]") {
    CHECK(compile_error("int main(void) { int x = 1; int *p = x; return 0; }") ==
          "1:38: initial value of 'p': an integer ('int') is not a pointer ('int *'); add a cast if you mean it");
    CHECK(compile_error("struct s { int a; };\nint main(void) { struct s v; v.b = 1; return 0; }") ==
          "2:31: struct s has no field 'b'; did you mean 'a'?");
    CHECK(compile_error("struct s { int a; };\nint main(void) { struct s v; struct s *p = &v; p.a = 1; return 0; }") ==
          "2:49: '.' needs a struct, but the left side is 'struct s *'; use '->' for a pointer to a struct");
    CHECK(compile_error("int main(void) { int a[3]; int b[3]; a = b; return 0; }") ==
          "1:38: '=': an array cannot be assigned as a whole; copy its elements (or use memcpy)");
    CHECK(compile_error("int main(void) { void *p = NULL; return *p; }") ==
          "1:41: a 'void *' cannot be dereferenced; cast it to a typed pointer first");
    CHECK(compile_error("void f(void) { return 1; }\nint main(void) { f(); return 0; }") ==
          "1:23: 'f' returns void, so 'return' takes no value");
}

TEST_CASE("Programs need main and loops for break", "[minic][checker]") {
    CHECK(compile_error("int f(void) { return 0; }") == "1:1: the program has no 'main' function: write 'int main(void) { ... }'");
    CHECK(compile_error("int main(void) { break; return 0; }") == "1:18: 'break' is only allowed inside a loop or a switch");
    CHECK(compile_error("int g = 1;\nint h = g + 1;\nint main(void) { return 0; }") ==
          "2:11: a global's initial value must be a constant (a number, a string or arithmetic on numbers)");
    CHECK(compile_error("int f(int x);\nint main(void) { return f(1); }") == "2:25: function 'f' is declared but never defined");
}

TEST_CASE("Struct copies need a struct in memory on the right", "[minic][checker]") {
    CHECK(compile_error("struct s { int a; };\nint main(void) { struct s x; struct s y; struct s z; x.a = 1; z = y = x; return 0; }") ==
          "(compiled)");
    CHECK(compile_error("struct s { int a; };\nint main(void) { struct s x; struct s y; x.a = 1; y = 1 ? x : x; return 0; }") ==
          "2:57: '?:' cannot choose between structs in MiniC; use if / else");
    CHECK(compile_error("struct s { int a; };\nint main(void) { struct s x; x.a = 1; struct s y = x; return y.a; }") == "(compiled)");
}

TEST_CASE("A misspelt struct name is caught where its fields are used", "[minic][checker]") {
    CHECK(compile_error("struct node { int value; };\nint main(void) { struct nod *p = NULL; return p->value; }") ==
          "2:48: 'struct nod' is declared but its fields are never defined; did you mean 'struct node'?");
}

TEST_CASE("Huge arrays are fine in bss, but initializer lists stay small", "[minic][checker]") {
    CHECK(compile_error("int big[100000000];\nint main(void) { big[99999999] = 1; return big[5]; }") == "(compiled)");
    CHECK(compile_error("int main(void) { int a[5000] = {1}; return a[0]; }") ==
          "1:22: initializer lists fill at most 4096 elements in MiniC; 'a' has 5000: fill it with a loop");
}

TEST_CASE("Floating-point operands are refused where C wants integers, with the reason", "[minic][checker][float]") {
    CHECK(compile_error("int main(void) { double d = 7.5; return d % 2; }") ==
          "1:43: '%' needs integers, not 'double'; use fmod() from <math.h> for a floating remainder");
    CHECK(compile_error("int main(void) { int a[3]; a[1.0] = 2; return 0; }") ==
          "1:29: an array index must be an integer, not 'double'");
    CHECK(compile_error("int main(void) { float f = 1; return f << 1; }") == "1:40: '<<' needs integers, not 'float'");
    CHECK(compile_error("int main(void) { double d = 1; int *p = (int *)d; return 0; }") ==
          "1:41: cannot cast between a pointer and a floating-point number ('double' to 'int *')");
    CHECK(compile_error("int main(void) { int x = 0; int *p = &x; p += 0.5; return 0; }") ==
          "1:44: '+=' moves a pointer by a whole number of elements, not 'double'");
    CHECK(compile_error("int main(void) { double d = 2; switch (d) { default: break; } return 0; }") ==
          "1:40: the value of 'switch' must be an integer, not 'double'");
    CHECK(compile_error("int main(void) { double *p = 0.0; return 0; }") ==
          "1:30: initial value of 'p': cannot convert 'double' to 'double *'");
}

TEST_CASE("Function pointers are checked against the function they point to", "[minic][checker][function-pointer]") {
    CHECK(compile_error("int twice(int x) { return 2 * x; }\nint main(void) { int (*f)(int, int) = twice; return 0; }") ==
          "2:39: initial value of 'f': 'int (*)(int)' and 'int (*)(int, int)' point to different types; add a cast if you mean it");
    CHECK(compile_error("int twice(int x) { return 2 * x; }\nint main(void) { int (*f)(int) = twice; return f(1, 2); }") ==
          "2:48: 'f' takes 1 argument but is given 2");
    CHECK(compile_error("int main(void) { int x = 3; return x(1); }") ==
          "1:36: only functions and function pointers can be called, not 'int'");
    CHECK(compile_error("int main(void) { int (*f)(const char *) = puts; return 0; }") ==
          "1:43: the library function 'puts' cannot be used as a function pointer in MiniC; call it from a function of your own and pass that");
    CHECK(compile_error("int less(int *a, int *b) { return *a - *b; }\nint main(void) { int a[2]; qsort(a, 2, sizeof a[0], less); return 0; }") ==
          "2:53: argument 4 of 'qsort': 'int (*)(int *, int *)' and 'int (*)(void *, void *)' point to different types; add a cast if you mean it");
}

TEST_CASE("A goto or a switch into the scope of a variable-length array is refused where gcc refuses it", "[minic][checker][vla]") {
    // gcc -std=c99 rejects each of these with "jump into scope of identifier with variably
    // modified type" (or "switch jumps into scope ...") at the same line and column.
    const std::string skip_into_block = "int main(void) {\n    int n = 3;\n    goto inside;\n    {\n        int a[n];\n"
                                        "        a[0] = 1;\n    inside:\n        n = 2;\n    }\n    return 0;\n}\n";
    CHECK(compile_error(skip_into_block) ==
          "3:5: 'goto inside' jumps into the scope of the variable-length array 'a' (declared at 5:13) at the label 'inside' (7:5), "
          "which C forbids: the jump would skip the array's allocation; put the label before the declaration or outside the array's block");
    const std::string skip_declaration = "int main(void) {\n    int n = 3;\n    goto later;\n    int a[n];\n    a[0] = 1;\nlater:\n    return 0;\n}\n";
    CHECK(compile_error(skip_declaration).starts_with("3:5: 'goto later' jumps into the scope of the variable-length array 'a' (declared at 4:9) at the label 'later' (6:1)"));
    const std::string back_into_block = "int main(void) {\n    int n = 3;\n    {\n        int a[n];\n        a[0] = 1;\n        goto out;\n    }\n"
                                        "out:\n    {\n        int b[n];\n    back:\n        b[0] = 2;\n    }\n    goto back;\n    return 0;\n}\n";
    CHECK(compile_error(back_into_block).starts_with("14:5: 'goto back' jumps into the scope of the variable-length array 'b' (declared at 10:13) at the label 'back' (11:5)"));
    const std::string switch_past = "int main(int argc, char **argv) {\n    int n = 3;\n    switch (argc) {\n        int b[n];\n    case 1:\n"
                                    "        b[0] = 1;\n        break;\n    }\n    return 0;\n}\n";
    CHECK(compile_error(switch_past) ==
          "5:5: the switch at 3:5 jumps to this label past the declaration of the variable-length array 'b' (declared at 4:13), which C "
          "forbids: the array would have no storage; put the array in a block of its own inside the case");

    // Allowed, as gcc allows them: jumping back within the array's scope, out of an array's
    // block, past a block that has ended, and a case whose array is in a block of its own.
    CHECK(compile_error("int main(void) {\n    int n = 3;\n    int a[n];\nagain:\n    a[0] = 1;\n    if (n-- > 0) goto again;\n"
                        "    {\n        int m[n + 5][n + 5];\n        goto again;\n    }\n    return 0;\n}\n") == "(compiled)");
    CHECK(compile_error("int main(void) {\n    int n = 3;\n    goto l;\n    {\n        int x = 1;\n        {\n            int a[n];\n        }\n"
                        "    l:  x = 2;\n    }\n    int b[n];\n    return 0;\n}\n") == "(compiled)");
    CHECK(compile_error("int main(int argc, char **argv) {\n    int n = 3;\n    switch (argc) {\n    case 0: {\n        int a[n];\n"
                        "        a[0] = 1;\n        break;\n    }\n    case 1:\n        n = 1;\n    }\n    return 0;\n}\n") == "(compiled)");
}
