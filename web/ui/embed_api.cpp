#include "ui/embed_api.hpp"

#include "imgui.h"

#include <nlohmann/json.hpp>

#include "ui/source_draft.hpp"

namespace memsim::ui {
namespace {

using nlohmann::json;

json embed_failure(const std::string& message) {
    return {{"ok", false}, {"errors", json::array({{{"line", 0}, {"column", 0}, {"message", message}}})}};
}

json view_json(const App& app) {
    return {{"ok", true}, {"embed", app.view().embed}, {"panels", panel_list(app.view().panels)},
            {"theme", app.theme() == Theme::Light ? "light" : "dark"}, {"present", app.presenting()},
            {"wantsText", ImGui::GetCurrentContext() != nullptr && ImGui::GetIO().WantTextInput},
            {"keyboard", app.keyboard().mode() == KeyboardMode::Navigating ? "navigating" : "stepping"},
            {"keyboardPanel", ImGui::GetCurrentContext() != nullptr ? app.keyboard().focused_window() : std::string()}};
}

// Applies every valid field or none: a bad field leaves the view as it was.
json set_view(App& app, const json& arg) {
    if (arg.is_null()) return view_json(app);
    if (!arg.is_object()) return embed_failure("view() needs an object such as {embed: true, panels: \"stack,heap\", theme: \"light\"}");
    ViewOptions next = app.view();
    std::optional<Theme> theme;
    std::optional<bool> present;
    for (const auto& [name, value] : arg.items()) {
        if (name == "embed" && value.is_boolean()) {
            next.embed = value.get<bool>();
        } else if (name == "panels" && value.is_string()) {
            std::string bad;
            const auto panels = parse_panel_list(value.get<std::string>(), bad);
            if (!panels) return embed_failure("unknown panel '" + bad + "' (source, stack, heap, vm, events, statistics, console, compare)");
            next.panels = *panels;
        } else if (name == "welcome" && value.is_boolean()) {
            next.welcome = value.get<bool>();
        } else if (name == "present" && value.is_boolean()) {
            present = value.get<bool>();
        } else if (name == "theme" && value.is_string() && (value == "dark" || value == "light")) {
            theme = value == "light" ? Theme::Light : Theme::Dark;
        } else {
            return embed_failure("view(): '" + name + "' needs " +
                           (name == "embed" ? "true or false" : name == "panels" ? "a list such as \"stack,heap\"" :
                            name == "theme" ? "\"dark\" or \"light\"" : name == "welcome" || name == "present" ? "true or false" : "to be one of embed, panels, theme, welcome, present"));
        }
    }
    app.view() = next;
    if (theme) app.set_theme(*theme);
    if (present) app.present(*present);
    return view_json(app);
}

bool valid_speed(const json& speed) {
    return speed.is_number() && speed.get<double>() >= 0.25 && speed.get<double>() <= 1000.0;
}

json play(App& app, const json& arg) {
    Controller& c = app.controller();
    if (!arg.is_null()) {
        const json speed = arg.is_object() && arg.contains("speed") ? arg["speed"] : json();
        if (!valid_speed(speed)) return embed_failure("play() takes {speed: N} with N steps per second from 0.25 to 1000");
        c.execute(cmd::SetSpeed{speed.get<double>()});
    }
    const CommandResult result = c.execute(cmd::Play{});
    if (!result.ok) return embed_failure(result.errors.front().message);
    return {{"ok", true}, {"playing", c.playing()}, {"speed", c.speed()}};
}

const machine::ProcessView* process_of(const machine::Snapshot& s) {
    for (const auto& p : s.processes) {
        if (p.pid == s.current_process) return &p;
    }
    return s.processes.empty() ? nullptr : &s.processes.front();
}

// One row per step of a copy of the run (the app's own position does not move).
json run_table(const Controller& controller, const json& arg) {
    if (controller.simulator() == nullptr) return embed_failure("no scenario is loaded");
    std::uint64_t limit = run_table_max_rows;
    if (arg.is_object() && arg.contains("limit") && arg["limit"].is_number_unsigned()) {
        limit = std::min(arg["limit"].get<std::uint64_t>(), run_table_max_rows);
    }
    machine::Simulator sim = *controller.simulator();
    sim.seek(0);
    const std::uint64_t last = std::min(sim.total_steps(), limit);
    json rows = json::array();
    for (std::uint64_t step = 1; step <= last; ++step) {
        sim.step_forward(1);
        const machine::Snapshot s = sim.snapshot();
        std::string kinds, texts;
        int line = 0;
        for (const machine::Event& e : sim.events()) {
            kinds += (kinds.empty() ? "" : " ") + std::string(machine::event_kind_name(e.kind));
            texts += (texts.empty() ? "" : " ") + e.text;
            if (line == 0) line = e.line;
        }
        const machine::ProcessView* p = process_of(s);
        const auto vm = [&s](std::uint64_t machine::VmView::*field) { return s.vm ? (*s.vm).*field : 0; };
        rows.push_back({step, line, s.current_process, p ? p->frames.size() : 0, p ? p->heap.live_blocks : 0,
                        p ? p->heap.heap_size : 0, vm(&machine::VmView::references), vm(&machine::VmView::faults),
                        vm(&machine::VmView::hits), vm(&machine::VmView::tlb_hits), vm(&machine::VmView::tlb_misses),
                        vm(&machine::VmView::writebacks), kinds, texts});
    }
    const json columns = {"step", "line", "process", "stack_frames", "heap_live_blocks", "heap_size", "references",
                          "page_faults", "hits", "tlb_hits", "tlb_misses", "writebacks", "events", "explanation"};
    return {{"ok", true}, {"title", controller.snapshot().title}, {"totalSteps", sim.total_steps()},
            {"columns", columns}, {"rows", rows}, {"truncated", last < sim.total_steps()}};
}

}  // namespace

std::optional<std::string> embed_api_call(App& app, std::string_view verb, const std::string& argument_json) {
    if (verb != "view" && verb != "play" && verb != "pause" && verb != "speed" && verb != "draft" && verb != "source" &&
        verb != "runTable") {
        return std::nullopt;
    }
    const json arg = argument_json.empty() ? json(nullptr) : json::parse(argument_json, nullptr, false);
    json reply;
    if (arg.is_discarded()) {
        reply = embed_failure("the argument is not valid JSON");
    } else if (verb == "view") {
        reply = set_view(app, arg);
    } else if (verb == "play") {
        reply = play(app, arg);
    } else if (verb == "pause") {
        app.controller().execute(cmd::Pause{});
        reply = {{"ok", true}, {"playing", false}};
    } else if (verb == "speed") {
        // Sets the playing speed without starting to play (play() from the end restarts).
        if (valid_speed(arg)) app.controller().execute(cmd::SetSpeed{arg.get<double>()});
        reply = valid_speed(arg) ? json{{"ok", true}, {"speed", app.controller().speed()}}
                                 : embed_failure("speed() needs steps per second from 0.25 to 1000");
    } else if (verb == "draft") {
        const SourceDraft& d = source_draft();
        reply = {{"editing", d.editing}, {"text", d.text}, {"revision", d.revision}};
    } else if (verb == "source") {
        const Controller& c = app.controller();
        reply = {{"text", c.text()}, {"builtin", c.builtin_name()}, {"title", c.snapshot().title}, {"hasErrors", !c.load_errors().empty()}};
    } else {
        reply = run_table(app.controller(), arg);
    }
    return reply.dump(-1, ' ', false, json::error_handler_t::replace);
}

}  // namespace memsim::ui
