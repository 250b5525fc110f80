#pragma once
// Paging events in plain words, the way a teacher says them, for the CLI, the UI's
// event log and the lessons. Page numbers are shown in hex for the MMU (addresses) and
// in decimal for reference strings (as textbooks write them).
//
//   "Page 7 was not in memory and every frame was full, so the OS evicted page 2 from
//    frame 1 (lru evicts the least recently used page); it was dirty, so it was written
//    to swap first. Page 7 now sits in frame 1."
#include <string>

#include "memsim/vm/mmu.hpp"
#include "memsim/vm/replace.hpp"

namespace memsim::vm {

// One step of a replacement run.
std::string explain(const ReplaceStep& step, PolicyKind policy);

// One MMU event.
std::string explain(const MmuEvent& event, PolicyKind policy);

}  // namespace memsim::vm
