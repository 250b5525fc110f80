// C forbids a jump into the scope of a variable-length array (C99 6.8.6.1, 6.8.4.2): a goto
// to a label, or a switch to a case, that the array's declaration is in scope at but the
// jump is not would skip the declaration, so the array would have no storage. gcc refuses
// it ("jump into scope of identifier with variably modified type"); so does MiniC. A jump
// out of the scope, or back before the declaration, is allowed (the array is released).
#include <algorithm>
#include <map>
#include <string_view>

#include "checker_impl.hpp"

namespace memsim::minic::checking {
namespace {

struct JumpWalk {
    const Program& p;
    const Function& f;
    std::vector<std::int32_t> in_scope{};  // the variable-length arrays in scope, by local index, outermost first
    struct Place { std::int32_t stmt = -1; std::vector<std::int32_t> arrays{}; };
    std::vector<Place> labels{}, gotos{};
    std::vector<Place> switches{};  // the open switch statements
    std::optional<Error> error{};   // the first case label a switch jumps past a declaration to

    const Stmt& st(std::int32_t i) const { return p.stmts[static_cast<std::size_t>(i)]; }

    void walk(std::int32_t index) {
        if (index < 0 || error) return;
        const Stmt& s = st(index);
        const std::size_t mark = in_scope.size();
        switch (s.kind) {
            case StmtKind::Block:
                for (std::int32_t child : s.children) walk(child);
                in_scope.resize(mark);
                break;
            case StmtKind::For:  // a declaration in a for's first part is in scope until its end
                walk(s.init);
                walk(s.body);
                in_scope.resize(mark);
                break;
            case StmtKind::Group:
                for (std::int32_t child : s.children) walk(child);
                break;
            case StmtKind::Decl:
                if (!s.is_static && p.types.is_variably_modified(f.locals[static_cast<std::size_t>(s.var)].type)) {
                    in_scope.push_back(s.var);
                }
                break;
            case StmtKind::If: walk(s.body); walk(s.else_body); break;
            case StmtKind::While: case StmtKind::DoWhile: walk(s.body); break;
            case StmtKind::Switch:
                switches.push_back(Place{index, in_scope});
                walk(s.body);
                switches.pop_back();
                break;
            case StmtKind::Case: case StmtKind::Default:
                if (!switches.empty()) check_case(s, switches.back());
                break;
            case StmtKind::Label:
                labels.push_back(Place{index, in_scope});
                walk(s.body);
                break;
            case StmtKind::Goto: gotos.push_back(Place{index, in_scope}); break;
            default: break;
        }
    }

    // The first array in scope at `to` that is not in scope at `from`, or -1.
    static std::int32_t entered(const Place& from, const Place& to) {
        for (std::int32_t a : to.arrays) {
            if (std::find(from.arrays.begin(), from.arrays.end(), a) == from.arrays.end()) return a;
        }
        return -1;
    }

    std::string declared(std::int32_t array) const {
        const VarDecl& v = f.locals[static_cast<std::size_t>(array)];
        return "the variable-length array '" + v.name + "' (declared at " + std::to_string(v.line) + ":" + std::to_string(v.column) + ")";
    }

    void check_case(const Stmt& label, const Place& in_switch) {
        const std::int32_t array = entered(in_switch, Place{-1, in_scope});
        if (array < 0 || error) return;
        const Stmt& sw = p.stmts[static_cast<std::size_t>(in_switch.stmt)];
        error = Error{label.line, label.column,
                      "the switch at " + std::to_string(sw.line) + ":" + std::to_string(sw.column) + " jumps to this label past the declaration of " +
                          declared(array) + ", which C forbids: the array would have no storage; put the array in a block of its own inside the case"};
    }

    std::optional<Error> first_goto_error() const {
        std::map<std::string_view, const Place*> label_named;  // labels are unique in a function
        for (const Place& label : labels) label_named.emplace(st(label.stmt).label, &label);
        for (const Place& jump : gotos) {
            const Stmt& g = st(jump.stmt);
            const auto target = label_named.find(g.label);
            if (target == label_named.end()) continue;
            const std::int32_t array = entered(jump, *target->second);
            if (array >= 0) {
                const Stmt& l = st(target->second->stmt);
                return Error{g.line, g.column,
                             "'goto " + g.label + "' jumps into the scope of " + declared(array) + " at the label '" + l.label +
                                 "' (" + std::to_string(l.line) + ":" + std::to_string(l.column) +
                                 "), which C forbids: the jump would skip the array's allocation; put the label before the declaration or outside the array's block"};
            }
        }
        return std::nullopt;
    }
};

}  // namespace

std::optional<Error> jump_into_variable_array(const Program& program, const Function& function) {
    // Most functions have no variable-length array, and then no jump can enter one's scope.
    const bool has_variable_array = std::any_of(function.locals.begin(), function.locals.end(), [&](const VarDecl& v) {
        return program.types.is_variably_modified(v.type);
    });
    if (!has_variable_array) return std::nullopt;
    JumpWalk walk{.p = program, .f = function};
    walk.walk(function.body);
    if (walk.error) return walk.error;
    return walk.first_goto_error();
}

}  // namespace memsim::minic::checking
