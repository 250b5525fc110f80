#include "memsim/machine/page_store.hpp"

#include <algorithm>
#include <cstring>

namespace memsim::machine {
namespace {

// `size` bytes (at most 8) that all hold `byte`, as a little-endian value.
std::uint64_t repeated(std::uint8_t byte, std::uint32_t size) {
    std::uint64_t value = 0;
    for (std::uint32_t i = 0; i < size; ++i) value |= std::uint64_t{byte} << (8 * i);
    return value;
}

// The little-endian value of `size` (at most 8) bytes: the common sizes as one load (the
// host is little-endian, as x86-64 and WebAssembly are), the rest byte by byte.
std::uint64_t value_at(const std::uint8_t* bytes, std::uint32_t size) {
    static_assert(std::endian::native == std::endian::little);
    const auto load = [bytes]<typename T>(T) {
        T v;
        std::memcpy(&v, bytes, sizeof v);
        return std::uint64_t{v};
    };
    switch (size) {
        case 8: return load(std::uint64_t{});
        case 4: return load(std::uint32_t{});
        case 2: return load(std::uint16_t{});
        case 1: return bytes[0];
        default: {
            std::uint64_t value = 0;
            for (std::uint32_t i = 0; i < size; ++i) value |= std::uint64_t{bytes[i]} << (8 * i);
            return value;
        }
    }
}

}  // namespace

std::shared_ptr<PageStore::Page>* PageStore::slot_of(std::uint64_t page_number) const {
    if (last_.number == page_number) return last_.slot;
    const auto it = pages_.find(page_number);
    if (it == pages_.end()) return nullptr;
    last_.number = page_number;
    // find() is const; the slot is only written through by writable_page, a non-const member.
    last_.slot = const_cast<std::shared_ptr<Page>*>(&it->second);
    return last_.slot;
}

const PageStore::Page* PageStore::find(std::uint64_t page_number) const {
    const std::shared_ptr<Page>* slot = slot_of(page_number);
    return slot == nullptr ? nullptr : slot->get();
}

PageStore::Page& PageStore::writable_page(std::uint64_t page_number) {
    std::shared_ptr<Page>* known = slot_of(page_number);
    auto& slot = known != nullptr ? *known : pages_[page_number];
    if (!slot) {
        slot = std::make_shared<Page>();  // uniform: zero and never written
    } else if (slot.use_count() > 1) {
        slot = std::make_shared<Page>(*slot);  // shared with a checkpoint or a fork: clone first
    }
    return *slot;
}

void PageStore::make_mixed(Page& page) const {
    const auto bytes = static_cast<std::size_t>(page_size_);
    if (page.bytes.empty()) page.bytes.assign(bytes, page.fill);
    if (page.written.empty()) page.written.assign(bytes, page.all_written);
}

void PageStore::put(Page& page, std::size_t offset, std::uint8_t value) const {
    if (page.bytes.empty() && page.written.empty() && page.all_written && page.fill == value) return;  // no change
    make_mixed(page);
    page.bytes[offset] = value;
    page.written.set(offset, 1, true);
}

std::uint64_t PageStore::read(std::uint64_t address, std::uint32_t size) const {
    size = std::min<std::uint32_t>(size, 8);
    // Almost every access stays inside one page: look that page up once, not per byte.
    const auto offset = static_cast<std::size_t>(address & (page_size_ - 1));
    if (offset + size <= page_size_) {
        const Page* page = find(address >> page_shift_);
        if (page == nullptr) return 0;
        return page->bytes.empty() ? repeated(page->fill, size) : value_at(&page->bytes[offset], size);
    }
    std::uint64_t value = 0;
    const Page* page = nullptr;
    std::uint64_t page_number = ~0ull;
    for (std::uint32_t i = 0; i < size; ++i) {
        const std::uint64_t a = address + i;
        if (a / page_size_ != page_number) page = find(page_number = a / page_size_);
        const std::uint64_t byte = page ? page->byte(static_cast<std::size_t>(a % page_size_)) : 0;
        value |= byte << (8 * i);
    }
    return value;
}

void PageStore::write(std::uint64_t address, std::uint32_t size, std::uint64_t value) {
    size = std::min<std::uint32_t>(size, 8);
    if (size == 0) return;  // writes nothing, so creates no page
    const auto offset = static_cast<std::size_t>(address & (page_size_ - 1));
    if (offset + size <= page_size_) {
        // One page: writable_page once (it clones a shared page at most once anyway).
        Page& page = writable_page(address >> page_shift_);
        if (page.bytes.empty() || page.written.empty()) {
            // Uniform so far: put() decides byte by byte whether it stays so.
            for (std::uint32_t i = 0; i < size; ++i) put(page, offset + i, static_cast<std::uint8_t>(value >> (8 * i)));
            return;
        }
        for (std::uint32_t i = 0; i < size; ++i) page.bytes[offset + i] = static_cast<std::uint8_t>(value >> (8 * i));
        page.written.set(offset, size, true);
        return;
    }
    for (std::uint32_t i = 0; i < size; ++i) {
        const std::uint64_t a = address + i;
        put(writable_page(a / page_size_), static_cast<std::size_t>(a % page_size_), static_cast<std::uint8_t>(value >> (8 * i)));
    }
}

void PageStore::fill(std::uint64_t address, std::uint64_t count, std::uint8_t byte) {
    for_each_piece(address, count, [&](std::uint64_t page_number, std::size_t offset, std::size_t length) {
        if (length == page_size_) {
            // The whole page: one value, no vectors (and nothing to clone).
            auto page = std::make_shared<Page>();
            page->fill = byte;
            page->all_written = true;
            pages_[page_number] = std::move(page);
        } else {
            Page& page = writable_page(page_number);
            if (!(page.bytes.empty() && page.written.empty() && page.all_written && page.fill == byte)) {
                make_mixed(page);
                std::fill_n(page.bytes.begin() + static_cast<std::ptrdiff_t>(offset), length, byte);
                page.written.set(offset, length, true);
            }
        }
        return true;
    });
}

void PageStore::copy(std::uint64_t to, std::uint64_t from, std::uint64_t count) {
    if (count == 0 || to == from) return;
    // Overlapping ranges behave like memmove: copy backwards when the target is above.
    const bool backwards = to > from && to - from < count;
    if (!backwards && to % page_size_ == from % page_size_) {
        // Aligned the same way: whole pages are shared (copy-on-write), the rest byte by byte.
        std::uint64_t done = 0;
        while (done < count) {
            const std::uint64_t f = from + done, t = to + done;
            const auto offset = static_cast<std::size_t>(f % page_size_);
            const std::uint64_t length = std::min<std::uint64_t>(page_size_ - offset, count - done);
            const auto source = pages_.find(f / page_size_);
            const bool whole = offset == 0 && length == page_size_;
            if (whole && source != pages_.end() &&
                ((source->second->written.empty() && source->second->all_written) || !pages_.contains(t / page_size_))) {
                const std::shared_ptr<Page> shared = source->second;
                pages_[t / page_size_] = shared;
            } else if (source != pages_.end()) {
                // The target is another page (same offset, different address), so this one stays put.
                const std::shared_ptr<const Page> s = source->second;
                Page* target = nullptr;
                for (std::uint64_t k = 0; k < length; ++k) {
                    const auto o = static_cast<std::size_t>(offset + k);
                    if (!s->was_written(o)) continue;
                    if (target == nullptr) target = &writable_page(t / page_size_);
                    put(*target, o, s->byte(o));
                }
            }
            done += length;
        }
        return;
    }
    for (std::uint64_t n = 0; n < count; ++n) {
        const std::uint64_t i = backwards ? count - 1 - n : n;
        const std::uint64_t f = from + i;
        const Page* source = find(f / page_size_);
        const auto o = static_cast<std::size_t>(f % page_size_);
        if (source != nullptr && source->was_written(o)) {
            const std::uint64_t t = to + i;
            put(writable_page(t / page_size_), static_cast<std::size_t>(t % page_size_), source->byte(o));
        }
    }
}

PageStore::Loaded PageStore::read_checked(std::uint64_t address, std::uint32_t size) const {
    const auto offset = static_cast<std::size_t>(address & (page_size_ - 1));
    if (size == 0 || size > 8 || offset + size > page_size_) return {read(address, size), initialized(address, size)};
    const Page* page = find(address >> page_shift_);
    if (page == nullptr) return {0, false};
    Loaded loaded{page->bytes.empty() ? repeated(page->fill, size) : value_at(&page->bytes[offset], size),
                  page->written.empty() ? page->all_written : true};
    if (!page->written.empty()) loaded.initialized = page->written.all(offset, size);
    return loaded;
}

bool PageStore::initialized(std::uint64_t address, std::uint64_t count) const {
    bool all = true;
    for_each_piece(address, count, [&](std::uint64_t page_number, std::size_t offset, std::size_t length) {
        const Page* page = find(page_number);
        if (page == nullptr) return all = false;
        if (page->written.empty()) return all = page->all_written;
        return all = page->written.all(offset, length);
    });
    return all;
}

void PageStore::discard(std::uint64_t address, std::uint64_t count) {
    for_each_piece(address, count, [&](std::uint64_t page_number, std::size_t offset, std::size_t length) {
        if (find(page_number) == nullptr) return true;
        if (length == page_size_) {
            if (last_.number == page_number) last_.forget();
            pages_.erase(page_number);
            return true;
        }
        Page& page = writable_page(page_number);
        make_mixed(page);
        std::fill_n(page.bytes.begin() + static_cast<std::ptrdiff_t>(offset), length, std::uint8_t{0});
        page.written.set(offset, length, false);
        return true;
    });
}

}  // namespace memsim::machine
