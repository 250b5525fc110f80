#include "ui/keyboard_nav.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "imgui.h"
#include "imgui_internal.h"

namespace memsim::ui {

KeyboardChange next_keyboard_mode(KeyboardMode mode, const KeyboardInput& input) {
    using enum KeyboardMode;
    using enum KeyboardAction;
    if (input.next_panel) return {Navigating, FocusNextPanel};
    if (input.previous_panel) return {Navigating, FocusPreviousPanel};
    if (input.switcher_used) return {Navigating, None};
    if (input.mouse_clicked) return {Stepping, mode == Navigating ? HideNavCursor : None};
    if (!input.escape || input.escape_taken) return {mode, None};
    return mode == Navigating ? KeyboardChange{Stepping, HideNavCursor} : KeyboardChange{Stepping, LeaveCanvas};
}

namespace {

// The windows F6 visits: the menu bar and the panels the last frame drew, top to bottom
// and left to right (not ImGui's focus order, which changes with every visit).
std::vector<ImGuiWindow*> panels_in_reading_order() {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    const ImGuiWindowFlags skipped = ImGuiWindowFlags_Popup | ImGuiWindowFlags_Tooltip | ImGuiWindowFlags_ChildWindow |
                                     ImGuiWindowFlags_NoNavFocus;
    std::vector<ImGuiWindow*> windows;
    for (ImGuiWindow* window : g.Windows) {
        if (window->WasActive && window->RootWindow == window && !window->IsFallbackWindow && (window->Flags & skipped) == 0) {
            windows.push_back(window);
        }
    }
    std::sort(windows.begin(), windows.end(), [](const ImGuiWindow* a, const ImGuiWindow* b) {
        if (a->Pos.y != b->Pos.y) return a->Pos.y < b->Pos.y;
        return a->Pos.x < b->Pos.x;
    });
    return windows;
}

// What ImGui's own Ctrl+Tab does on release: the window gets the keyboard, its nav
// cursor shows on the widget it had last (else its first one), the mouse hover rests.
void give_keyboard_to(ImGuiWindow* window) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGui::ClearActiveID();
    ImGui::ClosePopupsOverWindow(window, false);
    ImGui::FocusWindow(window);
    // The main menu bar has only a menu layer: the cursor goes to its first menu.
    const bool menu_only = window->DC.NavLayersActiveMaskNext == (1 << ImGuiNavLayer_Menu);
    if (menu_only) g.NavLayer = ImGuiNavLayer_Menu;
    if (menu_only || window->NavLastIds[0] == 0) ImGui::NavInitWindow(window, menu_only);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    g.NavMousePosDirty = true;
}

void focus_panel(int direction) {
    const std::vector<ImGuiWindow*> windows = panels_in_reading_order();
    if (windows.empty()) return;
    const ImGuiWindow* focused = ImGui::GetCurrentContext()->NavWindow;
    if (focused != nullptr) focused = focused->RootWindow;
    const auto at = std::find(windows.begin(), windows.end(), focused);
    const int count = static_cast<int>(windows.size());
    int next = direction > 0 ? 0 : count - 1;  // from no panel (or a popup): the first, or the last
    if (at != windows.end()) next = (static_cast<int>(at - windows.begin()) + direction + count) % count;
    give_keyboard_to(windows[static_cast<std::size_t>(next)]);
}

// ImGui reads the flag in NewFrame, and with it off hides its nav cursor there: so it is
// set at the end of a frame too (a dialog opened in this frame shows its cursor in the next).
void use_imgui_navigation(bool on) {
    ImGuiIO& io = ImGui::GetIO();
    if (on) {
        io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
    } else {
        io.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
    }
}

}  // namespace

void KeyboardNav::begin_frame(int next_panel_key, bool escape_taken) {
    ImGuiContext& g = *ImGui::GetCurrentContext();
    ImGuiIO& io = g.IO;
    const bool f6 = next_panel_key >= 0 && ImGui::IsKeyPressed(next_panel_key);  // held: it repeats
    bool clicked = false;
    for (const bool down : io.MouseClicked) clicked = clicked || down;
    const KeyboardInput input{.next_panel = f6 && !io.KeyShift,
                              .previous_panel = f6 && io.KeyShift,
                              .escape = ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false),
                              .escape_taken = escape_taken || popup_was_open_ || io.WantTextInput,
                              .mouse_clicked = clicked,
                              .switcher_used = g.NavWindowingTarget != nullptr};
    const KeyboardChange change = next_keyboard_mode(mode_, input);
    mode_ = change.mode;
    switch (change.action) {
        case KeyboardAction::FocusNextPanel: focus_panel(+1); break;
        case KeyboardAction::FocusPreviousPanel: focus_panel(-1); break;
        case KeyboardAction::HideNavCursor: g.NavDisableHighlight = true; break;
        case KeyboardAction::LeaveCanvas: leave_canvas_ = true; break;
        case KeyboardAction::None: break;
    }
    const bool popup_open = g.OpenPopupStack.Size > 0;
    use_imgui_navigation(mode_ == KeyboardMode::Navigating || popup_open);
    stepping_keys_ = mode_ == KeyboardMode::Stepping && !popup_open && !popup_was_open_ && !io.WantTextInput &&
                     g.NavWindowingTarget == nullptr;
}

void KeyboardNav::end_frame() {
    popup_was_open_ = ImGui::GetCurrentContext()->OpenPopupStack.Size > 0;
    use_imgui_navigation(mode_ == KeyboardMode::Navigating || popup_was_open_);
}

std::string KeyboardNav::focused_window() const {
    const ImGuiWindow* window = ImGui::GetCurrentContext()->NavWindow;
    if (window == nullptr) return {};
    const std::string name = window->RootWindow->Name;
    const std::size_t hidden = name.find("##");
    return hidden == 0 ? name : name.substr(0, hidden);  // "##MainMenuBar" has no visible part
}

bool KeyboardNav::take_leave_canvas() { return std::exchange(leave_canvas_, false); }

}  // namespace memsim::ui
