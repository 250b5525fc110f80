#include "memsim/vm/page_table.hpp"

#include <bit>

namespace memsim::vm {

std::string_view backing_name(Backing backing) {
    switch (backing) {
        case Backing::Unmapped: return "unmapped";
        case Backing::Zero: return "zero";
        case Backing::Swap: return "swap";
        case Backing::File: return "file";
    }
    return "unmapped";
}

RadixPageTable::RadixPageTable(const AddressLayout& layout) : layout_(layout) { add_table(0); }

std::uint32_t RadixPageTable::add_table(std::uint32_t level) {
    const auto id = static_cast<std::uint32_t>(table_base_.size());
    table_base_.push_back(static_cast<std::uint32_t>(entries_.size()));
    entries_.resize(entries_.size() + (std::size_t{1} << layout_.level_bits[level]));
    return id;
}

Walk RadixPageTable::walk(const AddressParts& parts) const {
    Walk walk;
    std::uint32_t table = 0;
    for (std::uint32_t level = 0; level < layout_.levels(); ++level) {
        const std::uint32_t at = table_base_[table] + parts.index[level];
        walk.steps[walk.count++] = WalkStep{.level = level, .index = parts.index[level],
                                            .entry_address = std::uint64_t{at} * layout_.pte_bytes,
                                            .entry = entries_[at]};
        ++walk.memory_accesses;
        if (level + 1 == layout_.levels()) {
            walk.leaf = at;
        } else if (!entries_[at].present) {
            break;
        } else {
            table = entries_[at].pfn;
        }
    }
    return walk;
}

std::uint32_t RadixPageTable::find(const AddressParts& parts) const {
    std::uint32_t table = 0;
    for (std::uint32_t level = 0; level + 1 < layout_.levels(); ++level) {
        const Pte& e = entries_[table_base_[table] + parts.index[level]];
        if (!e.present) return no_entry;
        table = e.pfn;
    }
    return table_base_[table] + parts.index[layout_.levels() - 1];
}

std::uint32_t RadixPageTable::ensure(const AddressParts& parts) {
    std::uint32_t table = 0;
    for (std::uint32_t level = 0; level + 1 < layout_.levels(); ++level) {
        const std::uint32_t at = table_base_[table] + parts.index[level];
        if (!entries_[at].present) {
            const std::uint32_t child = add_table(level + 1);  // may reallocate entries_
            entries_[at].present = true;
            entries_[at].pfn = child;
            entries_[at].where = Backing::Zero;
        }
        table = entries_[at].pfn;
    }
    return table_base_[table] + parts.index[layout_.levels() - 1];
}

InvertedPageTable::InvertedPageTable(std::uint32_t frames, std::uint32_t entry_bytes)
    : owner_(frames, 0), vpn_(frames, 0), valid_(frames, 0), next_(frames, no_entry),
      anchor_(std::bit_ceil(frames), no_entry), entry_bytes_(entry_bytes) {}

std::uint32_t InvertedPageTable::bucket(std::uint32_t process, std::uint64_t vpn) const {
    const std::uint64_t h = (vpn ^ (std::uint64_t{process} << 40)) * 0x9E3779B97F4A7C15ull;
    return static_cast<std::uint32_t>(h >> 32) & static_cast<std::uint32_t>(anchor_.size() - 1);
}

void InvertedPageTable::insert(std::uint32_t frame, std::uint32_t process, std::uint64_t vpn) {
    owner_[frame] = process;
    vpn_[frame] = vpn;
    valid_[frame] = 1;
    const std::uint32_t b = bucket(process, vpn);
    next_[frame] = anchor_[b];
    anchor_[b] = frame;
}

void InvertedPageTable::remove(std::uint32_t frame) {
    if (!valid_[frame]) return;
    std::uint32_t* link = &anchor_[bucket(owner_[frame], vpn_[frame])];
    while (*link != frame) link = &next_[*link];
    *link = next_[frame];
    next_[frame] = no_entry;
    valid_[frame] = 0;
}

Walk InvertedPageTable::lookup(std::uint32_t process, std::uint64_t vpn) const {
    Walk walk;
    // Step 0 reads the hash anchor table (4-byte entries after the frame entries).
    const std::uint32_t b = bucket(process, vpn);
    const std::uint32_t first = anchor_[b];
    walk.steps[walk.count++] = WalkStep{.level = 0, .index = b,
                                        .entry_address = std::uint64_t{entry_bytes_} * owner_.size() + 4u * b,
                                        .entry = Pte{.pfn = first, .present = first != no_entry}};
    ++walk.memory_accesses;
    for (std::uint32_t f = first; f != no_entry; f = next_[f]) {
        if (walk.count < walk.steps.size()) {
            walk.steps[walk.count++] = WalkStep{.level = walk.memory_accesses, .index = f,
                                                .entry_address = std::uint64_t{f} * entry_bytes_,
                                                .entry = Pte{.pfn = f, .present = true},
                                                .owner = owner_[f], .vpn = vpn_[f]};
        }
        ++walk.memory_accesses;
        if (owner_[f] == process && vpn_[f] == vpn) {
            walk.leaf = f;
            break;
        }
    }
    return walk;
}

}  // namespace memsim::vm
