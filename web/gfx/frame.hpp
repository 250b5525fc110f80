#pragma once
// Per-frame GL work that is not ImGui's: clearing the framebuffer and reading it back
// for screenshots. Takes and returns plain values, never engine types.
#include <vector>

namespace memsim::gfx {

// The GLSL version line for this platform's shaders ("#version 300 es" or "#version 330 core").
const char* glsl_version();

// Sets the viewport to the framebuffer and clears it to the colour (0..1 RGB).
void begin_frame(int framebuffer_width, int framebuffer_height, float r, float g, float b);

// Reads the current framebuffer as RGBA8 rows, top row first (GL returns bottom first).
std::vector<unsigned char> read_framebuffer_rgba(int width, int height);

}  // namespace memsim::gfx
