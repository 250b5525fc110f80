#include "memsim/ostep/ostep.hpp"

#include "script_support.hpp"

namespace memsim::ostep {
namespace {

const ScriptDef* const all_scripts[] = {&relocation_script,    &segmentation_script,      &paging_linear_script,
                                        &paging_multilevel_script, &paging_policy_script, &malloc_script};

}  // namespace

std::vector<std::string> script_names() {
    std::vector<std::string> names;
    for (const ScriptDef* s : all_scripts) names.emplace_back(s->name);
    return names;
}

std::optional<std::string> find_script(std::string_view name) {
    for (const ScriptDef* s : all_scripts) {
        if (name == s->name || std::string(name) + ".py" == s->name) return std::string(s->name);
    }
    return std::nullopt;
}

int run_script(std::string_view script, const std::vector<std::string>& args, Output& io,
               const FileReader& read_file) {
    for (const ScriptDef* s : all_scripts) {
        if (script != s->name) continue;
        ParseOutcome parsed = parse_options(s->name, s->options, args);
        if (!parsed.run) {
            io.out(parsed.out);
            io.err(parsed.err);
            return parsed.exit_code;
        }
        ScriptIo script_io{io, s->name};
        return s->run(script_io, parsed.values, read_file);
    }
    io.err("memsim ostep: unknown script '" + std::string(script) + "'\n");
    return 2;
}

}  // namespace memsim::ostep
