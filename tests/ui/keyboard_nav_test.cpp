// The keyboard's two modes (ui/keyboard_nav.hpp): the rule alone, then the whole app
// drawn in real (headless) ImGui frames with keys pressed as the GLFW backend reports them.
#include <catch2/catch.hpp>
#include <string>

#include "imgui.h"
#include "ui/app.hpp"
#include "ui/keyboard_nav.hpp"
#include "ui/widget_rects.hpp"

using namespace memsim::ui;

TEST_CASE("F6 starts navigating, Esc goes back to stepping, a second Esc leaves the canvas", "[ui][keys]") {
    using enum KeyboardMode;
    using enum KeyboardAction;
    const auto after = [](KeyboardMode mode, KeyboardInput input) { return next_keyboard_mode(mode, input); };
    CHECK(after(Stepping, {.next_panel = true}).mode == Navigating);
    CHECK(after(Stepping, {.next_panel = true}).action == FocusNextPanel);
    CHECK(after(Navigating, {.previous_panel = true}).action == FocusPreviousPanel);
    CHECK(after(Stepping, {.switcher_used = true}).mode == Navigating);  // ImGui's Ctrl+Tab focused a panel
    CHECK(after(Navigating, {.escape = true}).mode == Stepping);
    CHECK(after(Navigating, {.escape = true}).action == HideNavCursor);
    CHECK(after(Stepping, {.escape = true}).action == LeaveCanvas);
    // An Esc that closes a menu, leaves a text field, presentation or a load is theirs alone.
    CHECK(after(Navigating, {.escape = true, .escape_taken = true}).mode == Navigating);
    CHECK(after(Stepping, {.escape = true, .escape_taken = true}).action == None);
    CHECK(after(Navigating, {.mouse_clicked = true}).mode == Stepping);
    CHECK(after(Stepping, {}).action == None);
}

namespace {

// Key indices as a backend sets them in io.KeyMap (1.86 has no fixed key numbers).
constexpr int nav_key_base = 100;
constexpr int nav_key_f6 = 300;

int key_index(ImGuiKey_ key) { return nav_key_base + static_cast<int>(key); }

struct NavApp {
    ImGuiContext* context = ImGui::CreateContext();
    App app{AppInfo{.platform_name = "test", .can_quit = false, .next_panel_key = nav_key_f6}};

    NavApp() {
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1366, 768);
        for (int k = 0; k < ImGuiKey_COUNT; ++k) io.KeyMap[k] = nav_key_base + k;
        app.prepare_frame(1.0f);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        app.controller().execute(cmd::SetQuizMode{false});
        app.controller().execute(cmd::LoadBuiltin{"call-and-return"});
        for (int i = 0; i < 3; ++i) frame();
    }
    ~NavApp() { ImGui::DestroyContext(context); }
    NavApp(const NavApp&) = delete;
    NavApp& operator=(const NavApp&) = delete;

    void frame() {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        for (float& input : io.NavInputs) input = 0.0f;  // as the GLFW backend clears them each frame
        ImGui::NewFrame();
        app.draw();
        ImGui::Render();
    }
    // Down for a frame, up for a frame: what one short press looks like to ImGui.
    void press(int index, bool shift = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeysDown[index] = true;
        io.KeyShift = shift;
        frame();
        io.KeysDown[index] = false;
        io.KeyShift = false;
        frame();
    }
    void press(ImGuiKey_ key) { press(key_index(key)); }
    const WidgetRect* rect(const std::string& name) const {
        for (const WidgetRect& r : widget_rects()) {
            if (r.name == name) return &r;
        }
        return nullptr;
    }
    bool cursor_shown() const { return rect("nav:cursor") != nullptr; }
    bool cursor_on(const std::string& name) const {
        const WidgetRect* cursor = rect("nav:cursor");
        const WidgetRect* item = rect(name);
        return cursor != nullptr && item != nullptr && cursor->x == item->x && cursor->y == item->y;
    }
    std::uint64_t step() const { return app.controller().step(); }
};

}  // namespace

TEST_CASE("While the keyboard navigates a panel the arrows and Space move ImGui's cursor, not the run", "[ui][keys]") {
    NavApp t;
    t.press(ImGuiKey_RightArrow);
    REQUIRE(t.step() == 1);  // stepping: Right steps
    CHECK_FALSE((ImGui::GetIO().ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) != 0);

    // F6 until the Controls strip has the keyboard: the nav cursor shows on its first widget.
    for (int i = 0; i < 16 && t.app.keyboard().focused_window() != "Controls"; ++i) t.press(nav_key_f6);
    REQUIRE(t.app.keyboard().focused_window() == "Controls");
    CHECK(t.app.keyboard().mode() == KeyboardMode::Navigating);
    CHECK((ImGui::GetIO().ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) != 0);
    CHECK(ImGui::GetIO().NavVisible);
    CHECK(t.cursor_shown());

    // Right moves the cursor; the run stays where it was, and Space does not play.
    t.press(ImGuiKey_RightArrow);
    t.press(ImGuiKey_Space);  // presses the widget under the cursor instead
    t.press(ImGuiKey_End);
    CHECK(t.step() == 1);
    CHECK_FALSE(t.app.controller().playing());
    if (ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel)) t.press(ImGuiKey_Escape);
    CHECK(t.app.keyboard().mode() == KeyboardMode::Navigating);  // that Esc only closed a list
    CHECK(t.app.keyboard().focused_window() == "Controls");
    // Shift+F6 goes back one panel in reading order: the menu bar sits above the Controls.
    t.press(nav_key_f6, true);
    CHECK(t.app.keyboard().focused_window() == "##MainMenuBar");
    CHECK(t.cursor_shown());

    // Esc: back to stepping, the cursor hides, Right steps again; nothing leaves the canvas yet.
    t.press(ImGuiKey_Escape);
    CHECK(t.app.keyboard().mode() == KeyboardMode::Stepping);
    CHECK_FALSE(t.cursor_shown());
    CHECK_FALSE(t.app.take_leave_canvas());
    t.press(ImGuiKey_RightArrow);
    CHECK(t.step() == 2);
    // A second Esc hands the keyboard to the page.
    t.press(ImGuiKey_Escape);
    CHECK(t.app.take_leave_canvas());
    CHECK_FALSE(t.app.take_leave_canvas());  // once
}

TEST_CASE("Space on a button reached by keyboard presses it, and Esc closing a list does not end navigating", "[ui][keys]") {
    NavApp t;
    for (int i = 0; i < 16 && t.app.keyboard().focused_window() != "Controls"; ++i) t.press(nav_key_f6);
    REQUIRE(t.app.keyboard().focused_window() == "Controls");
    // The first widget of the strip is the scenario picker: Space opens its list.
    t.press(ImGuiKey_Space);
    t.frame();
    CHECK(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    t.press(ImGuiKey_Escape);  // closes the list only
    CHECK_FALSE(ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId | ImGuiPopupFlags_AnyPopupLevel));
    CHECK(t.app.keyboard().mode() == KeyboardMode::Navigating);
    CHECK_FALSE(t.app.take_leave_canvas());
    // Down to the row of step buttons, Right along it to >, then Space steps once.
    t.press(ImGuiKey_DownArrow);
    for (int i = 0; i < 6 && !t.cursor_on("controls.step"); ++i) t.press(ImGuiKey_RightArrow);
    REQUIRE(t.cursor_on("controls.step"));
    const std::uint64_t before = t.step();
    t.press(ImGuiKey_Space);
    t.frame();
    CHECK(t.step() == before + 1);
    CHECK(t.app.keyboard().mode() == KeyboardMode::Navigating);
}

TEST_CASE("Number keys answer a waiting question in both keyboard modes", "[ui][keys]") {
    NavApp t;
    t.app.controller().execute(cmd::SetQuizMode{true});
    t.app.controller().execute(cmd::LoadBuiltin{"call-and-return"});
    for (int i = 0; i < 6 && t.app.controller().quiz().pending(t.step()) == nullptr; ++i) t.press(ImGuiKey_RightArrow);
    REQUIRE(t.app.controller().quiz().pending(t.step()) != nullptr);
    t.press(nav_key_f6);
    REQUIRE(t.app.keyboard().mode() == KeyboardMode::Navigating);
    const int answered = t.app.controller().quiz().answered();
    ImGui::GetIO().AddInputCharacter('1');
    t.frame();
    t.frame();
    CHECK(t.app.controller().quiz().answered() == answered + 1);
}
