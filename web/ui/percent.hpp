#pragma once
// A rate as a percentage that never rounds a real rate to "0%" or "100%": 11 faults in
// 2000 references is "0.6%", not "0%"; 1999 hits in 2000 is "99.9%", not "100%"; a rate
// below 0.1% is "<0.1%". Only an exact 0 or 1 prints as "0%" or "100%".
#include <string>

namespace memsim::ui {

std::string percent_text(double fraction);

}  // namespace memsim::ui
