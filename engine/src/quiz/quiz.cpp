#include "memsim/quiz/quiz.hpp"

#include "quiz_impl.hpp"

namespace memsim::quiz {

const char* quiz_kind_name(QuizKind kind) {
    switch (kind) {
        case QuizKind::Paging: return "paging";
        case QuizKind::Heap: return "heap";
        case QuizKind::Translate: return "translate";
    }
    return "paging";
}

std::optional<QuizKind> quiz_kind_from_name(std::string_view name) {
    for (QuizKind kind : {QuizKind::Paging, QuizKind::Heap, QuizKind::Translate}) {
        if (name == quiz_kind_name(kind)) return kind;
    }
    return std::nullopt;
}

const std::vector<std::string>& quiz_kind_names() {
    static const std::vector<std::string> names{"paging", "heap", "translate"};
    return names;
}

QuizProblem generate(QuizKind kind, std::uint64_t seed) {
    switch (kind) {
        case QuizKind::Paging: return detail::paging_problem(seed);
        case QuizKind::Heap: return detail::heap_problem(seed);
        case QuizKind::Translate: return detail::translate_problem(seed);
    }
    return detail::paging_problem(seed);
}

}  // namespace memsim::quiz
