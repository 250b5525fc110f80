#pragma once
// While a long run loads in slices (Controller::loading()), a small modal window says how
// far it has got and offers Stop, so the page never seems frozen and a runaway program
// can be cut short: the run then keeps the steps made so far.
#include "ui/controller.hpp"

namespace memsim::ui {

// Draws the notice while the controller is loading; Stop (or Escape) pushes cmd::StopLoading.
void draw_loading_notice(Controller& controller, std::uint64_t step_limit);

}  // namespace memsim::ui
