#include "ui/app.hpp"

#include <algorithm>
#include <chrono>

#include "imgui.h"
#include "imgui_internal.h"
#include "memsim/version.hpp"
#include "ui/builtin_scenarios.hpp"
#include "ui/layout.hpp"
#include "ui/panel_choice.hpp"
#include "ui/single_panel.hpp"
#include "ui/view_options.hpp"
#include "ui/panels/compare_panel.hpp"
#include "ui/panels/console_panel.hpp"
#include "ui/panels/controls_panel.hpp"
#include "ui/panels/diagram_panel.hpp"
#include "ui/panels/events_panel.hpp"
#include "ui/panels/heap_panel.hpp"
#include "ui/panels/lesson_panel.hpp"
#include "ui/panels/ostep_problem_view.hpp"
#include "ui/panels/source_panel.hpp"
#include "ui/panels/stack_panel.hpp"
#include "ui/panels/statistics_panel.hpp"
#include "ui/panels/virtual_memory_panel.hpp"
#include "ui/loading_notice.hpp"
#include "ui/widget_rects.hpp"

namespace memsim::ui {

App::App(AppInfo info) : info_(info) {
    // Open on a lesson, ready to play, asking its questions before revealing their steps.
    controller_.execute(cmd::SetQuizMode{true});
    controller_.execute(cmd::LoadBuiltin{default_builtin});
    // From here on a load asked for by a widget runs a slice a frame (with a Stop button).
    controller_.set_load_slice(load_slice_steps);
}

void App::adapt_load_slice(double seconds) {
    if (seconds > 0.040) load_slice_ = std::max(load_slice_ / 2, min_load_slice);
    else if (seconds < 0.015) load_slice_ = std::min(load_slice_ * 2, max_load_slice);
    controller_.set_load_slice(load_slice_);
}

void App::set_font_size_factor(float factor) { font_size_factor_ = std::clamp(factor, 0.75f, 2.0f); }

bool App::prepare_frame(float display_scale) {
    const float scale = display_scale * font_size_factor_;
    bool fonts_rebuilt = false;
    if (scale != applied_scale_) {
        fonts_ = load_fonts(scale);
        fonts_rebuilt = true;
    }
    if (fonts_rebuilt || theme_ != applied_theme_) {
        apply_style(theme_, scale);
        applied_scale_ = scale;
        applied_theme_ = theme_;
        relayout_ = relayout_ || fonts_rebuilt;  // sizes changed; a theme alone keeps the layout
    }
    return fonts_rebuilt;
}

void App::draw() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    if (display.x != last_display_w_ || display.y != last_display_h_) {
        last_display_w_ = display.x;
        last_display_h_ = display.y;
        relayout_ = true;
    }
    // Commands queued by last frame's widgets and keys are applied here, between frames.
    const auto applying = std::chrono::steady_clock::now();
    const bool was_loading = controller_.loading();
    controller_.apply_pending(static_cast<double>(ImGui::GetIO().DeltaTime));
    if (was_loading) adapt_load_slice(std::chrono::duration<double>(std::chrono::steady_clock::now() - applying).count());
    ImGui::PushFont(fonts_.ui);
    begin_widget_frame();
    // An Esc that leaves presentation or stops a load does not also leave the canvas.
    keyboard_.begin_frame(info_.next_panel_key, presenting_ || controller_.loading());
    handle_control_keys(controller_, keyboard_.stepping_keys());
    if (!view_.embed) draw_menu_bar();
    const float bar_height = view_.embed ? 0.0f : ImGui::GetFrameHeight();
    const machine::Snapshot& snapshot = controller_.snapshot();
    const bool has_process = !snapshot.processes.empty();
    const ShownPanels& chosen = view_.panels;
    const machine::Simulator* sim = controller_.simulator();
    forget_panel_choices_on_new_scenario();
    const PanelContent content{
        .loaded = controller_.loaded(),
        .stack = has_process && snapshot.processes.front().stack_top != 0,
        .heap = (has_process && controller_.run_uses_heap()) || is_heap_problem(snapshot),
        .virtual_memory = snapshot.vm.has_value() || (snapshot.ostep.has_value() && !is_heap_problem(snapshot)),
        .console = snapshot.kind == "program",
        .compare = sim != nullptr && compare_kind(*sim) != CompareKind::None,
        .diagram = snapshot.kind == "program"};
    can_show_ = content;
    ShownPanels shown = choose_panels(chosen, sim != nullptr ? &sim->scenario() : nullptr, content, panel_toggles_);
    shown.lesson = shown.source && has_lesson(controller_);
    shown.wide_source = wide_source_ && shown.source;
    if (!(shown == shown_)) {
        shown_ = shown;
        relayout_ = true;
    }
    const bool compact = compact_display(display.x, ImGui::GetFontSize());
    PanelContext context{.controller = controller_, .fonts = fonts_, .palette = palette_for(theme_),
                         .grids = grid_renderer_, .place = relayout_ && frames_drawn_ > 0,
                         .reduce_motion = reduce_motion_, .selection = &selection_, .wide_source = &wide_source_,
                         .diagram_zoom = &diagram_zoom_,
                         .progress = &progress_, .compact = compact};
    if (compact) context.wide_source = nullptr;  // one panel fills the width anyway
    // (On the first frame panels take their tiles only where no saved layout places them.)
    if (compact || presenting_) {
        draw_one_panel(shown, compact, bar_height, context);
    } else {
        const PanelLayout layout = compute_layout(display.x, display.y, bar_height, bar_height, controls_height(), shown);
        // (Embed mode has no menu bar and no status line: bar_height is 0 for both.)
        draw_controls_panel(layout.controls, context);
        if (shown.lesson) draw_lesson_panel(layout.lesson, context);
        if (shown.source) draw_source_panel(layout.source, context);
        if (shown.stack) draw_stack_panel(layout.stack, context);
        if (shown.diagram) draw_diagram_panel(layout.diagram, context);
        if (shown.heap) draw_heap_panel(layout.heap, context);
        if (shown.virtual_memory) draw_virtual_memory_panel(layout.virtual_memory, context);
        if (shown.events) draw_events_panel(layout.events, context);
        if (shown.console) draw_console_panel(layout.console, context);
        if (shown.compare) draw_compare_panel(layout.compare, context);
        if (shown.statistics) draw_statistics_panel(layout.statistics, context);
    }
    handle_presentation_keys(shown);
    if (!view_.embed && !(compact && info_.page_toolbar)) draw_status_line();  // a phone page has its toolbar there
    note_progress();
    if (view_.welcome && !view_.embed && !progress_.welcomed) draw_welcome();
    draw_loading_notice(controller_, controller_.step_limit());
    if (show_keys_) {
        ImGui::OpenPopup("Keys");
        show_keys_ = false;
    }
    if (ImGui::BeginPopupModal("Keys", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("Space   play / pause");
        ImGui::TextUnformatted("Right   one step forward");
        ImGui::TextUnformatted("Left    one step back");
        ImGui::TextUnformatted("Home    back to step 0");
        ImGui::TextUnformatted("End     run to the end");
        ImGui::TextUnformatted("PageDown / PageUp   step (a presentation clicker)");
        ImGui::TextUnformatted("1 to 9  answer a waiting question; S skips it");
        ImGui::TextUnformatted("P       presentation: the focused panel fills the window (Esc leaves)");
        ImGui::Separator();
        ImGui::TextUnformatted("F6 / Shift+F6   the keyboard to the next / previous panel (Ctrl+Tab on the desktop):");
        ImGui::TextUnformatted("        the arrows move between its widgets, Space presses one (Enter edits a field);");
        ImGui::TextUnformatted("        the keys above rest until Esc brings them back");
        ImGui::TextUnformatted("Esc     (again) leaves the app for the page's buttons; Tab reaches them too");
        if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    if (show_about_) {
        ImGui::OpenPopup("About memsim");
        show_about_ = false;
    }
    if (ImGui::BeginPopupModal("About memsim", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("memsim %s", version());
        ImGui::TextUnformatted("A memory-management simulator: the call stack, the heap and virtual memory,");
        ImGui::TextUnformatted("step by step and to scale.");
        ImGui::Text("Dear ImGui %s", ImGui::GetVersion());
        if (ImGui::Button("Close")) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
    ImGui::PopFont();
    keyboard_.end_frame();
    end_widget_frame();
    relayout_ = false;
    ++frames_drawn_;
}

void App::draw_menu_bar() {
    if (!ImGui::BeginMainMenuBar()) return;
    if (ImGui::BeginMenu("File")) {
        if (ImGui::BeginMenu("Lessons")) {
            for (const CourseLesson& lesson : course()) {
                const bool done = progress_.finished.count(lesson.name) > 0;
                if (ImGui::MenuItem(lesson.label.c_str(), done ? "done" : nullptr, controller_.builtin_name() == lesson.name)) {
                    controller_.push(cmd::LoadBuiltin{lesson.name});
                }
            }
            ImGui::EndMenu();
        }
        if (ImGui::BeginMenu("Built-in scenarios")) {
            for (const BuiltinScenario& s : builtin_scenarios()) {
                if (ImGui::MenuItem(s.name, nullptr, controller_.builtin_name() == s.name)) {
                    controller_.push(cmd::LoadBuiltin{s.name});
                }
            }
            ImGui::EndMenu();
        }
        draw_ostep_menu(controller_, ostep_menu_);
        if (info_.read_file) draw_path_box();
        ImGui::TextDisabled("Drop a .msim scenario or a .c program on the window to open it");
        if (info_.can_quit) {
            ImGui::Separator();
            if (ImGui::MenuItem("Quit")) quit_requested_ = true;
        }
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("View")) {
        const Theme theme_before = theme_;
        const float size_before = font_size_factor_;
        if (ImGui::MenuItem("Dark theme", nullptr, theme_ == Theme::Dark)) theme_ = Theme::Dark;
        if (ImGui::MenuItem("Light theme", nullptr, theme_ == Theme::Light)) theme_ = Theme::Light;
        ImGui::Separator();
        if (ImGui::MenuItem("Larger text")) set_font_size_factor(font_size_factor_ + 0.125f);
        if (ImGui::MenuItem("Smaller text")) set_font_size_factor(font_size_factor_ - 0.125f);
        if (ImGui::MenuItem("Reduce motion", nullptr, reduce_motion_)) {
            reduce_motion_ = !reduce_motion_;
            ImGui::MarkIniSettingsDirty();
        }
        if (theme_ != theme_before || font_size_factor_ != size_before) ImGui::MarkIniSettingsDirty();
        if (ImGui::MenuItem("Presentation", "P", presenting_)) set_presenting(!presenting_, shown_);
        if (ImGui::MenuItem("Reset layout")) relayout_ = true;
        ImGui::Separator();
        draw_panels_menu();
        ImGui::EndMenu();
    }
    if (ImGui::BeginMenu("Help")) {
        if (ImGui::MenuItem("Keys")) show_keys_ = true;
        if (ImGui::MenuItem("About memsim")) show_about_ = true;
        ImGui::EndMenu();
    }
    ImGui::EndMainMenuBar();
}

void App::draw_panel(PanelId id, const Rect& rect, PanelContext& context) {
    switch (id) {
        case PanelId::Lesson: draw_lesson_panel(rect, context); break;
        case PanelId::Source: draw_source_panel(rect, context); break;
        case PanelId::Stack: draw_stack_panel(rect, context); break;
        case PanelId::Diagram: draw_diagram_panel(rect, context); break;
        case PanelId::Heap: draw_heap_panel(rect, context); break;
        case PanelId::VirtualMemory: draw_virtual_memory_panel(rect, context); break;
        case PanelId::Events: draw_events_panel(rect, context); break;
        case PanelId::Console: draw_console_panel(rect, context); break;
        case PanelId::Compare: draw_compare_panel(rect, context); break;
        case PanelId::Statistics: draw_statistics_panel(rect, context); break;
    }
}

void App::draw_one_panel(const ShownPanels& shown, bool compact, float top, PanelContext& context) {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    // A phone has the page's toolbar at the bottom, a presentation the status line.
    const float bottom = view_.embed ? 0.0f : ImGui::GetFrameHeight();
    const float strip = controls_height(compact);
    draw_controls_panel({0, top, display.x, strip}, context);
    float y = top + strip;
    const std::vector<PanelId> ids = shown_panel_ids(shown);
    if (ids.empty()) return;
    // Until the learner picks a tab, a scenario opens on the panel it is about; the panels
    // shown change while a run loads, so this is asked again every frame.
    const bool still_shown = std::find(ids.begin(), ids.end(), single_) != ids.end();
    if (!single_chosen_ || !still_shown) {
        const PanelId opening = opening_panel(shown);
        if (opening != single_) {
            single_ = opening;
            relayout_ = true;
        }
    }
    if (compact) {
        // The tabs wrap onto as many rows as the width needs.
        const ImGuiStyle& style = ImGui::GetStyle();
        const float usable = display.x - style.WindowPadding.x * 2.0f;
        float row = 0.0f;
        int rows = 1;
        for (PanelId id : ids) {
            const float w = ImGui::CalcTextSize(panel_tab_label(id)).x + style.FramePadding.x * 2.0f + style.ItemSpacing.x;
            if (row > 0.0f && row + w > usable) {
                ++rows;
                row = 0.0f;
            }
            row += w;
        }
        const float tab_height = ImGui::GetFrameHeightWithSpacing() * 1.3f * static_cast<float>(rows) + style.WindowPadding.y * 2.0f;
        const int flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoResize;
        if (begin_panel("##panel-tabs", {0, y, display.x, tab_height}, true, flags)) {
            float x = 0.0f;
            for (PanelId id : ids) {
                const char* label = panel_tab_label(id);
                const float w = ImGui::CalcTextSize(label).x + style.FramePadding.x * 2.0f;
                if (x > 0.0f && x + w > usable) x = 0.0f;
                else if (x > 0.0f) ImGui::SameLine();
                const bool selected = id == single_;
                if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
                if (ImGui::Button(label, ImVec2(0, ImGui::GetFrameHeight() * 1.3f)) && !selected) {
                    single_ = id;
                    single_chosen_ = true;
                    relayout_ = true;
                }
                note_item(std::string("tab:") + label);
                if (selected) ImGui::PopStyleColor();
                x += w + style.ItemSpacing.x;
            }
        }
        ImGui::End();
        y += tab_height;
        y += cue_waiting_question(shown, y);
    }
    context.place = true;  // one panel fills the space whatever the saved layout says
    draw_panel(single_, {0, y, display.x, std::max(display.y - y - bottom, 0.0f)}, context);
}

float App::cue_waiting_question(const ShownPanels& shown, float y) {
    const bool waiting = controller_.quiz_mode() && controller_.quiz().pending(controller_.step()) != nullptr;
    const bool refused = controller_.refused_moves() != refused_seen_;
    const QuestionCue cue = question_cue(waiting, question_waited_, refused, single_, shown.lesson);
    question_waited_ = waiting;
    refused_seen_ = controller_.refused_moves();
    if (cue == QuestionCue::OpenLesson) {
        single_ = PanelId::Lesson;
        single_chosen_ = true;  // kept like a tapped tab
        relayout_ = true;
    }
    if (cue != QuestionCue::Banner) return 0.0f;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float button_height = ImGui::GetFrameHeight() * 1.8f;  // a thumb's height, as the step buttons
    const float height = button_height + style.WindowPadding.y * 2.0f;
    const int flags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoResize;
    if (begin_panel("##question-banner", {0, y, ImGui::GetIO().DisplaySize.x, height}, true, flags)) {
        const ImU32 fill = palette_for(theme_).current;
        ImGui::PushStyleColor(ImGuiCol_Button, fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonHovered, fill);
        ImGui::PushStyleColor(ImGuiCol_ButtonActive, fill);
        ImGui::PushStyleColor(ImGuiCol_Text, readable_text(fill));
        if (ImGui::Button("A question waits in the Lesson tab", ImVec2(-1.0f, button_height))) {
            single_ = PanelId::Lesson;
            single_chosen_ = true;
            relayout_ = true;
        }
        note_item("phone.question_banner");
        ImGui::PopStyleColor(4);
    }
    ImGui::End();
    return height;
}

void App::handle_presentation_keys(const ShownPanels& shown) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput) return;
    bool toggle = false;
    for (const ImWchar typed : io.InputQueueCharacters) toggle = toggle || typed == 'p' || typed == 'P';
    if (presenting_ && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false)) toggle = true;
    if (!toggle) return;
    set_presenting(!presenting_, shown);
}

void App::set_presenting(bool on, const ShownPanels& shown) {
    if (on == presenting_) return;
    presenting_ = on;
    relayout_ = true;
    if (on) {
        // The panel the learner last clicked, else the one the scenario is about.
        const ImGuiWindow* focused = ImGui::GetCurrentContext() != nullptr ? ImGui::GetCurrentContext()->NavWindow : nullptr;
        const auto id = focused != nullptr ? panel_by_title(focused->Name) : std::nullopt;
        const std::vector<PanelId> ids = shown_panel_ids(shown);
        single_ = id && std::find(ids.begin(), ids.end(), *id) != ids.end() ? *id
                  : large_panel(shown).value_or(ids.empty() ? PanelId::Source : ids.front());
        single_chosen_ = true;
        font_before_presenting_ = font_size_factor_;
        set_font_size_factor(std::max(font_size_factor_, 1.0f) * 1.6f);
    } else {
        set_font_size_factor(font_before_presenting_);
    }
}

void App::note_progress() {
    const machine::Simulator* sim = controller_.simulator();
    if (sim == nullptr || sim->scenario().teaching.order == 0 || controller_.lesson_name().empty()) return;
    if (controller_.total_steps() == 0 || controller_.step() != controller_.total_steps()) return;
    if (progress_.finished.insert(controller_.lesson_name()).second) save_settings_soon();
}

void App::draw_welcome() {
    if (!ImGui::IsPopupOpen("Welcome to memsim")) ImGui::OpenPopup("Welcome to memsim");
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::SetNextWindowPos(ImVec2(display.x * 0.5f, display.y * 0.5f), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
    ImGui::SetNextWindowSizeConstraints(ImVec2(0, 0), ImVec2(std::min(display.x * 0.94f, ImGui::GetFontSize() * 40.0f), display.y * 0.9f));
    if (!ImGui::BeginPopupModal("Welcome to memsim", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) return;
    const float wrap = std::min(display.x * 0.86f, ImGui::GetFontSize() * 36.0f);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + wrap);
    ImGui::TextWrapped("memsim shows, step by step and to scale, what the operating system and the C library do with "
                       "memory: the call stack, the heap, and virtual memory with its pages, frames and TLB.");
    ImGui::Spacing();
    ImGui::TextWrapped("Step with the > and < buttons at the top, or the Right and Left arrow keys; Space plays and pauses. "
                       "Every step is explained in the Events panel. F6 takes the keyboard to the panels' buttons; Esc "
                       "goes back to stepping.");
    ImGui::TextWrapped("The course has %d short lessons, from a function call to thrashing. Some ask you to predict the next "
                       "step first: answer with the buttons or their number keys.",
                       static_cast<int>(course().size()));
    ImGui::TextWrapped("Lessons are in the list at the top left and in File > Lessons; you can also paste or drop your own "
                       "C program into the Source panel.");
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    const bool start = ImGui::Button("Start lesson 1");
    note_item("welcome.start");
    ImGui::SetItemDefaultFocus();
    // Its nav cursor shows at once: Space starts the lesson without the mouse.
    if (ImGui::IsWindowAppearing()) ImGui::GetCurrentContext()->NavDisableHighlight = false;
    ImGui::SameLine();
    const bool close = ImGui::Button("Close") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape));
    if (start || close) {
        if (start && !course().empty()) controller_.push(cmd::LoadBuiltin{course().front().name});
        progress_.welcomed = true;
        save_settings_soon();
        ImGui::CloseCurrentPopup();
    }
    ImGui::EndPopup();
}

void App::forget_panel_choices_on_new_scenario() {
    // A new scenario starts from its own panels; an edited and re-run one keeps the choices.
    const machine::Simulator* sim = controller_.simulator();
    const std::string key = controller_.lesson_name() + "\n" + (sim != nullptr ? sim->scenario().title : std::string());
    if (key != toggles_key_) {
        toggles_key_ = key;
        panel_toggles_.clear();
        single_chosen_ = false;
    }
}

void App::draw_panels_menu() {
    if (!ImGui::BeginMenu("Panels")) return;
    const machine::Simulator* sim = controller_.simulator();
    const ShownPanels wanted = wanted_panels(view_.panels, sim != nullptr ? &sim->scenario() : nullptr, panel_toggles_);
    struct Entry { const char* name; const char* label; bool has_content; };
    const Entry entries[] = {{"source", "Source", true},
                             {"stack", "Stack", !controller_.loaded() || can_show_.stack},
                             {"diagram", "Memory diagram", can_show_.diagram},
                             {"heap", "Heap", !controller_.loaded() || can_show_.heap},
                             {"vm", "Virtual memory", !controller_.loaded() || can_show_.virtual_memory},
                             {"events", "Events", true},
                             {"console", "Console", can_show_.console},
                             {"compare", "Compare", can_show_.compare},
                             {"statistics", "Statistics", true}};
    for (const Entry& entry : entries) {
        ShownPanels copy = wanted;
        const bool on = *panel_flag(copy, entry.name);
        if (ImGui::MenuItem(entry.label, nullptr, on, entry.has_content)) panel_toggles_[entry.name] = !on;
        if (!entry.has_content && ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) {
            ImGui::SetTooltip("This scenario has nothing to show there");
        }
    }
    ImGui::EndMenu();
}

std::string App::open_path(const std::string& path) {
    if (!info_.read_file) return "opening files by path is not available here";
    if (path.empty()) return "type the path of a .msim or .c file";
    const auto text = info_.read_file(path);
    if (!text) return "cannot read '" + path + "'";
    const CommandResult result = controller_.execute(cmd::Load{*text, false});
    if (!result.ok) return path + ":" + (result.errors.empty() ? std::string("cannot load") : result.errors.front().to_string());
    return {};
}

void App::draw_path_box() {
    ImGui::TextUnformatted("Open a file by its path:");
    path_box_.resize(std::max<std::size_t>(path_box_.size(), 1024));
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 22.0f);
    const bool entered = ImGui::InputTextWithHint("##open-path", "/path/to/scenario.msim", path_box_.data(), path_box_.size(),
                                                  ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if (ImGui::Button("Open") || entered) {
        path_error_ = open_path(path_box_.c_str());
        if (path_error_.empty()) ImGui::CloseCurrentPopup();
    }
    if (!path_error_.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, palette_for(theme_).guard);
        ImGui::TextUnformatted(path_error_.c_str());
        ImGui::PopStyleColor();
    }
    ImGui::Separator();
}

void App::draw_status_line() {
    const ImVec2 display = ImGui::GetIO().DisplaySize;
    const float height = ImGui::GetFrameHeight();
    ImGui::SetNextWindowPos(ImVec2(0, display.y - height));
    ImGui::SetNextWindowSize(ImVec2(display.x, height));
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing |
                                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoNav;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(ImGui::GetStyle().FramePadding.x, 2));
    ImGui::PushStyleVar(ImGuiStyleVar_WindowRounding, 0.0f);
    if (ImGui::Begin("##status", nullptr, flags)) {
        if (controller_.loaded()) {
            const auto& errors = controller_.load_errors();
            // While the keyboard moves between widgets, say so: the stepping keys rest.
            const char* keys = keyboard_.mode() == KeyboardMode::Navigating
                                   ? "  |  Keys: arrows move, Space presses, F6 next panel, Esc back to stepping"
                                   : "";
            ImGui::Text("memsim %s  |  %s  |  %s  |  step %llu of %llu%s%s", version(), info_.platform_name,
                        controller_.snapshot().title.c_str(), static_cast<unsigned long long>(controller_.step()),
                        static_cast<unsigned long long>(controller_.total_steps()),
                        errors.empty() ? "" : "  |  the edited text has errors (see Source)", keys);
        } else {
            ImGui::Text("memsim %s  |  %s  |  no scenario loaded", version(), info_.platform_name);
        }
    }
    ImGui::End();
    ImGui::PopStyleVar(2);
}

}  // namespace memsim::ui
