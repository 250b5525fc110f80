#pragma once
// The settings a lesson talks about ("change frames to 4 and run it again") as controls
// that re-run the scenario at once: frames and the replacement policy at the top of the
// Virtual memory panel (and the TLB's size), the allocator at the top of the Heap panel.
// A change rewrites the front matter (ui_support/settings_edit.hpp),
// so the Source panel shows it, a share link keeps it, and the lesson's questions, written
// for the old settings, are set aside with a note (see ui/quiz_settings.hpp).
#include <string>

#include "ui/panels/panels.hpp"
#include "ui/panels/virtual_memory_panel.hpp"

namespace memsim::ui {

void draw_vm_settings(const VmPanelView& view, PanelContext& context);
// `allocator`: the one the run uses ("segregated", "glibc", ...).
void draw_heap_settings(const std::string& allocator, PanelContext& context);

}  // namespace memsim::ui
