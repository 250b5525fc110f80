// Any text as an ops body.
#include <cstddef>
#include <cstdint>
#include <string>

#include "memsim/machine/ops.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    (void)memsim::machine::parse_ops(std::string(reinterpret_cast<const char*>(data), size), 1);
    return 0;
}
