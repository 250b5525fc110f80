// memsim heap: replays an op list or a malloc-lab trace on one allocator, compares
// allocators, or runs the OSTEP malloc.py model. See docs/heap.md.
#include <cstdio>
#include <ostream>

#include "command.hpp"
#include "memsim/core/text.hpp"
#include <utility>

#include "memsim/heap/glibc_trace.hpp"
#include "memsim/heap/ostep.hpp"
#include "memsim/heap/trace.hpp"
#include "memsim/report/heap_json.hpp"

namespace memsim::cli {
namespace {

using namespace memsim::heap;

constexpr const char* kUsage =
    "usage: memsim heap --allocator NAME [options] (--ops \"+10,+20,-0\" | --trace FILE.rep)\n"
    "                   [--compare A,B,...] [--json]\n"
    "allocators: implicit-first|next|best|worst, explicit-address|lifo|fifo|size-asc|size-desc,\n"
    "            segregated, buddy, slab, ostep, glibc\n"
    "options:    --coalescing immediate|deferred|off  --header 4|8  --align N  --no-footers\n"
    "            --size BYTES (maximum heap)  --page-size BYTES  --mmap-threshold BYTES (0 = never)\n"
    "ostep:      --size 100 --base 1000 --header 0 --align -1 --policy BEST|WORST|FIRST\n"
    "            --order ADDRSORT|SIZESORT+|SIZESORT-|INSERT-FRONT|INSERT-BACK [--coalesce]\n"
    "glibc:      --trace FILE.rep [--events] [--check]: offsets from the initial break as glibc 2.36\n"
    "            returns them (the format of tests/tools/glibc_replay.c); --events explains each call;\n"
    "            --json: the heap's JSON with the arena at the end (top, thresholds, non-empty bins)\n";

const std::vector<std::string> kValues = {"allocator", "ops",   "trace", "compare",    "size",           "base",
                                          "header",    "align", "policy", "order",     "coalescing",     "page-size",
                                          "fit",       "mmap-threshold"};
const std::vector<std::string> kFlags = {"json", "help", "coalesce", "no-footers", "events", "check"};

std::vector<std::string> known_names() {
    std::vector<std::string> names;
    for (const auto& n : allocator_names()) names.push_back(n.name);
    names.push_back("ostep");
    names.push_back("glibc");
    return names;
}

Result<HeapConfig> config_for(const std::string& name) {
    const auto config = allocator_by_name(name);
    if (config) return *config;
    const std::string near = nearest(name, known_names());
    return fail("unknown allocator '" + name + "'" + (near.empty() ? "" : "; did you mean '" + near + "'?"));
}

// A number option: --name VALUE, parsed with `parse`, or the fallback when absent.
template <class T, class Parse>
Result<T> number(const Args& args, const std::string& name, T fallback, Parse parse) {
    const auto text = args.value(name);
    if (!text) return fallback;
    const auto value = parse(*text);
    if (!value) return fail("--" + name + " expects a number, found '" + *text + "'");
    return static_cast<T>(*value);
}

Result<HeapConfig> apply_options(HeapConfig c, const Args& args) {
    if (const auto fit = args.value("fit")) {
        const auto parsed = fit_by_name(*fit);
        if (!parsed) return fail("--fit expects first, next, best or worst, found '" + *fit + "'");
        c.fit = *parsed;
    }
    if (const auto order = args.value("order")) {
        const auto parsed = order_by_name(*order);
        if (!parsed) return fail("--order expects address, lifo, fifo, size-asc or size-desc, found '" + *order + "'");
        c.order = *parsed;
    }
    if (const auto mode = args.value("coalescing")) {
        const auto parsed = coalescing_by_name(*mode);
        if (!parsed) return fail("--coalescing expects immediate, deferred or off, found '" + *mode + "'");
        c.coalescing = *parsed;
    }
    const auto header = number<std::uint32_t>(args, "header", c.header_size, parse_u64);
    const auto align = number<std::uint32_t>(args, "align", c.alignment, parse_u64);
    const auto size = number<std::uint64_t>(args, "size", c.max_heap, parse_size);
    const auto page = number<std::uint64_t>(args, "page-size", c.page_size, parse_size);
    const auto mmap = number<std::uint64_t>(args, "mmap-threshold", c.mmap_threshold, parse_size);
    for (const auto* r : {&header, &align}) if (!*r) return tl::unexpected(r->error());
    for (const auto* r : {&size, &page, &mmap}) if (!*r) return tl::unexpected(r->error());
    c.header_size = *header;
    c.alignment = *align;
    c.max_heap = *size;
    c.page_size = *page;
    c.mmap_threshold = *mmap;
    if (args.flag("no-footers")) c.footers = false;
    const std::string problem = validate(c);
    if (!problem.empty()) return fail(problem);
    return c;
}

Result<Trace> load_heap_trace(const Args& args) {
    const auto ops = args.value("ops");
    const auto file = args.value("trace");
    if (ops.has_value() == file.has_value()) return fail("give exactly one of --ops and --trace");
    if (ops) {
        const auto trace = trace_from_op_list(*ops);
        if (!trace) return fail("--ops " + trace.error().to_string());
        return trace;
    }
    const auto text = read_file(*file);
    if (!text) return tl::unexpected(text.error());
    const auto trace = parse_rep(*text);
    if (!trace) return fail(*file + ":" + trace.error().to_string());
    return trace;
}

int run_ostep_command(const Args& args, std::ostream& out, std::ostream& err) {
    OstepConfig c;
    const auto size = number<std::int64_t>(args, "size", c.size, parse_i64);
    const auto base = number<std::int64_t>(args, "base", c.base, parse_i64);
    const auto header = number<std::int64_t>(args, "header", c.header, parse_i64);
    const auto align = number<std::int64_t>(args, "align", c.align, parse_i64);
    for (const auto* r : {&size, &base, &header, &align})
        if (!*r) return bad_input(err, "heap", r->error().message);
    c.size = *size;
    c.base = *base;
    c.header = *header;
    c.align = *align;
    c.coalesce = args.flag("coalesce");
    if (const auto policy = args.value("policy")) {
        const auto parsed = ostep_policy_by_name(*policy);
        if (!parsed) return bad_input(err, "heap", "--policy expects BEST, WORST or FIRST, found '" + *policy + "'");
        c.policy = *parsed;
    }
    if (const auto order = args.value("order")) {
        const auto parsed = ostep_order_by_name(*order);
        if (!parsed)
            return bad_input(err, "heap", "--order expects ADDRSORT, SIZESORT+, SIZESORT-, INSERT-FRONT or INSERT-BACK, found '" + *order + "'");
        c.order = *parsed;
    }
    const auto ops_text = args.value("ops");
    if (!ops_text) return bad_input(err, "heap", "the ostep model needs --ops \"+10,-0,...\"");
    const auto ops = parse_op_list(*ops_text);
    if (!ops) return bad_input(err, "heap", "--ops " + ops.error().to_string());
    const auto steps = run_ostep(c, *ops);
    if (!steps) return bad_input(err, "heap", steps.error().to_string());
    if (args.flag("json")) out << report::ostep_json(c, *steps).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else out << ostep_transcript(c, *steps);
    return exit_ok;
}

// The glibc model: one line per op (as the real-glibc replay driver prints), with the
// events of each op in words under it when asked; --check runs the heap checker each op.
int run_glibc_command(const Args& args, const Trace& trace, std::ostream& out) {
    std::vector<GlibcEvent> events;
    std::vector<std::uint32_t> event_ops;
    const bool explain_ops = args.flag("events");
    const GlibcRun run = run_glibc_trace(trace, {.check_every_op = args.flag("check"),
                                                 .events = explain_ops ? &events : nullptr,
                                                 .event_ops = explain_ops ? &event_ops : nullptr});
    if (!explain_ops) {
        out << run.offsets;
    } else {
        std::size_t e = 0;
        std::uint32_t op = 0;
        bool header = true;  // the mmap-base line belongs to no op
        for (const auto line : split_lines(run.offsets)) {
            if (line.empty()) continue;
            out << line << "\n";
            if (std::exchange(header, false)) continue;
            for (; e < events.size() && event_ops[e] == op; ++e) out << "    " << heap::explain(events[e]) << "\n";
            ++op;
        }
    }
    for (const auto& v : run.problems) out << "check after op " << run.problem_op << ": " << hex(v.addr) << ": " << v.message << "\n";
    return run.problems.empty() ? exit_ok : exit_failed;
}

std::string percent(double ratio) {
    char text[32];
    std::snprintf(text, sizeof text, "%.1f%%", ratio * 100.0);
    return text;
}

void print_run(const TraceRun& run, std::ostream& out) {
    for (const auto& op : run.ops) {
        const char* verb = op.kind == TraceOpKind::Alloc     ? "malloc"
                           : op.kind == TraceOpKind::Realloc ? "realloc"
                           : op.kind == TraceOpKind::Calloc  ? "calloc"
                                                             : "free";
        out << verb << " id " << op.id;
        if (op.kind != TraceOpKind::Free)
            out << " size " << op.size << " -> " << (op.ptr ? hex(op.ptr) : "NULL") << " (searched " << op.searched << ")";
        out << (op.ok ? "" : "  [error]") << "\n";
    }
    for (const auto& e : run.errors) out << "! " << heap::explain(e) << "\n";
    out << "blocks:\n";
    for (const auto& b : run.blocks)
        out << "  " << hex(b.block) << "  " << b.size << (b.allocated ? " allocated" : " free")
            << (b.allocated ? ", " + std::to_string(b.requested) + " requested" : "") << (b.mapped ? " (mmap)" : "") << "\n";
    const auto& m = run.metrics;
    out << run.allocator << ": util " << percent(m.utilisation()) << ", ops " << run.ops.size() << ", heap "
        << m.heap_size << " bytes (peak " << m.peak_heap_size << "), internal fragmentation "
        << m.internal_fragmentation << " bytes, external fragmentation " << percent(m.external_fragmentation())
        << ", searched " << m.searched_total << " (max " << m.searched_max << "), brk " << m.brk_calls << ", mmap "
        << m.mmap_calls << "\n";
}

void print_comparison(const std::vector<TraceRun>& rows, std::ostream& out) {
    char line[160];
    std::snprintf(line, sizeof line, "%-20s %8s %10s %8s %10s %12s %8s\n", "allocator", "util", "internal", "external",
                  "searched", "heap bytes", "failed");
    out << line;
    for (const auto& r : rows) {
        const auto& m = r.metrics;
        std::snprintf(line, sizeof line, "%-20s %8s %10llu %8s %10.2f %12llu %8llu\n", r.allocator.c_str(),
                      percent(m.utilisation()).c_str(), static_cast<unsigned long long>(m.internal_fragmentation),
                      percent(m.external_fragmentation()).c_str(), m.searched_mean(),
                      static_cast<unsigned long long>(m.peak_heap_size), static_cast<unsigned long long>(m.failures));
        out << line;
    }
}

int run_compare(const Args& args, const Trace& trace, std::ostream& out, std::ostream& err) {
    std::vector<HeapConfig> configs;
    std::vector<std::string> names;
    if (const auto main = args.value("allocator")) names.push_back(*main);
    const std::string list = args.value("compare").value_or("");
    for (const auto name : split_any(list, ",")) names.emplace_back(trim(name));
    for (const auto& name : names) {
        if (name == "ostep") return bad_input(err, "heap", "the ostep model has its own output and cannot be compared");
        const auto config = config_for(name);
        if (!config) return bad_input(err, "heap", config.error().message);
        const auto tuned = apply_options(*config, args);
        if (!tuned) return bad_input(err, "heap", tuned.error().message);
        configs.push_back(*tuned);
    }
    const auto rows = compare(configs, trace);
    if (args.flag("json")) out << report::heap_comparison_json(rows).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else print_comparison(rows, out);
    return exit_ok;
}

int run_heap(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    const auto args = Args::parse(argv, kValues, kFlags);
    if (!args) return bad_input(err, "heap", args.error().message);
    if (args->flag("help")) {
        out << kUsage;
        return exit_ok;
    }
    const auto name = args->value("allocator");
    if (!name && !args->value("compare")) return bad_input(err, "heap", "--allocator NAME is required\n" + std::string(kUsage));
    if (name && *name == "ostep") return run_ostep_command(*args, out, err);
    const auto trace = load_heap_trace(*args);
    if (!trace) return bad_input(err, "heap", trace.error().message);
    if (args->value("compare")) return run_compare(*args, *trace, out, err);
    if (*name == "glibc" && !args->flag("json")) return run_glibc_command(*args, *trace, out);
    const auto config = config_for(*name);
    if (!config) return bad_input(err, "heap", config.error().message);
    const auto tuned = apply_options(*config, *args);
    if (!tuned) return bad_input(err, "heap", tuned.error().message);
    const TraceRun run = run_trace(*tuned, *trace);
    if (args->flag("json")) out << report::heap_run_json(*tuned, run).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    else print_run(run, out);
    return exit_ok;
}

MEMSIM_COMMAND("heap", "Simulate malloc and free with a chosen allocator", run_heap);

}  // namespace
}  // namespace memsim::cli
