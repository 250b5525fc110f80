#include "memsim/ostep/policy_cache.hpp"

#include <algorithm>

namespace memsim::ostep {

std::optional<OstepPolicy> ostep_policy_from_name(std::string_view name) {
    if (name == "FIFO") return OstepPolicy::Fifo;
    if (name == "LRU") return OstepPolicy::Lru;
    if (name == "MRU") return OstepPolicy::Mru;
    if (name == "OPT") return OstepPolicy::Opt;
    if (name == "UNOPT") return OstepPolicy::Unopt;
    if (name == "RAND") return OstepPolicy::Rand;
    if (name == "CLOCK") return OstepPolicy::Clock;
    return std::nullopt;
}

OstepCache::OstepCache(OstepPolicy policy, std::int64_t cache_size, std::int64_t clock_bits,
                       const std::vector<std::optional<std::int64_t>>& refs, PythonRandom& rng)
    : policy_(policy), cache_size_(cache_size), clock_bits_(clock_bits), refs_(refs), rng_(rng) {
    // The script scans the future for every page on every replacement; the next use of
    // each reference, computed once, gives the same answer in linear time.
    next_use_.assign(refs.size(), refs.size());
    first_unreadable_ = static_cast<std::size_t>(
        std::find_if(refs.begin(), refs.end(), [](const auto& r) { return !r.has_value(); }) - refs.begin());
    std::map<std::int64_t, std::size_t> seen;
    for (std::size_t i = refs.size(); i-- > 0;) {
        if (!refs[i]) continue;
        if (const auto it = seen.find(*refs[i]); it != seen.end()) next_use_[i] = it->second;
        seen[*refs[i]] = i;
    }
}

std::size_t OstepCache::future_use(std::int64_t page, std::size_t index, bool& unreadable) const {
    // The script reads refs[index+1 ...] until it meets the page; an unreadable entry on
    // the way stops it with a ValueError (the first such entry is the only one it can meet).
    const auto last = last_use_.find(page);
    const std::size_t next = last == last_use_.end() ? refs_.size() : next_use_[last->second];
    if (first_unreadable_ > index && first_unreadable_ < next) unreadable = true;
    return next;
}

Result<std::size_t> OstepCache::victim_position(std::size_t index) {
    const auto size = static_cast<std::size_t>(count_);
    const auto empty = [] { return fail("IndexError: pop from empty list"); };
    switch (policy_) {
        case OstepPolicy::Fifo:
        case OstepPolicy::Lru:
            if (pages_.empty()) return empty();
            return std::size_t{0};
        case OstepPolicy::Mru:
            if (pages_.empty()) return empty();
            return pages_.size() - 1;
        case OstepPolicy::Rand: {
            const auto at = static_cast<std::size_t>(rng_.random() * static_cast<double>(count_));
            if (at >= pages_.size()) return empty();
            return at;
        }
        case OstepPolicy::Clock:
            for (;;) {
                const auto at = static_cast<std::size_t>(rng_.random() * static_cast<double>(count_));
                if (at >= pages_.size()) return fail("IndexError: list index out of range");
                std::int64_t& counter = ref_[pages_[at]];
                if (counter >= 1) {
                    --counter;
                } else {
                    ref_.erase(pages_[at]);
                    return at;
                }
            }
        case OstepPolicy::Opt:
        case OstepPolicy::Unopt: {
            const bool opt = policy_ == OstepPolicy::Opt;
            std::optional<std::size_t> chosen;
            std::size_t best = opt ? 0 : refs_.size() + 1;
            for (std::size_t at = 0; at < size && at < pages_.size(); ++at) {
                bool unreadable = false;
                const std::size_t when = future_use(pages_[at], index, unreadable);
                if (unreadable) return fail("lookahead");
                if (opt ? (!chosen || when >= best) : when < best) {
                    chosen = at;
                    best = when;
                }
            }
            if (!chosen) {
                if (pages_.empty()) return empty();
                return pages_.size() - 1;  // pop(-1)
            }
            return *chosen;
        }
    }
    return empty();
}

Result<CacheStep> OstepCache::access(std::size_t index) {
    const std::int64_t page = *refs_[index];
    CacheStep step;
    const auto found = std::find(pages_.begin(), pages_.end(), page);
    step.hit = found != pages_.end();
    if (step.hit && (policy_ == OstepPolicy::Lru || policy_ == OstepPolicy::Mru)) {
        pages_.erase(found);
        pages_.push_back(page);
    }
    if (!step.hit) {
        if (count_ == cache_size_) {
            auto at = victim_position(index);
            if (!at) return tl::unexpected(at.error());
            step.victim = pages_[*at];
            pages_.erase(pages_.begin() + static_cast<std::ptrdiff_t>(*at));
        } else {
            ++count_;
        }
        pages_.push_back(page);
    }
    if (policy_ == OstepPolicy::Clock) {
        auto [it, inserted] = ref_.try_emplace(page, 1);
        if (!inserted && ++it->second > clock_bits_) it->second = clock_bits_;
    }
    last_use_[page] = index;
    return step;
}

}  // namespace memsim::ostep
