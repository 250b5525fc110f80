#pragma once
// What happened inside the allocator, one small record per step, so a teacher (or the
// UI) can say it in words: "searched 3 blocks, chose the 48-byte block at 0x10000010,
// split it into 32 bytes for you and a 16-byte free remainder".
//
// Events go to an optional sink (a vector the caller owns). With no sink the heap runs
// in bulk mode: counters still update, nothing is recorded.
//
//   std::vector<HeapEvent> events;
//   heap.set_event_sink(&events);
//   heap.malloc(24);
//   for (const auto& e : events) std::puts(explain(e).c_str());
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace memsim::heap {

// The kinds of event. The comment says what addr / size / other hold.
enum class HeapEventKind : std::uint8_t {
    Malloc,          // addr = payload, size = bytes requested, other = block size
    Free,            // addr = payload, size = block size
    Realloc,         // addr = new payload, size = new request, other = old payload
    ReallocInPlace,  // addr = payload, size = new request, other = new block size
    Calloc,          // addr = payload, size = bytes zeroed
    Search,          // addr = chosen block, size = its size, searched = blocks looked at
    Split,           // addr = block, size = part kept for the request, other = free remainder size
    Coalesce,        // addr = merged block, size = merged size, other = the block absorbed into it
    Brk,             // addr = old brk, size = bytes added (whole pages)
    Trim,            // addr = new brk, size = bytes given back
    Mmap,            // addr = mapping, size = its length (whole pages)
    Munmap,          // addr = mapping, size = its length
    BuddySplit,      // addr = block split, size = size of each half, other = upper half
    BuddyMerge,      // addr = merged block, size = merged size, other = the buddy
    SlabCreate,      // addr = new slab, size = object size, other = objects in the slab
    SlabRelease,     // addr = slab given back, size = object size
    GlibcStep,       // one step of the glibc model: addr = chunk, size = chunk size (or bytes),
                     // other = bytes requested, searched = the step packed (glibc.hpp: to_heap_event)
    // Learner errors: reported, never fatal.
    DoubleFree,      // addr = pointer freed again
    ReallocFreed,    // addr = pointer given to realloc after it was freed
    InvalidFree,     // addr = pointer malloc never returned
    InteriorFree,    // addr = pointer into the middle of a block, other = that block's payload
    UseAfterFree,    // addr = access, size = bytes, other = payload of the freed block
    HeapOverflow,    // addr = access, size = bytes, other = header address overwritten
    Corruption,      // addr = header found overwritten (at the next malloc or free)
    OutOfMemory,     // size = bytes requested (malloc returned NULL); other = 1: mmap found no gap (ENOMEM)
    Leak,            // addr = payload never freed, size = bytes requested, other = leak_code(): 0 definitely lost, 1 still reachable, 2 indirectly lost, 3 possibly lost
};

// One event of one operation.
// A Leak event's `other` for a verdict named "definitely lost", "still reachable" /
// "reachable", "indirectly lost" or "possibly lost" (0 for anything else).
std::uint64_t leak_code(std::string_view verdict);

struct HeapEvent {
    HeapEventKind kind = HeapEventKind::Malloc;
    std::uint32_t op = 0;        // index of the operation (malloc, free, ...) that caused it
    std::uint64_t addr = 0;
    std::uint64_t size = 0;
    std::uint64_t other = 0;
    std::uint32_t searched = 0;  // Search only: blocks (or lists) examined

    bool operator==(const HeapEvent&) const = default;
};

// Where events go: nowhere (bulk mode) or the end of a caller-owned vector.
struct EventSink {
    std::vector<HeapEvent>* out = nullptr;
    std::uint32_t op = 0;

    void emit(HeapEventKind kind, std::uint64_t addr, std::uint64_t size = 0, std::uint64_t other = 0,
              std::uint32_t searched = 0) {
        if (out) out->push_back(HeapEvent{kind, op, addr, size, other, searched});
    }
};

// The event's kind as a short lowercase word ("malloc", "double-free", ...).
std::string_view to_string(HeapEventKind kind);

// Whether the event reports a learner's mistake rather than normal work.
bool is_error(HeapEventKind kind);

// The event in one plain sentence, the way a teacher says it.
std::string explain(const HeapEvent& event);

}  // namespace memsim::heap
