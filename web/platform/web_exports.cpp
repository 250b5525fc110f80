// Functions the page's JavaScript calls through Module.ccall (see shell/memsim-shell.js).
#include <emscripten.h>

#include "memsim/version.hpp"

extern "C" {

EMSCRIPTEN_KEEPALIVE const char* memsim_version() { return memsim::version(); }

}  // extern "C"
