#include "memsim/ostep/scenario.hpp"

#include <map>

#include "memsim/ostep/policy_cache.hpp"
#include "paging_policy.hpp"
#include "script_support.hpp"

namespace memsim::ostep {
namespace {

// A TOML basic string.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        if (static_cast<unsigned char>(c) >= 0x20) out += c;
    }
    return out + "\"";
}

std::string command_line(std::string_view script, const std::vector<std::string>& args) {
    std::string line(script);
    for (const auto& a : args) line += " " + a;
    return line;
}

std::optional<std::string_view> memsim_policy(OstepPolicy policy) {
    switch (policy) {
        case OstepPolicy::Fifo: return "fifo";
        case OstepPolicy::Lru: return "lru";
        case OstepPolicy::Opt: return "opt";
        case OstepPolicy::Mru: return "mru";
        default: return std::nullopt;
    }
}

Result<std::string> paging_policy_scenario(const OptionValues& o, const std::string& title, const FileReader& read_file) {
    const auto in = policy_inputs(o);
    if (!in) return tl::unexpected(in.error());
    PythonRandom rng{in->seed.seed_key()};
    const auto refs = policy_references(o, *in, read_file, rng);
    if (!refs) return tl::unexpected(refs.error());
    const auto policy = ostep_policy_from_name(o.text("policy"));
    if (!policy) return fail("the script does not know policy " + o.text("policy"));
    const auto name = memsim_policy(*policy);
    if (!name) {
        return fail("paging-policy.py's " + o.text("policy") +
                    " has no scenario form: no memsim policy replaces the same pages (use FIFO, LRU, OPT or MRU)");
    }
    if (in->cache_size < 1) return fail("a scenario needs a cache of at least 1 page (-C)");
    std::string body;
    for (std::size_t i = 0; i < refs->values.size(); ++i) {
        if (!refs->values[i]) return fail(refs->errors[i]);
        if (*refs->values[i] < 0) return fail("a scenario's pages are 0 or more, not " + std::to_string(*refs->values[i]));
        body += (i ? " " : "") + std::to_string(*refs->values[i]);
    }
    if (body.empty()) return fail("the reference string is empty");
    const std::string upper = o.text("policy");
    std::string text = "+++\nformat = 1\ntitle = " + quoted("OSTEP " + title) + "\nsummary = " +
                       quoted("Assuming a replacement policy of " + upper + ", and a cache of size " +
                              std::to_string(in->cache_size) + " pages: does each reference hit or miss, and what is replaced?") +
                       "\nkind = \"references\"\n\n[vm]\nframes = " + std::to_string(in->cache_size) + "\npolicy = \"" +
                       std::string(*name) + "\"\n";
    // OPT's victim is ambiguous when it is never used again (any such page would do): the
    // script takes the rightmost in its list, memsim's engine the lowest frame. Their
    // caches then differ only in pages never used again, so every hit or miss agrees and
    // only those victim questions are left out.
    std::map<std::int64_t, std::size_t> last_use;
    for (std::size_t i = 0; i < refs->values.size(); ++i) last_use[*refs->values[i]] = i;
    OstepCache cache{*policy, in->cache_size, in->clock_bits, refs->values, rng};
    for (std::size_t i = 0; i < refs->values.size(); ++i) {
        const bool full = static_cast<std::int64_t>(cache.pages().size()) >= in->cache_size;
        const auto step = cache.access(i);
        if (!step) return fail(step.error().message);
        const std::string page = std::to_string(*refs->values[i]);
        const std::string after = "The cache afterwards, left to right: " + py_list(cache.pages()) + ".";
        const std::string n = std::to_string(i + 1);
        text += "\n[[question]]\nstep = " + n + "\nask = " + quoted("Access: " + page + ". Hit or miss?") +
                "\nkind = \"hit_or_miss\"\nanswer = \"" + (step->hit ? "hit" : "miss") + "\"\nexplain = " + quoted(after) + "\n";
        const bool ambiguous = *policy == OstepPolicy::Opt && step->victim && last_use[*step->victim] <= i;
        if (full && !ambiguous) {
            text += "\n[[question]]\nstep = " + n + "\nask = " +
                    quoted("Access: " + page + ". Which page does " + upper + " replace? (none on a hit)") +
                    "\nkind = \"victim_page\"\nanswer = \"" + (step->victim ? std::to_string(*step->victim) : "none") +
                    "\"\nexplain = " + quoted(after) + "\n";
        }
    }
    return text + "+++\n" + body + "\n";
}

}  // namespace

std::vector<std::string> split_command_line(std::string_view line) {
    std::vector<std::string> words;
    std::string word;
    for (const char c : line) {
        if (c == ' ' || c == '\t' || c == '\n') {
            if (!word.empty()) words.push_back(std::move(word));
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(std::move(word));
    return words;
}

Result<std::string> ostep_scenario(std::string_view script, const std::vector<std::string>& args,
                                   const FileReader& read_file) {
    const auto name = find_script(script);
    if (!name) return fail("unknown OSTEP script '" + std::string(script) + "'");
    if (*name != paging_policy_script.name) return fail(*name + " has no scenario form yet (paging-policy.py has)");
    const ParseOutcome parsed = parse_options(paging_policy_script.name, paging_policy_script.options, args);
    if (!parsed.run) return fail(parsed.err.empty() ? "-h prints the help; it makes no scenario" : parsed.err);
    return paging_policy_scenario(parsed.values, command_line(*name, args), read_file);
}

Result<std::string> ostep_scenario_from_line(std::string_view line) {
    constexpr std::size_t max_line = 1000;  // a homework command is a few words
    if (line.size() > max_line) return fail("the OSTEP command is longer than 1000 characters");
    std::vector<std::string> words = split_command_line(line);
    if (!words.empty() && (words[0] == "python3" || words[0] == "python")) words.erase(words.begin());
    if (!words.empty() && words[0].starts_with("./")) words[0] = words[0].substr(2);
    if (words.empty()) return fail("an OSTEP command names a script, such as paging-policy.py -s 3 -p LRU");
    const std::vector<std::string> args(words.begin() + 1, words.end());
    return ostep_scenario(words[0], args, [](const std::string& path) -> std::optional<std::string> {
        (void)path;
        return std::nullopt;
    });
}

}  // namespace memsim::ostep
