#pragma once
// Virtual addresses and how a paged MMU splits them.
//
// A virtual address of `va_bits` bits is a virtual page number (VPN) and an offset
// within the page; the page size 2^offset_bits decides the split. A multi-level page
// table further splits the VPN into one index per level, most significant first:
//
//   x86-32, 4 KiB pages (10/10/12):
//    31          22 21          12 11            0
//   +--------------+--------------+---------------+
//   | directory idx|  table index |    offset     |
//   +--------------+--------------+---------------+
//   \_______ VPN (20 bits) ______/
//
//   physical address = PFN * page_size + offset
//
// Presets: "x86-32" (10/10/12), "x86-64" (48-bit, 9/9/9/9/12), "teaching" (15-bit,
// 5/5/5: 32-byte pages, two levels of 32 entries), "linear" (16-bit, one level of 256
// entries, 256-byte pages).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"

namespace memsim::vm {

// The most page-table levels a layout may have.
inline constexpr std::size_t max_levels = 6;

// The shape of a virtual address.
struct AddressLayout {
    std::string name = "x86-32";                  // preset name or "custom"
    std::uint32_t va_bits = 32;                   // virtual address width
    std::uint32_t offset_bits = 12;               // log2(page size)
    std::vector<std::uint32_t> level_bits{10, 10};  // index bits per level, root first
    std::uint32_t pte_bytes = 4;                  // size of one page-table entry

    std::uint64_t page_size() const { return std::uint64_t{1} << offset_bits; }
    std::uint32_t vpn_bits() const { return va_bits - offset_bits; }
    std::uint32_t levels() const { return static_cast<std::uint32_t>(level_bits.size()); }
    bool operator==(const AddressLayout&) const = default;
};

// A virtual address taken apart.
struct AddressParts {
    std::uint64_t vpn = 0;
    std::uint64_t offset = 0;
    std::array<std::uint32_t, max_levels> index{};  // per level, root first
    std::uint32_t levels = 0;
};

// Names of the presets.
const std::vector<std::string>& layout_presets();

// A preset by name; an unknown name suggests the nearest.
Result<AddressLayout> layout_preset(std::string_view name);

// A custom layout: va_bits wide, page_size bytes (a power of two), the VPN split into
// levels (their bits must add up to va_bits - log2(page_size)); empty levels = one level.
Result<AddressLayout> make_layout(std::uint32_t va_bits, std::uint64_t page_size,
                                  std::vector<std::uint32_t> level_bits);

// Splits an address; an address wider than va_bits is an error naming it.
Result<AddressParts> split_address(const AddressLayout& layout, std::uint64_t vaddr);
// The same split without the error: false when the address is wider than va_bits. The
// MMU splits every access this way, so a run never builds a message it does not show.
bool split_address_into(const AddressLayout& layout, std::uint64_t vaddr, AddressParts& parts);

// The physical address of an offset within a frame.
inline std::uint64_t physical_address(const AddressLayout& layout, std::uint64_t pfn, std::uint64_t offset) {
    return (pfn << layout.offset_bits) | offset;
}

// "10/10/12" style description of the split.
std::string describe_split(const AddressLayout& layout);

}  // namespace memsim::vm
