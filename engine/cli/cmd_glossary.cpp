// memsim glossary [TERM]: the words memsim uses, in simple words.
#include <ostream>

#include "command.hpp"
#include "memsim/machine/glossary.hpp"

namespace memsim::cli {
namespace {

int run_glossary(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    if (argv.size() > 1) return bad_input(err, "glossary", "give at most one term (quote terms with spaces)");
    if (argv.size() == 1) {
        const std::string meaning = machine::define(argv[0]);
        if (meaning.empty()) return bad_input(err, "glossary", "no entry for '" + argv[0] + "'; run 'memsim glossary' for the list");
        out << argv[0] << ": " << meaning << "\n";
        return exit_ok;
    }
    for (const auto& entry : machine::glossary()) out << entry.term << "\n    " << entry.meaning << "\n";
    return exit_ok;
}

MEMSIM_COMMAND("glossary", "The terms memsim uses, each in simple words", run_glossary);

}  // namespace
}  // namespace memsim::cli
