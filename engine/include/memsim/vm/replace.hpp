#pragma once
// A whole replacement run over a trace, as `memsim replace` shows it: totals, and when
// asked, one record per reference with the victim and the frames' contents afterwards.
//
//   auto trace = densify(*parse_reference_string("7,0,1,2,0,3"));
//   auto run = run_replacement({.frames = 3, .policy = {.kind = PolicyKind::Lru}}, trace, true);
//   run->faults;                  // 6
//   run->steps[3].victim;         // page 7
//
// A long trace streams its steps instead (run_replacement with a StepVisitor): each step
// is built, handed over and dropped, so a 20-million-reference table needs no more memory
// than the trace. A step lists every frame when there are at most listed_frames_limit;
// with more, only the frames in use (frames fill in order, so the free ones all come
// after them) and the number of free frames.
#include <cstdint>
#include <functional>
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
    std::vector<std::optional<std::uint64_t>> frames{};  // page in each listed frame after the step
    std::uint32_t unlisted_free_frames = 0;               // free frames after the listed ones
    std::vector<std::uint8_t> referenced{};               // R bit of each listed frame after the step
    std::vector<std::uint8_t> dirty{};                    // M bit of each listed frame after the step
    PolicyState policy{};                                 // the policy's hand, order or counters
};

// Up to this many frames a step lists every frame, free ones as nullopt.
inline constexpr std::uint32_t listed_frames_limit = 64;

// Receives each step of a streamed run, in order; `index` counts from 0.
using StepVisitor = std::function<void(std::uint64_t index, const ReplaceStep& step)>;

// Totals of a run and, when recorded, its steps.
struct ReplaceRun {
    PagerConfig config{};
    std::uint64_t references = 0, hits = 0, faults = 0, writebacks = 0;
    std::vector<ReplaceStep> steps{};  // empty unless recorded
};

// Runs the trace through a fresh Pager. Without recording it uses the bulk mode.
Result<ReplaceRun> run_replacement(const PagerConfig& config, const DenseTrace& trace, bool record_steps);

// Runs the trace step by step, handing each step to `visit` instead of keeping it; the
// totals come back with no steps.
Result<ReplaceRun> run_replacement(const PagerConfig& config, const DenseTrace& trace, const StepVisitor& visit);

}  // namespace memsim::vm
