#include "memsim/vm/pager.hpp"

#include <string>

#include "memsim/core/text.hpp"

namespace memsim::vm {

Result<Pager> Pager::create(const PagerConfig& config, std::uint32_t page_space) {
    if (config.frames == 0) return fail("frames must be at least 1");
    const auto policy = validate(config.policy);
    if (!policy) return tl::unexpected(policy.error());
    auto tlb = Tlb::create(config.tlb);
    if (!tlb) return tl::unexpected(tlb.error());
    Pager pager(config, page_space);
    if (config.tlb.entries > 0) pager.tlb_ = std::move(*tlb);
    return pager;
}

Pager::Pager(const PagerConfig& config, std::uint32_t page_space)
    : config_(config), frames_(config.frames), page_frame_(page_space, no_frame),
      policy_(make_policy(config.policy, config.frames)) {}

// Kept in the header's translation unit only: both access() and the bulk loop inline it.
template <class Policy>
inline PagerStep Pager::access_with(Policy& policy, std::uint32_t page, bool write,
                                    std::uint64_t next_use) {
    const Moment moment{counters_.references, next_use};
    ++counters_.references;
    FrameBits bits = frames_.bits(0);
    PagerStep step{.page = page, .write = write};
    std::uint32_t frame = no_frame;
    if (tlb_) {
        const std::uint32_t slot = tlb_->lookup(0, page);
        if (slot != no_slot) {
            frame = tlb_->entry(slot).pfn;
            step.tlb_hit = true;
        }
    }
    if (frame == no_frame) frame = page_frame_[page];
    if (frame != no_frame) {
        step.hit = true;
        ++counters_.hits;
        frames_.referenced[frame] = 1;
        if (write) frames_.dirty[frame] = 1;
        policy.on_hit(frame, moment);
    } else {
        ++counters_.faults;
        if (used_ < config_.frames) {
            frame = used_++;
        } else {
            frame = policy.victim(bits, moment);
            const auto victim = static_cast<std::uint32_t>(frames_.vpn[frame]);
            step.victim = victim;
            step.victim_dirty = frames_.dirty[frame] != 0;
            counters_.writebacks += frames_.dirty[frame];
            page_frame_[victim] = no_frame;
            if (tlb_) tlb_->invalidate(0, victim);
        }
        frames_.load(frame, 0, page, write);
        page_frame_[page] = frame;
        policy.on_load(frame, moment);
    }
    if (tlb_ && !step.tlb_hit) tlb_->insert(0, page, frame, true);
    policy.after_reference(bits);
    counters_.writebacks += bits.writebacks;
    step.frame = frame;
    return step;
}

template <class Policy, bool HasWrites>
void Pager::run_with(Policy& policy, std::span<const std::uint32_t> pages,
                     std::span<const std::uint8_t> writes, std::span<const std::uint64_t> next_use) {
    const bool has_next = !next_use.empty();
    for (std::size_t i = 0; i < pages.size(); ++i) {
        bool write = false;
        if constexpr (HasWrites) write = writes[i] != 0;
        access_with(policy, pages[i], write, has_next ? next_use[i] : never);
    }
}

PagerStep Pager::access(std::uint32_t page, bool write, std::uint64_t next_use) {
    return std::visit([&](auto& p) { return access_with(p, page, write, next_use); }, policy_);
}

void Pager::run(std::span<const std::uint32_t> pages, std::span<const std::uint8_t> writes,
                std::span<const std::uint64_t> next_use) {
    std::visit(
        [&](auto& p) {
            if (writes.empty()) run_with<std::decay_t<decltype(p)>, false>(p, pages, writes, next_use);
            else run_with<std::decay_t<decltype(p)>, true>(p, pages, writes, next_use);
        },
        policy_);
}

std::vector<std::uint32_t> Pager::frame_pages() const {
    std::vector<std::uint32_t> out(config_.frames, no_page);
    for (std::uint32_t f = 0; f < used_; ++f) out[f] = static_cast<std::uint32_t>(frames_.vpn[f]);
    return out;
}

std::vector<std::string> Pager::check_invariants() const {
    std::vector<std::string> bad;
    std::uint32_t mapped = 0;
    for (std::uint32_t p = 0; p < page_frame_.size(); ++p) {
        const std::uint32_t f = page_frame_[p];
        if (f == no_frame) continue;
        ++mapped;
        if (f >= used_) bad.push_back("page " + std::to_string(p) + " maps to unused frame " + std::to_string(f));
        else if (frames_.vpn[f] != p) {
            bad.push_back("page " + std::to_string(p) + " maps to frame " + std::to_string(f) +
                          " which holds page " + std::to_string(frames_.vpn[f]));
        }
    }
    if (mapped != used_) {
        bad.push_back(std::to_string(used_) + " frames in use but " + std::to_string(mapped) + " pages mapped");
    }
    if (tlb_) {
        for (const auto& e : tlb_->entries()) {
            if (!e.valid) continue;
            if (e.vpn >= page_frame_.size() || page_frame_[static_cast<std::size_t>(e.vpn)] != e.pfn) {
                bad.push_back("TLB maps page " + std::to_string(e.vpn) + " to frame " + std::to_string(e.pfn) +
                              " but the page table does not");
            }
        }
    }
    const auto c = counters_;
    if (c.hits + c.faults != c.references) bad.push_back("hits + faults != references");
    return bad;
}

}  // namespace memsim::vm
