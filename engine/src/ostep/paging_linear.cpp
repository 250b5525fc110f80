// paging-linear-translate.py: a linear page table (valid bit + PFN per entry) for an
// address space of -a bytes in -p bytes of memory with -P byte pages, -u percent of the
// pages mapped; -c translates each virtual address or says which VPN is invalid.
#include <unordered_set>

#include "script_support.hpp"

namespace memsim::ostep {
namespace {

constexpr OptionSpec paging_linear_options[] = {
    {"-A", "--addresses", "addresses", OptionType::String, "-1",
     "a set of comma-separated pages to access; -1 means randomly generate"},
    {"-s", "--seed", "seed", OptionType::Int, "0", "the random seed"},
    {"-a", "--asize", "asize", OptionType::String, "16k", "address space size (e.g., 16, 64k, 32m, 1g)"},
    {"-p", "--physmem", "psize", OptionType::String, "64k", "physical memory size (e.g., 16, 64k, 32m, 1g)"},
    {"-P", "--pagesize", "pagesize", OptionType::String, "4k", "page size (e.g., 4k, 8k, whatever)"},
    {"-n", "--numaddrs", "num", OptionType::Int, "5", "number of virtual addresses to generate"},
    {"-u", "--used", "used", OptionType::Int, "50", "percent of virtual address space that is used"},
    {"-v", "", "verbose", OptionType::Flag, "", "verbose mode"},
    {"-c", "", "solve", OptionType::Flag, "", "compute answers for me"},
};

bool is_power_of_two(std::int64_t v) { return v > 0 && (v & (v - 1)) == 0; }

int log2_floor(std::int64_t v) {
    int bits = 0;
    while (v > 1) {
        v >>= 1;
        ++bits;
    }
    return bits;
}

// Builds and prints the page table the script draws: pt[vpn] is the PFN or -1.
std::vector<std::int64_t> page_table(ScriptIo& io, PythonRandom& rng, std::int64_t pages, std::int64_t vpages,
                                     std::int64_t used_percent, bool verbose) {
    std::vector<std::int64_t> pt;
    std::unordered_set<std::int64_t> used;  // physical pages taken (only membership is asked)
    const double threshold = 100.0 - static_cast<double>(used_percent);
    for (std::int64_t v = 0; v < vpages; ++v) {
        const std::string prefix = verbose ? cformat("  [%8lld]  ", ll(v)) : "  ";
        for (;;) {
            if (rng.random() * 100.0 > threshold) {
                const auto u = static_cast<std::int64_t>(static_cast<double>(pages) * rng.random());
                if (!used.insert(u).second) continue;
                io.print(prefix + "0x" + py_hex(0x80000000LL | u, 8, true));
                pt.push_back(u);
            } else {
                io.print(prefix + "0x00000000");
                pt.push_back(-1);
            }
            break;
        }
    }
    return pt;
}

int run_paging_linear(ScriptIo& io, const OptionValues& o, const FileReader&) {
    io.print("ARG seed " + o.text("seed"));
    io.print("ARG address space size " + o.text("asize"));
    io.print("ARG phys mem size " + o.text("psize"));
    io.print("ARG page size " + o.text("pagesize"));
    io.print("ARG verbose " + o.text("verbose"));
    io.print("ARG addresses " + o.text("addresses"));
    io.print("");
    PythonRandom rng{o.number("seed").seed_key()};
    const auto asize = py_convert(o.text("asize"));
    if (!asize) return io.crash(asize.error().message);
    const auto psize = py_convert(o.text("psize"));
    if (!psize) return io.crash(psize.error().message);
    const auto pagesize = py_convert(o.text("pagesize"));
    if (!pagesize) return io.crash(pagesize.error().message);
    const auto error = [&](std::string_view message) {
        io.print(message);
        return 1;
    };
    if (*psize <= 1) return error("Error: must specify a non-zero physical memory size.");
    if (*asize < 1) return error("Error: must specify a non-zero address-space size.");
    if (*psize <= *asize) {
        return error("Error: physical memory size must be GREATER than address space size (for this simulation)");
    }
    constexpr std::int64_t one_g = 1024 * 1024 * 1024;
    if (*psize >= one_g || *asize >= one_g) return error("Error: must use smaller sizes (less than 1 GB) for this simulation.");
    if (*pagesize == 0) return io.crash("ZeroDivisionError: float division by zero");
    // Sizes below 1 GB divide exactly in floating point, so "a multiple" is a remainder test.
    if (*asize % *pagesize != 0) return error("Error in argument: address space must be a multiple of the pagesize");
    if (*psize % *pagesize != 0) return error("Error in argument: physical memory must be a multiple of the pagesize");
    const std::int64_t pages = *psize / *pagesize;
    const std::int64_t vpages = *asize / *pagesize;
    if (!is_power_of_two(*asize)) return error("Error in argument: address space must be a power of 2");
    if (*pagesize < 0) return io.crash("ValueError: math domain error");
    if (!is_power_of_two(*pagesize)) return error("Error in argument: page size must be a power of 2");
    const int pagebits = log2_floor(*pagesize);
    const std::int64_t pagemask = (std::int64_t{1} << pagebits) - 1;
    const std::int64_t vpnmask = 0xFFFFFFFFLL & ~pagemask;

    io.print("");
    io.print("The format of the page table is simple:");
    io.print("The high-order (left-most) bit is the VALID bit.");
    io.print("  If the bit is 1, the rest of the entry is the PFN.");
    io.print("  If the bit is 0, the page is not valid.");
    io.print("Use verbose mode (-v) if you want to print the VPN # by");
    io.print("each entry of the page table.");
    io.print("");
    io.print("Page Table (from entry 0 down to the max size)");
    const auto used = py_small(o.number("used"));
    if (!used) return io.crash(used.error().message);
    if (io.problem && vpages > static_cast<std::int64_t>(max_problem_page_table)) {
        return io.too_large(std::to_string(vpages) + " page-table entries (at most " + std::to_string(max_problem_page_table) + ")");
    }
    const auto pt = page_table(io, rng, pages, vpages, *used, o.flag("verbose"));
    io.print("");
    if (io.problem) {
        io.problem->asize = *asize;
        io.problem->psize = *psize;
        io.problem->page_size = *pagesize;
        io.problem->page_table = pt;
    }

    std::vector<std::string> words;
    if (o.text("addresses") == "-1") {
        const auto num = py_small(o.number("num"));
        if (!num) return io.crash(num.error().message);
        for (std::int64_t i = 0; i < *num; ++i) {
            words.push_back(std::to_string(static_cast<std::int64_t>(static_cast<double>(*asize) * rng.random())));
        }
    } else {
        words = split_commas(o.text("addresses"));
    }
    io.print("Virtual Address Trace");
    for (const std::string& word : words) {
        const auto vaddr = py_int(word);
        if (!vaddr) return io.crash(vaddr.error().message);
        const std::string va = "  VA 0x" + py_hex(*vaddr, 8, true) + cformat(" (decimal: %8lld) --> ", ll(*vaddr));
        if (!o.flag("solve")) {
            io.print(va + "PA or invalid address?");
            continue;
        }
        const std::int64_t vpn = (*vaddr & vpnmask) >> pagebits;
        if (vpn >= static_cast<std::int64_t>(pt.size())) return io.crash("IndexError: array index out of range");
        const std::int64_t pfn = pt[static_cast<std::size_t>(vpn)];
        const auto paddr_of = [&] { return (pfn << pagebits) | (*vaddr & pagemask); };
        if (!io.add({.vaddr = *vaddr, .paddr = pfn < 0 ? std::nullopt : std::optional{paddr_of()}, .vpn = vpn})) return 1;
        if (pfn < 0) {
            io.print(va.substr(0, va.size() - 1) + cformat("  Invalid (VPN %lld not valid)", ll(vpn)));
        } else {
            const std::int64_t paddr = paddr_of();
            io.print(va + py_hex(paddr, 8, true) + cformat(" (decimal %8lld) [VPN %lld]", ll(paddr), ll(vpn)));
        }
    }
    io.print("");
    if (!o.flag("solve")) {
        io.print("For each virtual address, write down the physical address it translates to");
        io.print("OR write down that it is an out-of-bounds address (e.g., segfault).");
        io.print("");
    }
    return 0;
}

}  // namespace

const ScriptDef paging_linear_script{"paging-linear-translate.py", paging_linear_options, run_paging_linear};

}  // namespace memsim::ostep
