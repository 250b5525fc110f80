#pragma once
// Which heap blocks a program can still reach, by the rules of Valgrind's leak checker
// (memcheck), so that memsim and `valgrind --leak-check=full` give the same verdict.
//
// The roots are every pointer-sized, aligned word of the data and bss regions and of the
// live stack (from the stack pointer to the top), and the registers. Any word whose value lands in a block's
// payload points at it: at its first byte (a start pointer) or inside it (an interior
// pointer). Blocks are then scanned in turn, word by word, for pointers to more blocks.
//
//   root --start--> A --start--> B        A, B: reachable
//   root --inside-> C --start--> D        C, D: possibly lost (only an interior pointer)
//   (nothing)   --> E --start--> F        E: definitely lost, F: indirectly lost
//
// A block reached only through a lost block is "indirectly lost": freeing the definitely
// lost one (the head of a lost list) would have made it reachable again.
#include <cstdint>
#include <vector>

#include "memsim/heap/block.hpp"
#include "memsim/machine/layout.hpp"
#include "memsim/machine/page_store.hpp"

namespace memsim::machine {

enum class Reach : std::uint8_t { Reachable, Possible, IndirectlyLost, DefinitelyLost };

// A word range to scan for pointers: [start, end).
struct ScanRange {
    std::uint64_t start = 0, end = 0;
};

// The verdict for each block of `blocks` (same order; free blocks count as reachable).
// `registers` are root values held outside memory (the CPU's registers). Cost: one read
// per aligned word of the roots and of the blocks' payloads, skipping pages never written.
std::vector<Reach> classify_blocks(const std::vector<heap::BlockView>& blocks, const std::vector<ScanRange>& roots,
                                   const PageStore& memory, std::uint32_t word,
                                   const std::vector<std::uint64_t>& registers = {});

// The roots of a process: data, bss and the live stack [stack_pointer, top).
std::vector<ScanRange> program_roots(const AddressSpaceLayout& layout, std::uint64_t stack_pointer, std::uint64_t stack_top);

// Whether a block the program still owns counts as leaked now (no pointer reaches it).
inline bool is_lost(Reach reach) { return reach == Reach::IndirectlyLost || reach == Reach::DefinitelyLost; }

// "reachable", "possibly lost", "indirectly lost", "definitely lost".
const char* reach_name(Reach reach);

}  // namespace memsim::machine
