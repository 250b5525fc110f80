// The glibc model's events in plain words.
#include <algorithm>
#include <iterator>

#include "memsim/core/text.hpp"
#include "memsim/heap/glibc.hpp"

namespace memsim::heap {

using namespace glibc;

namespace {

std::string n(std::uint64_t v) { return std::to_string(v); }

std::string chunks(std::uint64_t count) { return n(count) + (count == 1 ? " chunk" : " chunks"); }

// "the tcache bin for 32-byte chunks", "fastbin 0 (32-byte chunks)", "small bin 2 (32 bytes)".
std::string bin_name(const GlibcEvent& e) {
    switch (e.bin) {
        case GlibcBin::Tcache: return "the tcache bin for " + n(e.index * kAlign + kMinSize) + "-byte chunks";
        case GlibcBin::Fastbin: return "fastbin " + n(e.index) + " (" + n(e.index * kAlign + kMinSize) + "-byte chunks)";
        case GlibcBin::Unsorted: return "the unsorted bin";
        case GlibcBin::Small: return "small bin " + n(e.index) + " (" + n(e.index * kAlign) + "-byte chunks)";
        case GlibcBin::Large: return "large bin " + n(e.index);
        case GlibcBin::Top: return "the top chunk";
        case GlibcBin::Mmap: return "its own mapping";
        default: return "no bin";
    }
}

std::string served(const GlibcEvent& e) {
    const std::string req = n(e.request) + " bytes (a " + n(e.size) + "-byte chunk at " + hex(e.chunk) + "): ";
    switch (e.kind) {
        case GlibcEventKind::FromTcache:
            return req + bin_name(e) + " had " + chunks(e.count + 1) + "; the newest was returned (the tcache is tried first, without locking)";
        case GlibcEventKind::FromFastbin:
            return req + bin_name(e) + " had the exact size; its newest chunk was returned";
        case GlibcEventKind::FromSmallbin:
            return req + bin_name(e) + " had the exact size; its oldest chunk was returned";
        case GlibcEventKind::FromUnsortedExact:
            return req + "an exact fit was found while sorting the unsorted bin";
        case GlibcEventKind::FromLastRemainder:
            return req + "the only unsorted chunk was the last remainder of a split, so it was split again (keeps small requests together)";
        case GlibcEventKind::FromLargebin:
            return req + bin_name(e) + " held a chunk big enough; the smallest that fits was split";
        case GlibcEventKind::FromBinmap:
            return req + "nothing fit in its own bin; the binmap pointed to " + bin_name(e) + ", whose smallest chunk was split";
        case GlibcEventKind::FromTop:
            return req + "no bin had a fitting chunk, so it was cut from the front of the top chunk";
        case GlibcEventKind::FromMmap:
            return n(e.request) + " bytes: at or above the mmap threshold and larger than the top, so malloc called mmap for " +
                   n(e.size) + " bytes of its own at " + hex(e.chunk);
        default: return {};
    }
}

}  // namespace

namespace {
// Every message the model reports, so an event can carry one as a number.
constexpr std::string_view kMessages[] = {
    "",
    "free(): invalid pointer",
    "munmap_chunk(): invalid pointer",
    "free(): invalid size",
    "free(): double free detected in tcache 2",
    "free(): invalid next size (fast)",
    "double free or corruption (fasttop)",
    "double free or corruption (top)",
    "double free or corruption (out)",
    "double free or corruption (!prev)",
    "free(): invalid next size (normal)",
    "realloc(): invalid pointer",
};
}  // namespace

HeapEvent to_heap_event(const GlibcEvent& e, std::uint32_t op) {
    std::uint32_t count = std::min<std::uint32_t>(e.count, 0xFFFF);
    if (e.kind == GlibcEventKind::Error)
        for (std::uint32_t i = 0; i < std::size(kMessages); ++i)
            if (kMessages[i] == e.message) count = i;
    const std::uint32_t packed = static_cast<std::uint32_t>(e.kind) << 27 | static_cast<std::uint32_t>(e.bin) << 23 |
                                 (e.index & 0x7F) << 16 | count;
    return HeapEvent{HeapEventKind::GlibcStep, op, e.chunk, e.size, e.request, packed};
}

GlibcEvent from_heap_event(const HeapEvent& h) {
    GlibcEvent e{.kind = static_cast<GlibcEventKind>(h.searched >> 27), .request = h.other, .chunk = h.addr, .size = h.size,
                 .bin = static_cast<GlibcBin>((h.searched >> 23) & 0xF), .index = (h.searched >> 16) & 0x7F,
                 .count = h.searched & 0xFFFF};
    if (e.kind == GlibcEventKind::Error) {
        e.message = e.count < std::size(kMessages) ? kMessages[e.count] : "";
        e.count = 0;
    }
    return e;
}

std::string_view to_string(GlibcEventKind kind) {
    static constexpr std::string_view names[] = {
        "from-tcache", "from-fastbin", "from-smallbin", "from-unsorted-exact", "from-last-remainder", "from-largebin",
        "from-binmap", "from-top", "from-mmap", "tcache-filled", "sorted", "consolidated", "sbrk", "trimmed",
        "munmapped", "mremapped", "threshold-raised", "merged", "to-tcache", "to-fastbin", "to-unsorted", "to-top",
        "realloc-in-place", "tcache-created", "error"};
    const auto i = static_cast<std::size_t>(kind);
    return i < std::size(names) ? names[i] : "?";
}

std::string explain(const GlibcEvent& e) {
    switch (e.kind) {
        case GlibcEventKind::TcacheFilled:
            return "while there, " + chunks(e.count) + " of the same size moved from the " +
                   (e.bin == GlibcBin::Fastbin ? "fastbin" : "small bin") + " into the tcache for the next calls";
        case GlibcEventKind::Sorted:
            return "the unsorted chunk at " + hex(e.chunk) + " (" + n(e.size) + " bytes) did not fit exactly and went to " +
                   bin_name(e);
        case GlibcEventKind::Consolidated:
            return "malloc_consolidate merged " + chunks(e.count) + " from the fastbins with their free neighbours";
        case GlibcEventKind::Sbrk:
            return "the top chunk was too small: sbrk grew the heap by " + n(e.size) +
                   " bytes (the request + top_pad of 128 KiB + 32 bytes, less what the top already held, in whole pages)";
        case GlibcEventKind::Trimmed:
            return "the top chunk passed the trim threshold: sbrk gave back " + n(e.size) + " bytes; the break is now " + hex(e.chunk);
        case GlibcEventKind::Munmapped:
            return "the chunk at " + hex(e.chunk) + " was mmapped, so free unmapped its " + n(e.size) + " bytes";
        case GlibcEventKind::Mremapped:
            return "the mapped chunk was resized with mremap to " + n(e.size) + " bytes at " + hex(e.chunk);
        case GlibcEventKind::ThresholdRaised:
            return "freeing a mapped chunk of " + n(e.size) + " bytes raised the mmap threshold to " + n(e.size) +
                   " and the trim threshold to " + n(2 * e.size) + ": requests that size now come from the heap";
        case GlibcEventKind::Merged:
            return "the chunk merged with a free neighbour into " + n(e.size) + " bytes at " + hex(e.chunk);
        case GlibcEventKind::ToTcache:
            return "the " + n(e.size) + "-byte chunk at " + hex(e.chunk) + " went into " + bin_name(e) + ", now " +
                   chunks(e.count) + " (it holds 7 at most)";
        case GlibcEventKind::ToFastbin:
            return "its tcache bin was full, so the " + n(e.size) + "-byte chunk at " + hex(e.chunk) + " went onto " +
                   bin_name(e) + " (not merged: fastbin chunks stay marked in use)";
        case GlibcEventKind::ToUnsorted:
            return "the free chunk of " + n(e.size) + " bytes at " + hex(e.chunk) +
                   " went into the unsorted bin; the next malloc sorts it into a bin";
        case GlibcEventKind::ToTop:
            return "the chunk bordered the top chunk and became part of it (top is now " + n(e.size) + " bytes)";
        case GlibcEventKind::TcacheCreated:
            return "this is glibc's first call, so it set up the tcache: a 640-byte struct (a count and a list head for each "
                   "of 64 chunk sizes) in a " + n(e.size) + "-byte chunk at " + hex(e.chunk) + "; every later chunk comes after it";
        case GlibcEventKind::ReallocInPlace:
            return "realloc to " + n(e.request) + " bytes kept the chunk at " + hex(e.chunk) + " (now " + n(e.size) + " bytes)";
        case GlibcEventKind::Error:
            if (e.message.empty())
                return "free() of a pointer that is not allocated: glibc 2.36 would not notice this one (it is not the newest chunk of its "
                       "fastbin, or its tcache bin has room), and its bins would now hold the chunk twice; memsim refuses it";
            return std::string(e.message) + ": glibc found this pointer was not a live allocation and would abort the program";
        default: return served(e);
    }
}

}  // namespace memsim::heap
