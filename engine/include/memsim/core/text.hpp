#pragma once
// Small text helpers shared by every parser: number parsing without exceptions or
// locale, trimming and splitting. All take std::string_view and never allocate on
// success paths except where a container is returned.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace memsim {

// '0' to '9' (C locale; <cctype>'s isdigit takes an int and a locale).
constexpr bool is_decimal_digit(char c) { return c >= '0' && c <= '9'; }

// Parses a whole unsigned integer: decimal, or hexadecimal with a 0x/0X prefix.
// Returns nothing on empty text, stray characters or overflow.
std::optional<std::uint64_t> parse_u64(std::string_view text);

// Parses a whole signed decimal integer (optional leading '-' or '+').
std::optional<std::int64_t> parse_i64(std::string_view text);

// Parses a size with an optional binary suffix: 4096, 4K, 4KiB, 2M, 1G (case-insensitive).
std::optional<std::uint64_t> parse_size(std::string_view text);

// The text without leading and trailing spaces, tabs and carriage returns.
std::string_view trim(std::string_view text);

// Splits on any of the separator characters, dropping empty pieces.
std::vector<std::string_view> split_any(std::string_view text, std::string_view separators);

// The text split into lines (without the '\n'; a trailing '\r' is removed too).
std::vector<std::string_view> split_lines(std::string_view text);

// "0x1a2b" style lowercase hexadecimal.
std::string hex(std::uint64_t value);

// Where text stops being valid UTF-8 (or holds a NUL byte): the byte offset of the first
// bad byte, or nothing when the whole text is fine.
std::optional<std::size_t> invalid_utf8_at(std::string_view text);

// The text with every byte that is not part of valid UTF-8 replaced by U+FFFD (shown as a
// question mark in a diamond), so program output such as putchar(200) can go into JSON
// and ImGui. NUL bytes are kept. Valid text comes back unchanged.
std::string valid_utf8(std::string_view text);

// The 1-based line and column of a byte offset.
std::pair<int, int> line_and_column(std::string_view text, std::size_t offset);

// The Levenshtein edit distance, for "did you mean ..." suggestions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidate nearest to `word` within a small distance, or empty when none is close.
std::string nearest(std::string_view word, const std::vector<std::string>& candidates);

}  // namespace memsim
