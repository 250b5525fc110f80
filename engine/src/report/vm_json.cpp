#include "memsim/report/vm_json.hpp"

#include <string>

namespace memsim::report {

using nlohmann::json;

namespace {

json optional_page(const std::optional<std::uint64_t>& page) { return page ? json(*page) : json(nullptr); }

double ratio(std::uint64_t part, std::uint64_t whole) {
    return whole == 0 ? 0.0 : static_cast<double>(part) / static_cast<double>(whole);
}

}  // namespace

json to_json(const vm::ReplaceRun& run) {
    json out = {
        {"policy", std::string(vm::policy_name(run.config.policy.kind))},
        {"frames", run.config.frames},
        {"references", run.references},
        {"hits", run.hits},
        {"faults", run.faults},
        {"writebacks", run.writebacks},
        {"hit_ratio", ratio(run.hits, run.references)},
    };
    json steps = json::array();
    for (const auto& s : run.steps) {
        json resident = json::array();
        json frames = json::array();
        for (const auto& page : s.frames) {
            if (page) resident.push_back(*page);
            frames.push_back(optional_page(page));
        }
        steps.push_back({{"page", s.page}, {"write", s.write}, {"hit", s.hit}, {"frame", s.frame},
                         {"victim", optional_page(s.victim)}, {"writeback", s.writeback},
                         {"resident", resident}, {"frames", frames}});
    }
    out["steps"] = steps;
    return out;
}

json to_json(const vm::SweepResult& sweep) {
    json points = json::array();
    for (const auto& p : sweep.points) points.push_back({{"frames", p.frames}, {"faults", p.faults}});
    return {{"sweep", points}, {"anomalies", sweep.anomalies}};
}

}  // namespace memsim::report
