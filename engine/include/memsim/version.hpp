#pragma once
// The memsim version, set by the build from the CMake project version.
namespace memsim {

// "0.1.0" style version string.
const char* version();

}  // namespace memsim
