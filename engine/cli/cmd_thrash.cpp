// memsim thrash: CPU utilisation against the degree of multiprogramming.
#include <iomanip>
#include <ostream>

#include "memsim/report/vm_json.hpp"
#include "memsim/vm/thrashing.hpp"
#include "vm_args.hpp"

namespace memsim::cli {
namespace {

constexpr const char* thrash_usage =
    "usage: memsim thrash [--wss 16,16,...] [--frames F] [--references N] [--quantum Q]\n"
    "                     [--service T] [--cold-every K] [--policy P] [--load-control] [--seed S] [--json]\n"
    "Runs the first d processes (d = 1..N) round-robin on F frames and prints CPU utilisation:\n"
    "it rises while the working sets fit and collapses (thrashing) once they do not.\n";

int run_thrash(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    std::vector<std::string> values{"wss", "frames", "references", "quantum", "service", "cold-every"};
    values.insert(values.end(), policy_option_names.begin(), policy_option_names.end());
    const auto args = Args::parse(argv, values, {"json", "load-control", "help"});
    if (!args) return bad_input(err, "thrash", args.error().message);
    if (args->flag("help")) {
        out << thrash_usage;
        return exit_ok;
    }
    vm::ThrashConfig config;
    if (const auto wss = args->value("wss")) {
        const auto list = number_list("wss", *wss);
        if (!list) return bad_input(err, "thrash", list.error().message);
        if (list->size() > 64) return bad_input(err, "thrash", "--wss takes at most 64 processes");
        config.working_sets.clear();
        for (auto w : *list) {
            if (w == 0 || w > (1u << 20)) return bad_input(err, "thrash", "working sets must be 1..1048576 pages");
            config.working_sets.push_back(static_cast<std::uint32_t>(w));
        }
    }
    const auto frames = number_option(*args, "frames", config.frames, 1, 1u << 20);
    const auto refs = number_option(*args, "references", config.references, 1, std::uint64_t{1} << 32);
    const auto quantum = number_option(*args, "quantum", config.quantum, 1, std::uint64_t{1} << 32);
    const auto service = number_option(*args, "service", config.fault_service, 0, std::uint64_t{1} << 32);
    const auto cold = number_option(*args, "cold-every", config.cold_every, 1, std::uint64_t{1} << 32);
    for (const auto* r : {&frames, &refs, &quantum, &service, &cold}) {
        if (!*r) return bad_input(err, "thrash", r->error().message);
    }
    const auto policy = policy_options(*args, "lru");
    if (!policy) return bad_input(err, "thrash", policy.error().message);
    config.frames = static_cast<std::uint32_t>(*frames);
    config.references = *refs;
    config.quantum = *quantum;
    config.fault_service = *service;
    config.cold_every = *cold;
    config.policy = *policy;
    config.load_control = args->flag("load-control");
    config.seed = policy->seed;
    const auto points = vm::thrashing_curve(config);
    if (!points) return bad_input(err, "thrash", points.error().message);
    if (args->flag("json")) {
        out << nlohmann::json{{"frames", config.frames}, {"working_sets", config.working_sets},
                               {"load_control", config.load_control},
                               {"policy", std::string(vm::policy_name(config.policy.kind))},
                               {"points", report::to_json(*points)}}
                   .dump(2, ' ', false, nlohmann::json::error_handler_t::replace)
            << "\n";
        return exit_ok;
    }
    out << config.frames << " frames, " << vm::policy_name(config.policy.kind) << ", fault service "
        << config.fault_service << ", load control " << (config.load_control ? "on" : "off") << "\n"
        << "degree active  sum(ws)  cpu%   fault rate  utilisation\n";
    for (const auto& p : *points) {
        const int bar = static_cast<int>(p.cpu_utilization * 40.0 + 0.5);
        out << std::setw(6) << p.degree << std::setw(7) << p.active << std::setw(9) << p.working_set_total
            << std::setw(6) << std::fixed << std::setprecision(1) << 100.0 * p.cpu_utilization << std::setw(13)
            << std::setprecision(4) << p.fault_rate << "  " << std::string(static_cast<std::size_t>(bar), '#') << "\n";
    }
    return exit_ok;
}

MEMSIM_COMMAND("thrash", "Thrashing: CPU utilisation against the degree of multiprogramming", run_thrash);

}  // namespace
}  // namespace memsim::cli
