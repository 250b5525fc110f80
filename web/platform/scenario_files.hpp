#pragma once
// Reading scenario files for the app (desktop: --scenario FILE and dropped files).
#include <cstddef>
#include <optional>
#include <string>

namespace memsim::platform {

// The whole file, or nothing when it cannot be read. Reading stops one byte past
// `max_bytes` (a scenario's limit by default), so a huge file or /dev/zero is not read
// into memory: the text that comes back is then over the limit and the load refuses it.
std::optional<std::string> read_text_file(const std::string& path, std::size_t max_bytes = 1u << 20);

// Writes `text` to `path`; false when the file cannot be written.
bool write_text_file(const std::string& path, const std::string& text);

}  // namespace memsim::platform
