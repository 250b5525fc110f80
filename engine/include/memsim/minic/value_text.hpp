#pragma once
// A scalar value of a MiniC type in the words a C programmer reads: integers in decimal
// (signed ones with their sign), pointers in hex or NULL, a char as its character, a
// float or double as the shortest decimal that reads back as the same bits.
//
//   scalar_text(types, int_type, 0xFFFFFFFF)        // "-1"
//   scalar_text(types, pointer_type, 0x7ffe0010)    // "0x7ffe0010"
//   scalar_text(types, double_type, double_bits(0.1))  // "0.1"
#include <cstdint>
#include <string>

#include "memsim/minic/types.hpp"

namespace memsim::minic {

// "'a'", "'\0'", "'\n'", or the number for other bytes ("-1", "7").
std::string char_text(std::uint64_t value);

// A float or double as the shortest decimal that reads back as the same value ("0.1",
// not "0.10000000000000001"), as people write it.
std::string floating_text(double value, bool is_float);

// `bits` (the value as MiniC keeps it: an integer cut to its type's size, a float's or a
// double's IEEE bits) of the scalar type `type`. A function pointer shows as its address.
std::string scalar_text(const TypeTable& types, TypeId type, std::uint64_t bits);

}  // namespace memsim::minic
