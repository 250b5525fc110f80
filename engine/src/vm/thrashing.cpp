#include "memsim/vm/thrashing.hpp"

#include <algorithm>
#include <string>

#include "memsim/core/prng.hpp"
#include "memsim/vm/pager.hpp"

namespace memsim::vm {
namespace {

// Pages of process p are ids [p * stride, (p + 1) * stride): its locality first, then
// a cold region ten times larger that it wanders into once in a while.
struct Layout {
    std::uint32_t stride;
};

ThrashPoint run_degree(const ThrashConfig& c, std::uint32_t degree) {
    std::uint32_t active = degree;
    if (c.load_control) {
        std::uint64_t sum = 0;
        active = 0;
        while (active < degree && sum + c.working_sets[active] <= c.frames) sum += c.working_sets[active++];
        active = std::max<std::uint32_t>(active, 1);
    }
    const std::uint32_t widest = *std::max_element(c.working_sets.begin(), c.working_sets.end());
    const Layout layout{widest * 11};
    auto pager = *Pager::create({.frames = c.frames, .policy = c.policy}, layout.stride * active);
    Prng rng{c.seed};
    std::vector<std::uint64_t> ready_at(active, 0);
    std::uint64_t time = 0, busy = 0, disk_free = 0, executed = 0;
    std::uint32_t next = 0;
    while (executed < c.references) {
        std::uint32_t p = active;
        for (std::uint32_t k = 0; k < active; ++k) {
            const std::uint32_t q = (next + k) % active;
            if (ready_at[q] <= time) { p = q; break; }
        }
        if (p == active) {  // nobody ready: the CPU idles until the first disk reply
            time = *std::min_element(ready_at.begin(), ready_at.end());
            continue;
        }
        next = (p + 1) % active;
        const std::uint32_t ws = c.working_sets[p];
        for (std::uint64_t i = 0; i < c.quantum && executed < c.references; ++i) {
            const bool cold = rng.below(c.cold_every) == 0;
            const auto page = static_cast<std::uint32_t>(cold ? ws + rng.below(std::uint64_t{ws} * 10) : rng.below(ws));
            ++executed;
            ++time;
            const auto step = pager.access(p * layout.stride + page, false);
            if (step.hit) {
                ++busy;
                continue;
            }
            disk_free = std::max(disk_free, time) + c.fault_service;
            ready_at[p] = disk_free;
            break;
        }
    }
    std::uint64_t total_ws = 0;
    for (std::uint32_t i = 0; i < active; ++i) total_ws += c.working_sets[i];
    const auto faults = pager.counters().faults;
    return ThrashPoint{degree, active, total_ws, static_cast<double>(busy) / static_cast<double>(std::max<std::uint64_t>(time, 1)),
                       faults, static_cast<double>(faults) / static_cast<double>(executed)};
}

}  // namespace

Result<std::vector<ThrashPoint>> thrashing_curve(const ThrashConfig& c) {
    if (c.working_sets.empty()) return fail("the experiment needs at least one process");
    for (auto ws : c.working_sets) {
        if (ws == 0 || ws > (1u << 20)) return fail("working sets must be 1..1048576 pages, not " + std::to_string(ws));
    }
    if (c.frames == 0) return fail("frames must be at least 1");
    if (c.quantum == 0 || c.cold_every == 0) return fail("quantum and cold-every must be at least 1");
    if (c.policy.kind == PolicyKind::Opt) return fail("opt needs the future; choose another policy");
    const auto policy = validate(c.policy);
    if (!policy) return tl::unexpected(policy.error());
    std::vector<ThrashPoint> points;
    for (std::uint32_t d = 1; d <= c.working_sets.size(); ++d) points.push_back(run_degree(c, d));
    return points;
}

}  // namespace memsim::vm
