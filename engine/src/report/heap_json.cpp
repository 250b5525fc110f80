#include "memsim/report/heap_json.hpp"

namespace memsim::report {

using nlohmann::json;

json heap_metrics_json(const heap::HeapMetrics& m) {
    return json{{"heap_size", m.heap_size},
                {"peak_heap_size", m.peak_heap_size},
                {"live_payload", m.live_payload},
                {"peak_live_payload", m.peak_live_payload},
                {"live_blocks", m.live_blocks},
                {"utilisation", m.utilisation()},
                {"internal_fragmentation", m.internal_fragmentation},
                {"external_fragmentation", m.external_fragmentation()},
                {"free_bytes", m.free_bytes},
                {"largest_free", m.largest_free},
                {"free_blocks", m.free_blocks},
                {"mallocs", m.mallocs},
                {"frees", m.frees},
                {"reallocs", m.reallocs},
                {"failures", m.failures},
                {"errors", m.errors},
                {"searched_total", m.searched_total},
                {"searched_mean", m.searched_mean()},
                {"searched_max", m.searched_max},
                {"brk_calls", m.brk_calls},
                {"trims", m.trims},
                {"mmap_calls", m.mmap_calls},
                {"munmap_calls", m.munmap_calls},
                {"mapped_bytes", m.mapped_bytes}};
}

json heap_block_json(const heap::BlockView& b) {
    return json{{"block", b.block},         {"size", b.size},           {"payload", b.payload},
                {"requested", b.requested}, {"allocated", b.allocated}, {"mapped", b.mapped},
                {"zeroed", b.zeroed}};
}

json heap_event_json(const heap::HeapEvent& e) {
    return json{{"kind", heap::to_string(e.kind)}, {"op", e.op},     {"addr", e.addr},
                {"size", e.size},                  {"other", e.other}, {"searched", e.searched},
                {"text", heap::explain(e)}};
}

json heap_config_json(const heap::HeapConfig& c) {
    json j{{"base", c.base},
           {"max_heap", c.max_heap},
           {"page_size", c.page_size},
           {"header_size", c.header_size},
           {"alignment", c.alignment},
           {"mmap_threshold", c.mmap_threshold},
           {"trim_threshold", c.trim_threshold}};
    switch (c.allocator) {
        case heap::AllocatorKind::ImplicitList:
        case heap::AllocatorKind::ExplicitList:
        case heap::AllocatorKind::Segregated:
            j["fit"] = heap::to_string(c.fit);
            j["order"] = heap::to_string(c.order);
            j["coalescing"] = heap::to_string(c.coalescing);
            j["footers"] = c.footers;
            if (c.allocator == heap::AllocatorKind::Segregated) j["size_classes"] = c.size_classes;
            break;
        case heap::AllocatorKind::Buddy:
            j["min_order"] = c.buddy_min_order;
            j["max_order"] = c.buddy_max_order;
            break;
        case heap::AllocatorKind::Glibc: break;
        case heap::AllocatorKind::Slab:
            j["slab_sizes"] = c.slab_sizes;
            j["slab_pages"] = c.slab_pages;
            break;
    }
    return j;
}

namespace {

const char* bin_kind_name(heap::GlibcBinKind kind) {
    switch (kind) {
        case heap::GlibcBinKind::Tcache: return "tcache";
        case heap::GlibcBinKind::Fastbin: return "fastbin";
        case heap::GlibcBinKind::Unsorted: return "unsorted";
        case heap::GlibcBinKind::Small: return "small";
        case heap::GlibcBinKind::Large: return "large";
    }
    return "?";
}

}  // namespace

json glibc_arena_json(const heap::GlibcArenaView& a) {
    json bins = json::array();
    for (const auto& b : a.bins) {
        // The unsorted bin and the last large bin hold any size: no upper bound.
        const json max_size = b.max_size == ~std::uint64_t{0} ? json(nullptr) : json(b.max_size);
        bins.push_back(json{{"kind", bin_kind_name(b.kind)}, {"index", b.index}, {"min_size", b.min_size},
                            {"max_size", max_size}, {"chunks", b.chunks}});
    }
    return json{{"top", a.top},
                {"top_size", a.top_size},
                {"brk", a.brk},
                {"last_remainder", a.last_remainder},
                {"mmap_threshold", a.mmap_threshold},
                {"trim_threshold", a.trim_threshold},
                {"system_mem", a.system_mem},
                {"tcache_struct", a.tcache_struct},
                {"mapped_chunks", a.mappings},
                {"bins", std::move(bins)}};
}

namespace {

const char* op_name(heap::TraceOpKind kind) {
    switch (kind) {
        case heap::TraceOpKind::Alloc: return "alloc";
        case heap::TraceOpKind::Realloc: return "realloc";
        case heap::TraceOpKind::Free: return "free";
        case heap::TraceOpKind::Calloc: return "calloc";
    }
    return "?";
}

}  // namespace

json heap_run_json(const heap::HeapConfig& config, const heap::TraceRun& run) {
    json ops = json::array();
    for (const auto& op : run.ops) {
        json j{{"op", op_name(op.kind)}, {"id", op.id}, {"ptr", op.ptr}, {"ok", op.ok}};
        if (op.kind != heap::TraceOpKind::Free) {
            j["size"] = op.size;
            j["searched"] = op.searched;
        }
        ops.push_back(std::move(j));
    }
    json errors = json::array();
    for (const auto& e : run.errors) errors.push_back(heap_event_json(e));
    json blocks = json::array();
    for (const auto& b : run.blocks) blocks.push_back(heap_block_json(b));
    // Columns rather than objects: a long trace stays compact.
    json timeline{{"heap_size", json::array()}, {"live_payload", json::array()},
                  {"internal_fragmentation", json::array()}, {"searched", json::array()}};
    for (const auto& t : run.timeline) {
        timeline["heap_size"].push_back(t.heap_size);
        timeline["live_payload"].push_back(t.live_payload);
        timeline["internal_fragmentation"].push_back(t.internal_fragmentation);
        timeline["searched"].push_back(t.searched);
    }
    json out{{"allocator", run.allocator}, {"config", heap_config_json(config)}, {"ops", std::move(ops)},
             {"errors", std::move(errors)},  {"blocks", std::move(blocks)},        {"metrics", heap_metrics_json(run.metrics)},
             {"timeline", std::move(timeline)}};
    if (run.glibc) out["arena"] = glibc_arena_json(*run.glibc);
    return out;
}

json heap_comparison_json(const std::vector<heap::TraceRun>& rows) {
    json out = json::array();
    for (const auto& r : rows) {
        const auto& m = r.metrics;
        out.push_back(json{{"allocator", r.allocator},
                           {"utilisation", m.utilisation()},
                           {"internal_fragmentation", m.internal_fragmentation},
                           {"external_fragmentation", m.external_fragmentation()},
                           {"searched_mean", m.searched_mean()},
                           {"searched_max", m.searched_max},
                           {"heap_size", m.heap_size},
                           {"peak_heap_size", m.peak_heap_size},
                           {"failures", m.failures},
                           {"errors", m.errors}});
    }
    return json{{"rows", std::move(out)}};
}

json ostep_json(const heap::OstepConfig& c, const std::vector<heap::OstepStep>& steps) {
    json ops = json::array();
    for (const auto& s : steps) {
        json list = json::array();
        for (const auto& [addr, size] : s.free_list) list.push_back(json::array({addr, size}));
        if (s.alloc) {
            ops.push_back(json{{"op", "alloc"}, {"size", s.size}, {"block", s.block}, {"ptr", s.ptr},
                               {"searched", s.searched}, {"free_list", std::move(list)}});
        } else if (s.skipped) {
            ops.push_back(json{{"op", "free"}, {"index", s.index}, {"skipped", true}, {"reason", s.skip_reason}});
        } else {
            ops.push_back(json{{"op", "free"}, {"index", s.index}, {"rc", s.rc}, {"free_list", std::move(list)}});
        }
    }
    const json config{{"size", c.size},     {"base", c.base},
                      {"header", c.header}, {"align", c.align},
                      {"policy", heap::to_string(c.policy)}, {"order", heap::to_string(c.order)},
                      {"coalesce", c.coalesce}};
    return json{{"allocator", "ostep"}, {"config", config}, {"ops", std::move(ops)}};
}

}  // namespace memsim::report
