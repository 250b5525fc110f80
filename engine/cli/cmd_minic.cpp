// memsim minic FILE.c [--json] [--steps N] [--trace] [--model ilp32|lp64] [--stdin FILE]
// [--args "a b c"]: runs a MiniC program on the flat test machine and prints its output,
// then a summary.
#include <nlohmann/json.hpp>
#include <ostream>
#include <sys/stat.h>

#include <iostream>
#include <iterator>
#include <sstream>

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
                          {"output", valid_utf8(host.output())},
                          {"stderr", valid_utf8(host.error_output())}};
}

// Whether the program calls a function that reads standard input.
bool reads_stdin(const CompiledProgram& program) {
    for (const Instr& in : program.code) {
        if (in.op != Op::Builtin) continue;
        const auto id = static_cast<Builtin>(in.a);
        if (builtins()[static_cast<std::size_t>(in.a)].family == Family::Input && id != Builtin::Sscanf) return true;
    }
    return false;
}

// The CLI's own standard input, when it is a pipe or a file (never a terminal).
bool piped_stdin() {
    struct stat st{};
    return fstat(0, &st) == 0 && (S_ISFIFO(st.st_mode) || S_ISREG(st.st_mode));
}

// --args "a b c": the words, split at spaces.
std::vector<std::string> split_words(const std::string& text) {
    std::istringstream in(text);
    return {std::istream_iterator<std::string>(in), std::istream_iterator<std::string>()};
}

int run_minic(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    const auto args = Args::parse(argv, {"steps", "model", "stdin", "args"}, {"json", "trace", "help"});
    if (!args) return bad_input(err, "minic", args.error().message);
    if (args->flag("help") || args->positional().size() != 1) {
        (args->flag("help") ? out : err) << "usage: memsim minic FILE.c [--json] [--steps N] [--trace] [--model ilp32|lp64]\n"
                                            "                   [--stdin FILE] [--args \"a b c\"]\n"
                                            "Runs a MiniC program on a flat test machine: its output, then a summary.\n"
                                            "Standard input comes from --stdin FILE, else from a pipe or file given to\n"
                                            "memsim's own stdin (when the program reads input); --args gives argv[1..].\n";
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
        err << located_errors(path, program.error()) << "\n";
        return exit_bad_input;
    }
    auto input = std::make_shared<std::string>();
    if (auto file = args->value("stdin")) {
        const auto text = read_file(*file, max_stdin_bytes);
        if (!text) return bad_input(err, "minic", text.error().message);
        *input = *text;
    } else if (reads_stdin(**program) && piped_stdin()) {
        // One byte past the limit is enough to refuse it: an endless pipe is not read forever.
        std::vector<char> chunk(max_stdin_bytes + 1);
        std::cin.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
        input->assign(chunk.data(), static_cast<std::size_t>(std::cin.gcount()));
    }
    std::vector<std::string> program_args = split_words(args->value("args").value_or(""));
    if (const std::string why = check_program_input(program_args, input->size()); !why.empty()) return bad_input(err, "minic", why);
    Interpreter run(*program, InterpreterConfig{.step_limit = steps, .statement_events = args->flag("trace"),
                                                .stdin_text = input, .args = std::move(program_args)});
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
            if (e.kind == EventKind::Output) (e.value == 2 ? err : out) << e.text;
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
