#pragma once
// The teaching parts of a scenario: its place in the course, the author's narration at
// chosen steps and predict-then-reveal questions whose answers the engine checks.
//
//   [course]
//   order = 9                    # lesson 9: the picker lists the course by this number
//   recap = "FIFO can fault more with more frames."   # shown when the last step is reached
//
//   [[narration]]
//   step = 4                     # shown while step 4 is the current step
//   text = "Page 4 is not in memory: FIFO must evict the oldest page."
//
//   [[question]]
//   step = 7                     # asked before step 7 is revealed
//   ask = "Which page will FIFO evict?"
//   kind = "victim_page"         # what the engine computes at step 7 (see QuestionKind)
//   answer = 1                   # checked against the engine by `memsim check` and tests
//   explain = "Page 1 arrived first, so it leaves first."
//
// Question kinds and the engine fact each one is compared with, at its step:
//   hit_or_miss      "hit" or "miss": did the step's reference fault?
//   tlb_hit_or_miss  "hit" or "miss": did the step miss in the TLB?
//   victim_page      the page number evicted by the step, or "none"
//   malloc_block     the payload address the step's malloc/calloc/realloc returned
//   address          the address of the step's first event that names one
//   number           a fact after the step, named by `fact` (see number_facts()): paging
//                    counters, stack and heap sizes, registers (SP, FP, the top frame's
//                    return address), page-table size of the running process
//   choice           one of `choices`; `fact` = "event" (the kind of the step's learner
//                    error, or "none") or "state" (the running process's state)
//   translation      an OSTEP problem (kind = "ostep"): the physical address the step's
//                    virtual address translates to, or "fault" (a violation or invalid entry)
//   returned         an OSTEP malloc.py problem: what the step's malloc or free returns, as
//                    the script prints it (an address, -1 when nothing fits; 0 or -1 for a free)
#include <cstdint>
#include <string>
#include <vector>

#include <toml++/toml.h>

#include "memsim/core/result.hpp"

namespace memsim::scenario {

enum class QuestionKind { HitOrMiss, TlbHitOrMiss, VictimPage, MallocBlock, Address, Number, Choice, Translation, Returned };

// The kind's name in files ("victim_page").
const char* question_kind_name(QuestionKind kind);

// Author narration shown at one step.
struct Narration {
    std::uint64_t step = 0;
    std::string text;
};

// A question asked before `step` is revealed.
struct Question {
    std::uint64_t step = 1;
    std::string ask;
    QuestionKind kind = QuestionKind::Choice;
    std::string answer;                  // as written in the file ("miss", "3", "0x804c010")
    std::vector<std::string> choices;    // buttons to offer; empty = derived or typed
    std::string fact;                    // for number and choice: which engine fact
    std::string explain;                 // shown after the answer is revealed
    int line = 0, column = 0;            // where the question's answer is written
};

// Everything a scenario teaches beyond its summary.
struct LessonParts {
    int order = 0;                       // place in the course; 0 = not a course lesson
    std::string recap{};                 // [course] recap: what the lesson showed, shown at its end
    std::vector<Narration> narration;    // sorted by step
    std::vector<Question> questions;     // sorted by step
};

// The counters a `number` question may ask about.
const std::vector<std::string>& number_facts();

// Reads [course], [[narration]] and [[question]] from the front matter; errors go to
// `errors` with line and column (unknown keys suggest the nearest known one).
LessonParts read_lesson_parts(const toml::table& front_matter, int line_offset, std::vector<Error>& errors);

// Whether a learner's answer equals an expected one: numbers compare by value (12 =
// 0xc), words ignoring case and surrounding spaces.
bool same_answer(const std::string& given, const std::string& expected);

}  // namespace memsim::scenario
