#include "memsim/vm/mmu.hpp"

#include <algorithm>
#include <functional>
#include <string>
#include <type_traits>

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
    for (std::uint32_t i = 0; i < specs.size(); ++i) {
        processes.push_back({specs[i].name, RadixPageTable(config.layout), config.scope == Scope::Global ? 0 : i, false});
    }
    Mmu mmu(config, std::move(processes), std::move(partitions));
    if (config.tlb.entries > 0) mmu.tlb_ = std::move(*tlb);
    return mmu;
}

Mmu::Mmu(const MmuConfig& config, std::vector<Process> processes, std::vector<Partition> partitions)
    : config_(config), processes_(std::move(processes)), partitions_(std::move(partitions)), frames_(config.frames) {
    if (config.table == TableKind::Inverted) inverted_.emplace(config.frames, config.layout.pte_bytes * 2);
}

std::pair<std::uint32_t, std::uint32_t> Mmu::share(std::uint32_t process) const {
    const Partition& p = partitions_[config_.scope == Scope::Global ? 0 : processes_[process].partition];
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
    Translation t;
    static_cast<AccessResult&>(t) = translate(process, vaddr, kind, sink, &t.walk);
    return t;
}

std::uint32_t Mmu::leaf_of(std::uint32_t process, const AddressParts& parts) {
    RememberedLeaf& memo = leaves_[parts.vpn % leaves_.size()];
    if (memo.at != no_entry && memo.process == process && memo.vpn == parts.vpn) return memo.at;
    const std::uint32_t at = processes_[process].table.find(parts);
    if (at != no_entry) memo = RememberedLeaf{process, parts.vpn, at};
    return at;
}

AccessResult Mmu::translate(std::uint32_t process, std::uint64_t vaddr, AccessKind kind, std::vector<MmuEvent>* sink,
                            Walk* walk) {
    switch_to(process, sink);
    AccessResult t;
    ++stats_.accesses;
    MmuEvent base{.process = process, .access = kind, .vaddr = vaddr};
    AddressParts parts;
    if (!split_address_into(config_.layout, vaddr, parts)) {
        ++stats_.segfaults;
        t.outcome = Outcome::Segfault;
        base.wider = true;
        emit(sink, base, MmuEventKind::Segfault);
        return t;
    }
    base.vpn = parts.vpn;
    look_up(process, parts, base, t, walk, sink);
    auto& table = processes_[process].table;
    const std::uint32_t at = leaf_of(process, parts);
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
        fault_in(process, parts.vpn, table.entry(at), write, moment, sink);
        t.major = table.entry(at).where != Backing::Zero;
    } else {
        const std::uint32_t frame = table.entry(at).pfn;
        frames_.referenced[frame] = 1;
        // A write to a copy-on-write page dirties the frame it ends up in, never the shared one.
        if (write && !table.entry(at).protection.copy_on_write) frames_.dirty[frame] = 1;
        std::visit([&](auto& p) { p.on_hit(frame - part.base, moment); }, part.policy);
    }
    Pte& pte = table.entry(at);
    if (write && pte.protection.copy_on_write) copy_on_write(process, pte, base, moment, t, sink);
    FrameBits bits = frames_.bits(part.base);
    std::visit([&](auto& p) { p.after_reference(bits); }, part.policy);
    stats_.writebacks += bits.writebacks;
    swap_.writes += bits.writebacks;
    if (tlb_ && !t.tlb_hit) tlb_->insert(asid_of(process), parts.vpn, pte.pfn, pte.protection.write);
    t.frame = pte.pfn;
    t.paddr = physical_address(config_.layout, pte.pfn, parts.offset);
    if (sink) {  // a run without a sink copies no events (here and in look_up)
        MmuEvent e = base;
        e.frame = t.frame;
        e.paddr = t.paddr;
        emit(sink, e, MmuEventKind::Translated);
    }
    return t;
}

void Mmu::look_up(std::uint32_t process, const AddressParts& parts, const MmuEvent& base, AccessResult& t, Walk* walk,
                  std::vector<MmuEvent>* sink) {
    const std::uint32_t slot = tlb_ ? tlb_->lookup(asid_of(process), parts.vpn) : no_slot;
    t.tlb_hit = slot != no_slot;
    if (t.tlb_hit) {
        ++stats_.tlb_hits;
        if (sink) {
            MmuEvent e = base;
            e.frame = tlb_->entry(slot).pfn;
            emit(sink, e, MmuEventKind::TlbHit);
        }
        return;
    }
    ++stats_.tlb_misses;
    const Walk done = inverted_ ? inverted_->lookup(process, parts.vpn) : processes_[process].table.walk(parts);
    stats_.walk_accesses += done.memory_accesses;
    if (walk) *walk = done;
    if (sink) {
        MmuEvent e = base;
        e.walk_accesses = done.memory_accesses;
        e.inverted = inverted_.has_value();
        emit(sink, e, MmuEventKind::TlbMiss);
    }
}

void Mmu::copy_on_write(std::uint32_t process, Pte& pte, const MmuEvent& base, const Moment& moment, AccessResult& t,
                        std::vector<MmuEvent>* sink) {
    ++stats_.minor_faults;
    ++stats_.cow_faults;
    MmuEvent e = base;
    e.old_frame = pte.pfn;
    e.sharers = 0;
    if (const auto it = shared_.find(pte.pfn); it != shared_.end()) {
        // Still shared: the writer gets a copy in a frame of its own; the others keep the old one.
        const Mapping self{process, base.vpn};
        for (const Mapping& m : it->second) {
            if (m != self) {
                e.other_process = m.process;
                break;
            }
        }
        e.sharers = drop_user(pte.pfn, self);
        // The old swap copy stays with the others; this page's next write-back gets a slot of its own.
        if (pte.where == Backing::Swap) {
            swap_.release(pte.swap_slot);
            pte.where = Backing::Zero;
        }
        const FrameChoice choice = take_frame(process, sink);  // may evict, even the old frame
        pte.pfn = choice.frame;
        frames_.load(choice.frame, process, base.vpn, true);
        if (inverted_) inverted_->insert(choice.frame, process, base.vpn);
        note_load(process, choice, moment);
        ++stats_.cow_copies;
        e.copied = true;
    } else {
        frames_.dirty[pte.pfn] = 1;
    }
    pte.protection.copy_on_write = false;
    pte.protection.write = true;
    if (tlb_) tlb_->invalidate(asid_of(process), base.vpn);
    t.tlb_hit = false;  // refill the TLB with the writable translation
    e.frame = pte.pfn;
    emit(sink, e, MmuEventKind::CopyOnWrite);
}

Mmu::FrameChoice Mmu::take_frame(std::uint32_t process, std::vector<MmuEvent>* sink) {
    Partition& part = partition_of(process);
    if (!part.free.empty()) {
        const std::uint32_t frame = part.free.back();  // the lowest freed frame
        part.free.pop_back();
        return {frame, true};
    }
    if (part.used < part.size) return {part.base + part.used++, false};
    FrameBits bits = frames_.bits(part.base);
    const Moment moment{stats_.accesses - 1, never};
    const std::uint32_t frame = part.base + std::visit([&](auto& p) { return p.victim(bits, moment); }, part.policy);
    stats_.writebacks += bits.writebacks;
    swap_.writes += bits.writebacks;
    evict(frame, sink);
    return {frame, false};
}

void Mmu::note_load(std::uint32_t process, const FrameChoice& choice, const Moment& moment) {
    Partition& part = partition_of(process);
    std::visit(
        [&](auto& p) {
            using P = std::decay_t<decltype(p)>;
            // A freed frame is still in LRU's list and second chance's queue: loading it
            // again must not add it twice. LRU's hit moves it to the front, as a load does;
            // second chance keeps its place in the queue.
            if (choice.recycled && (std::is_same_v<P, LruPolicy> || std::is_same_v<P, SecondChancePolicy>)) {
                p.on_hit(choice.frame - part.base, moment);
            } else {
                p.on_load(choice.frame - part.base, moment);
            }
        },
        part.policy);
}

std::uint32_t Mmu::fault_in(std::uint32_t process, std::uint64_t vpn, Pte& pte, bool write, const Moment& moment,
                            std::vector<MmuEvent>* sink) {
    ++stats_.page_faults;
    const FrameChoice choice = take_frame(process, sink);
    const std::uint32_t frame = choice.frame;
    // `pte` stays valid: eviction changes other entries but never resizes a table.
    const bool major = pte.where != Backing::Zero;
    (major ? stats_.major_faults : stats_.minor_faults)++;
    if (pte.where == Backing::Swap) {
        ++stats_.swap_reads;
        ++swap_.reads;
    }
    pte.present = true;
    pte.pfn = frame;
    frames_.load(frame, process, vpn, write && !pte.protection.copy_on_write);
    if (inverted_) inverted_->insert(frame, process, vpn);
    emit(sink, {.kind = MmuEventKind::PageFault, .process = process, .access = write ? AccessKind::Write : AccessKind::Read,
                .vpn = vpn, .frame = frame, .source = pte.where, .major = major, .swap_slot = pte.swap_slot});
    note_load(process, choice, moment);
    return frame;
}

void Mmu::evict(std::uint32_t frame, std::vector<MmuEvent>* sink) {
    ++stats_.evictions;
    const std::uint32_t owner = frames_.owner[frame];
    const std::uint64_t vpn = frames_.vpn[frame];
    const auto shared = shared_.find(frame);
    const auto users = shared == shared_.end() ? 1u : static_cast<std::uint32_t>(shared->second.size());
    const Pte& first = pte_of(owner, vpn);  // every user's PTE has the same backing (fork copied it)
    const bool dirty = frames_.dirty[frame] != 0;
    const bool written = dirty || frames_.cleaned[frame];
    Backing where = first.where;
    std::uint32_t slot = first.swap_slot;
    if (written && where == Backing::Swap && swap_.users(slot) != users) {
        // Processes that no longer share this frame still need the old contents in that slot.
        for (std::uint32_t i = 0; i < users; ++i) swap_.release(slot);
        where = Backing::Zero;
    }
    if (written && where != Backing::Swap) {
        slot = swap_.allocate();
        for (std::uint32_t i = 1; i < users; ++i) swap_.share(slot);
        where = Backing::Swap;
    }
    if (dirty) {
        ++stats_.writebacks;  // once, however many processes map the frame
        ++swap_.writes;
    }
    const auto unmap = [&](const Mapping& m) {
        Pte& pte = pte_of(m.process, m.vpn);
        pte.where = where;
        pte.swap_slot = slot;
        pte.present = false;
        if (tlb_) tlb_->invalidate(asid_of(m.process), m.vpn);
    };
    if (shared == shared_.end()) {
        unmap({owner, vpn});
    } else {
        for (const Mapping& m : shared->second) unmap(m);
        shared_.erase(shared);
    }
    if (inverted_) inverted_->remove(frame);
    emit(sink, {.kind = MmuEventKind::Eviction, .process = owner, .vpn = vpn, .frame = frame, .swap_slot = slot,
                .victim_process = owner, .victim_vpn = vpn, .victim_dirty = dirty, .sharers = users});
}

double Mmu::effective_access_time() const {
    const double n = stats_.accesses == 0 ? 1.0 : static_cast<double>(stats_.accesses);
    const double hit = tlb_ ? static_cast<double>(stats_.tlb_hits) / n : 0.0;
    const std::uint32_t levels = inverted_ ? 1 : config_.layout.levels();
    return vm::effective_access_time(hit, levels, static_cast<double>(stats_.major_faults) / n, config_.latencies);
}

}  // namespace memsim::vm
