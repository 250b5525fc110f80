// memsim run FILE.msim [--json] [--until STEP] [--events] [--stdin FILE] [--args "a b"]
// and   memsim check FILE.msim
#include <cstdlib>
#include <iterator>
#include <optional>
#include <ostream>
#include <sstream>

#include "command.hpp"
#include "memsim/core/text.hpp"
#include "memsim/machine/lesson_check.hpp"
#include "memsim/machine/simulator.hpp"
#include "memsim/minic/interpreter.hpp"
#include "memsim/report/machine_json.hpp"

namespace memsim::cli {
namespace {

void print_summary(const machine::Simulator& sim, std::ostream& out) {
    const auto& s = sim.summary();
    const auto snap = sim.snapshot();
    out << sim.scenario().title << " (" << snap.kind << ")\n"
        << "  steps:          " << s.steps << (s.hit_step_limit ? " (stopped at the step limit)" : "") << "\n"
        << "  page faults:    " << s.page_faults << "\n";
    if (s.hits) out << "  hits:           " << s.hits << "\n";
    if (s.tlb_hits + s.tlb_misses) {
        out << "  TLB hit rate:   " << (100 * s.tlb_hits / (s.tlb_hits + s.tlb_misses)) << "% (" << s.tlb_hits << " hits, "
            << s.tlb_misses << " misses)\n";
    }
    out << "  writebacks:     " << s.writebacks << "\n";
    for (const auto& p : snap.processes) {
        out << "  process " << p.pid << ":      " << p.state << "; heap " << p.heap.heap_size << " bytes, "
            << p.heap.live_blocks << " live block(s), utilisation " << static_cast<int>(p.heap.utilisation() * 100) << "%\n";
    }
    out << "  learner errors: " << s.learner_errors << "\n";
    if (s.leaks) out << "  leaks:          " << s.leaks << "\n";
}

int run(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    const auto args = Args::parse(argv, {"until", "stdin", "args", "steps"}, {"json", "events", "help"});
    if (!args) return bad_input(err, "run", args.error().message);
    if (args->flag("help") || args->positional().size() != 1) {
        (args->flag("help") ? out : err) << "usage: memsim run FILE.msim [--json] [--until STEP] [--events] [--stdin FILE] [--args \"a b\"] [--steps N]\n"
                                            "  --steps: the most steps a run takes before it pauses (10000000; at most 1000000000)\n"
                                            "  --stdin and --args replace a program's `stdin` and `args` from the front matter\n";
        return args->flag("help") ? exit_ok : exit_bad_input;
    }
    const std::string& path = args->positional()[0];
    std::optional<std::uint64_t> until_option;
    if (const auto value = args->value("until")) {
        // parse_u64 refuses what does not fit in 64 bits (strtoull would saturate silently).
        until_option = parse_u64(*value);
        if (!until_option) {
            return bad_input(err, "run", "--until needs a step number from 0 to 18446744073709551615, got '" + *value + "'");
        }
    }
    // The command line reads big trace files (up to 256 MiB); the page keeps the 1 MiB default.
    constexpr std::size_t max_scenario_bytes = std::size_t{256} << 20;
    const auto text = read_file(path, max_scenario_bytes);
    if (!text) return bad_input(err, "run", text.error().message);
    machine::ProgramInput input;
    if (const auto file = args->value("stdin")) {
        auto bytes = read_file(*file, minic::max_stdin_bytes);
        if (!bytes) return bad_input(err, "run", bytes.error().message);
        input.stdin_text = std::move(*bytes);
    }
    if (const auto words = args->value("args")) {
        std::istringstream in(*words);
        input.args = std::vector<std::string>(std::istream_iterator<std::string>(in), std::istream_iterator<std::string>());
    }
    std::uint64_t max_steps = 10'000'000;
    if (const auto value = args->value("steps")) {
        const auto parsed = parse_u64(*value);
        if (!parsed || *parsed == 0 || *parsed > 1'000'000'000) {
            return bad_input(err, "run", "--steps needs a number of steps from 1 to 1000000000, not '" + *value + "'");
        }
        max_steps = *parsed;
    }
    auto sim = machine::Simulator::load(*text, machine::SimulatorLimits{.max_steps = max_steps, .checkpoint_interval = 1024,
                                                                        .max_scenario_bytes = max_scenario_bytes}, input);
    if (!sim) return bad_input(err, "run", located_errors(path, sim.error()));
    const std::uint64_t until = until_option ? *until_option : sim->total_steps();
    std::vector<machine::Event> log;
    if (args->flag("events")) log = sim->events_between(1, until);
    sim->seek(until);
    if (args->flag("json")) {
        auto j = report::state_json(*sim);
        if (args->flag("events")) j["log"] = report::to_json(log);
        out << j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        return exit_ok;
    }
    if (args->flag("events")) {
        for (const auto& e : log) {
            out << "[" << e.step << (e.line ? " line " + std::to_string(e.line) : std::string()) << "] "
                << (e.is_error ? "(!) " : "") << e.text << "\n";
        }
        out << "\n";
    }
    print_summary(*sim, out);
    return exit_ok;
}

int check(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    const auto args = Args::parse(argv, {}, {"help"});
    if (!args) return bad_input(err, "check", args.error().message);
    if (args->flag("help") || args->positional().empty()) {
        (args->flag("help") ? out : err) << "usage: memsim check FILE.msim...\n";
        return args->flag("help") ? exit_ok : exit_bad_input;
    }
    int status = exit_ok;
    for (const std::string& path : args->positional()) {
        const auto text = read_file(path);
        if (!text) {
            status = bad_input(err, "check", text.error().message);
            continue;
        }
        auto sim = machine::Simulator::load(*text, machine::SimulatorLimits{.max_steps = 1'000'000, .checkpoint_interval = 4096});
        if (!sim) {
            err << located_errors(path, sim.error()) << "\n";
            status = exit_bad_input;
            continue;
        }
        // A lesson's stated answers must be what the engine computes.
        const auto wrong = machine::check_lesson(*sim);
        for (const Error& e : wrong) err << path << ":" << e.to_string() << "\n";
        if (!wrong.empty()) {
            status = exit_bad_input;
            continue;
        }
        const auto questions = sim->scenario().teaching.questions.size();
        out << path << ": ok (" << sim->total_steps() << " steps"
            << (questions ? ", " + std::to_string(questions) + " answers checked" : std::string()) << ")\n";
    }
    return status;
}

MEMSIM_COMMAND("run", "Run a scenario file and summarise it (--events explains every step)", run);
MEMSIM_COMMAND("check", "Check scenario files for errors, with line and column", check);

}  // namespace
}  // namespace memsim::cli
