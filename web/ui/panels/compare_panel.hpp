#pragma once
// Compare: the loaded trace run again under other choices, side by side. For a reference
// or address trace, each chosen replacement policy with the scenario's frames (faults,
// hit rate, write-backs); for a heap trace, each chosen allocator (utilisation,
// fragmentation, blocks searched, peak heap size). The runs are the engine's own
// (vm::compare_policies, heap::compare): the panel only picks and draws.
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/machine/simulator.hpp"
#include "ui/panels/panels.hpp"

namespace memsim::ui {

struct PolicyCompareRow {
    std::string policy;
    bool current = false;  // the scenario's own policy
    std::uint64_t references = 0, hits = 0, faults = 0, writebacks = 0;
    double hit_rate = 0;
};

struct AllocatorCompareRow {
    std::string allocator;
    bool current = false;  // the scenario's own allocator
    double utilisation = 0, external_fragmentation = 0, searched_mean = 0;
    std::uint64_t internal_fragmentation = 0, peak_heap_size = 0, failures = 0;
};

enum class CompareKind { None, Policies, Allocators };

struct CompareView {
    CompareKind kind = CompareKind::None;
    std::string why_not;  // when kind is None
    std::uint32_t frames = 0;
    std::vector<PolicyCompareRow> policies;
    std::vector<AllocatorCompareRow> allocators;
};

// What a scenario can be compared on: policies (reference and address traces),
// allocators (heap traces), or nothing.
CompareKind compare_kind(const machine::Simulator& simulator);

// Runs the whole trace once per chosen policy (names as `memsim replace` takes them) or
// allocator (as `memsim heap` takes them); unknown names are left out.
CompareView make_compare_view(const machine::Simulator& simulator, const std::vector<std::string>& choices);

// The choices a panel starts with: a few classic policies plus the scenario's own, or
// every allocator preset.
std::vector<std::string> default_compare_choices(const machine::Simulator& simulator);

void draw_compare_panel(const Rect& rect, PanelContext& context);

}  // namespace memsim::ui
