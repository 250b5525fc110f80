#pragma once
// Allocation traces: a recorded sequence of malloc / realloc / free calls to replay
// against any allocator, and the comparison of allocators on the same trace.
//
// Two formats are read:
//
//   CS:APP malloc lab (.rep)            OSTEP op list (malloc.py -A)
//     20000    suggested heap size        +10,+20,-0,+5
//     2        number of ids              +n  allocate n bytes (the k-th + has index k)
//     3        number of operations       -k  free the block of allocation k
//     1        weight
//     a 0 512  allocate 512 bytes as id 0
//     r 0 640  realloc id 0 to 640 bytes
//     f 0      free id 0
//     c 1 48   calloc(1, 48) as id 1 (memsim's addition to the format)
//
// Errors name the line and column and say what was expected. Freeing (or reallocating)
// an id before it was allocated is an error; freeing it twice is not: that is a double
// free, which the heap reports as an event when the trace runs.
//
//   auto trace = parse_rep(text);            // Result<Trace>
//   TraceRun run = run_trace(config, *trace);
//   run.metrics.utilisation();               // what the malloc-lab driver reports as "util"
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/heap/block.hpp"
#include "memsim/heap/config.hpp"
#include "memsim/heap/event.hpp"
#include "memsim/heap/glibc_view.hpp"
#include "memsim/heap/metrics.hpp"

namespace memsim::heap {

enum class TraceOpKind : std::uint8_t { Alloc, Realloc, Free, Calloc };  // Calloc: calloc(1, size)

// One call of a trace.
struct TraceOp {
    TraceOpKind kind = TraceOpKind::Alloc;
    std::uint32_t id = 0;    // which pointer (the .rep id, or the allocation index)
    std::uint64_t size = 0;  // bytes (alloc and realloc)
    int line = 0;            // where it came from, for messages
    int column = 0;
};

// A parsed trace.
struct Trace {
    std::uint64_t suggested_heap = 0;  // .rep header (0 for op lists)
    std::uint32_t ids = 0;             // distinct pointers
    std::uint32_t weight = 1;          // .rep header
    std::vector<TraceOp> ops;
};

// One item of an OSTEP op list: "+n" (alloc) or "-k" (free).
struct ListOp {
    bool alloc = true;
    std::int64_t value = 0;
    int column = 0;  // 1-based, within the list text
};

// Parses "+10,+20,-0" (spaces allowed around items); values are non-negative integers.
Result<std::vector<ListOp>> parse_op_list(std::string_view text);

// An op list as a trace: the k-th "+" allocates id k; "-k" frees id k (an error when
// allocation k has not happened yet).
Result<Trace> trace_from_op_list(std::string_view text);

// Parses a CS:APP malloc-lab .rep trace.
Result<Trace> parse_rep(std::string_view text);

// The result of one trace op when replayed.
struct OpResult {
    TraceOpKind kind = TraceOpKind::Alloc;
    std::uint32_t id = 0;
    std::uint64_t size = 0;
    std::uint64_t ptr = 0;       // the pointer after the op (0 = NULL)
    std::uint32_t searched = 0;  // blocks searched (alloc and realloc)
    bool ok = true;              // false: allocation failed, or a bad free
};

// The running counters after one op (the metrics over time).
struct MetricsSample {
    std::uint32_t op = 0;                      // 1-based op index
    std::uint64_t heap_size = 0;               // brk heap plus live mappings
    std::uint64_t live_payload = 0;
    std::uint64_t internal_fragmentation = 0;
    std::uint32_t searched = 0;                // blocks searched by this op
};

// A trace replayed on one allocator.
struct TraceRun {
    std::string allocator;
    std::vector<OpResult> ops;      // one per trace op (empty when not recorded)
    std::vector<MetricsSample> timeline;  // one per trace op (empty when not recorded)
    std::vector<HeapEvent> errors;  // learner errors, then leaks at the end
    std::vector<BlockView> blocks;  // the heap at the end
    HeapMetrics metrics;
    std::optional<GlibcArenaView> glibc{};  // the glibc allocator's arena at the end
};

// Replays the trace on a fresh heap. With record_ops false only metrics and errors are
// kept (bulk mode); `events` (optional) receives every event.
TraceRun run_trace(const HeapConfig& config, const Trace& trace, bool record_ops = true,
                   std::vector<HeapEvent>* events = nullptr);

// The same trace on several allocators, one run each (ops not recorded).
std::vector<TraceRun> compare(const std::vector<HeapConfig>& configs, const Trace& trace);

}  // namespace memsim::heap
