#pragma once
// The three generators behind quiz::generate, one file each.
#include "memsim/core/prng.hpp"
#include "memsim/quiz/quiz.hpp"

namespace memsim::quiz::detail {

QuizProblem paging_problem(std::uint64_t seed);
QuizProblem heap_problem(std::uint64_t seed);
QuizProblem translate_problem(std::uint64_t seed);

// Different kinds with the same seed must not share a sequence.
inline Prng seeded(std::uint64_t seed, std::uint64_t salt) { return Prng{seed * 0x100000001B3ull + salt}; }

}  // namespace memsim::quiz::detail
