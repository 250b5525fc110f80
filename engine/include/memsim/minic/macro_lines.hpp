#pragma once
// The lines where the program's own macros were expanded, so that a step can name them
// and show what the compiler really read:
//
//   #define SQUARE(x) ((x) * (x))
//   int y = SQUARE(n + 1);       line 5: macros {"SQUARE"}, expanded "int y = ((n + 1) * (n + 1));"
//
// Predefined macros (NULL, EOF, INT_MAX, true, assert, ...) are not listed: they are the
// library's, not the learner's.
#include <string>
#include <vector>

namespace memsim::minic {

struct MacroLine {
    int line = 0;
    std::vector<std::string> macros{};  // in the order of their first use on the line
    std::string expanded{};            // the line's tokens after preprocessing, cut to about 100 characters
};

}  // namespace memsim::minic
