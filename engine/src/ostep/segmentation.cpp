// segmentation.py: two segments, 0 growing up from its base and 1 growing down from its
// base; the top bit of a virtual address picks the segment. -c says which addresses are
// valid and where they land.
#include "script_support.hpp"

namespace memsim::ostep {
namespace {

constexpr OptionSpec segmentation_options[] = {
    {"-s", "--seed", "seed", OptionType::Int, "0", "the random seed"},
    {"-A", "--addresses", "addresses", OptionType::String, "-1",
     "a set of comma-separated pages to access; -1 means randomly generate"},
    {"-a", "--asize", "asize", OptionType::String, "1k", "address space size (e.g., 16, 64k, 32m, 1g)"},
    {"-p", "--physmem", "psize", OptionType::String, "16k", "physical memory size (e.g., 16, 64k, 32m, 1g)"},
    {"-n", "--numaddrs", "num", OptionType::Int, "5", "number of virtual addresses to generate"},
    {"-b", "--b0", "base0", OptionType::String, "-1", "value of segment 0 base register"},
    {"-l", "--l0", "len0", OptionType::String, "-1", "value of segment 0 limit register"},
    {"-B", "--b1", "base1", OptionType::String, "-1", "value of segment 1 base register"},
    {"-L", "--l1", "len1", OptionType::String, "-1", "value of segment 1 limit register"},
    {"-c", "", "solve", OptionType::Flag, "", "compute answers for me"},
};

// The script's abort_if(): "Error: message" on stdout, exit 1.
bool abort_if(ScriptIo& io, bool condition, std::string_view message) {
    if (condition) io.print("Error: " + std::string(message));
    return condition;
}

struct Segments {
    std::int64_t base0 = 0, len0 = 0, base1 = 0, len1 = 0;  // base1 is the low end of segment 1
};

// Draws the bases the script draws, or reports a search that cannot end.
int place(ScriptIo& io, PythonRandom& rng, std::int64_t psize, bool random0, bool random1, Segments& s) {
    const double p = static_cast<double>(psize);
    std::int64_t draws = 0;
    if (random0) {
        if (s.len0 >= psize) return io.endless("segment 0 cannot fit in physical memory");
        do {
            if (++draws > max_placement_draws) return io.endless("no base for segment 0 in 10,000,000 draws");
            s.base0 = static_cast<std::int64_t>(p * rng.random());
        } while (!(s.base0 + s.len0 < psize));
    }
    if (random1) {
        draws = 0;
        for (;;) {
            if (++draws > max_placement_draws) return io.endless("no base for segment 1 in 10,000,000 draws");
            s.base1 = static_cast<std::int64_t>(p * rng.random());
            if (s.base1 + s.len1 < psize && (s.base1 > s.base0 + s.len0 || s.base1 + s.len1 < s.base0)) break;
        }
    }
    return 0;
}

int translate(ScriptIo& io, const OptionValues& o, PythonRandom& rng, std::int64_t asize, const Segments& s) {
    std::vector<std::string> words;
    if (o.text("addresses") == "-1") {
        const auto num = py_small(o.number("num"));
        if (!num) return io.crash(num.error().message);
        for (std::int64_t i = 0; i < *num; ++i) {
            words.push_back(std::to_string(static_cast<std::int64_t>(static_cast<double>(asize) * rng.random())));
        }
    } else {
        words = split_commas(o.text("addresses"));
    }
    io.print("Virtual Address Trace");
    const std::int64_t top1 = s.base1 + s.len1;
    for (std::size_t i = 0; i < words.size(); ++i) {
        const auto vaddr = py_int(words[i]);
        if (!vaddr) return io.crash(vaddr.error().message);
        const std::int64_t v = *vaddr;
        if (v < 0 || v >= asize) {
            io.print(cformat("Error: virtual address %lld cannot be generated in an address space of size %lld", ll(v),
                            ll(asize)));
            return 1;
        }
        if (io.problem) {
            const bool upper = static_cast<double>(v) >= static_cast<double>(asize) / 2;
            const std::int64_t paddr = upper ? top1 + (v - asize) : v + s.base0;
            const bool valid = upper ? paddr >= s.base1 : v < s.len0;
            if (!io.add({.vaddr = v, .paddr = valid ? std::optional{paddr} : std::nullopt, .segment = upper ? 1 : 0})) return 1;
        }
        const std::string va = cformat("  VA %2lld: 0x", ll(static_cast<std::int64_t>(i))) + py_hex(v, 8, true) +
                               cformat(" (decimal: %4lld) --> ", ll(v));
        if (!o.flag("solve")) {
            io.print(va + "PA or segmentation violation?");
        } else if (static_cast<double>(v) >= static_cast<double>(asize) / 2) {
            const std::int64_t paddr = top1 + (v - asize);
            io.print(va + (paddr < s.base1 ? "SEGMENTATION VIOLATION (SEG1)"
                                           : "VALID in SEG1: 0x" + py_hex(paddr, 8, true) + cformat(" (decimal: %4lld)", ll(paddr))));
        } else if (v >= s.len0) {
            io.print(va + "SEGMENTATION VIOLATION (SEG0)");
        } else {
            const std::int64_t paddr = v + s.base0;
            io.print(va + "VALID in SEG0: 0x" + py_hex(paddr, 8, true) + cformat(" (decimal: %4lld)", ll(paddr)));
        }
    }
    io.print("");
    return 0;
}

int run_segmentation(ScriptIo& io, const OptionValues& o, const FileReader&) {
    io.print("ARG seed " + o.text("seed"));
    io.print("ARG address space size " + o.text("asize"));
    io.print("ARG phys mem size " + o.text("psize"));
    io.print("");
    PythonRandom rng{o.number("seed").seed_key()};
    const auto asize = py_convert(o.text("asize"));
    if (!asize) return io.crash(asize.error().message);
    const auto psize = py_convert(o.text("psize"));
    if (!psize) return io.crash(psize.error().message);
    if (abort_if(io, *psize <= 4, "must specify a bigger physical memory size") ||
        abort_if(io, *asize == 0, "must specify a non-zero address-space size") ||
        abort_if(io, *psize <= *asize, "physical memory size > address space size (for this simulation)")) {
        return 1;
    }
    Segments s;
    Result<std::int64_t> given[4] = {py_convert(o.text("len0")), py_convert(o.text("len1")),
                                     py_convert(o.text("base0")), py_convert(o.text("base1"))};
    for (const auto& g : given) {
        if (!g) return io.crash(g.error().message);
    }
    s.len0 = *given[0];
    s.len1 = *given[1];
    s.base0 = *given[2];
    s.base1 = *given[3];
    const double quarter = static_cast<double>(*asize) / 4.0;
    if (s.len0 == -1) s.len0 = static_cast<std::int64_t>(quarter + quarter * rng.random());
    if (s.len1 == -1) s.len1 = static_cast<std::int64_t>(quarter + quarter * rng.random());
    const bool random0 = s.base0 == -1;
    const bool random1 = s.base1 == -1;
    if ((random0 || random1) &&
        abort_if(io, *psize <= 2 * *asize,
                 "physical memory must be 2x GREATER than address space size (if randomly generating base registers)")) {
        return 1;
    }
    if (const int code = place(io, rng, *psize, random0, random1, s)) return code;
    if (!random1) s.base1 -= s.len1;
    const double half = static_cast<double>(*asize) / 2.0;
    if (abort_if(io, *psize < s.base0 + s.len0 - 1, "seg0 is not in physical memory") ||
        abort_if(io, *psize < s.base1, "seg1 is not in physical memory") ||
        abort_if(io, static_cast<double>(s.len0) > half, "length0 register is too large for this address space") ||
        abort_if(io, static_cast<double>(s.len1) > half, "length1 register is too large for this address space")) {
        return 1;
    }
    io.print("Segment register information:");
    io.print("");
    io.print("  Segment 0 base  (grows positive) : 0x" + py_hex(s.base0, 8, true) + cformat(" (decimal %lld)", ll(s.base0)));
    io.print(cformat("  Segment 0 limit                  : %lld", ll(s.len0)));
    io.print("");
    const std::int64_t top1 = s.base1 + s.len1;
    io.print("  Segment 1 base  (grows negative) : 0x" + py_hex(top1, 8, true) + cformat(" (decimal %lld)", ll(top1)));
    io.print(cformat("  Segment 1 limit                  : %lld", ll(s.len1)));
    io.print("");
    if (abort_if(io, s.len0 + s.base0 > s.base1 && s.base1 > s.base0, "segments overlap in physical memory")) return 1;
    if (io.problem) {
        io.problem->asize = *asize;
        io.problem->psize = *psize;
        io.problem->base0 = s.base0;
        io.problem->limit0 = s.len0;
        io.problem->base1 = top1;
        io.problem->limit1 = s.len1;
    }
    if (const int code = translate(io, o, rng, *asize, s)) return code;
    if (!o.flag("solve")) {
        io.print("For each virtual address, either write down the physical address it translates to");
        io.print("OR write down that it is an out-of-bounds address (a segmentation violation). For");
        io.print("this problem, you should assume a simple address space with two segments: the top");
        io.print("bit of the virtual address can thus be used to check whether the virtual address");
        io.print("is in segment 0 (topbit=0) or segment 1 (topbit=1). Note that the base/limit pairs");
        io.print("given to you grow in different directions, depending on the segment, i.e., segment 0");
        io.print("grows in the positive direction, whereas segment 1 in the negative. ");
        io.print("");
    }
    return 0;
}

}  // namespace

const ScriptDef segmentation_script{"segmentation.py", segmentation_options, run_segmentation};

}  // namespace memsim::ostep
