// memsim ostep SCRIPT [ARGS...]: an OSTEP homework simulator, line for line as
// `python3 SCRIPT ARGS` prints it (memsim/ostep/ostep.hpp).
#include <ostream>

#include "command.hpp"
#include "memsim/ostep/ostep.hpp"
#include "memsim/ostep/scenario.hpp"

namespace memsim::cli {
namespace {

// Streams the script's text to the command's stdout and stderr as it is produced.
class StreamOutput : public ostep::Output {
public:
    StreamOutput(std::ostream& out, std::ostream& err) : out_(out), err_(err) {}
    void out(std::string_view text) override { out_ << text; }
    void err(std::string_view text) override { err_ << text; }

private:
    std::ostream& out_;
    std::ostream& err_;
};

std::string script_list() {
    std::string list;
    for (const auto& name : ostep::script_names()) list += "  " + name + "\n";
    return list;
}

int run_ostep(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err) {
    if (argv.empty() || argv[0] == "--help") {
        (argv.empty() ? err : out) << "usage: memsim ostep SCRIPT [ARGS...]\n"
                                      "Runs an OSTEP homework script as python3 SCRIPT ARGS would; SCRIPT is one of\n"
                                   << script_list() << "(with or without .py). SCRIPT -h lists its flags; --scenario writes the problem\n"
                                      "as a .msim scenario for the app (paging-policy.py).\n";
        return argv.empty() ? exit_bad_input : exit_ok;
    }
    const auto script = ostep::find_script(argv[0]);
    if (!script) {
        return bad_input(err, "ostep", "unknown script '" + argv[0] + "'; expected one of:\n" + script_list());
    }
    const auto reader = [](const std::string& path) -> std::optional<std::string> {
        auto text = read_file(path);
        if (!text) return std::nullopt;
        return *text;
    };
    std::vector<std::string> args{argv.begin() + 1, argv.end()};
    // --scenario is memsim's own flag (the script would reject it): the problem as a .msim file.
    if (std::erase(args, std::string("--scenario")) > 0) {
        const auto text = ostep::ostep_scenario(*script, args, reader);
        if (!text) return bad_input(err, "ostep", text.error().message);
        out << *text;
        return exit_ok;
    }
    StreamOutput io{out, err};
    const int code = ostep::run_script(*script, args, io, reader);
    out.flush();
    return code;
}

MEMSIM_COMMAND("ostep", "An OSTEP homework script (paging-policy.py, malloc.py, ...), exactly as python3 runs it",
               run_ostep);

}  // namespace
}  // namespace memsim::cli
