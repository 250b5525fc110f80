// memsim tlb: runs a trace through the MMU (TLB, page table, frames, swap) and reports
// TLB hit ratio, faults, write-backs and the effective access time.
#include <algorithm>
#include <iomanip>
#include <ostream>

#include "memsim/core/text.hpp"
#include "memsim/report/vm_json.hpp"
#include "memsim/vm/mmu.hpp"
#include "vm_args.hpp"

namespace memsim::cli {
namespace {

constexpr const char* tlb_usage =
    "usage: memsim tlb (--refs \"1,2w,3\" | --trace FILE [--format refs|rw|lackey])\n"
    "                  [--layout x86-32|x86-64|teaching|linear] [--frames N] [--policy P]\n"
    "                  [--tlb-entries N] [--tlb-ways W] [--tlb-policy lru|fifo|random]\n"
    "                  [--table radix|inverted] [--tlb-ns T] [--memory-ns M] [--disk-ns D]\n"
    "                  [--scope global|local] [--allocation equal|proportional] [--no-asid] [--json]\n"
    "Every page of the trace is mapped read/write (demand-zero) in its process; page numbers\n"
    "become addresses with the layout's page size (which also reads rw/lackey files).\n"
    "rw lines may name a process (\"P1 R 0x1000\"): each gets its own page table; the TLB is\n"
    "tagged with ASIDs, or flushed at every switch with --no-asid. Local replacement shares\n"
    "the frames equally or in proportion to the pages each process touches.\n";

int run_tlb(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    std::vector<std::string> values{"frames", "table", "tlb-ns", "memory-ns", "disk-ns", "layout", "scope", "allocation"};
    values.insert(values.end(), policy_option_names.begin(), policy_option_names.end());
    values.insert(values.end(), trace_option_names.begin(), trace_option_names.end());
    values.insert(values.end(), tlb_option_names.begin(), tlb_option_names.end());
    const std::vector<std::string> flags{"json", "no-asid", "help"};
    const auto args = Args::parse(argv, values, flags);
    if (!args) return bad_input(err, "tlb", args.error().message);
    if (args->flag("help")) {
        out << tlb_usage;
        return exit_ok;
    }
    const auto layout = vm::layout_preset(args->value("layout").value_or("x86-32"));
    if (!layout) return bad_input(err, "tlb", layout.error().message);
    if (args->value("page-size")) return bad_input(err, "tlb", "the page size comes from --layout here");
    const auto policy = policy_options(*args, "lru");
    if (!policy) return bad_input(err, "tlb", policy.error().message);
    const auto frames = number_option(*args, "frames", 16, 1, 1u << 20);
    const auto tlb = tlb_options(*args, 16);
    const auto tlb_ns = number_option(*args, "tlb-ns", 1, 0, 1u << 30);
    const auto memory_ns = number_option(*args, "memory-ns", 100, 0, 1u << 30);
    const auto disk_ns = number_option(*args, "disk-ns", 8000000, 0, std::uint64_t{1} << 40);
    for (const auto* r : {&frames, &tlb_ns, &memory_ns, &disk_ns}) {
        if (!*r) return bad_input(err, "tlb", r->error().message);
    }
    if (!tlb) return bad_input(err, "tlb", tlb.error().message);
    const std::string table = args->value("table").value_or("radix");
    if (table != "radix" && table != "inverted") {
        return bad_input(err, "tlb", "unknown --table '" + table + "' (expected radix or inverted)");
    }
    std::vector<std::string> trace_argv = argv;
    trace_argv.push_back("--page-size=" + std::to_string(layout->page_size()));
    const auto trace_args = Args::parse(trace_argv, values, flags);
    const auto trace = load_trace(*trace_args);
    if (!trace) return bad_input(err, "tlb", trace.error().to_string());
    const std::string scope = args->value("scope").value_or("global");
    const std::string allocation = args->value("allocation").value_or("equal");
    if (scope != "global" && scope != "local") return bad_input(err, "tlb", "--scope is global or local, not '" + scope + "'");
    if (allocation != "equal" && allocation != "proportional") {
        return bad_input(err, "tlb", "--allocation is equal or proportional, not '" + allocation + "'");
    }
    const auto process_of = [&](std::size_t i) { return trace->processes.empty() ? 0u : trace->processes[i]; };
    std::vector<vm::ProcessSpec> processes(1, {"P0", 0});
    for (std::size_t i = 0; i < trace->pages.size(); ++i) {
        if (process_of(i) >= 64) return bad_input(err, "tlb", "at most 64 processes (P0..P63)");
        while (processes.size() <= process_of(i)) processes.push_back({"P" + std::to_string(processes.size()), 0});
    }
    const vm::MmuConfig config{
        .layout = *layout, .frames = static_cast<std::uint32_t>(*frames), .policy = *policy, .tlb = *tlb,
        .asid = !args->flag("no-asid"), .scope = scope == "global" ? vm::Scope::Global : vm::Scope::Local,
        .allocation = allocation == "equal" ? vm::Allocation::Equal : vm::Allocation::Proportional,
        .table = table == "radix" ? vm::TableKind::Radix : vm::TableKind::Inverted,
        .latencies = {.tlb = static_cast<double>(*tlb_ns), .memory = static_cast<double>(*memory_ns),
                      .disk = static_cast<double>(*disk_ns)}};
    // Map every touched page first, counting each process's pages for proportional shares.
    std::vector<std::vector<std::uint64_t>> touched(processes.size());
    for (std::size_t i = 0; i < trace->pages.size(); ++i) {
        const std::uint64_t page = trace->pages[i];
        if ((page >> layout->vpn_bits()) != 0) {
            return bad_input(err, "tlb", "page " + hex(page) + " does not fit the " + layout->name + " layout");
        }
        touched[process_of(i)].push_back(page);
    }
    for (std::size_t p = 0; p < processes.size(); ++p) {
        std::sort(touched[p].begin(), touched[p].end());
        touched[p].erase(std::unique(touched[p].begin(), touched[p].end()), touched[p].end());
        processes[p].size = touched[p].size();
    }
    auto mmu = vm::Mmu::create(config, processes);
    if (!mmu) return bad_input(err, "tlb", mmu.error().message);
    for (std::uint32_t p = 0; p < processes.size(); ++p) {
        for (const auto page : touched[p]) mmu->map(p, page << layout->offset_bits, layout->page_size(), {});
    }
    for (std::size_t i = 0; i < trace->pages.size(); ++i) {
        mmu->access(process_of(i), trace->pages[i] << layout->offset_bits,
                    trace->writes[i] ? vm::AccessKind::Write : vm::AccessKind::Read);
    }
    const auto& s = mmu->stats();
    auto json = report::to_json(s);
    json["layout"] = report::to_json(*layout);
    json["frames"] = *frames;
    json["policy"] = std::string(vm::policy_name(policy->kind));
    json["tlb"] = {{"entries", tlb->entries}, {"ways", tlb->ways == 0 ? tlb->entries : tlb->ways},
                   {"replacement", std::string(vm::tlb_replacement_name(tlb->replacement))}};
    json["table"] = table;
    json["processes"] = processes.size();
    json["scope"] = scope;
    json["asid"] = config.asid;
    json["effective_access_time_ns"] = mmu->effective_access_time();
    if (args->flag("json")) {
        out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return exit_ok;
    }
    const double lookups = static_cast<double>(std::max<std::uint64_t>(s.tlb_hits + s.tlb_misses, 1));
    out << s.accesses << " accesses, layout " << layout->name << ", " << *frames << " frames, "
        << vm::policy_name(policy->kind) << ", TLB " << tlb->entries << " entries, " << processes.size()
        << " process" << (processes.size() == 1 ? "" : "es") << ", " << scope << " replacement\n"
        << "TLB hits " << s.tlb_hits << ", misses " << s.tlb_misses << ", hit ratio " << std::fixed
        << std::setprecision(1) << 100.0 * static_cast<double>(s.tlb_hits) / lookups << "%\n"
        << "page faults " << s.page_faults << " (minor " << s.minor_faults << ", major " << s.major_faults
        << "), evictions " << s.evictions << ", writebacks " << s.writebacks << "\n"
        << "page-table entries read " << s.walk_accesses << ", process switches " << s.switches
        << ", TLB flushes " << s.tlb_flushes << "\n"
        << "effective access time " << std::setprecision(1) << mmu->effective_access_time() << " ns\n";
    return exit_ok;
}

MEMSIM_COMMAND("tlb", "TLB and MMU: hit ratio, faults and effective access time of a trace", run_tlb);

}  // namespace
}  // namespace memsim::cli
