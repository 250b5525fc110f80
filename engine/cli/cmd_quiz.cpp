// memsim quiz paging|heap|translate [--seed N] [--answers] [--scenario]
// A practice problem in the style of the OSTEP homework; the same seed, the same problem.
#include <ostream>

#include "command.hpp"
#include "memsim/core/text.hpp"
#include "memsim/quiz/quiz.hpp"

namespace memsim::cli {
namespace {

constexpr const char* quiz_usage = "usage: memsim quiz paging|heap|translate [--seed N] [--answers] [--scenario]\n";

int run_quiz(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    const auto args = Args::parse(argv, {"seed"}, {"answers", "scenario", "help"});
    if (!args) return bad_input(err, "quiz", args.error().message);
    if (args->flag("help") || args->positional().size() != 1) {
        (args->flag("help") ? out : err) << quiz_usage;
        return args->flag("help") ? exit_ok : exit_bad_input;
    }
    const std::string& name = args->positional()[0];
    const auto kind = quiz::quiz_kind_from_name(name);
    if (!kind) {
        const std::string suggestion = nearest(name, quiz::quiz_kind_names());
        return bad_input(err, "quiz", "unknown problem kind '" + name + "'" +
                                          (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)") +
                                          "; expected paging, heap or translate");
    }
    std::uint64_t seed = 1;
    if (const auto value = args->value("seed")) {
        const auto parsed = parse_u64(*value);
        if (!parsed) return bad_input(err, "quiz", "--seed needs a whole number, got '" + *value + "'");
        seed = *parsed;
    }
    const quiz::QuizProblem problem = quiz::generate(*kind, seed);
    if (args->flag("scenario")) {
        if (problem.scenario.empty()) return bad_input(err, "quiz", "the " + name + " problem has no scenario form");
        out << problem.scenario;
        return exit_ok;
    }
    out << problem.title << "\n\n" << (args->flag("answers") ? problem.answers : problem.problem);
    return exit_ok;
}

MEMSIM_COMMAND("quiz", "A practice problem (paging, heap, translate) from a seed; --answers works it", run_quiz);

}  // namespace
}  // namespace memsim::cli
