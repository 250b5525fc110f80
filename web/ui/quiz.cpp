#include "ui/quiz.hpp"

#include <algorithm>

#include "memsim/machine/lesson_check.hpp"

namespace memsim::ui {

void Quiz::start(const machine::Simulator& simulator) {
    items_.clear();
    last_ = static_cast<std::size_t>(-1);
    if (simulator.scenario().teaching.questions.empty()) return;
    machine::Simulator probe = simulator;
    for (const scenario::Question& q : simulator.scenario().teaching.questions) {
        if (q.step == 0 || q.step > probe.total_steps()) continue;  // `memsim check` reports these
        QuizItem item;
        item.question = q;
        item.truth = machine::engine_answer(probe, q);
        item.offered = machine::offered_choices(probe, q);
        // Derived buttons that miss the answer would make the question unanswerable.
        const bool answer_offered = std::any_of(item.offered.begin(), item.offered.end(), [&](const std::string& o) {
            return scenario::same_answer(o, item.truth);
        });
        if (!answer_offered && q.choices.empty()) item.offered.clear();
        items_.push_back(std::move(item));
    }
}

std::uint64_t Quiz::allowed(std::uint64_t current, std::uint64_t target) const {
    for (const QuizItem& item : items_) {
        const std::uint64_t s = item.question.step;
        if (item.outcome == QuizOutcome::Open && s > current && s <= target) return s - 1;
    }
    return target;
}

QuizItem* Quiz::pending_item(std::uint64_t current) {
    for (QuizItem& item : items_) {
        if (item.outcome == QuizOutcome::Open && item.question.step == current + 1) return &item;
    }
    return nullptr;
}

const QuizItem* Quiz::pending(std::uint64_t current) const { return const_cast<Quiz*>(this)->pending_item(current); }

bool Quiz::answer(std::uint64_t current, const std::string& given) {
    QuizItem* item = pending_item(current);
    if (item == nullptr) return false;
    item->given = given;
    item->outcome = scenario::same_answer(given, item->truth) ? QuizOutcome::Correct : QuizOutcome::Wrong;
    last_ = static_cast<std::size_t>(item - items_.data());
    return item->outcome == QuizOutcome::Correct;
}

void Quiz::skip(std::uint64_t current) {
    QuizItem* item = pending_item(current);
    if (item == nullptr) return;
    item->outcome = QuizOutcome::Skipped;
    last_ = static_cast<std::size_t>(item - items_.data());
}

int Quiz::correct() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const QuizItem& i) { return i.outcome == QuizOutcome::Correct; }));
}

int Quiz::answered() const {
    return static_cast<int>(std::count_if(items_.begin(), items_.end(), [](const QuizItem& i) { return i.outcome != QuizOutcome::Open; }));
}

}  // namespace memsim::ui
