#pragma once
// The working set and page-fault frequency: two measures of how much memory a process
// needs right now.
//
// W(t, delta) (Denning) is the set of distinct pages among the last delta references,
// those at times t-delta+1 .. t. Its size rises when the process enters a new locality
// and falls when it settles:
//
//   refs   1 2 1 3 4 4 4 4        delta = 4
//   |W|    1 2 2 3 4 3 2 1
//
// Page-fault frequency (PFF) is the fraction of the last `window` references that
// faulted; an OS using PFF gives a process a frame when its rate is above an upper
// bound and takes one away when it is below a lower bound.
#include <cstdint>
#include <span>
#include <vector>

namespace memsim::vm {

// |W(t, delta)| for every t, in one pass (O(n + page_space)); pages are dense ids.
std::vector<std::uint32_t> working_set_sizes(std::span<const std::uint32_t> pages, std::uint64_t delta,
                                             std::uint32_t page_space);

// W(t, delta) itself, as sorted page ids (t < pages.size(), delta >= 1).
std::vector<std::uint32_t> working_set_at(std::span<const std::uint32_t> pages, std::size_t t,
                                          std::uint64_t delta);

// Faults among the last `window` references at every t, divided by the window (or by
// t + 1 while fewer references exist). `faults[i]` is 1 when reference i faulted.
std::vector<double> fault_frequency(std::span<const std::uint8_t> faults, std::uint64_t window);

}  // namespace memsim::vm
