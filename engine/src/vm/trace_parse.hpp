#pragma once
// Inside the trace readers: the line parsers hand each page reference to a sink, so the
// same parsers fill a whole Trace (small inputs) or a compact TraceReader (files of
// millions of lines read piece by piece).
#include <cstdint>
#include <string_view>

#include "memsim/vm/trace.hpp"

namespace memsim::vm::detail {

// Receives page references in trace order.
class PageSink {
public:
    virtual ~PageSink() = default;
    virtual void add(std::uint64_t page, bool write, std::uint32_t process) = 0;
    // References received so far (the parsers stop at max_trace_references).
    virtual std::uint64_t references() const = 0;
};

// Parses whole lines of `text`; errors name line first_line + n for its n-th line.
Result<bool> parse_into(std::string_view text, TraceFormat format, const TraceOptions& options, int first_line,
                        PageSink& sink);

}  // namespace memsim::vm::detail
