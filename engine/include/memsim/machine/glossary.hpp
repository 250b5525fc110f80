#pragma once
// The words memsim's explanations use, each in simple words. The UI shows them on
// hover and in Help > Glossary; `memsim glossary` prints them.
#include <string>
#include <vector>

namespace memsim::machine {

struct GlossaryEntry {
    std::string term;
    std::string meaning;
};

// Every term, in alphabetical order (ignoring case).
const std::vector<GlossaryEntry>& glossary();

// The meaning of a term (case-insensitive), or empty when unknown.
std::string define(const std::string& term);

}  // namespace memsim::machine
