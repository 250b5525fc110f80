// memsim replace: runs a page-replacement policy over a reference string or trace.
#include <algorithm>
#include <iomanip>
#include <ostream>
#include <sstream>

#include "memsim/core/text.hpp"
#include "memsim/report/vm_json.hpp"
#include "memsim/vm/explain.hpp"
#include "memsim/vm/replace.hpp"
#include "memsim/vm/sweep.hpp"
#include "vm_args.hpp"

namespace memsim::cli {
namespace {

constexpr const char* usage =
    "usage: memsim replace --policy P --frames N (--refs \"7,0,1,...\" | --trace FILE\n"
    "                      [--format refs|rw|lackey] [--page-size B]) [--sweep MIN-MAX] [--json]\n"
    "                      [--summary] [--explain] [--aging-bits B] [--tick T] [--tau T] [--seed S]\n"
    "policies: fifo lru opt clock second-chance nru lfu mfu nfu aging wsclock random mru\n"
    "--refs pages may end in w to mark a write (\"1,2w,3\"); --summary leaves out the steps;\n"
    "--explain says in words what each step did.\n";

Result<std::pair<std::uint32_t, std::uint32_t>> parse_range(const std::string& text) {
    const auto dash = text.find('-');
    const auto lo = parse_u64(text.substr(0, dash));
    const auto hi = dash == std::string::npos ? std::nullopt : parse_u64(text.substr(dash + 1));
    if (!lo || !hi || *lo < 1 || *lo > *hi || *hi > (1u << 20)) {
        return fail("--sweep needs MIN-MAX with 1 <= MIN <= MAX <= 1048576, not '" + text + "'");
    }
    return std::make_pair(static_cast<std::uint32_t>(*lo), static_cast<std::uint32_t>(*hi));
}

std::string cell(const std::optional<std::uint64_t>& page) { return page ? std::to_string(*page) : "-"; }

void print_table(const vm::ReplaceRun& run, bool explain, std::ostream& out) {
    out << "policy " << vm::policy_name(run.config.policy.kind) << ", " << run.config.frames << " frames, "
        << run.references << " references\n";
    int width = 4;  // columns grow with the longest page number
    for (const auto& s : run.steps) width = std::max(width, static_cast<int>(std::to_string(s.page).size()));
    if (!run.steps.empty()) {
        out << "  step " << std::setw(width + 1) << "page" << "   result " << std::setw(width + 1) << "victim"
            << "  frames\n";
    }
    for (std::size_t i = 0; i < run.steps.size(); ++i) {
        const auto& s = run.steps[i];
        std::string frames;
        for (const auto& p : s.frames) frames += (frames.empty() ? "" : " ") + cell(p);
        out << std::setw(6) << i + 1 << " " << std::setw(width + 1) << s.page << (s.write ? "w " : "  ")
            << std::setw(6) << (s.hit ? "hit" : "fault") << " " << std::setw(width + 1)
            << (cell(s.victim) + (s.writeback ? "*" : " ")) << "  " << frames << "\n";
        if (explain) out << "        " << vm::explain(s, run.config.policy.kind) << "\n";
    }
    out << "faults " << run.faults << ", hits " << run.hits << ", writebacks " << run.writebacks;
    if (!run.steps.empty() && run.writebacks > 0) out << " (* = dirty victim written to swap)";
    out << "\n";
}

int run_replace(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    std::vector<std::string> values{"frames", "sweep"};
    values.insert(values.end(), policy_option_names.begin(), policy_option_names.end());
    values.insert(values.end(), trace_option_names.begin(), trace_option_names.end());
    const auto args = Args::parse(argv, values, {"json", "summary", "explain", "help"});
    if (!args) return bad_input(err, "replace", args.error().message);
    if (args->flag("help")) {
        out << usage;
        return exit_ok;
    }
    if (!args->value("policy")) return bad_input(err, "replace", "--policy is required\n" + std::string(usage));
    if (!args->value("frames")) return bad_input(err, "replace", "--frames is required\n" + std::string(usage));
    const auto policy = policy_options(*args, "fifo");
    if (!policy) return bad_input(err, "replace", policy.error().message);
    const auto frames = number_option(*args, "frames", 3, 1, 1u << 24);
    if (!frames) return bad_input(err, "replace", frames.error().message);
    const auto trace = load_trace(*args);
    if (!trace) return bad_input(err, "replace", trace.error().to_string());
    if (!trace->processes.empty()) {
        return bad_input(err, "replace", "the trace names processes; replace runs one address space (see memsim tlb)");
    }
    const auto dense = vm::densify(*trace);
    const bool record = !args->flag("summary");
    const auto run = vm::run_replacement({.frames = static_cast<std::uint32_t>(*frames), .policy = *policy},
                                         dense, record);
    if (!run) return bad_input(err, "replace", run.error().message);
    auto json = report::to_json(*run);
    std::optional<vm::SweepResult> sweep;
    if (const auto range_text = args->value("sweep")) {
        const auto range = parse_range(*range_text);
        if (!range) return bad_input(err, "replace", range.error().message);
        auto result = vm::belady_sweep(*policy, dense, range->first, range->second);
        if (!result) return bad_input(err, "replace", result.error().message);
        json.update(report::to_json(*result));
        sweep = std::move(*result);
    }
    if (args->flag("json")) {
        out << json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return exit_ok;
    }
    print_table(*run, args->flag("explain"), out);
    if (sweep) {
        out << "sweep (frames: faults):";
        for (const auto& p : sweep->points) out << " " << p.frames << ":" << p.faults;
        out << "\nBelady anomalies at frame counts:";
        if (sweep->anomalies.empty()) out << " none";
        for (auto k : sweep->anomalies) out << " " << k;
        out << "\n";
    }
    return exit_ok;
}

MEMSIM_COMMAND("replace", "Page replacement: run a policy over a reference string or trace", run_replace);

}  // namespace
}  // namespace memsim::cli
