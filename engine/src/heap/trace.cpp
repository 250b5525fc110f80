// Trace readers (.rep and op lists), replay, and comparison.
#include "memsim/heap/trace.hpp"

#include <algorithm>

#include "memsim/core/text.hpp"
#include "memsim/heap/glibc.hpp"
#include "memsim/heap/heap.hpp"

namespace memsim::heap {
namespace {

int column_of(std::string_view whole, std::string_view part) {
    return static_cast<int>(part.data() - whole.data()) + 1;
}

// Checks that a free or realloc names an id that has been allocated.
Result<bool> check_allocated(const std::vector<bool>& allocated, const TraceOp& op, std::string_view what) {
    if (op.id < allocated.size() && allocated[op.id]) return true;
    return fail(std::string(what) + " of id " + std::to_string(op.id) + " before it was allocated", op.line, op.column);
}

}  // namespace

Result<std::vector<ListOp>> parse_op_list(std::string_view text) {
    std::vector<ListOp> ops;
    std::size_t start = 0;
    while (start <= text.size()) {
        std::size_t comma = text.find(',', start);
        if (comma == std::string_view::npos) comma = text.size();
        const std::string_view item = trim(text.substr(start, comma - start));
        const int column = item.empty() ? static_cast<int>(start) + 1 : column_of(text, item);
        if (item.empty() || (item[0] != '+' && item[0] != '-'))
            return fail("expected +size or -index, found '" + std::string(item) + "'", 1, column);
        const auto value = parse_u64(item.substr(1));
        if (!value || *value > (1ull << 40))
            return fail("expected a non-negative number after '" + std::string(1, item[0]) + "', found '" +
                            std::string(item.substr(1)) + "'", 1, column + 1);
        ops.push_back(ListOp{item[0] == '+', static_cast<std::int64_t>(*value), column});
        start = comma + 1;
    }
    return ops;
}

Result<Trace> trace_from_op_list(std::string_view text) {
    const auto list = parse_op_list(text);
    if (!list) return tl::unexpected(list.error());
    Trace trace;
    std::vector<bool> allocated;
    for (const ListOp& item : *list) {
        TraceOp op{item.alloc ? TraceOpKind::Alloc : TraceOpKind::Free, 0, 0, 1, item.column};
        if (item.alloc) {
            op.id = static_cast<std::uint32_t>(allocated.size());
            op.size = static_cast<std::uint64_t>(item.value);
            allocated.push_back(true);
        } else {
            op.id = static_cast<std::uint32_t>(std::min<std::int64_t>(item.value, 0xFFFFFFFF));
            const auto ok = check_allocated(allocated, op, "free");
            if (!ok) return tl::unexpected(ok.error());
        }
        trace.ops.push_back(op);
    }
    trace.ids = static_cast<std::uint32_t>(allocated.size());
    return trace;
}

Result<Trace> parse_rep(std::string_view text) {
    const auto lines = split_lines(text);
    Trace trace;
    const char* names[4] = {"the suggested heap size", "the number of ids", "the number of operations", "the weight"};
    std::uint64_t header[4] = {0, 0, 0, 0};
    std::size_t line = 0;
    for (int h = 0; h < 4; ++h, ++line) {
        if (line >= lines.size()) return fail("the trace ends before " + std::string(names[h]), static_cast<int>(line) + 1);
        const auto value = parse_u64(trim(lines[line]));
        if (!value || *value > 0xFFFFFFFFu)
            return fail("expected " + std::string(names[h]) + " (a number), found '" + std::string(trim(lines[line])) + "'",
                        static_cast<int>(line) + 1, 1);
        header[h] = *value;
    }
    trace.suggested_heap = header[0];
    trace.weight = static_cast<std::uint32_t>(header[3]);
    // Memory follows what the file holds, not what its header claims: every id is
    // allocated by one of the operations, so ids stay below the number of operation lines
    // (a header claiming 4,000,000,000 ids must not reserve a table for them); small
    // traces keep their header's count up to max_sparse_ids.
    constexpr std::uint64_t max_sparse_ids = 1u << 16;
    std::uint64_t op_lines = 0;
    for (std::size_t l = line; l < lines.size(); ++l) op_lines += trim(lines[l]).empty() ? 0 : 1;
    const std::uint64_t claimed_ids = header[1];
    trace.ids = static_cast<std::uint32_t>(std::min(claimed_ids, std::max(op_lines, max_sparse_ids)));
    std::vector<bool> allocated(trace.ids, false);
    for (; line < lines.size(); ++line) {
        const int n = static_cast<int>(line) + 1;
        const auto words = split_any(lines[line], " \t\r");
        if (words.empty()) continue;
        const std::string_view verb = words[0];
        TraceOp op{TraceOpKind::Alloc, 0, 0, n, column_of(lines[line], verb)};
        if (verb == "a" || verb == "r") op.kind = verb == "a" ? TraceOpKind::Alloc : TraceOpKind::Realloc;
        else if (verb == "f") op.kind = TraceOpKind::Free;
        else if (verb == "c") op.kind = TraceOpKind::Calloc;
        else return fail("expected 'a', 'r', 'c' or 'f', found '" + std::string(verb) + "'", n, op.column);
        const std::size_t wanted = op.kind == TraceOpKind::Free ? 2 : 3;
        if (words.size() != wanted)
            return fail("'" + std::string(verb) + "' takes " + (wanted == 2 ? "an id" : "an id and a size") +
                            ", found " + std::to_string(words.size() - 1) + " value(s)", n, op.column);
        const auto id = parse_u64(words[1]);
        if (id && *id < claimed_ids && *id >= trace.ids)
            return fail("id " + std::string(words[1]) + " is too large for a trace of " + std::to_string(op_lines) +
                            " operations: ids must stay below " + std::to_string(trace.ids),
                        n, column_of(lines[line], words[1]));
        if (!id || *id >= trace.ids)
            return fail("expected an id below " + std::to_string(trace.ids) + ", found '" + std::string(words[1]) + "'",
                        n, column_of(lines[line], words[1]));
        op.id = static_cast<std::uint32_t>(*id);
        if (wanted == 3) {
            const auto size = parse_u64(words[2]);
            if (!size || *size > (1ull << 40))
                return fail("expected a size in bytes, found '" + std::string(words[2]) + "'", n,
                            column_of(lines[line], words[2]));
            op.size = *size;
        }
        if (op.kind == TraceOpKind::Realloc || op.kind == TraceOpKind::Free) {
            const auto ok = check_allocated(allocated, op, op.kind == TraceOpKind::Free ? "free" : "realloc");
            if (!ok) return tl::unexpected(ok.error());
        }
        allocated[op.id] = true;
        trace.ops.push_back(op);
    }
    if (trace.ops.size() != header[2])
        return fail("the header announces " + std::to_string(header[2]) + " operations but the trace has " +
                        std::to_string(trace.ops.size()), 3, 1);
    return trace;
}

TraceRun run_trace(const HeapConfig& config, const Trace& trace, bool record_ops, std::vector<HeapEvent>* events) {
    TraceRun run;
    run.allocator = allocator_name(config);
    Heap heap{config};
    heap.set_event_sink(events);
    heap.set_error_sink(&run.errors);
    std::vector<std::uint64_t> pointers(trace.ids, 0);
    if (record_ops) {
        run.ops.reserve(trace.ops.size());
        run.timeline.reserve(trace.ops.size());
    }
    for (const TraceOp& op : trace.ops) {
        const std::size_t errors = run.errors.size();
        OpResult result{op.kind, op.id, op.size, 0, 0, true};
        std::uint64_t& p = pointers[op.id];
        switch (op.kind) {
            case TraceOpKind::Alloc: p = heap.malloc(op.size); result.ok = p != 0; break;
            case TraceOpKind::Calloc: p = heap.calloc(1, op.size); result.ok = p != 0; break;
            case TraceOpKind::Realloc: {
                const std::uint64_t moved = heap.realloc(p, op.size);
                result.ok = moved != 0 || op.size == 0;
                if (result.ok) p = moved;
                break;
            }
            case TraceOpKind::Free: heap.free(p); break;
        }
        result.ptr = p;
        result.searched = op.kind == TraceOpKind::Free ? 0 : heap.last_searched();
        if (run.errors.size() != errors) result.ok = false;
        if (record_ops) {
            run.ops.push_back(result);
            const HeapMetrics& c = heap.counters();
            run.timeline.push_back(MetricsSample{static_cast<std::uint32_t>(run.ops.size()), heap.heap_size(),
                                                 c.live_payload, c.internal_fragmentation, result.searched});
        }
    }
    run.metrics = heap.metrics();
    run.blocks = heap.blocks();
    if (const GlibcMalloc* model = heap.glibc()) run.glibc = arena_view(*model);
    for (const auto& leak : heap.leaks()) run.errors.push_back(leak);
    return run;
}

std::vector<TraceRun> compare(const std::vector<HeapConfig>& configs, const Trace& trace) {
    std::vector<TraceRun> rows;
    for (const auto& config : configs) {
        TraceRun run = run_trace(config, trace, false);
        run.blocks.clear();
        rows.push_back(std::move(run));
    }
    return rows;
}

}  // namespace memsim::heap
