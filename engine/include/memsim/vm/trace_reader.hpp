#pragma once
// Reads a long trace piece by piece straight into the compact form the simulators run
// on: one 32-bit page id per reference, and one write byte per reference only when the
// trace has writes. The text itself is never kept, so a 20-million-line trace needs
// about 4 to 5 bytes per reference instead of the text plus a 64-bit copy of each page.
//
//   TraceReader reader(TraceFormat::Refs, {}, file_size);
//   while (more) reader.feed(piece);     // each piece ends at a line end (the last may not)
//   auto loaded = std::move(reader).finish();
//   loaded->trace.ids;                    // dense ids, as densify() gives them
//
// Errors name the line and column in the whole input, as the one-piece readers do.
#include <cstdint>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/vm/trace.hpp"

namespace memsim::vm {

// A trace read by TraceReader.
struct LoadedTrace {
    DenseTrace trace{};            // writes is empty when the trace has no writes
    bool names_processes = false;  // some reference named a process other than 0
};

class TraceReader {
public:
    // `size_hint` is the input's length in bytes when known (0 = unknown): the id array
    // is sized from it once the first piece shows how long a line is.
    TraceReader(TraceFormat format, const TraceOptions& options, std::uint64_t size_hint = 0);

    // Parses the next piece of the input, which ends at a line end unless it is the last.
    Result<bool> feed(std::string_view piece);

    // The dense trace (ids as densify() numbers them); an empty trace is an error.
    Result<LoadedTrace> finish() &&;

    // References read so far.
    std::uint64_t references() const;

private:
    struct Store;
    TraceFormat format_;
    TraceOptions options_;
    std::uint64_t size_hint_ = 0, bytes_fed_ = 0;
    int lines_fed_ = 0;
    std::vector<std::uint32_t> narrow_{};  // raw page numbers while all fit in 32 bits
    std::vector<std::uint64_t> wide_{};    // raw page numbers once one does not
    std::vector<std::uint8_t> writes_{};   // filled from the first write on
    bool any_write_ = false, wide_pages_ = false, names_processes_ = false, sized_ = false;
    std::uint64_t max_page_ = 0;
};

}  // namespace memsim::vm
