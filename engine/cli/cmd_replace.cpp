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
#include "json_stream.hpp"
#include "vm_args.hpp"

namespace memsim::cli {
namespace {

constexpr const char* replace_usage =
    "usage: memsim replace --policy P --frames N (--refs \"7,0,1,...\" | --trace FILE\n"
    "                      [--format refs|rw|lackey] [--page-size B]) [--sweep MIN-MAX] [--json]\n"
    "                      [--summary] [--steps] [--explain] [--aging-bits B] [--tick T] [--tau T] [--seed S]\n"
    "policies: fifo lru opt clock second-chance nru lfu mfu nfu aging wsclock random mru\n"
    "--refs pages may end in w to mark a write (\"1,2w,3\"); --summary leaves out the steps;\n"
    "--explain says in words what each step did. --json lists every step in full up to 10000\n"
    "references; --steps lists them, for any length, one compact row each\n"
    "[page, write, hit, frame, victim, writeback].\n";

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

// Up to this many references `--json` lists every step in full; past it the steps are
// left out unless --steps asks for them, one compact row each.
constexpr std::uint64_t full_json_steps_limit = 10'000;
const nlohmann::json compact_step_fields = {"page", "write", "hit", "frame", "victim", "writeback"};

struct Output {
    bool json = false, summary = false, explain = false, compact_steps = false;
};

// The table, one row per reference as the run produces it (nothing is kept).
int print_table(const vm::PagerConfig& config, const vm::DenseTrace& trace, const vm::ReplaceRun& totals,
                const Output& how, std::ostream& out, std::ostream& err) {
    out << "policy " << vm::policy_name(config.policy.kind) << ", " << config.frames << " frames, "
        << totals.references << " references\n";
    // Columns grow with the longest page number (the largest page is the last in `pages`).
    const int width = std::max(4, static_cast<int>(std::to_string(trace.pages.back()).size()));
    if (!how.summary) {
        out << "  step " << std::setw(width + 1) << "page" << "   result " << std::setw(width + 1) << "victim"
            << "  frames\n";
        const auto row = [&](std::uint64_t i, const vm::ReplaceStep& s) {
            std::string frames;
            for (const auto& p : s.frames) frames += (frames.empty() ? "" : " ") + cell(p);
            if (s.unlisted_free_frames > 0) frames += " (" + std::to_string(s.unlisted_free_frames) + " free)";
            out << std::setw(6) << i + 1 << " " << std::setw(width + 1) << s.page << (s.write ? "w " : "  ")
                << std::setw(6) << (s.hit ? "hit" : "fault") << " " << std::setw(width + 1)
                << (cell(s.victim) + (s.writeback ? "*" : " ")) << "  " << frames << "\n";
            if (how.explain) out << "        " << vm::explain(s, config.policy.kind) << "\n";
        };
        const auto run = vm::run_replacement(config, trace, row);
        if (!run) return bad_input(err, "replace", run.error().message);
    }
    out << "faults " << totals.faults << ", hits " << totals.hits << ", writebacks " << totals.writebacks;
    if (!how.summary && totals.writebacks > 0) out << " (* = dirty victim written to swap)";
    out << "\n";
    return exit_ok;
}

std::string compact_row(const vm::ReplaceStep& s) {
    return "[" + std::to_string(s.page) + "," + (s.write ? "1" : "0") + "," + (s.hit ? "1" : "0") + "," +
           std::to_string(s.frame) + "," + (s.victim ? std::to_string(*s.victim) : "null") + "," +
           (s.writeback ? "1" : "0") + "]";
}

// The JSON document, its steps streamed between the fields that sort before and after them.
int print_json(const vm::PagerConfig& config, const vm::DenseTrace& trace, nlohmann::json fields,
               const Output& how, std::ostream& out, std::ostream& err) {
    fields.erase("steps");
    const bool full = !how.summary && !how.compact_steps && trace.ids.size() <= full_json_steps_limit;
    const bool compact = !how.summary && how.compact_steps;
    if (compact) fields["step_fields"] = compact_step_fields;
    if (!how.summary && !full && !compact) {
        fields["steps_left_out"] = "more than " + std::to_string(full_json_steps_limit) +
                                   " references; --steps gives one compact row per reference";
    }
    JsonObjectStream json(out);
    bool steps_written = false;
    const auto write_steps = [&]() -> bool {
        steps_written = true;
        json.begin_array("steps");
        if (full || compact) {
            const auto run = vm::run_replacement(config, trace, [&](std::uint64_t, const vm::ReplaceStep& s) {
                if (compact) json.raw_element(compact_row(s));
                else json.element(report::to_json(s));
            });
            if (!run) {
                bad_input(err, "replace", run.error().message);
                return false;
            }
        }
        json.end_array();
        return true;
    };
    for (const auto& [key, value] : fields.items()) {
        if (!steps_written && key > "steps" && !write_steps()) return exit_bad_input;
        json.field(key, value);
    }
    if (!steps_written && !write_steps()) return exit_bad_input;
    json.finish();
    return exit_ok;
}

int run_replace(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    std::vector<std::string> values{"frames", "sweep"};
    values.insert(values.end(), policy_option_names.begin(), policy_option_names.end());
    values.insert(values.end(), trace_option_names.begin(), trace_option_names.end());
    const auto args = Args::parse(argv, values, {"json", "summary", "explain", "steps", "help"});
    if (!args) return bad_input(err, "replace", args.error().message);
    if (args->flag("help")) {
        out << replace_usage;
        return exit_ok;
    }
    if (!args->value("policy")) return bad_input(err, "replace", "--policy is required\n" + std::string(replace_usage));
    if (!args->value("frames")) return bad_input(err, "replace", "--frames is required\n" + std::string(replace_usage));
    const auto policy = policy_options(*args, "fifo");
    if (!policy) return bad_input(err, "replace", policy.error().message);
    const auto frames = number_option(*args, "frames", 3, 1, 1u << 24);
    if (!frames) return bad_input(err, "replace", frames.error().message);
    std::optional<std::pair<std::uint32_t, std::uint32_t>> range;
    if (const auto range_text = args->value("sweep")) {
        const auto parsed = parse_range(*range_text);
        if (!parsed) return bad_input(err, "replace", parsed.error().message);
        range = *parsed;
    }
    const auto loaded = load_dense_trace(*args);
    if (!loaded) return bad_input(err, "replace", loaded.error().to_string());
    if (loaded->names_processes) {
        return bad_input(err, "replace", "the trace names processes; replace runs one address space (see memsim tlb)");
    }
    const vm::DenseTrace& dense = loaded->trace;
    const vm::PagerConfig config{.frames = static_cast<std::uint32_t>(*frames), .policy = *policy};
    // Totals first (the bulk mode is cheap): the table's title and the JSON's fields
    // before "steps" need them, and the steps then stream.
    const auto run = vm::run_replacement(config, dense, false);
    if (!run) return bad_input(err, "replace", run.error().message);
    auto fields = report::to_json(*run);
    std::optional<vm::SweepResult> sweep;
    if (range) {
        auto result = vm::belady_sweep(*policy, dense, range->first, range->second);
        if (!result) return bad_input(err, "replace", result.error().message);
        // The JSON of a million points takes hundreds of MB: built only when printed.
        if (args->flag("json")) fields.update(report::to_json(*result));
        sweep = std::move(*result);
    }
    const Output how{.json = args->flag("json"), .summary = args->flag("summary"), .explain = args->flag("explain"),
                     .compact_steps = args->flag("steps")};
    if (how.json) return print_json(config, dense, std::move(fields), how, out, err);
    if (const int code = print_table(config, dense, *run, how, out, err); code != exit_ok) return code;
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
