#pragma once
// Quiz mode: a lesson's questions asked before their step is revealed. The controller
// starts a Quiz on every load and asks it how far a step or seek may go; stepping onto
// a question's step waits until the question is answered or skipped. Answers are graded
// against what the engine computes (machine::engine_answer), not against the file.
//
//   quiz.start(simulator);                     // after a load
//   target = quiz.allowed(current, target);    // before moving forwards
//   if (const QuizItem* q = quiz.pending(current)) show q->question.ask and q->offered
//   quiz.answer(current, "miss");              // true when correct; the score moves
#include <cstdint>
#include <string>
#include <vector>

#include "memsim/machine/simulator.hpp"
#include "memsim/scenario/lesson.hpp"

namespace memsim::ui {

enum class QuizOutcome { Open, Correct, Wrong, Skipped };

// One question with what the engine says and what the learner did.
struct QuizItem {
    scenario::Question question;
    std::string truth;                  // the engine's answer
    std::vector<std::string> offered;   // buttons; empty = type the answer
    QuizOutcome outcome = QuizOutcome::Open;
    std::string given;                  // the learner's answer
};

class Quiz {
public:
    // Prepares the questions of the loaded scenario (works on a copy of the simulator).
    void start(const machine::Simulator& simulator);
    bool active() const { return !items_.empty(); }

    // The furthest step in [current, target] reachable without passing an open question:
    // a question at step s holds the run at s - 1.
    std::uint64_t allowed(std::uint64_t current, std::uint64_t target) const;
    // The open question asked before step current + 1, or nullptr.
    const QuizItem* pending(std::uint64_t current) const;
    // The most recently answered or skipped question, or nullptr.
    const QuizItem* last_answered() const { return last_ < items_.size() ? &items_[last_] : nullptr; }

    // Grades the pending question; false when wrong or when no question is pending.
    bool answer(std::uint64_t current, const std::string& given);
    // Gives up on the pending question (it scores nothing).
    void skip(std::uint64_t current);

    int correct() const;
    int answered() const;   // correct, wrong or skipped
    int total() const { return static_cast<int>(items_.size()); }
    const std::vector<QuizItem>& items() const { return items_; }

private:
    QuizItem* pending_item(std::uint64_t current);

    std::vector<QuizItem> items_;
    std::size_t last_ = static_cast<std::size_t>(-1);
};

}  // namespace memsim::ui
