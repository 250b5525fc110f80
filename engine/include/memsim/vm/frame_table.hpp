#pragma once
// The frame table: one row per physical frame, saying which page of which process lives
// there and holding the hardware bits the replacement policies read.
//
//   frame | owner | vpn  | R | M | cleaned
//   ------+-------+------+---+---+--------
//     0   |   1   | 0x07 | 1 | 0 |   0        R = referenced since last cleared
//     1   |   2   | 0x02 | 0 | 1 |   0        M = dirty (written since loaded or cleaned)
//     2   |   -   |  -   | 0 | 0 |   0        cleaned = written back to swap while resident
//
// The table is a struct of vectors (fast to scan, cheap to copy as a checkpoint).
// A policy only ever sees FrameBits: pointers to the R, M and cleaned bits of the frames
// it manages (all frames under global replacement, one process's share under local).
#include <cstdint>
#include <vector>

namespace memsim::vm {

// Marks "no frame", "no page" and "no process" in 32-bit fields.
inline constexpr std::uint32_t no_frame = 0xFFFFFFFFu;
inline constexpr std::uint32_t no_page = 0xFFFFFFFFu;
inline constexpr std::uint32_t no_owner = 0xFFFFFFFFu;

// The bits of a run of frames that a replacement policy may read and change.
struct FrameBits {
    std::uint8_t* referenced = nullptr;  // R bit per frame
    std::uint8_t* dirty = nullptr;       // M bit per frame
    std::uint8_t* cleaned = nullptr;     // set when a policy writes a dirty page back early
    std::uint64_t writebacks = 0;        // pages written back by the policy itself (WSClock)

    // Writes a dirty page back to swap while it stays resident (WSClock's scheduled write).
    void clean(std::uint32_t frame) {
        dirty[frame] = 0;
        cleaned[frame] = 1;
        ++writebacks;
    }
};

// Every physical frame's owner, page and hardware bits.
struct FrameTable {
    std::vector<std::uint32_t> owner;      // process id, or no_owner when the frame is free
    std::vector<std::uint64_t> vpn;        // virtual page number held (valid when owned)
    std::vector<std::uint8_t> referenced;  // R
    std::vector<std::uint8_t> dirty;       // M
    std::vector<std::uint8_t> cleaned;     // written back early; the page has a swap copy

    // A table of `frames` free frames.
    explicit FrameTable(std::uint32_t frames = 0)
        : owner(frames, no_owner), vpn(frames, 0), referenced(frames, 0), dirty(frames, 0),
          cleaned(frames, 0) {}

    // Number of frames.
    std::uint32_t size() const { return static_cast<std::uint32_t>(owner.size()); }

    // The bits of frames [first, first + count) as a policy sees them (frame 0 = first).
    FrameBits bits(std::uint32_t first) {
        return FrameBits{referenced.data() + first, dirty.data() + first, cleaned.data() + first, 0};
    }

    // Puts a page into a frame with R = 1 and M = write.
    void load(std::uint32_t frame, std::uint32_t process, std::uint64_t page, bool write) {
        owner[frame] = process;
        vpn[frame] = page;
        referenced[frame] = 1;
        dirty[frame] = write ? 1 : 0;
        cleaned[frame] = 0;
    }

    bool operator==(const FrameTable&) const = default;
};

}  // namespace memsim::vm
