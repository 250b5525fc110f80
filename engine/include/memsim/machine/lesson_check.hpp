#pragma once
// What the engine says the answer to a lesson question is, so a lesson's stated answers
// are checked (by `memsim check` and the tests) and the UI can grade a learner.
//
//   auto sim = Simulator::load(text);
//   for (const Error& e : check_lesson(*sim)) ...   // a stated answer the engine disagrees with
//   std::string truth = engine_answer(*sim, question);  // "miss", "3", "0x804c010"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/machine/simulator.hpp"
#include "memsim/scenario/lesson.hpp"

namespace memsim::machine {

// The engine's fact for a question, computed at its step (the simulator is moved there
// and left there). Numbers come back in decimal, addresses in 0x hexadecimal.
std::string engine_answer(Simulator& sim, const scenario::Question& question);

// Every question whose stated answer differs from engine_answer, or whose step is past
// the end, as an error at the answer's line:column. Leaves the simulator at step 0.
std::vector<Error> check_lesson(Simulator& sim);

// The answers to offer as buttons for a question, from the state before its step (the
// simulator is moved to step - 1): its own choices, "hit"/"miss", the pages in memory
// for victim_page, the free blocks' payloads for malloc_block. Empty = type the answer.
std::vector<std::string> offered_choices(Simulator& sim, const scenario::Question& question);

// --- facts of one step, read from its events' kinds and payloads (never their text) ----
// The kind of the first learner error ("double-free", "segfault"), or "none".
std::string first_error_kind(const std::vector<Event>& events);
// The payload address the first allocation (malloc, calloc, realloc) returned, or nothing.
std::optional<std::uint64_t> allocated_payload(const std::vector<Event>& events);
// The virtual page number the last eviction took out of memory, or nothing.
std::optional<std::uint64_t> evicted_page(const std::vector<Event>& events);

}  // namespace memsim::machine
