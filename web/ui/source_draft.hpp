#pragma once
// The text being typed in the Source panel's editor, before Run. The page saves it
// (localStorage) as it changes, so a reload or a crashed tab loses nothing typed; the
// revision tells the page cheaply whether there is anything new to save.
#include <cstdint>
#include <string>

namespace memsim::ui {

struct SourceDraft {
    std::string text;            // the editor's text ("" when not editing)
    bool editing = false;        // the editor is open
    std::uint64_t revision = 0;  // grows with every change of text or editing
};

// The one draft of the app's Source panel.
SourceDraft& source_draft();

// Records a change (called by the Source panel).
void note_source_draft(bool editing, const std::string& text);

}  // namespace memsim::ui
