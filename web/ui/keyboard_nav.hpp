#pragma once
// What the keyboard talks to: the run (stepping) or the widgets of one panel
// (navigating). Both use the arrows, Space, Home and End, so the keyboard does one or
// the other, never both:
//
//   stepping   --F6 / Shift+F6 (Ctrl+Tab on the desktop)-->  navigating: ImGui's nav
//                  cursor on the next (previous) panel, the menu bar included
//   navigating --F6 / Shift+F6-->  the next (previous) panel
//   navigating --Esc, or a mouse click-->  stepping
//   stepping   --Esc that nothing else takes-->  the canvas hands the keyboard to the
//                  page (its toolbar's buttons; the browser only)
//
// ImGui's keyboard navigation is on while navigating and while a popup (a menu, a list,
// a dialog) is open; the stepping keys rest then, and while a text field has the keyboard.
// The number keys and S (quiz answers) work in both modes: ImGui's navigation does not use them.
//
//   each frame, before any window: nav.begin_frame(f6_key, escape_taken);
//                                  if (nav.stepping_keys()) handle the stepping keys;
//   after the last window:         nav.end_frame();
#include <string>

namespace memsim::ui {

enum class KeyboardMode { Stepping, Navigating };

// This frame's input, as far as the keyboard mode cares.
struct KeyboardInput {
    bool next_panel = false;      // F6
    bool previous_panel = false;  // Shift+F6
    bool escape = false;          // Esc pressed
    bool escape_taken = false;    // something else uses this Esc: a popup, a text field, presentation, a load
    bool mouse_clicked = false;   // any mouse button went down
    bool switcher_used = false;   // ImGui's own Ctrl+Tab window switcher is up (it focuses a panel)
};

enum class KeyboardAction { None, FocusNextPanel, FocusPreviousPanel, HideNavCursor, LeaveCanvas };

struct KeyboardChange {
    KeyboardMode mode = KeyboardMode::Stepping;
    KeyboardAction action = KeyboardAction::None;
};

// The mode after this frame's input and what the app must do for it.
KeyboardChange next_keyboard_mode(KeyboardMode mode, const KeyboardInput& input);

// The ImGui side: reads the keys, moves the focus between panels, turns ImGui's keyboard
// navigation on and off.
class KeyboardNav {
public:
    // Call before any window of the frame is begun. `next_panel_key` is the platform's key
    // index of F6 (ImGui 1.86 names no function keys; -1 = none); `escape_taken` says
    // another part of the app uses this frame's Esc.
    void begin_frame(int next_panel_key, bool escape_taken);
    // Call after the frame's last window: ImGui closes a popup on Esc before the app draws
    // the next frame, so that frame asks whether one was open in this one.
    void end_frame();

    KeyboardMode mode() const { return mode_; }
    // Whether Space, the arrows, Home, End, PageUp and PageDown may step the run this frame.
    bool stepping_keys() const { return stepping_keys_; }
    // The title of the window that has the keyboard ("" when none); ImGui's "##" part cut.
    std::string focused_window() const;
    // True once after an Esc asked to hand the keyboard to the page.
    bool take_leave_canvas();

private:
    KeyboardMode mode_ = KeyboardMode::Stepping;
    bool popup_was_open_ = false;
    bool stepping_keys_ = true;
    bool leave_canvas_ = false;
};

}  // namespace memsim::ui
