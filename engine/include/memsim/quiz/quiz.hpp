#pragma once
// Seeded practice problems in the style of the OSTEP homework simulators: a problem to
// work by hand, and its worked solution. The same seed gives the same problem on every
// platform (core Prng only), and the paging and heap problems come with a scenario text
// whose questions the engine checks, so the app can pose the same problem step by step.
//
//   memsim quiz paging --seed 7              ->  generate(QuizKind::Paging, 7).problem
//   memsim quiz paging --seed 7 --answers    ->  ... .answers
//
//   paging     a reference string, a policy and a number of frames: hit or miss at each
//              reference, which page is evicted, what memory holds afterwards
//   heap       a list of malloc and free calls on one allocator: the address each malloc
//              returns and the free list after each call
//   translate  a linear page table and virtual addresses: the physical address each one
//              translates to, or why it is invalid
//
//   vaddr = | VPN | offset |      paddr = PFN * page_size + offset   (when the PTE is valid)
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace memsim::quiz {

enum class QuizKind { Paging, Heap, Translate };

// "paging", "heap", "translate".
const char* quiz_kind_name(QuizKind kind);
// The kind called `name`, if any.
std::optional<QuizKind> quiz_kind_from_name(std::string_view name);
// Every kind's name, for usage messages and suggestions.
const std::vector<std::string>& quiz_kind_names();

// One generated problem.
struct QuizProblem {
    std::string title;      // "Paging problem (seed 7)"
    std::string problem;    // what to work out, one question per line
    std::string answers;    // the worked solution
    std::string scenario;   // a .msim lesson posing the same questions (empty for translate)
};

// The problem of this kind for this seed.
QuizProblem generate(QuizKind kind, std::uint64_t seed);

}  // namespace memsim::quiz
