#pragma once
// JSON forms of the heap engine's results, shared by the CLI (`memsim heap --json`) and
// the web page's JS API. The schemas are documented in docs/heap.md. Addresses are plain
// JSON numbers (all below 2^53).
#include <nlohmann/json.hpp>
#include <vector>

#include "memsim/heap/block.hpp"
#include "memsim/heap/config.hpp"
#include "memsim/heap/event.hpp"
#include "memsim/heap/glibc_view.hpp"
#include "memsim/heap/metrics.hpp"
#include "memsim/heap/ostep.hpp"
#include "memsim/heap/trace.hpp"

namespace memsim::report {

// {"heap_size":..,"utilisation":..,"external_fragmentation":..,...}
nlohmann::json heap_metrics_json(const heap::HeapMetrics& metrics);
// {"block":A,"size":n,"payload":P,"requested":r,"allocated":b,"mapped":b,"zeroed":b}
nlohmann::json heap_block_json(const heap::BlockView& block);
// {"kind":"double-free","op":i,"addr":A,"size":n,"other":x,"searched":k,"text":"..."}
nlohmann::json heap_event_json(const heap::HeapEvent& event);
// The allocator's settings that matter for its kind.
nlohmann::json heap_config_json(const heap::HeapConfig& config);
// The glibc arena: {"top","top_size","brk","last_remainder","mmap_threshold","trim_threshold",
// "system_mem","tcache_struct","mapped_chunks","bins":[{"kind","index","min_size","max_size","chunks"}]}
nlohmann::json glibc_arena_json(const heap::GlibcArenaView& arena);
// {"allocator","config","ops":[...],"errors":[...],"blocks":[...],"metrics":{...}} (+ "arena" for glibc)
nlohmann::json heap_run_json(const heap::HeapConfig& config, const heap::TraceRun& run);
// {"rows":[{"allocator","utilisation","internal_fragmentation",...}, ...]}
nlohmann::json heap_comparison_json(const std::vector<heap::TraceRun>& rows);
// {"allocator":"ostep","config":{...},"ops":[{"op":"alloc",...} | {"op":"free",...}]}
nlohmann::json ostep_json(const heap::OstepConfig& config, const std::vector<heap::OstepStep>& steps);

}  // namespace memsim::report
