#include "memsim/heap/config.hpp"

#include <bit>

namespace memsim::heap {
namespace {

constexpr FitPolicy kFits[] = {FitPolicy::First, FitPolicy::Next, FitPolicy::Best, FitPolicy::Worst};
constexpr ListOrder kOrders[] = {ListOrder::Address, ListOrder::Lifo, ListOrder::Fifo,
                                 ListOrder::SizeAscending, ListOrder::SizeDescending};
constexpr Coalescing kCoalescings[] = {Coalescing::Immediate, Coalescing::Deferred, Coalescing::Off};

template <class Enum, std::size_t N>
std::optional<Enum> by_name(const Enum (&all)[N], std::string_view name) {
    for (Enum e : all)
        if (to_string(e) == name) return e;
    return std::nullopt;
}

}  // namespace

std::string_view to_string(FitPolicy fit) {
    switch (fit) {
        case FitPolicy::First: return "first";
        case FitPolicy::Next: return "next";
        case FitPolicy::Best: return "best";
        case FitPolicy::Worst: return "worst";
    }
    return "?";
}

std::string_view to_string(ListOrder order) {
    switch (order) {
        case ListOrder::Address: return "address";
        case ListOrder::Lifo: return "lifo";
        case ListOrder::Fifo: return "fifo";
        case ListOrder::SizeAscending: return "size-asc";
        case ListOrder::SizeDescending: return "size-desc";
    }
    return "?";
}

std::string_view to_string(Coalescing coalescing) {
    switch (coalescing) {
        case Coalescing::Immediate: return "immediate";
        case Coalescing::Deferred: return "deferred";
        case Coalescing::Off: return "off";
    }
    return "?";
}

std::optional<FitPolicy> fit_by_name(std::string_view name) { return by_name(kFits, name); }
std::optional<ListOrder> order_by_name(std::string_view name) { return by_name(kOrders, name); }
std::optional<Coalescing> coalescing_by_name(std::string_view name) { return by_name(kCoalescings, name); }

std::vector<AllocatorName> allocator_names() {
    std::vector<AllocatorName> names;
    for (FitPolicy fit : kFits) {
        HeapConfig c{.allocator = AllocatorKind::ImplicitList, .fit = fit};
        names.push_back(AllocatorName{"implicit-" + std::string(to_string(fit)), c});
    }
    for (ListOrder order : kOrders) {
        HeapConfig c{.allocator = AllocatorKind::ExplicitList, .order = order};
        names.push_back(AllocatorName{"explicit-" + std::string(to_string(order)), c});
    }
    names.push_back(AllocatorName{"segregated", HeapConfig{.allocator = AllocatorKind::Segregated}});
    names.push_back(AllocatorName{"buddy", HeapConfig{.allocator = AllocatorKind::Buddy}});
    names.push_back(AllocatorName{"slab", HeapConfig{.allocator = AllocatorKind::Slab}});
    names.push_back(AllocatorName{"glibc", HeapConfig{.allocator = AllocatorKind::Glibc}});
    return names;
}

std::optional<HeapConfig> allocator_by_name(std::string_view name) {
    if (name == "implicit") name = "implicit-first";
    if (name == "explicit") name = "explicit-lifo";
    for (const auto& entry : allocator_names())
        if (entry.name == name) return entry.config;
    return std::nullopt;
}

std::string allocator_name(const HeapConfig& config) {
    switch (config.allocator) {
        case AllocatorKind::ImplicitList: return "implicit-" + std::string(to_string(config.fit));
        case AllocatorKind::ExplicitList: return "explicit-" + std::string(to_string(config.order));
        case AllocatorKind::Segregated: return "segregated";
        case AllocatorKind::Buddy: return "buddy";
        case AllocatorKind::Slab: return "slab";
        case AllocatorKind::Glibc: return "glibc";
    }
    return "?";
}

std::uint64_t mmap_top_of(const HeapConfig& c) { return c.mmap_top ? c.mmap_top : c.mmap_base + 4 * c.max_mapped; }

std::string validate(const HeapConfig& c) {
    if (c.header_size != 4 && c.header_size != 8) return "header size must be 4 or 8 bytes";
    if (c.alignment < 4 || !std::has_single_bit(c.alignment) || c.alignment > 4096)
        return "alignment must be a power of two from 4 to 4096";
    if (c.page_size < 256 || !std::has_single_bit(c.page_size) || c.page_size < c.alignment)
        return "page size must be a power of two of at least 256 bytes and the alignment";
    if (c.base % c.page_size != 0) return "the heap base must be page aligned";
    if (c.max_heap < c.page_size || c.max_heap > (1ull << 31))
        return "the maximum heap size must be from one page to 2 GiB";
    if (c.mmap_base < c.base + c.max_heap) return "mappings must lie above the brk heap (mmap_base >= base + max_heap)";
    if (c.mmap_top != 0 && (c.mmap_top <= c.mmap_base || c.mmap_top % c.page_size != 0))
        return "the top of the mmap area must be page aligned and above mmap_base";
    if (c.allocator == AllocatorKind::Segregated && (c.size_classes < 2 || c.size_classes > 256))
        return "segregated lists need 2 to 256 size classes";
    if (c.allocator == AllocatorKind::Buddy &&
        (c.buddy_min_order < 4 || c.buddy_min_order > c.buddy_max_order || c.buddy_max_order > 30 ||
         (1ull << c.buddy_max_order) > c.max_heap || (1ull << c.buddy_max_order) < c.page_size))
        return "buddy orders must satisfy 4 <= min <= max <= 30 and page size <= 2^max <= the maximum heap";
    if (c.allocator == AllocatorKind::Glibc && (c.alignment != 16 || c.page_size != 4096 || c.header_size != 8))
        return "the glibc allocator models x86-64: alignment 16, 8-byte size fields, 4096-byte pages";
    if (c.allocator == AllocatorKind::Slab) {
        if (c.slab_sizes.empty()) return "a slab allocator needs at least one object size";
        std::uint32_t previous = 0;
        for (std::uint32_t size : c.slab_sizes) {
            if (size <= previous || size % 4 != 0 || size > c.page_size * c.slab_pages / 2)
                return "slab object sizes must rise, be multiples of 4 and fit twice in a slab";
            previous = size;
        }
    }
    return {};
}

}  // namespace memsim::heap
