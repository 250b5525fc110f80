// Random reference strings on every replacement policy, with and without a TLB. After
// every reference the pager's invariants must hold, and stepping one reference at a time
// must count exactly what bulk mode counts.
#include <cstddef>
#include <cstdint>
#include <span>
#include <vector>

#include "memsim/core/assert.hpp"
#include "memsim/vm/pager.hpp"
#include "memsim/vm/replacement/opt.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace memsim::vm;
    if (size < 3) return 0;
    const auto& policies = all_policies();
    PagerConfig config;
    config.policy.kind = policies[data[0] % policies.size()];
    config.frames = 1 + data[1] % 16;
    config.tlb = TlbConfig{.entries = (data[2] & 1) ? 4u << (data[2] >> 1) % 3 : 0u,
                           .ways = (data[2] & 8) ? 2u : 0u};
    std::vector<std::uint32_t> pages;
    std::vector<std::uint8_t> writes;
    for (std::size_t at = 3; at < size && pages.size() < 4000; ++at) {
        pages.push_back(data[at] & 0x3f);
        writes.push_back((data[at] & 0x40) ? 1 : 0);
    }
    const auto next_use = next_use_times(pages, 64);
    auto stepped = Pager::create(config, 64);
    if (!stepped) return 0;
    auto bulk = *stepped;
    for (std::size_t i = 0; i < pages.size(); ++i) {
        (void)stepped->access(pages[i], writes[i] != 0, next_use[i]);
        MEMSIM_ASSERT(stepped->check_invariants().empty());
    }
    bulk.run(pages, writes, next_use);
    MEMSIM_ASSERT(bulk.counters() == stepped->counters());
    MEMSIM_ASSERT(bulk.check_invariants().empty());
    return 0;
}
