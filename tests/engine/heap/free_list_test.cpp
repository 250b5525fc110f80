// Hand-worked examples for the implicit, explicit and segregated free lists.
//
// Every example uses the default layout: 8-byte header and footer, 16-byte alignment,
// so a block for n bytes is round_up(n + 16, 16) and the smallest block is 32 bytes.
// The heap starts at base = 0x10000000 with 8 bytes of padding, so the first block is at
// base + 8 and its payload at base + 16. The first malloc grows brk by one page (4096):
// one free block of 4096 - 8 (padding) - 8 (epilogue) = 4080 bytes.
//
// The common set-up allocates six blocks and frees three, leaving holes between guards:
//
//   offset:  8        56      88        168     200       264     296
//            | 48 F   | 32 A  | 80 F    | 32 A  | 64 F    | 32 A  | 3792 F (top)  |
//             p0        p1      p2        p3      p4        p5
#include <catch2/catch.hpp>

#include "heap_test_util.hpp"
#include "memsim/heap/heap.hpp"

using namespace memsim::heap;
using namespace memsim::heap::test;

namespace {

struct Setup {
    Heap heap;
    std::uint64_t p[6] = {};
};

Setup holes(HeapConfig config, bool free_holes = true) {
    Setup s{Heap{config}};
    const std::uint64_t sizes[6] = {24, 8, 56, 8, 40, 8};  // blocks 48, 32, 80, 32, 64, 32
    for (int i = 0; i < 6; ++i) s.p[i] = s.heap.malloc(sizes[i]);
    if (free_holes) {
        s.heap.free(s.p[2]);
        s.heap.free(s.p[0]);
        s.heap.free(s.p[4]);
    }
    return s;
}


}  // namespace

TEST_CASE("the set-up lays blocks out to scale with headers, footers and padding", "[heap][free_list]") {
    Setup s = holes(HeapConfig{});
    CHECK(s.p[0] == kBase + 16);
    CHECK(s.p[5] == kBase + 264 + 8);
    CHECK(block_layout(s.heap) == BlockLayout{{8, 48, false}, {56, 32, true}, {88, 80, false}, {168, 32, true},
                                           {200, 64, false}, {264, 32, true}, {296, 3792, false}});
    CHECK(s.heap.check().empty());
    CHECK(s.heap.metrics().brk_calls == 1);
}

TEST_CASE("implicit first, best and worst fit pick different holes for the same request", "[heap][free_list]") {
    // malloc(30) needs round_up(30 + 16, 16) = 48 bytes.
    // first fit: the 48-byte hole at 8 is the first block visited (searched 1).
    // best fit: visits all 7 blocks; the 48-byte hole is the smallest that fits.
    // worst fit: visits all 7 blocks; the 3792-byte top is the largest and is split.
    Setup first = holes(HeapConfig{.fit = FitPolicy::First});
    CHECK(first.heap.malloc(30) == kBase + 16);
    CHECK(first.heap.last_searched() == 1);
    Setup best = holes(HeapConfig{.fit = FitPolicy::Best});
    CHECK(best.heap.malloc(30) == kBase + 16);
    CHECK(best.heap.last_searched() == 7);
    Setup worst = holes(HeapConfig{.fit = FitPolicy::Worst});
    CHECK(worst.heap.malloc(30) == kBase + 296 + 8);
    CHECK(worst.heap.last_searched() == 7);
    CHECK(worst.heap.check().empty());
}

TEST_CASE("next fit resumes where the last search stopped", "[heap][free_list]") {
    // The set-up's last allocation (p5) left the next-fit rover at 264. malloc(30) needs
    // 48: next fit visits 264 (allocated) and the top at 296, and splits it (searched 2);
    // first fit takes the hole at 8 (searched 1). malloc(20) needs 48 too: next fit
    // resumes at 296 (now allocated) and takes the rest of the top at 344 (searched 2);
    // first fit starts over, visits 8, 56, 88 and splits the 80-byte hole into 48 + 32.
    Setup next = holes(HeapConfig{.fit = FitPolicy::Next});
    CHECK(next.heap.malloc(30) == kBase + 296 + 8);
    CHECK(next.heap.last_searched() == 2);
    CHECK(next.heap.malloc(20) == kBase + 344 + 8);
    CHECK(next.heap.last_searched() == 2);
    Setup first = holes(HeapConfig{.fit = FitPolicy::First});
    CHECK(first.heap.malloc(30) == kBase + 8 + 8);
    CHECK(first.heap.malloc(20) == kBase + 88 + 8);
    CHECK(first.heap.last_searched() == 3);
    CHECK(first.heap.blocks()[2].size == 48);
    CHECK(first.heap.blocks()[3].size == 32);
    CHECK(next.heap.check().empty());
    CHECK(first.heap.check().empty());
}

TEST_CASE("immediate coalescing merges with the block after and the block before", "[heap][free_list]") {
    // Freeing p1 (32 at 56): the block after (80 at 88) is free -> 112 at 56; the block
    // before (48 at 8) is free (found through its footer) -> 160 at 8.
    Setup s = holes(HeapConfig{});
    std::vector<HeapEvent> events;
    s.heap.set_event_sink(&events);
    s.heap.free(s.p[1]);
    REQUIRE(events.size() == 3);
    CHECK(events[0].kind == HeapEventKind::Free);
    CHECK(events[1] == HeapEvent{HeapEventKind::Coalesce, 10, kBase + 56, 112, kBase + 88, 0});
    CHECK(events[2] == HeapEvent{HeapEventKind::Coalesce, 10, kBase + 8, 160, kBase + 56, 0});
    CHECK(s.heap.blocks()[0].size == 160);
    CHECK(s.heap.check().empty());
}

TEST_CASE("deferred coalescing merges all runs only when a search fails", "[heap][free_list]") {
    // One page only, and a sixth block that fills the top exactly (3792 = 3776 + 16).
    // Freeing p0..p4 leaves five adjacent free blocks (48+32+80+32+64 = 256 bytes).
    // malloc(200) needs 224: no single block fits (searched 7), the pass merges the run
    // into 256 at 8, the second search finds it at once (searched 1 more), and
    // 256 - 224 = 32 splits off.
    HeapConfig config{.coalescing = Coalescing::Deferred, .max_heap = 4096};
    Setup s = holes(config, false);
    REQUIRE(s.heap.malloc(3776) == kBase + 304);
    for (int i = 0; i < 5; ++i) s.heap.free(s.p[i]);
    CHECK(s.heap.blocks().size() == 7);
    CHECK(s.heap.malloc(200) == kBase + 16);
    CHECK(s.heap.last_searched() == 7 + 1);
    CHECK(block_layout(s.heap) == BlockLayout{{8, 224, true}, {232, 32, false}, {264, 32, true}, {296, 3792, true}});
    CHECK(s.heap.check().empty());
}

TEST_CASE("with coalescing off the free blocks stay split and a large request grows brk", "[heap][free_list]") {
    Setup s = holes(HeapConfig{.coalescing = Coalescing::Off});
    s.heap.free(s.p[1]);
    s.heap.free(s.p[3]);
    CHECK(s.heap.blocks().size() == 7);
    CHECK(s.heap.metrics().free_blocks == 6);
    CHECK(s.heap.metrics().largest_free == 3792);
}

TEST_CASE("explicit list orders decide which hole a first-fit search finds", "[heap][free_list]") {
    // Freed in the order p2 (80 at 88), p0 (48 at 8), p4 (64 at 200); the top (3792 at
    // 296) has been on the list since the start. malloc(30) needs 48:
    //   LIFO      [200, 8, 88, 296]  -> 200 (64: 16 left over is too small to split)
    //   FIFO      [296, 88, 8, 200]  -> 296, split: the 3744-byte rest goes to the back
    //   address   [8, 88, 200, 296]  -> 8
    //   size-asc  [8(48), 200(64), 88(80), 296] -> 8 (first fit = best fit)
    //   size-desc [296, 88, 200, 8]  -> 296 (first fit = worst fit)
    const std::pair<ListOrder, std::uint64_t> cases[] = {
        {ListOrder::Lifo, 200}, {ListOrder::Fifo, 296}, {ListOrder::Address, 8},
        {ListOrder::SizeAscending, 8}, {ListOrder::SizeDescending, 296}};
    for (const auto& [order, block] : cases) {
        Setup s = holes(HeapConfig{.allocator = AllocatorKind::ExplicitList, .order = order});
        INFO("order " << to_string(order));
        CHECK(s.heap.malloc(30) == kBase + block + 8);
        CHECK(s.heap.last_searched() == 1);
        CHECK(s.heap.check().empty());
    }
    // size-asc: malloc(56) needs 80 and skips the 48 and 64-byte holes: searched 3.
    Setup s = holes(HeapConfig{.allocator = AllocatorKind::ExplicitList, .order = ListOrder::SizeAscending});
    CHECK(s.heap.malloc(56) == kBase + 88 + 8);
    CHECK(s.heap.last_searched() == 3);
}

TEST_CASE("segregated lists search only the class of the request and above", "[heap][free_list]") {
    // The first 128 classes hold one size each, counted in 16-byte steps from the 32-byte
    // minimum block: 48 -> class 1, 64 -> class 2, 80 -> class 3. The 3792-byte top is in
    // a class above them (four per power of two there).
    // malloc(50) needs 80: class 3 holds exactly the hole at 88 (searched 1).
    // malloc(100) needs 128 (class 6): the bitmap of non-empty classes skips to the top's
    // class, whose first block fits (searched 1). malloc(40) needs 64: the hole at 200.
    Setup s = holes(HeapConfig{.allocator = AllocatorKind::Segregated});
    CHECK(s.heap.malloc(50) == kBase + 96);
    CHECK(s.heap.last_searched() == 1);
    CHECK(s.heap.malloc(100) == kBase + 296 + 8);
    CHECK(s.heap.last_searched() == 1);
    CHECK(s.heap.malloc(40) == kBase + 208);
    CHECK(s.heap.check().empty());
}

TEST_CASE("first fit inside a segregated class walks past blocks that are too small", "[heap][free_list]") {
    // Above 32 + 128 * 16 = 2080 bytes a class spans a quarter of a power of two: 2560 and
    // 3056 share the class [2560, 3072). Freeing the 3056-byte block and then the 2560-byte
    // one leaves the class list [2560, 3056] (LIFO). malloc(2900) needs 2928: the walk
    // passes the 2560 (too small) and takes the 3056 (searched 2), splitting off 128 bytes.
    Heap heap{HeapConfig{.allocator = AllocatorKind::Segregated}};
    const std::uint64_t a = heap.malloc(2544);  // block 2560
    const std::uint64_t guard1 = heap.malloc(8);
    const std::uint64_t b = heap.malloc(3040);  // block 3056
    const std::uint64_t guard2 = heap.malloc(8);
    heap.free(b);
    heap.free(a);
    CHECK(heap.malloc(2900) == b);
    CHECK(heap.last_searched() == 2);
    CHECK(heap.blocks()[2].size == 2928);
    CHECK(heap.blocks()[3].size == 128);
    heap.free(guard1);
    heap.free(guard2);
    CHECK(heap.check().empty());
}

TEST_CASE("realloc grows into a free neighbour in place, otherwise moves", "[heap][free_list]") {
    // p1 (32 at 56) is followed by the free 80 at 88: realloc(p1, 90) needs 112 = 32 + 80,
    // so it absorbs the neighbour without moving. realloc(p3, 100) needs 128, but the
    // block after p3 is the 64 at 200: 32 + 64 < 128, so the data moves (to the top).
    Setup s = holes(HeapConfig{});
    CHECK(s.heap.realloc(s.p[1], 90) == s.p[1]);
    CHECK(s.heap.blocks()[1].size == 112);
    const std::uint64_t moved = s.heap.realloc(s.p[3], 100);
    CHECK(moved == kBase + 296 + 8);
    CHECK(s.heap.check().empty());
}

TEST_CASE("a large free top is trimmed back with a negative sbrk", "[heap][free_list]") {
    Heap heap{HeapConfig{.trim_threshold = 8192}};
    const std::uint64_t a = heap.malloc(16);
    const std::uint64_t big = heap.malloc(20000);
    // a takes 32 of the first page's 4080-byte block, leaving 4048 at the top; big needs
    // round_up(20016, 16) = 20016, so brk grows by 20016 - 4048 = 15968 -> 16384 (4 pages).
    CHECK(heap.region().size() == 20480);
    heap.free(big);
    // The top free block is 20480 - 8 - 32 - 8 = 20432 bytes: whole pages beyond one
    // minimum block go back (16384), leaving 4048.
    CHECK(heap.region().size() == 4096);
    CHECK(heap.metrics().trims == 1);
    CHECK(heap.check().empty());
    heap.free(a);
}

TEST_CASE("without footers and with 4-byte headers the lists still work", "[heap][free_list]") {
    HeapConfig config{.allocator = AllocatorKind::ExplicitList, .order = ListOrder::Address,
                      .header_size = 4, .footers = false, .alignment = 8};
    Heap heap{config};
    const std::uint64_t a = heap.malloc(10);  // 4 + 10 -> 16
    const std::uint64_t b = heap.malloc(10);
    CHECK(b - a == 16);
    heap.free(a);
    heap.free(b);  // merges with a (found by walking) and with the top
    CHECK(heap.blocks().size() == 1);
    CHECK(heap.check().empty());
}

TEST_CASE("next fit never resumes inside a block that realloc grew over", "[heap][free_list]") {
    // One page, filled exactly: a 32 at 8, b 80 at 40, c 32 at 120, d 3936 at 152 (the
    // rover). Freeing b and asking for 8 bytes wraps around to b's hole at 40 (rover = 40,
    // split 32 + 48); freeing that block merges it back into 80 at 40. realloc(a, 90)
    // needs 112 = 32 + 80 and absorbs the hole the rover points at: the rover must move
    // to a's block, or the next search would read a header in the middle of a's payload.
    Heap heap{HeapConfig{.fit = FitPolicy::Next, .max_heap = 4096}};
    const std::uint64_t a = heap.malloc(16);
    const std::uint64_t b = heap.malloc(64);
    const std::uint64_t c = heap.malloc(16);
    const std::uint64_t d = heap.malloc(3920);
    REQUIRE(d == 0x10000000 + 152 + 8);
    heap.free(b);
    const std::uint64_t e = heap.malloc(8);
    CHECK(e == b);
    heap.free(e);
    CHECK(heap.realloc(a, 90) == a);
    CHECK(heap.malloc(8) == 0);  // every block is allocated and the page limit is reached
    CHECK(heap.check().empty());
    heap.free(c);
    heap.free(d);
}

TEST_CASE("free_lists() lists the free blocks in the order a search walks them", "[heap][freelist]") {
    // Frees p2, p0, p4 after the top's remainder was inserted by the last malloc.
    const auto at = [](std::initializer_list<std::uint64_t> offsets) {
        std::vector<std::uint64_t> out;
        for (auto o : offsets) out.push_back(kBase + o);
        return out;
    };
    const Setup lifo = holes({.allocator = AllocatorKind::ExplicitList, .order = ListOrder::Lifo});
    CHECK(lifo.heap.free_lists() == std::vector<std::vector<std::uint64_t>>{at({200, 8, 88, 296})});
    const Setup by_address = holes({.allocator = AllocatorKind::ExplicitList, .order = ListOrder::Address});
    CHECK(by_address.heap.free_lists() == std::vector<std::vector<std::uint64_t>>{at({8, 88, 200, 296})});
    const Setup fifo = holes({.allocator = AllocatorKind::ExplicitList, .order = ListOrder::Fifo});
    CHECK(fifo.heap.free_lists() == std::vector<std::vector<std::uint64_t>>{at({296, 88, 8, 200})});
    // The implicit list has no links: nothing to list.
    CHECK(holes({}).heap.free_lists().empty());
    // Segregated: one list per size class that holds a block (48, 64, 80 and the top).
    CHECK(holes({.allocator = AllocatorKind::Segregated}).heap.free_lists().size() == 4);
}
