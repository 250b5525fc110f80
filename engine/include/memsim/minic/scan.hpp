#pragma once
// scanf's matching, as glibc 2.36 does it, as a function of the format, an input and
// where to store: scanf reads the program's standard input, sscanf a string in memory.
//
//   format directive   what it does with the input
//   " " (any space)    skips any amount of white space, none included
//   "x" (other bytes)  must match the next byte, or the scan ends (a matching failure)
//   %d %i %u %o %x %p  skips white space, reads an integer as strtol does (%i: 0x and 0
//                      prefixes; %x: an optional 0x), stores it in the target's size
//   %s                 skips white space, reads up to the next white space, adds a NUL
//   %c                 reads exactly width bytes (1 by default), white space included
//   %[a-z] %[^,\n]     reads bytes in (or not in) the set, adds a NUL
//   %n                 stores how many bytes were read so far (not counted)
//   %*d ...            reads and discards;  %5s  reads at most 5 bytes
//
// The result counts the assignments made; it is EOF (-1) when the input ended before
// the first conversion.
//   %f %e %g %a        (and %lf ...) skips white space, gathers a number as glibc does
//                      (sign, digits, '.', exponent, 0x hex, nan, inf, infinity), converts
//                      it with strtof (float) or strtod (%lf, double); %Lf is refused
#include <cstdint>
#include <string>
#include <string_view>

namespace memsim::minic {

// The bytes scanf reads: one look-ahead byte, as stdio's ungetc gives.
class ScanInput {
public:
    virtual ~ScanInput() = default;
    // The next byte (0..255), or -1 at the end of the input (or when reading it failed).
    virtual int peek() = 0;
    // Consumes the byte peek() returned.
    virtual void advance() = 0;
};

// Where scanf's conversions go: the pointer arguments, in order.
class ScanTargets {
public:
    virtual ~ScanTargets() = default;
    // The next pointer argument; false when the call passed no more.
    virtual bool next(std::uint64_t& vaddr) = 0;
    // Stores an integer of `size` bytes, or bytes (with no NUL added); false stops the scan.
    virtual bool store(std::uint64_t vaddr, std::uint32_t size, std::uint64_t value) = 0;
    virtual bool store_bytes(std::uint64_t vaddr, std::string_view bytes) = 0;
};

struct ScanResult {
    std::int32_t assigned = 0;   // scanf's return value (EOF = -1)
    std::uint64_t consumed = 0;  // input bytes read
    std::string problem{};       // a learner error in plain words, or empty
    bool stopped = false;        // a store failed: the call must end
};

// The sizes of C's types in the running program (for %ld, %zu, %p).
struct ScanModel {
    std::uint32_t long_size = 8;     // = 8
    std::uint32_t pointer_size = 8;  // = 8
};

// Matches `format` against `input`, storing through `targets`.
ScanResult scan_format(std::string_view format, ScanInput& input, ScanTargets& targets, const ScanModel& model = {});

}  // namespace memsim::minic
