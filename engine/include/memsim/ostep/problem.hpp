#pragma once
// An OSTEP homework problem as typed data: what relocation.py, segmentation.py,
// paging-linear-translate.py, paging-multilevel-translate.py and malloc.py generate for a
// command line, and each answer the script gives with -c. The scenario form (kind =
// "ostep") steps through the problem one address (or one malloc/free) at a time; the app
// draws the registers, the page table, the page-directory walk or the heap and its free
// list for each, and asks for the physical address (or what malloc returns).
//
//   auto problem = ostep_problem("relocation.py", {"-s", "1"});
//   problem->translations[0].paddr     // the physical address, or nothing (a violation)
//   auto heap = ostep_problem("malloc.py", {"-s", "1"});
//   heap->heap_ops[0].result           // what ptr[0] = Alloc(n) returned (-1: nothing fits)
//
// The problem is the script's own: the port that prints `memsim ostep` fills it while it
// runs with -c, so the drawing and the printed answers cannot disagree.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"

namespace memsim::ostep {

enum class ProblemScript { Relocation, Segmentation, PagingLinear, PagingMultilevel, Malloc, PagingPolicy };

// One entry of the two-level walk (paging-multilevel-translate.py): the index into its
// page, the byte found there, and what it means.
struct WalkEntry {
    int page = 0;      // the physical page holding the table
    int index = 0;     // the entry's index in that page
    int contents = 0;  // the byte: valid bit 0x80 | PFN (7 bits)
    bool valid() const { return (contents & 0x80) != 0; }
    int pfn() const { return contents & 0x7f; }
};

// One virtual address to translate and the script's answer.
struct Translation {
    std::int64_t vaddr = 0;
    std::optional<std::int64_t> paddr{};  // nothing: a segmentation violation or a fault
    int segment = -1;                     // segmentation: 0 or 1 (the address's top bit)
    std::int64_t vpn = -1;                // paging: the virtual page number
    std::optional<WalkEntry> pde{}, pte{};  // multi-level: the entries read, in order
    std::optional<int> value{};           // multi-level: the byte at the physical address
};

// A piece of malloc.py's heap: [addr, addr + size).
struct HeapChunk {
    std::int64_t addr = 0, size = 0;
    bool operator==(const HeapChunk&) const = default;
};

// One op of malloc.py and what the script answers for it.
struct HeapOp {
    enum class Kind { Alloc, Free, SkippedFree };  // SkippedFree: "Invalid Free: Skipping"
    Kind kind = Kind::Alloc;
    std::int64_t ptr = 0;       // the allocation's number, ptr[k]
    std::int64_t size = 0;      // Alloc: the bytes asked for
    std::int64_t result = 0;    // what the script prints as returned: Alloc an address or -1, Free 0 or -1
    std::int64_t searched = 0;  // Alloc: free-list entries examined
    std::optional<HeapChunk> chunk{};    // the chunk the op took or gave back (with its header)
    std::vector<HeapChunk> free_list{};  // after the op, in list order
    std::vector<HeapChunk> used{};       // allocated chunks after the op, by address
};

// One reference of paging-policy.py and what the script's cache did with it.
struct CacheAccess {
    std::int64_t page = 0;
    bool hit = false;
    std::optional<std::int64_t> victim{};  // the page replaced, if any
    std::vector<std::int64_t> cache{};     // the cache afterwards, left to right as the script prints it
};

struct OstepProblem {
    ProblemScript script = ProblemScript::Relocation;
    std::string command{};                // "relocation.py -s 1", as given
    std::int64_t asize = 0, psize = 0;    // address space and physical memory, bytes
    // relocation.py: the base and bounds registers
    std::int64_t base = 0, limit = 0;
    // segmentation.py: segment 0 is [base0, base0 + limit0) and grows up; segment 1 is
    // [base1 - limit1, base1) and grows down from base1
    std::int64_t base0 = 0, limit0 = 0, base1 = 0, limit1 = 0;
    // paging: the page size; the linear table (PFN per VPN, -1 = not valid)
    std::int64_t page_size = 0;
    std::vector<std::int64_t> page_table{};
    // paging-multilevel-translate.py: the page directory's page and all of memory
    int pdbr = 0;
    std::vector<std::uint8_t> memory{};
    std::vector<Translation> translations{};
    // malloc.py: the heap [heap_base, heap_base + heap_size), its rules and the ops
    std::int64_t heap_base = 0, heap_size = 0, header = 0, align = -1;
    std::string policy{}, order{};
    bool coalesce = false;
    std::vector<HeapOp> heap_ops{};
    // paging-policy.py: the policy as named (-p), the cache size (-C), CLOCK's counter bits
    // (-b) and each reference
    std::string policy_name{};
    std::int64_t cache_size = 0, clock_bits = 0;
    std::vector<CacheAccess> accesses{};

    // Steps of the scenario form: one per address, per op or per reference.
    std::size_t steps() const {
        if (script == ProblemScript::Malloc) return heap_ops.size();
        if (script == ProblemScript::PagingPolicy) return accesses.size();
        return translations.size();
    }
};

// The most a scenario form holds, so a problem stays small enough to draw and ask.
inline constexpr std::size_t max_problem_translations = 1000;
inline constexpr std::size_t max_problem_page_table = 4096;
inline constexpr std::size_t max_problem_heap_ops = 1000;
inline constexpr std::size_t max_problem_accesses = 1000;

// The scripts with a problem form (their file names): all six. paging-policy.py's scenario
// is a memsim reference string where a memsim policy replaces the same pages, and this
// problem (the script's own cache) for CLOCK, RAND and UNOPT.
bool has_problem_form(std::string_view script);

// The problem `script args` poses (script as find_script() names it; -c is implied).
// Errors: the script's own (bad flags, sizes that do not fit), or a problem too large.
Result<OstepProblem> ostep_problem(std::string_view script, const std::vector<std::string>& args);

// The script's answer to translation `t` in words: "VALID: 0x00003230 (decimal 12848)",
// "SEGMENTATION VIOLATION", "Fault (page table entry not valid)".
std::string answer_text(const OstepProblem& problem, const Translation& t);
// The quiz answer: the physical address in hex (0x...), or "fault".
std::string quiz_answer(const Translation& t);
// Why, in plain words, step by step (the event of that step).
std::string explain_translation(const OstepProblem& problem, const Translation& t);

// malloc.py's line for an op: "ptr[0] = Alloc(3)", "Free(ptr[0])", "Free(ptr[4]) (skipped)".
std::string heap_op_text(const HeapOp& op);
// The script's answer: "returned 1000 (searched 1 elements)", "returned 0", "Invalid Free: Skipping".
std::string heap_answer_text(const HeapOp& op);
// The script's free list line: "Free List [ Size 1 ]: [ addr:1003 sz:97 ]".
std::string free_list_text(const std::vector<HeapChunk>& list);
// paging-policy.py's answer: "HIT  [6, 7]", "MISS, replaced 9: [0, 4, 6]".
std::string cache_answer_text(const CacheAccess& access);
// Why reference `index` of a paging-policy.py problem hit or missed, and what the policy replaced.
std::string explain_cache_access(const OstepProblem& problem, std::size_t index);

// Why op `index` of a malloc.py problem did what it did, in plain words (its step's event).
std::string explain_heap_op(const OstepProblem& problem, std::size_t index);

}  // namespace memsim::ostep
