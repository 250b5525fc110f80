#include "memsim/vm/mmu.hpp"

#include <string>

#include "memsim/core/text.hpp"

namespace memsim::vm {
namespace {

void emit(std::vector<MmuEvent>* sink, const MmuEvent& event) {
    if (sink) sink->push_back(event);
}

// Emits `base` as an event of the given kind.
void emit(std::vector<MmuEvent>* sink, MmuEvent base, MmuEventKind kind) {
    base.kind = kind;
    emit(sink, base);
}

bool allowed(const Protection& p, AccessKind kind) {
    switch (kind) {
        case AccessKind::Read: return p.read;
        case AccessKind::Write: return p.write || p.copy_on_write;
        case AccessKind::Execute: return p.execute;
    }
    return false;
}

// Frame shares for local replacement: equal (remainder to the lowest ids) or
// proportional to size (floor of s_i * F / S, remainder to the lowest ids), at least 1.
std::vector<std::uint32_t> shares(const MmuConfig& c, const std::vector<ProcessSpec>& processes) {
    const auto n = static_cast<std::uint32_t>(processes.size());
    std::vector<std::uint32_t> out(n, 0);
    std::uint64_t total = 0;
    for (const auto& p : processes) total += p.size;
    std::uint32_t given = 0;
    for (std::uint32_t i = 0; i < n; ++i) {
        out[i] = c.allocation == Allocation::Equal
                     ? c.frames / n
                     : static_cast<std::uint32_t>(processes[i].size * c.frames / (total == 0 ? 1 : total));
        if (out[i] == 0) out[i] = 1;
        given += out[i];
    }
    for (std::uint32_t i = 0; given < c.frames; i = (i + 1) % n, ++given) ++out[i];
    return out;
}

}  // namespace

std::string_view access_name(AccessKind kind) {
    switch (kind) {
        case AccessKind::Read: return "read";
        case AccessKind::Write: return "write";
        case AccessKind::Execute: return "execute";
    }
    return "read";
}

Result<AccessKind> parse_access(std::string_view name) {
    for (auto k : {AccessKind::Read, AccessKind::Write, AccessKind::Execute}) {
        if (access_name(k) == name) return k;
    }
    return fail("unknown access '" + std::string(name) + "' (expected read, write or execute)");
}

Result<Mmu> Mmu::create(const MmuConfig& config, const std::vector<ProcessSpec>& specs) {
    if (config.frames == 0) return fail("frames must be at least 1");
    if (specs.empty()) return fail("the MMU needs at least one process");
    if (config.policy.kind == PolicyKind::Opt) {
        return fail("opt needs the whole future trace; use it with 'memsim replace', not in the MMU");
    }
    const auto policy = validate(config.policy);
    if (!policy) return tl::unexpected(policy.error());
    auto tlb = Tlb::create(config.tlb);
    if (!tlb) return tl::unexpected(tlb.error());
    std::vector<Partition> partitions;
    if (config.scope == Scope::Global) {
        partitions.push_back({0, config.frames, 0, make_policy(config.policy, config.frames)});
    } else {
        if (config.frames < specs.size()) return fail("local replacement needs at least one frame per process");
        std::uint32_t base = 0;
        for (const auto size : shares(config, specs)) {
            partitions.push_back({base, size, 0, make_policy(config.policy, size)});
            base += size;
        }
        if (base > config.frames) return fail("too few frames for proportional shares of at least one frame each");
    }
    std::vector<Process> processes;
    for (const auto& s : specs) processes.push_back({s.name, RadixPageTable(config.layout)});
    Mmu mmu(config, std::move(processes), std::move(partitions));
    if (config.tlb.entries > 0) mmu.tlb_ = std::move(*tlb);
    return mmu;
}

Mmu::Mmu(const MmuConfig& config, std::vector<Process> processes, std::vector<Partition> partitions)
    : config_(config), processes_(std::move(processes)), partitions_(std::move(partitions)), frames_(config.frames) {
    if (config.table == TableKind::Inverted) inverted_.emplace(config.frames, config.layout.pte_bytes * 2);
}

std::pair<std::uint32_t, std::uint32_t> Mmu::share(std::uint32_t process) const {
    const Partition& p = partitions_[config_.scope == Scope::Global ? 0 : process];
    return {p.base, p.size};
}

Result<bool> Mmu::map(std::uint32_t process, std::uint64_t vaddr, std::uint64_t bytes, Protection protection,
                      Backing backing) {
    if (process >= processes_.size()) return fail("no process " + std::to_string(process));
    if (bytes == 0) return fail("a mapping needs at least one byte");
    if (backing != Backing::Zero && backing != Backing::File) return fail("a new mapping is backed by zero or file");
    const auto first = split_address(config_.layout, vaddr);
    const auto last = split_address(config_.layout, vaddr + bytes - 1);
    if (!first) return tl::unexpected(first.error());
    if (!last || vaddr + bytes - 1 < vaddr) return fail("the mapping runs past the end of the address space");
    if (last->vpn - first->vpn >= (1u << 22)) return fail("a single mapping may cover at most 4M pages");
    auto& table = processes_[process].table;
    for (std::uint64_t vpn = first->vpn; vpn <= last->vpn; ++vpn) {
        const auto parts = split_address(config_.layout, vpn << config_.layout.offset_bits);
        const std::uint32_t at = table.find(*parts);
        if (at != no_entry && table.entry(at).where != Backing::Unmapped) {
            return fail("page " + hex(vpn) + " of process " + std::to_string(process) + " is already mapped");
        }
    }
    for (std::uint64_t vpn = first->vpn; vpn <= last->vpn; ++vpn) {
        Pte& pte = table.entry(table.ensure(*split_address(config_.layout, vpn << config_.layout.offset_bits)));
        pte = Pte{.protection = protection, .where = backing};
    }
    return true;
}

void Mmu::switch_to(std::uint32_t process, std::vector<MmuEvent>* sink) {
    if (process == current_) return;
    current_ = process;
    ++stats_.switches;
    if (tlb_ && !config_.asid) {
        tlb_->flush();
        ++stats_.tlb_flushes;
        emit(sink, {.kind = MmuEventKind::TlbFlush, .process = process});
    }
}

Pte& Mmu::pte_of(std::uint32_t process, std::uint64_t vpn) {
    auto& table = processes_[process].table;
    return table.entry(table.find(*split_address(config_.layout, vpn << config_.layout.offset_bits)));
}

Translation Mmu::access(std::uint32_t process, std::uint64_t vaddr, AccessKind kind, std::vector<MmuEvent>* sink) {
    switch_to(process, sink);
    Translation t;
    ++stats_.accesses;
    MmuEvent base{.process = process, .access = kind, .vaddr = vaddr};
    const auto parts = split_address(config_.layout, vaddr);
    if (!parts) {
        ++stats_.segfaults;
        t.outcome = Outcome::Segfault;
        base.wider = true;
        emit(sink, base, MmuEventKind::Segfault);
        return t;
    }
    base.vpn = parts->vpn;
    look_up(process, *parts, base, t, sink);
    auto& table = processes_[process].table;
    const std::uint32_t at = table.find(*parts);
    const bool unmapped = at == no_entry || table.entry(at).where == Backing::Unmapped;
    if (unmapped || !allowed(table.entry(at).protection, kind)) {
        ++(unmapped ? stats_.segfaults : stats_.protection_faults);
        t.outcome = unmapped ? Outcome::Segfault : Outcome::ProtectionFault;
        emit(sink, base, unmapped ? MmuEventKind::Segfault : MmuEventKind::ProtectionFault);
        return t;
    }
    const bool write = kind == AccessKind::Write;
    Partition& part = partition_of(process);
    const Moment moment{stats_.accesses - 1, never};
    if (!table.entry(at).present) {
        t.page_fault = true;
        const std::uint32_t frame = fault_in(process, parts->vpn, table.entry(at), write, sink);
        t.major = table.entry(at).where != Backing::Zero;
        std::visit([&](auto& p) { p.on_load(frame - part.base, moment); }, part.policy);
    } else {
        const std::uint32_t frame = table.entry(at).pfn;
        frames_.referenced[frame] = 1;
        if (write) frames_.dirty[frame] = 1;
        std::visit([&](auto& p) { p.on_hit(frame - part.base, moment); }, part.policy);
    }
    Pte& pte = table.entry(at);
    if (write && pte.protection.copy_on_write) make_writable(process, pte, base, t, sink);
    FrameBits bits = frames_.bits(part.base);
    std::visit([&](auto& p) { p.after_reference(bits); }, part.policy);
    stats_.writebacks += bits.writebacks;
    swap_.writes += bits.writebacks;
    if (tlb_ && !t.tlb_hit) tlb_->insert(asid_of(process), parts->vpn, pte.pfn, pte.protection.write);
    t.frame = pte.pfn;
    t.paddr = physical_address(config_.layout, pte.pfn, parts->offset);
    MmuEvent e = base;
    e.frame = t.frame;
    e.paddr = t.paddr;
    emit(sink, e, MmuEventKind::Translated);
    return t;
}

void Mmu::look_up(std::uint32_t process, const AddressParts& parts, const MmuEvent& base, Translation& t,
                  std::vector<MmuEvent>* sink) {
    const std::uint32_t slot = tlb_ ? tlb_->lookup(asid_of(process), parts.vpn) : no_slot;
    t.tlb_hit = slot != no_slot;
    MmuEvent e = base;
    if (t.tlb_hit) {
        ++stats_.tlb_hits;
        e.frame = tlb_->entry(slot).pfn;
        emit(sink, e, MmuEventKind::TlbHit);
        return;
    }
    ++stats_.tlb_misses;
    t.walk = inverted_ ? inverted_->lookup(process, parts.vpn) : processes_[process].table.walk(parts);
    stats_.walk_accesses += t.walk.memory_accesses;
    e.walk_accesses = t.walk.memory_accesses;
    e.inverted = inverted_.has_value();
    emit(sink, e, MmuEventKind::TlbMiss);
}

void Mmu::make_writable(std::uint32_t process, Pte& pte, const MmuEvent& base, Translation& t,
                        std::vector<MmuEvent>* sink) {
    // The only mapping of the page, so the OS reuses the frame and makes it writable.
    pte.protection.copy_on_write = false;
    pte.protection.write = true;
    ++stats_.minor_faults;
    if (tlb_) tlb_->invalidate(asid_of(process), base.vpn);
    t.tlb_hit = false;  // refill the TLB with the writable translation
    MmuEvent e = base;
    e.frame = pte.pfn;
    emit(sink, e, MmuEventKind::CopyOnWrite);
}

std::uint32_t Mmu::fault_in(std::uint32_t process, std::uint64_t vpn, Pte& pte, bool write,
                            std::vector<MmuEvent>* sink) {
    ++stats_.page_faults;
    Partition& part = partition_of(process);
    std::uint32_t frame = 0;
    if (part.used < part.size) {
        frame = part.base + part.used++;
    } else {
        FrameBits bits = frames_.bits(part.base);
        const Moment moment{stats_.accesses - 1, never};
        frame = part.base + std::visit([&](auto& p) { return p.victim(bits, moment); }, part.policy);
        stats_.writebacks += bits.writebacks;
        swap_.writes += bits.writebacks;
        evict(frame, sink);
    }
    // `pte` stays valid: eviction changes other entries but never resizes a table.
    const bool major = pte.where != Backing::Zero;
    (major ? stats_.major_faults : stats_.minor_faults)++;
    if (pte.where == Backing::Swap) {
        ++stats_.swap_reads;
        ++swap_.reads;
    }
    pte.present = true;
    pte.pfn = frame;
    frames_.load(frame, process, vpn, write);
    if (inverted_) inverted_->insert(frame, process, vpn);
    emit(sink, {.kind = MmuEventKind::PageFault, .process = process, .access = write ? AccessKind::Write : AccessKind::Read,
                .vpn = vpn, .frame = frame, .source = pte.where, .major = major, .swap_slot = pte.swap_slot});
    return frame;
}

void Mmu::evict(std::uint32_t frame, std::vector<MmuEvent>* sink) {
    ++stats_.evictions;
    const std::uint32_t owner = frames_.owner[frame];
    const std::uint64_t vpn = frames_.vpn[frame];
    Pte& pte = pte_of(owner, vpn);
    const bool dirty = frames_.dirty[frame] != 0;
    if ((dirty || frames_.cleaned[frame]) && pte.where != Backing::Swap) {
        pte.swap_slot = swap_.allocate();
        pte.where = Backing::Swap;
    }
    if (dirty) {
        ++stats_.writebacks;
        ++swap_.writes;
    }
    pte.present = false;
    if (tlb_) tlb_->invalidate(asid_of(owner), vpn);
    if (inverted_) inverted_->remove(frame);
    emit(sink, {.kind = MmuEventKind::Eviction, .process = owner, .vpn = vpn, .frame = frame,
                .swap_slot = pte.swap_slot, .victim_process = owner, .victim_vpn = vpn, .victim_dirty = dirty});
}

double Mmu::effective_access_time() const {
    const double n = stats_.accesses == 0 ? 1.0 : static_cast<double>(stats_.accesses);
    const double hit = tlb_ ? static_cast<double>(stats_.tlb_hits) / n : 0.0;
    const std::uint32_t levels = inverted_ ? 1 : config_.layout.levels();
    return vm::effective_access_time(hit, levels, static_cast<double>(stats_.major_faults) / n, config_.latencies);
}

}  // namespace memsim::vm
