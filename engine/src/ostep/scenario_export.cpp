#include "memsim/ostep/scenario.hpp"

#include <map>

#include "memsim/ostep/policy_cache.hpp"
#include "memsim/ostep/problem.hpp"
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

// What each translation problem asks, in a line, and the rule it practises.
struct TranslationText {
    ProblemScript script;
    const char* summary;
    const char* lesson;
};

constexpr TranslationText translation_texts[] = {
    {ProblemScript::Relocation, "Base and bounds: is each virtual address inside the bounds, and where does it land?",
     "In simple words: with base and bounds (dynamic relocation) the whole address space sits in one piece of "
     "physical memory. The bounds (limit) register says how big the address space is: an address at or above it is "
     "a segmentation violation. A valid virtual address is simply added to the base register: physical = base + virtual."},
    {ProblemScript::Segmentation, "Two segments: which segment holds each address, is it inside it, and where does it land?",
     "In simple words: the top bit of a virtual address picks the segment. Segment 0 (code and heap) grows up from "
     "its base: an offset below its limit lands at base0 + offset. Segment 1 (the stack) grows down from its base: "
     "its offset is negative (virtual address minus the address-space size), it is valid when its size is within "
     "the limit, and it lands at base1 + that negative offset."},
    {ProblemScript::PagingLinear, "A linear page table: which page is each address in, is it valid, and where does it land?",
     "In simple words: a virtual address is a virtual page number (VPN) and an offset in the page. The page table has "
     "one entry per virtual page: its top bit says whether the page is valid, the rest is the physical frame number "
     "(PFN). A valid address lands at PFN x page size + offset; an invalid entry means the access faults."},
    {ProblemScript::PagingMultilevel, "A two-level page table walk: follow the directory and the table to the byte, or to a fault.",
     "In simple words: pages are 32 bytes, so a 15-bit virtual address is a 5-bit page-directory index, a 5-bit "
     "page-table index and a 5-bit offset. The PDBR names the page holding the directory; its entry (valid bit 0x80 "
     "and a 7-bit PFN) names the page holding the page table; that entry names the data page. An entry without the "
     "valid bit stops the walk with a fault."},
    {ProblemScript::PagingPolicy, "",
     "In simple words: the cache holds a few pages. A reference to a page in it is a hit; otherwise it is a miss and "
     "the page is brought in, and when the cache is full the policy picks a page to replace. RAND picks at random; "
     "the script's CLOCK probes random pages and spares those used recently (their counter is above 0, and each probe "
     "lowers it); UNOPT replaces the page needed soonest, the worst choice, to compare with OPT, the best."},
    {ProblemScript::Malloc, "Free-space management: where does each malloc land, and what does the free list look like after each op?",
     "In simple words: the heap is managed with a free list of chunks (address and size). A request, rounded up to the "
     "alignment and with the header added, is cut from the front of one chunk in the list: FIRST fit takes the first "
     "chunk large enough, BEST the smallest one large enough, WORST the largest. Free puts the chunk back in the list, "
     "in the list's order (by address, by size, or at the front or back); with -C neighbouring free chunks are merged. "
     "Without merging the heap splinters into small chunks, and a large request fails although enough bytes are free."},
};

// malloc.py's questions: what each malloc returns (frees return 0 unless the pointer is
// no longer allocated, which the explanation of the step says).
std::string heap_questions(const OstepProblem& problem) {
    std::string text;
    for (std::size_t i = 0; i < problem.heap_ops.size(); ++i) {
        const HeapOp& op = problem.heap_ops[i];
        if (op.kind != HeapOp::Kind::Alloc) continue;
        text += "\n[[question]]\nstep = " + std::to_string(i + 1) + "\nask = " +
                quoted(heap_op_text(op) + " under " + problem.policy + " fit: which address does it return? (-1 when no free chunk is large enough)") +
                "\nkind = \"returned\"\nanswer = \"" + std::to_string(op.result) + "\"\nexplain = " + quoted(explain_heap_op(problem, i)) + "\n";
    }
    return text;
}

// paging-policy.py's questions from the script's own cache: hit or miss for every
// reference, and once the cache is full the page replaced.
std::string cache_questions(const OstepProblem& problem) {
    std::string text;
    for (std::size_t i = 0; i < problem.accesses.size(); ++i) {
        const CacheAccess& a = problem.accesses[i];
        const bool full = i > 0 && static_cast<std::int64_t>(problem.accesses[i - 1].cache.size()) >= problem.cache_size;
        const std::string page = std::to_string(a.page), n = std::to_string(i + 1);
        const std::string explain = quoted(explain_cache_access(problem, i));
        text += "\n[[question]]\nstep = " + n + "\nask = " + quoted("Access: " + page + ". Hit or miss?") +
                "\nkind = \"hit_or_miss\"\nanswer = \"" + (a.hit ? "hit" : "miss") + "\"\nexplain = " + explain + "\n";
        if (!full) continue;
        text += "\n[[question]]\nstep = " + n + "\nask = " +
                quoted("Access: " + page + ". Which page does " + problem.policy_name + " replace? (none on a hit)") +
                "\nkind = \"victim_page\"\nanswer = \"" + (a.victim ? std::to_string(*a.victim) : "none") +
                "\"\nexplain = " + explain + "\n";
    }
    return text;
}

Result<std::string> problem_scenario(std::string_view script, const std::vector<std::string>& args, const std::string& title) {
    auto problem = ostep_problem(script, args);
    if (!problem) return tl::unexpected(problem.error());
    const TranslationText* words = &translation_texts[0];
    for (const TranslationText& t : translation_texts) {
        if (t.script == problem->script) words = &t;
    }
    const std::string panel = problem->script == ProblemScript::Malloc ? "heap" : "vm";
    const std::string summary = problem->script != ProblemScript::PagingPolicy
                                    ? words->summary
                                    : "Assuming a replacement policy of " + problem->policy_name + ", and a cache of size " +
                                          std::to_string(problem->cache_size) +
                                          " pages: does each reference hit or miss, and what is replaced?";
    std::string text = "+++\nformat = 1\ntitle = " + quoted("OSTEP " + title) + "\nsummary = " + quoted(summary) +
                       "\nkind = \"ostep\"\nlesson = " + quoted(words->lesson) +
                       "\n\n[view]\npanels = [\"source\", \"" + panel + "\", \"events\"]\nlarge = \"" + panel + "\"\n";
    if (problem->script == ProblemScript::Malloc) return text + heap_questions(*problem) + "+++\n" + title + "\n";
    if (problem->script == ProblemScript::PagingPolicy) return text + cache_questions(*problem) + "+++\n" + title + "\n";
    const bool paging = problem->script == ProblemScript::PagingLinear || problem->script == ProblemScript::PagingMultilevel;
    for (std::size_t i = 0; i < problem->translations.size(); ++i) {
        const Translation& t = problem->translations[i];
        const std::string va = problem->script == ProblemScript::PagingMultilevel
                                   ? cformat("0x%04llx", static_cast<unsigned long long>(t.vaddr))
                                   : "0x" + py_hex(t.vaddr, 8, true) + " (decimal " + std::to_string(t.vaddr) + ")";
        text += "\n[[question]]\nstep = " + std::to_string(i + 1) + "\nask = " +
                quoted("Virtual address " + va + ": which physical address? Type it (decimal or 0x hex), or 'fault' for " +
                       (paging ? "an invalid page" : "a segmentation violation") + ".") +
                "\nkind = \"translation\"\nanswer = \"" + quiz_answer(t) + "\"\nexplain = " + quoted(explain_translation(*problem, t)) + "\n";
    }
    return text + "+++\n" + title + "\n";
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
    if (*name != paging_policy_script.name) return problem_scenario(*name, args, command_line(*name, args));
    const ParseOutcome parsed = parse_options(paging_policy_script.name, paging_policy_script.options, args);
    if (!parsed.run) return fail(parsed.err.empty() ? "-h prints the help; it makes no scenario" : parsed.err);
    // FIFO, LRU, OPT and MRU become a memsim reference string (memsim's pager replays it);
    // the script's CLOCK, RAND and UNOPT keep the script's own cache as the problem.
    const auto policy = ostep_policy_from_name(parsed.values.text("policy"));
    if (!policy || memsim_policy(*policy)) return paging_policy_scenario(parsed.values, command_line(*name, args), read_file);
    if (parsed.values.text("addressfile").empty()) return problem_scenario(*name, args, command_line(*name, args));
    // The app reads no files: the file's references go into the command as -a instead (the
    // later option wins). The script draws no random numbers for either, so CLOCK and RAND
    // choose the same pages.
    const auto in = policy_inputs(parsed.values);
    if (!in) return tl::unexpected(in.error());
    PythonRandom unused{in->seed.seed_key()};
    const auto refs = policy_references(parsed.values, *in, read_file, unused);
    if (!refs) {
        return fail(read_file ? refs.error().message
                              : "a " + parsed.values.text("policy") + " problem here cannot read " + parsed.values.text("addressfile") +
                                    ": give the references with -a (the app cannot read that file)");
    }
    std::string list;
    for (std::size_t i = 0; i < refs->values.size(); ++i) {
        if (!refs->values[i]) return fail(refs->errors[i]);
        list += (i ? "," : "") + std::to_string(*refs->values[i]);
    }
    if (list.empty()) return fail("the reference file is empty");
    std::vector<std::string> inline_args = args;
    inline_args.insert(inline_args.end(), {"--addressfile=", "-a", list});
    return problem_scenario(*name, inline_args, command_line(*name, inline_args));
}

Result<std::string> ostep_scenario_from_line(std::string_view line) {
    constexpr std::size_t max_line = 1000;  // a homework command is a few words
    if (line.size() > max_line) return fail("the OSTEP command is longer than 1000 characters");
    std::vector<std::string> words = split_command_line(line);
    if (!words.empty() && (words[0] == "python3" || words[0] == "python")) words.erase(words.begin());
    if (!words.empty() && words[0].starts_with("./")) words[0] = words[0].substr(2);
    if (words.empty()) return fail("an OSTEP command names a script, such as paging-policy.py -s 3 -p LRU");
    const std::vector<std::string> args(words.begin() + 1, words.end());
    return ostep_scenario(words[0], args, nullptr);  // a command line from the app: no files to read
}

}  // namespace memsim::ostep
