#pragma once
// Contract checks for programming errors inside memsim (never for bad input, which is
// reported as an Error value). A failed check names the file and line, then aborts.
#include <cstdio>
#include <cstdlib>

#define MEMSIM_ASSERT(cond)                                                              \
    do {                                                                                 \
        if (!(cond)) {                                                                   \
            std::fprintf(stderr, "memsim: internal check failed: %s (%s:%d)\n", #cond,  \
                         __FILE__, __LINE__);                                            \
            std::abort();                                                                \
        }                                                                                \
    } while (0)
