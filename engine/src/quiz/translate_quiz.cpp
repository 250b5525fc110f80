// Address translation with a linear page table, worked the way OSTEP's homework asks:
// split the virtual address into VPN and offset, look the VPN up, and either glue the
// PFN to the offset or report that the page is not valid.
#include <string>
#include <vector>

#include "memsim/core/text.hpp"
#include "quiz_impl.hpp"

namespace memsim::quiz::detail {
namespace {

struct Pte {
    bool valid = false;
    std::uint64_t pfn = 0;
};

std::string kib(std::uint64_t bytes) { return std::to_string(bytes / 1024) + " KiB"; }

}  // namespace

QuizProblem translate_problem(std::uint64_t seed) {
    Prng rng = seeded(seed, 3);
    const std::uint64_t page_size = 1024ull << rng.below(3);           // 1, 2 or 4 KiB
    const std::uint64_t space = 16384ull << rng.below(2);              // 16 or 32 KiB
    const std::uint64_t physical = space * 4;
    const std::uint64_t pages = space / page_size, frames = physical / page_size;
    int offset_bits = 0;
    while ((1ull << offset_bits) < page_size) ++offset_bits;

    // Each valid page gets its own frame: draw without repeats.
    std::vector<std::uint64_t> free_frames;
    for (std::uint64_t f = 0; f < frames; ++f) free_frames.push_back(f);
    std::vector<Pte> table(static_cast<std::size_t>(pages));
    for (Pte& pte : table) {
        pte.valid = rng.below(2) == 0;
        if (!pte.valid) continue;
        const std::size_t pick = static_cast<std::size_t>(rng.below(free_frames.size()));
        pte.pfn = free_frames[pick];
        free_frames.erase(free_frames.begin() + static_cast<std::ptrdiff_t>(pick));
    }

    QuizProblem q;
    q.title = "Address translation problem (seed " + std::to_string(seed) + ")";
    q.problem = "Address space " + kib(space) + ", physical memory " + kib(physical) + ", pages of " + kib(page_size) +
                " (" + std::to_string(pages) + " pages, offset = low " + std::to_string(offset_bits) + " bits).\n" +
                "Page table (VPN: valid bit, PFN):\n";
    for (std::size_t vpn = 0; vpn < table.size(); ++vpn) {
        q.problem += "  [" + std::to_string(vpn) + "] " + (table[vpn].valid ? "valid   PFN " + std::to_string(table[vpn].pfn)
                                                                          : std::string("invalid")) + "\n";
    }
    q.problem += "Translate each virtual address to a physical address, or say it is invalid:\n";
    std::string solution;
    for (int i = 0; i < 5; ++i) {
        const std::uint64_t vaddr = rng.below(space);
        const auto vpn = static_cast<std::size_t>(vaddr >> offset_bits);
        const std::uint64_t offset = vaddr & (page_size - 1);
        q.problem += "  VA " + hex(vaddr) + " (decimal " + std::to_string(vaddr) + ") -> PA or invalid?\n";
        std::string line = "  VA " + hex(vaddr) + " = VPN " + std::to_string(vpn) + ", offset " + hex(offset) + ": ";
        if (table[vpn].valid) {
            const std::uint64_t paddr = (table[vpn].pfn << offset_bits) | offset;
            line += "PFN " + std::to_string(table[vpn].pfn) + ", so PA = " + std::to_string(table[vpn].pfn) + " * " +
                    std::to_string(page_size) + " + " + std::to_string(offset) + " = " + hex(paddr) + " (decimal " +
                    std::to_string(paddr) + ")";
        } else {
            line += "invalid: the PTE of VPN " + std::to_string(vpn) + " is not valid (a segmentation fault)";
        }
        solution += line + "\n";
    }
    q.answers = q.problem + "\nSolution:\n" + solution;
    return q;
}

}  // namespace memsim::quiz::detail
