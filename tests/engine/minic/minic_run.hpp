#pragma once
// Test helpers: compile and run a MiniC program on a FlatHost, keeping every event.
#include <catch2/catch.hpp>

#include <fstream>
#include <optional>
#include <sstream>
#include <string>

#include "memsim/minic/flat_host.hpp"
#include "memsim/minic/interpreter.hpp"

namespace minic_test {

using namespace memsim::minic;

struct Run {
    FlatHost host;
    std::optional<Interpreter> interpreter;
    std::vector<Event> events;

    std::size_t count(EventKind kind) const {
        std::size_t n = 0;
        for (const Event& e : events) n += e.kind == kind ? 1 : 0;
        return n;
    }
    const Event* first(EventKind kind) const {
        for (const Event& e : events) {
            if (e.kind == kind) return &e;
        }
        return nullptr;
    }
};

inline std::string read_program(const std::string& name) {
    std::ifstream in(std::string(MEMSIM_SOURCE_DIR) + "/tests/engine/minic/programs/" + name);
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

inline std::string compile_error(const std::string& source, DataModel model = DataModel::Lp64) {
    const auto program = compile(source, CompileOptions{.model = model});
    if (program) return "(compiled)";
    return program.error().to_string();
}

inline Run run_source(const std::string& source, DataModel model = DataModel::Lp64, std::uint64_t steps = 1'000'000) {
    const auto program = compile(source, CompileOptions{.model = model});
    if (!program) FAIL("compile error: " << program.error().to_string());
    Run run{FlatHost(FlatHostConfig::for_model(model)), std::nullopt, {}};
    run.interpreter.emplace(*program, InterpreterConfig{.step_limit = steps});
    run.interpreter->run(run.host, &run.events);
    return run;
}

inline Run run_file(const std::string& name, DataModel model = DataModel::Lp64, std::uint64_t steps = 1'000'000) {
    return run_source(read_program(name), model, steps);
}

}  // namespace minic_test
