#pragma once
// Internal to the MiniC interpreter (not installed): the floating-point instructions.
#include <cstdint>
#include <vector>

#include "memsim/minic/code.hpp"

namespace memsim::minic {

// Runs FAdd ... FloatToFloat on the operand stack `v`.
void run_floating(const Instr& in, std::vector<std::uint64_t>& v);

// The float (size 4) or double (size 8) with bits `value`, plus `step`, as bits.
std::uint64_t floating_step(std::uint64_t value, std::uint8_t size, std::int64_t step);

}  // namespace memsim::minic
