#include "ui/source_draft.hpp"

namespace memsim::ui {

SourceDraft& source_draft() {
    static SourceDraft draft;
    return draft;
}

void note_source_draft(bool editing, const std::string& text) {
    SourceDraft& d = source_draft();
    if (d.editing == editing && d.text == text) return;
    d.editing = editing;
    d.text = editing ? text : std::string();
    ++d.revision;
}

}  // namespace memsim::ui
