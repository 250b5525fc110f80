#pragma once
// Writing a rendered frame to a PNG file (desktop; tests use it under Xvfb).
#include <string>
#include <vector>

namespace memsim::platform {

// Writes RGBA8 pixels (top row first) as a PNG; returns false when the file cannot be written.
bool write_png(const std::string& path, int width, int height, const std::vector<unsigned char>& rgba);

}  // namespace memsim::platform
