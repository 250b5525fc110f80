#pragma once
// Page tables: how the MMU finds the frame of a virtual page.
//
// RadixPageTable is a multi-level (radix) table; with one level it is the plain linear
// table. Each level's index selects an entry in one table; an upper-level entry points
// to the next table, the last level's entry is the PTE:
//
//   CR3 -> table 0 (root)         table 3                  frame
//          [ idx0 ] --present--> [ idx1 ] --PTE: pfn--> [ page ] + offset
//
// Tables are created on demand when a page is mapped, so a sparse address space costs
// only the tables it touches. A walk records every level: its index, the address of the
// entry it read (tables sit one after another in a page-table area at address 0) and
// the entry itself; each level costs one memory access.
//
// InvertedPageTable has one entry per physical frame naming (process, VPN); a hash of
// (process, VPN) picks a bucket of the hash anchor table, whose chain of frames is
// searched: one memory access for the anchor and one per entry probed.
//
//   hash(pid, vpn) -> anchor[b] -> frame 5 (pid 1, vpn 0x42) -> frame 2 (pid 2, vpn 0x42) = match It answers only for resident pages: where a non-resident page lives the
// OS keeps in its own per-process tables (here, the radix tables).
#include <array>
#include <cstdint>
#include <vector>

#include "memsim/vm/address.hpp"
#include "memsim/vm/pte.hpp"

namespace memsim::vm {

inline constexpr std::uint32_t no_entry = 0xFFFFFFFFu;

// One memory access of a walk.
struct WalkStep {
    std::uint32_t level = 0;          // radix: 0 = root; inverted: 0 = anchor, then probe number
    std::uint32_t index = 0;          // radix: index in the table; inverted: bucket, then frame
    std::uint64_t entry_address = 0;  // where the entry sits in the page-table area
    Pte entry{};                      // the entry read
    std::uint32_t owner = 0;          // inverted only: the process named by the entry
    std::uint64_t vpn = 0;            // inverted only: the VPN named by the entry
};

// The record of one translation attempt through a page table.
struct Walk {
    std::array<WalkStep, max_levels * 2> steps{};  // radix: one per level; inverted: probes (capped)
    std::uint32_t count = 0;                       // steps used
    std::uint32_t memory_accesses = 0;             // entries read (may exceed the steps kept)
    std::uint32_t leaf = no_entry;                 // radix: leaf entry index; inverted: frame
};

class RadixPageTable {
public:
    // An empty table for a layout (just the root table).
    explicit RadixPageTable(const AddressLayout& layout);

    // Walks to the leaf, recording each level; stops early at an absent upper entry.
    Walk walk(const AddressParts& parts) const;
    // The leaf entry index of a VPN, or no_entry when an upper level is missing.
    std::uint32_t find(const AddressParts& parts) const;
    // The leaf entry index, creating missing tables on the way.
    std::uint32_t ensure(const AddressParts& parts);

    Pte& entry(std::uint32_t index) { return entries_[index]; }
    const Pte& entry(std::uint32_t index) const { return entries_[index]; }

    // Calls fn(vpn, entry index) for every leaf entry that is not Unmapped, in VPN order.
    template <class Fn>
    void for_each_leaf(Fn&& fn) const { visit(0, 0, 0, fn); }

    // Number of tables and the bytes they occupy.
    std::uint32_t tables() const { return static_cast<std::uint32_t>(table_base_.size()); }
    std::uint64_t bytes() const { return entries_.size() * std::uint64_t{layout_.pte_bytes}; }

    bool operator==(const RadixPageTable&) const = default;

private:
    std::uint32_t add_table(std::uint32_t level);
    template <class Fn>
    void visit(std::uint32_t table, std::uint32_t level, std::uint64_t prefix, Fn& fn) const {
        const std::uint32_t size = 1u << layout_.level_bits[level];
        for (std::uint32_t i = 0; i < size; ++i) {
            const Pte& e = entries_[table_base_[table] + i];
            const std::uint64_t vpn = (prefix << layout_.level_bits[level]) | i;
            if (level + 1 == layout_.levels()) {
                if (e.where != Backing::Unmapped) fn(vpn, table_base_[table] + i);
            } else if (e.present) {
                visit(e.pfn, level + 1, vpn, fn);
            }
        }
    }

    AddressLayout layout_;
    std::vector<Pte> entries_;                // every table's entries, table after table
    std::vector<std::uint32_t> table_base_;   // first entry of each table
};

class InvertedPageTable {
public:
    // A table for `frames` frames; entry_bytes sizes the entries for addresses.
    InvertedPageTable(std::uint32_t frames, std::uint32_t entry_bytes);

    // Records that `frame` holds (process, vpn) / that it is free again.
    void insert(std::uint32_t frame, std::uint32_t process, std::uint64_t vpn);
    void remove(std::uint32_t frame);

    // Searches the hash chain of (process, vpn), recording each probe; leaf = the frame.
    Walk lookup(std::uint32_t process, std::uint64_t vpn) const;

    // The (process, vpn) a frame holds; valid[frame] says whether it holds one.
    const std::vector<std::uint8_t>& valid() const { return valid_; }
    const std::vector<std::uint32_t>& owners() const { return owner_; }
    const std::vector<std::uint64_t>& vpns() const { return vpn_; }

    bool operator==(const InvertedPageTable&) const = default;

private:
    std::uint32_t bucket(std::uint32_t process, std::uint64_t vpn) const;

    std::vector<std::uint32_t> owner_;
    std::vector<std::uint64_t> vpn_;
    std::vector<std::uint8_t> valid_;
    std::vector<std::uint32_t> next_;    // chain link: next frame in the same bucket
    std::vector<std::uint32_t> anchor_;  // bucket -> first frame (the hash anchor table)
    std::uint32_t entry_bytes_;
};

}  // namespace memsim::vm
