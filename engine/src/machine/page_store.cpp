#include "memsim/machine/page_store.hpp"

namespace memsim::machine {

const PageStore::Page* PageStore::find(std::uint64_t page_number) const {
    const auto it = pages_.find(page_number);
    return it == pages_.end() ? nullptr : it->second.get();
}

PageStore::Page& PageStore::writable_page(std::uint64_t page_number) {
    auto& slot = pages_[page_number];
    if (!slot) {
        const auto bytes = static_cast<std::size_t>(page_size_);
        slot = std::make_shared<Page>(Page{std::vector<std::uint8_t>(bytes, 0), std::vector<bool>(bytes, false)});
    } else if (slot.use_count() > 1) {
        slot = std::make_shared<Page>(*slot);  // shared with a checkpoint or a fork: clone first
    }
    return *slot;
}

std::uint64_t PageStore::read(std::uint64_t address, std::uint32_t size) const {
    std::uint64_t value = 0;
    for (std::uint32_t i = 0; i < size && i < 8; ++i) {
        const std::uint64_t a = address + i;
        const Page* page = find(a / page_size_);
        const std::uint64_t byte = page ? page->bytes[static_cast<std::size_t>(a % page_size_)] : 0;
        value |= byte << (8 * i);
    }
    return value;
}

void PageStore::write(std::uint64_t address, std::uint32_t size, std::uint64_t value) {
    for (std::uint32_t i = 0; i < size && i < 8; ++i) {
        const std::uint64_t a = address + i;
        Page& page = writable_page(a / page_size_);
        const auto offset = static_cast<std::size_t>(a % page_size_);
        page.bytes[offset] = static_cast<std::uint8_t>(value >> (8 * i));
        page.written[offset] = true;
    }
}

void PageStore::fill(std::uint64_t address, std::uint64_t count, std::uint8_t byte) {
    for (std::uint64_t i = 0; i < count; ++i) write(address + i, 1, byte);
}

void PageStore::copy(std::uint64_t to, std::uint64_t from, std::uint64_t count) {
    std::vector<std::uint8_t> buffer(static_cast<std::size_t>(count));
    std::vector<bool> known(static_cast<std::size_t>(count));
    for (std::uint64_t i = 0; i < count; ++i) {
        buffer[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(read(from + i, 1));
        known[static_cast<std::size_t>(i)] = initialized(from + i, 1);
    }
    for (std::uint64_t i = 0; i < count; ++i) {
        if (known[static_cast<std::size_t>(i)]) write(to + i, 1, buffer[static_cast<std::size_t>(i)]);
    }
}

bool PageStore::initialized(std::uint64_t address, std::uint64_t count) const {
    for (std::uint64_t i = 0; i < count; ++i) {
        const Page* page = find((address + i) / page_size_);
        if (!page || !page->written[static_cast<std::size_t>((address + i) % page_size_)]) return false;
    }
    return true;
}

void PageStore::discard(std::uint64_t address, std::uint64_t count) {
    for (std::uint64_t i = 0; i < count; ++i) {
        const std::uint64_t page_number = (address + i) / page_size_;
        if (find(page_number) == nullptr) continue;
        Page& page = writable_page(page_number);
        const auto offset = static_cast<std::size_t>((address + i) % page_size_);
        page.bytes[offset] = 0;
        page.written[offset] = false;
    }
}

}  // namespace memsim::machine
