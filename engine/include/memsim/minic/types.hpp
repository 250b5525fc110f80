#pragma once
// MiniC types and their sizes in memory, per data model.
//
// Every value lives in bytes at an address, so each type has a size and an alignment
// (its address must be a multiple of the alignment). The data model fixes the sizes:
//
//   type        ILP32 (x86-32)   LP64 (x86-64)
//   char              1               1
//   short             2               2
//   int               4               4
//   long              4               8
//   long long         8               8
//   pointer           4               8
//   _Bool (bool)      1               1     holds 0 or 1: storing any other value stores 1
//   float             4               4     IEEE 754 single precision
//   double            8               8     IEEE 754 double precision
//
// Alignment is the size, except that ILP32 (the i386 ABI) aligns long long and double to 4.
//
// A floating-point value is kept as its IEEE bits, in memory and in the interpreter, so
// that every result is the same natively and in WebAssembly. A function type (the target
// of a function pointer) has no size; only pointers to it are values.
//
// An array is its elements back to back (`int a[2][3]`: 2 rows of 3 ints, row-major).
// A union puts every field at offset 0 and is as large as its largest field, padded to
// its alignment. A struct lays its fields out in order, each at the next multiple of its alignment;
// the struct is padded at the end to a multiple of its largest alignment, so that in an
// array every element's fields stay aligned:
//
//   struct node { char tag; int value; struct node *next; }   (LP64)
//   offset 0: tag (1)  1..3: padding  4: value (4)  8: next (8)    size 16, align 8
//
// Types are stored once in a TypeTable and named by index (TypeId), so that the AST and
// the interpreter hold plain numbers.
//
//   TypeTable types(DataModel::Lp64);
//   TypeId p = types.pointer_to(types.int_type());   // int *
//   types.size_of(p) == 8;  types.name(p) == "int *"
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace memsim::minic {

// Sizes of long and pointers.
enum class DataModel : std::uint8_t { Ilp32, Lp64 };

// An index into a TypeTable.
using TypeId = std::uint32_t;

enum class TypeKind : std::uint8_t { Void, Char, Short, Int, Long, LongLong, Pointer, Array, Struct, Bool, Float, Double, Function };

// One type. Pointer and Array name their element type; Struct names its definition.
struct Type {
    TypeKind kind = TypeKind::Int;
    bool is_unsigned = false;
    TypeId element = 0;            // Pointer, Array: what it points to or holds
    std::uint64_t count = 0;       // Array: number of elements
    std::int32_t struct_index = -1;  // Struct: index into TypeTable::structs(); Function: into signatures()
    std::int32_t vla = -1;         // a variable-length array: index into TypeTable::variable_arrays()

    bool operator==(const Type&) const = default;
};

// One dimension of a variable-length array (`int a[n]`, `int m[rows][cols]`), whose size
// is known only when the declaration runs. Each such dimension is a type of its own (its
// count is 0 in the table): the interpreter keeps the sizes the declaration computed, so
// `sizeof` and indexing read them at run time.
struct VariableArray {
    std::int32_t size_expr = -1;  // the expression between the brackets
    std::string spelling{};       // its source text ("n", "rows + 1"), for type names
    std::int32_t local = -1;      // the local declared with it, in its function
    std::uint32_t depth = 0;      // 0 for the outermost dimension of that local

    bool operator==(const VariableArray&) const = default;
};

// A struct field: its name, type and byte offset from the start of the struct.
struct Field {
    std::string name{};
    TypeId type = 0;
    std::uint64_t offset = 0;
};

// A struct definition; `complete` once its fields are known (a pointer to an incomplete
// struct is fine, as in `struct node *next;` inside struct node).
struct StructDef {
    std::string name{};
    std::vector<Field> fields{};
    std::uint64_t size = 0;
    std::uint64_t align = 1;
    bool complete = false;
    bool anonymous = false;  // `struct { ... }`: `name` is its typedef name (or "(anonymous struct)")
    bool is_union = false;   // a union: every field at offset 0, the size of the largest

    // The field named `name`, or nullptr.
    const Field* find(const std::string& field_name) const;
};

// A function type: what it returns and the types of its parameters.
struct Signature {
    TypeId returns = 0;
    std::vector<TypeId> params{};
    bool variadic = false;

    bool operator==(const Signature&) const = default;
};

class TypeTable {
public:
    explicit TypeTable(DataModel model = DataModel::Lp64);

    DataModel model() const { return model_; }
    std::uint32_t pointer_size() const { return model_ == DataModel::Lp64 ? 8u : 4u; }

    // The basic types.
    TypeId void_type() const { return 0; }
    TypeId char_type() const { return 1; }
    TypeId int_type() const { return 5; }
    TypeId unsigned_int_type() const { return 6; }
    TypeId long_type() const { return 7; }
    TypeId unsigned_long_type() const { return 8; }
    TypeId bool_type() const { return 11; }
    TypeId float_type() const { return 12; }
    TypeId double_type() const { return 13; }
    // The integer type of a kind and signedness (Char ... LongLong).
    TypeId integer(TypeKind kind, bool is_unsigned) const;

    // The type for a description, added once.
    TypeId intern(const Type& type);
    TypeId pointer_to(TypeId element);
    TypeId array_of(TypeId element, std::uint64_t count);
    // A new variable-length array type of `element` (each one is a type of its own).
    TypeId variable_array_of(TypeId element, std::int32_t size_expr, std::string spelling);
    // Ties a variable-length array type, and the variable dimensions inside it, to the local
    // declared with it (outermost dimension depth 0).
    void bind_variable_array(TypeId id, std::int32_t local);
    const VariableArray& variable_array(TypeId id) const { return vlas_[static_cast<std::size_t>(types_[id].vla)]; }
    const std::vector<VariableArray>& variable_arrays() const { return vlas_; }
    // The function type with this signature, added once.
    TypeId function_type(const Signature& signature);
    const Signature& signature_of(TypeId id) const { return signatures_[static_cast<std::size_t>(types_[id].struct_index)]; }

    // Declares a struct by name (incomplete until complete_struct); returns its TypeId.
    TypeId declare_struct(const std::string& name, bool is_union = false);
    // Declares a struct (or union) without a tag (each one is a new type).
    TypeId declare_anonymous_struct(bool is_union = false);
    // Names an anonymous struct after its first typedef (`typedef struct {...} Point;`).
    void name_anonymous_struct(TypeId struct_type, const std::string& name);
    // Lays out the fields with C padding rules; the struct becomes complete.
    void complete_struct(TypeId struct_type, const std::vector<Field>& fields);
    // The struct type with this tag, if declared; 0 (void) when none.
    TypeId find_struct(const std::string& name) const;
    // The first struct without a tag that a typedef named `name` (div_t), or 0.
    TypeId find_anonymous_struct(const std::string& name) const;

    const Type& get(TypeId id) const { return types_[id]; }
    const StructDef& struct_of(TypeId id) const { return structs_[static_cast<std::size_t>(types_[id].struct_index)]; }
    const std::vector<StructDef>& structs() const { return structs_; }

    // Bytes the type occupies (0 for void, incomplete structs and variable-length arrays).
    std::uint64_t size_of(TypeId id) const;
    // Required address alignment in bytes.
    std::uint64_t align_of(TypeId id) const;
    // Whether values of the type fit in a 64-bit word (integers, floating point and pointers).
    bool is_scalar(TypeId id) const { return is_arithmetic(id) || is_pointer(id); }
    bool is_integer(TypeId id) const;
    bool is_floating(TypeId id) const { return types_[id].kind == TypeKind::Float || types_[id].kind == TypeKind::Double; }
    bool is_arithmetic(TypeId id) const { return is_integer(id) || is_floating(id); }
    bool is_function(TypeId id) const { return types_[id].kind == TypeKind::Function; }
    bool is_function_pointer(TypeId id) const { return is_pointer(id) && is_function(types_[id].element); }
    bool is_pointer(TypeId id) const { return types_[id].kind == TypeKind::Pointer; }
    bool is_array(TypeId id) const { return types_[id].kind == TypeKind::Array; }
    // A variable-length array: its size is 0 here and known only at run time.
    bool is_variable_array(TypeId id) const { return types_[id].vla >= 0; }
    // A variable-length array, or a pointer to or array of one (C's "variably modified").
    bool is_variably_modified(TypeId id) const;
    bool is_struct(TypeId id) const { return types_[id].kind == TypeKind::Struct; }
    bool is_void(TypeId id) const { return types_[id].kind == TypeKind::Void; }
    bool is_bool(TypeId id) const { return types_[id].kind == TypeKind::Bool; }
    bool is_complete(TypeId id) const;
    // Whether arithmetic on values of the type wraps as unsigned (pointers count as unsigned).
    bool is_unsigned(TypeId id) const { return types_[id].is_unsigned || is_pointer(id); }
    // The element type of a pointer or array.
    TypeId element(TypeId id) const { return types_[id].element; }

    // The scalars (numbers and pointers) inside a type, in memory order, as an initializer
    // list fills them: `struct { int a[2]; char *s; }` has 3. An open array counts 0.
    std::uint64_t scalar_count(TypeId id) const;
    // Their byte offsets and types (scalar_count entries).
    std::vector<std::pair<std::uint64_t, TypeId>> scalar_slots(TypeId id) const;

    // The C spelling: "unsigned long", "int *", "char [6]", "struct node *".
    std::string name(TypeId id) const;

    // The type an integer is promoted to in arithmetic (char and short become int).
    TypeId promote(TypeId id) const;
    // The common type of a binary arithmetic operation (C's usual arithmetic conversions:
    // double if either is double, else float if either is float, else the integer rules).
    TypeId common(TypeId a, TypeId b) const;

private:
    DataModel model_;
    std::vector<Type> types_{};
    std::vector<StructDef> structs_{};
    std::vector<Signature> signatures_{};
    std::vector<VariableArray> vlas_{};

    int rank(TypeId id) const;
    std::string function_name(TypeId id, const std::string& inner) const;
};

}  // namespace memsim::minic
