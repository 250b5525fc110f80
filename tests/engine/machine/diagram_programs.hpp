#pragma once
// C programs in the style of course examples whose memory diagrams the engine tests
// (program_view_test.cpp) and the UI layout tests (tests/ui/diagram_test.cpp) both check.

namespace memsim::test_programs {

// A binary search tree of seven keys built by recursive insert; line 12 is `return 0;`.
inline const char* const binary_tree =
    "#include <stdlib.h>\n"
    "struct tree { int key; struct tree *left; struct tree *right; };\n"
    "struct tree *insert(struct tree *t, int key) {\n"
    "    if (t == 0) { t = malloc(sizeof(struct tree)); t->key = key; t->left = 0; t->right = 0; return t; }\n"
    "    if (key < t->key) t->left = insert(t->left, key); else t->right = insert(t->right, key);\n"
    "    return t;\n"
    "}\n"
    "int main(void) {\n"
    "    struct tree *root = 0;\n"
    "    int keys[7] = {4, 2, 6, 1, 3, 5, 7};\n"
    "    for (int i = 0; i < 7; i++) root = insert(root, keys[i]);\n"
    "    return 0;\n"
    "}\n";
inline constexpr int binary_tree_end_line = 12;

}  // namespace memsim::test_programs
