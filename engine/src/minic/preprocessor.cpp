#include "memsim/minic/preprocessor.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "preprocessor_condition.hpp"

namespace memsim::minic {
namespace {

constexpr std::string_view standard_headers[] = {
    "assert.h", "ctype.h",  "errno.h",  "float.h",  "inttypes.h", "iso646.h",    "limits.h",   "math.h",
    "stdarg.h", "stdbool.h", "stddef.h", "stdint.h", "stdio.h",    "stdlib.h",    "string.h",   "strings.h",
    "time.h",   "unistd.h", "stdalign.h", "stdnoreturn.h", "sys/types.h", "sys/wait.h"};

// The macros every program starts with, per data model (glibc's values on Linux).
std::string prelude(DataModel model) {
    const bool lp64 = model == DataModel::Lp64;
    std::string text =
        "#define NULL ((void *)0)\n#define EOF (-1)\n#define EXIT_SUCCESS 0\n#define EXIT_FAILURE 1\n"
        "#define RAND_MAX 2147483647\n#define true 1\n#define false 0\n#define __bool_true_false_are_defined 1\n"
        "#define CHAR_BIT 8\n#define SCHAR_MIN (-128)\n#define SCHAR_MAX 127\n#define UCHAR_MAX 255\n"
        "#define CHAR_MIN (-128)\n#define CHAR_MAX 127\n#define SHRT_MIN (-32768)\n#define SHRT_MAX 32767\n"
        "#define USHRT_MAX 65535\n#define INT_MIN (-2147483647 - 1)\n#define INT_MAX 2147483647\n"
        "#define UINT_MAX 4294967295U\n#define LLONG_MAX 9223372036854775807LL\n"
        "#define LLONG_MIN (-9223372036854775807LL - 1)\n#define ULLONG_MAX 18446744073709551615ULL\n"
        "#define INT8_MIN (-128)\n#define INT8_MAX 127\n#define UINT8_MAX 255\n#define INT16_MIN (-32768)\n"
        "#define INT16_MAX 32767\n#define UINT16_MAX 65535\n#define INT32_MIN (-2147483647 - 1)\n"
        "#define INT32_MAX 2147483647\n#define UINT32_MAX 4294967295U\n"
        "#define stdin ((FILE *)1)\n#define stdout ((FILE *)2)\n#define stderr ((FILE *)3)\n"
        "#define __memsim_assert_on(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))\n"
        "#define __memsim_assert_off(e) ((void)0)\n"
        "#define assert(e) ((e) ? (void)0 : __assert_fail(#e, __FILE__, __LINE__, __func__))\n"
        "#define __STDC__ 1\n#define __STDC_VERSION__ 199901L\n#define __linux__ 1\n#define __unix__ 1\n"
        // <math.h>: glibc's values (its M_ constants need _DEFAULT_SOURCE under gcc -std=c99;
        // MiniC always has them). isnan and friends read their argument more than once.
        "#define HUGE_VAL (1e999)\n#define INFINITY (1e999f)\n#define NAN (-(0.0f / 0.0f))\n"
        "#define M_PI 3.14159265358979323846\n#define M_E 2.7182818284590452354\n"
        "#define M_SQRT2 1.41421356237309504880\n#define M_LN2 0.69314718055994530942\n"
        "#define M_PI_2 1.57079632679489661923\n#define isnan(x) ((x) != (x))\n"
        "#define isinf(x) ((x) - (x) != 0 && (x) == (x))\n#define isfinite(x) ((x) - (x) == 0)\n"
        "#define FLT_EPSILON 1.19209290e-7F\n#define DBL_EPSILON 2.2204460492503131e-16\n"
        "#define FLT_MAX 3.40282347e+38F\n#define DBL_MAX 1.7976931348623157e+308\n"
        "#define DBL_MIN 2.2250738585072014e-308\n#define FLT_MIN 1.17549435e-38F\n"
        "#define offsetof(type, member) ((size_t)&((type *)0)->member)\n"
        // <errno.h>: glibc's macro and Linux's numbers.
        "#define errno (*__errno_location())\n"
        "#define EPERM 1\n#define ENOENT 2\n#define ESRCH 3\n#define EINTR 4\n#define EIO 5\n#define ENXIO 6\n"
        "#define E2BIG 7\n#define ENOEXEC 8\n#define EBADF 9\n#define ECHILD 10\n#define EAGAIN 11\n"
        "#define EWOULDBLOCK EAGAIN\n#define ENOMEM 12\n#define EACCES 13\n#define EFAULT 14\n#define ENOTBLK 15\n"
        "#define EBUSY 16\n#define EEXIST 17\n#define EXDEV 18\n#define ENODEV 19\n#define ENOTDIR 20\n"
        "#define EISDIR 21\n#define EINVAL 22\n#define ENFILE 23\n#define EMFILE 24\n#define ENOTTY 25\n"
        "#define ETXTBSY 26\n#define EFBIG 27\n#define ENOSPC 28\n#define ESPIPE 29\n#define EROFS 30\n"
        "#define EMLINK 31\n#define EPIPE 32\n#define EDOM 33\n#define ERANGE 34\n#define EDEADLK 35\n"
        "#define ENAMETOOLONG 36\n#define ENOLCK 37\n#define ENOSYS 38\n#define ENOTEMPTY 39\n#define ELOOP 40\n"
        "#define EOVERFLOW 75\n#define EILSEQ 84\n#define ENOTSUP 95\n#define EOPNOTSUPP 95\n#define ETIMEDOUT 110\n";
    if (lp64) {
        text += "#define LONG_MAX 9223372036854775807L\n#define LONG_MIN (-9223372036854775807L - 1)\n"
                "#define ULONG_MAX 18446744073709551615UL\n#define SIZE_MAX 18446744073709551615UL\n"
                "#define INT64_MAX 9223372036854775807L\n#define INT64_MIN (-9223372036854775807L - 1)\n"
                "#define UINT64_MAX 18446744073709551615UL\n#define INTPTR_MAX 9223372036854775807L\n"
                "#define UINTPTR_MAX 18446744073709551615UL\n#define __x86_64__ 1\n#define __LP64__ 1\n";
    } else {
        text += "#define LONG_MAX 2147483647L\n#define LONG_MIN (-2147483647L - 1)\n#define ULONG_MAX 4294967295UL\n"
                "#define SIZE_MAX 4294967295U\n#define INT64_MAX 9223372036854775807LL\n"
                "#define INT64_MIN (-9223372036854775807LL - 1)\n#define UINT64_MAX 18446744073709551615ULL\n"
                "#define INTPTR_MAX 2147483647\n#define UINTPTR_MAX 4294967295U\n#define __i386__ 1\n";
    }
    return text;
}

// A token on its way through expansion, with the macros it may no longer expand (its
// hide set), so that `#define x x + 1` stops after one round, as in C.
struct PToken {
    Token tok{};
    std::vector<std::string> hide{};
    bool paste = false;  // a `##` of a macro body (not one that came in an argument)
};

struct Macro {
    bool predefined = false;  // the library's (NULL, INT_MAX, ...), not the program's
    bool function_like = false;
    bool variadic = false;
    std::vector<std::string> params{};
    std::vector<Token> body{};
};

bool is_name(const Token& t) { return t.kind == TokenKind::Identifier || t.kind == TokenKind::Keyword; }
bool is_punct(const Token& t, const char* p) { return t.kind == TokenKind::Punct && t.text == p; }
bool hidden(const PToken& t, const std::string& name) {
    return std::find(t.hide.begin(), t.hide.end(), name) != t.hide.end();
}

class Preprocessor {
public:
    Preprocessor(std::vector<Token> tokens, const PreprocessConfig& config) : in_(std::move(tokens)), config_(config) {}

    // Runs the directives of `tokens` only (the prelude's #defines).
    void define_all(std::vector<Token> tokens) {
        std::swap(in_, tokens);
        run_main();
        for (auto& [name, macro] : macros_) macro.predefined = true;
        std::swap(in_, tokens);
        pos_ = 0;
        out_.clear();
    }

    Result<std::vector<Token>> run() {
        run_main();
        if (!error_ && !conds_.empty()) {
            error_ = Error{conds_.back().line, conds_.back().column,
                           "#" + conds_.back().word + " has no matching #endif"};
        }
        if (error_) return tl::unexpected(*error_);
        for (const Token& t : out_) {
            if (t.kind == TokenKind::Error) return fail(t.text, t.line, t.column);
        }
        out_.push_back(in_.back());
        return std::move(out_);
    }

    // The lines that used the program's own macros, each with its tokens as the parser reads them.
    std::vector<MacroLine> macro_lines(const std::vector<Token>& out) const {
        std::vector<MacroLine> lines;
        for (const auto& [line, names] : used_) lines.push_back(MacroLine{.line = line, .macros = names});
        std::size_t next = 0;
        for (const Token& t : out) {
            while (next < lines.size() && lines[next].line < t.line) ++next;
            if (next == lines.size() || lines[next].line != t.line) continue;
            std::string& text = lines[next].expanded;
            if (text.size() > 100) continue;
            if (!text.empty() && t.space_before) text += ' ';
            text += spelling(t);
        }
        for (MacroLine& l : lines) {
            if (l.expanded.size() > 100) l.expanded = l.expanded.substr(0, 97) + "...";
        }
        return lines;
    }

private:
    struct Cond {
        bool active = true;   // this branch's lines are kept
        bool taken = false;   // some branch of this #if was (or, when the parent is skipped, may not be) taken
        bool seen_else = false;
        std::string word{};
        int line = 0;
        int column = 0;
    };

    std::vector<Token> in_;
    std::size_t pos_ = 0;
    PreprocessConfig config_;
    std::vector<PToken> pending_;  // expanded tokens still to read, the next one last
    int isolated_ = 0;             // > 0 while expanding a token list of its own (an argument)
    std::vector<Token> out_;
    std::map<std::string, Macro> macros_;
    std::vector<Cond> conds_;
    std::optional<Error> error_;
    std::size_t produced_ = 0;
    std::map<int, std::vector<std::string>> used_;  // line: the program's macros expanded there

    bool failed() const { return error_.has_value(); }
    void error_at(const Token& t, const std::string& message) {
        if (!error_) error_ = Error{t.line, t.column, message};
    }
    bool active() const { return conds_.empty() || conds_.back().active; }
    bool at_directive() const {
        return pending_.empty() && isolated_ == 0 && in_[pos_].first_on_line && is_punct(in_[pos_], "#");
    }

    void run_main() {
        while (!failed()) {
            if (pending_.empty()) {
                if (in_[pos_].kind == TokenKind::End) return;
                if (at_directive()) {
                    directive();
                    continue;
                }
                if (!active()) {
                    ++pos_;
                    continue;
                }
            }
            PToken t = next();
            if (is_name(t.tok) && expand(t)) continue;
            out_.push_back(std::move(t.tok));
        }
    }

    PToken next() {
        if (!pending_.empty()) {
            PToken t = std::move(pending_.back());
            pending_.pop_back();
            return t;
        }
        if (isolated_ > 0 || in_[pos_].kind == TokenKind::End) return PToken{.tok = in_.back()};
        return PToken{.tok = in_[pos_++]};
    }

    // Whether the next token is '(' (a function-like macro's call; it may be on a later line).
    bool next_is_open() const {
        if (!pending_.empty()) return is_punct(pending_.back().tok, "(");
        if (isolated_ > 0 || at_directive()) return false;
        return is_punct(in_[pos_], "(");
    }

    void push_reversed(std::vector<PToken>& tokens) {
        produced_ += tokens.size();
        if (produced_ > max_expanded_tokens) {
            error_ = Error{tokens.empty() ? 0 : tokens.front().tok.line, tokens.empty() ? 0 : tokens.front().tok.column,
                           "macro expansion makes more than " + std::to_string(max_expanded_tokens) +
                               " tokens; check for macros that expand each other"};
            return;
        }
        for (std::size_t i = tokens.size(); i-- > 0;) pending_.push_back(std::move(tokens[i]));
    }

    // Replaces a macro's name (and its arguments) by its body; false when `t` is no macro use.
    bool expand(const PToken& t) {
        const std::string& name = t.tok.text;
        if (name == "__LINE__" || name == "__FILE__") {
            Token v = t.tok;
            v.first_on_line = false;
            if (name == "__LINE__") {
                v.kind = TokenKind::Number;
                v.value = static_cast<std::uint64_t>(t.tok.line);
                v.text = std::to_string(t.tok.line);
            } else {
                v.kind = TokenKind::String;
                v.text = config_.file_name;
            }
            pending_.push_back(PToken{.tok = v, .hide = t.hide});
            return true;
        }
        const auto it = macros_.find(name);
        if (it == macros_.end() || hidden(t, name)) return false;
        const Macro& m = it->second;
        std::vector<std::string> hide = t.hide;
        std::vector<std::vector<PToken>> args;
        if (m.function_like) {
            if (!next_is_open()) return false;
            next();
            std::optional<PToken> close = read_arguments(t.tok, m, args);
            if (!close) return true;
            // C keeps only the names hidden both at the macro's name and at its ')'.
            std::erase_if(hide, [&](const std::string& h) { return !hidden(*close, h); });
        }
        hide.push_back(name);
        if (!m.predefined) {
            std::vector<std::string>& names = used_[t.tok.line];
            if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
        }
        std::vector<PToken> body = substitute(m, args, t.tok);
        if (!body.empty()) body.front().tok.space_before = t.tok.space_before;
        for (PToken& b : body) {
            b.tok.line = t.tok.line;
            b.tok.column = t.tok.column;
            b.tok.first_on_line = false;
            for (const std::string& h : hide) {
                if (!hidden(b, h)) b.hide.push_back(h);
            }
        }
        push_reversed(body);
        return true;
    }

    // Reads `a, (b, c), d)` after the '('; returns the ')' (nullopt after an error).
    std::optional<PToken> read_arguments(const Token& at, const Macro& m, std::vector<std::vector<PToken>>& args) {
        args.emplace_back();
        int depth = 0;
        while (!at_directive()) {
            PToken t = next();
            if (t.tok.kind == TokenKind::End) break;
            if (is_punct(t.tok, "(")) ++depth;
            if (is_punct(t.tok, ")") && depth-- == 0) {
                const std::size_t want = m.params.size();
                if (want == 0 && args.size() == 1 && args[0].empty()) args.clear();
                const bool fits = m.variadic ? args.size() >= want - 1 : args.size() == want;
                if (!fits) {
                    error_at(at, "the macro '" + at.text + "' takes " + std::to_string(m.variadic ? want - 1 : want) +
                                     (m.variadic ? " or more" : "") + " argument" + (want == 1 ? "" : "s") + ", but " +
                                     std::to_string(args.size()) + (args.size() == 1 ? " is" : " are") + " given");
                    return std::nullopt;
                }
                if (m.variadic && args.size() < want) args.emplace_back();
                return t;
            }
            const bool last_variadic = m.variadic && args.size() == m.params.size();
            if (is_punct(t.tok, ",") && depth == 0 && !last_variadic) {
                args.emplace_back();
                continue;
            }
            args.back().push_back(std::move(t));
        }
        error_at(at, "the arguments of the macro '" + at.text + "' have no closing ')'");
        return std::nullopt;
    }

    // The argument, fully macro-expanded on its own, as C does before substituting it.
    std::vector<PToken> expand_argument(const std::vector<PToken>& arg) {
        if (isolated_ > 100) {
            if (!arg.empty()) error_at(arg.front().tok, "macros are nested too deeply in this argument");
            return {};
        }
        std::vector<PToken> saved;
        std::swap(saved, pending_);
        ++isolated_;
        pending_.push_back(PToken{.tok = in_.back()});
        for (std::size_t i = arg.size(); i-- > 0;) pending_.push_back(arg[i]);
        std::vector<PToken> result;
        while (!failed()) {
            PToken t = next();
            if (t.tok.kind == TokenKind::End) break;
            if (is_name(t.tok) && expand(t)) continue;
            result.push_back(std::move(t));
        }
        --isolated_;
        std::swap(saved, pending_);
        return result;
    }

    int param_index(const Macro& m, const Token& t) const {
        if (!m.function_like || !is_name(t)) return -1;
        for (std::size_t i = 0; i < m.params.size(); ++i) {
            if (m.params[i] == t.text) return static_cast<int>(i);
        }
        return -1;
    }

    // `#x`: the argument's spelling as a string literal.
    static Token stringize(const std::vector<PToken>& arg, const Token& at) {
        Token s{.kind = TokenKind::String, .line = at.line, .column = at.column};
        for (std::size_t i = 0; i < arg.size(); ++i) {
            const Token& t = arg[i].tok;
            if (i > 0 && t.space_before) s.text += ' ';
            s.text += spelling(t);
        }
        return s;
    }

    std::vector<PToken> substitute(const Macro& m, const std::vector<std::vector<PToken>>& args, const Token& at) {
        std::vector<PToken> out;
        const std::vector<Token>& body = m.body;
        for (std::size_t i = 0; i < body.size(); ++i) {
            const Token& b = body[i];
            if (m.function_like && is_punct(b, "#") && i + 1 < body.size() && param_index(m, body[i + 1]) >= 0) {
                out.push_back(PToken{.tok = stringize(args[static_cast<std::size_t>(param_index(m, body[++i]))], at)});
                continue;
            }
            if (is_punct(b, "##")) {
                out.push_back(PToken{.tok = b, .paste = true});
                continue;
            }
            const int p = param_index(m, b);
            if (p < 0) {
                out.push_back(PToken{.tok = b});
                continue;
            }
            const auto& arg = args[static_cast<std::size_t>(p)];
            const bool pasted = (i > 0 && is_punct(body[i - 1], "##")) || (i + 1 < body.size() && is_punct(body[i + 1], "##"));
            const std::size_t first = out.size();
            if (pasted) {
                out.insert(out.end(), arg.begin(), arg.end());
            } else {
                const std::vector<PToken> expanded = expand_argument(arg);
                out.insert(out.end(), expanded.begin(), expanded.end());
            }
            // The argument stands where the parameter stood, spaced as it was (for the
            // expanded line a step shows).
            if (first < out.size()) out[first].tok.space_before = b.space_before;
        }
        return paste_all(out);
    }

    // `a ## b`: the two tokens' spellings joined must lex as one token.
    std::vector<PToken> paste_all(std::vector<PToken>& tokens) {
        std::vector<PToken> out;
        for (std::size_t i = 0; i < tokens.size(); ++i) {
            if (!tokens[i].paste) {
                out.push_back(std::move(tokens[i]));
                continue;
            }
            if (i + 1 >= tokens.size() || tokens[i + 1].paste) continue;  // an empty right side
            PToken right = std::move(tokens[++i]);
            if (out.empty()) {
                out.push_back(std::move(right));
                continue;
            }
            const std::string joined = spelling(out.back().tok) + spelling(right.tok);
            const auto lexed = lex(joined);
            if (!lexed || lexed->size() != 2) {
                error_at(right.tok, "pasting '" + spelling(out.back().tok) + "' and '" + spelling(right.tok) +
                                        "' with ## does not give one token");
                return out;
            }
            Token t = lexed->front();
            t.line = out.back().tok.line;
            t.column = out.back().tok.column;
            t.first_on_line = false;
            out.back().tok = t;
        }
        return out;
    }

    // ---- directives ----
    void directive() {
        const Token hash = in_[pos_++];
        std::vector<Token> line;
        while (in_[pos_].kind != TokenKind::End && !in_[pos_].first_on_line) line.push_back(in_[pos_++]);
        if (line.empty()) return;  // a lone '#' is a null directive
        const Token& word = line.front();
        if (!is_name(word)) {
            if (active()) error_at(word, "expected a directive name after '#', found " + word.describe());
            return;
        }
        const std::string& w = word.text;
        if (w == "if" || w == "ifdef" || w == "ifndef") return open_condition(line, hash);
        if (w == "elif" || w == "else" || w == "endif") return continue_condition(line);
        if (!active()) return;
        if (w == "define") return define(line);
        if (w == "undef") {
            if (line.size() < 2 || !is_name(line[1])) return error_at(word, "expected a macro name after '#undef'");
            macros_.erase(line[1].text);
            return;
        }
        if (w == "include") return include(line);
        if (w == "error") {
            return error_at(hash, "#error" + std::string(line.size() > 1 ? ": " + line[1].text : ""));
        }
        if (w == "pragma" || w == "warning" || w == "line" || w == "ident") return;
        error_at(word, "unknown preprocessor directive '#" + w + "'");
    }

    bool defined_name(const std::vector<Token>& line, const std::string& what) {
        if (line.size() < 2 || !is_name(line[1])) {
            error_at(line.front(), "expected a macro name after '#" + what + "'");
            return false;
        }
        return macros_.contains(line[1].text) || line[1].text == "__LINE__" || line[1].text == "__FILE__";
    }

    void open_condition(const std::vector<Token>& line, const Token& hash) {
        const bool parent = active();
        const std::string& w = line.front().text;
        bool value = false;
        if (parent) {
            if (w == "if") value = condition(line);
            else value = defined_name(line, w) == (w == "ifdef");
        }
        conds_.push_back(Cond{.active = parent && value, .taken = !parent || value, .word = w,
                              .line = hash.line, .column = hash.column});
    }

    void continue_condition(const std::vector<Token>& line) {
        const Token& word = line.front();
        if (conds_.empty()) return error_at(word, "#" + word.text + " without a matching #if");
        Cond& c = conds_.back();
        if (word.text == "endif") {
            conds_.pop_back();
            return;
        }
        if (c.seen_else) return error_at(word, "#" + word.text + " after #else");
        if (word.text == "else") {
            c.active = !c.taken;
            c.taken = true;
            c.seen_else = true;
            return;
        }
        if (c.taken) {
            c.active = false;
            return;
        }
        c.active = condition(line);
        c.taken = c.active;
    }

    // The value of an #if or #elif line: defined, then macros, then other names as 0.
    bool condition(const std::vector<Token>& line) {
        std::vector<PToken> tokens;
        for (std::size_t i = 1; i < line.size(); ++i) {
            if (is_name(line[i]) && line[i].text == "defined") {
                const bool paren = i + 1 < line.size() && is_punct(line[i + 1], "(");
                const std::size_t n = i + (paren ? 2 : 1);
                if (n >= line.size() || !is_name(line[n]) || (paren && (n + 1 >= line.size() || !is_punct(line[n + 1], ")")))) {
                    error_at(line[i], "'defined' needs a macro name: defined(NAME) or defined NAME");
                    return false;
                }
                Token v = line[i];
                v.kind = TokenKind::Number;
                v.value = macros_.contains(line[n].text) ? 1 : 0;
                v.text = std::to_string(v.value);
                tokens.push_back(PToken{.tok = v});
                i = n + (paren ? 1 : 0);
                continue;
            }
            tokens.push_back(PToken{.tok = line[i]});
        }
        std::vector<Token> values;
        for (PToken& t : expand_argument(tokens)) {
            if (is_name(t.tok)) {
                t.tok.kind = TokenKind::Number;
                t.tok.value = 0;
            }
            values.push_back(std::move(t.tok));
        }
        if (failed()) return false;
        const auto value = preprocessing::evaluate_condition(values, line.front());
        if (!value) {
            if (!error_) error_ = value.error();
            return false;
        }
        return *value != 0;
    }

    void define(const std::vector<Token>& line) {
        if (line.size() < 2 || !is_name(line[1])) return error_at(line.front(), "expected a macro name after '#define'");
        const Token& name = line[1];
        if (name.text == "defined" || name.text == "__LINE__" || name.text == "__FILE__") {
            return error_at(name, "'" + name.text + "' cannot be defined as a macro");
        }
        Macro m;
        std::size_t i = 2;
        if (i < line.size() && is_punct(line[i], "(") && line[i].line == name.line &&
            line[i].column == name.column + static_cast<int>(name.text.size())) {
            m.function_like = true;
            ++i;
            while (i < line.size() && !is_punct(line[i], ")")) {
                if (is_punct(line[i], "...")) {
                    m.variadic = true;
                    m.params.push_back("__VA_ARGS__");
                } else if (is_name(line[i]) && !m.variadic) {
                    m.params.push_back(line[i].text);
                } else {
                    return error_at(line[i], "expected a parameter name in the macro '" + name.text + "', found " + line[i].describe());
                }
                ++i;
                if (i < line.size() && is_punct(line[i], ",")) ++i;
                else break;
            }
            if (i >= line.size() || !is_punct(line[i], ")")) {
                return error_at(i < line.size() ? line[i] : name, "expected ')' after the parameters of the macro '" + name.text + "'");
            }
            ++i;
        }
        m.body.assign(line.begin() + static_cast<std::ptrdiff_t>(i), line.end());
        if (!m.body.empty() && (is_punct(m.body.front(), "##") || is_punct(m.body.back(), "##"))) {
            return error_at(m.body.front(), "'##' cannot start or end a macro body: it pastes two tokens");
        }
        for (std::size_t k = 0; m.function_like && k < m.body.size(); ++k) {
            if (is_punct(m.body[k], "#") && (k + 1 >= m.body.size() || param_index(m, m.body[k + 1]) < 0)) {
                return error_at(m.body[k], "'#' in the macro '" + name.text + "' must be followed by a parameter name");
            }
        }
        macros_[name.text] = std::move(m);
    }

    void include(const std::vector<Token>& line) {
        if (line.size() >= 2 && line[1].kind == TokenKind::String) {
            return error_at(line[1], "#include \"" + line[1].text +
                                         "\": MiniC runs one file and reads no headers of its own; paste the "
                                         "header's declarations into the program");
        }
        if (line.size() < 3 || !is_punct(line[1], "<")) {
            return error_at(line.front(), "expected <header.h> or \"file.h\" after '#include'");
        }
        std::string header;
        std::size_t i = 2;
        for (; i < line.size() && !is_punct(line[i], ">"); ++i) header += spelling(line[i]);
        if (i >= line.size()) return error_at(line[1], "expected '>' to close the header name after '#include <'");
        if (!is_standard_header(header)) {
            std::string known;
            for (std::string_view h : standard_headers) known += (known.empty() ? "" : ", ") + std::string(h);
            error_at(line[2], "<" + header + "> is not a header MiniC knows; it accepts " + known);
        }
        // C: assert follows NDEBUG as it is where <assert.h> is included.
        if (header == "assert.h") macros_["assert"] = macros_.at(macros_.contains("NDEBUG") ? "__memsim_assert_off" : "__memsim_assert_on");
    }
};

}  // namespace

bool is_standard_header(std::string_view name) {
    return std::find(std::begin(standard_headers), std::end(standard_headers), name) != std::end(standard_headers);
}

Result<std::vector<Token>> preprocess(std::string_view source, const PreprocessConfig& config,
                                      std::vector<MacroLine>* macro_lines) {
    auto tokens = lex_tokens(source, config.first_line);
    if (!tokens) return tokens;
    Preprocessor pp(std::move(*tokens), config);
    auto predefined = lex_tokens(prelude(config.model));
    if (predefined) pp.define_all(std::move(*predefined));
    auto out = pp.run();
    if (out && macro_lines) *macro_lines = pp.macro_lines(*out);
    return out;
}

}  // namespace memsim::minic
