// memsim: the headless command-line tool. It links the engine alone.
#include <iostream>
#include <string>
#include <vector>

#include "command.hpp"
#include "memsim/version.hpp"

namespace {

void print_help(std::ostream& out) {
    out << "memsim " << memsim::version() << ": a memory-management simulator\n\n"
        << "usage: memsim <command> [options]\n"
        << "       memsim --help | --version\n\n"
        << "commands:\n";
    for (const auto& command : memsim::cli::commands()) {
        std::string name = command.name;
        name.resize(12, ' ');
        out << "  " << name << command.summary << "\n";
    }
    out << "\n'memsim <command> --help' describes a command's options.\n";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_help(std::cout);
        return args.empty() ? memsim::cli::exit_bad_input : memsim::cli::exit_ok;
    }
    if (args[0] == "--version") {
        std::cout << "memsim " << memsim::version() << "\n";
        return memsim::cli::exit_ok;
    }
    for (const auto& command : memsim::cli::commands()) {
        if (args[0] == command.name) {
            return command.run({args.begin() + 1, args.end()}, std::cout, std::cerr);
        }
    }
    std::cerr << "memsim: unknown command '" << args[0] << "'; see 'memsim --help'\n";
    return memsim::cli::exit_bad_input;
}
