#include "ui/page_api.hpp"

#include <nlohmann/json.hpp>

#include "memsim/ostep/scenario.hpp"
#include "memsim/quiz/quiz.hpp"
#include "memsim/report/machine_json.hpp"
#include "ui/builtin_scenarios.hpp"
#include "ui/widget_rects.hpp"

namespace memsim::ui {
namespace {

using nlohmann::json;

json errors_json(const std::vector<Error>& errors) {
    json list = json::array();
    for (const Error& e : errors) list.push_back({{"line", e.line}, {"column", e.column}, {"message", e.message}});
    return list;
}

json failure(const std::string& message) { return {{"ok", false}, {"errors", errors_json({Error{0, 0, message}})}}; }

json result_json(const CommandResult& result) {
    if (!result.ok) return {{"ok", false}, {"errors", errors_json(result.errors)}};
    return {{"ok", true}};
}

json position_json(const Controller& controller, const CommandResult& result) {
    json j = result_json(result);
    j["step"] = controller.step();
    j["totalSteps"] = controller.total_steps();
    return j;
}

// A whole number >= 0 from the argument, or `fallback` when the argument is null.
std::optional<std::uint64_t> count_argument(const json& arg, std::uint64_t fallback) {
    if (arg.is_null()) return fallback;
    if (arg.is_number_unsigned()) return arg.get<std::uint64_t>();
    if (arg.is_number_integer() && arg.get<std::int64_t>() >= 0) return static_cast<std::uint64_t>(arg.get<std::int64_t>());
    if (arg.is_number_float()) {
        const double d = arg.get<double>();
        if (d >= 0 && d <= 1e15 && d == static_cast<double>(static_cast<std::uint64_t>(d))) return static_cast<std::uint64_t>(d);
    }
    return std::nullopt;
}

json set_settings(Controller& controller, const json& arg) {
    if (!arg.is_object() || arg.empty()) return failure("set() needs an object of settings, such as {frames: 4, policy: \"lru\"}");
    cmd::SetSettings command;
    for (const auto& [name, value] : arg.items()) {
        std::string literal;
        if (value.is_boolean()) {
            literal = ui_support::toml_bool(value.get<bool>());
        } else if (value.is_number_integer()) {
            literal = ui_support::toml_integer(value.get<std::int64_t>());
        } else if (value.is_number_float() && value.get<double>() == static_cast<double>(static_cast<std::int64_t>(value.get<double>()))) {
            literal = ui_support::toml_integer(static_cast<std::int64_t>(value.get<double>()));
        } else if (value.is_string()) {
            literal = ui_support::toml_string(value.get<std::string>());
        } else {
            return failure("setting '" + name + "' needs a whole number, a string or true/false");
        }
        auto edit = ui_support::setting_edit(name, literal);
        if (!edit) return {{"ok", false}, {"errors", errors_json({edit.error()})}};
        command.edits.push_back(std::move(*edit));
    }
    return result_json(controller.execute(command));
}

json notifications(Controller& controller) {
    json list = json::array();
    for (const Notification n : controller.take_notifications()) {
        switch (n) {
            case Notification::Step:
                list.push_back({{"name", "step"}, {"detail", {{"step", controller.step()}, {"totalSteps", controller.total_steps()}}}});
                break;
            case Notification::Load:
                list.push_back({{"name", "load"},
                                {"detail", {{"title", controller.snapshot().title}, {"totalSteps", controller.total_steps()}}}});
                break;
            case Notification::Error:
                list.push_back({{"name", "error"}, {"detail", {{"errors", errors_json(controller.load_errors())}}}});
                break;
        }
    }
    return list;
}

const char* outcome_name(QuizOutcome outcome) {
    switch (outcome) {
        case QuizOutcome::Open: return "open";
        case QuizOutcome::Correct: return "correct";
        case QuizOutcome::Wrong: return "wrong";
        case QuizOutcome::Skipped: return "skipped";
    }
    return "open";
}

// The quiz at the current step: the waiting question (if any), the score, every item.
json quiz_json(const Controller& controller) {
    const Quiz& quiz = controller.quiz();
    json j{{"mode", controller.quiz_mode()}, {"correct", quiz.correct()}, {"answered", quiz.answered()}, {"total", quiz.total()}, {"step", controller.step()}};
    j["pending"] = nullptr;
    if (const QuizItem* q = controller.quiz_mode() ? quiz.pending(controller.step()) : nullptr) {
        j["pending"] = {{"ask", q->question.ask}, {"step", q->question.step}, {"kind", scenario::question_kind_name(q->question.kind)},
                        {"choices", q->offered}};
    }
    json items = json::array();
    for (const QuizItem& item : quiz.items()) {
        json entry{{"step", item.question.step}, {"ask", item.question.ask}, {"outcome", outcome_name(item.outcome)}};
        if (item.outcome != QuizOutcome::Open) entry["answer"] = item.truth;  // revealed only once asked
        if (item.outcome == QuizOutcome::Correct || item.outcome == QuizOutcome::Wrong) entry["given"] = item.given;
        items.push_back(std::move(entry));
    }
    j["items"] = std::move(items);
    return j;
}

json course_json() {
    json list = json::array();
    for (const CourseLesson& lesson : course()) list.push_back({{"name", lesson.name}, {"order", lesson.order}, {"title", lesson.label}});
    return list;
}

// quizProblem({kind: "paging" | "heap", seed: N}): loads a generated practice problem.
json load_quiz_problem(Controller& controller, const json& arg) {
    if (!arg.is_object() || !arg.contains("kind") || !arg["kind"].is_string()) {
        return failure("quizProblem() needs {kind: \"paging\" or \"heap\", seed: N}");
    }
    const auto kind = quiz::quiz_kind_from_name(arg["kind"].get<std::string>());
    const auto seed = count_argument(arg.contains("seed") ? arg["seed"] : json(nullptr), 1);
    if (!kind || *kind == quiz::QuizKind::Translate || !seed) {
        return failure("quizProblem() makes paging or heap problems from a whole-number seed");
    }
    return result_json(controller.execute(cmd::Load{quiz::generate(*kind, *seed).scenario, false}));
}

// ostep("paging-policy.py -s 3 -p LRU"): loads that OSTEP homework problem as a scenario.
json load_ostep_problem(Controller& controller, const json& arg) {
    if (!arg.is_string()) return failure("ostep() needs a command line such as \"paging-policy.py -s 3 -p LRU\"");
    const auto text = ostep::ostep_scenario_from_line(arg.get<std::string>());
    if (!text) return failure(text.error().message);
    return result_json(controller.execute(cmd::Load{*text, false}));
}

json dispatch(Controller& controller, std::string_view verb, const json& arg) {
    if (verb == "load" || verb == "loadBuiltin") {
        if (!arg.is_string()) return failure(std::string(verb) + "() needs a string");
        const std::string text = arg.get<std::string>();
        return result_json(verb == "load" ? controller.execute(cmd::Load{text, false})
                                          : controller.execute(cmd::LoadBuiltin{text}));
    }
    if (verb == "state") {
        if (controller.simulator() == nullptr) return failure("no scenario is loaded");
        json j = report::state_json(*controller.simulator());
        j["step"] = controller.step();
        j["totalSteps"] = controller.total_steps();
        // A load running in slices (the Run button on a long program), and a stopped one.
        j["loading"] = controller.loading();
        j["loadingSteps"] = controller.loading_steps();
        j["stopped"] = controller.simulator()->summary().stopped;
        return j;
    }
    if (verb == "set") return set_settings(controller, arg);
    if (verb == "builtins") {
        json names = json::array();
        for (const BuiltinScenario& s : builtin_scenarios()) names.push_back(s.name);
        return names;
    }
    if (verb == "notifications") return notifications(controller);
    if (verb == "debugWidgets") {
        json rects = json::object();
        for (const WidgetRect& r : widget_rects()) rects[r.name] = {{"x", r.x}, {"y", r.y}, {"width", r.width}, {"height", r.height}};
        return rects;
    }
    if (verb == "quiz") return quiz_json(controller);
    if (verb == "course") return course_json();
    if (verb == "quizProblem") return load_quiz_problem(controller, arg);
    if (verb == "ostep") return load_ostep_problem(controller, arg);
    if (verb == "answer") {
        if (!arg.is_string() && !arg.is_number()) return failure("answer() needs the answer, such as \"miss\" or 3");
        json result = result_json(controller.execute(cmd::Answer{arg.is_string() ? arg.get<std::string>() : arg.dump()}));
        result["quiz"] = quiz_json(controller);
        return result;
    }
    if (verb == "quizMode") {
        if (!arg.is_boolean()) return failure("quizMode() needs true or false");
        return result_json(controller.execute(cmd::SetQuizMode{arg.get<bool>()}));
    }
    if (verb == "skipQuestion") {
        json result = result_json(controller.execute(cmd::SkipQuestion{}));
        result["quiz"] = quiz_json(controller);
        return result;
    }
    if (verb == "runToEnd") return position_json(controller, controller.execute(cmd::RunToEnd{}));
    const auto n = count_argument(arg, 1);
    if (verb == "step" || verb == "back" || verb == "seek") {
        if (!n || (verb == "seek" && arg.is_null())) return failure(std::string(verb) + "() needs a whole number of steps, 0 or more");
        const Command command = verb == "step" ? Command{cmd::Step{*n}} : verb == "back" ? Command{cmd::Back{*n}} : Command{cmd::Seek{*n}};
        return position_json(controller, controller.execute(command));
    }
    return failure("unknown call '" + std::string(verb) + "'");
}

}  // namespace

std::string api_call(Controller& controller, std::string_view verb, const std::string& argument_json) {
    const json arg = argument_json.empty() ? json(nullptr) : json::parse(argument_json, nullptr, false);
    if (arg.is_discarded()) return failure("the argument is not valid JSON").dump();
    // Scenario text may hold invalid UTF-8: replace it rather than abort in dump().
    return dispatch(controller, verb, arg).dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace memsim::ui
