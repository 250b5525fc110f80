#pragma once
// What the library's family files share: one call's arguments and results, and byte
// access through the host that turns its reports into the call's report.
#include <span>
#include <string>
#include <string_view>

#include "memsim/minic/library.hpp"

namespace memsim::minic::library {

// C's EOF (-1) as a call's 64-bit result register holds it.
constexpr std::uint64_t eof = static_cast<std::uint64_t>(-1);

// One library call in progress.
struct Call {
    Builtin id;
    std::span<const std::uint64_t> args;
    Host& host;
    LibraryState& state;
    const LibraryContext& context;
    BuiltinOutcome& out;

    // Keeps the first learner error (or a later fatal one) and any request to end the step.
    void merge(const Report& from);
    // False once the host stopped the program.
    bool ok() const { return !out.report.stop; }
    // A learner error the call reports without stopping.
    void problem(std::string text);
    // A learner error that stops the program.
    void fatal(std::string text);

    // One byte through the host; false when the program must stop.
    bool load_byte(std::uint64_t vaddr, std::uint8_t& byte);
    bool store_byte(std::uint64_t vaddr, std::uint8_t byte);
    // The string at `vaddr` up to its NUL (not included), reading at most `limit` bytes;
    // without a limit, a string longer than max_string stops the program with a reason.
    bool read_string(std::uint64_t vaddr, std::string& text, std::uint64_t limit = max_string + 1);
    // Stores `bytes` at `vaddr`, one byte at a time.
    bool write_bytes(std::uint64_t vaddr, std::string_view bytes);

    // Argument i as a signed int.
    std::int64_t int_arg(std::size_t i) const { return static_cast<std::int32_t>(static_cast<std::uint32_t>(args[i])); }
};

// The family files: each runs the builtins of its Family.
void run_memory(Call& call);
void run_output(Call& call);
void run_input(Call& call);
void run_string(Call& call);
void run_ctype(Call& call);
void run_stdlib(Call& call);
void run_process(Call& call);
void run_errno(Call& call);

// The C locale's classes of a byte (ctype.h), shared with the scanner and strtol.
bool is_space(int c);
bool is_digit(int c);

}  // namespace memsim::minic::library
