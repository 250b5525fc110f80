#include "memsim/ostep/problem.hpp"

#include "memsim/core/text.hpp"
#include "script_support.hpp"

namespace memsim::ostep {
namespace {

struct ProblemDef {
    const ScriptDef* script;
    ProblemScript kind;
};

const ProblemDef problem_scripts[] = {
    {&relocation_script, ProblemScript::Relocation},
    {&segmentation_script, ProblemScript::Segmentation},
    {&paging_linear_script, ProblemScript::PagingLinear},
    {&paging_multilevel_script, ProblemScript::PagingMultilevel},
    {&malloc_script, ProblemScript::Malloc},
    {&paging_policy_script, ProblemScript::PagingPolicy},
};

// Collects what a port prints, to name its error when it stops.
class Discard : public Output {
public:
    void out(std::string_view text) override {
        if (text == "\n") return;
        last_line = text;
    }
    void err(std::string_view text) override { err_text.append(text); }
    std::string last_line, err_text;
};

// The last line of a message ("Usage: ...\n\nprog: error: X" gives "prog: error: X").
std::string last_line(std::string_view text) {
    text = trim(text);
    const auto newline = text.rfind('\n');
    return std::string(newline == std::string_view::npos ? text : text.substr(newline + 1));
}

std::string hex_and_decimal(std::int64_t v) {
    return "0x" + py_hex(v, 8, true) + " (decimal " + std::to_string(v) + ")";
}

std::string entry_text(const WalkEntry& e) {
    return cformat("0x%02x (valid %d, PFN %d)", e.contents, e.valid() ? 1 : 0, e.pfn());
}

}  // namespace

bool has_problem_form(std::string_view script) {
    for (const ProblemDef& p : problem_scripts) {
        if (p.script->name == script) return true;
    }
    return false;
}

Result<OstepProblem> ostep_problem(std::string_view script, const std::vector<std::string>& args) {
    for (const ProblemDef& p : problem_scripts) {
        if (p.script->name != script) continue;
        ParseOutcome parsed = parse_options(p.script->name, p.script->options, args);
        if (!parsed.run) return fail(parsed.err.empty() ? "-h prints the help; it makes no problem" : last_line(parsed.err));
        parsed.values.set("solve", OptionValue{.text = "True", .flag = true});
        OstepProblem problem{.script = p.kind};
        Discard sink;
        ScriptIo io{sink, p.script->name, &problem};
        if (p.script->run(io, parsed.values, nullptr) != 0) {
            return fail(last_line(sink.err_text.empty() ? sink.last_line : sink.err_text));
        }
        if (problem.steps() == 0) {
            return fail(p.kind == ProblemScript::Malloc         ? "the problem has no mallocs or frees (-n 0)"
                        : p.kind == ProblemScript::PagingPolicy ? "the problem has no references (-n 0)"
                                                                : "the problem has no addresses to translate (-n 0)");
        }
        return problem;
    }
    return fail(std::string(script) + " has no problem form");
}

std::string answer_text(const OstepProblem& problem, const Translation& t) {
    switch (problem.script) {
        case ProblemScript::Relocation:
            return t.paddr ? "VALID: " + hex_and_decimal(*t.paddr) : "SEGMENTATION VIOLATION";
        case ProblemScript::Segmentation:
            return t.paddr ? "VALID in SEG" + std::to_string(t.segment) + ": " + hex_and_decimal(*t.paddr)
                           : "SEGMENTATION VIOLATION (SEG" + std::to_string(t.segment) + ")";
        case ProblemScript::PagingLinear:
            return t.paddr ? hex_and_decimal(*t.paddr) + " [VPN " + std::to_string(t.vpn) + "]"
                           : "Invalid (VPN " + std::to_string(t.vpn) + " not valid)";
        case ProblemScript::Malloc:
        case ProblemScript::PagingPolicy: break;
        case ProblemScript::PagingMultilevel:
            if (t.pde && !t.pde->valid()) return "Fault (page directory entry not valid)";
            if (t.pte && !t.pte->valid()) return "Fault (page table entry not valid)";
            return t.paddr ? cformat("Physical Address 0x%03llx --> Value: 0x%02x", static_cast<unsigned long long>(*t.paddr),
                                     t.value.value_or(0))
                           : "Fault";
    }
    return "";
}

std::string quiz_answer(const Translation& t) {
    return t.paddr ? cformat("0x%llx", static_cast<unsigned long long>(*t.paddr)) : "fault";
}

std::string explain_translation(const OstepProblem& p, const Translation& t) {
    const std::string va = "Virtual address " + hex_and_decimal(t.vaddr);
    switch (p.script) {
        case ProblemScript::Relocation:
            if (!t.paddr) {
                return va + " is not below the limit " + std::to_string(p.limit) +
                       ": it is outside the address space the bounds register allows, so the hardware raises a segmentation violation.";
            }
            return va + " is below the limit " + std::to_string(p.limit) + ", so it is valid: the hardware adds the base " +
                   std::to_string(p.base) + " and the physical address is " + hex_and_decimal(*t.paddr) + ".";
        case ProblemScript::Segmentation: {
            const std::string seg = "The top bit of " + hex_and_decimal(t.vaddr) + " is " + std::to_string(t.segment) +
                                    ", so it is in segment " + std::to_string(t.segment);
            if (t.segment == 0) {
                if (!t.paddr) {
                    return seg + ", which grows up from its base. Its offset " + std::to_string(t.vaddr) +
                           " is not below the limit " + std::to_string(p.limit0) + ": a segmentation violation.";
                }
                return seg + ", which grows up: offset " + std::to_string(t.vaddr) + " < limit " + std::to_string(p.limit0) +
                       ", physical address = base " + std::to_string(p.base0) + " + " + std::to_string(t.vaddr) + " = " +
                       hex_and_decimal(*t.paddr) + ".";
            }
            const std::int64_t negative = t.vaddr - p.asize;
            const std::string offset = seg + ", which grows down from its base " + std::to_string(p.base1) +
                                       ". Its negative offset is " + std::to_string(t.vaddr) + " - " + std::to_string(p.asize) +
                                       " = " + std::to_string(negative);
            if (!t.paddr) {
                return offset + ", beyond the limit of " + std::to_string(p.limit1) + " bytes: a segmentation violation.";
            }
            return offset + ", within the limit " + std::to_string(p.limit1) + ": physical address = " + std::to_string(p.base1) +
                   " - " + std::to_string(-negative) + " = " + hex_and_decimal(*t.paddr) + ".";
        }
        case ProblemScript::PagingLinear: {
            const std::int64_t offset = t.vaddr % p.page_size;
            const std::string split = va + " is in virtual page " + std::to_string(t.vpn) + " (at offset " +
                                      std::to_string(offset) + " of a " + std::to_string(p.page_size) + "-byte page)";
            if (!t.paddr) return split + ". Its page-table entry has the valid bit clear: the address is invalid (a fault).";
            const std::int64_t pfn = p.page_table[static_cast<std::size_t>(t.vpn)];
            return split + ". Its page-table entry is valid with PFN " + std::to_string(pfn) + ", so the physical address is " +
                   std::to_string(pfn) + " x " + std::to_string(p.page_size) + " + " + std::to_string(offset) + " = " +
                   hex_and_decimal(*t.paddr) + ".";
        }
        case ProblemScript::PagingMultilevel: {
            std::string text = cformat("Virtual address 0x%04llx splits into PDE index %d, PTE index %d and offset %d. ",
                                       static_cast<unsigned long long>(t.vaddr), static_cast<int>((t.vaddr >> 10) & 0x1f),
                                       static_cast<int>((t.vaddr >> 5) & 0x1f), static_cast<int>(t.vaddr & 0x1f));
            if (t.pde) {
                text += "The page directory (page " + std::to_string(t.pde->page) + ", the PDBR) holds " + entry_text(*t.pde) +
                        " at index " + std::to_string(t.pde->index) + ". ";
                if (!t.pde->valid()) return text + "It is not valid: the walk faults at the directory.";
            }
            if (t.pte) {
                text += "That page table (page " + std::to_string(t.pte->page) + ") holds " + entry_text(*t.pte) + " at index " +
                        std::to_string(t.pte->index) + ". ";
                if (!t.pte->valid()) return text + "It is not valid: the walk faults at the page table.";
            }
            if (t.paddr) {
                text += cformat("The physical address is PFN %d x 32 + %d = 0x%03llx, and the byte there is 0x%02x.", t.pte->pfn(),
                                static_cast<int>(t.vaddr & 0x1f), static_cast<unsigned long long>(*t.paddr), t.value.value_or(0));
            }
            return text;
        }
        case ProblemScript::Malloc:
        case ProblemScript::PagingPolicy: break;
    }
    return va;
}

std::string cache_answer_text(const CacheAccess& a) {
    if (a.hit) return "HIT  " + py_list(a.cache);
    return (a.victim ? "MISS, replaced " + std::to_string(*a.victim) + ": " : std::string("MISS: ")) + py_list(a.cache);
}

std::string explain_cache_access(const OstepProblem& p, std::size_t index) {
    const CacheAccess& a = p.accesses[index];
    const std::string page = "Page " + std::to_string(a.page);
    const std::string after = " The cache afterwards, left to right: " + py_list(a.cache) + ".";
    if (a.hit) {
        std::string text = page + " is in the cache: a hit.";
        if (p.policy_name == "CLOCK") {
            text += " CLOCK adds 1 to its counter (at most " + std::to_string(p.clock_bits) + ", the -b clock bits).";
        }
        return text + after;
    }
    if (!a.victim) return page + " is not in the cache, which still has room: a miss, and the page joins it on the right." + after;
    std::string why;
    if (p.policy_name == "RAND") {
        why = "RAND picks a position at random (from the same random stream as the references) and replaces page " +
              std::to_string(*a.victim);
    } else if (p.policy_name == "CLOCK") {
        why = "the script's CLOCK probes random positions: a probed page with a counter above 0 loses 1 and stays, "
              "and the first one found at 0 goes, here page " + std::to_string(*a.victim);
    } else if (p.policy_name == "UNOPT") {
        why = "UNOPT (the worst choice, to compare with OPT) replaces the page that will be used soonest, page " +
              std::to_string(*a.victim);
    } else if (p.policy_name == "OPT") {
        why = "OPT replaces the page used furthest in the future (or never again), page " + std::to_string(*a.victim);
    } else if (p.policy_name == "FIFO") {
        why = "FIFO replaces the page that came in first, page " + std::to_string(*a.victim);
    } else if (p.policy_name == "MRU") {
        why = "MRU replaces the most recently used page, page " + std::to_string(*a.victim);
    } else if (p.policy_name == "LRU") {
        why = "LRU replaces the least recently used page, page " + std::to_string(*a.victim);
    } else {
        why = p.policy_name + " replaces page " + std::to_string(*a.victim);
    }
    return page + " is not in the cache and the cache is full: a miss. " + why + "; page " + std::to_string(a.page) +
           " joins on the right." + after;
}

std::string heap_op_text(const HeapOp& op) {
    switch (op.kind) {
        case HeapOp::Kind::Alloc: return cformat("ptr[%lld] = Alloc(%lld)", static_cast<long long>(op.ptr), static_cast<long long>(op.size));
        case HeapOp::Kind::Free: return cformat("Free(ptr[%lld])", static_cast<long long>(op.ptr));
        case HeapOp::Kind::SkippedFree: return cformat("Free(ptr[%lld]) (skipped)", static_cast<long long>(op.ptr));
    }
    return "";
}

std::string heap_answer_text(const HeapOp& op) {
    switch (op.kind) {
        case HeapOp::Kind::Alloc:
            return cformat("returned %lld (searched %lld elements)", static_cast<long long>(op.result), static_cast<long long>(op.searched));
        case HeapOp::Kind::Free: return cformat("returned %lld", static_cast<long long>(op.result));
        case HeapOp::Kind::SkippedFree: return "Invalid Free: Skipping";
    }
    return "";
}

std::string free_list_text(const std::vector<HeapChunk>& list) {
    std::string line = cformat("Free List [ Size %zu ]: ", list.size());
    for (const HeapChunk& c : list) line += cformat("[ addr:%lld sz:%lld ]", static_cast<long long>(c.addr), static_cast<long long>(c.size));
    return line;
}

namespace {

std::string fit_rule(const OstepProblem& p) {
    if (p.policy == "FIRST") return "FIRST fit takes the first entry in the list that is large enough and stops looking";
    if (p.policy == "WORST") return "WORST fit walks the whole list and takes the largest entry";
    return "BEST fit walks the whole list and takes the smallest entry that is large enough";
}

std::string bytes(std::int64_t n) { return cformat(n == 1 ? "%lld byte" : "%lld bytes", static_cast<long long>(n)); }

// The free chunk starting at `addr` before op `index` (the whole heap before the first op).
std::optional<HeapChunk> free_chunk_before(const OstepProblem& p, std::size_t index, std::int64_t addr) {
    const std::vector<HeapChunk> whole{{p.heap_base, p.heap_size}};
    const std::vector<HeapChunk>& list = index == 0 ? whole : p.heap_ops[index - 1].free_list;
    for (const HeapChunk& c : list) {
        if (c.addr == addr) return c;
    }
    return std::nullopt;
}

std::string request_text(const OstepProblem& p, std::int64_t size) {
    std::string text = bytes(size);
    std::int64_t want = size;
    if (p.align > 0) {
        const std::int64_t left = ((want % p.align) + p.align) % p.align;
        want += left != 0 ? p.align - left : 0;
        if (want != size) text += cformat(", rounded up to %lld (alignment %lld)", static_cast<long long>(want), static_cast<long long>(p.align));
    }
    if (p.header > 0) text += cformat(", plus a %lld-byte header: ", static_cast<long long>(p.header)) + bytes(want + p.header);
    return text;
}

}  // namespace

std::string explain_heap_op(const OstepProblem& p, std::size_t index) {
    const HeapOp& op = p.heap_ops[index];
    const std::string list = free_list_text(op.free_list);
    switch (op.kind) {
        case HeapOp::Kind::Alloc: {
            const std::string asked = heap_op_text(op) + " asks for " + request_text(p, op.size) + ". " + fit_rule(p) + "; it looked at " +
                                      std::to_string(op.searched) + (op.searched == 1 ? " entry" : " entries");
            if (!op.chunk) return asked + " and none is large enough, so the allocation fails and returns " + std::to_string(op.result) + ". " + list + ".";
            const std::optional<HeapChunk> from = free_chunk_before(p, index, op.chunk->addr);
            const std::string cut = from && from->size > op.chunk->size
                                        ? "cutting " + bytes(op.chunk->size) + " from the front of its " + bytes(from->size) +
                                              " (the rest stays in the list where the chunk was)"
                                        : "all of it: the entry leaves the list";
            return asked + " and took the chunk at " + std::to_string(op.chunk->addr) + ", " + cut + ". It returns " +
                   std::to_string(op.result) + ". " + list + ".";
        }
        case HeapOp::Kind::Free: {
            if (!op.chunk) return heap_op_text(op) + ": that pointer is not allocated any more, so free returns -1 and the list is unchanged. " + list + ".";
            std::string text = heap_op_text(op) + " gives the " + bytes(op.chunk->size) + " at " + std::to_string(op.chunk->addr) +
                               " back to the free list";
            if (p.order == "ADDRSORT") text += ", which is kept sorted by address";
            else if (p.order == "SIZESORT+") text += ", which is kept sorted by size, smallest first";
            else if (p.order == "SIZESORT-") text += ", which is kept sorted by size, largest first";
            else if (p.order == "INSERT-FRONT") text += " at its front";
            else text += " at its end";
            text += p.coalesce ? "; neighbouring free chunks are then merged (coalesced)" : "; without -C neighbouring free chunks are not merged";
            return text + ". It returns 0. " + list + ".";
        }
        case HeapOp::Kind::SkippedFree:
            return heap_op_text(op) + ": the script skips a free of a pointer number not below the count of pointers it has handed out. " + list + ".";
    }
    return list;
}

}  // namespace memsim::ostep
