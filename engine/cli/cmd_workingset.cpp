// memsim workingset: the working-set size |W(t, delta)| over a trace, and the
// page-fault frequency of a policy over the same trace.
#include <iomanip>
#include <nlohmann/json.hpp>
#include <ostream>

#include "memsim/vm/pager.hpp"
#include "memsim/vm/replacement/opt.hpp"
#include "memsim/vm/working_set.hpp"
#include "vm_args.hpp"

namespace memsim::cli {
namespace {

constexpr const char* usage =
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
        out << usage;
        return exit_ok;
    }
    if (!args->value("delta")) return bad_input(err, "workingset", "--delta is required\n" + std::string(usage));
    const auto delta = number_option(*args, "delta", 1, 1, std::uint64_t{1} << 40);
    const auto window = number_option(*args, "window", 10, 1, std::uint64_t{1} << 40);
    const auto frames = number_option(*args, "frames", 4, 1, 1u << 24);
    for (const auto* r : {&delta, &window, &frames}) {
        if (!*r) return bad_input(err, "workingset", r->error().message);
    }
    const auto policy = policy_options(*args, "lru");
    if (!policy) return bad_input(err, "workingset", policy.error().message);
    const auto trace = load_trace(*args);
    if (!trace) return bad_input(err, "workingset", trace.error().to_string());
    const auto dense = vm::densify(*trace);
    const auto space = static_cast<std::uint32_t>(dense.pages.size());
    const auto sizes = vm::working_set_sizes(dense.ids, *delta, space);
    auto pager = vm::Pager::create({.frames = static_cast<std::uint32_t>(*frames), .policy = *policy}, space);
    if (!pager) return bad_input(err, "workingset", pager.error().message);
    const auto next = policy->kind == vm::PolicyKind::Opt ? vm::next_use_times(dense.ids, space)
                                                          : std::vector<std::uint64_t>{};
    std::vector<std::uint8_t> faults;
    for (std::size_t i = 0; i < dense.ids.size(); ++i) {
        faults.push_back(pager->access(dense.ids[i], dense.writes[i] != 0, next.empty() ? vm::never : next[i]).hit ? 0 : 1);
    }
    const auto pff = vm::fault_frequency(faults, *window);
    const bool small = dense.ids.size() <= 200;
    nlohmann::json steps = nlohmann::json::array();
    for (std::size_t t = 0; t < dense.ids.size(); ++t) {
        nlohmann::json step = {{"page", dense.pages[dense.ids[t]]}, {"size", sizes[t]}, {"fault", faults[t] != 0},
                               {"pff", pff[t]}};
        if (small) {
            nlohmann::json set = nlohmann::json::array();
            for (const auto id : vm::working_set_at(dense.ids, t, *delta)) set.push_back(dense.pages[id]);
            step["working_set"] = set;
        }
        steps.push_back(step);
    }
    if (args->flag("json")) {
        out << nlohmann::json{{"delta", *delta}, {"window", *window}, {"frames", *frames},
                              {"policy", std::string(vm::policy_name(policy->kind))}, {"steps", steps}}
                   .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
        return exit_ok;
    }
    out << "     t   page  |W|  fault  pff    W(t, " << *delta << ")\n";
    for (std::size_t t = 0; t < steps.size(); ++t) {
        out << std::setw(6) << t << std::setw(7) << dense.pages[dense.ids[t]] << std::setw(5) << sizes[t]
            << std::setw(7) << (faults[t] ? "yes" : "") << std::setw(7) << std::fixed << std::setprecision(2) << pff[t];
        if (small) {
            out << "   {";
            bool first = true;
            for (const auto& p : steps[t]["working_set"]) {
                out << (first ? "" : ",") << p.get<std::uint64_t>();
                first = false;
            }
            out << "}";
        }
        out << "\n";
    }
    return exit_ok;
}

MEMSIM_COMMAND("workingset", "Working set W(t, delta) and page-fault frequency over a trace", run_workingset);

}  // namespace
}  // namespace memsim::cli
