#pragma once
// JSON forms of the paging engine's results, shared by the CLI (--json) and the web
// page's JS API so both print the same fields. The schema is documented in docs/vm.md.
#include <nlohmann/json.hpp>

#include "memsim/vm/mmu.hpp"
#include "memsim/vm/replace.hpp"
#include "memsim/vm/sweep.hpp"
#include "memsim/vm/thrashing.hpp"

namespace memsim::report {

// {policy, frames, references, hits, faults, writebacks, hit_ratio, steps: [...]}
// Each step: {page, write, hit, frame, victim (page or null), writeback, resident, frames,
// referenced, dirty, policy}.
nlohmann::json to_json(const vm::ReplaceRun& run);

// One step of a run as it appears in `steps` (a run with many frames lists only the
// frames in use and adds unlisted_free_frames).
nlohmann::json to_json(const vm::ReplaceStep& step);

// {hand, order, <values_name>: [one per frame, null for a free frame or "never"]}, the
// fields the policy uses.
nlohmann::json to_json(const vm::PolicyState& state, const std::vector<std::optional<std::uint64_t>>& frames);

// {sweep: [{frames, faults}, ...], anomalies: [frame counts where faults rose]}
nlohmann::json to_json(const vm::SweepResult& sweep);

// {name, va_bits, page_size, offset_bits, level_bits: [...], split: "10/10/12"}
nlohmann::json to_json(const vm::AddressLayout& layout);

// [{level, index, entry_address, present, pfn, where}, ...]; inverted probes add owner, vpn.
nlohmann::json to_json(const vm::Walk& walk, bool inverted);

// {kind, process, vaddr, vpn, frame, ..., text}: the fields the kind uses and its explanation.
nlohmann::json to_json(const vm::MmuEvent& event, vm::PolicyKind policy);

// Every counter plus tlb_hit_ratio.
nlohmann::json to_json(const vm::MmuStats& stats);

// [{degree, active, working_set_total, cpu_utilization, faults, fault_rate}, ...]
nlohmann::json to_json(const std::vector<vm::ThrashPoint>& points);

}  // namespace memsim::report
