// memsim minic FILE.c [--json] [--steps N] [--trace] [--model ilp32|lp64]: runs a MiniC
// program on the flat test machine and prints its output, then a summary.
#include <nlohmann/json.hpp>
#include <ostream>

#include "command.hpp"
#include "memsim/core/text.hpp"
#include "memsim/minic/flat_host.hpp"
#include "memsim/minic/interpreter.hpp"

namespace memsim::cli {
namespace {

using namespace memsim::minic;

void print_summary(const Interpreter& run, const FlatHost& host, const std::vector<std::string>& errors, std::ostream& out) {
    out << "--- " << status_name(run.status());
    if (run.status() == Status::Exited) out << " with code " << run.exit_code();
    if (!run.stop_reason().empty()) out << ": " << run.stop_reason();
    out << "\nsteps: " << run.steps() << "\ncalls: " << run.calls() << "\nmax depth: " << run.max_depth()
        << "\nheap blocks: " << host.blocks().size() << " (" << host.leaked_blocks() << " never freed)"
        << "\nlearner errors: " << run.learner_errors() << "\n";
    for (const std::string& e : errors) out << "  " << e << "\n";
}

nlohmann::json summary_json(const Interpreter& run, const FlatHost& host, const std::vector<std::string>& errors) {
    return nlohmann::json{{"status", status_name(run.status())},
                          {"exit_code", run.exit_code()},
                          {"stop_reason", run.stop_reason()},
                          {"steps", run.steps()},
                          {"calls", run.calls()},
                          {"max_depth", run.max_depth()},
                          {"learner_errors", run.learner_errors()},
                          {"errors", errors},
                          {"heap_blocks", host.blocks().size()},
                          {"leaked_blocks", host.leaked_blocks()},
                          {"leaked_bytes", host.leaked_bytes()},
                          {"output", valid_utf8(host.output())}};
}

int run_minic(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    const auto args = Args::parse(argv, {"steps", "model"}, {"json", "trace", "help"});
    if (!args) return bad_input(err, "minic", args.error().message);
    if (args->flag("help") || args->positional().size() != 1) {
        (args->flag("help") ? out : err) << "usage: memsim minic FILE.c [--json] [--steps N] [--trace] [--model ilp32|lp64]\n"
                                            "Runs a MiniC program on a flat test machine: its output, then a summary.\n";
        return args->flag("help") ? exit_ok : exit_bad_input;
    }
    const std::string& path = args->positional().front();
    std::uint64_t steps = 10'000'000;
    if (auto text = args->value("steps")) {
        const auto parsed = parse_u64(*text);
        if (!parsed || *parsed == 0) return bad_input(err, "minic", "--steps needs a positive number, not '" + *text + "'");
        steps = *parsed;
    }
    const std::string model_name = args->value("model").value_or("lp64");
    if (model_name != "lp64" && model_name != "ilp32") {
        return bad_input(err, "minic", "--model is ilp32 or lp64, not '" + model_name + "'");
    }
    const DataModel model = model_name == "lp64" ? DataModel::Lp64 : DataModel::Ilp32;
    const auto source = read_file(path);
    if (!source) return bad_input(err, "minic", source.error().message);
    const auto program = compile(*source, CompileOptions{.model = model});
    if (!program) {
        err << path << ":" << program.error().to_string() << "\n";
        return exit_bad_input;
    }
    Interpreter run(*program, InterpreterConfig{.step_limit = steps, .statement_events = args->flag("trace")});
    FlatHost host(FlatHostConfig::for_model(model));
    const bool json = args->flag("json");
    std::vector<Event> events;
    std::vector<std::string> errors;
    nlohmann::json trace = nlohmann::json::array();
    while (run.running()) {
        events.clear();
        const std::uint64_t step = run.steps() + 1;
        run.step(host, &events);
        for (const Event& e : events) {
            if (is_learner_error(e)) errors.push_back(explain(e));
            if (json) {
                if (args->flag("trace")) {
                    trace.push_back({{"step", step}, {"kind", event_kind_name(e.kind)}, {"line", e.line}, {"explanation", explain(e)}});
                }
                continue;
            }
            if (e.kind == EventKind::Output) out << e.text;
            else if (args->flag("trace")) out << "[" << step << "] " << explain(e) << "\n";
        }
    }
    if (json) {
        nlohmann::json summary = summary_json(run, host, errors);
        if (args->flag("trace")) summary["trace"] = trace;
        out << summary.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
        if (!host.output().empty() && host.output().back() != '\n') out << "\n";
        print_summary(run, host, errors, out);
    }
    return exit_ok;
}

MEMSIM_COMMAND("minic", "Run a MiniC program (a C subset) on a flat test machine", run_minic);

}  // namespace
}  // namespace memsim::cli
