#pragma once
// The contents of a process's memory: what its bytes hold, page by page, kept apart from
// the MMU, which models where pages live (frames, swap), not what they contain.
// Pages are created on first write and read as zero before that; each byte also
// remembers whether it was ever written, so reads of uninitialised memory can be shown.
//
// Copying a PageStore is cheap: pages are shared between copies and cloned on the first
// write after a copy (copy-on-write in the simulator itself), so checkpoints and fork
// do not copy every byte.
//
// Fills, copies and discards work page by page, and a page whose bytes all hold one value
// (calloc's zeros, a memset) is kept as that value alone: calloc(1, 1 << 28) costs a few
// bytes per page, not a byte per byte.
//
//   PageStore memory(4096);
//   memory.write(0x1000, 4, 42);
//   memory.read(0x1000, 4) == 42;  memory.initialized(0x1000, 4) == true
#include <algorithm>
#include <bit>
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

#include "memsim/core/assert.hpp"
#include "memsim/machine/byte_flags.hpp"

namespace memsim::machine {

class PageStore {
public:
    // `page_size` is a power of two (every machine's is), so a load finds its page and
    // offset with a shift and a mask instead of two divisions.
    explicit PageStore(std::uint64_t page_size = 4096)
        : page_size_(page_size), page_shift_(static_cast<std::uint32_t>(std::countr_zero(page_size))) {
        MEMSIM_ASSERT(std::has_single_bit(page_size));
    }

    // A little-endian value of `size` bytes (1..8) at `address`.
    std::uint64_t read(std::uint64_t address, std::uint32_t size) const;
    // Stores a little-endian value of `size` bytes (1..8).
    void write(std::uint64_t address, std::uint32_t size, std::uint64_t value);
    // Sets `count` bytes to `byte` (calloc, memset).
    void fill(std::uint64_t address, std::uint64_t count, std::uint8_t byte);
    // Copies `count` bytes (memcpy, realloc's move); overlapping ranges behave like memmove.
    void copy(std::uint64_t to, std::uint64_t from, std::uint64_t count);
    // A value read and whether all its bytes were ever written.
    struct Loaded {
        std::uint64_t value = 0;
        bool initialized = false;
    };
    // read() and initialized() of the same bytes with one page look-up (what a load needs).
    Loaded read_checked(std::uint64_t address, std::uint32_t size) const;
    // Whether every byte of the range was written at least once.
    bool initialized(std::uint64_t address, std::uint64_t count) const;
    // Forgets a range (the bytes read as zero and uninitialised again), e.g. after munmap.
    void discard(std::uint64_t address, std::uint64_t count);
    // Whether every byte of the page holding `address` reads as one value (a page filled
    // by calloc or memset, or never written: 0), and which; scans then read it once.
    bool uniform_page(std::uint64_t address, std::uint8_t& byte) const {
        const Page* page = find(address / page_size_);
        byte = page == nullptr ? 0 : page->fill;
        return page == nullptr || page->bytes.empty();
    }
    // Pages that hold any written byte.
    std::size_t page_count() const { return pages_.size(); }
    std::uint64_t page_size() const { return page_size_; }

private:
    // A page is uniform while `bytes` is empty (every byte is `fill`) and while `written`
    // is empty (every byte's flag is `all_written`); the vectors appear on the first write
    // that makes the page mixed.
    struct Page {
        std::vector<std::uint8_t> bytes;
        ByteFlags written;
        std::uint8_t fill = 0;
        bool all_written = false;
        std::uint8_t byte(std::size_t offset) const { return bytes.empty() ? fill : bytes[offset]; }
        bool was_written(std::size_t offset) const { return written.empty() ? all_written : written.test(offset); }
    };
    Page& writable_page(std::uint64_t page_number);
    // Calls fn(page_number, offset, length) for each page's share of [address, address +
    // count), in order, while fn returns true.
    template <typename Fn>
    void for_each_piece(std::uint64_t address, std::uint64_t count, Fn&& fn) const {
        const std::uint64_t end = address + count;
        for (std::uint64_t at = address; at < end;) {
            const auto offset = static_cast<std::size_t>(at % page_size_);
            const auto length = static_cast<std::size_t>(std::min<std::uint64_t>(page_size_ - offset, end - at));
            if (!fn(at / page_size_, offset, length)) return;
            at += length;
        }
    }
    const Page* find(std::uint64_t page_number) const;
    // Gives a uniform page its byte and flag vectors.
    void make_mixed(Page& page) const;
    // Stores one byte (marked written).
    void put(Page& page, std::size_t offset, std::uint8_t value) const;

    // The map slot of the page used last: a program's loads and stores stay on a few
    // pages, and a map look-up per access was a tenth of a run's time. A map's nodes stay
    // put until erased, so the slot is valid until discard() erases it; a copy or a move
    // of the store starts without one (the slot belongs to the other map).
    struct LastPage {
        std::uint64_t number = ~0ull;
        std::shared_ptr<Page>* slot = nullptr;
        LastPage() = default;
        LastPage(const LastPage&) {}
        LastPage& operator=(const LastPage&) {
            forget();
            return *this;
        }
        void forget() {
            number = ~0ull;
            slot = nullptr;
        }
    };
    std::shared_ptr<Page>* slot_of(std::uint64_t page_number) const;

    std::uint64_t page_size_;
    std::uint32_t page_shift_;  // log2(page_size_)
    std::map<std::uint64_t, std::shared_ptr<Page>> pages_;
    mutable LastPage last_;
};

}  // namespace memsim::machine
