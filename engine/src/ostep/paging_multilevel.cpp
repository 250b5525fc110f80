// paging-multilevel-translate.py: a two-level page table in a 4 KB physical memory of
// 128 pages of 32 bytes, dumped in hex. A 15-bit virtual address splits 5 | 5 | 5:
//
//   | PDE index (bits 14-10) | PTE index (bits 9-5) | offset (bits 4-0) |
//
// An entry byte is valid bit (0x80) | PFN (7 bits); 0x7f marks an empty entry. -c walks
// each address: the PDE, the PTE, the physical address and the byte there, or a fault.
#include <map>

#include "script_support.hpp"

namespace memsim::ostep {
namespace {

constexpr OptionSpec paging_multilevel_options[] = {
    {"-s", "--seed", "seed", OptionType::Int, "0", "the random seed"},
    {"-a", "--allocated", "allocated", OptionType::Int, "64", "number of virtual pages allocated"},
    {"-n", "--addresses", "num", OptionType::Int, "10", "number of virtual addresses to generate"},
    {"-c", "--solve", "solve", OptionType::Flag, "", "compute answers for me"},
};

constexpr int page_size = 32;
constexpr int phys_pages = 128;
constexpr int va_pages = 1024;

// The script's OS object: physical memory and the free-page map.
struct Machine {
    std::vector<int> memory = std::vector<int>(page_size * phys_pages, 0);
    std::vector<bool> used = std::vector<bool>(phys_pages, false);
    int used_count = 0;
    int pdbr = 0;

    // findFree(): a random free page; nothing when memory is full (the script's assert).
    std::optional<int> find_free(PythonRandom& rng) {
        if (used_count >= phys_pages) return std::nullopt;
        int look = static_cast<int>(rng.random() * phys_pages);
        while (used[static_cast<std::size_t>(look)]) look = static_cast<int>(rng.random() * phys_pages);
        used[static_cast<std::size_t>(look)] = true;
        ++used_count;
        return look;
    }
    void clear_entries(int page) {
        for (int i = 0; i < page_size; ++i) memory[static_cast<std::size_t>(page * page_size + i)] = 0x7f;
    }
    int& at(int addr) { return memory[static_cast<std::size_t>(addr)]; }
};

// procAlloc(): the page directory, then `count` random virtual pages with their frames.
std::optional<std::vector<int>> allocate(Machine& m, PythonRandom& rng, std::int64_t count) {
    const auto dir = m.find_free(rng);
    if (!dir) return std::nullopt;
    m.pdbr = *dir;
    m.clear_entries(*dir);
    std::vector<bool> vp_used(va_pages, false);
    std::vector<int> allocated;
    for (std::int64_t n = 0; n < count; ++n) {
        // More than 1024 pages would need a free virtual page that does not exist; the
        // frames (128) run out long before, which is where the script stops.
        int vp = static_cast<int>(rng.random() * va_pages);
        while (vp_used[static_cast<std::size_t>(vp)]) vp = static_cast<int>(rng.random() * va_pages);
        vp_used[static_cast<std::size_t>(vp)] = true;
        allocated.push_back(vp);
        const auto frame = m.find_free(rng);
        if (!frame) return std::nullopt;
        const int pde_addr = (m.pdbr << 5) | ((vp << 5) & 0x7c00) >> 10;
        int table = m.at(pde_addr) & 0x7f;
        if ((m.at(pde_addr) & 0x80) == 0) {
            const auto page = m.find_free(rng);
            if (!page) return std::nullopt;
            table = *page;
            m.at(pde_addr) = 0x80 | table;
            m.clear_entries(table);
        }
        m.at((table << 5) | (((vp << 5) & 0x03e0) >> 5)) = 0x80 | *frame;
        for (int j = 0; j < page_size; ++j) {
            m.at(*frame * page_size + j) = static_cast<int>(rng.random() * 31);
        }
    }
    return allocated;
}

// The walk as the problem records it (the same reads as walk() prints).
Translation record_walk(Machine& m, int vaddr) {
    Translation t{.vaddr = vaddr, .vpn = vaddr >> 5};
    const int pde_index = (vaddr & 0x7c00) >> 10;
    t.pde = WalkEntry{.page = m.pdbr, .index = pde_index, .contents = m.at((m.pdbr << 5) | pde_index)};
    if (!t.pde->valid()) return t;
    const int pte_index = (vaddr & 0x03e0) >> 5;
    t.pte = WalkEntry{.page = t.pde->pfn(), .index = pte_index, .contents = m.at((t.pde->pfn() << 5) | pte_index)};
    if (!t.pte->valid()) return t;
    t.paddr = (t.pte->pfn() << 5) | (vaddr & 0x1f);
    t.value = m.at(static_cast<int>(*t.paddr));
    return t;
}

void walk(ScriptIo& io, Machine& m, int vaddr) {
    const int pde_index = (vaddr & 0x7c00) >> 10;
    const int pde = m.at((m.pdbr << 5) | pde_index);
    const int pde_valid = (pde & 0x80) >> 7;
    const int table = pde & 0x7f;
    io.print(cformat("  --> pde index:0x%x [decimal %d] pde contents:0x%x (valid %d, pfn 0x%02x [decimal %d])",
                    pde_index, pde_index, pde, pde_valid, table, table));
    if (!pde_valid) {
        io.print("      --> Fault (page directory entry not valid)");
        return;
    }
    const int pte_index = (vaddr & 0x03e0) >> 5;
    const int pte = m.at((table << 5) | pte_index);
    const int pte_valid = (pte & 0x80) >> 7;
    const int pfn = pte & 0x7f;
    io.print(cformat("    --> pte index:0x%x [decimal %d] pte contents:0x%x (valid %d, pfn 0x%02x [decimal %d])",
                    pte_index, pte_index, pte, pte_valid, pfn, pfn));
    if (!pte_valid) {
        io.print("      --> Fault (page table entry not valid)");
        return;
    }
    const int paddr = (pfn << 5) | (vaddr & 0x1f);
    io.print(cformat("      --> Translates to Physical Address 0x%03x --> Value: 0x%02x", paddr, m.at(paddr)));
}

int run_paging_multilevel(ScriptIo& io, const OptionValues& o, const FileReader&) {
    io.print("ARG seed " + o.text("seed"));
    io.print("ARG allocated " + o.text("allocated"));
    io.print("ARG num " + o.text("num"));
    io.print("");
    PythonRandom rng{o.number("seed").seed_key()};
    const auto count = py_small(o.number("allocated"));
    if (!count) return io.crash(count.error().message);
    Machine m;
    const auto allocated = allocate(m, rng, *count);
    if (!allocated) return io.crash("AssertionError (findFree: all 128 physical pages are in use)");
    for (int page = 0; page < phys_pages; ++page) {
        std::string line = cformat("page %3d:", page);
        for (int j = 0; j < page_size; ++j) line += cformat("%02x", m.at(page * page_size + j));
        io.print(line);
    }
    if (io.problem) {
        io.problem->asize = va_pages * page_size;
        io.problem->psize = phys_pages * page_size;
        io.problem->page_size = page_size;
        io.problem->pdbr = m.pdbr;
        io.problem->memory.assign(m.memory.begin(), m.memory.end());
    }
    io.print(cformat("\nPDBR: %d  (decimal) [This means the page directory is held in this page]\n", m.pdbr));
    const auto num = py_small(o.number("num"));
    if (!num) return io.crash(num.error().message);
    for (std::int64_t i = 0; i < *num; ++i) {
        int vaddr = 0;
        const bool random_address = rng.random() * 100 > 50.0;
        if (random_address || i >= static_cast<std::int64_t>(allocated->size())) {
            vaddr = static_cast<int>(rng.random() * 1024 * 32);
        } else {
            vaddr = ((*allocated)[static_cast<std::size_t>(i)] << 5) | static_cast<int>(rng.random() * 32);
        }
        if (!io.add(record_walk(m, vaddr))) return 1;
        if (o.flag("solve")) {
            io.print(cformat("Virtual Address 0x%04x:", vaddr));
            walk(io, m, vaddr);
        } else {
            io.print(cformat("Virtual Address %04x: Translates To What Physical Address (And Fetches what Value)? Or Fault?", vaddr));
        }
    }
    io.print("");
    return 0;
}

}  // namespace

const ScriptDef paging_multilevel_script{"paging-multilevel-translate.py", paging_multilevel_options, run_paging_multilevel};

}  // namespace memsim::ostep
