#include "memsim/vm/replacement/any_policy.hpp"

#include <array>
#include <string>

#include "memsim/core/text.hpp"

namespace memsim::vm {
namespace {

struct PolicyInfo {
    PolicyKind kind;
    std::string_view name;
    std::string_view rule;
};

constexpr std::array<PolicyInfo, 13> infos{{
    {PolicyKind::Fifo, "fifo", "the page loaded longest ago"},
    {PolicyKind::Lru, "lru", "the least recently used page"},
    {PolicyKind::Opt, "opt", "the page whose next use is furthest in the future"},
    {PolicyKind::Clock, "clock", "the first page under the clock hand with R = 0"},
    {PolicyKind::SecondChance, "second-chance", "the oldest page with R = 0 (pages with R = 1 get a second chance)"},
    {PolicyKind::Nru, "nru", "the first page in the lowest (R, M) class"},
    {PolicyKind::Lfu, "lfu", "the least frequently used page"},
    {PolicyKind::Mfu, "mfu", "the most frequently used page"},
    {PolicyKind::Nfu, "nfu", "the page with the smallest use counter"},
    {PolicyKind::Aging, "aging", "the page with the smallest aging counter"},
    {PolicyKind::WsClock, "wsclock", "the first clean page under the hand outside the working set"},
    {PolicyKind::Random, "random", "a page chosen at random"},
    {PolicyKind::Mru, "mru", "the most recently used page"},
}};

}  // namespace

const std::vector<PolicyKind>& all_policies() {
    static const std::vector<PolicyKind> all = [] {
        std::vector<PolicyKind> out;
        for (const auto& info : infos) out.push_back(info.kind);
        return out;
    }();
    return all;
}

std::string_view policy_name(PolicyKind kind) { return infos[static_cast<std::size_t>(kind)].name; }

std::string_view policy_victim_rule(PolicyKind kind) {
    return infos[static_cast<std::size_t>(kind)].rule;
}

Result<PolicyKind> parse_policy(std::string_view name) {
    std::vector<std::string> names;
    for (const auto& info : infos) {
        if (info.name == name) return info.kind;
        names.emplace_back(info.name);
    }
    const std::string near = nearest(name, names);
    return fail("unknown policy '" + std::string(name) + "'" +
                (near.empty() ? "" : " (did you mean '" + near + "'?)"));
}

Result<PolicyConfig> validate(const PolicyConfig& config) {
    if (config.aging_bits < 1 || config.aging_bits > 32) {
        return fail("aging bits must be between 1 and 32, not " + std::to_string(config.aging_bits));
    }
    if (config.tick < 1) return fail("the tick period must be at least 1 reference");
    if (config.tau < 1) return fail("tau must be at least 1 reference");
    return config;
}

AnyPolicy make_policy(const PolicyConfig& c, std::uint32_t frames) {
    switch (c.kind) {
        case PolicyKind::Fifo: return FifoPolicy(frames);
        case PolicyKind::Lru: return LruPolicy(frames);
        case PolicyKind::Opt: return OptPolicy(frames);
        case PolicyKind::Clock: return ClockPolicy(frames);
        case PolicyKind::SecondChance: return SecondChancePolicy(frames);
        case PolicyKind::Nru: return NruPolicy(frames);
        case PolicyKind::Lfu: return LfuPolicy(frames);
        case PolicyKind::Mfu: return MfuPolicy(frames);
        case PolicyKind::Nfu: return NfuPolicy(frames, c.tick, c.aging_bits);
        case PolicyKind::Aging: return AgingPolicy(frames, c.tick, c.aging_bits);
        case PolicyKind::WsClock: return WsClockPolicy(frames, c.tau);
        case PolicyKind::Random: return RandomPolicy(frames, c.seed);
        case PolicyKind::Mru: return MruPolicy(frames);
    }
    return FifoPolicy(frames);
}

std::vector<std::uint64_t> next_use_times(std::span<const std::uint32_t> pages, std::uint32_t page_space) {
    std::vector<std::uint64_t> next(pages.size(), never);
    std::vector<std::uint64_t> seen(page_space, never);
    for (std::size_t i = pages.size(); i-- > 0;) {
        next[i] = seen[pages[i]];
        seen[pages[i]] = i;
    }
    return next;
}

}  // namespace memsim::vm
