#include "memsim/vm/address.hpp"

#include <bit>

#include "memsim/core/text.hpp"

namespace memsim::vm {

const std::vector<std::string>& layout_presets() {
    static const std::vector<std::string> names{"x86-32", "x86-64", "teaching", "linear"};
    return names;
}

Result<AddressLayout> layout_preset(std::string_view name) {
    if (name == "x86-32") return AddressLayout{"x86-32", 32, 12, {10, 10}, 4};
    if (name == "x86-64") return AddressLayout{"x86-64", 48, 12, {9, 9, 9, 9}, 8};
    if (name == "teaching") return AddressLayout{"teaching", 15, 5, {5, 5}, 2};
    if (name == "linear") return AddressLayout{"linear", 16, 8, {8}, 2};
    const std::string near = nearest(name, layout_presets());
    return fail("unknown layout '" + std::string(name) + "'" +
                (near.empty() ? " (expected x86-32, x86-64, teaching or linear)" : " (did you mean '" + near + "'?)"));
}

Result<AddressLayout> make_layout(std::uint32_t va_bits, std::uint64_t page_size, std::vector<std::uint32_t> level_bits) {
    if (va_bits < 2 || va_bits > 64) return fail("address width must be 2..64 bits, not " + std::to_string(va_bits));
    if (!std::has_single_bit(page_size)) {
        return fail("page size " + std::to_string(page_size) + " is not a power of two");
    }
    const auto offset_bits = static_cast<std::uint32_t>(std::countr_zero(page_size));
    if (offset_bits >= va_bits) return fail("page size " + std::to_string(page_size) + " leaves no bits for the VPN");
    if (level_bits.empty()) level_bits.push_back(va_bits - offset_bits);
    if (level_bits.size() > max_levels) return fail("at most " + std::to_string(max_levels) + " levels");
    std::uint32_t sum = 0;
    for (auto b : level_bits) {
        if (b == 0 || b > 24) return fail("each level needs 1..24 index bits, not " + std::to_string(b));
        sum += b;
    }
    if (sum != va_bits - offset_bits) {
        return fail("the level bits add up to " + std::to_string(sum) + " but the VPN has " +
                    std::to_string(va_bits - offset_bits) + " bits");
    }
    return AddressLayout{"custom", va_bits, offset_bits, std::move(level_bits), va_bits > 32 ? 8u : 4u};
}

bool split_address_into(const AddressLayout& layout, std::uint64_t vaddr, AddressParts& parts) {
    if (layout.va_bits < 64 && (vaddr >> layout.va_bits) != 0) return false;
    parts.offset = vaddr & (layout.page_size() - 1);
    parts.vpn = vaddr >> layout.offset_bits;
    parts.levels = layout.levels();
    std::uint32_t shift = layout.vpn_bits();
    for (std::uint32_t l = 0; l < parts.levels; ++l) {
        shift -= layout.level_bits[l];
        parts.index[l] = static_cast<std::uint32_t>((parts.vpn >> shift) & ((std::uint64_t{1} << layout.level_bits[l]) - 1));
    }
    return true;
}

Result<AddressParts> split_address(const AddressLayout& layout, std::uint64_t vaddr) {
    AddressParts parts;
    if (!split_address_into(layout, vaddr, parts)) {
        return fail("address " + hex(vaddr) + " is wider than the " + std::to_string(layout.va_bits) +
                    "-bit address space");
    }
    return parts;
}

std::string describe_split(const AddressLayout& layout) {
    std::string out;
    for (auto b : layout.level_bits) out += std::to_string(b) + "/";
    return out + std::to_string(layout.offset_bits);
}

}  // namespace memsim::vm
