#pragma once
// The whole app UI: menu bar, the tiled panels and the status line. It owns the UI
// state and the Controller (the simulator and its commands). It draws with ImGui only:
// no GL, no GLFW, no Emscripten; the platform layer calls it once per frame.
//
//   App app({.platform_name = "desktop", .can_quit = true});
//   each frame: if (app.prepare_frame(scale)) re-upload fonts;
//               NewFrame(); app.draw(); Render();
#include <functional>
#include <optional>
#include <string>

#include "ui/controller.hpp"
#include "ui/grid_renderer.hpp"
#include "ui/layout.hpp"
#include "ui/course_progress.hpp"
#include "ui/keyboard_nav.hpp"
#include "ui/panel_choice.hpp"
#include "ui/single_panel.hpp"
#include "ui/ostep_menu.hpp"
#include "ui/panels/panels.hpp"
#include "ui/style.hpp"
#include "ui/view_options.hpp"

namespace memsim::ui {

// Marks the app's settings changed and has them saved within a frame, not after ImGui's
// usual 5 s (app_settings.cpp).
void save_settings_soon();

struct AppInfo {
    const char* platform_name = "desktop";  // shown in the status line
    bool can_quit = true;                   // the browser has no File > Quit
    bool page_toolbar = false;              // the page's own tools sit over the app (the browser)
    int next_panel_key = -1;                // the platform's key index of F6 (ImGui 1.86 names none); -1 = none
    // Reads a scenario file by path (the desktop's File > Open path box); empty in the
    // browser, which opens files through the page. The UI itself never touches files.
    std::function<std::optional<std::string>(const std::string& path)> read_file = {};
};

class App {
public:
    // Steps of a long load run per frame, to begin with; then the slice follows the time
    // the last frame's slice took, aiming at 15 to 40 ms so the page keeps drawing on a
    // slow machine too.
    static constexpr std::uint64_t load_slice_steps = 50'000;
    static constexpr std::uint64_t min_load_slice = 2'000, max_load_slice = 800'000;

    explicit App(AppInfo info);

    // The renderer for cell grids (owned by the platform layer); null = draw no grids.
    void set_grid_renderer(GridRenderer* renderer) { grid_renderer_ = renderer; }

    // Call before ImGui::NewFrame. Rebuilds fonts and style when the UI scale (device
    // pixel ratio times the user's font size) changed; returns true when the font atlas
    // was rebuilt, so the renderer must upload it again.
    bool prepare_frame(float display_scale);

    // Draws one frame of UI; call between ImGui::NewFrame and ImGui::Render.
    void draw();

    // Opens the scenario file at `path` through AppInfo::read_file and loads it; returns
    // "" when it loaded, else what went wrong (shown under the path box).
    std::string open_path(const std::string& path);

    // Whether the user chose File > Quit.
    bool quit_requested() const { return quit_requested_; }

    // Frames drawn so far (the JS API reports it to tests).
    long frames_drawn() const { return frames_drawn_; }

    // The simulator and its command queue (the platform loads files and serves the JS API).
    Controller& controller() { return controller_; }
    const Controller& controller() const { return controller_; }

    // Registers the theme and text size with ImGui's ini settings, so they are remembered
    // with the layout. Call after ImGui::CreateContext, before any ini data is loaded.
    void install_settings_handler();

    // Font size factor (1 = default) and theme, for the settings the platform remembers.
    float font_size_factor() const { return font_size_factor_; }
    void set_font_size_factor(float factor);
    Theme theme() const { return theme_; }
    void set_theme(Theme theme) { theme_ = theme; }
    // No animations (the translation's highlight sequence): View > Reduce motion, or the
    // system's setting, which the platform passes in.
    bool reduce_motion() const { return reduce_motion_; }
    void set_reduce_motion(bool on) { reduce_motion_ = on; }

    // Presentation mode: the focused panel fills the window with large text (key P,
    // View > Presentation, memsim.view({present: true})).
    bool presenting() const { return presenting_; }
    void present(bool on) { set_presenting(on, shown_); }

    // Whether the keyboard steps the run or moves between a panel's widgets (ui/keyboard_nav.hpp).
    const KeyboardNav& keyboard() const { return keyboard_; }
    // True once after an Esc that nothing else took: the platform hands the keyboard to
    // the page around the canvas (the browser's toolbar).
    bool take_leave_canvas() { return keyboard_.take_leave_canvas(); }

    // What an embedding page chose to show (embed mode, panels); see ui/view_options.hpp.
    ViewOptions& view() { return view_; }
    const ViewOptions& view() const { return view_; }

private:
    void draw_menu_bar();
    void draw_path_box();
    void draw_status_line();
    void draw_panel(PanelId id, const Rect& rect, PanelContext& context);
    // One panel at a time: a phone (with tabs) or presentation mode.
    void draw_one_panel(const ShownPanels& shown, bool compact, float top, PanelContext& context);
    // A phone's cue for a waiting lesson question: opens the Lesson tab, or draws a banner
    // at y that leads there; returns the banner's height (0 when none).
    float cue_waiting_question(const ShownPanels& shown, float y);
    void handle_presentation_keys(const ShownPanels& shown);
    void set_presenting(bool on, const ShownPanels& shown);
    void draw_welcome();                   // the first visit's one-screen welcome
    void note_progress();                  // a lesson whose last step is shown is finished
    void draw_panels_menu();               // View > Panels: show or hide single panels
    void forget_panel_choices_on_new_scenario();  // a new scenario starts from its own panels

    AppInfo info_;
    Controller controller_;
    GridRenderer* grid_renderer_ = nullptr;
    Fonts fonts_;
    Theme theme_ = Theme::Dark;
    float applied_scale_ = 0.0f;
    Theme applied_theme_ = Theme::Dark;
    float font_size_factor_ = 1.0f;
    bool reduce_motion_ = false;
    float last_display_w_ = -1.0f, last_display_h_ = -1.0f;
    std::uint64_t load_slice_ = load_slice_steps;
    // Halves or doubles the load slice after a frame whose commands took `seconds`.
    void adapt_load_slice(double seconds);
    bool relayout_ = true;
    ShownPanels shown_;
    PanelContent can_show_;        // what the loaded run can fill (this frame)
    PanelToggles panel_toggles_;   // the learner's View > Panels choices for this scenario
    std::string toggles_key_;      // the scenario those choices belong to
    bool wide_source_ = false;   // Source panel widened for editing
    float diagram_zoom_ = 1.0f;  // the Memory diagram's zoom (its - and + buttons, Ctrl+wheel)
    MemorySelection selection_;  // what the memory diagram picked; the other panels outline it
    ViewOptions view_;
    bool quit_requested_ = false;
    bool show_about_ = false;
    bool show_keys_ = false;
    PanelId single_ = PanelId::Source;  // the one panel shown on a phone or in presentation mode
    bool single_chosen_ = false;       // the learner picked single_ (a tab, P) for this scenario
    bool presenting_ = false;          // presentation mode: one panel, large text
    bool question_waited_ = false;     // a lesson question held the run last frame (phone)
    std::uint64_t refused_seen_ = 0;   // the controller's refused_moves() last frame
    float font_before_presenting_ = 1.0f;
    KeyboardNav keyboard_;     // stepping keys or ImGui's navigation
    CourseProgress progress_;  // lessons finished, welcome seen (saved with the settings)
    OstepMenu ostep_menu_;    // File > OSTEP homework: the chosen script and typed flags
    std::string path_box_;    // File > Open path: the typed path
    std::string path_error_;  // why the last path did not open
    long frames_drawn_ = 0;
};

}  // namespace memsim::ui
