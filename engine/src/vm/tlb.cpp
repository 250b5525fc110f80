#include "memsim/vm/tlb.hpp"

#include <bit>
#include <string>

namespace memsim::vm {

Result<Tlb> Tlb::create(const TlbConfig& config) {
    Tlb tlb;
    if (config.entries == 0) return tlb;
    const std::uint32_t ways = config.ways == 0 ? config.entries : config.ways;
    if (ways > config.entries || config.entries % ways != 0) {
        return fail("TLB entries (" + std::to_string(config.entries) + ") must be a multiple of its ways (" +
                    std::to_string(ways) + ")");
    }
    const std::uint32_t sets = config.entries / ways;
    if (!std::has_single_bit(sets)) {
        return fail("the TLB needs a power-of-two number of sets, not " + std::to_string(sets));
    }
    tlb.entries_.assign(config.entries, TlbEntry{});
    tlb.ways_ = ways;
    tlb.set_mask_ = sets - 1;
    tlb.replacement_ = config.replacement;
    tlb.prng_ = Prng{config.seed};
    return tlb;
}

void Tlb::flush() {
    for (auto& e : entries_) e = TlbEntry{};
    ++stats_.flushes;
}

double effective_access_time(double hit_ratio, std::uint32_t levels, double fault_rate,
                             const Latencies& l) {
    const double hit = l.tlb + l.memory;
    const double miss = l.tlb + static_cast<double>(levels) * l.memory + l.memory;
    const double no_fault = hit_ratio * hit + (1.0 - hit_ratio) * miss;
    return (1.0 - fault_rate) * no_fault + fault_rate * l.disk;
}

std::string_view tlb_replacement_name(TlbReplacement r) {
    switch (r) {
        case TlbReplacement::Lru: return "lru";
        case TlbReplacement::Fifo: return "fifo";
        case TlbReplacement::Random: return "random";
    }
    return "lru";
}

Result<TlbReplacement> parse_tlb_replacement(std::string_view name) {
    for (auto r : {TlbReplacement::Lru, TlbReplacement::Fifo, TlbReplacement::Random}) {
        if (tlb_replacement_name(r) == name) return r;
    }
    return fail("unknown TLB replacement '" + std::string(name) + "' (expected lru, fifo or random)");
}

}  // namespace memsim::vm
