#include <algorithm>
#include <cctype>

#include "memsim/core/text.hpp"
#include "memsim/machine/ops.hpp"

namespace memsim::machine {
namespace {

// A local's size as the stack takes it (32 bits): 4 GiB stays larger than any stack (at
// most 1 GiB) instead of wrapping to 0, so the frame overflows as it should.
std::uint32_t local_size(std::uint64_t bytes) { return static_cast<std::uint32_t>(std::min<std::uint64_t>(bytes, 0xFFFFFFF0u)); }


struct Token {
    enum Kind { Word, Number, Symbol, End } kind = End;
    std::string text;
    std::uint64_t number = 0;
    int column = 0;  // 1-based
};

bool is_word_start(char c) { return std::isalpha(static_cast<unsigned char>(c)) || c == '_'; }
bool is_word_char(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.'; }

// Splits one line into tokens; a bad character or number is an error at its column.
Result<std::vector<Token>> tokenize(std::string_view line, int line_number) {
    std::vector<Token> tokens;
    std::size_t i = 0;
    while (i < line.size()) {
        const char c = line[i];
        if (c == '#') break;
        if (c == ' ' || c == '\t') {
            ++i;
            continue;
        }
        const int column = static_cast<int>(i + 1);
        if (is_word_start(c)) {
            std::size_t j = i;
            while (j < line.size() && is_word_char(line[j])) ++j;
            tokens.push_back({Token::Word, std::string(line.substr(i, j - i)), 0, column});
            i = j;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            std::size_t j = i;
            while (j < line.size() && std::isalnum(static_cast<unsigned char>(line[j]))) ++j;
            const std::string text(line.substr(i, j - i));
            const auto value = parse_size(text);
            if (!value) return fail("'" + text + "' is not a number (write 42, 0x2a or 4K)", line_number, column);
            tokens.push_back({Token::Number, text, *value, column});
            i = j;
        } else if (std::string_view("=(),:+-").find(c) != std::string_view::npos) {
            tokens.push_back({Token::Symbol, std::string(1, c), 0, column});
            ++i;
        } else {
            return fail(std::string("unexpected character '") + c + "'", line_number, column);
        }
    }
    tokens.push_back({Token::End, "", 0, static_cast<int>(line.size() + 1)});
    return tokens;
}

// Reads the tokens of one line, with errors that say what was expected.
class LineParser {
public:
    LineParser(std::vector<Token> tokens, int line, std::vector<std::string>& names, std::uint32_t& processes,
               const OpsLimits& limits)
        : tokens_(std::move(tokens)), line_(line), names_(names), processes_(processes), limits_(limits) {}

    Result<Op> parse();

private:
    const Token& peek() const { return tokens_[pos_]; }
    const Token& next() { return tokens_[pos_ < tokens_.size() - 1 ? pos_++ : pos_]; }
    bool accept(const std::string& symbol) {
        if (peek().kind == Token::Symbol && peek().text == symbol) {
            ++pos_;
            return true;
        }
        return false;
    }
    tl::unexpected<Error> error_here(const std::string& expected) const {
        const Token& t = peek();
        const std::string found = t.kind == Token::End ? "the end of the line" : "'" + t.text + "'";
        return fail("expected " + expected + ", found " + found, line_, t.column);
    }
    Result<std::string> word(const std::string& what);
    Result<std::uint64_t> number(const std::string& what, std::uint64_t min, std::uint64_t max);
    Result<std::string> known_name(const std::string& what);
    Result<AddressExpr> address();
    Result<bool> end();
    Result<Op> parse_call(Op op);
    Result<std::vector<stack::Variable>> variables(bool with_values);
    void define(const std::string& name) {
        if (std::find(names_.begin(), names_.end(), name) == names_.end()) names_.push_back(name);
    }

    std::vector<Token> tokens_;
    std::size_t pos_ = 0;
    int line_;
    std::vector<std::string>& names_;
    std::uint32_t& processes_;  // processes that exist by this line: the first ones plus one per fork
    const OpsLimits& limits_;
};

Result<std::string> LineParser::word(const std::string& what) {
    if (peek().kind != Token::Word) return error_here(what);
    return next().text;
}

Result<std::uint64_t> LineParser::number(const std::string& what, std::uint64_t min, std::uint64_t max) {
    if (peek().kind != Token::Number) return error_here(what);
    const Token& t = next();
    if (t.number < min || t.number > max) {
        return fail(what + " must be from " + std::to_string(min) + " to " + std::to_string(max) + ", got " + t.text,
                    line_, t.column);
    }
    return t.number;
}

Result<std::string> LineParser::known_name(const std::string& what) {
    const Token& t = peek();
    if (t.kind != Token::Word) return error_here(what);
    if (std::find(names_.begin(), names_.end(), t.text) == names_.end()) {
        const std::string suggestion = nearest(t.text, names_);
        return fail("'" + t.text + "' is not defined yet; expected " + what +
                        (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)"),
                    line_, t.column);
    }
    return next().text;
}

Result<AddressExpr> LineParser::address() {
    AddressExpr expr;
    if (peek().kind == Token::Number) {
        expr.absolute = next().number;
        return expr;
    }
    auto name = known_name("an address: a defined name, name+offset or a number");
    if (!name) return tl::unexpected(name.error());
    expr.name = *name;
    const bool plus = accept("+");
    if (plus || accept("-")) {
        auto offset = number("an offset in bytes", 0, limits_.max_size);
        if (!offset) return tl::unexpected(offset.error());
        expr.offset = plus ? static_cast<std::int64_t>(*offset) : -static_cast<std::int64_t>(*offset);
    }
    return expr;
}

Result<bool> LineParser::end() {
    if (peek().kind != Token::End) return error_here("the end of the line");
    return true;
}

Result<std::vector<stack::Variable>> LineParser::variables(bool with_values) {
    std::vector<stack::Variable> list;
    if (!accept("(")) return error_here("'('");
    if (accept(")")) return list;
    do {
        auto name = word(with_values ? "an argument name" : "a local name");
        if (!name) return tl::unexpected(name.error());
        stack::Variable v{.name = *name, .size = 0, .value = 0, .align = 0};
        if (with_values) {
            if (!accept("=")) return error_here("'=' and the argument's value");
            auto value = number("the argument's value", 0, ~std::uint64_t{0});
            if (!value) return tl::unexpected(value.error());
            v.value = *value;
            if (accept(":")) {
                auto size = number("the argument's size in bytes", 1, 64);
                if (!size) return tl::unexpected(size.error());
                v.size = static_cast<std::uint32_t>(*size);
            }
        } else {
            if (!accept(":")) return error_here("':' and the local's size in bytes");
            auto size = number("the local's size in bytes", 1, limits_.max_size);
            if (!size) return tl::unexpected(size.error());
            v.size = local_size(*size);
        }
        define(v.name);
        list.push_back(v);
    } while (accept(","));
    if (!accept(")")) return error_here("',' or ')'");
    return list;
}

Result<Op> LineParser::parse_call(Op op) {
    auto function = word("the name of the function to call");
    if (!function) return tl::unexpected(function.error());
    op.function = *function;
    if (peek().kind == Token::Symbol && peek().text == "(") {
        auto args = variables(true);
        if (!args) return tl::unexpected(args.error());
        op.arguments = *args;
    }
    if (peek().kind == Token::Word && peek().text == "locals") {
        next();
        auto locals = variables(false);
        if (!locals) return tl::unexpected(locals.error());
        op.locals = *locals;
    }
    if (auto done = end(); !done) return tl::unexpected(done.error());
    return op;
}

Result<Op> LineParser::parse() {
    Op op;
    op.line = line_;
    // `name = malloc|calloc|realloc ...`
    if (tokens_.size() > 2 && tokens_[0].kind == Token::Word && tokens_[1].kind == Token::Symbol && tokens_[1].text == "=") {
        op.target = next().text;
        next();
        auto verb = word("malloc, calloc or realloc after '='");
        if (!verb) return tl::unexpected(verb.error());
        if (*verb == "malloc") {
            op.kind = OpKind::Malloc;
            auto size = number("the number of bytes to allocate", 0, limits_.max_size);
            if (!size) return tl::unexpected(size.error());
            op.size = *size;
        } else if (*verb == "calloc") {
            op.kind = OpKind::Calloc;
            auto count = number("the number of elements", 0, limits_.max_size);
            if (!count) return tl::unexpected(count.error());
            auto size = number("the size of one element", 0, limits_.max_size);
            if (!size) return tl::unexpected(size.error());
            op.count = *count;
            op.size = *size;
        } else if (*verb == "realloc") {
            op.kind = OpKind::Realloc;
            auto source = address();
            if (!source) return tl::unexpected(source.error());
            op.address = *source;
            auto size = number("the new size in bytes", 0, limits_.max_size);
            if (!size) return tl::unexpected(size.error());
            op.size = *size;
        } else {
            const std::string suggestion = nearest(*verb, {"malloc", "calloc", "realloc"});
            return fail("unknown allocation '" + *verb + "'" + (suggestion.empty() ? "" : " (did you mean '" + suggestion + "'?)") +
                            "; expected malloc, calloc or realloc",
                        line_, tokens_[2].column);
        }
        if (auto done = end(); !done) return tl::unexpected(done.error());
        define(op.target);
        return op;
    }

    const Token& verb_token = peek();
    auto verb = word("an operation (call, return, local, set, malloc, free, read, write, touch, fork, switch, exit)");
    if (!verb) return tl::unexpected(verb.error());
    const std::string& v = *verb;
    if (v == "call") {
        op.kind = OpKind::Call;
        return parse_call(op);
    }
    if (v == "return" || v == "fork" || v == "exit") {
        op.kind = v == "return" ? OpKind::Return : v == "fork" ? OpKind::Fork : OpKind::Exit;
        if (op.kind == OpKind::Fork && processes_ < limits_.max_processes) ++processes_;
    } else if (v == "local") {
        op.kind = OpKind::Local;
        auto name = word("the local's name");
        if (!name) return tl::unexpected(name.error());
        auto size = number("the local's size in bytes", 1, limits_.max_size);
        if (!size) return tl::unexpected(size.error());
        op.target = *name;
        op.size = *size;
        op.locals.push_back(stack::Variable{.name = *name, .size = local_size(*size), .value = 0, .align = 0});
        define(*name);
    } else if (v == "set") {
        op.kind = OpKind::Set;
        auto name = known_name("the name of a local or argument");
        if (!name) return tl::unexpected(name.error());
        auto value = number("the value to store", 0, ~std::uint64_t{0});
        if (!value) return tl::unexpected(value.error());
        op.target = *name;
        op.value = *value;
    } else if (v == "free") {
        op.kind = OpKind::Free;
        auto target = address();
        if (!target) return tl::unexpected(target.error());
        op.address = *target;
    } else if (v == "read" || v == "write" || v == "touch") {
        op.kind = v == "read" ? OpKind::Read : v == "write" ? OpKind::Write : OpKind::Touch;
        auto target = address();
        if (!target) return tl::unexpected(target.error());
        op.address = *target;
        const std::uint64_t max = op.kind == OpKind::Touch ? limits_.max_size : 8;
        auto size = number(op.kind == OpKind::Touch ? "the number of bytes to touch" : "the access size in bytes (1 to 8)", 1, max);
        if (!size) return tl::unexpected(size.error());
        op.size = *size;
        if (op.kind == OpKind::Write) {
            if (!accept("=")) return error_here("'=' and the value to write");
            auto value = number("the value to write", 0, ~std::uint64_t{0});
            if (!value) return tl::unexpected(value.error());
            op.value = *value;
        } else if (op.kind == OpKind::Touch && peek().kind == Token::Word) {
            const Token& mode = peek();
            if (mode.text != "write" && mode.text != "read") return error_here("'read' or 'write'");
            op.write = next().text == "write";
        }
    } else if (v == "switch") {
        op.kind = OpKind::Switch;
        const int column = peek().column;
        auto process = number("the process number", 0, limits_.max_processes - 1);
        if (!process) return tl::unexpected(process.error());
        op.process = static_cast<std::uint32_t>(*process);
        if (op.process >= processes_) {
            const std::string existing = processes_ == 1 ? "only process 0 exists" : "processes 0 to " + std::to_string(processes_ - 1) + " exist";
            return fail("there is no process " + std::to_string(op.process) + " yet: " + existing +
                            " at this line (a fork before it would make process " + std::to_string(processes_) + ")",
                        line_, column);
        }
    } else {
        const std::vector<std::string> verbs{"call", "return", "local", "set", "malloc", "calloc", "realloc", "free",
                                             "read", "write", "touch", "fork", "switch", "exit"};
        const std::string suggestion = nearest(v, verbs);
        std::string message = "unknown operation '" + v + "'";
        if (v == "malloc" || v == "calloc" || v == "realloc") message = v + " needs a name for its result: 'p = " + v + " ...'";
        else if (!suggestion.empty()) message += " (did you mean '" + suggestion + "'?)";
        return fail(message, line_, verb_token.column);
    }
    if (auto done = end(); !done) return tl::unexpected(done.error());
    return op;
}

}  // namespace

Result<std::vector<Op>> parse_ops(const std::string& body, int first_line, const OpsLimits& limits) {
    std::vector<Op> ops;
    std::vector<std::string> names;
    std::uint32_t processes = limits.processes;
    const auto lines = split_lines(body);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const int line_number = first_line + static_cast<int>(i);
        auto tokens = tokenize(lines[i], line_number);
        if (!tokens) return tl::unexpected(tokens.error());
        if (tokens->size() == 1) continue;  // blank or comment
        if (ops.size() >= limits.max_ops) {
            return fail("too many operations: the limit is " + std::to_string(limits.max_ops), line_number, 1);
        }
        LineParser parser(std::move(*tokens), line_number, names, processes, limits);
        auto op = parser.parse();
        if (!op) return tl::unexpected(op.error());
        ops.push_back(std::move(*op));
    }
    return ops;
}

const char* op_name(OpKind kind) {
    switch (kind) {
        case OpKind::Call: return "call";
        case OpKind::Local: return "local";
        case OpKind::Set: return "set";
        case OpKind::Return: return "return";
        case OpKind::Malloc: return "malloc";
        case OpKind::Calloc: return "calloc";
        case OpKind::Realloc: return "realloc";
        case OpKind::Free: return "free";
        case OpKind::Read: return "read";
        case OpKind::Write: return "write";
        case OpKind::Touch: return "touch";
        case OpKind::Fork: return "fork";
        case OpKind::Switch: return "switch";
        case OpKind::Exit: return "exit";
    }
    return "?";
}

}  // namespace memsim::machine
