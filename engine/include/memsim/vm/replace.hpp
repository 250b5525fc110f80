#pragma once
// A whole replacement run over a trace, as `memsim replace` shows it: totals, and when
// asked, one record per reference with the victim and the frames' contents afterwards.
//
//   auto trace = densify(*parse_reference_string("7,0,1,2,0,3"));
//   auto run = run_replacement({.frames = 3, .policy = {.kind = PolicyKind::Lru}}, trace, true);
//   run->faults;                  // 6
//   run->steps[3].victim;         // page 7
#include <cstdint>
#include <optional>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/vm/pager.hpp"
#include "memsim/vm/replacement/policy_state.hpp"
#include "memsim/vm/trace.hpp"

namespace memsim::vm {

// One reference of a recorded run, in page numbers of the original trace.
struct ReplaceStep {
    std::uint64_t page = 0;                           // the page referenced
    std::uint32_t frame = 0;                          // where it is afterwards
    std::optional<std::uint64_t> victim{};            // page evicted by this step
    bool write = false;                               // the reference wrote the page
    bool hit = false;                                 // the page was resident
    bool writeback = false;                           // the victim was dirty and written to swap
    std::vector<std::optional<std::uint64_t>> frames{};  // page in each frame after the step
    std::vector<std::uint8_t> referenced{};               // R bit of each frame after the step
    std::vector<std::uint8_t> dirty{};                    // M bit of each frame after the step
    PolicyState policy{};                                 // the policy's hand, order or counters
};

// Totals of a run and, when recorded, its steps.
struct ReplaceRun {
    PagerConfig config{};
    std::uint64_t references = 0, hits = 0, faults = 0, writebacks = 0;
    std::vector<ReplaceStep> steps{};  // empty unless recorded
};

// Runs the trace through a fresh Pager. Without recording it uses the bulk mode.
Result<ReplaceRun> run_replacement(const PagerConfig& config, const DenseTrace& trace, bool record_steps);

}  // namespace memsim::vm
