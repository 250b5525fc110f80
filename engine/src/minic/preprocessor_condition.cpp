#include "preprocessor_condition.hpp"

#include <cstdint>
#include <optional>
#include <string>

namespace memsim::minic::preprocessing {
namespace {

// A value of an #if expression: C evaluates them in intmax_t or uintmax_t.
struct Value {
    std::uint64_t bits = 0;
    bool is_unsigned = false;
    std::int64_t as_signed() const { return static_cast<std::int64_t>(bits); }
};

struct Level {
    const char* spelling;
    int precedence;
};

constexpr Level levels[] = {{"||", 1}, {"&&", 2}, {"|", 3},  {"^", 4},  {"&", 5},  {"==", 6}, {"!=", 6},
                            {"<", 7},  {">", 7},  {"<=", 7}, {">=", 7}, {"<<", 8}, {">>", 8}, {"+", 9},
                            {"-", 9},  {"*", 10}, {"/", 10}, {"%", 10}};

class Evaluator {
public:
    Evaluator(const std::vector<Token>& tokens, const Token& directive) : toks_(tokens), directive_(directive) {}

    Result<std::int64_t> run() {
        if (toks_.empty()) return fail("#" + directive_.text + " needs a condition", directive_.line, directive_.column);
        const Value v = conditional(0);
        if (!error_ && pos_ < toks_.size()) error_at(toks_[pos_], "unexpected " + toks_[pos_].describe() + " in the #" + directive_.text + " condition");
        if (error_) return tl::unexpected(*error_);
        return v.as_signed();
    }

private:
    const std::vector<Token>& toks_;
    const Token& directive_;
    std::size_t pos_ = 0;
    int depth_ = 0;
    std::optional<Error> error_;

    bool is(const char* punct) const {
        return pos_ < toks_.size() && toks_[pos_].kind == TokenKind::Punct && toks_[pos_].text == punct;
    }
    void error_at(const Token& t, const std::string& message) {
        if (!error_) error_ = Error{t.line, t.column, message};
    }
    const Token& last() const { return toks_[pos_ < toks_.size() ? pos_ : toks_.size() - 1]; }

    Value conditional(int) {
        if (++depth_ > 200) {
            error_at(last(), "the #if condition is nested too deeply");
            return {};
        }
        Value c = binary(1);
        if (!error_ && is("?")) {
            ++pos_;
            const Value a = conditional(0);
            if (!is(":")) error_at(last(), "expected ':' in the #if condition");
            else ++pos_;
            const Value b = conditional(0);
            --depth_;
            Value r = c.bits != 0 ? a : b;
            r.is_unsigned = a.is_unsigned || b.is_unsigned;
            return r;
        }
        --depth_;
        return c;
    }

    const Level* level() const {
        if (pos_ >= toks_.size() || toks_[pos_].kind != TokenKind::Punct) return nullptr;
        for (const Level& l : levels) {
            if (toks_[pos_].text == l.spelling) return &l;
        }
        return nullptr;
    }

    Value binary(int min_precedence) {
        Value lhs = unary();
        for (;;) {
            if (error_) return {};
            const Level* l = level();
            if (!l || l->precedence < min_precedence) return lhs;
            const Token& op = toks_[pos_++];
            const Value rhs = binary(l->precedence + 1);
            if (error_) return {};
            lhs = apply(op, lhs, rhs);
        }
    }

    Value apply(const Token& op, Value a, Value b) {
        const std::string& o = op.text;
        const bool u = a.is_unsigned || b.is_unsigned;
        auto truth = [](bool x) { return Value{x ? 1u : 0u, false}; };
        if (o == "||") return truth(a.bits != 0 || b.bits != 0);
        if (o == "&&") return truth(a.bits != 0 && b.bits != 0);
        if (o == "==") return truth(a.bits == b.bits);
        if (o == "!=") return truth(a.bits != b.bits);
        if (o == "<") return truth(u ? a.bits < b.bits : a.as_signed() < b.as_signed());
        if (o == ">") return truth(u ? a.bits > b.bits : a.as_signed() > b.as_signed());
        if (o == "<=") return truth(u ? a.bits <= b.bits : a.as_signed() <= b.as_signed());
        if (o == ">=") return truth(u ? a.bits >= b.bits : a.as_signed() >= b.as_signed());
        if (o == "|") return Value{a.bits | b.bits, u};
        if (o == "^") return Value{a.bits ^ b.bits, u};
        if (o == "&") return Value{a.bits & b.bits, u};
        if (o == "<<") return Value{b.bits >= 64 ? 0 : a.bits << b.bits, a.is_unsigned};
        if (o == ">>") {
            if (b.bits >= 64) return Value{a.is_unsigned || a.as_signed() >= 0 ? 0 : ~0ull, a.is_unsigned};
            return Value{a.is_unsigned ? a.bits >> b.bits : static_cast<std::uint64_t>(a.as_signed() >> b.bits), a.is_unsigned};
        }
        if (o == "+") return Value{a.bits + b.bits, u};
        if (o == "-") return Value{a.bits - b.bits, u};
        if (o == "*") return Value{a.bits * b.bits, u};
        if (b.bits == 0) {
            error_at(op, "division by zero in the #" + directive_.text + " condition");
            return {};
        }
        if (u) return Value{o == "/" ? a.bits / b.bits : a.bits % b.bits, true};
        if (a.as_signed() == INT64_MIN && b.as_signed() == -1) return Value{o == "/" ? a.bits : 0, false};
        return Value{static_cast<std::uint64_t>(o == "/" ? a.as_signed() / b.as_signed() : a.as_signed() % b.as_signed()), false};
    }

    Value unary() {
        if (pos_ >= toks_.size()) {
            error_at(toks_.back(), "the #" + directive_.text + " condition ends too early");
            return {};
        }
        const Token& t = toks_[pos_];
        if (t.kind == TokenKind::Number && t.is_floating) {
            error_at(t, "the #" + directive_.text + " condition takes integers only, not the floating constant " + t.text);
            return {};
        }
        if (t.kind == TokenKind::Number || t.kind == TokenKind::Char) {
            ++pos_;
            return Value{t.value, t.is_unsigned || (t.kind == TokenKind::Number && t.value > 0x7FFFFFFFFFFFFFFFull)};
        }
        if (t.kind == TokenKind::Punct) {
            if (t.text == "(") {
                ++pos_;
                const Value v = conditional(0);
                if (!is(")")) error_at(last(), "expected ')' in the #" + directive_.text + " condition");
                else ++pos_;
                return v;
            }
            if (t.text == "-" || t.text == "+" || t.text == "~" || t.text == "!") {
                ++pos_;
                if (++depth_ > 200) {
                    error_at(t, "the #if condition is nested too deeply");
                    return {};
                }
                const Value v = unary();
                --depth_;
                if (t.text == "-") return Value{0 - v.bits, v.is_unsigned};
                if (t.text == "~") return Value{~v.bits, v.is_unsigned};
                if (t.text == "!") return Value{v.bits == 0 ? 1u : 0u, false};
                return v;
            }
        }
        if (t.kind == TokenKind::String) {
            error_at(t, "a string cannot be part of an #" + directive_.text + " condition");
            return {};
        }
        if (t.kind == TokenKind::Error) {
            error_at(t, t.text);
            return {};
        }
        error_at(t, "expected a number in the #" + directive_.text + " condition, found " + t.describe());
        return {};
    }
};

}  // namespace

Result<std::int64_t> evaluate_condition(const std::vector<Token>& tokens, const Token& directive) {
    return Evaluator(tokens, directive).run();
}

}  // namespace memsim::minic::preprocessing
