// Any text as a reference string, a R/W trace and a lackey trace.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "memsim/vm/trace.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const memsim::vm::TraceOptions options{.page_size = 4096, .va_bits = 48};
    (void)memsim::vm::parse_reference_string(text);
    (void)memsim::vm::parse_rw_trace(text, options);
    (void)memsim::vm::parse_lackey_trace(text, options);
    return 0;
}
