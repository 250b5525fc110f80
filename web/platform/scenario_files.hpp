#pragma once
// Reading scenario files for the app (desktop: --scenario FILE and dropped files).
#include <optional>
#include <string>

namespace memsim::platform {

// The whole file, or nothing when it cannot be read.
std::optional<std::string> read_text_file(const std::string& path);

// Writes `text` to `path`; false when the file cannot be written.
bool write_text_file(const std::string& path, const std::string& text);

}  // namespace memsim::platform
