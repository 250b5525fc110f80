#include "memsim/minic/types.hpp"

#include <algorithm>

#include "memsim/core/assert.hpp"

namespace memsim::minic {

const Field* StructDef::find(const std::string& field_name) const {
    for (const Field& field : fields) {
        if (field.name == field_name) return &field;
    }
    return nullptr;
}

TypeTable::TypeTable(DataModel model) : model_(model) {
    // Fixed indices for the basic types (see the accessors in the header).
    types_.push_back(Type{.kind = TypeKind::Void});
    for (TypeKind kind : {TypeKind::Char, TypeKind::Short, TypeKind::Int, TypeKind::Long, TypeKind::LongLong}) {
        types_.push_back(Type{.kind = kind, .is_unsigned = false});
        types_.push_back(Type{.kind = kind, .is_unsigned = true});
    }
    types_.push_back(Type{.kind = TypeKind::Bool, .is_unsigned = true});
    types_.push_back(Type{.kind = TypeKind::Float});
    types_.push_back(Type{.kind = TypeKind::Double});
}

TypeId TypeTable::integer(TypeKind kind, bool is_unsigned) const {
    switch (kind) {
        case TypeKind::Char: return is_unsigned ? 2 : 1;
        case TypeKind::Short: return is_unsigned ? 4 : 3;
        case TypeKind::Int: return is_unsigned ? 6 : 5;
        case TypeKind::Long: return is_unsigned ? 8 : 7;
        case TypeKind::LongLong: return is_unsigned ? 10 : 9;
        case TypeKind::Bool: return bool_type();
        default: return 5;
    }
}

TypeId TypeTable::intern(const Type& type) {
    for (std::size_t i = 0; i < types_.size(); ++i) {
        if (types_[i] == type) return static_cast<TypeId>(i);
    }
    types_.push_back(type);
    return static_cast<TypeId>(types_.size() - 1);
}

TypeId TypeTable::pointer_to(TypeId element) { return intern(Type{.kind = TypeKind::Pointer, .element = element}); }

TypeId TypeTable::array_of(TypeId element, std::uint64_t count) {
    return intern(Type{.kind = TypeKind::Array, .element = element, .count = count});
}

TypeId TypeTable::variable_array_of(TypeId element, std::int32_t size_expr, std::string spelling) {
    vlas_.push_back(VariableArray{.size_expr = size_expr, .spelling = std::move(spelling), .local = -1, .depth = 0});
    types_.push_back(Type{.kind = TypeKind::Array, .element = element, .vla = static_cast<std::int32_t>(vlas_.size() - 1)});
    return static_cast<TypeId>(types_.size() - 1);
}

void TypeTable::bind_variable_array(TypeId id, std::int32_t local) {
    for (std::uint32_t depth = 0; is_variable_array(id); ++depth, id = types_[id].element) {
        VariableArray& v = vlas_[static_cast<std::size_t>(types_[id].vla)];
        v.local = local;
        v.depth = depth;
    }
}

bool TypeTable::is_variably_modified(TypeId id) const {
    const Type& t = types_[id];
    if (t.vla >= 0) return true;
    return (t.kind == TypeKind::Array || t.kind == TypeKind::Pointer) && is_variably_modified(t.element);
}

TypeId TypeTable::function_type(const Signature& signature) {
    std::size_t index = 0;
    while (index < signatures_.size() && !(signatures_[index] == signature)) ++index;
    if (index == signatures_.size()) signatures_.push_back(signature);
    return intern(Type{.kind = TypeKind::Function, .struct_index = static_cast<std::int32_t>(index)});
}

TypeId TypeTable::declare_struct(const std::string& name, bool is_union) {
    if (const TypeId existing = find_struct(name); existing != 0) return existing;
    structs_.push_back(StructDef{.name = name, .is_union = is_union});
    return intern(Type{.kind = TypeKind::Struct, .struct_index = static_cast<std::int32_t>(structs_.size() - 1)});
}

TypeId TypeTable::declare_anonymous_struct(bool is_union) {
    structs_.push_back(StructDef{.name = is_union ? "(anonymous union)" : "(anonymous struct)", .anonymous = true, .is_union = is_union});
    return intern(Type{.kind = TypeKind::Struct, .struct_index = static_cast<std::int32_t>(structs_.size() - 1)});
}

void TypeTable::name_anonymous_struct(TypeId struct_type, const std::string& name) {
    StructDef& def = structs_[static_cast<std::size_t>(types_[struct_type].struct_index)];
    if (def.anonymous && (def.name == "(anonymous struct)" || def.name == "(anonymous union)")) def.name = name;
}

void TypeTable::complete_struct(TypeId struct_type, const std::vector<Field>& fields) {
    std::uint64_t offset = 0;
    std::uint64_t align = 1;
    std::vector<Field> placed = fields;
    const bool is_union = structs_[static_cast<std::size_t>(types_[struct_type].struct_index)].is_union;
    for (Field& field : placed) {
        const std::uint64_t a = align_of(field.type);
        if (is_union) {
            field.offset = 0;
            offset = std::max(offset, size_of(field.type));
        } else {
            offset = (offset + a - 1) / a * a;
            field.offset = offset;
            offset += size_of(field.type);
        }
        align = std::max(align, a);
    }
    StructDef& def = structs_[static_cast<std::size_t>(types_[struct_type].struct_index)];
    def.fields = std::move(placed);
    def.align = align;
    def.size = std::max<std::uint64_t>((offset + align - 1) / align * align, 1);
    def.complete = true;
}

TypeId TypeTable::find_struct(const std::string& name) const {
    for (std::size_t i = 0; i < types_.size(); ++i) {
        const Type& t = types_[i];
        if (t.kind == TypeKind::Struct && !structs_[static_cast<std::size_t>(t.struct_index)].anonymous &&
            structs_[static_cast<std::size_t>(t.struct_index)].name == name) {
            return static_cast<TypeId>(i);
        }
    }
    return 0;
}

TypeId TypeTable::find_anonymous_struct(const std::string& name) const {
    for (std::size_t i = 0; i < types_.size(); ++i) {
        const Type& t = types_[i];
        if (t.kind == TypeKind::Struct && structs_[static_cast<std::size_t>(t.struct_index)].anonymous &&
            structs_[static_cast<std::size_t>(t.struct_index)].name == name) {
            return static_cast<TypeId>(i);
        }
    }
    return 0;
}

std::uint64_t TypeTable::size_of(TypeId id) const {
    const Type& t = types_[id];
    switch (t.kind) {
        case TypeKind::Void: case TypeKind::Function: return 0;
        case TypeKind::Float: return 4;
        case TypeKind::Double: return 8;
        case TypeKind::Char: case TypeKind::Bool: return 1;
        case TypeKind::Short: return 2;
        case TypeKind::Int: return 4;
        case TypeKind::Long: return model_ == DataModel::Lp64 ? 8 : 4;
        case TypeKind::LongLong: return 8;
        case TypeKind::Pointer: return pointer_size();
        case TypeKind::Array: return t.count * size_of(t.element);
        case TypeKind::Struct: {
            const StructDef& def = structs_[static_cast<std::size_t>(t.struct_index)];
            return def.complete ? def.size : 0;
        }
    }
    return 0;
}

std::uint64_t TypeTable::align_of(TypeId id) const {
    const Type& t = types_[id];
    switch (t.kind) {
        case TypeKind::Array: return align_of(t.element);
        case TypeKind::Struct: return structs_[static_cast<std::size_t>(t.struct_index)].align;
        case TypeKind::Void: case TypeKind::Function: return 1;
        // The i386 System V ABI aligns 8-byte scalars (long long, double) to 4, as gcc -m32's
        // _Alignof and struct layout show; x86-64 aligns every scalar to its size.
        default: return model_ == DataModel::Ilp32 ? std::min<std::uint64_t>(size_of(id), 4) : size_of(id);
    }
}

bool TypeTable::is_integer(TypeId id) const {
    const TypeKind k = types_[id].kind;
    return k == TypeKind::Char || k == TypeKind::Short || k == TypeKind::Int || k == TypeKind::Long ||
           k == TypeKind::LongLong || k == TypeKind::Bool;
}

bool TypeTable::is_complete(TypeId id) const {
    const Type& t = types_[id];
    if (t.kind == TypeKind::Void || t.kind == TypeKind::Function) return false;
    if (t.kind == TypeKind::Struct) return structs_[static_cast<std::size_t>(t.struct_index)].complete;
    if (t.kind == TypeKind::Array) return is_complete(t.element);
    return true;
}

std::string TypeTable::name(TypeId id) const {
    const Type& t = types_[id];
    const std::string sign = t.is_unsigned ? "unsigned " : "";
    switch (t.kind) {
        case TypeKind::Void: return "void";
        case TypeKind::Char: return sign + "char";
        case TypeKind::Short: return sign + "short";
        case TypeKind::Int: return t.is_unsigned ? "unsigned int" : "int";
        case TypeKind::Long: return sign + "long";
        case TypeKind::LongLong: return sign + "long long";
        case TypeKind::Pointer: {
            if (types_[t.element].kind == TypeKind::Function) return function_name(t.element, "(*)");
            const std::string inner = name(t.element);
            return inner + (inner.back() == '*' ? "*" : " *");
        }
        case TypeKind::Function: return function_name(id, "");
        case TypeKind::Float: return "float";
        case TypeKind::Double: return "double";
        case TypeKind::Array: {
            // int [2][3]: the element's own sizes follow this one.
            std::string dims;
            TypeId base = id;
            while (types_[base].kind == TypeKind::Array) {
                const bool variable = types_[base].vla >= 0;
                dims += "[" + (variable ? variable_array(base).spelling : std::to_string(types_[base].count)) + "]";
                base = types_[base].element;
            }
            return name(base) + " " + dims;
        }
        case TypeKind::Struct: {
            const StructDef& def = structs_[static_cast<std::size_t>(t.struct_index)];
            return def.anonymous ? def.name : (def.is_union ? "union " : "struct ") + def.name;
        }
        case TypeKind::Bool: return "bool";
    }
    return "?";
}

// "int (*)(void *, void *)": a function type around `inner` (a declarator such as "(*)").
std::string TypeTable::function_name(TypeId id, const std::string& inner) const {
    const Signature& sig = signature_of(id);
    std::string params;
    for (TypeId p : sig.params) params += (params.empty() ? "" : ", ") + name(p);
    if (sig.variadic) params += params.empty() ? "..." : ", ...";
    if (params.empty()) params = "void";
    return name(sig.returns) + " " + inner + "(" + params + ")";
}

std::uint64_t TypeTable::scalar_count(TypeId id) const {
    const Type& t = types_[id];
    if (t.kind == TypeKind::Array) return t.count * scalar_count(t.element);
    if (t.kind == TypeKind::Struct) {
        std::uint64_t n = 0;
        for (const Field& f : struct_of(id).fields) {
            n += scalar_count(f.type);
            if (struct_of(id).is_union) break;  // an initializer list fills a union's first member
        }
        return n;
    }
    return is_scalar(id) ? 1 : 0;
}

std::vector<std::pair<std::uint64_t, TypeId>> TypeTable::scalar_slots(TypeId id) const {
    std::vector<std::pair<std::uint64_t, TypeId>> slots;
    auto add = [&](auto& self, TypeId type, std::uint64_t offset) -> void {
        const Type& t = types_[type];
        if (t.kind == TypeKind::Array) {
            const std::uint64_t size = size_of(t.element);
            for (std::uint64_t i = 0; i < t.count; ++i) self(self, t.element, offset + i * size);
        } else if (t.kind == TypeKind::Struct) {
            for (const Field& f : struct_of(type).fields) {
                self(self, f.type, offset + f.offset);
                if (struct_of(type).is_union) break;
            }
        } else if (is_scalar(type)) {
            slots.emplace_back(offset, type);
        }
    };
    add(add, id, 0);
    return slots;
}

int TypeTable::rank(TypeId id) const {
    switch (types_[id].kind) {
        case TypeKind::Char: return 1;
        case TypeKind::Short: return 2;
        case TypeKind::Int: return 3;
        case TypeKind::Long: return 4;
        case TypeKind::LongLong: return 5;
        default: return 0;
    }
}

TypeId TypeTable::promote(TypeId id) const {
    if (!is_integer(id)) return id;
    return rank(id) < rank(int_type()) ? int_type() : id;
}

TypeId TypeTable::common(TypeId a, TypeId b) const {
    if (types_[a].kind == TypeKind::Double || types_[b].kind == TypeKind::Double) return double_type();
    if (types_[a].kind == TypeKind::Float || types_[b].kind == TypeKind::Float) return float_type();
    a = promote(a);
    b = promote(b);
    const bool ua = types_[a].is_unsigned, ub = types_[b].is_unsigned;
    if (ua == ub) return rank(a) >= rank(b) ? a : b;
    const TypeId u = ua ? a : b, s = ua ? b : a;
    if (rank(u) >= rank(s)) return u;
    if (size_of(s) > size_of(u)) return s;
    return integer(types_[s].kind, true);
}

}  // namespace memsim::minic
