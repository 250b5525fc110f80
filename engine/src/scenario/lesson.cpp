#include "memsim/scenario/lesson.hpp"

#include <algorithm>
#include <cctype>

#include "memsim/core/text.hpp"
#include "memsim/machine/event_kind.hpp"
#include "memsim/scenario/settings.hpp"

namespace memsim::scenario {
namespace {

constexpr QuestionKind all_kinds[] = {QuestionKind::HitOrMiss, QuestionKind::TlbHitOrMiss, QuestionKind::VictimPage,
                                      QuestionKind::MallocBlock, QuestionKind::Address, QuestionKind::Number,
                                      QuestionKind::Choice, QuestionKind::Translation, QuestionKind::Returned};

std::vector<std::string> kind_names() {
    std::vector<std::string> names;
    for (QuestionKind kind : all_kinds) names.emplace_back(question_kind_name(kind));
    return names;
}

constexpr std::uint64_t max_step = 10'000'000;

// Calls `visit(table, index, node)` for each table of an array of tables `[[key]]`.
template <typename Visit>
void each_item(const toml::table& root, const std::string& key, int line_offset, std::vector<Error>& errors,
               Visit visit) {
    const toml::node* node = root.get(key);
    if (node == nullptr) return;
    const toml::array* array = node->as_array();
    const bool tables = array != nullptr && std::all_of(array->begin(), array->end(), [](const toml::node& n) { return n.is_table(); });
    if (!tables) {
        errors.push_back(Error{static_cast<int>(node->source().begin.line) + line_offset,
                               static_cast<int>(node->source().begin.column),
                               "'" + key + "' must be written as tables: a line [[" + key + "]] before each one"});
        return;
    }
    std::size_t index = 0;
    for (const toml::node& item : *array) visit(*item.as_table(), ++index);
}

void check_question(const Question& q, SettingsReader& reader) {
    const bool yes_no = q.kind == QuestionKind::HitOrMiss || q.kind == QuestionKind::TlbHitOrMiss;
    if (yes_no && !same_answer(q.answer, "hit") && !same_answer(q.answer, "miss")) {
        reader.reject("answer", "the answer to a " + std::string(question_kind_name(q.kind)) + " question is \"hit\" or \"miss\"");
    }
    const bool numeric = q.kind == QuestionKind::MallocBlock || q.kind == QuestionKind::Address || q.kind == QuestionKind::Number;
    if (numeric && !parse_u64(trim(q.answer))) {
        reader.reject("answer", "the answer to a " + std::string(question_kind_name(q.kind)) +
                                    " question is a whole number (decimal or 0x hexadecimal)");
    }
    if (q.kind == QuestionKind::VictimPage && !same_answer(q.answer, "none") && !parse_u64(trim(q.answer))) {
        reader.reject("answer", "the answer to a victim_page question is a page number or \"none\"");
    }
    if (q.kind == QuestionKind::Translation && !same_answer(q.answer, "fault") && !parse_u64(trim(q.answer))) {
        reader.reject("answer", "the answer to a translation question is a physical address (decimal or 0x hexadecimal) or \"fault\"");
    }
    const std::string_view returned = trim(q.answer);
    if (q.kind == QuestionKind::Returned && !parse_u64(returned) && !(returned.starts_with('-') && parse_u64(returned.substr(1)))) {
        reader.reject("answer", "the answer to a returned question is the whole number the op returns (an address, 0 or -1)");
    }
    if (q.kind == QuestionKind::Choice) {
        const bool listed = std::any_of(q.choices.begin(), q.choices.end(),
                                        [&](const std::string& c) { return same_answer(c, q.answer); });
        if (!listed) reader.reject("answer", "the answer to a choice question must be one of its choices");
    }
    if (q.kind == QuestionKind::Choice && q.fact == "event") {
        // The engine answers with the kind's word from the one table (event_kind.hpp).
        for (const std::string& choice : q.choices) {
            std::string word(trim(choice));
            std::transform(word.begin(), word.end(), word.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
            if (word == "none" || machine::event_kind_from_name(word)) continue;
            reader.reject("choices", "'" + choice + "' is not an event kind: a choice about the step's event is \"none\" or a "
                                     "kind such as \"double-free\", \"use-after-free\", \"segfault\" or \"leak\"");
            break;
        }
    }
}

Question read_question(const toml::table& table, std::size_t index, int line_offset, std::vector<Error>& errors) {
    SettingsReader reader = SettingsReader::item(table, "question " + std::to_string(index), errors, line_offset);
    Question q;
    q.step = reader.integer("step", 1, 1, max_step);
    q.ask = reader.text("ask", "");
    const std::string kind = reader.choice("kind", "choice", kind_names());
    for (QuestionKind k : all_kinds) {
        if (kind == question_kind_name(k)) q.kind = k;
    }
    q.answer = reader.scalar("answer", "");
    q.choices = reader.texts("choices");
    if (q.kind == QuestionKind::Number) q.fact = reader.choice("fact", "faults", number_facts());
    if (q.kind == QuestionKind::Choice) q.fact = reader.choice("fact", "event", {"event", "state"});
    q.explain = reader.text("explain", "");
    if (const toml::node* answer = table.get("answer"); answer != nullptr && answer->source().begin) {
        q.line = static_cast<int>(answer->source().begin.line) + line_offset;
        q.column = static_cast<int>(answer->source().begin.column);
    }
    reader.finish();  // a misspelt key first: it explains a missing one
    const std::size_t before = errors.size();
    if (q.ask.empty()) reader.reject("ask", "question " + std::to_string(index) + " needs ask = \"...\"");
    if (!table.contains("answer")) reader.reject("step", "question " + std::to_string(index) + " needs answer = ...");
    if (errors.size() == before) check_question(q, reader);
    return q;
}

}  // namespace

const char* question_kind_name(QuestionKind kind) {
    switch (kind) {
        case QuestionKind::HitOrMiss: return "hit_or_miss";
        case QuestionKind::TlbHitOrMiss: return "tlb_hit_or_miss";
        case QuestionKind::VictimPage: return "victim_page";
        case QuestionKind::MallocBlock: return "malloc_block";
        case QuestionKind::Address: return "address";
        case QuestionKind::Number: return "number";
        case QuestionKind::Choice: return "choice";
        case QuestionKind::Translation: return "translation";
        case QuestionKind::Returned: return "returned";
    }
    return "choice";
}

const std::vector<std::string>& number_facts() {
    static const std::vector<std::string> facts{
        "faults", "hits", "writebacks", "tlb_hits", "tlb_misses", "frames_used", "stack_frames",
        "live_blocks", "free_blocks", "heap_size", "brk", "leaks", "learner_errors", "swap_used", "stack_pointer",
        "frame_pointer", "return_address", "page_tables", "page_table_bytes", "free_bytes", "largest_free",
        "internal_fragmentation"};
    return facts;
}

LessonParts read_lesson_parts(const toml::table& front_matter, int line_offset, std::vector<Error>& errors) {
    LessonParts parts;
    SettingsReader course(front_matter, "course", errors, line_offset);
    parts.order = static_cast<int>(course.integer("order", 0, 1, 999));
    parts.recap = course.text("recap", "");
    course.finish();
    each_item(front_matter, "narration", line_offset, errors, [&](const toml::table& table, std::size_t index) {
        SettingsReader reader = SettingsReader::item(table, "narration " + std::to_string(index), errors, line_offset);
        Narration n{.step = reader.integer("step", 0, 0, max_step), .text = reader.text("text", "")};
        reader.finish();
        if (n.text.empty()) reader.reject("step", "narration " + std::to_string(index) + " needs text = \"...\"");
        parts.narration.push_back(std::move(n));
    });
    each_item(front_matter, "question", line_offset, errors, [&](const toml::table& table, std::size_t index) {
        parts.questions.push_back(read_question(table, index, line_offset, errors));
    });
    std::stable_sort(parts.narration.begin(), parts.narration.end(), [](const auto& a, const auto& b) { return a.step < b.step; });
    std::stable_sort(parts.questions.begin(), parts.questions.end(), [](const auto& a, const auto& b) { return a.step < b.step; });
    return parts;
}

bool same_answer(const std::string& given, const std::string& expected) {
    const std::string_view a = trim(given), b = trim(expected);
    const auto x = parse_u64(a), y = parse_u64(b);
    if (x && y) return *x == *y;
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char c, char d) {
               return std::tolower(static_cast<unsigned char>(c)) == std::tolower(static_cast<unsigned char>(d));
           });
}

}  // namespace memsim::scenario
