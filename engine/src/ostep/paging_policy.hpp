#pragma once
// paging-policy.py's problem, apart from its printing: the numbers it reads from its
// flags and the reference string it builds. The script port prints it; the scenario
// export turns it into a .msim reference string with questions.
#include <optional>
#include <string>
#include <vector>

#include "memsim/core/result.hpp"
#include "memsim/ostep/optparse.hpp"
#include "memsim/ostep/ostep.hpp"
#include "memsim/ostep/python_random.hpp"

namespace memsim::ostep {

// The references: each is a number, or the int() error its text gives (the script only
// meets that error when it reaches the entry).
struct PolicyReferences {
    std::vector<std::optional<std::int64_t>> values{};
    std::vector<std::string> errors{};  // per entry, empty when the value is present
};

// The flags as numbers, converted in the script's order.
struct PolicyInputs {
    std::int64_t numaddrs = 10;
    std::int64_t cache_size = 3;
    PyInt seed{};
    std::int64_t maxpage = 10;
    std::int64_t clock_bits = 2;
};

// The error is the Python exception the script raises.
Result<PolicyInputs> policy_inputs(const OptionValues& o);
// The reference string: from -f, drawn from rng, or the -a list.
Result<PolicyReferences> policy_references(const OptionValues& o, const PolicyInputs& in, const FileReader& read_file,
                                           PythonRandom& rng);

}  // namespace memsim::ostep
