#pragma once
// Compiling and linking GLSL programs from the embedded sources in shaders/. The
// sources carry no #version line; this adds the platform's (300 es or 330 core).
#include <string>

namespace memsim::gfx {

// A linked program, or 0 with the compile/link log in `log`.
unsigned int build_program(const char* vertex_source, const char* fragment_source, std::string& log);

}  // namespace memsim::gfx
