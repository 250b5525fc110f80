// memsim workingset: the working-set size |W(t, delta)| over a trace, and the
// page-fault frequency of a policy over the same trace.
#include <algorithm>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <optional>
#include <ostream>

#include "memsim/vm/pager.hpp"
#include "memsim/vm/replacement/opt.hpp"
#include "memsim/vm/working_set.hpp"
#include "json_stream.hpp"
#include "vm_args.hpp"

namespace memsim::cli {
namespace {

constexpr const char* workingset_usage =
    "usage: memsim workingset (--refs \"1,2,1,3\" | --trace FILE [--format refs|rw|lackey] [--page-size B])\n"
    "                         --delta D [--frames N --policy P] [--window W] [--json]\n"
    "Prints |W(t, D)| for every reference (and W itself for traces up to 200 references), and\n"
    "the page-fault frequency over the last W references under the policy (default lru, 4 frames).\n";

int run_workingset(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    std::vector<std::string> values{"delta", "frames", "window"};
    values.insert(values.end(), policy_option_names.begin(), policy_option_names.end());
    values.insert(values.end(), trace_option_names.begin(), trace_option_names.end());
    const auto args = Args::parse(argv, values, {"json", "help"});
    if (!args) return bad_input(err, "workingset", args.error().message);
    if (args->flag("help")) {
        out << workingset_usage;
        return exit_ok;
    }
    if (!args->value("delta")) return bad_input(err, "workingset", "--delta is required\n" + std::string(workingset_usage));
    const auto delta = number_option(*args, "delta", 1, 1, std::uint64_t{1} << 40);
    const auto window = number_option(*args, "window", 10, 1, std::uint64_t{1} << 40);
    const auto frames = number_option(*args, "frames", 4, 1, 1u << 24);
    for (const auto* r : {&delta, &window, &frames}) {
        if (!*r) return bad_input(err, "workingset", r->error().message);
    }
    const auto policy = policy_options(*args, "lru");
    if (!policy) return bad_input(err, "workingset", policy.error().message);
    const auto loaded = load_dense_trace(*args);
    if (!loaded) return bad_input(err, "workingset", loaded.error().to_string());
    const vm::DenseTrace& dense = loaded->trace;
    const auto space = static_cast<std::uint32_t>(dense.pages.size());
    auto pager = vm::Pager::create({.frames = static_cast<std::uint32_t>(*frames), .policy = *policy}, space);
    if (!pager) return bad_input(err, "workingset", pager.error().message);
    const auto next = policy->kind == vm::PolicyKind::Opt ? vm::next_use_times(dense.ids, space)
                                                          : std::vector<std::uint64_t>{};
    // One row per reference, computed and printed as the trace runs: |W| and the fault
    // rate move by one reference at a time, so nothing per row is kept but the fault bit.
    const bool small = dense.ids.size() <= 200;
    const bool json_out = args->flag("json");
    std::vector<std::uint32_t> in_window(space, 0);  // references of each page among the last delta
    std::uint32_t size = 0;
    std::vector<std::uint8_t> faults(dense.ids.size(), 0);
    std::uint64_t recent_faults = 0;
    std::optional<JsonObjectStream> json;
    if (json_out) {
        json.emplace(out);
        json->field("delta", *delta);
        json->field("frames", *frames);
        json->field("policy", std::string(vm::policy_name(policy->kind)));
        json->begin_array("steps");
    } else {
        out << "     t   page  |W|  fault  pff    W(t, " << *delta << ")\n";
    }
    for (std::size_t t = 0; t < dense.ids.size(); ++t) {
        const std::uint32_t id = dense.ids[t];
        const bool write = !dense.writes.empty() && dense.writes[t] != 0;
        faults[t] = pager->access(id, write, next.empty() ? vm::never : next[t]).hit ? 0 : 1;
        if (in_window[id]++ == 0) ++size;
        if (t >= *delta && --in_window[dense.ids[t - static_cast<std::size_t>(*delta)]] == 0) --size;
        recent_faults += faults[t];
        if (t >= *window) recent_faults -= faults[t - static_cast<std::size_t>(*window)];
        const double pff = static_cast<double>(recent_faults) /
                           static_cast<double>(std::min<std::uint64_t>(*window, t + 1));
        std::vector<std::uint64_t> set;
        if (small) {
            for (const auto member : vm::working_set_at(dense.ids, t, *delta)) set.push_back(dense.pages[member]);
        }
        const std::uint64_t page = dense.pages[id];
        if (json) {
            nlohmann::json step = {{"page", page}, {"size", size}, {"fault", faults[t] != 0}, {"pff", pff}};
            if (small) step["working_set"] = set;
            json->element(step);
            continue;
        }
        out << std::setw(6) << t << std::setw(7) << page << std::setw(5) << size << std::setw(7)
            << (faults[t] ? "yes" : "") << std::setw(7) << std::fixed << std::setprecision(2) << pff;
        if (small) {
            out << "   {";
            for (std::size_t i = 0; i < set.size(); ++i) out << (i == 0 ? "" : ",") << set[i];
            out << "}";
        }
        out << "\n";
    }
    if (json) {
        json->end_array();
        json->field("window", *window);
        json->finish();
    }
    return exit_ok;
}

MEMSIM_COMMAND("workingset", "Working set W(t, delta) and page-fault frequency over a trace", run_workingset);

}  // namespace
}  // namespace memsim::cli
