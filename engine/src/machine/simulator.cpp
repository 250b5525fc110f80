#include "memsim/machine/simulator.hpp"

#include <algorithm>

#include "memsim/core/text.hpp"
#include "memsim/ostep/ostep.hpp"
#include "memsim/ostep/scenario.hpp"
#include "memsim/machine/scenario_config.hpp"
#include "memsim/scenario/settings.hpp"
#include "memsim/vm/replacement/opt.hpp"

namespace memsim::machine {
namespace {

// Moves a body-relative error to file lines.
Error in_file(Error error, int body_first_line) {
    if (error.line > 0) error.line += body_first_line - 1;
    else error.line = body_first_line;
    return error;
}

// The file line of every reference, in order: for reference strings one per number, for
// R/W traces one per non-blank line. (A lackey line may touch several pages; those
// traces get no lines when the counts disagree.)
std::vector<int> reference_lines(const std::string& body, int first_line, bool one_per_line) {
    std::vector<int> lines;
    const auto text_lines = split_lines(body);
    for (std::size_t i = 0; i < text_lines.size(); ++i) {
        std::string_view line = text_lines[i];
        if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
        const std::size_t words = split_any(line, " ,\t;").size();
        const std::size_t references = one_per_line ? (words > 0 ? 1 : 0) : words;
        for (std::size_t k = 0; k < references; ++k) lines.push_back(first_line + static_cast<int>(i));
    }
    return lines;
}

Result<Simulator::Session> reference_session(const scenario::Scenario& s) {
    std::uint64_t page_size = 4096;
    auto config = read_pager_config(s, page_size);
    if (!config) return tl::unexpected(config.error());
    std::vector<Error> errors;
    scenario::SettingsReader trace_settings(*s.front_matter, "trace", errors, s.front_matter_first_line - 1);
    const std::string format = trace_settings.choice("format", s.kind == scenario::BodyKind::References ? "refs" : "rw",
                                                     {"refs", "rw", "lackey"});
    trace_settings.finish();
    if (!errors.empty()) return tl::unexpected(errors.front());
    auto parsed_format = vm::parse_trace_format(format);
    auto trace = vm::parse_trace(s.body, *parsed_format, vm::TraceOptions{.page_size = page_size, .va_bits = 64});
    if (!trace) return tl::unexpected(in_file(trace.error(), s.body_first_line));
    if (trace->pages.empty()) return fail("the body has no references; expected page numbers such as 7 0 1 2", s.body_first_line, 1);
    auto prepared = std::make_shared<PreparedTrace>();
    prepared->dense = vm::densify(*trace);
    const auto page_space = static_cast<std::uint32_t>(prepared->dense.pages.size());
    if (config->policy.kind == vm::PolicyKind::Opt) prepared->next_use = vm::next_use_times(prepared->dense.ids, page_space);
    prepared->lines = format == "lackey" ? std::vector<int>{} : reference_lines(s.body, s.body_first_line, format == "rw");
    if (prepared->lines.size() != prepared->dense.ids.size()) prepared->lines.assign(prepared->dense.ids.size(), 0);
    auto pager = vm::Pager::create(*config, page_space);
    if (!pager) return tl::unexpected(pager.error());
    return Simulator::Session(ReferenceSession(std::move(*pager), std::move(prepared)));
}

Result<Simulator::Session> heap_trace_session(const scenario::Scenario& s) {
    auto config = read_machine_config(s);
    if (!config) return tl::unexpected(config.error());
    const std::string_view body = trim(s.body);
    const bool op_list = body.starts_with("+") || body.starts_with("-");
    auto trace = op_list ? heap::trace_from_op_list(body) : heap::parse_rep(s.body);
    if (!trace) return tl::unexpected(in_file(trace.error(), s.body_first_line));
    // Trace lines count from the body (the op list from its first non-blank line); steps show file lines.
    const auto skipped = op_list ? std::count(s.body.data(), body.data(), '\n') : 0;
    for (heap::TraceOp& op : trace->ops) op.line += s.body_first_line - 1 + static_cast<int>(skipped);
    auto heap = heap::Heap::create(config->heap);
    if (!heap) return tl::unexpected(Error{s.front_matter_first_line, 1, "[heap]: " + heap.error().message});
    return Simulator::Session(HeapTraceSession(std::move(*heap), std::make_shared<heap::Trace>(std::move(*trace))));
}

Result<Simulator::Session> ops_session(const scenario::Scenario& s) {
    auto config = read_machine_config(s);
    if (!config) return tl::unexpected(config.error());
    auto ops = parse_ops(s.body, s.body_first_line, OpsLimits{.processes = config->processes});
    if (!ops) return tl::unexpected(ops.error());
    auto machine = Machine::create(*config);
    if (!machine) return tl::unexpected(Error{s.front_matter_first_line, 1, machine.error().message});
    return Simulator::Session(OpsSession(std::move(*machine), std::make_shared<std::vector<Op>>(std::move(*ops))));
}

// The body is one OSTEP command line ("relocation.py -s 1 -n 5"): the problem it poses.
Result<Simulator::Session> ostep_session(const scenario::Scenario& s) {
    const auto lines = split_lines(s.body);
    int line = s.body_first_line;
    std::string_view command;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string_view text = trim(lines[i].substr(0, lines[i].find('#')));
        if (text.empty()) continue;
        if (!command.empty()) return fail("an OSTEP body is one command line; this is a second one", line + static_cast<int>(i), 1);
        command = text;
        line = s.body_first_line + static_cast<int>(i);
    }
    std::vector<std::string> words = ostep::split_command_line(command);
    if (!words.empty() && (words[0] == "python3" || words[0] == "python")) words.erase(words.begin());
    if (words.empty()) return fail("the body has no command; expected one such as relocation.py -s 1", s.body_first_line, 1);
    const auto script = ostep::find_script(words[0]);
    if (!script || !ostep::has_problem_form(*script)) {
        return fail("expected relocation.py, segmentation.py, paging-linear-translate.py, paging-multilevel-translate.py, malloc.py or paging-policy.py, not '" +
                        words[0] + "'",
                    line, 1);
    }
    auto problem = ostep::ostep_problem(*script, std::vector<std::string>(words.begin() + 1, words.end()));
    if (!problem) return fail(*script + ": " + problem.error().message, line, 1);
    problem->command = std::string(command);
    return Simulator::Session(OstepSession(std::make_shared<const ostep::OstepProblem>(std::move(*problem)), line));
}

bool session_done(const Simulator::Session& session) {
    return std::visit([](const auto& s) { return s.done(); }, session);
}

void advance_session(Simulator::Session& session, std::vector<Event>* sink) {
    std::visit([&](auto& s) { s.advance(sink); }, session);
}

// About the bytes a checkpoint of the session takes, for the history's budget: a fixed
// part (tables, counters) and the call frames, the interpreter's and the machine's, which
// are what grows without bound in a runaway recursion (262,144 frames before the
// default 8 MiB stack overflows).
std::size_t checkpoint_cost(const Simulator::Session& session) {
    constexpr std::size_t fixed = 64u << 10, per_frame = 512;
    std::size_t frames = 0;
    if (const auto* program = std::get_if<ProgramSession>(&session)) {
        for (const minic::Interpreter& p : program->programs()) frames += p.depth();
        for (const Process& p : program->machine().processes()) frames += p.stack.frames().size();
    } else if (const auto* ops = std::get_if<OpsSession>(&session)) {
        for (const Process& p : ops->machine().processes()) frames += p.stack.frames().size();
    }
    return fixed + frames * per_frame;
}

}  // namespace

Simulator::Simulator(scenario::Scenario scenario, Session initial, const SimulatorLimits& limits)
    : scenario_(std::move(scenario)), limits_(limits), history_(initial, limits.checkpoint_interval, limits.max_checkpoints, limits.checkpoint_budget_bytes),
      current_(std::move(initial)) {}

Result<Simulator> Simulator::load(const std::string& text, const SimulatorLimits& limits) {
    return load(text, limits, ProgramInput{});
}

Result<Simulator> Simulator::load(const std::string& text, const SimulatorLimits& limits, const ProgramInput& given) {
    auto sim = start_load(text, limits, given);
    if (sim) sim->continue_load(limits.max_steps);
    return sim;
}

Result<Simulator> Simulator::start_load(const std::string& text, const SimulatorLimits& limits, const ProgramInput& given) {
    auto parsed = scenario::parse_scenario(text, limits.max_scenario_bytes);
    if (!parsed) return tl::unexpected(parsed.error());
    Result<Session> session = fail("unsupported body kind");
    switch (parsed->kind) {
        case scenario::BodyKind::Ops: session = ops_session(*parsed); break;
        case scenario::BodyKind::References:
        case scenario::BodyKind::Trace: session = reference_session(*parsed); break;
        case scenario::BodyKind::HeapTrace: session = heap_trace_session(*parsed); break;
        case scenario::BodyKind::Ostep: session = ostep_session(*parsed); break;
        case scenario::BodyKind::Program: {
            auto config = read_machine_config(*parsed);
            if (!config) return tl::unexpected(config.error());
            // The interpreter pauses itself one step past the limit; the simulator stops there too.
            const ProgramInput input{.stdin_text = given.stdin_text.value_or(parsed->stdin_text),
                                     .args = given.args.value_or(parsed->args)};
            auto program = ProgramSession::create(*config, parsed->body, parsed->body_first_line, limits.max_steps, input);
            if (!program) return tl::unexpected(program.error());
            session = Session(std::move(*program));
            break;
        }
    }
    if (!session) return tl::unexpected(session.error());
    Simulator sim(std::move(*parsed), std::move(*session), limits);
    sim.runner_ = sim.current_;
    return sim;
}

bool Simulator::continue_load(std::uint64_t steps) {
    if (!runner_) return true;
    Session& runner = *runner_;
    for (std::uint64_t n = 0; n < steps && !session_done(runner) && loaded_steps_ < limits_.max_steps; ++n) {
        advance_session(runner, nullptr);
        ++loaded_steps_;
        history_.record(runner, loaded_steps_, checkpoint_cost(runner));
    }
    if (!session_done(runner) && loaded_steps_ < limits_.max_steps) return false;
    end_load(false);
    return true;
}

void Simulator::stop_load() {
    if (runner_) end_load(true);
}

void Simulator::end_load(bool stopped) {
    const Session& runner = *runner_;
    total_steps_ = loaded_steps_;
    summary_.steps = loaded_steps_;
    summary_.hit_step_limit = !session_done(runner);
    summary_.stopped = stopped && summary_.hit_step_limit;
    std::visit(
        [&](const auto& s) {
            using T = std::decay_t<decltype(s)>;
            if constexpr (std::is_same_v<T, OpsSession> || std::is_same_v<T, ProgramSession>) {
                const Machine& m = s.machine();
                const auto& st = m.mmu().stats();
                summary_.page_faults = st.page_faults;
                summary_.tlb_hits = st.tlb_hits;
                summary_.tlb_misses = st.tlb_misses;
                summary_.writebacks = st.writebacks;
                const auto& e = m.errors();
                summary_.learner_errors = e.segfaults + e.stack_overflows + e.protection_faults + e.heap_errors;
                if constexpr (std::is_same_v<T, ProgramSession>) {
                    // The interpreters also count what only they see (division by zero, an
                    // uninitialised read) along with what the machine reported to them.
                    std::uint64_t program_errors = 0;
                    for (const auto& program : s.programs()) program_errors += program.learner_errors();
                    summary_.learner_errors = std::max<std::uint64_t>(summary_.learner_errors, program_errors);
                }
            } else if constexpr (std::is_same_v<T, ReferenceSession>) {
                const auto& c = s.pager().counters();
                summary_.page_faults = c.faults;
                summary_.hits = c.hits;
                summary_.writebacks = c.writebacks;
                if (s.pager().tlb()) {
                    summary_.tlb_hits = s.pager().tlb()->stats().hits;
                    summary_.tlb_misses = s.pager().tlb()->stats().misses;
                }
            } else if constexpr (std::is_same_v<T, HeapTraceSession>) {
                summary_.learner_errors = s.heap().metrics().errors;
                summary_.leaks = s.heap().leaks().size();
            }
        },
        runner);
    runner_.reset();
}

void Simulator::seek(std::uint64_t target) {
    if (target > total_steps_) target = total_steps_;
    events_.clear();
    if (target == 0) {
        current_ = history_.initial();
        step_ = 0;
        return;
    }
    current_ = history_.seek(target - 1, [](Session& s) { advance_session(s, nullptr); });
    advance_session(current_, &events_);
    for (Event& e : events_) e.step = target;
    step_ = target;
}

void Simulator::step_forward(std::uint64_t n) {
    if (n == 1 && step_ < total_steps_) {
        events_.clear();
        advance_session(current_, &events_);
        ++step_;
        for (Event& e : events_) e.step = step_;
        return;
    }
    seek(step_ + n);
}

void Simulator::back(std::uint64_t n) { seek(n > step_ ? 0 : step_ - n); }

std::vector<Event> Simulator::events_between(std::uint64_t first, std::uint64_t last) const {
    std::vector<Event> all;
    if (first == 0) first = 1;
    if (last > total_steps_) last = total_steps_;
    if (first > last) return all;
    Session s = history_.seek(first - 1, [](Session& x) { advance_session(x, nullptr); });
    for (std::uint64_t step = first; step <= last; ++step) {
        const std::size_t before = all.size();
        advance_session(s, &all);
        for (std::size_t i = before; i < all.size(); ++i) all[i].step = step;
    }
    return all;
}

}  // namespace memsim::machine
