#pragma once
// Changing a scenario's settings from outside the text (the page's memsim.set({frames: 4}),
// a settings box in the UI): the front matter is rewritten line by line, so comments,
// key order and the body stay exactly as the author wrote them.
//
//   +++                              +++
//   title = "Belady"                 title = "Belady"
//   [vm]                  frames=4   [vm]
//   frames = 3            ------->   frames = 4
//   policy = "fifo"                  policy = "fifo"
//   +++                              +++
//
//   auto edit = setting_edit("frames", toml_integer(4));      // vm.frames = 4
//   auto text2 = apply_settings(text, {*edit});                // or an Error with line
//
// A key missing from its table is added under the table's header; a missing table is
// added at the end of the front matter. Loading the result checks the values.
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/core/result.hpp"

namespace memsim::ui_support {

// One setting to write: `key = value` in `[table]` ("" = the top level).
struct SettingEdit {
    std::string table;
    std::string key;
    std::string value;  // a TOML literal: 4, "lru", true
};

// TOML literals for values coming from JSON.
std::string toml_integer(std::int64_t value);
std::string toml_string(const std::string& value);
std::string toml_bool(bool value);

// The edit for a setting name: the short names frames, policy, tlb (vm.tlb_entries),
// pagesize or page_size (vm.page_size), allocator (heap.allocator), or a dotted
// "table.key". Unknown short names are an error that lists the known ones.
Result<SettingEdit> setting_edit(const std::string& name, const std::string& value);

// The scenario text with every edit applied to its front matter. Fails when the text
// has no front matter between `+++` lines.
Result<std::string> apply_settings(const std::string& text, const std::vector<SettingEdit>& edits);

}  // namespace memsim::ui_support
