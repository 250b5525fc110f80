#include "memsim/machine/glossary.hpp"

#include <algorithm>
#include <cctype>

namespace memsim::machine {
namespace {

std::string lowercase(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

const std::vector<GlossaryEntry>& glossary() {
    static const std::vector<GlossaryEntry> entries = [] {
        std::vector<GlossaryEntry> list{
            {"address space", "All the addresses a process may use. Each process has its own, split into regions: code, data, heap, stack."},
            {"brk", "The end of the heap. malloc moves it up (with the brk or sbrk system call) when it needs more memory."},
            {"buddy allocator", "An allocator that only hands out blocks whose size is a power of two, splitting big blocks in halves and merging a freed block with its twin (its buddy)."},
            {"call stack", "The memory where each running function keeps its frame. A call pushes a frame, a return pops it."},
            {"coalescing", "Merging a freed block with free neighbours into one bigger free block, so large requests can still be served."},
            {"copy-on-write", "After fork, parent and child share pages until one of them writes; only then does that page get copied."},
            {"demand paging", "Pages are brought into memory only when the program first touches them, not when it starts."},
            {"dirty page", "A page that was written since it was loaded. Before its frame can be reused it must be written to swap."},
            {"double free", "Freeing the same block twice. The allocator's lists get corrupted; real programs often crash later."},
            {"external fragmentation", "Free memory broken into pieces that are each too small for a request, although together they would be enough."},
            {"frame", "A page-sized piece of physical memory (RAM). A page must sit in a frame to be used."},
            {"frame pointer", "A register (FP, EBP or RBP) that points at the current function's frame, so its arguments and locals are at fixed offsets."},
            {"free list", "The allocator's list of free blocks, searched when malloc needs one."},
            {"guard page", "A page below the stack that is never mapped. Touching it means the stack grew too far: a stack overflow."},
            {"header", "The few bytes before each heap block where the allocator records the block's size and whether it is free."},
            {"heap", "The memory malloc hands out. Blocks live until free is called, however many functions return in between."},
            {"internal fragmentation", "Memory inside allocated blocks that the program did not ask for: headers, footers and padding."},
            {"leak", "A block that is never freed. As Valgrind counts them: still reachable, a pointer to its start still exists; possibly lost, only a pointer into its middle is left; definitely lost, no pointer to it is left; indirectly lost, only lost blocks point to it (the nodes behind a lost list head)."},
            {"local variable", "A variable of a function. It lives in the function's stack frame and disappears when the function returns."},
            {"mmap", "A system call that maps fresh pages into the address space. Large mallocs use it instead of growing the heap."},
            {"page", "A fixed-size piece of virtual memory (often 4 KiB). The MMU translates addresses one page at a time."},
            {"page fault", "An access to a page that is not in memory. The OS loads it (from swap, a file, or as zeros) and retries the access."},
            {"page table", "The table the MMU reads to find which frame holds each page. Multi-level tables only store the parts in use."},
            {"replacement policy", "The rule the OS uses to choose which page to evict when every frame is full: FIFO, LRU, Clock, OPT, ..."},
            {"return address", "The address in the caller where execution continues after the called function returns. The call instruction pushes it."},
            {"segmentation fault", "An access to an address that is not mapped, or not allowed (writing to code). The OS ends the program."},
            {"stack frame", "The block of stack memory one call uses: arguments, return address, saved frame pointer and locals."},
            {"stack overflow", "The stack grew past its limit, usually by recursion that never stops, and hit the guard page."},
            {"stack pointer", "A register (SP, ESP or RSP) holding the lowest address of the stack in use. Pushing moves it down."},
            {"swap", "Disk space where the OS keeps pages that do not fit in memory."},
            {"thrashing", "So many processes compete for too few frames that the machine spends its time on page faults instead of work."},
            {"TLB", "Translation lookaside buffer: a small cache of recent page-to-frame translations that saves a page-table walk."},
            {"use after free", "Reading or writing a block after free. The memory may already belong to someone else."},
            {"virtual address", "An address as a program sees it. The MMU translates it to a physical address in RAM."},
            {"working set", "The pages a process used during the last few references. If it fits in memory, the process runs without thrashing."},
        };
        std::sort(list.begin(), list.end(),
                  [](const GlossaryEntry& a, const GlossaryEntry& b) { return lowercase(a.term) < lowercase(b.term); });
        return list;
    }();
    return entries;
}

std::string define(const std::string& term) {
    const std::string wanted = lowercase(term);
    for (const GlossaryEntry& entry : glossary()) {
        if (lowercase(entry.term) == wanted) return entry.meaning;
    }
    return {};
}

}  // namespace memsim::machine
