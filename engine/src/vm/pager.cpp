#include "memsim/vm/pager.hpp"

#include <algorithm>
#include <string>

#include "memsim/core/assert.hpp"

#include "memsim/core/text.hpp"
#include "memsim/vm/replacement/policy_state.hpp"

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

// At most page_space frames can ever be in use: with more, no eviction ever happens and
// the policy never picks a victim, so the frames beyond are left unallocated.
namespace {
std::uint32_t allocated_frames(const PagerConfig& config, std::uint32_t page_space) {
    return std::max<std::uint32_t>(1, std::min(config.frames, page_space));
}
}  // namespace

Pager::Pager(const PagerConfig& config, std::uint32_t page_space)
    : config_(config), frames_(allocated_frames(config, page_space)), page_frame_(page_space, no_frame),
      policy_(make_policy(config.policy, allocated_frames(config, page_space))) {}

// The miss path, kept out of line so the hit path of the bulk loop stays small.
template <class Policy>
__attribute__((noinline)) std::uint32_t Pager::fault_with(Policy& policy, PagerStep& step, const Moment& moment) {
    ++counters_.faults;
    std::uint32_t frame = used_;
    if (used_ < config_.frames) {
        MEMSIM_ASSERT(used_ < frames_.size());  // at most page_space pages fault in
        ++used_;
    } else {
        FrameBits bits = frames_.bits(0);
        frame = policy.victim(bits, moment);
        counters_.writebacks += bits.writebacks;  // pages a policy wrote back early (WSClock)
        const auto victim = static_cast<std::uint32_t>(frames_.vpn[frame]);
        step.victim = victim;
        step.victim_dirty = frames_.dirty[frame] != 0;
        counters_.writebacks += frames_.dirty[frame];
        page_frame_[victim] = no_frame;
        if (tlb_) tlb_->invalidate(0, victim);
    }
    frames_.load(frame, 0, step.page, step.write);
    page_frame_[step.page] = frame;
    policy.on_load(frame, moment);
    return frame;
}

// Shared by access() and the bulk loop, so both make exactly the same decisions.
template <class Policy, bool HasTlb>
inline PagerStep Pager::access_with(Policy& policy, std::uint32_t page, bool write, std::uint64_t next_use) {
    const Moment moment{counters_.references++, next_use};
    PagerStep step{.page = page, .write = write};
    std::uint32_t frame = no_frame;
    [[maybe_unused]] std::uint32_t slot = no_slot;
    if constexpr (HasTlb) {
        slot = page == tlb_last_page_ ? tlb_->hit(tlb_last_slot_) : tlb_->lookup(0, page);
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
        frame = fault_with(policy, step, moment);
    }
    if constexpr (HasTlb) {
        if (!step.tlb_hit) slot = tlb_->insert(0, page, frame, true);
        tlb_last_page_ = page;
        tlb_last_slot_ = slot;
    }
    FrameBits bits = frames_.bits(0);
    policy.after_reference(bits);
    step.frame = frame;
    return step;
}

template <class Policy, bool HasTlb, bool HasWrites>
void Pager::run_with(Policy& policy, std::span<const std::uint32_t> pages,
                     std::span<const std::uint8_t> writes, std::span<const std::uint64_t> next_use) {
    const bool has_next = !next_use.empty();
    for (std::size_t i = 0; i < pages.size(); ++i) {
        bool write = false;
        if constexpr (HasWrites) write = writes[i] != 0;
        access_with<Policy, HasTlb>(policy, pages[i], write, has_next ? next_use[i] : never);
    }
}

PagerStep Pager::access(std::uint32_t page, bool write, std::uint64_t next_use) {
    return std::visit(
        [&](auto& p) {
            using P = std::decay_t<decltype(p)>;
            return tlb_ ? access_with<P, true>(p, page, write, next_use) : access_with<P, false>(p, page, write, next_use);
        },
        policy_);
}

void Pager::run(std::span<const std::uint32_t> pages, std::span<const std::uint8_t> writes,
                std::span<const std::uint64_t> next_use) {
    std::visit(
        [&](auto& p) {
            using P = std::decay_t<decltype(p)>;
            if (tlb_) {
                if (writes.empty()) run_with<P, true, false>(p, pages, writes, next_use);
                else run_with<P, true, true>(p, pages, writes, next_use);
            } else {
                if (writes.empty()) run_with<P, false, false>(p, pages, writes, next_use);
                else run_with<P, false, true>(p, pages, writes, next_use);
            }
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
    // LRU's list and second chance's queue must hold every occupied frame exactly once.
    const auto order = policy_state(policy_, frames_.size()).order;
    if (!order.empty() || std::holds_alternative<LruPolicy>(policy_) ||
        std::holds_alternative<SecondChancePolicy>(policy_)) {
        std::vector<std::uint8_t> seen(config_.frames, 0);
        for (const auto f : order) {
            if (f >= used_ || seen[f]++) bad.push_back("the policy's order lists frame " + std::to_string(f) + " wrongly");
        }
        if (order.size() != used_) bad.push_back("the policy's order has " + std::to_string(order.size()) + " frames");
    }
    return bad;
}

}  // namespace memsim::vm
