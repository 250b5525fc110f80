// relocation.py: base and bounds. A random (or given) base and limit in a physical memory
// of -p bytes, and -n virtual addresses in an address space of -a bytes; -c says which
// are valid and where they land.
#include "script_support.hpp"

namespace memsim::ostep {
namespace {

constexpr OptionSpec relocation_options[] = {
    {"-s", "--seed", "seed", OptionType::Int, "0", "the random seed"},
    {"-a", "--asize", "asize", OptionType::String, "1k", "address space size (e.g., 16, 64k, 32m, 1g)"},
    {"-p", "--physmem", "psize", OptionType::String, "16k", "physical memory size (e.g., 16, 64k, 32m, 1g)"},
    {"-n", "--addresses", "num", OptionType::Int, "5", "number of virtual addresses to generate"},
    {"-b", "--b", "base", OptionType::String, "-1", "value of base register"},
    {"-l", "--l", "limit", OptionType::String, "-1", "value of limit register"},
    {"-c", "--compute", "solve", OptionType::Flag, "", "compute answers for me"},
};

int run_relocation(ScriptIo& io, const OptionValues& o, const FileReader&) {
    io.print("");
    io.print("ARG seed " + o.text("seed"));
    io.print("ARG address space size " + o.text("asize"));
    io.print("ARG phys mem size " + o.text("psize"));
    io.print("");
    PythonRandom rng{o.number("seed").seed_key()};
    const auto asize = py_convert(o.text("asize"));
    if (!asize) return io.crash(asize.error().message);
    const auto psize = py_convert(o.text("psize"));
    if (!psize) return io.crash(psize.error().message);
    if (*psize <= 1) {
        io.print("Error: must specify a non-zero physical memory size.");
        return 1;
    }
    if (*asize == 0) {
        io.print("Error: must specify a non-zero address-space size.");
        return 1;
    }
    if (*psize <= *asize) {
        io.print("Error: physical memory size must be GREATER than address space size (for this simulation)");
        return 1;
    }
    auto limit = py_convert(o.text("limit"));
    if (!limit) return io.crash(limit.error().message);
    auto base = py_convert(o.text("base"));
    if (!base) return io.crash(base.error().message);
    const double quarter = static_cast<double>(*asize) / 4.0;
    if (*limit == -1) *limit = static_cast<std::int64_t>(quarter + quarter * rng.random());
    if (*base == -1) {
        // The script draws until base + limit fits; when nothing can fit it never stops.
        if (*limit >= *psize) return io.endless("no base leaves room for the limit in physical memory");
        std::int64_t draws = 0;
        do {
            if (++draws > max_placement_draws) return io.endless("no fitting base in 10,000,000 draws");
            *base = static_cast<std::int64_t>(static_cast<double>(*psize) * rng.random());
        } while (!(*base + *limit < *psize));
    }
    io.print("Base-and-Bounds register information:");
    io.print("");
    io.print("  Base   : 0x" + py_hex(*base, 8, true) + cformat(" (decimal %lld)", ll(*base)));
    io.print(cformat("  Limit  : %lld", ll(*limit)));
    io.print("");
    if (*base + *limit > *psize) {
        io.print("Error: address space does not fit into physical memory with those base/bounds values.");
        io.print(cformat("Base + Limit: %lld   Psize: %lld", ll(*base + *limit), ll(*psize)));
        return 1;
    }
    const auto num = py_small(o.number("num"));
    if (!num) return io.crash(num.error().message);
    if (io.problem) {
        io.problem->asize = *asize;
        io.problem->psize = *psize;
        io.problem->base = *base;
        io.problem->limit = *limit;
    }
    io.print("Virtual Address Trace");
    for (std::int64_t i = 0; i < *num; ++i) {
        const auto vaddr = static_cast<std::int64_t>(static_cast<double>(*asize) * rng.random());
        if (!io.add({.vaddr = vaddr, .paddr = vaddr < *limit ? std::optional{vaddr + *base} : std::nullopt})) return 1;
        const std::string va = cformat("  VA %2lld: 0x", ll(i)) + py_hex(vaddr, 8, true) + cformat(" (decimal: %4lld) --> ", ll(vaddr));
        if (!o.flag("solve")) {
            io.print(va + "PA or segmentation violation?");
        } else if (vaddr >= *limit) {
            io.print(va + "SEGMENTATION VIOLATION");
        } else {
            const std::int64_t paddr = vaddr + *base;
            io.print(va + "VALID: 0x" + py_hex(paddr, 8, true) + cformat(" (decimal: %4lld)", ll(paddr)));
        }
    }
    io.print("");
    if (!o.flag("solve")) {
        io.print("For each virtual address, either write down the physical address it translates to");
        io.print("OR write down that it is an out-of-bounds address (a segmentation violation). For");
        io.print("this problem, you should assume a simple virtual address space of a given size.");
        io.print("");
    }
    return 0;
}

}  // namespace

const ScriptDef relocation_script{"relocation.py", relocation_options, run_relocation};

}  // namespace memsim::ostep
