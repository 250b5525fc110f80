#pragma once
// Translation: the last address the current step touched, taken apart the way the MMU
// does it: the bit fields (page-table indices, offset), the TLB lookup, the walk level
// by level, and the physical address. Drawn inside the Virtual memory panel for
// programs (scenarios with addresses).
//
//    31        22 21        12 11          0
//   +------------+------------+-------------+
//   | dir 0x2ff  | table 0x3ff| offset 0xff8|   -> TLB miss -> walk -> frame 0 -> 0x00000ff8
//   +------------+------------+-------------+
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/machine/simulator.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

// One bit field of the address, most significant first.
struct AddressField {
    std::string name;           // "level 1 index", "offset"
    std::uint32_t high = 0, low = 0;  // bit positions, inclusive
    std::uint64_t value = 0;
};

struct TranslationView {
    bool available = false;
    std::string why_not;           // when not available
    std::uint64_t vaddr = 0, vpn = 0, offset = 0;
    std::uint32_t pid = 0;
    std::string layout;            // "x86-32 (10/10/12)"
    std::vector<AddressField> fields;
    bool tlb_miss = false, page_fault = false;
    bool failed = false;           // the access was refused (segfault, guard page, ...)
    std::optional<std::uint32_t> pfn;  // the frame holding the page now
    std::uint64_t paddr = 0;
    machine::EventKind what = machine::EventKind::Read;  // the event that touched it (Read, PageFault, ...)
};

TranslationView make_translation_view(const machine::Simulator& simulator);

// The animation of a new access highlights its parts one after the other, `stage_seconds`
// each: the bit fields, the TLB lookup, each level of the walk (on a TLB miss), then the
// physical address. What is lit `seconds` after the access was first drawn:
enum class TranslationPart { Fields, Tlb, Level, Physical, None };
struct TranslationStage {
    TranslationPart part = TranslationPart::None;
    std::size_t level = 0;  // for Level: which page-table level (0 = the top)
};
inline constexpr double translation_stage_seconds = 0.45;
TranslationStage translation_stage(const TranslationView& view, double seconds);

void draw_translation(const TranslationView& view, PanelContext& context);

}  // namespace memsim::ui
