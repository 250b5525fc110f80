#pragma once
// A page-table entry (PTE): what the MMU and the OS know about one virtual page.
//
//   +---------+---+---+---+---+---+---+---+-----+-------------------+
//   |   PFN   | P | R | M | r | w | x | u | COW | where (not present)|
//   +---------+---+---+---+---+---+---+---+-----+-------------------+
//   P present: the page is in frame PFN.     R referenced, M modified (dirty): set by the
//   r/w/x/u: may be read / written /         MMU on use; here they live in the frame
//   executed / used from user mode.          table while the page is resident.
//   COW: copy-on-write; the first write makes a private writable copy.
//   where: for a page not present, where its contents are: nowhere yet (demand-zero: a
//   fresh zero-filled frame), in swap slot `swap_slot`, or in the mapped file.
//
// In a multi-level table the entries of upper levels ("directory entries") use the same
// struct: present and `pfn` = the number of the next-level table.
#include <cstdint>
#include <string_view>

namespace memsim::vm {

// Where a non-resident page's contents are.
enum class Backing : std::uint8_t {
    Unmapped,   // no mapping: touching it is a segmentation fault
    Zero,       // anonymous memory never written out: zero-fill on first touch
    Swap,       // written to swap slot swap_slot
    File,       // read from the mapped file
};

// Permissions of a mapping.
struct Protection {
    bool read = true;
    bool write = true;
    bool execute = false;
    bool user = true;
    bool copy_on_write = false;
    bool operator==(const Protection&) const = default;
};

struct Pte {
    std::uint32_t pfn = 0;        // frame (leaf) or next-level table (directory)
    std::uint32_t swap_slot = 0;  // valid when where == Swap
    bool present = false;
    Protection protection{};
    Backing where = Backing::Unmapped;
    bool operator==(const Pte&) const = default;
};

// "unmapped", "zero", "swap", "file".
std::string_view backing_name(Backing backing);

}  // namespace memsim::vm
