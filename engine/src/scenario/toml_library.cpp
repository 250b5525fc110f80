// The one translation unit that compiles toml++'s implementation; everywhere else it is
// included as declarations only (TOML_HEADER_ONLY=0), which keeps builds fast.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
