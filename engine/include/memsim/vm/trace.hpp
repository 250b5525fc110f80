#pragma once
// Trace readers: turn text into a sequence of page references.
//
//   refs    "7, 0 1\n2w"        page numbers (decimal or 0x hex) separated by commas,
//                               spaces or newlines; a trailing w marks a write
//   rw      "R 0x1a2b\nW 0x3000" one access per line: R or W and an address, optionally
//                               after a process id: "P1 W 0x3000" (no id = process 0)
//   lackey  "I  04016aa0,3\n S 7ff000ef8,8"  Valgrind lackey (--trace-mem=yes): I fetch,
//                               L load, S store, M modify (a write); addr in hex, size
//
// Addresses become pages by dividing by the page size; an access that straddles a page
// boundary references every page it touches, in address order. Blank lines, lines
// starting with '#' (refs, rw) and lackey's "==" banner lines are skipped. Errors name the
// line and column (1-based) and what was expected there.
//
// Simulators want small dense page ids: densify() maps pages to 0..k-1 (identity when
// the page numbers are already small) and keeps the way back.
#include <cstdint>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"

namespace memsim::vm {

// The input formats.
enum class TraceFormat : std::uint8_t { Refs, ReadWrite, Lackey };

// A page reference sequence: pages[i] was read, or written when writes[i] = 1.
struct Trace {
    std::vector<std::uint64_t> pages;
    std::vector<std::uint8_t> writes;
    std::vector<std::uint32_t> processes;  // per reference; empty when the trace names none
    bool operator==(const Trace&) const = default;
};

// How addresses map to pages.
// The most references one trace may hold (a memory bound; see the limits in README).
inline constexpr std::uint64_t max_trace_references = 50'000'000;

struct TraceOptions {
    std::uint64_t page_size = 4096;  // a power of two
    std::uint32_t va_bits = 64;      // addresses must be below 2^va_bits
};

// "refs", "rw", "lackey".
Result<TraceFormat> parse_trace_format(std::string_view name);

// Checks that a page size is a power of two of at least 1 byte.
Result<std::uint64_t> check_page_size(std::uint64_t page_size);

// Readers for each format; an empty trace is an error.
Result<Trace> parse_reference_string(std::string_view text);
Result<Trace> parse_rw_trace(std::string_view text, const TraceOptions& options);
Result<Trace> parse_lackey_trace(std::string_view text, const TraceOptions& options);
Result<Trace> parse_trace(std::string_view text, TraceFormat format, const TraceOptions& options);

// A trace over dense page ids with the way back to page numbers.
struct DenseTrace {
    std::vector<std::uint32_t> ids;     // one per reference
    std::vector<std::uint8_t> writes;   // one per reference
    std::vector<std::uint64_t> pages;   // id -> page number; size = page space
};

// Maps pages to dense ids: identity when every page number is below 2^20 or below twice
// the trace length, else ids in increasing page order.
DenseTrace densify(const Trace& trace);

}  // namespace memsim::vm
