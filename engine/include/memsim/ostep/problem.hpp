#pragma once
// An OSTEP translation problem as typed data: what relocation.py, segmentation.py,
// paging-linear-translate.py and paging-multilevel-translate.py generate for a command
// line, and each answer the script gives with -c. The scenario form (kind = "ostep")
// steps through the translations one at a time; the app draws the registers, the page
// table or the page-directory walk for each, and asks for the physical address.
//
//   auto problem = ostep_problem("relocation.py", {"-s", "1"});
//   problem->translations[0].paddr     // the physical address, or nothing (a violation)
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

enum class ProblemScript { Relocation, Segmentation, PagingLinear, PagingMultilevel };

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
};

// The most a scenario form holds, so a problem stays small enough to draw and ask.
inline constexpr std::size_t max_problem_translations = 1000;
inline constexpr std::size_t max_problem_page_table = 4096;

// The scripts with a translation problem (their file names).
bool has_translation_problem(std::string_view script);

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

}  // namespace memsim::ostep
